#ifndef CC_REPLICATION_H
#define CC_REPLICATION_H

/*
 * The state of one replication of the contact center (struct center and what it holds:
 * contacts, agents, queues, groups), shared by the files of models/center/ and by nothing
 * else. They sit in three tiers, each calling only its own and those below:
 * - the loop (center.c): set-up, the event loop, the end;
 * - behaviours: the contact's life from arrival to ACW (contact.c), offers (offer.c) and
 *   missed offers (rona.c), the agent's status machine (agents.c), the choice of matches
 *   (routing.c), hand-overs (transfer.c) and regions (region.c);
 * - services: time accounting and the open rows (accounting.h), the contact pool and the
 *   draws of a contact's attributes (pool.h), contact records and the agent event stream
 *   (records.h). Services call no behaviour.
 * The event classes and the order of ties are documented in center.h.
 */

#include <math.h>
#include <stdint.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "models/center/arrivals.h"
#include "models/center/center.h"
#include "models/center/roster.h"
#include "models/policies/policy.h"
#include "sim/calendar.h"
#include "sim/heap.h"
#include "sim/rng.h"

enum event_kind {
	EV_LOGIN, EV_LOGOUT, EV_UNPLANNED, EV_AWAY, EV_OUTBOUND, EV_STATUS_END, EV_TALK_END,
	EV_ACW_END, EV_ACCEPT, EV_ARRIVAL, EV_ABANDON, EV_OFFER_TIMEOUT, EV_PENDING_END,
	EV_DIAL_END, EV_RETRY, EV_ELIGIBLE, EV_XFER, EV_REJECT, EV_TRAFFIC, EV_RESTART, EV_REDIAL,
	EV_PLANNED /* EV_PLANNED + p: the group's planned status p falls due; keep it last */
};
enum event_class { CLASS_STATUS_DUE, CLASS_AGENT_FREED, CLASS_ACCEPT, CLASS_ARRIVAL,
                   CLASS_PATIENCE, CLASS_OFFER_TIMEOUT };

/* The queue index of outbound calls, which belong to no queue. */
#define OUTBOUND_QUEUE UINT32_MAX

/* Where a contact is. The agent's work counters follow the states with an agent. */
enum kstate {
	K_OUT,     /* with no agent: queued, waiting to retry a callback, or done */
	K_RING,    /* offered, ringing (INCOMING for a callback) */
	K_PENDING, /* a callback accepted, before dialling */
	K_DIAL,    /* a callback being dialled */
	K_TALK,    /* connected */
	K_PAUSED,  /* a task paused: it keeps its slot */
	K_ACW,
	K_HOLD,    /* in a hand-over, its customer on hold (the agent busy: flow, the target's
	              ringing, a consult) */
	K_LINK     /* in a hand-over, the customer on the line (whispers, a conference) */
};

/* The phase of a hand-over that a contact's EV_XFER timer ends. */
enum xfer_phase { PH_NONE, PH_FLOW, PH_EXTERNAL, PH_EXT_CONFERENCE, PH_WHISPER, PH_CONSULT,
                  PH_CONFERENCE, PH_WAIT };

struct agent;

struct contact {
	struct cc_heap_node qnode;   /* in its queue's waiting heap */
	struct contact *prev, *next; /* the agent's contacts in hand, the retry list, or the
	                                free list */
	struct cc_event *patience;   /* pending abandonment, or NULL */
	struct cc_event *ev;         /* its timer with an agent (answer or timeout, pending,
	                                dial, talk, ACW) or its retry, or NULL */
	struct agent *agent;         /* offered to or handled by, or NULL */
	struct contact *peer;        /* during a hand-over, the other leg (the first agent's
	                                contact, or the one handed on), else NULL */
	const struct cc_quick_connect_cfg *via; /* the hand-over it is in or came by, or NULL */
	double arrival_s;
	double queued_s;             /* arrival minus head start: its place in the queue */
	double head_start_s;
	double connect_s;
	double held_s;               /* when the agent took it (its slot is used from then) */
	double since_s;              /* start of its current accounting segment */
	double talk_s;               /* drawn talk time, at an agent's full speed */
	double work_s;               /* talk left at SEG_S, at full speed */
	double seg_s;                /* start of the current talk segment */
	double factor;               /* the slowdown of the current talk segment */
	double talked_s;             /* talk elapsed before the current segment */
	double pause_s;              /* how long the task will pause (0: it will not) */
	double pause_at_s;           /* talk left (full speed) when it pauses */
	double paused_s;             /* time spent paused */
	double talk_end_s;
	double acw_s;
	double patience_s;
	double ring_start_s;
	double ring_sum_s;
	double hold_s;               /* time its customer spent on hold so far */
	double first_arrival_s;      /* the customer's first arrival (this one's, if first) */
	int64_t id;                  /* its record's id */
	int64_t initial_id;          /* the customer's first record */
	int64_t previous_id;         /* the record it continues, or -1 */
	int64_t next_id;             /* the record continuing it, or -1 */
	int32_t first_interval;      /* the customer's first arrival interval, -1: warm-up */
	uint32_t first_queue;        /* the queue of the customer's first arrival */
	uint32_t queue;              /* OUTBOUND_QUEUE for outbound calls */
	int32_t ronas;
	int32_t interval;            /* reported arrival interval, -1 before the warm-up */
	uint8_t state;               /* enum kstate */
	uint8_t cs;                  /* enum cc_contact_state last reported */
	uint8_t channel;
	uint8_t reached;             /* outbound: the customer answered */
	uint8_t absent;              /* the agent it rings will never answer */
	uint8_t segmented;           /* its talk was re-rated or paused: TALK_S no longer holds */
	uint8_t attempts;            /* callback dial attempts so far */
	uint8_t reach_at;            /* callback: the attempt the customer answers, 0: none */
	uint8_t xfer;                /* 1 + the quick connect it will take at the end of its
	                                talk (drawn on arrival), 0: none */
	uint8_t phase;               /* enum xfer_phase of its EV_XFER timer */
	uint8_t direct;              /* offered straight to an agent (a transfer to an agent):
	                                not counted in its queue's figures */
	uint8_t xfer_in;             /* came by a hand-over: whispers play when connected */
	uint8_t rt, rmode;           /* its record's hand-over: enum cc_record_transfer, mode */
	uint8_t ended;               /* ended at once by its agent's region move */
	uint8_t redials;             /* its customer's redials so far (this one included) */
	int32_t source_row;          /* the trace line its customer's call came from, or -1 (32
	                                bits: it fits the padding, so contacts grow no larger) */
	uint8_t silent;              /* its customer leaves silently when patience runs out (drawn
	                                on arrival, chat queues with silent.share > 0) */
	uint8_t gone;                /* ...and has: it waits, rings and is answered as if not */
	double silent_timeout_s;     /* then: how long the chat holds the slot once accepted */
};

/* An agent's place among its group's free agents of one channel, with the keys it was put
 * in with (routing.c keeps them). */
struct ready_node {
	struct ready_node *prev, *next; /* in its level's queue, when there */
	struct cc_heap_node hn;         /* in its level's heap of late-comers, when there */
	double idle_s;
	uint64_t seq;
	int32_t load;                   /* its level: contacts of the channel in hand; -1: out */
	uint32_t agent;                 /* its agent's index in the group */
};

/* One level of a ready set: the free agents holding the same number of contacts of the
 * channel, by (idle_s, seq). Most come in after all the others (their idle timer starts
 * now, and seq grows) and join the queue at its tail; the rest go to the heap. */
struct ready_level {
	struct ready_node *head, *tail;
	struct cc_heap late;
};

/* The agents of one group who can take one more contact of one channel, by (load, idle_s,
 * seq): one level per load below the channel's concurrency, and the first of all. */
struct ready_set {
	struct ready_level *levels;
	int n_levels;
	int first_load;              /* the first's keys, copied here so that routing decisions */
	double first_idle_s;         /* across groups read no agent's node */
	struct ready_node *first;    /* NULL when the set is empty */
};

struct agent {
	struct ready_node *ready;    /* one per channel of its group's profile, in the group's
	                                channel order */
	struct contact *held;        /* contacts in hand, from the offer to the end of ACW */
	struct cc_event *shift_ev;   /* the next login or logout */
	struct cc_event *status_ev;  /* the end of the current status, or NULL */
	struct cc_event *unplanned_ev, *away_ev, *outbound_ev; /* the agent's Poisson clocks */
	gsl_rng *rng;                /* the agent's behaviour: answers, statuses, outbound */
	const struct cc_span *span, *span_end; /* the current or next shift, and the end */
	double since_s;              /* start of the current accounting segment */
	double idle_since_s;         /* the start of its idle timer */
	double staffed_since_s;      /* when the agent last left Offline */
	double overtime_since_s;     /* when overtime began (valid while in overtime) */
	double npt_run_start_s;      /* start of the current run of not-productive statuses */
	double away_until_s;         /* an away episode lasts until then */
	double next_duration_s;
	/* Counts and codes are short (a concurrency is at most 10 per channel, statuses are
	 * fewer than 256): with a hundred thousand agents every byte here is 100 KB. */
	int16_t n_held, n_ring, n_work, n_acw; /* contacts in hand: all, ringing, worked (talk,
	                                          callback pending and dial), in ACW */
	int16_t held_ch[CC_CHANNEL_COUNT];     /* contacts in hand per channel */
	int16_t talking[CC_CHANNEL_COUNT];     /* ...of them connected (the slowdown level) */
	int16_t status;
	int16_t next_status;         /* taken when the last contact ends; CC_NO_STATUS: none */
	int16_t handing;             /* contacts it is handing on (takes no new ones meanwhile) */
	uint8_t moving;              /* moved to another region, finishing its voice contacts
	                                (next_status is then Offline) */
	uint8_t in_shift, overtime;
	uint16_t misses;             /* consecutive missed offers (rona.not_ready_after) */
	uint32_t group;
	int32_t id;
	int32_t rank, crew;          /* place in the shift, for staggered planned statuses */
};

struct queue {
	const struct cc_queue_cfg *cfg;
	struct cc_heap waiting;      /* by (queued_s, id) */
	double waiting_since_s;      /* last change of the number waiting */
	const struct cc_route_edge **servers; /* groups serving it, in group order */
	size_t n_servers;
	double *thresholds;          /* distinct positive finite waits at which another group
	                                becomes eligible, ascending */
	size_t n_thresholds;
	struct cc_event *tick;       /* the head's next threshold, or NULL */
	struct cc_arrivals arrivals;    /* lines (region 0's queues) only */
	gsl_rng *arrival_rng;           /* the line's: a region's copy uses its line's streams */
	gsl_rng *attr_rng;
	gsl_rng *customer_rng;          /* lines with redials or balking: those choices and the
	                                   redials' delays (NULL: none) */
	gsl_rng *silent_rng;            /* lines with silent.share > 0: who leaves silently, and
	                                   the chat's timeout; else NULL */
	gsl_rng *region_rng;            /* lines, with several regions: arrivals' regions and
	                                   restarts */
	double offer_timeout_s;
	double mean_work_s;          /* mean handle + ACW, for customers' wait estimates */
	int serving;                 /* agents logged in whose profile serves it */
	uint8_t channel;
};

struct group {
	const struct cc_group_cfg *cfg;
	const struct cc_routing_profile_cfg *profile;
	struct cc_route_edge *edges; /* its profile's queues in its current region, in the
	                                profile's order */
	size_t n_edges;
	struct cc_route_edge *edges_all; /* N_EDGES per region, region by region */
	size_t region;
	size_t first_agent, n_agents;   /* its agents in center.agents */
	struct ready_set ready[CC_CHANNEL_COUNT]; /* agents who can take one more contact */
	struct ready_node *ready_nodes; /* N_CHANNELS per agent, agent by agent, from ... */
	struct agent *ready_agents;     /* ... the group's first agent */
	uint8_t channels[CC_CHANNEL_COUNT];     /* the channels its profile handles */
	size_t n_channels;
	struct cc_roster roster;
	double unplanned_per_hour;   /* all unplanned statuses together */
	/* Agents in shift, logged in, and in overtime, integrated over time like queue lengths. */
	int scheduled, staffed, overtime;
	double counts_since_s;
};

struct center {
	const struct cc_scenario *scn;
	const struct cc_grid *grid;
	const struct cc_policy *policy;
	struct cc_rep_result *out;
	const struct cc_row_sink *sink;
	struct cc_calendar *cal;
	struct queue *queues;
	struct group *groups;
	struct agent *agents;
	size_t n_agents;
	struct contact *free_contacts;
	struct contact *retrying;    /* callbacks waiting to retry */
	struct contact *restarting;  /* customers about to start again after a region move */
	struct contact *redialing;   /* customers about to call again */
	double *shares;              /* the traffic distribution now, per region */
	void **slabs;
	size_t n_slabs, cap_slabs;
	int64_t next_contact_id;
	uint64_t replication;
	uint64_t ready_seq;
	double now;
	/*
	 * The open rows: raw sums of the reported intervals that something may still add to.
	 * Array row i holds reported interval ROW0 + i; intervals from BASE on are open, those
	 * before it were handed to the sink. WGRID is the grid seen from array row 0 (its first
	 * interval is ROW0), so time spreads land in the array directly. PINS counts, per array
	 * row, the contacts that may still count there by their arrival (their own or their
	 * customer's first). See cc_acct_tick for when a row closes.
	 */
	double *qrow, *grow, *srow, *gcrow;
	int32_t *pins;
	size_t row0, base, cap;
	struct cc_grid wgrid;
	size_t tick_row;             /* the open row whose end is the next tick: the row now is in */
	/* That row's start and end, and its index in the row arrays: time accounted from a start
	 * inside it (nearly always) goes there in one addition. */
	double row_start_s, row_end_s;
	size_t row_at;
	double next_tick;            /* INFINITY: no more ticks (the last row ends at the horizon) */
	size_t qstride, gstride, sstride, cstride; /* entries per row in the row arrays */
	size_t awidth;                             /* entries per agent in agent_raw */
};

/* The stream of PURPOSE of queue line NAME: named as written, so that a region's copy, or
 * adding regions, does not change the line's contacts. */
static inline uint64_t cc_center_line_stream(const char *name, uint64_t purpose)
{
	return cc_rng_source_id_n(name, strlen(name), purpose);
}

static inline int is_npt(int status)
{
	return status >= CC_AGENT_FIRST_NPT;
}

/*
 * Checks that cost too much for the hot path in a normal build, made in the sanitizer build
 * (make check defines CC_CHECKED): that nothing adds to a row already handed over.
 */
#ifdef CC_CHECKED
#define CC_CHECK(expr) CC_ASSERT(expr)
#else
#define CC_CHECK(expr) ((void)0)
#endif

/* Contacts out of every agent's hands (callbacks waiting to retry, customers about to
 * start again) are kept on a doubly linked list through PREV and NEXT. */
static inline void cc_center_list_push(struct contact **head, struct contact *k)
{
	k->prev = NULL;
	k->next = *head;
	if (*head)
		(*head)->prev = k;
	*head = k;
}

static inline void cc_center_list_remove(struct contact **head, struct contact *k)
{
	if (k->prev)
		k->prev->next = k->next;
	else
		*head = k->next;
	if (k->next)
		k->next->prev = k->prev;
	k->prev = k->next = NULL;
}

/* Cancels *EV if set and clears it. */
static inline void cc_center_cancel(struct center *c, struct cc_event **ev)
{
	if (*ev) {
		cc_calendar_cancel(c->cal, *ev);
		*ev = NULL;
	}
}

#endif
