#include "models/center.h"

#include <math.h>
#include <string.h>

#include "models/arrivals.h"
#include "sim/alloc.h"
#include "sim/calendar.h"
#include "sim/dist.h"
#include "sim/rng.h"

enum event_kind { EV_TALK_END, EV_ACW_END, EV_ARRIVAL, EV_ABANDON };
enum event_class { CLASS_AGENT_FREED, CLASS_ARRIVAL, CLASS_PATIENCE };

/* Stream purposes within a queue's name. */
enum { STREAM_ARRIVALS = 1, STREAM_ATTRIBUTES = 2 };

/* Progress is published every this many events, so atomics stay off the hot path. */
enum { PROGRESS_EVERY = 1 << 16 };

enum { CONTACT_SLAB = 1024 };

struct contact {
	struct contact *prev, *next; /* the queue's waiting list, or the free list */
	struct cc_event *patience;   /* pending abandonment, or NULL */
	double arrival_s;
	double connect_s;
	double talk_s;
	double acw_s;
	double patience_s;
	int64_t id;
	uint32_t queue;
	long interval;               /* reported arrival interval, -1 before the warm-up */
};

enum agent_state { AGENT_IDLE, AGENT_TALK, AGENT_ACW };

struct agent {
	struct agent *prev, *next; /* the group's idle list, longest idle first */
	struct contact *contact;
	double since_s;            /* start of the current state */
	enum agent_state state;
	uint32_t group;
	int32_t id;
};

struct queue {
	const struct cc_queue_cfg *cfg;
	struct contact *head, *tail; /* waiting, FIFO */
	size_t waiting;
	double waiting_since_s;      /* last change of WAITING */
	size_t *servers;             /* groups with this queue in their skills */
	size_t n_servers;
	struct cc_arrivals arrivals;
	gsl_rng *arrival_rng;
	gsl_rng *attr_rng;
	struct cc_event *next_arrival;
};

struct group {
	const struct cc_group_cfg *cfg;
	struct agent *idle_head, *idle_tail;
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
	size_t qstride, gstride; /* distance between intervals in the raw arrays */
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
	return k;
}

static void contact_put(struct center *c, struct contact *k)
{
	k->next = c->free_contacts;
	c->free_contacts = k;
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

/* Adds the queue's waiting count since its last change to the time integral. */
static void queue_account(struct center *c, struct queue *q)
{
	if (q->waiting)
		cc_grid_spread(c->grid, qraw(c, 0, (uint32_t)(q - c->queues), CC_QR_QUEUE_TIME),
		               c->qstride, q->waiting_since_s, c->now, (double)q->waiting);
	q->waiting_since_s = c->now;
}

static const int state_field[] = { [AGENT_IDLE] = CC_GR_IDLE, [AGENT_TALK] = CC_GR_TALK,
                                   [AGENT_ACW] = CC_GR_ACW };

/* Accounts the agent's current state up to now; the state itself goes on. */
static void agent_account(struct center *c, struct agent *a)
{
	cc_grid_spread(c->grid, graw(c, 0, a->group, state_field[a->state]), c->gstride,
	               a->since_s, c->now, 1.0);
	if (a->state != AGENT_IDLE)
		cc_grid_spread(c->grid, qraw(c, 0, a->contact->queue, CC_QR_WORK_TIME), c->qstride,
		               a->since_s, c->now, 1.0);
	a->since_s = c->now;
}

/* Closes the agent's current state and opens STATE. */
static void agent_enter(struct center *c, struct agent *a, enum agent_state state)
{
	agent_account(c, a);
	a->state = state;
}

static void record(struct center *c, const struct contact *k, const struct agent *a,
                   enum cc_outcome outcome, double end_s, double acw_end_s)
{
	struct cc_rep_result *r = c->out;
	if (r->n_records == r->cap_records) {
		r->cap_records = r->cap_records ? 2 * r->cap_records : 4096;
		r->records = cc_realloc(r->records, r->cap_records, sizeof *r->records);
	}
	struct cc_contact_record *row = &r->records[r->n_records++];
	memset(row, 0, sizeof *row);
	row->record_id = k->id;
	row->contact_id = k->id;
	row->previous_record_id = -1;
	row->replication = (int32_t)c->replication;
	row->queue = (int32_t)k->queue;
	row->agent = a ? a->id : -1;
	row->group = a ? (int32_t)a->group : -1;
	row->channel = (uint8_t)c->queues[k->queue].cfg->channel;
	row->outcome = (uint8_t)outcome;
	row->arrival_s = k->arrival_s;
	row->connect_s = a ? k->connect_s : NAN;
	row->end_s = end_s;
	row->acw_end_s = acw_end_s;
}

/* ---- the agents' idle lists ---- */

static void idle_push(struct group *g, struct agent *a)
{
	a->next = NULL;
	a->prev = g->idle_tail;
	if (g->idle_tail)
		g->idle_tail->next = a;
	else
		g->idle_head = a;
	g->idle_tail = a;
}

static struct agent *idle_pop(struct group *g)
{
	struct agent *a = g->idle_head;
	g->idle_head = a->next;
	if (g->idle_head)
		g->idle_head->prev = NULL;
	else
		g->idle_tail = NULL;
	a->next = a->prev = NULL;
	return a;
}

/* ---- the queues' waiting lists ---- */

static void queue_push(struct center *c, struct queue *q, struct contact *k)
{
	queue_account(c, q);
	k->next = NULL;
	k->prev = q->tail;
	if (q->tail)
		q->tail->next = k;
	else
		q->head = k;
	q->tail = k;
	q->waiting++;
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

/* ---- contact life ---- */

static void connect_agent(struct center *c, struct contact *k, struct agent *a)
{
	const struct cc_queue_cfg *cfg = c->queues[k->queue].cfg;
	double wait = c->now - k->arrival_s;
	k->connect_s = c->now;
	if (k->interval >= 0) {
		*qraw(c, k->interval, k->queue, CC_QR_ANSWERED) += 1;
		*qraw(c, k->interval, k->queue, CC_QR_WAIT_SUM) += wait;
		if (wait <= cfg->sl_threshold_s)
			*qraw(c, k->interval, k->queue, CC_QR_IN_SL) += 1;
	}
	if (k->interval >= 0)
		*graw(c, k->interval, a->group, CC_GR_ANSWERED) += 1;
	c->out->counts.answered++;
	a->contact = k;
	agent_enter(c, a, AGENT_TALK);
	cc_calendar_schedule(c->cal, c->now + k->talk_s, CLASS_AGENT_FREED, EV_TALK_END, a);
}

/* The longest-idle agent among the groups serving Q, or NULL; ties go to the first group. */
static struct agent *find_agent(struct center *c, const struct queue *q)
{
	struct group *best = NULL;
	for (size_t i = 0; i < q->n_servers; i++) {
		struct group *g = &c->groups[q->servers[i]];
		if (g->idle_head && (!best || g->idle_head->since_s < best->idle_head->since_s))
			best = g;
	}
	return best ? idle_pop(best) : NULL;
}

static void on_arrival(struct center *c, struct cc_event *ev)
{
	struct queue *q = ev->subject;
	const struct cc_queue_cfg *cfg = q->cfg;
	struct contact *k = contact_get(c);
	k->id = c->next_contact_id++;
	k->queue = (uint32_t)(q - c->queues);
	k->arrival_s = c->now;
	k->patience = NULL;
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
	if (a) {
		connect_agent(c, k, a);
		return;
	}
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_QUEUED) += 1;
	queue_push(c, q, k);
	if (isfinite(k->patience_s))
		k->patience = cc_calendar_schedule(c->cal, c->now + k->patience_s, CLASS_PATIENCE,
		                                   EV_ABANDON, k);
}

static void on_abandon(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	struct queue *q = &c->queues[k->queue];
	cc_calendar_release(c->cal, ev);
	k->patience = NULL;
	queue_remove(c, q, k);
	double wait = c->now - k->arrival_s;
	if (k->interval >= 0) {
		*qraw(c, k->interval, k->queue, CC_QR_ABANDONED) += 1;
		*qraw(c, k->interval, k->queue, CC_QR_ABANDON_SUM) += wait;
		if (wait <= q->cfg->sl_threshold_s)
			*qraw(c, k->interval, k->queue, CC_QR_ABANDONED_IN_SL) += 1;
	}
	c->out->counts.abandoned++;
	if (c->out->records)
		record(c, k, NULL, CC_OUTCOME_ABANDONED, c->now, NAN);
	contact_put(c, k);
}

/* The agent has cleared its contact (its time is accounted, its state idle): serve the first waiting contact of its skills, in order. */
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
		if (k->patience) {
			cc_calendar_cancel(c->cal, k->patience);
			k->patience = NULL;
		}
		connect_agent(c, k, a);
		return;
	}
	idle_push(g, a);
}

static void complete(struct center *c, struct agent *a, double acw_end_s)
{
	struct contact *k = a->contact;
	if (k->interval >= 0) {
		*qraw(c, k->interval, k->queue, CC_QR_HANDLED) += 1;
		*qraw(c, k->interval, k->queue, CC_QR_TALK_SUM) += k->talk_s;
		*qraw(c, k->interval, k->queue, CC_QR_ACW_SUM) += k->acw_s;
	}
	c->out->counts.completed++;
	if (c->out->records)
		record(c, k, a, CC_OUTCOME_HANDLED, k->connect_s + k->talk_s, acw_end_s);
	/* The time worked on K is accounted before K goes back to the pool. */
	agent_account(c, a);
	a->contact = NULL;
	a->state = AGENT_IDLE;
	contact_put(c, k);
	agent_freed(c, a);
}

static void on_talk_end(struct center *c, struct cc_event *ev)
{
	struct agent *a = ev->subject;
	struct contact *k = a->contact;
	if (k->acw_s > 0) {
		agent_enter(c, a, AGENT_ACW);
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

/* ---- set-up, the loop, the end ---- */

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
	if (scn->contact_records && !out->records) {
		out->cap_records = 4096;
		out->records = cc_calloc(out->cap_records, sizeof *out->records);
	}

	CC_NEW_ARRAY(c->groups, scn->n_groups);
	for (size_t g = 0; g < scn->n_groups; g++) {
		c->groups[g].cfg = &scn->groups[g];
		c->n_agents += (size_t)scn->groups[g].count;
	}
	CC_NEW_ARRAY(c->agents, c->n_agents);
	size_t id = 0;
	for (size_t g = 0; g < scn->n_groups; g++)
		for (int i = 0; i < scn->groups[g].count; i++, id++) {
			struct agent *a = &c->agents[id];
			a->id = (int32_t)id;
			a->group = (uint32_t)g;
			a->state = AGENT_IDLE;
			idle_push(&c->groups[g], a);
		}

	CC_NEW_ARRAY(c->queues, scn->n_queues);
	for (size_t i = 0; i < scn->n_queues; i++) {
		struct queue *q = &c->queues[i];
		q->cfg = &scn->queues[i];
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
		if (k) {
			c->out->counts.in_service_at_end++;
			if (c->out->records)
				record(c, k, a, CC_OUTCOME_IN_SERVICE_AT_END,
				       a->state == AGENT_TALK ? c->now : k->connect_s + k->talk_s, NAN);
		}
	}
	for (size_t i = 0; i < c->scn->n_queues; i++) {
		struct queue *q = &c->queues[i];
		queue_account(c, q);
		for (struct contact *k = q->head; k; k = k->next) {
			c->out->counts.waiting_at_end++;
			if (c->out->records)
				record(c, k, NULL, CC_OUTCOME_WAITING_AT_END, c->now, NAN);
		}
	}
	/* Agent time is staffed time by construction of the states; staffed is accounted
	 * independently so that the invariant "idle + talk + ACW = staffed" is a real check. */
	for (size_t g = 0; g < c->scn->n_groups; g++)
		cc_grid_spread(c->grid, graw(c, 0, (uint32_t)g, CC_GR_STAFFED), c->gstride, 0,
		               c->grid->horizon_s, (double)c->scn->groups[g].count);
}

static void teardown(struct center *c)
{
	for (size_t i = 0; i < c->scn->n_queues; i++) {
		gsl_rng_free(c->queues[i].arrival_rng);
		gsl_rng_free(c->queues[i].attr_rng);
		cc_free(c->queues[i].servers);
	}
	for (size_t i = 0; i < c->n_slabs; i++)
		cc_free(c->slabs[i]);
	cc_free(c->slabs);
	cc_free(c->queues);
	cc_free(c->groups);
	cc_free(c->agents);
	cc_calendar_destroy(c->cal);
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
		switch ((enum event_kind)ev->kind) {
		case EV_ARRIVAL: on_arrival(&c, ev); break;
		case EV_ABANDON: on_abandon(&c, ev); break;
		case EV_TALK_END: on_talk_end(&c, ev); break;
		case EV_ACW_END: on_acw_end(&c, ev); break;
		}
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
