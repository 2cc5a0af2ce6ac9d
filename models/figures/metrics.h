#ifndef CC_METRICS_H
#define CC_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "models/scenario/scenario.h"
#include "sim/stats.h"

/*
 * What one replication measures, and the figures derived from it.
 *
 * The simulation adds raw sums (counts, seconds, time integrals) into rows, one per
 * reported interval, indexed by (queue or group, field); the totals row over the whole
 * post-warm-up horizon is the sum of the interval rows. Figures (service level, ASA,
 * occupancy...) are ratios of raw sums, derived once per row from one descriptor table,
 * which also gives each figure its name, units and description for the results file and the
 * docs. Only raw sums are kept while a replication runs.
 *
 * Counts follow a contact's arrival interval (a contact offered at 09:29 and answered at
 * 09:31 counts in the 09:00 interval); times are split across the intervals they cover.
 */

enum cc_queue_raw {
	CC_QR_OFFERED,        /* contacts that arrived */
	CC_QR_ANSWERED,       /* ...and were connected to an agent */
	CC_QR_ABANDONED,      /* ...and hung up while waiting */
	CC_QR_IN_SL,          /* answered with wait <= threshold */
	CC_QR_ABANDONED_IN_SL,/* abandoned with wait <= threshold */
	CC_QR_QUEUED,         /* found no agent free on arrival */
	CC_QR_WAIT_SUM,       /* seconds waited by answered contacts */
	CC_QR_ABANDON_SUM,    /* seconds waited by abandoned contacts */
	CC_QR_HANDLED,        /* contacts whose ACW ended before the horizon */
	CC_QR_TALK_SUM,       /* their talk seconds */
	CC_QR_ACW_SUM,        /* their ACW seconds */
	CC_QR_QUEUE_TIME,     /* integral of the number waiting (contact-seconds), split by time */
	CC_QR_WORK_TIME,      /* agent-seconds on this queue's contacts (talk + ACW), split by time */
	CC_QR_OFFERS,         /* offers of offered contacts to agents (each ring, or an at-once answer) */
	CC_QR_RONAS,          /* offers that timed out (RONA) */
	CC_QR_RING_SUM,       /* seconds those offers rang */
	CC_QR_ABANDONED_RINGING, /* abandoned while an agent's phone rang (counted in ABANDONED) */
	CC_QR_RONA_1,         /* contacts whose fate came after exactly 1 RONA */
	CC_QR_RONA_2,         /* ...exactly 2 */
	CC_QR_RONA_3P,        /* ...3 or more */
	CC_QR_CALLBACKS,      /* voice contacts whose customer chose a callback instead of waiting
	                         (they leave the queue; the callback is offered at its own queue) */
	CC_QR_CALLBACK_ATTEMPTS, /* callback queues: dial attempts, by the callback's arrival */
	CC_QR_UNREACHED,      /* callback queues: callbacks given up after the last attempt failed */
	CC_QR_PAUSE_SUM,      /* seconds handled contacts (tasks) spent PAUSED */
	CC_QR_HOLD_SUM,       /* seconds handled contacts spent on hold (CONNECTED_ONHOLD) */
	CC_QR_TRANSFERS_IN,   /* contacts transferred into this queue (counted in OFFERED too) */
	CC_QR_TRANSFERS_OUT,  /* answered contacts whose agent started a transfer (any kind) */
	CC_QR_TRANSFERS_EXTERNAL, /* ...to an outside number */
	CC_QR_TRANSFERS_FAILED,   /* ...to an agent who was busy, rejected or missed it (or
	                             moved away while it rang) */
	CC_QR_RESTARTS_IN,    /* customers starting again here after a region move ended their
	                         chat or task (counted in OFFERED too) */
	CC_QR_ENDED_BY_MOVE,  /* connected contacts ended at once by their agent's region move */
	CC_QR_BALKED,         /* would have waited, and hung up at once (counted in OFFERED) */
	CC_QR_BLOCKED,        /* found the queue at its capacity: a busy signal (in OFFERED) */
	CC_QR_REDIALS,        /* customers calling again after leaving without service, by the
	                         redial's arrival here (counted in OFFERED too) */
	/* Customers, by the queue and interval of their first arrival, followed through every
	 * record (transfers, callbacks, restarts) to the last. */
	CC_QR_CUSTOMERS,      /* customers whose first contact arrived here */
	CC_QR_CUSTOMERS_CONNECTED, /* ...whose last record was connected to an agent */
	CC_QR_CUSTOMERS_IN_SL,     /* ...within the threshold of their first arrival */
	CC_QR_CUSTOMER_WAIT_SUM,   /* seconds from first arrival to last connect, over them */
	CC_QR_CUSTOMERS_REDIALLED, /* ...who called again at least once */
	CC_QR_CUSTOMERS_LOST,      /* ...whose last record ended without reaching an agent */
	/* Silent abandonment (chat): customers who left without closing the chat. */
	CC_QR_SILENT,         /* contacts whose customer left silently (counted in none of the
	                         abandonment sums: the center saw them waiting on) */
	CC_QR_SILENT_SLOT_SUM,/* seconds their chats held an agent's slot, from the accept to the
	                         timeout closing it (ACW not included), over those completed */
	CC_QR_SILENT_AT_END,  /* ...of them still waiting or ringing at the horizon */
	CC_QR_COUNT
};

/*
 * Agent time is split exclusively: at any moment a logged-in agent is ringing, talking, in
 * ACW, or in its status with none of these (the status array below). So per agent and group:
 * staffed = ring + talk + ACW + time in each status other than Offline. Overlays (outbound,
 * NPT while on a contact) are parts of talk + ACW counted again on their own.
 */
enum cc_group_raw {
	CC_GR_SCHEDULED,    /* agent-seconds inside shifts */
	CC_GR_STAFFED,      /* agent-seconds logged in (not Offline), overtime included */
	CC_GR_OVERTIME,     /* agent-seconds logged in after the end of a shift */
	CC_GR_RING,         /* agent-seconds ringing (an offer not yet accepted or missed) */
	CC_GR_TALK,         /* agent-seconds connected to a contact, outbound included */
	CC_GR_ACW,          /* agent-seconds in after-contact work, outbound included */
	CC_GR_OUTBOUND,     /* overlay: talk + ACW of outbound calls */
	CC_GR_NPT_ON_CONTACT, /* overlay: talk + ACW while in a not-productive status */
	CC_GR_ANSWERED,     /* offered contacts connected to the group's agents */
	CC_GR_OFFERS,       /* offers made to the group's agents, by the time of the offer */
	CC_GR_RONAS,        /* offers the group's agents missed, by the time of the offer */
	CC_GR_RING_RONA,    /* seconds the missed offers rang */
	CC_GR_RING_ABSENT,  /* seconds offers rang on agents who would never answer them (away,
	                       or missing it outright), until the timeout or the customer hung up */
	CC_GR_NPT_RUNS,     /* runs of consecutive not-productive statuses, by their start */
	CC_GR_NPT_RUN_SUM,  /* their lengths (the "20:00/30:00" total timer at the run's end) */
	CC_GR_ACW_LIMITED,  /* ACWs cleared by the ACW limit, by their start */
	CC_GR_OUTBOUND_CALLS, /* outbound attempts placed, by their start */
	CC_GR_OUTBOUND_REACHED, /* ...that the customer answered */
	CC_GR_HOLD,         /* contact-seconds the group's agents held a customer on hold (with
	                       concurrency, two contacts on hold at once count twice) */
	CC_GR_TRANSFERS_OUT,/* transfers started by the group's agents, by their start */
	CC_GR_TRANSFERS_IN, /* transferred contacts connected to the group's agents, by the time */
	CC_GR_TRANSFERS_REJECTED, /* transfers offered to the group's agents that they rejected */
	CC_GR_MOVED,        /* agents moved to another region, by the time of the move */
	CC_GR_NOT_READY,    /* agents put in rona.not_ready_status after rona.not_ready_after
	                       consecutive misses, by the time */
	CC_GR_COUNT
};

/*
 * Per agent group and channel, so that blended groups show what each channel takes. With
 * concurrency an agent holds several contacts at once: SLOTS counts each, BUSY the agent once.
 */
enum cc_group_channel_raw {
	CC_GCR_SLOTS,    /* contact-seconds held by the group's agents: from the offer to the end
	                    of ACW, paused time included (slots in use, integrated) */
	CC_GCR_BUSY,     /* agent-seconds holding at least one contact of the channel */
	CC_GCR_WORK,     /* contact-seconds in talk or ACW */
	CC_GCR_ANSWERED, /* contacts of the channel connected to the group's agents, by the
	                    contact's arrival interval */
	CC_GCR_COUNT
};

/* Per-agent totals over the whole run (warm-up included), for the per-agent invariants. */
enum cc_agent_raw {
	CC_AR_SCHEDULED, CC_AR_STAFFED, CC_AR_OVERTIME, CC_AR_RING, CC_AR_TALK, CC_AR_ACW,
	CC_AR_COUNT /* then one entry per status, as the status array */
};

/*
 * Whole-run counts (warm-up included), for the conservation invariants, each declared once:
 * X(name, description, note), the note being what results/README.md adds to the description
 * ("" for nothing). Records: arrived + transfers_in + restarts + redials + direct = answered +
 * abandoned + balked + blocked + callbacks + unreached + direct_failed + waiting_at_end (a
 * direct transfer still ringing at the end, or a redial still to come, counts as waiting),
 * and answered = completed + in_service_at_end.
 * Customers: customers = customers_done + customers_at_end. Silent abandonment: silent =
 * silent_answered + silent_waiting_at_end.
 */
#define CC_COUNTS(X) \
	X(arrived, "new contacts that arrived at a queue over the whole run, warm-up included: customers' first arrivals and callbacks (not transfers in or restarts)", "") \
	X(answered, "contact records connected to an agent (transfers in, restarts and direct transfers included)", "") \
	X(abandoned, "contact records whose customer hung up before reaching an agent", "") \
	X(waiting_at_end, "contact records still waiting at the horizon (a direct transfer still ringing included)", "") \
	X(completed, "answered contact records that are over, their after-contact work (if any) ended: transferred and ended-by-move records included", "") \
	X(in_service_at_end, "answered contact records in talk, on hold or in ACW at the horizon", "") \
	X(outbound, "outbound calls placed (in none of the counts above)", "") \
	X(callbacks, "contacts that left their queue for a callback (the callback itself arrives anew at its callback queue)", "the callback is counted again in `arrived`") \
	X(unreached, "callbacks given up after their last dial attempt failed", "") \
	X(transfers_in, "contacts transferred into a queue (a quick connect to a queue, or the fallback queue of a failed agent transfer): each a new record there", "") \
	X(direct, "transfers offered to an agent directly", "a quick connect to an agent") \
	X(direct_failed, "direct transfers the target agent rejected or missed, or that were withdrawn when it moved region (one that found no agent free was never offered and counts in neither)", "only the queue's `transfers_failed` counts a transfer that finds no agent free") \
	X(restarts, "customers who started again at a queue after a region move ended their chat or task", "") \
	X(balked, "contact records whose caller would have had to wait and hung up at once (queues.balk)", "") \
	X(blocked, "contact records that found their queue at its capacity: a busy signal (queues.capacity)", "") \
	X(redials, "customers' calls again after leaving without service (abandoned, balked or blocked; queues.redial): each a new record, counted when the customer decides to call again", "a redial still to come at the horizon is recorded as waiting_at_end, as a restart is") \
	X(customers, "customers: first arrivals (not transfers, callbacks or restarts)", "") \
	X(customers_done, "customers whose last record is over", "") \
	X(customers_at_end, "customers still in the center at the horizon: their last record so far is not over (customers = customers_done + customers_at_end)", "") \
	X(silent, "chat customers who left without closing the chat (silent abandonment); the center goes on as if they waited, so their records count as answered or waiting_at_end, not abandoned (silent = silent_answered + silent_waiting_at_end)", "") \
	X(silent_answered, "contact records answered whose customer had left silently (counted in answered)", "") \
	X(silent_waiting_at_end, "contact records waiting or ringing at the horizon whose customer had left silently (counted in waiting_at_end)", "") \
	X(events, "events processed", "")
#define CC_COUNT_MEMBER(name, description, note) uint64_t name;
struct cc_rep_counts { CC_COUNTS(CC_COUNT_MEMBER) };
#undef CC_COUNT_MEMBER

/* A field of struct cc_rep_counts, for writing and documenting them all: its name and
 * meaning. */
struct cc_count_field {
	const char *name;
	size_t offset;   /* of the uint64_t in struct cc_rep_counts */
	const char *description;
	const char *note; /* what results/README.md adds to the description ("" for nothing) */
};

/* Every count, in the struct's order; *N receives how many. */
const struct cc_count_field *cc_count_fields(size_t *n);
uint64_t cc_count_value(const struct cc_rep_counts *c, const struct cc_count_field *f);

/*
 * The enums of the records and events below, each value with the name the results file gives
 * it and what it means: X(VALUE, "name", "meaning"). The enum, the file's enum types and the
 * table of codes in results/README.md all come from these lists.
 */

/* Outcome of a contact record. */
#define CC_OUTCOMES(X)                                                                       \
	X(HANDLED, "handled", "answered and finished: talk, and ACW if any, over")            \
	X(ABANDONED, "abandoned", "the customer hung up before reaching an agent")             \
	X(WAITING_AT_END, "waiting_at_end", "still waiting at the horizon")                    \
	X(IN_SERVICE_AT_END, "in_service_at_end", "with an agent (talk, hold or ACW) at the horizon") \
	X(OUTBOUND, "outbound", "an outbound call")                                            \
	X(CALLBACK, "callback", "the customer left the queue for a callback; the callback is a new record at the callback queue whose previous_record_id is this record") \
	X(UNREACHED, "unreached", "a callback whose every dial attempt failed")                \
	X(TRANSFERRED, "transferred", "answered, then handed on as the record's transfer says") \
	X(ENDED_BY_MOVE, "ended_by_move", "a chat, email or task ended at once when its agent moved to another region") \
	X(BALKED, "balked", "the caller would have had to wait and hung up at once")           \
	X(BLOCKED, "blocked", "the queue was at its capacity: the caller got a busy signal")
#define CC_OUTCOME_ENUM(e, name, doc) CC_OUTCOME_##e,
enum cc_outcome { CC_OUTCOMES(CC_OUTCOME_ENUM) CC_OUTCOME_COUNT };
#undef CC_OUTCOME_ENUM

/* What a record's hand-over was. */
#define CC_RECORD_TRANSFERS(X)                                                               \
	X(NONE, "none", "not transferred")                                                     \
	X(QUEUE, "queue", "into a queue: the next record continues it")                        \
	X(AGENT, "agent", "to an agent: the next record continues it")                         \
	X(EXTERNAL, "external", "to an outside number: no next record")                        \
	X(FAILED, "failed", "to an agent who was busy, rejected or missed it (or moved away while it rang): the first agent kept the customer, or the fallback queue took it as the next record")
#define CC_RT_ENUM(e, name, doc) CC_RT_##e,
enum cc_record_transfer { CC_RECORD_TRANSFERS(CC_RT_ENUM) CC_RT_COUNT };
#undef CC_RT_ENUM

/* Why a contact record ended. */
#define CC_DISCONNECTS(X)                                                                    \
	X(NONE, "none", "still in the system at the horizon")                                  \
	X(CUSTOMER, "CUSTOMER_DISCONNECT", "the customer hung up before reaching an agent, while waiting or ringing") \
	X(ENDED, "CONVERSATION_ENDED", "the conversation ended (the model does not say who hung up)") \
	X(FAILED, "OUTBOUND_FAILED", "an outbound call the customer did not answer")           \
	X(TRANSFERRED, "TRANSFERRED", "handed on to a queue, an agent or an outside number")   \
	X(AGENT, "AGENT_DISCONNECT", "the agent left (a region move)")                         \
	X(BUSY, "BUSY_SIGNAL", "the queue was full: the caller got a busy signal")
#define CC_DISCONNECT_ENUM(e, name, doc) CC_DISCONNECT_##e,
enum cc_disconnect { CC_DISCONNECTS(CC_DISCONNECT_ENUM) CC_DISCONNECT_COUNT };
#undef CC_DISCONNECT_ENUM

/* Contact states in the agent event stream, as Amazon Connect names them. */
#define CC_CONTACT_STATES(X)                                                                 \
	X(NONE, "NONE", "the agent has no contact (after the change)")                         \
	X(CONNECTING, "CONNECTING", "offered, ringing")                                        \
	X(CONNECTED, "CONNECTED", "the agent is handling the contact (talk, or a chat, email or task)") \
	X(CONNECTED_ONHOLD, "CONNECTED_ONHOLD", "the customer is on hold while the agent transfers or consults") \
	X(MISSED, "MISSED", "not accepted within the offer timeout: RONA")                     \
	X(REJECTED, "REJECTED", "the customer hung up while it was connecting")                \
	X(ENDED, "ENDED", "the conversation is over; the agent is in ACW")                     \
	X(ERROR, "ERROR", "an outbound call or a callback attempt failed (the customer did not answer)") \
	X(INCOMING, "INCOMING", "a queued callback is offered to the agent")                   \
	X(PENDING, "PENDING", "the agent accepted the callback; the customer is being dialled") \
	X(PAUSED, "PAUSED", "a task is paused (it keeps its slot)")
#define CC_CS_ENUM(e, name, doc) CC_CS_##e,
enum cc_contact_state { CC_CONTACT_STATES(CC_CS_ENUM) CC_CS_COUNT };
#undef CC_CS_ENUM

/* One row per contact record (a contact's connection to the center). Times in seconds. */
struct cc_contact_record {
	int64_t record_id;
	int64_t contact_id;
	int64_t initial_record_id;  /* the customer's first record (this one's own id if first) */
	int64_t previous_record_id; /* -1: the customer's first record; else the record it
	                               continues (transferred from, the callback asked by, the
	                               chat ended by a region move, the call left
	                               before a redial) */
	int64_t next_record_id;     /* the record that continues it, or -1 */
	int32_t replication;
	int32_t queue;
	int32_t agent;              /* -1: never reached an agent */
	int32_t group;              /* -1: likewise */
	uint8_t channel;            /* enum cc_channel */
	uint8_t outcome;            /* enum cc_outcome */
	uint8_t disconnect;         /* enum cc_disconnect */
	uint8_t transfer;           /* enum cc_record_transfer */
	uint8_t transfer_mode;      /* enum cc_transfer_mode (when TRANSFER is not NONE) */
	uint8_t silent;             /* 1: its customer left without closing the chat (the center
	                               went on as if they waited) */
	int32_t ronas;              /* offers of this contact that timed out */
	int32_t attempts;           /* callbacks: dial attempts made */
	double ring_s;              /* seconds this contact rang at agents, all offers together */
	double head_start_s;        /* the priority head start it queued with (0: none) */
	double arrival_s;           /* arrival at the queue; for outbound, the start of dialling */
	double connect_s;           /* NaN when never connected */
	double end_s;               /* talk end, abandonment, or horizon when still in the system */
	double acw_end_s;           /* NaN when no ACW was done */
	double hold_s;              /* seconds the customer spent on hold in this record */
	int64_t source_row;         /* the trace's CSV line its customer's call came from; -1:
	                               not from a trace */
};

/* One row of the agent event stream: an agent's state after a change. */
struct cc_agent_event {
	double time_s;
	int64_t contact_id;     /* -1: no contact concerned */
	int32_t replication;
	int32_t agent;
	int32_t group;
	uint8_t status;         /* agent status index (see cc_scenario_status_name) */
	uint8_t next_status;    /* pending status taken when the contact ends; CC_NO_STATUS: none */
	uint8_t contact_state;  /* enum cc_contact_state */
	uint8_t channel;        /* enum cc_channel; CC_CHANNEL_COUNT when no contact */
};
#define CC_NO_STATUS 255

/*
 * The raw sums of one row: a reported interval, or the whole horizon after warm-up (row ==
 * grid->count). The simulation fills the rows of a replication as it goes and hands each to
 * the run once nothing can add to it any more (see cc_center_run); the totals row is the sum
 * of the interval rows, added in order.
 */
struct cc_raw_row {
	const struct cc_scenario *scn;
	const struct cc_grid *grid;
	size_t row;             /* the reported interval, or grid->count for the whole horizon */
	size_t n_status;
	const double *queue;    /* [n_queues * CC_QR_COUNT] */
	const double *group;    /* [n_groups * CC_GR_COUNT] */
	const double *status;   /* [n_groups * n_status]: agent-seconds in each status with no
	                           contact and no ring (Offline: inside shifts) */
	const double *gc;       /* [n_groups * CC_CHANNEL_COUNT * CC_GCR_COUNT] */
	const double *channel;  /* [CC_CHANNEL_COUNT * CC_QR_COUNT]: the queue sums of each
	                           channel's queues (cc_metrics_channel_sums) */
	/* The totals row only: productive and staffed time per group and region [n_groups *
	 * regions.n] of the groups that move between regions, summed over the intervals in order
	 * (a moving group's time per region is only known interval by interval). NULL for an
	 * interval row. */
	const double *productive_region, *staffed_region;
};

/* Row helpers: entry FIELD of entity I of a row. */
static inline size_t cc_qr_at(size_t q, int field)
{
	return q * CC_QR_COUNT + (size_t)field;
}
static inline size_t cc_gr_at(size_t g, int field)
{
	return g * CC_GR_COUNT + (size_t)field;
}
static inline size_t cc_gcr_at(size_t g, size_t channel, int field)
{
	return (g * CC_CHANNEL_COUNT + channel) * CC_GCR_COUNT + (size_t)field;
}

/* Fills CHANNEL ([CC_CHANNEL_COUNT * CC_QR_COUNT]) with the sums of QUEUE's rows of each
 * channel's queues, in queue order. */
void cc_metrics_channel_sums(const struct cc_scenario *scn, const double *queue, double *channel);

/* The results of one replication: everything but the interval rows, which go to the run as
 * they close. */
struct cc_rep_result {
	/* Totals over the whole horizon after warm-up: each the sum of the interval rows, added
	 * row by row in order (cc_rep_result_add_row), then the channels from the queues
	 * (cc_rep_result_finish). Layouts as struct cc_raw_row's. */
	double *queue_tot, *group_tot, *status_tot, *gc_tot, *channel_tot;
	double *productive_region_tot, *staffed_region_tot; /* [n_groups * regions.n] */
	double *agent_raw;  /* [n_agents * (CC_AR_COUNT + n_status)], whole run */
	size_t n_status, n_agents;
	struct cc_rep_counts counts;
	struct cc_contact_record *records;
	size_t n_records, cap_records;
	struct cc_agent_event *events; /* only when the scenario asks for them */
	size_t n_events, cap_events;
	/* Set when the replication stopped because its clock stopped advancing (the rest is
	 * then incomplete): the settings most likely to blame, and the instant. */
	const char *stalled, *stalled_also; /* the latter may be NULL */
	double stalled_at_s;
	uint64_t stalled_events;   /* over the last window of the guard */
	double stalled_span_s;     /* the simulated time they took */
	double stalled_limit;      /* the guard's events a simulated second */
};

void cc_rep_result_init(struct cc_rep_result *r, const struct cc_scenario *scn);
void cc_rep_result_fini(struct cc_rep_result *r);

/* Adds interval row ROW (closed, with its channel sums) into R's totals. Rows must come in
 * order, each once. */
void cc_rep_result_add_row(struct cc_rep_result *r, const struct cc_raw_row *row);

/* Completes the totals once every interval row is in: the channel sums of the queue totals. */
void cc_rep_result_finish(struct cc_rep_result *r, const struct cc_scenario *scn);

/* The totals of R as a row (row = GRID->count). */
struct cc_raw_row cc_rep_result_totals(const struct cc_rep_result *r,
                                       const struct cc_scenario *scn,
                                       const struct cc_grid *grid);

/*
 * A derived figure: per queue, per agent group, per agent group and status (index
 * group * n_status + status), per channel (index enum cc_channel: the queue figures computed
 * on the raw sums of all the channel's queues), or per agent group and channel (index
 * group * CC_CHANNEL_COUNT + channel).
 */
/* Which way a figure should move: service level up is good; ASA, abandonment and RONA rate up
 * are bad; occupancy and counts are neither. `ccsim compare` marks regressions by it. */
enum cc_direction { CC_DIR_NONE, CC_DIR_UP_GOOD, CC_DIR_UP_BAD };

enum cc_figure_owner { CC_FIG_QUEUE, CC_FIG_GROUP, CC_FIG_STATUS, CC_FIG_CHANNEL,
                       CC_FIG_GROUP_CHANNEL, CC_FIG_OWNER_COUNT };

struct cc_figure {
	const char *name;        /* variable, JSON and CSV name: "service_level" */
	enum cc_figure_owner owner;
	const char *units;       /* "1" for ratios and counts, "s" for seconds */
	const char *long_name;   /* a few words: "service level" */
	const char *description; /* the definition */
	/* The figure on row X for entity INDEX (as the owner says); NaN when undefined (ASA
	 * with nothing answered). */
	double (*value)(const struct cc_raw_row *x, size_t index);
	/* What results/README.md adds to the description ("" for nothing): a remark the file's
	 * attribute does not carry. */
	const char *note;
	enum cc_direction direction;
};

/* The figures: queue, group, status, channel (the queue ones again, in the same order), then
 * group-channel ones; *N receives the count. */
const struct cc_figure *cc_figures(size_t *n);

/* The figure named NAME of OWNER, or NULL. */
const struct cc_figure *cc_figure_find(enum cc_figure_owner owner, const char *name);

/* Length in seconds of reported row ROW (the post-warm-up horizon for the totals row). */
double cc_metrics_row_seconds(const struct cc_grid *grid, size_t row);

/*
 * The figures of one scenario laid out as "cells": one row of figure values is every
 * figure's entities, figure by figure in cc_figures() order, each figure's entities in its
 * owner's order. Entities that cannot have figures get none: the channels are those with a
 * queue, in code order (so group-channel entities are group x used channel).
 */
struct cc_layout {
	const struct cc_scenario *scn;
	const struct cc_figure *figures;
	size_t n_figures;
	size_t entities[CC_FIG_OWNER_COUNT]; /* per owner */
	size_t n_status;
	enum cc_channel channels[CC_CHANNEL_COUNT]; /* the used channels, in code order */
	size_t n_channels;
	size_t *offset;      /* per figure: its first cell */
	size_t cells;        /* cells in a row */
};

void cc_layout_init(struct cc_layout *l, const struct cc_scenario *scn);
void cc_layout_fini(struct cc_layout *l);

/* The entities of figure F (its owner's count). */
size_t cc_layout_width(const struct cc_layout *l, const struct cc_figure *f);

/* The figure function's index of entity E of OWNER. */
size_t cc_layout_index(const struct cc_layout *l, enum cc_figure_owner owner, size_t e);

/* The entity of OWNER whose figure index is INDEX, or SIZE_MAX when it has no figures (a
 * channel with no queue). */
size_t cc_layout_entity(const struct cc_layout *l, enum cc_figure_owner owner, size_t index);

/* The figure's position in cc_figures(). */
size_t cc_layout_figure(const struct cc_layout *l, const struct cc_figure *f);

/* Every figure of row X into CELLS ([l->cells]). */
void cc_layout_derive(const struct cc_layout *l, const struct cc_raw_row *x, double *cells);

/* A label for entity E of OWNER: the queue or group name, "group/status", the channel name,
 * or "group/channel", written into BUF. */
const char *cc_layout_label(const struct cc_layout *l, enum cc_figure_owner owner, size_t e,
                            char *buf, size_t len);

/* The owner's name in files and JSON: "queues", "groups", "statuses", "channels",
 * "group_channels". */
const char *cc_figure_owner_name(enum cc_figure_owner owner);

#endif
