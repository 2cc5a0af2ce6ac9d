#ifndef CC_CENTER_IMPL_H
#define CC_CENTER_IMPL_H

/*
 * The inside of one replication of the contact center, shared by its three parts and by
 * nothing else:
 * - center.c: the run (set-up, the event loop, the end), time accounting, and the life of
 *   contacts (arrival, offer, ringing, talk with slowdown and pauses, ACW, abandonment,
 *   RONA, callbacks);
 * - routing.c: the indexes (free agents per group and channel, waiting contacts per queue)
 *   and the matching of contacts and agents through the scenario's policy;
 * - agents.c: the agent's status machine (statuses, shifts, planned and unplanned
 *   statuses, away episodes, outbound calls);
 * - transfer.c: hand-overs (quick connects to a queue, an agent or an outside number; cold,
 *   consult and conference), each connection a new record linked to the one before;
 * - region.c: the traffic distribution between regions, and agents moved between them.
 * The event classes and the order of ties are documented in center.h.
 */

#include <math.h>
#include <stdint.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "models/center/arrivals.h"
#include "models/center/center.h"
#include "models/policies/policy.h"
#include "models/center/roster.h"
#include "sim/calendar.h"
#include "sim/heap.h"
#include "sim/rng.h"

enum event_kind {
	EV_LOGIN, EV_LOGOUT, EV_UNPLANNED, EV_AWAY, EV_OUTBOUND, EV_STATUS_END, EV_TALK_END,
	EV_ACW_END, EV_ACCEPT, EV_ARRIVAL, EV_ABANDON, EV_OFFER_TIMEOUT, EV_PENDING_END,
	EV_DIAL_END, EV_RETRY, EV_ELIGIBLE, EV_XFER, EV_REJECT, EV_TRAFFIC, EV_RESTART,
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
	 * customer's first). See close_rows in center.c for when a row closes.
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

/* Raw sum FIELD of queue Q (group G...) in reported interval INTERVAL, which is open. */
static inline double *qraw(struct center *c, long interval, uint32_t q, int field)
{
	CC_CHECK((size_t)interval >= c->base);
	return &c->qrow[((size_t)interval - c->row0) * c->qstride + cc_qr_at(q, field)];
}

static inline double *graw(struct center *c, long interval, uint32_t g, int field)
{
	CC_CHECK((size_t)interval >= c->base);
	return &c->grow[((size_t)interval - c->row0) * c->gstride + cc_gr_at(g, field)];
}

static inline double *gcraw(struct center *c, long interval, uint32_t g, int ch, int field)
{
	CC_CHECK((size_t)interval >= c->base);
	return &c->gcrow[((size_t)interval - c->row0) * c->cstride + cc_gcr_at(g, (size_t)ch, field)];
}

/* The bins of a field in array row 0, for the time spreads over &c->wgrid (successive
 * intervals are the row's stride apart). */
static inline double *qbins(struct center *c, uint32_t q, int field)
{
	return &c->qrow[cc_qr_at(q, field)];
}

static inline double *gbins(struct center *c, uint32_t g, int field)
{
	return &c->grow[cc_gr_at(g, field)];
}

static inline double *gcbins(struct center *c, uint32_t g, int ch, int field)
{
	return &c->gcrow[cc_gcr_at(g, (size_t)ch, field)];
}

static inline double *sbins(struct center *c, uint32_t g, int status)
{
	return &c->srow[g * c->out->n_status + (size_t)status];
}

static inline double *araw(struct center *c, const struct agent *a, size_t field)
{
	return &c->out->agent_raw[(size_t)a->id * c->awidth + field];
}

/*
 * Adds RATE x the time from T0 to now to BINS (a field's bins in array row 0, STRIDE apart),
 * split across the intervals it covers; a second set B gets the same time (rate 1) in
 * cc_center_spread2. The sums are those of cc_grid_spread over c->wgrid: when T0 lies in the
 * row now is in, that is one addition.
 */
static inline void cc_center_spread(struct center *c, double *bins, size_t stride, double t0,
                                    double rate)
{
	if (t0 >= c->row_start_s) {
		if (c->now > t0 && rate != 0)
			bins[c->row_at * stride] += rate * (c->now - t0);
		return;
	}
	CC_CHECK(!(c->now > t0 && rate != 0) || c->now <= c->grid->warmup_s ||
	         fmax(t0, c->grid->warmup_s) >= cc_grid_start(c->grid, c->base));
	cc_grid_spread(&c->wgrid, bins, stride, t0, c->now, rate);
}

static inline void cc_center_spread2(struct center *c, double *a, size_t stride_a, double *b,
                                     size_t stride_b, double t0)
{
	if (t0 >= c->row_start_s) {
		if (c->now > t0) {
			a[c->row_at * stride_a] += c->now - t0;
			b[c->row_at * stride_b] += c->now - t0;
		}
		return;
	}
	CC_CHECK(!(c->now > t0) || c->now <= c->grid->warmup_s ||
	         fmax(t0, c->grid->warmup_s) >= cc_grid_start(c->grid, c->base));
	cc_grid_spread2(&c->wgrid, a, stride_a, b, stride_b, t0, c->now);
}

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

/* ---- center.c ---- */

/* Adds V to group field FIELD in the interval of time T (nothing before the warm-up). */
void cc_center_gcount(struct center *c, uint32_t g, int field, double t, double v);
/* Accounts the agent's current segment (its activity, or its status when idle) up to now. */
void cc_center_agent_account(struct center *c, struct agent *a);
/* Appends a row to the agent event stream about contact K (NULL: the first in hand). */
void cc_center_emit(struct center *c, const struct agent *a, const struct contact *k);
/* Offers K (out of its queue) to A, who can take it. */
void cc_center_offer(struct center *c, struct contact *k, struct agent *a);
/* Offers Q's head contacts to the free agents routing matches them with, while it does. */
void cc_center_dispatch(struct center *c, struct queue *q);
/* A can take work: offers it the contacts routing matches it with, while it does. */
void cc_center_agent_ready(struct center *c, struct agent *a);
/* Places an outbound call for A now. */
void cc_center_dial(struct center *c, struct agent *a, double talk_s, double acw_s, int reached);
/* Moves K, in its agent's hands, to state S, closing the accounts the change affects. */
void cc_center_kset(struct center *c, struct contact *k, enum kstate s);
/* Sets the state of K, in its agent's hands, and reports it. */
void cc_center_state(struct center *c, struct contact *k, enum cc_contact_state cs);
/* K's agent starts (or resumes) talking with the customer, for K's talk left. */
void cc_center_talk(struct center *c, struct contact *k);
/* The conversation of K's agent is over: ACW, then the end of the record. */
void cc_center_wrap_up(struct center *c, struct contact *k);
/* A contact from the pool, with a fresh record id and no history. */
struct contact *cc_center_contact(struct center *c);
void cc_center_release(struct center *c, struct contact *k);
/* Sets K's reported arrival interval (-1: none), or its customer's first: the row stays open
 * while K may still count there. */
void cc_center_set_interval(struct center *c, struct contact *k, long interval);
void cc_center_set_first_interval(struct center *c, struct contact *k, long interval);
/* NEXT continues K's customer: a new record linked to K's. */
void cc_center_follow(struct center *c, struct contact *next, struct contact *k);
/* Draws K's attributes as a contact of Q (handle, patience, ACW, priority, pause, transfer)
 * from Q's attribute stream; K arrives at Q now. */
void cc_center_draw(struct center *c, struct queue *q, struct contact *k);
/* K enters Q (see admit in center.c); FRESH: counted as queued, its patience starts. */
void cc_center_admit(struct center *c, struct queue *q, struct contact *k, int fresh);
/* K's customer leaves the center; CONNECT_S: their last connection to an agent (NaN: none). */
void cc_center_customer_end(struct center *c, const struct contact *k, double connect_s);
/* K leaves its agent's hands (still accounted to it up to now). */
void cc_center_unhold(struct center *c, struct contact *k);
/* K was offered and is ringing: the ring ends now (its time is counted). */
double cc_center_ring_end(struct center *c, struct contact *k);
/* K's agent leaves it now, at once (a region move): an offer ringing is withdrawn (back to
 * its queue); ACW is cut short; a conversation ends, and the customer may start again. */
void cc_center_end_now(struct center *c, struct contact *k);

/* ---- transfer.c ---- */

/* K's talk has ended and it is to be handed on (K->xfer): the hand-over starts. */
void cc_transfer_start(struct center *c, struct contact *k);
/* A contact that came by a hand-over is connected to its new agent. */
void cc_transfer_connected(struct center *c, struct contact *k);
/* EV_XFER and EV_REJECT. */
void cc_transfer_on_event(struct center *c, struct cc_event *ev);
/* An offer straight to an agent (K, out of the agent's hands) ended unanswered: it timed
 * out (RONA), was rejected, or was withdrawn when the agent moved away. */
void cc_transfer_missed(struct center *c, struct contact *k);
/* The customer of K, handed on while the first agent waits, hung up. */
void cc_transfer_abandoned(struct center *c, struct contact *k);
/* K's agent, waiting on hold for a queue's agent to take a consult or conference, lets go
 * now (the contact waits on there, as if cold); returns 0 when K is not so waiting. */
int cc_transfer_let_go(struct center *c, struct contact *k);

/* ---- region.c ---- */

void cc_region_setup(struct center *c);
void cc_region_teardown(struct center *c);
/* The queue (Q's copy in a region drawn by the traffic distribution) a new arrival at line
 * Q goes to. */
struct queue *cc_region_route(struct center *c, struct queue *q);
/* EV_TRAFFIC and EV_RESTART. */
void cc_region_on_event(struct center *c, struct cc_event *ev);
/* K's customer, whose chat or task its agent's move ended, may start again. */
void cc_region_restart(struct center *c, struct contact *k);
/* A moving agent holds nothing any more: it arrives in its region, Offline. */
void cc_region_arrive(struct center *c, struct agent *a);
/* Whether contacts of channel CH end at once when their agent moves (chat, email, task). */
static inline int cc_region_ends(int ch)
{
	return ch == CC_CHANNEL_CHAT || ch == CC_CHANNEL_EMAIL || ch == CC_CHANNEL_TASK;
}


/* ---- routing.c ---- */

/* Builds the edges, the free-agent sets and the queues' servers and thresholds. */
void cc_route_setup(struct center *c);
/* Gives the N AGENTS of group G their places (out of every set) in G's free-agent sets. */
void cc_route_add_agents(struct center *c, struct group *g, struct agent *agents, size_t n);
void cc_route_teardown(struct center *c);
/* Whether A can take one more contact of channel CH now. */
int cc_route_can_take(const struct center *c, const struct agent *a, int ch);
/* Puts A in, or out of, its group's free-agent sets as it now can take work. */
void cc_route_refresh(struct center *c, struct agent *a);
/* Points group G's edges at its queues in REGION and rebuilds the queues' servers. */
void cc_route_move_group(struct center *c, struct group *g, size_t region);
/* The agent of group G first in line for one more contact of channel CH, or NULL. */
struct agent *cc_route_free_agent(const struct group *g, int ch);
/* A new contact at Q: the free agent the policy gives it (K not yet queued), or NULL. */
struct agent *cc_route_find_agent(struct center *c, const struct queue *q,
                                  const struct contact *k);
/* Queue operations; each keeps the head's eligibility tick. */
void cc_route_push(struct center *c, struct queue *q, struct contact *k);
void cc_route_remove(struct center *c, struct queue *q, struct contact *k);
/* A match the policy has chosen: contact K, the head of queue Q, for agent A. Routing
 * chooses; the caller takes K out of Q and offers it. */
struct cc_match {
	struct contact *k;
	struct queue *q;
	struct agent *a;
};
/* Q's head and the free agent the policy gives it: 1 and *M, or 0 when none is eligible. */
int cc_route_match_queue(struct center *c, struct queue *q, struct cc_match *m);
/* The queue head that A, who may take work, should take next by the policy: 1 and *M, or 0. */
int cc_route_match_agent(struct center *c, struct agent *a, struct cc_match *m);
/* Re-arms Q's timer (EV_ELIGIBLE) at its head's next eligibility threshold. */
void cc_route_tick(struct center *c, struct queue *q);
/* The queue's contacts by (queued_s, id), or NULL. */
struct contact *cc_route_head(const struct queue *q);
/* Adds the queue's waiting count since its last change to the time integral. */
void cc_route_queue_account(struct center *c, struct queue *q);

/* ---- agents.c ---- */

void cc_agent_setup(struct center *c);
/* Puts A in status S for DURATION_S (INFINITY: until something else changes it). */
void cc_agent_set_status(struct center *c, struct agent *a, int s, double duration_s);
/* A contact of A has ended or gone: the next status, more work, or nothing. */
void cc_agent_after_contact(struct center *c, struct agent *a);
/* The outbound call of A has ended: Available, or idle, as the group's setting says. */
void cc_agent_outbound_done(struct center *c, struct agent *a);
/* An offer to A timed out: RONA, unless a status is due. */
void cc_agent_rona(struct center *c, struct agent *a);
/* Event handlers for the agent's own events. */
void cc_agent_on_event(struct center *c, struct cc_event *ev);
/* Accounts every group's logged-in counts up to now. */
void cc_agent_account_groups(struct center *c);
/* Closes every agent's and group's accounts at the horizon. */
void cc_agent_finish(struct center *c);

#endif
