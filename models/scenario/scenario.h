#ifndef CC_SCENARIO_H
#define CC_SCENARIO_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/dist.h"
#include "sim/status.h"

/*
 * A scenario: everything one run needs, as plain structs copied out of the scenario file.
 * The loader (the only code that uses libconfig) validates every setting, so the model can
 * trust what it finds here. Every setting, its type, range, default and meaning, is a row of
 * the settings schema (schema.h), from which scenarios/README.md's tables are generated.
 */

/* The channels, in the order of their codes in results files: X(ENUM_SUFFIX, "name"). */
#define CC_CHANNELS(X)                  \
	X(VOICE, "voice")               \
	X(CHAT, "chat")                 \
	X(EMAIL, "email")               \
	X(TASK, "task")                 \
	X(CALLBACK, "callback")

#define CC_CHANNEL_ENUM(e, name) CC_CHANNEL_##e,
enum cc_channel { CC_CHANNELS(CC_CHANNEL_ENUM) CC_CHANNEL_COUNT };
#undef CC_CHANNEL_ENUM

/* The channel's name as scenarios and results files write it ("?" beyond the range). */
const char *cc_channel_name(enum cc_channel ch);

/* The channels' names by code, then NULL. */
extern const char *const cc_channel_names[CC_CHANNEL_COUNT + 1];

/* Each enum below comes with its names as scenarios write them, in code order, from one
 * X-macro list X(ENUM_SUFFIX, "name"); the names are exported NULL-terminated. */

/* How a queue's arrivals come: poisson, exponential gaps at the (piecewise constant) rate;
 * deterministic, evenly spaced at the rate (one every 3600/per_hour s); trace, the calls of
 * a log, replayed (see struct cc_trace_cfg). */
#define CC_ARRIVAL_PROCESSES(X) X(POISSON, "poisson") X(DETERMINISTIC, "deterministic") \
	X(TRACE, "trace")
#define CC_ARRIVALS_ENUM(e, name) CC_ARRIVALS_##e,
enum cc_arrival_process { CC_ARRIVAL_PROCESSES(CC_ARRIVALS_ENUM) CC_ARRIVALS_COUNT };
#undef CC_ARRIVALS_ENUM
extern const char *const cc_arrival_process_names[CC_ARRIVALS_COUNT + 1];

/* Where a contact that rang an agent in vain (RONA) goes back in its queue: original, its
 * original place, by arrival time (Connect, Webex); tail, behind every contact waiting. */
#define CC_REQUEUES(X) X(ORIGINAL, "original") X(TAIL, "tail")
#define CC_REQUEUE_ENUM(e, name) CC_REQUEUE_##e,
enum cc_requeue { CC_REQUEUES(CC_REQUEUE_ENUM) CC_REQUEUE_COUNT };
#undef CC_REQUEUE_ENUM
extern const char *const cc_requeue_names[CC_REQUEUE_COUNT + 1];

/* Email, task and callback contacts wait without abandoning (deferrable); their queue's
 * service-level threshold is their due time. */
int cc_channel_deferrable(enum cc_channel ch);

/* The highest concurrency a routing profile may give channel CH: 1 for voice and callback,
 * 10 for chat, email and task. */
int cc_channel_max_concurrency(enum cc_channel ch);

/* A class of a queue's contacts: a share of its arrivals queued with a head start (the
 * "time in queue" adjustment by which Amazon Connect gives contacts priority). */
struct cc_priority_cfg {
	double share;        /* of the queue's arrivals, 0..1; classes together at most 1 */
	double head_start_s; /* queued as if they had arrived this much earlier */
};

/* Tasks that are PAUSED once during their work, keeping their slot. */
struct cc_pause_cfg {
	double share;        /* of the queue's contacts, 0..1; 0: none */
	struct cc_dist duration;
};

/* How a queue's customers estimate their wait when deciding on a callback: queue, (contacts
 * waiting + 1) x mean handle / agents logged in serving; oldest, the wait so far of the
 * oldest contact in the queue. */
#define CC_WAIT_ESTIMATES(X) X(QUEUE, "queue") X(OLDEST, "oldest")
#define CC_ESTIMATE_ENUM(e, name) CC_ESTIMATE_##e,
enum cc_wait_estimate { CC_WAIT_ESTIMATES(CC_ESTIMATE_ENUM) CC_ESTIMATE_COUNT };
#undef CC_ESTIMATE_ENUM
extern const char *const cc_wait_estimate_names[CC_ESTIMATE_COUNT + 1];

/* On a chat queue: customers who abandon without closing the chat. The center does not know
 * they left: the chat stays in its queue, is offered and accepted, and the agent's slot stays
 * taken until the chat times out. */
struct cc_silent_cfg {
	double share;           /* of the customers whose patience runs out, 0..1; 0: none */
	struct cc_dist timeout; /* from the agent's accepting it to the chat closing */
};

/* On a voice queue: customers who may ask to be called back instead of waiting. */
struct cc_callback_offer_cfg {
	long queue;          /* the callback queue (channel callback, index in scn->queues, in the
	                        same region), or -1: no callbacks */
	double threshold_s;  /* offered when the estimated wait exceeds this */
	double accept;       /* probability the customer then chooses the callback, 0..1 */
	enum cc_wait_estimate estimate;
};

/* On a callback queue: how the agent calls the customer back. */
struct cc_callback_dial_cfg {
	struct cc_dist pending; /* PENDING: from accepting the callback to dialling */
	struct cc_dist dial;    /* the customer's phone rings, before an answer or a failure */
	double reach;           /* probability the customer answers an attempt, 0..1 */
	int retries;            /* further attempts after a failed one, 0.. */
	double retry_delay_s;   /* from a failed attempt to the callback queueing again */
};

/* On a voice or chat queue: customers who leave without service (abandoning while waiting
 * or ringing, balking, or blocked by the queue's capacity) call again. */
struct cc_redial_cfg {
	double share;        /* probability a customer who leaves without service calls again,
	                        0..1; 0: no redials */
	struct cc_dist delay;/* from leaving to calling again */
	int max;             /* redials per customer at most, 1.. */
	long queue;          /* the queue they call (index in scn->queues, same region, same
	                        channel), or -1: the queue they left */
};

/* On a voice or chat queue: callers who would have to wait hang up at once. */
struct cc_balk_cfg {
	double share;        /* probability a caller who would wait balks, 0..1; 0: none */
	double threshold_s;  /* only when the expected wait exceeds this; -1: whenever they would
	                        wait */
	enum cc_wait_estimate estimate; /* how the wait is estimated (as for callbacks) */
};

/* A skill-level ring of a queue (Genesys Bullseye): from AFTER_S of waiting, agents whose
 * level for the queue is at least LEVEL may take its contacts. */
struct cc_ring_cfg {
	double after_s;
	int level;
};

/* Where a quick connect hands a contact on. */
enum cc_transfer_kind {
	CC_TRANSFER_QUEUE,    /* into a queue, where it waits like any contact (a transfer in) */
	CC_TRANSFER_AGENT,    /* offered to one named agent, or to a free agent of a group */
	CC_TRANSFER_EXTERNAL  /* to an outside number: it leaves the center, with no flow */
};

/*
 * How the first agent hands the contact on, X(ENUM_SUFFIX, "name") in code order:
 *   cold        the first agent leaves as soon as the target connects (for a queue: as soon
 *               as the contact enters it);
 *   consult     the agents talk first, the customer on hold; then the first agent leaves;
 *   conference  (after an optional consult) all three talk together, then the first agent
 *               leaves.
 */
#define CC_TRANSFER_MODES(X)               \
	X(COLD, "cold")                    \
	X(CONSULT, "consult")              \
	X(CONFERENCE, "conference")

#define CC_TRANSFER_MODE_ENUM(e, name) CC_TRANSFER_##e,
enum cc_transfer_mode { CC_TRANSFER_MODES(CC_TRANSFER_MODE_ENUM) CC_TRANSFER_MODE_COUNT };
#undef CC_TRANSFER_MODE_ENUM

/* The transfer modes' names by code, then NULL. */
extern const char *const cc_transfer_mode_names[CC_TRANSFER_MODE_COUNT + 1];

/*
 * A distribution whose parameters change over the day: STEPS[j] for contacts arriving in step
 * j (of WIDTH_S, the scenario's interval, from time 0), the last held after the list ends.
 * N == 0: the queue's one distribution throughout (a scalar, or a list of one value).
 */
struct cc_dist_steps {
	struct cc_dist *steps;
	size_t n;            /* 0, or 2 and more */
	double width_s;
};

/*
 * A quick connect of a queue: a share of the queue's answered contacts are handed on here at
 * the end of their talk. While the hand-over lasts the first agent keeps the contact, its
 * customer on hold (CONNECTED_ONHOLD): through the transfer flow, the target's ringing, the
 * whispers and the consult.
 */
struct cc_quick_connect_cfg {
	double share;              /* of the queue's answered contacts, 0..1 (all the queue's
	                              quick connects together at most 1) */
	enum cc_transfer_kind kind;
	long target;               /* QUEUE: the queue (index in scn->queues, in the same region
	                              as the queue it leaves); AGENT: the group; EXTERNAL: -1 */
	int agent;                 /* AGENT: the agent's index within the group (0 = the group's
	                              first agent), or -1: the free agent the policy picks */
	enum cc_transfer_mode mode;
	struct cc_dist flow;       /* QUEUE and AGENT: the transfer flow (prompt, whisper set-up)
	                              before the contact reaches the target (0 s for EXTERNAL, as
	                              are the whispers) */
	struct cc_dist agent_whisper;    /* played to the agent who takes it, after accepting */
	struct cc_dist customer_whisper; /* then played before the parties are connected */
	struct cc_dist consult;    /* CONSULT (and CONFERENCE, before joining): the agents talk,
	                              the customer on hold; for EXTERNAL, the first agent with the
	                              outside party (0 s for COLD) */
	struct cc_dist conference; /* CONFERENCE: all three together (0 s otherwise) */
	double max_wait_s;         /* QUEUE, CONSULT or CONFERENCE: how long the first agent waits
	                              on hold for an agent of the queue to connect before letting
	                              go (the contact waits on there, as if cold); 2 min by
	                              default */
	double reject;             /* AGENT: probability the offered agent rejects it, 0..1 */
	struct cc_dist handle;     /* AGENT: the target's talk with the customer (by default the
	                              queue's handle; a distribution of its own); 0 s otherwise */
	struct cc_dist acw;        /* AGENT: the target's ACW (by default the queue's); 0 s
	                              otherwise */
	struct cc_dist_steps handle_steps, acw_steps; /* AGENT: HANDLE and ACW per interval step
	                              when they are the queue's and it gives them so (drawn at
	                              the step of the hand-over); N 0 otherwise */
	long fallback;             /* AGENT: the queue (same region) it goes to, cold, when the
	                              target is busy, rejects or misses it; -1: the first agent
	                              takes the customer back and wraps up */
};

/* One call of a trace: its arrival and what the log says of it. */
struct cc_trace_call {
	double arrival_s;   /* from time 0 */
	double handle_s;    /* its talk time; NaN: drawn from the queue's handle */
	double patience_s;  /* NaN: drawn from the queue's patience */
	int64_t line;       /* its line in the CSV file (recorded as source_row) */
	int32_t priority;   /* 0: no head start; k: the queue's k-th priorities class; -1: drawn */
};

/* A queue's calls from a trace (arrivals.process = "trace"), split by day. Replication r
 * replays day r; with no day column, every replication replays day 0, the whole file. */
struct cc_trace_cfg {
	char *file;              /* resolved from the scenario's folder */
	struct cc_trace_call *calls; /* day by day, each day's in time order */
	size_t n_calls;
	size_t *day_first;       /* N_DAYS + 1 entries: day d's calls are [day_first[d],
	                            day_first[d + 1]) */
	size_t n_days;           /* the file's days (1 without a day column) */
	int has_day;             /* the file has a day column */
	size_t file_rows;        /* rows in the whole file, every queue's */
};


/*
 * A day's "busyness": a random factor on a queue's arrival rates, drawn once per replication
 * (Whitt 1999). By mean and sd; with sd 0 it is the mean exactly, and nothing is drawn.
 */
struct cc_busyness_cfg {
	int on;              /* 0: no factor (1) */
	struct cc_dist dist; /* gamma or lognormal by mean and sd, or deterministic at the mean */
};

struct cc_queue_cfg {
	char *name;        /* as written: the line's name, the same in every region */
	char *label;       /* how results and messages name it: NAME, or "NAME@REGION" with
	                      several regions (built from NAME and REGION, never parsed) */
	size_t line;       /* the queue as written in the scenario (index < scn->n_lines) */
	size_t region;     /* its region (index in scn->regions.names) */
	int replica;       /* 1: a region's copy of queue LINE, sharing its name, arrays and
	                      distributions; only its label and its TRANSFERS array (whose queue
	                      indexes are in its own region) are its own */
	enum cc_channel channel;
	enum cc_arrival_process process;
	double *per_hour;   /* rate per interval of the grid from time 0; held at the last value */
	size_t n_rates;     /* >= 1 */
	double rate_width_s;/* the width of a rate's interval (the scenario's interval) */
	char *forecast;     /* the forecast file the rates came from (arrivals.forecast, resolved
	                       from the scenario's folder); NULL: from per_hour */
	struct cc_trace_cfg trace; /* PROCESS trace: the calls it replays (PER_HOUR then holds
	                              their mean rate over the horizon, for estimates only) */
	double *handle_mean_s; /* the handle time's mean in each rate interval (the forecast's
	                          AHT; NaN where it gives none); NULL: HANDLE's own throughout.
	                          A contact's handle time is HANDLE's draw scaled to the mean of
	                          the interval it arrives in (see cc_queue_handle_mean) */
	size_t n_handle_means; /* held at HANDLE's own mean after the last */
	struct cc_dist handle;
	struct cc_dist acw;
	struct cc_dist patience;
	int has_patience;   /* 0: nobody abandons */
	/* Lists of parameters per step: then HANDLE, ACW and PATIENCE are step 0's, and a
	 * contact draws from the step it arrives in (see cc_queue_dist_at). */
	struct cc_dist_steps handle_steps, acw_steps, patience_steps;
	struct cc_busyness_cfg busyness; /* the queue's own factor (arrivals.busyness), which
	                                    replaces the scenario's for this queue */
	double sl_threshold_s;
	double sl_target;
	enum cc_requeue requeue;
	struct cc_priority_cfg *priorities; /* contact classes with a head start; NULL: none */
	size_t n_priorities;
	struct cc_pause_cfg pause;          /* task queues only */
	struct cc_silent_cfg silent;        /* chat queues only */
	struct cc_callback_offer_cfg callback; /* voice queues only */
	struct cc_callback_dial_cfg dialing;   /* callback queues only (its defaults on every
	                                          queue when not given) */
	struct cc_redial_cfg redial;        /* voice and chat queues only */
	struct cc_balk_cfg balk;            /* voice and chat queues only */
	int capacity;       /* at most this many waiting (voice and chat queues): the next new
	                       contact or redial is blocked (a busy signal); -1: no limit */
	struct cc_ring_cfg *rings;          /* Bullseye rings by wait, ascending AFTER_S and
	                                       descending LEVEL; NULL: one ring, every level */
	size_t n_rings;
	struct cc_quick_connect_cfg *transfers; /* where answered contacts are handed on; NULL:
	                                           never */
	size_t n_transfers;
};

/* A queue served by a routing profile. */
struct cc_profile_queue_cfg {
	size_t queue;        /* a line (index < n_lines): served in the group's region */
	int priority;        /* 1 is served first */
	double delay_s;      /* contacts go to the profile's agents only once they have waited
	                        this long (0: at once) */
	int level;           /* the agents' skill level for the queue, 1..20 (Bullseye rings) */
};

/*
 * A routing profile (Amazon Connect): the channels an agent handles, how many contacts of
 * each at once, and the queues served with their priority and delay.
 */
struct cc_routing_profile_cfg {
	char *name;
	int concurrency[CC_CHANNEL_COUNT]; /* 0: the channel is not handled */
	int cross_channel;   /* 1: while on contacts, offered any handled channel (each within
	                        its concurrency); 0: only the channel already in hand */
	struct cc_profile_queue_cfg *queues;
	size_t n_queues;
};

/*
 * The routing policies a scenario may name, in alphabetical order: X(name). The scenario
 * language knows their names; each is implemented by models/policies/<name>.c, which defines
 * cc_policy_<name> (models/policies/registry.c reads this list).
 */
#define CC_POLICY_NAMES(X) X(bullseye) X(longest_idle) X(longest_waiting) X(priority)

/* The policy of a scenario that names none. */
#define CC_POLICY_DEFAULT "longest_idle"

/* The names of CC_POLICY_NAMES, separated by ", ". */
const char *cc_policy_name_list(void);

/* Whether NAME is one of CC_POLICY_NAMES. */
int cc_policy_name_known(const char *name);

/* The routing policy and its options. */
struct cc_routing_cfg {
	char *policy;        /* one of CC_POLICY_NAMES; CC_POLICY_DEFAULT by default */
	int idle_inbound;    /* 1: an agent's idle timer runs from its last inbound contact;
	                        0: from its last activity (any change of status or contact) */
};

/*
 * Agent statuses. The fixed ones come first; the scenario's not-productive statuses (Break,
 * Lunch, Training...) follow, status CC_AGENT_FIRST_NPT + i being scn->statuses[i].
 * RONA is set by the system only; Available is the only status that receives contacts.
 */
enum { CC_AGENT_OFFLINE, CC_AGENT_AVAILABLE, CC_AGENT_RONA, CC_AGENT_FIRST_NPT };
/* At most this many statuses in all (they are stored as bytes in the agent event stream). */
#define CC_MAX_STATUSES 200

/*
 * Every duration a scenario sets is 0 or from CC_MIN_DURATION_S (1 ms) up, so that no timer
 * (an offer timeout, an answer delay, a retry) can re-arm itself faster than the clock tells
 * times apart; and at most CC_MAX_DURATION_S (100 years of 365 days), so that the clock still
 * tells 1 ms apart at the horizon (a double's step at 3.2e9 s is 5e-7 s).
 */
#define CC_MIN_DURATION_S 1e-3
#define CC_MAX_DURATION_S (100 * 365 * 86400.0)

/* Per channel. */
struct cc_channel_cfg {
	double offer_timeout_s; /* an offer not accepted by then is missed: RONA (18 s voice and
	                           callback, 30 s digital channels by default) */
	double *slowdown;       /* slowdown[n - 1]: factor on the talk time of each of this
	                           channel's contacts while an agent talks on n of them at once
	                           (the last value holds beyond the list); NULL: no slowdown */
	size_t n_slowdown;
};


/* A shift: COUNT agents logged in from START_S to END_S (seconds from time 0). */
struct cc_shift_cfg {
	double start_s, end_s;
	int count;
};

/* A planned status from the schedule ("Lunch at 12:00 for 30 minutes, spread over 2 hours"). */
struct cc_planned_cfg {
	int status;          /* >= CC_AGENT_FIRST_NPT */
	int after_login;     /* 1: AT_S counts from the start of each shift; 0: from time 0 */
	double at_s;
	double window_s;     /* the shift's agents start it staggered evenly over [at, at + window) */
	double share;        /* the share of each shift's agents who take it, 0..1 (1: all) */
	struct cc_dist duration;
};

/* An unplanned status: taken at a rate per logged-in hour, for a drawn duration. */
struct cc_unplanned_cfg {
	int status;          /* >= CC_AGENT_FIRST_NPT */
	double per_hour;
	struct cc_dist duration;
};

/* How an agent answers offers. */
struct cc_answer_cfg {
	struct cc_dist delay;  /* from the start of ringing to acceptance */
	double miss;           /* probability an offer is never answered (0..1) */
	double away_per_hour;  /* "away" episodes per logged-in hour: Available, not answering */
	struct cc_dist away;   /* their durations (when away_per_hour > 0) */
};

/* What an agent in RONA does. */
struct cc_rona_cfg {
	struct cc_dist reaction; /* from the RONA (or the end of an away episode) to the choice */
	double available;        /* probability of choosing Available; otherwise the idle reason */
	struct cc_dist idle;     /* time in the idle reason before choosing Available */
	int not_ready_after;     /* after this many consecutive missed offers the system puts the
	                            agent in NOT_READY_STATUS instead; 0: never */
	int not_ready_status;    /* an NPT status (the group's idle reason by default), or -1 */
	struct cc_dist not_ready;/* time in it before the agent chooses Available */
};

/* Outbound calls placed by the group's agents. */
struct cc_outbound_cfg {
	double per_hour;          /* attempts per logged-in agent-hour; 0: no outbound work */
	double from_s, until_s;   /* the campaign: attempts only in [from, until) */
	int status;               /* NPT status set to dial (no inbound meanwhile), or -1: dial
	                             in the current status */
	double reach;             /* probability the customer answers (0..1) */
	struct cc_dist dial;      /* ringing the customer, before an answer or a failure */
	struct cc_dist handle;    /* talk once answered */
	struct cc_dist acw;
	int available_after;      /* 1: Available when the outdial ends; 0: stays idle */
	struct cc_dist idle_after;/* with available_after 0: time idle before choosing Available */
};

/*
 * An agent group. Its schedule is one of: COUNT agents for the whole horizon (no shifts, no
 * profile); SHIFTS; or a day PROFILE of counts per step (agent i works the steps whose count
 * exceeds i, so counts rise by logging agents in and fall by logging them out).
 */
struct cc_group_cfg {
	char *name;
	size_t region;      /* the region it starts in (index in scn->regions.names) */
	int count;          /* agents in the group: every shift's count, or the profile's peak */
	size_t *skills;     /* lines (queue indexes < n_lines), in the order the group serves
	                       them (its routing profile's queues, in the profile's order); served
	                       in the group's region */
	size_t n_skills;
	size_t routing;     /* index of its routing profile in the scenario */
	struct cc_shift_cfg *shifts;
	size_t n_shifts;    /* 0: the whole horizon */
	int *profile;       /* counts per step from time 0 (NULL: no profile) */
	size_t n_profile;
	double profile_step_s;
	int login_status;   /* status at the start of a shift: Available, Offline or an NPT */
	struct cc_dist login_delay; /* from the start of a shift to Available (unless login is
	                               Available already) */
	int idle_status;    /* the default idle reason (an NPT status), or -1 when none is named */
	double acw_limit_s; /* ACW is cleared automatically after this (INFINITY: no limit) */
	struct cc_planned_cfg *planned;
	size_t n_planned;
	struct cc_unplanned_cfg *unplanned;
	size_t n_unplanned;
	struct cc_answer_cfg answer;
	struct cc_rona_cfg rona;
	struct cc_outbound_cfg outbound;
};

/* A scheduled change of the traffic distribution, possibly moving agent groups. */
struct cc_region_move_cfg {
	size_t group;
	size_t to;           /* region index */
};
struct cc_traffic_change_cfg {
	double at_s;
	double *shares;      /* new share of arrivals per region [n_regions], summing to 1 */
	struct cc_region_move_cfg *moves;
	size_t n_moves;
};

/*
 * Regions (sites, Amazon Connect's traffic distribution groups). Every queue of the scenario
 * exists in every region; a queue's arrivals go to region r with probability shares[r], and
 * a group serves its profile's queues in its own region. A scenario without regions has one,
 * named "" (queue names are then unchanged).
 */
struct cc_regions_cfg {
	char **names;
	size_t n;            /* >= 1 */
	double *shares;      /* at time 0, [n], summing to 1 */
	struct cc_traffic_change_cfg *changes; /* ascending AT_S */
	size_t n_changes;
	/* Moving agents: their voice contacts finish first; their chat, email and task contacts
	 * end at once; then they arrive Offline and choose Available after AVAILABLE_AFTER. */
	struct cc_dist available_after; /* one to two minutes (uniform) by default */
	int automatic;       /* 1: a custom desktop sets them Available on arrival */
	double restart;      /* probability a customer whose chat or task was ended starts again
	                        (routed by the traffic distribution at that time), 0..1 */
	struct cc_dist restart_delay;
};

struct cc_scenario {
	char *name;
	char *path;         /* the file it came from */
	char *text;         /* the file's text, for provenance */
	char *overrides;    /* "--set" assignments applied, one per line ("" when none) */
	uint64_t seed;
	double horizon_s;
	double warmup_s;
	double interval_s;
	int replications;
	struct cc_queue_cfg *queues; /* region by region: queue LINE of region R is at index
	                                R * n_lines + LINE */
	size_t n_queues;     /* n_lines * regions.n */
	size_t n_lines;      /* queues as written in the scenario */
	struct cc_regions_cfg regions;
	struct cc_group_cfg *groups;
	size_t n_groups;
	char **statuses;     /* names of the not-productive statuses, in the scenario's order */
	size_t n_statuses;
	struct cc_channel_cfg channels[CC_CHANNEL_COUNT];
	/* Routing profiles: those the scenario names, then one made for each group that gives
	 * `skills` instead (named after the group: concurrency 1 on its queues' channels, the
	 * queues at priorities 1, 2, ... in the order listed, no delays, level 1). */
	struct cc_routing_profile_cfg *profiles;
	size_t n_profiles;
	struct cc_routing_cfg routing;
	/* The clock: time 0 is START_S seconds after midnight (NaN: no clock, times are offsets
	 * from 0), on DATE ("YYYY-MM-DD"; "" when none was given). */
	double start_s;
	char date[11];
	/* The fewest days of the traces with a day column (0: none has one): replications may
	 * not outnumber them (see cc_scenario_check_replications). */
	size_t trace_days;
	struct cc_busyness_cfg busyness; /* one factor per replication on every queue's rates,
	                                    except queues with a factor of their own */
	int rep_intervals;   /* write every replication's interval figures, not only its totals */
	int contact_records; /* write one row per contact record */
	int agent_events;    /* write the agent event stream */
	/* What loads but is almost surely mistyped (a handle mean of 50 hours, an offer timeout
	 * under a second): "file:line: warning: setting: problem", for the command to print. */
	char **warnings;
	size_t n_warnings;
};

/*
 * Loads PATH, applying the N_SETS overrides SETS ("queues.[0].handle.mean=200s" or
 * "queues.sales.handle.mean=200s") before validation. On failure returns CC_ERR_SCENARIO
 * (or CC_ERR_IO when the file cannot be read) with "file:line: setting: problem" in ERR.
 */
enum cc_status cc_scenario_load(const char *path, const char *const *sets, size_t n_sets,
                                struct cc_scenario *scn, char *err, size_t errlen);

void cc_scenario_fini(struct cc_scenario *scn);

/* Index in scn->queues of the queue named NAME ("<line>@<region>" with several regions),
 * or -1. */
long cc_scenario_queue_index(const struct cc_scenario *scn, const char *name);

/* Every agent status (fixed and named) in all. */
size_t cc_scenario_status_count(const struct cc_scenario *scn);

/* The name of status S: "Offline", "Available", "RONA", or a scenario status. */
const char *cc_scenario_status_name(const struct cc_scenario *scn, size_t s);

/* The mean handle time of queue Q's contacts arriving at time T (seconds from 0): the
 * forecast's AHT for T's interval when it gives one, else the handle distribution's mean. */
double cc_queue_handle_mean(const struct cc_queue_cfg *q, double t);

/* CC_OK when N replications of SCN each have a day of every trace to replay; else
 * CC_ERR_SCENARIO with ERR naming both counts. */
enum cc_status cc_scenario_check_replications(const struct cc_scenario *scn, size_t n,
                                              char *err, size_t errlen);
/* The distribution of a contact arriving at time T: D itself, or its step of STEPS. */
static inline const struct cc_dist *cc_queue_dist_at(const struct cc_dist *d,
                                                     const struct cc_dist_steps *steps, double t)
{
	if (!steps->n)
		return d;
	double j = floor(t / steps->width_s);
	return &steps->steps[!(j >= 0) ? 0 : j >= (double)steps->n ? steps->n - 1 : (size_t)j];
}

/* Whether queue Q's arrivals are scaled by a busyness factor (its own or the scenario's). */
int cc_queue_has_busyness(const struct cc_scenario *scn, const struct cc_queue_cfg *q);

/* Whether any queue of SCN has a busyness factor. */
int cc_scenario_has_busyness(const struct cc_scenario *scn);

/* Total agents over all groups. */
long cc_scenario_agents(const struct cc_scenario *scn);

#endif
