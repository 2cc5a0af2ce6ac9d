#include "models/center.h"

#include <math.h>
#include <string.h>

#include <gsl/gsl_randist.h>

#include "models/arrivals.h"
#include "models/roster.h"
#include "sim/alloc.h"
#include "sim/calendar.h"
#include "sim/dist.h"
#include "sim/rng.h"

enum event_kind {
	EV_LOGIN, EV_LOGOUT, EV_UNPLANNED, EV_AWAY, EV_OUTBOUND, EV_STATUS_END, EV_TALK_END,
	EV_ACW_END, EV_ACCEPT, EV_ARRIVAL, EV_ABANDON, EV_OFFER_TIMEOUT,
	EV_PLANNED /* EV_PLANNED + p: the group's planned status p falls due */
};
enum event_class { CLASS_STATUS_DUE, CLASS_AGENT_FREED, CLASS_ACCEPT, CLASS_ARRIVAL,
                   CLASS_PATIENCE, CLASS_OFFER_TIMEOUT };

/* Stream purposes: within a queue's name; within a group's name, one stream per agent. */
enum { STREAM_ARRIVALS = 1, STREAM_ATTRIBUTES = 2, STREAM_AGENT = 1000 };

/* Progress is published every this many events, so atomics stay off the hot path. */
enum { PROGRESS_EVERY = 1 << 16 };

enum { CONTACT_SLAB = 1024 };

/* The queue index of outbound calls, which belong to no queue. */
#define OUTBOUND_QUEUE UINT32_MAX

struct agent;

struct contact {
	struct contact *prev, *next; /* the queue's waiting list, or the free list */
	struct cc_event *patience;   /* pending abandonment, or NULL */
	struct agent *ringing;       /* the agent being offered it, or NULL */
	double arrival_s;
	double connect_s;
	double talk_s;
	double acw_s;
	double patience_s;
	double ring_start_s;
	double ring_sum_s;
	int64_t id;
	uint32_t queue;              /* OUTBOUND_QUEUE for outbound calls */
	int32_t ronas;
	long interval;               /* reported arrival interval, -1 before the warm-up */
	int reached;                 /* outbound: the customer answered */
};

/* What the agent is doing, whatever its status; exclusive, and the key of time accounting. */
enum activity { ACT_IDLE, ACT_RING, ACT_TALK, ACT_ACW };

struct agent {
	struct agent *prev, *next;  /* the group's ready list (Available, idle), longest first */
	struct contact *contact;    /* ringing, connected or in ACW */
	struct cc_event *shift_ev;  /* the next login or logout */
	struct cc_event *status_ev; /* the end of the current status, or NULL */
	struct cc_event *ring_ev;   /* acceptance or timeout of the ringing offer */
	struct cc_event *unplanned_ev, *away_ev, *outbound_ev; /* the agent's Poisson clocks */
	gsl_rng *rng;               /* the agent's behaviour: answers, statuses, outbound */
	const struct cc_span *span, *span_end; /* the current or next shift, and the end */
	double since_s;             /* start of the current accounting segment */
	double ready_s;             /* when the agent joined the ready list */
	double staffed_since_s;     /* when the agent last left Offline */
	double overtime_since_s;    /* when overtime began (valid while in overtime) */
	double npt_run_start_s;     /* start of the current run of not-productive statuses */
	double away_until_s;        /* an away episode lasts until then */
	double next_duration_s;
	enum activity act;
	int status;
	int next_status;            /* taken when the contact ends; CC_NO_STATUS: none */
	int in_shift, overtime, ready;
	int absent;                 /* the offer ringing will never be answered */
	uint8_t cs;                 /* enum cc_contact_state of the contact in hand */
	uint32_t group;
	int32_t id;
	int rank, crew;             /* place in the shift, for staggered planned statuses */
};

struct queue {
	const struct cc_queue_cfg *cfg;
	struct contact *head, *tail; /* waiting, by arrival (or RONA'd to the tail) */
	size_t waiting;
	double waiting_since_s;      /* last change of WAITING */
	size_t *servers;             /* groups with this queue in their skills */
	size_t n_servers;
	struct cc_arrivals arrivals;
	gsl_rng *arrival_rng;
	gsl_rng *attr_rng;
	double offer_timeout_s;
};

struct group {
	const struct cc_group_cfg *cfg;
	struct agent *ready_head, *ready_tail;
	struct cc_roster roster;
	double unplanned_per_hour;   /* all unplanned statuses together */
	/* Agents in shift, logged in, and in overtime, integrated over time like queue lengths. */
	int scheduled, staffed, overtime;
	double counts_since_s;
};

struct center {
	const struct cc_scenario *scn;
	const struct cc_grid *grid;
	struct cc_rep_result *out;
	struct cc_calendar *cal;
	struct queue *queues;
	struct group *groups;
	struct agent *agents;
	size_t n_agents;
	struct contact *free_contacts;
	void **slabs;
	size_t n_slabs, cap_slabs;
	int64_t next_contact_id;
	uint64_t replication;
	double now;
	size_t qstride, gstride, sstride; /* distance between intervals in the raw arrays */
	size_t awidth;                    /* entries per agent in agent_raw */
};

static struct contact *contact_get(struct center *c)
{
	if (!c->free_contacts) {
		struct contact *slab = cc_calloc(CONTACT_SLAB, sizeof *slab);
		if (c->n_slabs == c->cap_slabs) {
			c->cap_slabs = c->cap_slabs ? 2 * c->cap_slabs : 16;
			c->slabs = cc_realloc(c->slabs, c->cap_slabs, sizeof *c->slabs);
		}
		c->slabs[c->n_slabs++] = slab;
		for (size_t i = 0; i < CONTACT_SLAB; i++) {
			slab[i].next = c->free_contacts;
			c->free_contacts = &slab[i];
		}
	}
	struct contact *k = c->free_contacts;
	c->free_contacts = k->next;
	memset(k, 0, sizeof *k);
	return k;
}

static void contact_put(struct center *c, struct contact *k)
{
	k->next = c->free_contacts;
	c->free_contacts = k;
}

static int is_npt(int status)
{
	return status >= CC_AGENT_FIRST_NPT;
}

/* ---- accounting ---- */

static inline double *qraw(struct center *c, long interval, uint32_t q, int field)
{
	return &c->out->queue_raw[cc_qr_index(c->scn->n_queues, (size_t)interval, q, field)];
}

static inline double *graw(struct center *c, long interval, uint32_t g, int field)
{
	return &c->out->group_raw[cc_gr_index(c->scn->n_groups, (size_t)interval, g, field)];
}

static inline double *sraw(struct center *c, uint32_t g, int status)
{
	return &c->out->status_raw[cc_sr_index(c->scn->n_groups, c->out->n_status, 0, g,
	                                       (size_t)status)];
}

static inline double *araw(struct center *c, const struct agent *a, size_t field)
{
	return &c->out->agent_raw[(size_t)a->id * c->awidth + field];
}

/* Adds 1 to group field FIELD in the interval of time T (nothing before the warm-up). */
static void gcount(struct center *c, uint32_t g, int field, double t, double v)
{
	long i = cc_grid_index(c->grid, t);
	if (i >= 0)
		*graw(c, i, g, field) += v;
}

/* Adds the queue's waiting count since its last change to the time integral. */
static void queue_account(struct center *c, struct queue *q)
{
	if (q->waiting)
		cc_grid_spread(c->grid, qraw(c, 0, (uint32_t)(q - c->queues), CC_QR_QUEUE_TIME),
		               c->qstride, q->waiting_since_s, c->now, (double)q->waiting);
	q->waiting_since_s = c->now;
}

/* Adds the group's agents in shift, logged in and in overtime since the last change. */
static void group_account(struct center *c, struct group *g)
{
	uint32_t gi = (uint32_t)(g - c->groups);
	static const int field[3] = { CC_GR_SCHEDULED, CC_GR_STAFFED, CC_GR_OVERTIME };
	const int count[3] = { g->scheduled, g->staffed, g->overtime };
	for (int i = 0; i < 3; i++)
		if (count[i])
			cc_grid_spread(c->grid, graw(c, 0, gi, field[i]), c->gstride, g->counts_since_s,
			               c->now, (double)count[i]);
	g->counts_since_s = c->now;
}

/* Accounts the agent's current segment (activity, or status when idle) up to now. */
static void agent_account(struct center *c, struct agent *a)
{
	double t0 = a->since_s, dt = c->now - t0;
	a->since_s = c->now;
	if (dt <= 0)
		return;
	const struct contact *k = a->contact;
	switch (a->act) {
	case ACT_IDLE:
		if (a->status == CC_AGENT_OFFLINE && !a->in_shift)
			return;
		cc_grid_spread(c->grid, sraw(c, a->group, a->status), c->sstride, t0, c->now, 1.0);
		*araw(c, a, CC_AR_COUNT + (size_t)a->status) += dt;
		return;
	case ACT_RING:
		cc_grid_spread(c->grid, graw(c, 0, a->group, CC_GR_RING), c->gstride, t0, c->now, 1.0);
		*araw(c, a, CC_AR_RING) += dt;
		return;
	case ACT_TALK:
	case ACT_ACW:
		cc_grid_spread(c->grid, graw(c, 0, a->group, a->act == ACT_TALK ? CC_GR_TALK : CC_GR_ACW),
		               c->gstride, t0, c->now, 1.0);
		*araw(c, a, a->act == ACT_TALK ? CC_AR_TALK : CC_AR_ACW) += dt;
		if (k->queue == OUTBOUND_QUEUE)
			cc_grid_spread(c->grid, graw(c, 0, a->group, CC_GR_OUTBOUND), c->gstride, t0,
			               c->now, 1.0);
		else
			cc_grid_spread(c->grid, qraw(c, 0, k->queue, CC_QR_WORK_TIME), c->qstride, t0,
			               c->now, 1.0);
		if (is_npt(a->status))
			cc_grid_spread(c->grid, graw(c, 0, a->group, CC_GR_NPT_ON_CONTACT), c->gstride, t0,
			               c->now, 1.0);
		return;
	}
}

/* Closes the agent's current segment and starts activity ACT. */
static void agent_enter(struct center *c, struct agent *a, enum activity act)
{
	agent_account(c, a);
	a->act = act;
}

/* Appends a row to the agent event stream, when the scenario asks for it. */
static void emit(struct center *c, const struct agent *a)
{
	if (!c->scn->agent_events)
		return;
	struct cc_rep_result *r = c->out;
	if (r->n_events == r->cap_events) {
		r->cap_events = r->cap_events ? 2 * r->cap_events : 4096;
		r->events = cc_realloc(r->events, r->cap_events, sizeof *r->events);
	}
	const struct contact *k = a->contact;
	r->events[r->n_events++] = (struct cc_agent_event){
		.time_s = c->now,
		.contact_id = k ? k->id : -1,
		.replication = (int32_t)c->replication,
		.agent = a->id,
		.group = (int32_t)a->group,
		.status = (uint8_t)a->status,
		.next_status = (uint8_t)a->next_status,
		.contact_state = k ? a->cs : CC_CS_NONE,
		.channel = (uint8_t)(!k ? CC_CHANNEL_COUNT
		                        : k->queue == OUTBOUND_QUEUE ? CC_CHANNEL_VOICE
		                                                     : c->queues[k->queue].cfg->channel),
	};
}

/* Sets the state of the agent's contact and reports it. */
static void contact_state(struct center *c, struct agent *a, enum cc_contact_state cs)
{
	a->cs = (uint8_t)cs;
	emit(c, a);
}

static void record(struct center *c, const struct contact *k, const struct agent *a,
                   enum cc_outcome outcome, double end_s, double acw_end_s)
{
	struct cc_rep_result *r = c->out;
	if (r->n_records == r->cap_records) {
		r->cap_records = r->cap_records ? 2 * r->cap_records : 4096;
		r->records = cc_realloc(r->records, r->cap_records, sizeof *r->records);
	}
	static const uint8_t disconnect[CC_OUTCOME_COUNT] = {
		[CC_OUTCOME_HANDLED] = CC_DISCONNECT_ENDED,
		[CC_OUTCOME_ABANDONED] = CC_DISCONNECT_CUSTOMER,
		[CC_OUTCOME_WAITING_AT_END] = CC_DISCONNECT_NONE,
		[CC_OUTCOME_IN_SERVICE_AT_END] = CC_DISCONNECT_NONE,
		[CC_OUTCOME_OUTBOUND] = CC_DISCONNECT_ENDED,
	};
	struct cc_contact_record *row = &r->records[r->n_records++];
	memset(row, 0, sizeof *row);
	int outbound = k->queue == OUTBOUND_QUEUE;
	row->record_id = k->id;
	row->contact_id = k->id;
	row->previous_record_id = -1;
	row->replication = (int32_t)c->replication;
	row->queue = outbound ? -1 : (int32_t)k->queue;
	row->agent = a ? a->id : -1;
	row->group = a ? (int32_t)a->group : -1;
	row->channel = (uint8_t)(outbound ? CC_CHANNEL_VOICE : c->queues[k->queue].cfg->channel);
	row->outcome = (uint8_t)outcome;
	row->disconnect = outbound && !k->reached ? CC_DISCONNECT_FAILED : disconnect[outcome];
	row->ronas = k->ronas;
	row->ring_s = k->ring_sum_s;
	row->arrival_s = k->arrival_s;
	row->connect_s = a ? k->connect_s : NAN;
	row->end_s = end_s;
	row->acw_end_s = acw_end_s;
}

/* Counts K, whose fate is now known, by the RONAs it went through. */
static void count_ronas(struct center *c, const struct contact *k)
{
	static const int field[4] = { -1, CC_QR_RONA_1, CC_QR_RONA_2, CC_QR_RONA_3P };
	if (k->ronas && k->interval >= 0)
		*qraw(c, k->interval, k->queue, field[k->ronas < 3 ? k->ronas : 3]) += 1;
}

/* ---- the agents' ready lists ---- */

static void ready_push(struct center *c, struct group *g, struct agent *a)
{
	a->ready = 1;
	a->ready_s = c->now;
	a->next = NULL;
	a->prev = g->ready_tail;
	if (g->ready_tail)
		g->ready_tail->next = a;
	else
		g->ready_head = a;
	g->ready_tail = a;
}

static void ready_remove(struct group *g, struct agent *a)
{
	if (a->prev)
		a->prev->next = a->next;
	else
		g->ready_head = a->next;
	if (a->next)
		a->next->prev = a->prev;
	else
		g->ready_tail = a->prev;
	a->next = a->prev = NULL;
	a->ready = 0;
}

/* ---- the queues' waiting lists ---- */

static void queue_link_before(struct queue *q, struct contact *k, struct contact *before)
{
	k->next = before;
	k->prev = before ? before->prev : q->tail;
	if (k->prev)
		k->prev->next = k;
	else
		q->head = k;
	if (before)
		before->prev = k;
	else
		q->tail = k;
	q->waiting++;
}

static void queue_push(struct center *c, struct queue *q, struct contact *k)
{
	queue_account(c, q);
	queue_link_before(q, k, NULL);
}

/*
 * Puts K back after a RONA: at its original place by arrival, or at the tail. The walk from
 * the head passes only contacts older than K, which were themselves missed while K waited,
 * so it is short; nothing else in the queue is older than a contact that was just offered.
 */
static void queue_requeue(struct center *c, struct queue *q, struct contact *k)
{
	queue_account(c, q);
	struct contact *p = NULL;
	if (q->cfg->requeue == CC_REQUEUE_ORIGINAL)
		for (p = q->head; p && (p->arrival_s < k->arrival_s ||
		                        (p->arrival_s == k->arrival_s && p->id < k->id));
		     p = p->next)
			;
	queue_link_before(q, k, p);
}

static void queue_remove(struct center *c, struct queue *q, struct contact *k)
{
	queue_account(c, q);
	if (k->prev)
		k->prev->next = k->next;
	else
		q->head = k->next;
	if (k->next)
		k->next->prev = k->prev;
	else
		q->tail = k->prev;
	k->next = k->prev = NULL;
	q->waiting--;
}

/* ---- statuses ---- */

static void agent_freed(struct center *c, struct agent *a);
static void logout_now(struct center *c, struct agent *a);

static void cancel(struct center *c, struct cc_event **ev)
{
	if (*ev) {
		cc_calendar_cancel(c->cal, *ev);
		*ev = NULL;
	}
}

/* Ends the agent's run of consecutive not-productive statuses: its length goes to the
 * interval in which it began, where the run was counted. */
static void npt_run_end(struct center *c, struct agent *a)
{
	gcount(c, a->group, CC_GR_NPT_RUN_SUM, a->npt_run_start_s, c->now - a->npt_run_start_s);
}

/* Moves the agent in or out of the logged-in (staffed) count. */
static void set_staffed(struct center *c, struct agent *a, int on)
{
	struct group *g = &c->groups[a->group];
	group_account(c, g);
	g->staffed += on ? 1 : -1;
	if (on) {
		a->staffed_since_s = c->now;
		return;
	}
	*araw(c, a, CC_AR_STAFFED) += c->now - a->staffed_since_s;
	if (a->overtime) {
		g->overtime--;
		*araw(c, a, CC_AR_OVERTIME) += c->now - a->overtime_since_s;
		a->overtime = 0;
	}
}

/*
 * Puts the agent in status S for DURATION_S (INFINITY: until something else changes it).
 * An agent who becomes Available with nothing in hand looks for work at once.
 */
static void set_status(struct center *c, struct agent *a, int s, double duration_s)
{
	agent_account(c, a);
	cancel(c, &a->status_ev);
	if (a->ready)
		ready_remove(&c->groups[a->group], a);
	int old = a->status;
	if ((old == CC_AGENT_OFFLINE) != (s == CC_AGENT_OFFLINE))
		set_staffed(c, a, s != CC_AGENT_OFFLINE);
	if (!is_npt(old) && is_npt(s)) {
		a->npt_run_start_s = c->now;
		gcount(c, a->group, CC_GR_NPT_RUNS, c->now, 1);
	} else if (is_npt(old) && !is_npt(s)) {
		npt_run_end(c, a);
	}
	a->status = s;
	emit(c, a);
	if (s != CC_AGENT_AVAILABLE && isfinite(duration_s))
		a->status_ev = cc_calendar_schedule(c->cal, c->now + duration_s, CLASS_AGENT_FREED,
		                                    EV_STATUS_END, a);
	if (s == CC_AGENT_AVAILABLE && a->act == ACT_IDLE)
		agent_freed(c, a);
}

/* A status falls due: taken now when the agent is idle, or next when the contact ends. */
static void request_status(struct center *c, struct agent *a, int s, double duration_s)
{
	if (a->act != ACT_IDLE) {
		if (a->next_status != CC_AGENT_OFFLINE) { /* logging out wins */
			a->next_status = s;
			a->next_duration_s = duration_s;
			emit(c, a);
		}
		return;
	}
	set_status(c, a, s, duration_s);
}

/* The agent's contact has ended (the agent is idle): the next status, if one is due. */
static int take_next(struct center *c, struct agent *a)
{
	int s = a->next_status;
	if (s == CC_NO_STATUS)
		return 0;
	a->next_status = CC_NO_STATUS;
	if (s == CC_AGENT_OFFLINE)
		logout_now(c, a);
	else
		set_status(c, a, s, a->next_duration_s);
	return 1;
}

/* Exponential gap of a Poisson clock at PER_HOUR. */
static double gap(struct agent *a, double per_hour)
{
	return gsl_ran_exponential(a->rng, 3600.0 / per_hour);
}

/* ---- contact life ---- */

static void connect_agent(struct center *c, struct contact *k, struct agent *a)
{
	const struct cc_queue_cfg *cfg = c->queues[k->queue].cfg;
	double wait = c->now - k->arrival_s;
	cancel(c, &k->patience);
	k->connect_s = c->now;
	if (k->interval >= 0) {
		*qraw(c, k->interval, k->queue, CC_QR_ANSWERED) += 1;
		*qraw(c, k->interval, k->queue, CC_QR_WAIT_SUM) += wait;
		if (wait <= cfg->sl_threshold_s)
			*qraw(c, k->interval, k->queue, CC_QR_IN_SL) += 1;
		*graw(c, k->interval, a->group, CC_GR_ANSWERED) += 1;
	}
	count_ronas(c, k);
	c->out->counts.answered++;
	a->contact = k;
	agent_enter(c, a, ACT_TALK);
	contact_state(c, a, CC_CS_CONNECTED);
	cc_calendar_schedule(c->cal, c->now + k->talk_s, CLASS_AGENT_FREED, EV_TALK_END, a);
}

/*
 * Offers K (out of its queue) to A (out of the ready list). An agent who answers at once is
 * connected at once; otherwise the agent's phone rings until the answer or the timeout,
 * whichever comes first, while the customer's patience runs on.
 */
static void offer(struct center *c, struct contact *k, struct agent *a)
{
	const struct cc_answer_cfg *ans = &c->groups[a->group].cfg->answer;
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_OFFERS) += 1;
	gcount(c, a->group, CC_GR_OFFERS, c->now, 1);
	int answers = c->now >= a->away_until_s &&
	              !(ans->miss > 0 && gsl_rng_uniform(a->rng) < ans->miss);
	double delay = answers ? cc_dist_sample(&ans->delay, a->rng) : INFINITY;
	a->absent = !answers;
	if (delay <= 0) {
		connect_agent(c, k, a);
		return;
	}
	double timeout = c->queues[k->queue].offer_timeout_s;
	k->ringing = a;
	k->ring_start_s = c->now;
	if (!k->patience && isfinite(k->patience_s)) /* a fresh arrival: its patience starts */
		k->patience = cc_calendar_schedule(c->cal, k->arrival_s + k->patience_s,
		                                   CLASS_PATIENCE, EV_ABANDON, k);
	a->contact = k;
	agent_enter(c, a, ACT_RING);
	contact_state(c, a, CC_CS_CONNECTING);
	/* An answer at exactly the timeout is an answer (CLASS_ACCEPT comes first). */
	a->ring_ev = delay <= timeout
	           ? cc_calendar_schedule(c->cal, c->now + delay, CLASS_ACCEPT, EV_ACCEPT, a)
	           : cc_calendar_schedule(c->cal, c->now + timeout, CLASS_OFFER_TIMEOUT,
	                                  EV_OFFER_TIMEOUT, a);
}

/* The longest-ready agent among the groups serving Q, or NULL; ties go to the first group. */
static struct agent *find_agent(struct center *c, const struct queue *q)
{
	struct group *best = NULL;
	for (size_t i = 0; i < q->n_servers; i++) {
		struct group *g = &c->groups[q->servers[i]];
		if (g->ready_head && (!best || g->ready_head->ready_s < best->ready_head->ready_s))
			best = g;
	}
	if (!best)
		return NULL;
	struct agent *a = best->ready_head;
	ready_remove(best, a);
	return a;
}

/* Ends K's ring and returns how long it rang. */
static double ring_end(struct center *c, struct contact *k)
{
	double rang = c->now - k->ring_start_s;
	k->ring_sum_s += rang;
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_RING_SUM) += rang;
	k->ringing = NULL;
	return rang;
}

static void on_arrival(struct center *c, struct cc_event *ev)
{
	struct queue *q = ev->subject;
	const struct cc_queue_cfg *cfg = q->cfg;
	struct contact *k = contact_get(c);
	k->id = c->next_contact_id++;
	k->queue = (uint32_t)(q - c->queues);
	k->arrival_s = c->now;
	/* The draws happen in a fixed order whatever becomes of the contact. */
	k->talk_s = cc_dist_sample(&cfg->handle, q->attr_rng);
	k->patience_s = cfg->has_patience ? cc_dist_sample(&cfg->patience, q->attr_rng) : INFINITY;
	k->acw_s = cc_dist_sample(&cfg->acw, q->attr_rng);
	k->interval = cc_grid_index(c->grid, c->now);
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_OFFERED) += 1;
	c->out->counts.arrived++;

	double next = cc_arrivals_next(&q->arrivals);
	if (next < c->grid->horizon_s)
		cc_calendar_reschedule(c->cal, ev, next);
	else
		cc_calendar_release(c->cal, ev);

	struct agent *a = q->head ? NULL : find_agent(c, q);
	if (k->interval >= 0 && !a)
		*qraw(c, k->interval, k->queue, CC_QR_QUEUED) += 1;
	if (isfinite(k->patience_s) && !a)
		k->patience = cc_calendar_schedule(c->cal, c->now + k->patience_s, CLASS_PATIENCE,
		                                   EV_ABANDON, k);
	if (a) {
		offer(c, k, a);
		return;
	}
	queue_push(c, q, k);
}

/* The agent is idle again after a contact, a ring or a status: what comes next. */
static void after_contact(struct center *c, struct agent *a)
{
	if (take_next(c, a))
		return;
	if (a->status == CC_AGENT_AVAILABLE)
		agent_freed(c, a);
	/* Otherwise the agent stays in its status, whose end is scheduled. */
}

static void on_abandon(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	struct queue *q = &c->queues[k->queue];
	cc_calendar_release(c->cal, ev);
	k->patience = NULL;
	struct agent *a = k->ringing;
	if (a) { /* the customer hung up while the agent's phone rang: REJECTED */
		cancel(c, &a->ring_ev);
		double start = k->ring_start_s, rang = ring_end(c, k);
		if (a->absent)
			gcount(c, a->group, CC_GR_RING_ABSENT, start, rang);
		if (k->interval >= 0)
			*qraw(c, k->interval, k->queue, CC_QR_ABANDONED_RINGING) += 1;
		contact_state(c, a, CC_CS_REJECTED);
		agent_enter(c, a, ACT_IDLE);
		a->contact = NULL;
	} else {
		queue_remove(c, q, k);
	}
	double wait = c->now - k->arrival_s;
	if (k->interval >= 0) {
		*qraw(c, k->interval, k->queue, CC_QR_ABANDONED) += 1;
		*qraw(c, k->interval, k->queue, CC_QR_ABANDON_SUM) += wait;
		if (wait <= q->cfg->sl_threshold_s)
			*qraw(c, k->interval, k->queue, CC_QR_ABANDONED_IN_SL) += 1;
	}
	count_ronas(c, k);
	c->out->counts.abandoned++;
	if (c->out->records)
		record(c, k, NULL, CC_OUTCOME_ABANDONED, c->now, NAN);
	contact_put(c, k);
	if (a) {
		emit(c, a);
		after_contact(c, a);
	}
}

static void on_accept(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	cc_calendar_release(c->cal, ev);
	a->ring_ev = NULL;
	struct contact *k = a->contact;
	ring_end(c, k);
	connect_agent(c, k, a);
}

/* Offers the head of Q to a ready agent, if there is one. */
static void dispatch(struct center *c, struct queue *q)
{
	struct contact *k = q->head;
	struct agent *a = k ? find_agent(c, q) : NULL;
	if (a) {
		queue_remove(c, q, k);
		offer(c, k, a);
	}
}

/* The offer timed out: the contact goes back to its queue, the agent to RONA. */
static void on_offer_timeout(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	const struct cc_rona_cfg *rona = &c->groups[a->group].cfg->rona;
	cc_calendar_release(c->cal, ev);
	a->ring_ev = NULL;
	struct contact *k = a->contact;
	struct queue *q = &c->queues[k->queue];
	double start = k->ring_start_s, rang = ring_end(c, k);
	k->ronas++;
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_RONAS) += 1;
	gcount(c, a->group, CC_GR_RONAS, start, 1);
	gcount(c, a->group, CC_GR_RING_RONA, start, rang);
	if (a->absent)
		gcount(c, a->group, CC_GR_RING_ABSENT, start, rang);
	contact_state(c, a, CC_CS_MISSED);
	agent_enter(c, a, ACT_IDLE);
	a->contact = NULL;
	queue_requeue(c, q, k);
	if (!take_next(c, a)) {
		/* The agent reacts once back from any away episode. */
		double back = a->away_until_s > c->now ? a->away_until_s : c->now;
		set_status(c, a, CC_AGENT_RONA,
		           back - c->now + cc_dist_sample(&rona->reaction, a->rng));
	}
	dispatch(c, q);
}

/* The agent is idle and Available: serve the first waiting contact of its skills, in order,
 * or join the ready list. */
static void agent_freed(struct center *c, struct agent *a)
{
	struct group *g = &c->groups[a->group];
	const struct cc_group_cfg *cfg = g->cfg;
	for (size_t s = 0; s < cfg->n_skills; s++) {
		struct queue *q = &c->queues[cfg->skills[s]];
		struct contact *k = q->head;
		if (!k)
			continue;
		queue_remove(c, q, k);
		offer(c, k, a);
		return;
	}
	ready_push(c, g, a);
}

/* The outdial has ended: Available, or idle in a status, as the group's setting says. */
static void outbound_done(struct center *c, struct agent *a)
{
	const struct cc_group_cfg *g = c->groups[a->group].cfg;
	const struct cc_outbound_cfg *o = &g->outbound;
	if (o->available_after) {
		set_status(c, a, CC_AGENT_AVAILABLE, INFINITY);
		return;
	}
	double idle = cc_dist_sample(&o->idle_after, a->rng);
	if (a->status == CC_AGENT_AVAILABLE)
		set_status(c, a, g->idle_status, idle);
	else if (!a->status_ev) /* the status set to dial: idle in it for a while */
		a->status_ev = cc_calendar_schedule(c->cal, c->now + idle, CLASS_AGENT_FREED,
		                                    EV_STATUS_END, a);
}

static void complete(struct center *c, struct agent *a, double acw_end_s)
{
	struct contact *k = a->contact;
	int outbound = k->queue == OUTBOUND_QUEUE;
	if (outbound) {
		c->out->counts.outbound++;
		if (c->out->records)
			record(c, k, a, CC_OUTCOME_OUTBOUND, k->connect_s + k->talk_s, acw_end_s);
	} else {
		if (k->interval >= 0) {
			*qraw(c, k->interval, k->queue, CC_QR_HANDLED) += 1;
			*qraw(c, k->interval, k->queue, CC_QR_TALK_SUM) += k->talk_s;
			*qraw(c, k->interval, k->queue, CC_QR_ACW_SUM) += k->acw_s;
		}
		c->out->counts.completed++;
		if (c->out->records)
			record(c, k, a, CC_OUTCOME_HANDLED, k->connect_s + k->talk_s, acw_end_s);
	}
	/* The time worked on K is accounted before K goes back to the pool. */
	agent_enter(c, a, ACT_IDLE);
	a->contact = NULL;
	contact_put(c, k);
	emit(c, a);
	if (outbound && a->next_status == CC_NO_STATUS)
		outbound_done(c, a);
	else
		after_contact(c, a);
}

static void on_talk_end(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	struct contact *k = a->contact;
	double limit = c->groups[a->group].cfg->acw_limit_s;
	if (k->queue == OUTBOUND_QUEUE && !k->reached) {
		cc_calendar_release(c->cal, ev);
		contact_state(c, a, CC_CS_ERROR);
		complete(c, a, NAN);
		return;
	}
	contact_state(c, a, CC_CS_ENDED);
	if (k->acw_s > limit) {
		k->acw_s = limit;
		gcount(c, a->group, CC_GR_ACW_LIMITED, c->now, 1);
	}
	if (k->acw_s > 0) {
		agent_enter(c, a, ACT_ACW);
		ev->kind = EV_ACW_END;
		cc_calendar_reschedule(c->cal, ev, c->now + k->acw_s);
		return;
	}
	cc_calendar_release(c->cal, ev);
	complete(c, a, NAN);
}

static void on_acw_end(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	cc_calendar_release(c->cal, ev);
	complete(c, a, c->now);
}

/* ---- the agent's own clocks: unplanned statuses, away episodes, outbound calls ---- */

static void on_unplanned(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	const struct group *g = &c->groups[a->group];
	const struct cc_group_cfg *cfg = g->cfg;
	double u = gsl_rng_uniform(a->rng) * g->unplanned_per_hour;
	size_t i = 0;
	while (i + 1 < cfg->n_unplanned && u >= cfg->unplanned[i].per_hour)
		u -= cfg->unplanned[i++].per_hour;
	double duration = cc_dist_sample(&cfg->unplanned[i].duration, a->rng);
	/* Only an agent who is Available, with nothing else due, steps away. */
	if (a->status == CC_AGENT_AVAILABLE && a->next_status == CC_NO_STATUS)
		request_status(c, a, cfg->unplanned[i].status, duration);
	cc_calendar_reschedule(c->cal, ev, c->now + gap(a, g->unplanned_per_hour));
}

static void on_away(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	const struct cc_answer_cfg *ans = &c->groups[a->group].cfg->answer;
	a->away_until_s = c->now + cc_dist_sample(&ans->away, a->rng);
	cc_calendar_reschedule(c->cal, ev, a->away_until_s + gap(a, ans->away_per_hour));
}

/* The next outbound attempt after now, inside the campaign, or INFINITY. */
static double next_outbound(struct agent *a, const struct cc_outbound_cfg *o, double now)
{
	double t = (now > o->from_s ? now : o->from_s) + gap(a, o->per_hour);
	return t < o->until_s ? t : INFINITY;
}

/* Places an outbound call now; the agent is logged in and idle. */
static void dial(struct center *c, struct agent *a)
{
	const struct cc_outbound_cfg *o = &c->groups[a->group].cfg->outbound;
	struct contact *k = contact_get(c);
	k->id = c->next_contact_id++;
	k->queue = OUTBOUND_QUEUE;
	k->arrival_s = c->now;
	k->connect_s = c->now;
	k->interval = -1;
	k->reached = o->reach >= 1 || gsl_rng_uniform(a->rng) < o->reach;
	k->talk_s = cc_dist_sample(&o->dial, a->rng);
	if (k->reached) {
		k->talk_s += cc_dist_sample(&o->handle, a->rng);
		k->acw_s = cc_dist_sample(&o->acw, a->rng);
	}
	gcount(c, a->group, CC_GR_OUTBOUND_CALLS, c->now, 1);
	if (k->reached)
		gcount(c, a->group, CC_GR_OUTBOUND_REACHED, c->now, 1);
	if (a->status == CC_AGENT_AVAILABLE && o->status >= 0)
		set_status(c, a, o->status, INFINITY);
	else if (a->ready)
		ready_remove(&c->groups[a->group], a);
	a->contact = k;
	agent_enter(c, a, ACT_TALK);
	contact_state(c, a, CC_CS_CONNECTED);
	cc_calendar_schedule(c->cal, c->now + k->talk_s, CLASS_AGENT_FREED, EV_TALK_END, a);
}

static void on_outbound(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	const struct cc_outbound_cfg *o = &c->groups[a->group].cfg->outbound;
	/* Agents dial when idle in Available or a not-productive status, inside their shift. */
	if (c->now >= o->from_s && a->act == ACT_IDLE && a->next_status == CC_NO_STATUS &&
	    (a->status == CC_AGENT_AVAILABLE || is_npt(a->status)) && c->now >= a->away_until_s)
		dial(c, a);
	double t = next_outbound(a, o, c->now);
	if (isfinite(t)) {
		cc_calendar_reschedule(c->cal, ev, t);
	} else {
		cc_calendar_release(c->cal, ev);
		a->outbound_ev = NULL;
	}
}

/* ---- shifts ---- */

/*
 * Schedules the group's planned statuses that fall inside the shift starting now. One due at
 * this very instant is not scheduled but returned (its index, or -1), so that the login can
 * go straight into it rather than offer the agent a contact first.
 */
static int schedule_planned(struct center *c, struct agent *a)
{
	const struct cc_group_cfg *g = c->groups[a->group].cfg;
	int due_now = -1;
	for (size_t p = 0; p < g->n_planned; p++) {
		const struct cc_planned_cfg *pl = &g->planned[p];
		int takers = (int)floor(pl->share * a->crew + 0.5);
		if (a->rank >= takers)
			continue;
		double t = (pl->after_login ? a->span->start_s : 0) + pl->at_s +
		           pl->window_s * a->rank / takers;
		if (t == c->now && due_now < 0)
			due_now = (int)p;
		else if (t >= a->span->start_s && t < a->span->end_s && t < c->grid->horizon_s)
			cc_calendar_schedule(c->cal, t, CLASS_STATUS_DUE, EV_PLANNED + (int32_t)p, a);
	}
	return due_now;
}

static void on_planned(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	const struct cc_planned_cfg *pl = &c->groups[a->group].cfg->planned[ev->kind - EV_PLANNED];
	cc_calendar_release(c->cal, ev);
	double duration = cc_dist_sample(&pl->duration, a->rng);
	if (a->in_shift && a->status != CC_AGENT_OFFLINE)
		request_status(c, a, pl->status, duration);
}

static void start_clocks(struct center *c, struct agent *a)
{
	const struct group *g = &c->groups[a->group];
	const struct cc_group_cfg *cfg = g->cfg;
	if (g->unplanned_per_hour > 0 && !a->unplanned_ev)
		a->unplanned_ev = cc_calendar_schedule(c->cal, c->now + gap(a, g->unplanned_per_hour),
		                                       CLASS_STATUS_DUE, EV_UNPLANNED, a);
	if (cfg->answer.away_per_hour > 0 && !a->away_ev)
		a->away_ev = cc_calendar_schedule(c->cal, c->now + gap(a, cfg->answer.away_per_hour),
		                                  CLASS_STATUS_DUE, EV_AWAY, a);
	if (cfg->outbound.per_hour > 0 && !a->outbound_ev) {
		double t = next_outbound(a, &cfg->outbound, c->now);
		if (isfinite(t))
			a->outbound_ev = cc_calendar_schedule(c->cal, t, CLASS_STATUS_DUE, EV_OUTBOUND, a);
	}
}

static void stop_clocks(struct center *c, struct agent *a)
{
	cancel(c, &a->unplanned_ev);
	cancel(c, &a->away_ev);
	cancel(c, &a->outbound_ev);
	a->away_until_s = 0;
}

/* Moves the shift event to the agent's next shift start, if any, or lets it go. */
static void next_login(struct center *c, struct agent *a, struct cc_event *ev)
{
	a->span++;
	if (a->span < a->span_end && a->span->start_s < c->grid->horizon_s) {
		ev->kind = EV_LOGIN;
		cc_calendar_reschedule(c->cal, ev, a->span->start_s);
	} else {
		cc_calendar_release(c->cal, ev);
		a->shift_ev = NULL;
	}
}

static void on_login(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	struct group *g = &c->groups[a->group];
	const struct cc_group_cfg *cfg = g->cfg;
	agent_account(c, a);
	group_account(c, g);
	g->scheduled++;
	a->in_shift = 1;
	if (a->overtime) { /* still finishing the last shift's contact: the new shift begins */
		g->overtime--;
		*araw(c, a, CC_AR_OVERTIME) += c->now - a->overtime_since_s;
		a->overtime = 0;
		if (a->next_status == CC_AGENT_OFFLINE) {
			a->next_status = CC_NO_STATUS;
			emit(c, a);
		}
	}
	if (isfinite(a->span->end_s) && a->span->end_s < c->grid->horizon_s) {
		ev->kind = EV_LOGOUT;
		cc_calendar_reschedule(c->cal, ev, a->span->end_s);
	} else {
		cc_calendar_release(c->cal, ev);
		a->shift_ev = NULL;
	}
	int due_now = schedule_planned(c, a);
	start_clocks(c, a);
	if (due_now >= 0) { /* a status planned for the start of the shift comes first */
		const struct cc_planned_cfg *pl = &cfg->planned[due_now];
		request_status(c, a, pl->status, cc_dist_sample(&pl->duration, a->rng));
		return;
	}
	if (a->status != CC_AGENT_OFFLINE)
		return;
	double delay = cfg->login_status == CC_AGENT_AVAILABLE
	             ? 0 : cc_dist_sample(&cfg->login_delay, a->rng);
	if (delay <= 0)
		set_status(c, a, CC_AGENT_AVAILABLE, INFINITY);
	else
		set_status(c, a, cfg->login_status, delay);
}

/* The agent logs out now (idle). */
static void logout_now(struct center *c, struct agent *a)
{
	a->next_status = CC_NO_STATUS;
	set_status(c, a, CC_AGENT_OFFLINE, INFINITY);
}

static void on_logout(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	struct group *g = &c->groups[a->group];
	agent_account(c, a);
	group_account(c, g);
	g->scheduled--;
	a->in_shift = 0;
	*araw(c, a, CC_AR_SCHEDULED) += c->now - a->span->start_s;
	stop_clocks(c, a);
	if (a->act == ACT_IDLE) {
		logout_now(c, a);
	} else { /* finish the contact in hand, and its ACW, in overtime */
		if (a->status != CC_AGENT_OFFLINE) {
			g->overtime++;
			a->overtime = 1;
			a->overtime_since_s = c->now;
		}
		a->next_status = CC_AGENT_OFFLINE;
		emit(c, a);
	}
	next_login(c, a, ev);
}

static void on_status_end(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	cc_calendar_release(c->cal, ev);
	a->status_ev = NULL;
	if (a->status != CC_AGENT_RONA) {
		set_status(c, a, CC_AGENT_AVAILABLE, INFINITY);
		return;
	}
	const struct cc_group_cfg *g = c->groups[a->group].cfg;
	if (g->rona.available >= 1 || gsl_rng_uniform(a->rng) < g->rona.available)
		set_status(c, a, CC_AGENT_AVAILABLE, INFINITY);
	else
		set_status(c, a, g->idle_status, cc_dist_sample(&g->rona.idle, a->rng));
}

/* ---- set-up, the loop, the end ---- */

static void setup_agents(struct center *c, const struct cc_scenario *scn)
{
	CC_NEW_ARRAY(c->groups, scn->n_groups);
	for (size_t g = 0; g < scn->n_groups; g++) {
		struct group *gr = &c->groups[g];
		gr->cfg = &scn->groups[g];
		cc_roster_build(gr->cfg, c->grid->horizon_s, &gr->roster);
		c->n_agents += gr->roster.agents;
		for (size_t u = 0; u < gr->cfg->n_unplanned; u++)
			gr->unplanned_per_hour += gr->cfg->unplanned[u].per_hour;
	}
	CC_NEW_ARRAY(c->agents, c->n_agents);
	c->awidth = CC_AR_COUNT + c->out->n_status;
	CC_ASSERT(c->n_agents == c->out->n_agents);
	size_t id = 0;
	for (size_t g = 0; g < scn->n_groups; g++) {
		const struct cc_roster *r = &c->groups[g].roster;
		for (size_t i = 0; i < r->agents; i++, id++) {
			struct agent *a = &c->agents[id];
			a->id = (int32_t)id;
			a->group = (uint32_t)g;
			a->status = CC_AGENT_OFFLINE;
			a->next_status = CC_NO_STATUS;
			a->rank = r->rank[i];
			a->crew = r->crew[i];
			a->span = r->spans + r->first[i];
			a->span_end = r->spans + r->first[i + 1];
			a->rng = cc_rng_create(scn->seed, c->replication,
			                       cc_rng_source_id(scn->groups[g].name, STREAM_AGENT + i));
			if (a->span < a->span_end)
				a->shift_ev = cc_calendar_schedule(c->cal, a->span->start_s, CLASS_STATUS_DUE,
				                                   EV_LOGIN, a);
		}
	}
}

static void setup(struct center *c, const struct cc_scenario *scn, const struct cc_grid *grid,
                  uint64_t replication, struct cc_rep_result *out)
{
	memset(c, 0, sizeof *c);
	c->scn = scn;
	c->grid = grid;
	c->out = out;
	c->replication = replication;
	c->cal = cc_calendar_create();
	c->qstride = scn->n_queues * CC_QR_COUNT;
	c->gstride = scn->n_groups * CC_GR_COUNT;
	c->sstride = scn->n_groups * out->n_status;
	if (scn->contact_records && !out->records) {
		out->cap_records = 4096;
		out->records = cc_calloc(out->cap_records, sizeof *out->records);
	}
	/* Logins at time 0 come before everything else at time 0, in agent order. */
	setup_agents(c, scn);
	CC_NEW_ARRAY(c->queues, scn->n_queues);
	for (size_t i = 0; i < scn->n_queues; i++) {
		struct queue *q = &c->queues[i];
		q->cfg = &scn->queues[i];
		q->offer_timeout_s = scn->channels[q->cfg->channel].offer_timeout_s;
		CC_NEW_ARRAY(q->servers, scn->n_groups);
		for (size_t g = 0; g < scn->n_groups; g++)
			for (size_t s = 0; s < scn->groups[g].n_skills; s++)
				if (scn->groups[g].skills[s] == i)
					q->servers[q->n_servers++] = g;
		q->arrival_rng = cc_rng_create(scn->seed, replication,
		                               cc_rng_source_id(q->cfg->name, STREAM_ARRIVALS));
		q->attr_rng = cc_rng_create(scn->seed, replication,
		                            cc_rng_source_id(q->cfg->name, STREAM_ATTRIBUTES));
		cc_arrivals_init(&q->arrivals, q->cfg, q->arrival_rng);
		double first = cc_arrivals_next(&q->arrivals);
		if (first < grid->horizon_s)
			cc_calendar_schedule(c->cal, first, CLASS_ARRIVAL, EV_ARRIVAL, q);
	}
}

/* Closes every open account at the horizon and records what is still in the system. */
static void finish(struct center *c)
{
	c->now = c->grid->horizon_s;
	for (size_t i = 0; i < c->n_agents; i++) {
		struct agent *a = &c->agents[i];
		struct contact *k = a->contact;
		agent_account(c, a);
		if (a->status != CC_AGENT_OFFLINE)
			*araw(c, a, CC_AR_STAFFED) += c->now - a->staffed_since_s;
		if (a->overtime)
			*araw(c, a, CC_AR_OVERTIME) += c->now - a->overtime_since_s;
		if (a->in_shift)
			*araw(c, a, CC_AR_SCHEDULED) += c->now - a->span->start_s;
		if (is_npt(a->status)) /* a run still open counts up to the horizon */
			npt_run_end(c, a);
		if (!k)
			continue;
		if (k->queue == OUTBOUND_QUEUE) {
			if (c->out->records)
				record(c, k, a, CC_OUTCOME_OUTBOUND, c->now, NAN);
		} else if (a->act == ACT_RING) { /* ringing: not yet answered */
			ring_end(c, k);
			c->out->counts.waiting_at_end++;
			count_ronas(c, k);
			if (c->out->records)
				record(c, k, NULL, CC_OUTCOME_WAITING_AT_END, c->now, NAN);
		} else {
			c->out->counts.in_service_at_end++;
			if (c->out->records)
				record(c, k, a, CC_OUTCOME_IN_SERVICE_AT_END,
				       a->act == ACT_TALK ? c->now : k->connect_s + k->talk_s, NAN);
		}
	}
	for (size_t i = 0; i < c->scn->n_queues; i++) {
		struct queue *q = &c->queues[i];
		queue_account(c, q);
		for (struct contact *k = q->head; k; k = k->next) {
			c->out->counts.waiting_at_end++;
			count_ronas(c, k);
			if (c->out->records)
				record(c, k, NULL, CC_OUTCOME_WAITING_AT_END, c->now, NAN);
		}
	}
	for (size_t g = 0; g < c->scn->n_groups; g++)
		group_account(c, &c->groups[g]);
}

static void teardown(struct center *c)
{
	for (size_t i = 0; i < c->scn->n_queues; i++) {
		gsl_rng_free(c->queues[i].arrival_rng);
		gsl_rng_free(c->queues[i].attr_rng);
		cc_free(c->queues[i].servers);
	}
	for (size_t i = 0; i < c->n_agents; i++)
		gsl_rng_free(c->agents[i].rng);
	for (size_t g = 0; g < c->scn->n_groups; g++)
		cc_roster_fini(&c->groups[g].roster);
	for (size_t i = 0; i < c->n_slabs; i++)
		cc_free(c->slabs[i]);
	cc_free(c->slabs);
	cc_free(c->queues);
	cc_free(c->groups);
	cc_free(c->agents);
	cc_calendar_destroy(c->cal);
}

static void dispatch_event(struct center *c, struct cc_event *ev)
{
	switch ((enum event_kind)ev->kind) {
	case EV_ARRIVAL: on_arrival(c, ev); return;
	case EV_ABANDON: on_abandon(c, ev); return;
	case EV_TALK_END: on_talk_end(c, ev); return;
	case EV_ACW_END: on_acw_end(c, ev); return;
	case EV_ACCEPT: on_accept(c, ev); return;
	case EV_OFFER_TIMEOUT: on_offer_timeout(c, ev); return;
	case EV_STATUS_END: on_status_end(c, ev); return;
	case EV_LOGIN: on_login(c, ev); return;
	case EV_LOGOUT: on_logout(c, ev); return;
	case EV_UNPLANNED: on_unplanned(c, ev); return;
	case EV_AWAY: on_away(c, ev); return;
	case EV_OUTBOUND: on_outbound(c, ev); return;
	case EV_PLANNED: break;
	}
	on_planned(c, ev);
}

void cc_center_run(const struct cc_scenario *scn, const struct cc_grid *grid,
                   uint64_t replication, struct cc_rep_result *out,
                   struct cc_progress *progress)
{
	struct center c;
	setup(&c, scn, grid, replication, out);
	uint64_t events = 0, published_events = 0;
	double published_s = 0;
	const double horizon = grid->horizon_s;
	for (;;) {
		const struct cc_event *top = cc_calendar_peek(c.cal);
		if (!top || top->time >= horizon)
			break;
		struct cc_event *ev = cc_calendar_pop(c.cal);
		c.now = ev->time;
		dispatch_event(&c, ev);
		if ((++events & (PROGRESS_EVERY - 1)) == 0 && progress) {
			atomic_fetch_add(&progress->events, events - published_events);
			atomic_fetch_add(&progress->sim_ms, (uint64_t)((c.now - published_s) * 1000));
			published_events = events;
			published_s = c.now;
		}
	}
	finish(&c);
	if (progress) {
		atomic_fetch_add(&progress->events, events - published_events);
		atomic_fetch_add(&progress->sim_ms, (uint64_t)((horizon - published_s) * 1000));
	}
	out->counts.events = events;
	cc_rep_result_total(out, scn, grid);
	teardown(&c);
}
