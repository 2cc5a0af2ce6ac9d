/*
 * The run of one replication and the life of contacts. The agent's status machine is in
 * agents.c, the choice of who gets what in routing.c; center_impl.h has the shared state.
 */
#include "models/center/center.h"

#include <math.h>
#include <string.h>

#include <gsl/gsl_randist.h>

#include "models/center/center_impl.h"
#include "sim/alloc.h"
#include "sim/dist.h"
#include "sim/macros.h"
#include "sim/rng.h"

/* Stream purposes within a queue's name. */

/* Progress is published every this many events, so atomics stay off the hot path. */
enum { PROGRESS_EVERY = 1 << 16 };

enum { CONTACT_SLAB = 1024 };

struct contact *cc_center_contact(struct center *c)
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
	cc_heap_node_init(&k->qnode);
	k->factor = 1;
	k->id = c->next_contact_id++;
	k->initial_id = k->id;
	k->previous_id = k->next_id = -1;
	k->interval = k->first_interval = -1;
	return k;
}

void cc_center_release(struct center *c, struct contact *k)
{
	cc_center_set_interval(c, k, -1);
	cc_center_set_first_interval(c, k, -1);
	k->next = c->free_contacts;
	c->free_contacts = k;
}

/* A callback to dial (one handed on is already connected to its customer). */
static int is_callback(const struct contact *k)
{
	return k->channel == CC_CHANNEL_CALLBACK && k->queue != OUTBOUND_QUEUE && !k->xfer_in;
}

/* ---- accounting ---- */

void cc_center_gcount(struct center *c, uint32_t g, int field, double t, double v)
{
	long i = t >= c->row_start_s ? (long)c->row_at : cc_grid_index(&c->wgrid, t);
	if (i >= 0) {
		CC_CHECK((size_t)i + c->row0 >= c->base);
		c->grow[(size_t)i * c->gstride + cc_gr_at(g, field)] += v;
	}
}

/* A contact's claims on open rows: its arrival interval and its customer's first. */
static void pin(struct center *c, long interval, int by)
{
	if (interval >= 0) {
		CC_CHECK((size_t)interval >= c->base);
		c->pins[(size_t)interval - c->row0] += by;
	}
}

void cc_center_set_interval(struct center *c, struct contact *k, long interval)
{
	pin(c, k->interval, -1);
	k->interval = interval;
	pin(c, interval, 1);
}

void cc_center_set_first_interval(struct center *c, struct contact *k, long interval)
{
	pin(c, k->first_interval, -1);
	k->first_interval = interval;
	pin(c, interval, 1);
}

/* What the agent is doing, whatever its status: exclusive, and the key of time accounting.
 * Talk (callback dialling included) comes before ACW, ACW before ringing. */
enum activity { ACT_IDLE, ACT_RING, ACT_TALK, ACT_ACW };

static enum activity activity(const struct agent *a)
{
	return a->n_work ? ACT_TALK : a->n_acw ? ACT_ACW : a->n_ring ? ACT_RING : ACT_IDLE;
}

/* Spreads [T0, now) into A and, when B is not NULL, into B too. */
static void spread_with(struct center *c, double *a, size_t stride_a, double *b, size_t stride_b,
                        double t0)
{
	if (b)
		cc_center_spread2(c, a, stride_a, b, stride_b, t0);
	else
		cc_center_spread(c, a, stride_a, t0, 1.0);
}

void cc_center_agent_account(struct center *c, struct agent *a)
{
	double t0 = a->since_s, dt = c->now - t0;
	a->since_s = c->now;
	if (dt <= 0)
		return;
	/* With one channel in hand (the usual case) its busy time goes with the activity's in
	 * one pass over the intervals. */
	int busy = -1;
	if (a->n_held)
		for (int ch = 0; ch < CC_CHANNEL_COUNT; ch++)
			if (a->held_ch[ch]) {
				if (busy < 0 && a->held_ch[ch] == a->n_held)
					busy = ch;
				else
					cc_center_spread(c, gcbins(c, a->group, ch, CC_GCR_BUSY), c->cstride,
					                 t0, 1.0);
			}
	double *busy_bins = busy >= 0 ? gcbins(c, a->group, busy, CC_GCR_BUSY) : NULL;
	enum activity act = activity(a);
	switch (act) {
	case ACT_IDLE:
		if (a->status == CC_AGENT_OFFLINE && !a->in_shift)
			return;
		spread_with(c, sbins(c, a->group, a->status), c->sstride, busy_bins, c->cstride, t0);
		*araw(c, a, CC_AR_COUNT + (size_t)a->status) += dt;
		return;
	case ACT_RING:
		spread_with(c, gbins(c, a->group, CC_GR_RING), c->gstride, busy_bins, c->cstride, t0);
		*araw(c, a, CC_AR_RING) += dt;
		return;
	case ACT_TALK:
	case ACT_ACW:
		spread_with(c, gbins(c, a->group, act == ACT_TALK ? CC_GR_TALK : CC_GR_ACW),
		            c->gstride, busy_bins, c->cstride, t0);
		*araw(c, a, act == ACT_TALK ? CC_AR_TALK : CC_AR_ACW) += dt;
		if (is_npt(a->status))
			cc_center_spread(c, gbins(c, a->group, CC_GR_NPT_ON_CONTACT), c->gstride, t0, 1.0);
		return;
	}
}

/* Accounts the contact's current segment with its agent: work (talk, callback dialling,
 * ACW) counts for its queue and its group's channel. */
static void contact_account(struct center *c, struct contact *k)
{
	double t0 = k->since_s;
	k->since_s = c->now;
	if (!(c->now > t0))
		return;
	const struct agent *a = k->agent;
	switch ((enum kstate)k->state) {
	case K_PENDING: case K_DIAL: case K_TALK: case K_ACW: case K_LINK: break;
	case K_HOLD:
		k->hold_s += c->now - t0;
		cc_center_spread(c, gbins(c, a->group, CC_GR_HOLD), c->gstride, t0, 1.0);
		break;
	default: return;
	}
	double *work = gcbins(c, a->group, k->channel, CC_GCR_WORK);
	if (k->direct) /* a transfer to an agent works for no queue */
		cc_center_spread(c, work, c->cstride, t0, 1.0);
	else if (k->queue == OUTBOUND_QUEUE)
		cc_center_spread2(c, gbins(c, a->group, CC_GR_OUTBOUND), c->gstride, work,
		                  c->cstride, t0);
	else
		cc_center_spread2(c, qbins(c, k->queue, CC_QR_WORK_TIME), c->qstride, work,
		                  c->cstride, t0);
}

/* The talk speed of each of N contacts of channel CH connected to one agent. */
static double slowdown(const struct center *c, int ch, int n)
{
	const struct cc_channel_cfg *cfg = &c->scn->channels[ch];
	if (!cfg->n_slowdown || n < 1)
		return 1;
	return cfg->slowdown[(size_t)n < cfg->n_slowdown ? (size_t)n - 1 : cfg->n_slowdown - 1];
}

/* Talk (at full speed) left before K's next stop: its pause, or its end. */
static double talk_to_go(const struct contact *k)
{
	return k->work_s - (k->pause_s > 0 ? k->pause_at_s : 0);
}

static void close_segment(struct center *c, struct contact *k)
{
	double dt = c->now - k->seg_s;
	k->talked_s += dt;
	k->work_s -= dt / k->factor;
	k->seg_s = c->now;
}

/* The agent now talks on a different number of contacts of channel CH: each other one
 * goes on at the new speed, its end moved accordingly. */
static void rerate(struct center *c, struct agent *a, int ch, const struct contact *skip)
{
	if (!c->scn->channels[ch].n_slowdown)
		return;
	double f = slowdown(c, ch, a->talking[ch]);
	for (struct contact *k = a->held; k; k = k->next) {
		if (k == skip || k->channel != ch || k->state != K_TALK || k->factor == f)
			continue;
		close_segment(c, k);
		k->factor = f;
		k->segmented = 1;
		cc_calendar_move(c->cal, k->ev, c->now + talk_to_go(k) * f);
	}
}

static int16_t *work_counter(struct agent *a, int state)
{
	switch ((enum kstate)state) {
	case K_RING: return &a->n_ring;
	case K_PENDING: case K_DIAL: case K_TALK: case K_HOLD: case K_LINK: return &a->n_work;
	case K_ACW: return &a->n_acw;
	default: return NULL;
	}
}

void cc_center_kset(struct center *c, struct contact *k, enum kstate s)
{
	struct agent *a = k->agent;
	cc_center_agent_account(c, a);
	contact_account(c, k);
	int16_t *was = work_counter(a, k->state), *is = work_counter(a, s);
	if (was)
		(*was)--;
	if (is)
		(*is)++;
	int was_talk = k->state == K_TALK, is_talk = s == K_TALK;
	if (was_talk)
		close_segment(c, k);
	k->state = (uint8_t)s;
	if (was_talk == is_talk)
		return;
	a->talking[k->channel] += is_talk ? 1 : -1;
	if (is_talk) {
		k->seg_s = c->now;
		k->factor = slowdown(c, k->channel, a->talking[k->channel]);
	}
	rerate(c, a, k->channel, k);
}

/* A takes K in hand: one slot of K's channel is used from now. */
static void hold(struct center *c, struct agent *a, struct contact *k)
{
	cc_center_agent_account(c, a);
	k->agent = a;
	k->prev = NULL;
	k->next = a->held;
	if (a->held)
		a->held->prev = k;
	a->held = k;
	a->n_held++;
	a->held_ch[k->channel]++;
	k->held_s = k->since_s = c->now;
	k->state = K_OUT;
	if (!c->scn->routing.idle_inbound)
		a->idle_since_s = c->now;
}

void cc_center_unhold(struct center *c, struct contact *k)
{
	struct agent *a = k->agent;
	cc_center_kset(c, k, K_OUT);
	cc_center_spread(c, gcbins(c, a->group, k->channel, CC_GCR_SLOTS), c->cstride,
	                 k->held_s, 1.0);
	if (k->prev)
		k->prev->next = k->next;
	else
		a->held = k->next;
	if (k->next)
		k->next->prev = k->prev;
	k->prev = k->next = NULL;
	a->n_held--;
	a->held_ch[k->channel]--;
	k->agent = NULL;
	if (!c->scn->routing.idle_inbound)
		a->idle_since_s = c->now;
}

void cc_center_emit(struct center *c, const struct agent *a, const struct contact *k)
{
	if (!c->scn->agent_events)
		return;
	struct cc_rep_result *r = c->out;
	if (r->n_events == r->cap_events) {
		r->cap_events = r->cap_events ? 2 * r->cap_events : 4096;
		r->events = cc_realloc(r->events, r->cap_events, sizeof *r->events);
	}
	if (!k)
		k = a->held;
	r->events[r->n_events++] = (struct cc_agent_event){
		.time_s = c->now,
		.contact_id = k ? k->id : -1,
		.replication = (int32_t)c->replication,
		.agent = a->id,
		.group = (int32_t)a->group,
		.status = (uint8_t)a->status,
		.next_status = (uint8_t)a->next_status,
		.contact_state = k ? k->cs : CC_CS_NONE,
		.channel = k ? k->channel : CC_CHANNEL_COUNT,
	};
}

void cc_center_state(struct center *c, struct contact *k, enum cc_contact_state cs)
{
	k->cs = (uint8_t)cs;
	cc_center_emit(c, k->agent, k);
}

static void record(struct center *c, const struct contact *k, const struct agent *a,
                   enum cc_outcome outcome, double end_s, double acw_end_s)
{
	struct cc_rep_result *r = c->out;
	if (!r->records)
		return;
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
		[CC_OUTCOME_CALLBACK] = CC_DISCONNECT_ENDED,
		[CC_OUTCOME_UNREACHED] = CC_DISCONNECT_FAILED,
		[CC_OUTCOME_TRANSFERRED] = CC_DISCONNECT_TRANSFERRED,
		[CC_OUTCOME_ENDED_BY_MOVE] = CC_DISCONNECT_AGENT,
	};
	struct cc_contact_record *row = &r->records[r->n_records++];
	memset(row, 0, sizeof *row);
	int outbound = k->queue == OUTBOUND_QUEUE;
	row->record_id = k->id;
	row->contact_id = k->id;
	row->initial_record_id = k->initial_id;
	row->previous_record_id = k->previous_id;
	row->next_record_id = k->next_id;
	row->transfer = k->rt;
	row->transfer_mode = k->rmode;
	row->hold_s = k->hold_s;
	row->replication = (int32_t)c->replication;
	row->queue = outbound ? -1 : (int32_t)k->queue;
	row->agent = a ? a->id : -1;
	row->group = a ? (int32_t)a->group : -1;
	row->channel = k->channel;
	row->outcome = (uint8_t)outcome;
	row->disconnect = outbound && !k->reached ? CC_DISCONNECT_FAILED : disconnect[outcome];
	row->ronas = k->ronas;
	row->attempts = k->attempts;
	row->ring_s = k->ring_sum_s;
	row->head_start_s = k->head_start_s;
	row->arrival_s = k->arrival_s;
	row->connect_s = a ? k->connect_s : NAN;
	row->end_s = end_s;
	row->acw_end_s = acw_end_s;
}

/* Counts K, whose fate is now known, by the RONAs it went through. */
static void count_ronas(struct center *c, const struct contact *k)
{
	static const int field[4] = { -1, CC_QR_RONA_1, CC_QR_RONA_2, CC_QR_RONA_3P };
	if (k->ronas && k->interval >= 0 && !k->direct)
		*qraw(c, k->interval, k->queue, field[k->ronas < 3 ? k->ronas : 3]) += 1;
}

/* ---- contact life ---- */

static void schedule_talk_end(struct center *c, struct contact *k)
{
	k->ev = cc_calendar_schedule(c->cal, c->now + talk_to_go(k) * k->factor, CLASS_AGENT_FREED,
	                             EV_TALK_END, k);
}

void cc_center_talk(struct center *c, struct contact *k)
{
	if (k->agent->moving && cc_region_ends(k->channel)) { /* its agent has left the region */
		cc_center_end_now(c, k);
		return;
	}
	cc_center_kset(c, k, K_TALK);
	cc_center_state(c, k, CC_CS_CONNECTED);
	schedule_talk_end(c, k);
}

/* The customer and the agent are connected. */
static void connect_agent(struct center *c, struct contact *k)
{
	struct agent *a = k->agent;
	const struct cc_queue_cfg *cfg = c->queues[k->queue].cfg;
	double wait = c->now - k->arrival_s;
	cc_center_cancel(c, &k->patience);
	k->connect_s = c->now;
	if (k->interval >= 0) {
		if (!k->direct) {
			*qraw(c, k->interval, k->queue, CC_QR_ANSWERED) += 1;
			*qraw(c, k->interval, k->queue, CC_QR_WAIT_SUM) += wait;
			if (wait <= cfg->sl_threshold_s)
				*qraw(c, k->interval, k->queue, CC_QR_IN_SL) += 1;
		}
		*graw(c, k->interval, a->group, CC_GR_ANSWERED) += 1;
		*gcraw(c, k->interval, a->group, k->channel, CC_GCR_ANSWERED) += 1;
	}
	count_ronas(c, k);
	c->out->counts.answered++;
	if (k->xfer_in) {
		cc_center_gcount(c, a->group, CC_GR_TRANSFERS_IN, c->now, 1);
		cc_transfer_connected(c, k);
		return;
	}
	cc_center_talk(c, k);
}

/* The agent has accepted K: a conversation, or for a callback, the dialling. */
static void accepted(struct center *c, struct contact *k)
{
	if (!is_callback(k)) {
		connect_agent(c, k);
		return;
	}
	const struct cc_callback_dial_cfg *d = &c->queues[k->queue].cfg->dialing;
	cc_center_kset(c, k, K_PENDING);
	cc_center_state(c, k, CC_CS_PENDING);
	k->ev = cc_calendar_schedule(c->cal, c->now + cc_dist_sample(&d->pending, k->agent->rng),
	                             CLASS_AGENT_FREED, EV_PENDING_END, k);
}

/*
 * Offers K to A. An agent who answers at once is connected at once; otherwise K rings
 * until the answer or the timeout, whichever comes first, while the customer's patience
 * runs on.
 */
void cc_center_offer(struct center *c, struct contact *k, struct agent *a)
{
	const struct cc_answer_cfg *ans = &c->groups[a->group].cfg->answer;
	if (k->interval >= 0 && !k->direct)
		*qraw(c, k->interval, k->queue, CC_QR_OFFERS) += 1;
	cc_center_gcount(c, a->group, CC_GR_OFFERS, c->now, 1);
	int answers = c->now >= a->away_until_s &&
	              !(ans->miss > 0 && gsl_rng_uniform(a->rng) < ans->miss);
	double delay = answers ? cc_dist_sample(&ans->delay, a->rng) : INFINITY;
	/* An agent offered a transfer may reject it, as soon as it would have answered. */
	int rejects = k->direct && answers && k->via->reject > 0 &&
	              gsl_rng_uniform(a->rng) < k->via->reject;
	k->absent = (uint8_t)!answers;
	hold(c, a, k);
	cc_route_refresh(c, a);
	if (delay <= 0 && !rejects) {
		accepted(c, k);
		return;
	}
	double timeout = c->queues[k->queue].offer_timeout_s;
	k->ring_start_s = c->now;
	if (!k->patience && isfinite(k->patience_s)) /* a fresh arrival: its patience starts */
		k->patience = cc_calendar_schedule(c->cal, k->arrival_s + k->patience_s,
		                                   CLASS_PATIENCE, EV_ABANDON, k);
	cc_center_kset(c, k, K_RING);
	cc_center_state(c, k, is_callback(k) ? CC_CS_INCOMING : CC_CS_CONNECTING);
	/* An answer at exactly the timeout is an answer (CLASS_ACCEPT comes first). */
	k->ev = delay <= timeout
	      ? cc_calendar_schedule(c->cal, c->now + delay, CLASS_ACCEPT,
	                             rejects ? EV_REJECT : EV_ACCEPT, k)
	      : cc_calendar_schedule(c->cal, c->now + timeout, CLASS_OFFER_TIMEOUT,
	                             EV_OFFER_TIMEOUT, k);
}

void cc_center_dispatch(struct center *c, struct queue *q)
{
	struct cc_match m;
	while (cc_route_match_queue(c, q, &m)) {
		cc_route_remove(c, m.q, m.k);
		cc_center_offer(c, m.k, m.a);
	}
}

void cc_center_agent_ready(struct center *c, struct agent *a)
{
	struct cc_match m;
	while (cc_route_match_agent(c, a, &m)) {
		cc_route_remove(c, m.q, m.k);
		cc_center_offer(c, m.k, m.a);
	}
	cc_route_refresh(c, a);
}

/* Q's head has waited long enough for another group. */
static void on_eligible(struct center *c, struct cc_event *ev)
{
	struct queue *q = ev->subject;
	cc_calendar_release(c->cal, ev);
	q->tick = NULL;
	cc_center_dispatch(c, q);
	cc_route_tick(c, q);
}

double cc_center_ring_end(struct center *c, struct contact *k)
{
	double rang = c->now - k->ring_start_s;
	k->ring_sum_s += rang;
	if (k->interval >= 0 && !k->direct)
		*qraw(c, k->interval, k->queue, CC_QR_RING_SUM) += rang;
	return rang;
}

/*
 * Draws K's attributes from its queue's attribute stream, in a fixed order whatever
 * becomes of it: handle, patience, ACW, then (only where the queue has them) the priority
 * class, the pause and the quick connect it will be handed on by.
 */
static void draw_attributes(struct queue *q, struct contact *k)
{
	const struct cc_queue_cfg *cfg = q->cfg;
	k->talk_s = cc_dist_sample(&cfg->handle, q->attr_rng);
	k->patience_s = cfg->has_patience ? cc_dist_sample(&cfg->patience, q->attr_rng) : INFINITY;
	k->acw_s = cc_dist_sample(&cfg->acw, q->attr_rng);
	k->work_s = k->talk_s;
	k->queued_s = k->arrival_s;
	if (cfg->n_priorities) {
		double u = gsl_rng_uniform(q->attr_rng);
		for (size_t i = 0; i < cfg->n_priorities; i++) {
			if (u < cfg->priorities[i].share) {
				k->head_start_s = cfg->priorities[i].head_start_s;
				k->queued_s -= k->head_start_s;
				break;
			}
			u -= cfg->priorities[i].share;
		}
	}
	if (cfg->pause.share > 0 && gsl_rng_uniform(q->attr_rng) < cfg->pause.share) {
		k->pause_s = cc_dist_sample(&cfg->pause.duration, q->attr_rng);
		k->pause_at_s = k->talk_s / 2;
	}
	if (cfg->n_transfers) {
		double u = gsl_rng_uniform(q->attr_rng);
		for (size_t i = 0; i < cfg->n_transfers; i++) {
			if (u < cfg->transfers[i].share) {
				k->xfer = (uint8_t)(i + 1);
				break;
			}
			u -= cfg->transfers[i].share;
		}
	}
}

void cc_center_draw(struct center *c, struct queue *q, struct contact *k)
{
	k->queue = (uint32_t)(q - c->queues);
	k->channel = q->channel;
	k->arrival_s = c->now;
	draw_attributes(q, k);
	cc_center_set_interval(c, k, cc_grid_index(c->grid, c->now));
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_OFFERED) += 1;
}

void cc_center_follow(struct center *c, struct contact *next, struct contact *k)
{
	next->initial_id = k->initial_id;
	next->previous_id = k->id;
	next->first_arrival_s = k->first_arrival_s;
	cc_center_set_first_interval(c, next, k->first_interval);
	next->first_queue = k->first_queue;
	k->next_id = next->id;
}

/* Credits K's customer with a last connection at CONNECT_S (NaN: none). */
static void customer_connected(struct center *c, const struct contact *k, double connect_s)
{
	if (k->first_interval < 0 || !(connect_s >= k->first_arrival_s))
		return;
	double wait = connect_s - k->first_arrival_s;
	*qraw(c, k->first_interval, k->first_queue, CC_QR_CUSTOMERS_CONNECTED) += 1;
	*qraw(c, k->first_interval, k->first_queue, CC_QR_CUSTOMER_WAIT_SUM) += wait;
	if (wait <= c->queues[k->first_queue].cfg->sl_threshold_s)
		*qraw(c, k->first_interval, k->first_queue, CC_QR_CUSTOMERS_IN_SL) += 1;
}

void cc_center_customer_end(struct center *c, const struct contact *k, double connect_s)
{
	c->out->counts.customers_done++;
	customer_connected(c, k, connect_s);
}

/* A new customer at Q, arrived now. */
static struct contact *new_contact(struct center *c, struct queue *q)
{
	struct contact *k = cc_center_contact(c);
	cc_center_draw(c, q, k);
	k->first_arrival_s = c->now;
	cc_center_set_first_interval(c, k, k->interval);
	k->first_queue = k->queue;
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_CUSTOMERS) += 1;
	c->out->counts.arrived++;
	c->out->counts.customers++;
	return k;
}

/* The wait a customer arriving at Q now expects. */
static double expected_wait(const struct center *c, const struct queue *q)
{
	const struct contact *head = cc_route_head(q);
	if (q->cfg->callback.estimate == CC_ESTIMATE_OLDEST)
		return head ? c->now - head->arrival_s : 0;
	double n = (double)cc_heap_size(&q->waiting) + 1;
	return n * q->mean_work_s / (q->serving > 1 ? q->serving : 1);
}

static void admit(struct center *c, struct queue *q, struct contact *k, int fresh, double u_cb);

void cc_center_admit(struct center *c, struct queue *q, struct contact *k, int fresh)
{
	admit(c, q, k, fresh, 1);
}

/* K's customer hangs up and asks to be called back: a new contact at the callback queue. */
static void to_callback(struct center *c, struct queue *q, struct contact *k)
{
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_CALLBACKS) += 1;
	c->out->counts.callbacks++;
	struct queue *cq = &c->queues[q->cfg->callback.queue];
	struct contact *cb = cc_center_contact(c);
	cc_center_draw(c, cq, cb);
	c->out->counts.arrived++;
	cc_center_follow(c, cb, k);
	record(c, k, NULL, CC_OUTCOME_CALLBACK, c->now, NAN);
	cc_center_release(c, k);
	const struct cc_callback_dial_cfg *d = &cq->cfg->dialing;
	for (int i = 1; i <= d->retries + 1 && !cb->reach_at; i++)
		if (d->reach >= 1 || gsl_rng_uniform(cq->attr_rng) < d->reach)
			cb->reach_at = (uint8_t)i;
	admit(c, cq, cb, 1, 1);
}

/*
 * K enters Q: offered at once to a free agent if it would be at the head and the policy
 * finds one; otherwise (unless the customer prefers a callback) it waits. FRESH: a new
 * arrival, counted as queued and with its patience starting.
 */
static void admit(struct center *c, struct queue *q, struct contact *k, int fresh, double u_cb)
{
	const struct contact *head = cc_route_head(q);
	int first = !head || k->queued_s < head->queued_s ||
	            (k->queued_s == head->queued_s && k->id < head->id);
	struct agent *a = first ? cc_route_find_agent(c, q, k) : NULL;
	if (a) {
		cc_center_offer(c, k, a);
		return;
	}
	const struct cc_callback_offer_cfg *cb = &q->cfg->callback;
	if (fresh && cb->queue >= 0 && u_cb < cb->accept && expected_wait(c, q) > cb->threshold_s) {
		to_callback(c, q, k);
		return;
	}
	if (fresh && k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_QUEUED) += 1;
	if (fresh && isfinite(k->patience_s))
		k->patience = cc_calendar_schedule(c->cal, c->now + k->patience_s, CLASS_PATIENCE,
		                                   EV_ABANDON, k);
	cc_route_push(c, q, k);
}

static void on_arrival(struct center *c, struct cc_event *ev)
{
	struct queue *line = ev->subject;
	struct queue *q = c->scn->regions.n > 1 ? cc_region_route(c, line) : line;
	struct contact *k = new_contact(c, q);
	double u_cb = q->cfg->callback.queue >= 0 ? gsl_rng_uniform(q->attr_rng) : 1;
	double next = cc_arrivals_next(&line->arrivals);
	if (next < c->grid->horizon_s)
		cc_calendar_reschedule(c->cal, ev, next);
	else
		cc_calendar_release(c->cal, ev);
	admit(c, q, k, 1, u_cb);
}

static void on_abandon(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	struct queue *q = &c->queues[k->queue];
	cc_calendar_release(c->cal, ev);
	k->patience = NULL;
	struct agent *a = k->agent;
	if (a) { /* the customer hung up while the agent's phone rang: REJECTED */
		cc_center_cancel(c, &k->ev);
		double start = k->ring_start_s, rang = cc_center_ring_end(c, k);
		if (k->absent)
			cc_center_gcount(c, a->group, CC_GR_RING_ABSENT, start, rang);
		if (k->interval >= 0)
			*qraw(c, k->interval, k->queue, CC_QR_ABANDONED_RINGING) += 1;
		cc_center_state(c, k, CC_CS_REJECTED);
		cc_center_unhold(c, k);
	} else {
		cc_route_remove(c, q, k);
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
	record(c, k, NULL, CC_OUTCOME_ABANDONED, c->now, NAN);
	if (k->peer) /* handed on while the first agent waits: it is alone now */
		cc_transfer_abandoned(c, k);
	cc_center_customer_end(c, k, NAN);
	cc_center_release(c, k);
	if (a) {
		cc_center_emit(c, a, NULL);
		cc_agent_after_contact(c, a);
	}
}

static void on_accept(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	cc_calendar_release(c->cal, ev);
	k->ev = NULL;
	cc_center_ring_end(c, k);
	accepted(c, k);
}

/* The offer timed out: the contact goes back to its queue, the agent to RONA. */
static void on_offer_timeout(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	struct agent *a = k->agent;
	cc_calendar_release(c->cal, ev);
	k->ev = NULL;
	struct queue *q = &c->queues[k->queue];
	double start = k->ring_start_s, rang = cc_center_ring_end(c, k);
	k->ronas++;
	if (k->interval >= 0 && !k->direct)
		*qraw(c, k->interval, k->queue, CC_QR_RONAS) += 1;
	cc_center_gcount(c, a->group, CC_GR_RONAS, start, 1);
	cc_center_gcount(c, a->group, CC_GR_RING_RONA, start, rang);
	if (k->absent)
		cc_center_gcount(c, a->group, CC_GR_RING_ABSENT, start, rang);
	cc_center_state(c, k, CC_CS_MISSED);
	cc_center_unhold(c, k);
	if (k->direct) { /* a transfer the agent missed: it goes to RONA before the transfer
		                    goes anywhere else */
		cc_agent_rona(c, a);
		cc_transfer_missed(c, k);
		return;
	}
	if (q->cfg->requeue == CC_REQUEUE_TAIL)
		k->queued_s = c->now;
	cc_route_push(c, q, k);
	cc_agent_rona(c, a);
	cc_center_dispatch(c, q);
}

/* K's agent is done with it (ACW over, or nothing after the talk). */
static void complete(struct center *c, struct contact *k, double acw_end_s)
{
	struct agent *a = k->agent;
	int outbound = k->queue == OUTBOUND_QUEUE;
	contact_account(c, k); /* its hold so far, for the record */
	double talk = k->segmented ? k->talk_end_s - k->connect_s - k->paused_s - k->hold_s
	                           : k->talk_s;
	if (outbound) {
		c->out->counts.outbound++;
		record(c, k, a, CC_OUTCOME_OUTBOUND, k->talk_end_s, acw_end_s);
	} else {
		if (k->interval >= 0 && !k->direct) {
			*qraw(c, k->interval, k->queue, CC_QR_HANDLED) += 1;
			*qraw(c, k->interval, k->queue, CC_QR_TALK_SUM) += talk;
			*qraw(c, k->interval, k->queue, CC_QR_ACW_SUM) += k->acw_s;
			*qraw(c, k->interval, k->queue, CC_QR_PAUSE_SUM) += k->paused_s;
			*qraw(c, k->interval, k->queue, CC_QR_HOLD_SUM) += k->hold_s;
		}
		c->out->counts.completed++;
		enum cc_outcome outcome = k->ended ? CC_OUTCOME_ENDED_BY_MOVE
		                        : k->next_id >= 0 || k->rt == CC_RT_EXTERNAL
		                        ? CC_OUTCOME_TRANSFERRED : CC_OUTCOME_HANDLED;
		record(c, k, a, outcome, k->talk_end_s, acw_end_s);
		if (k->next_id < 0) /* nothing follows: the customer is done */
			cc_center_customer_end(c, k, k->connect_s);
		if (c->scn->routing.idle_inbound)
			a->idle_since_s = c->now;
	}
	/* The time worked on K is accounted before K goes back to the pool. */
	cc_center_unhold(c, k);
	cc_center_release(c, k);
	cc_center_emit(c, a, NULL);
	if (outbound && a->next_status == CC_NO_STATUS && a->n_held == 0)
		cc_agent_outbound_done(c, a);
	else
		cc_agent_after_contact(c, a);
}

/*
 * The conversation is over for K's agent: ACW (within the group's limit), or the end of the
 * record. EV, K's finished timer, is reused when given.
 */
static void wrap_up(struct center *c, struct contact *k, struct cc_event *ev)
{
	struct agent *a = k->agent;
	k->talk_end_s = c->now;
	cc_center_state(c, k, CC_CS_ENDED);
	double limit = c->groups[a->group].cfg->acw_limit_s;
	if (k->acw_s > limit) {
		k->acw_s = limit;
		cc_center_gcount(c, a->group, CC_GR_ACW_LIMITED, c->now, 1);
	}
	if (a->moving && cc_region_ends(k->channel)) /* its agent has left the region */
		k->acw_s = 0;
	if (k->acw_s > 0) {
		cc_center_kset(c, k, K_ACW);
		if (ev) {
			ev->kind = EV_ACW_END;
			cc_calendar_reschedule(c->cal, ev, c->now + k->acw_s);
		} else {
			k->ev = cc_calendar_schedule(c->cal, c->now + k->acw_s, CLASS_AGENT_FREED,
			                             EV_ACW_END, k);
		}
		return;
	}
	if (ev)
		cc_calendar_release(c->cal, ev);
	k->ev = NULL;
	complete(c, k, NAN);
}

static void on_talk_end(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	if (k->state == K_PAUSED) { /* the task resumes */
		k->paused_s += k->pause_s;
		k->pause_s = 0;
		cc_center_kset(c, k, K_TALK);
		cc_center_state(c, k, CC_CS_CONNECTED);
		cc_calendar_reschedule(c->cal, ev, c->now + talk_to_go(k) * k->factor);
		return;
	}
	if (k->pause_s > 0) { /* the task pauses, keeping its slot */
		cc_center_kset(c, k, K_PAUSED);
		k->work_s = k->pause_at_s;
		k->segmented = 1;
		cc_center_state(c, k, CC_CS_PAUSED);
		cc_calendar_reschedule(c->cal, ev, c->now + k->pause_s);
		return;
	}
	if (k->xfer) { /* the agent hands it on */
		cc_calendar_release(c->cal, ev);
		k->ev = NULL;
		cc_transfer_start(c, k);
		return;
	}
	if (k->queue == OUTBOUND_QUEUE && !k->reached) {
		k->talk_end_s = c->now;
		cc_calendar_release(c->cal, ev);
		k->ev = NULL;
		cc_center_state(c, k, CC_CS_ERROR);
		complete(c, k, NAN);
		return;
	}
	wrap_up(c, k, ev);
}

void cc_center_wrap_up(struct center *c, struct contact *k)
{
	wrap_up(c, k, NULL);
}

void cc_center_end_now(struct center *c, struct contact *k)
{
	switch ((enum kstate)k->state) {
	case K_RING: { /* the offer is withdrawn: the contact goes back to where it came from */
		struct agent *a = k->agent;
		cc_center_cancel(c, &k->ev);
		cc_center_ring_end(c, k);
		cc_center_state(c, k, CC_CS_REJECTED);
		cc_center_unhold(c, k);
		if (k->direct) {
			cc_transfer_missed(c, k);
		} else {
			struct queue *q = &c->queues[k->queue];
			cc_route_push(c, q, k);
			cc_center_dispatch(c, q);
		}
		cc_center_emit(c, a, NULL);
		cc_agent_after_contact(c, a);
		return;
	}
	case K_ACW: /* the conversation was over: its ACW is cut short */
		cc_center_cancel(c, &k->ev);
		k->acw_s = c->now - k->talk_end_s;
		complete(c, k, c->now);
		return;
	case K_PAUSED: /* the pause so far */
		k->paused_s += k->pause_s - (k->ev->time - c->now);
		break;
	default:
		break;
	}
	cc_center_cancel(c, &k->ev);
	k->segmented = 1;
	k->talk_end_s = c->now;
	k->acw_s = 0;
	k->ended = 1;
	if (k->interval >= 0 && !k->direct)
		*qraw(c, k->interval, k->queue, CC_QR_ENDED_BY_MOVE) += 1;
	cc_center_state(c, k, CC_CS_ENDED);
	cc_region_restart(c, k);
	complete(c, k, NAN);
}

static void on_acw_end(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	cc_calendar_release(c->cal, ev);
	k->ev = NULL;
	complete(c, k, c->now);
}

/* ---- callbacks: PENDING, the dial, retries ---- */

static void on_pending_end(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	const struct cc_callback_dial_cfg *d = &c->queues[k->queue].cfg->dialing;
	k->attempts++;
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_CALLBACK_ATTEMPTS) += 1;
	cc_center_kset(c, k, K_DIAL);
	cc_center_state(c, k, CC_CS_CONNECTING);
	ev->kind = EV_DIAL_END;
	cc_calendar_reschedule(c->cal, ev, c->now + cc_dist_sample(&d->dial, k->agent->rng));
}

static void on_dial_end(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	struct agent *a = k->agent;
	const struct cc_callback_dial_cfg *d = &c->queues[k->queue].cfg->dialing;
	if (k->attempts == k->reach_at) { /* the customer answers */
		cc_calendar_release(c->cal, ev);
		k->ev = NULL;
		connect_agent(c, k);
		return;
	}
	cc_center_state(c, k, CC_CS_ERROR);
	cc_center_unhold(c, k);
	if (k->attempts <= d->retries) {
		cc_center_list_push(&c->retrying, k);
		ev->kind = EV_RETRY;
		cc_calendar_reschedule(c->cal, ev, c->now + d->retry_delay_s);
	} else {
		cc_calendar_release(c->cal, ev);
		k->ev = NULL;
		if (k->interval >= 0)
			*qraw(c, k->interval, k->queue, CC_QR_UNREACHED) += 1;
		c->out->counts.unreached++;
		count_ronas(c, k);
		record(c, k, NULL, CC_OUTCOME_UNREACHED, c->now, NAN);
		cc_center_customer_end(c, k, NAN);
		cc_center_release(c, k);
	}
	cc_center_emit(c, a, NULL);
	cc_agent_after_contact(c, a);
}

/* A callback whose attempt failed queues again, behind the contacts waiting. */
static void on_retry(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	cc_calendar_release(c->cal, ev);
	k->ev = NULL;
	cc_center_list_remove(&c->retrying, k);
	k->queued_s = c->now;
	admit(c, &c->queues[k->queue], k, 0, 1);
}

void cc_center_dial(struct center *c, struct agent *a, double talk_s, double acw_s, int reached)
{
	struct contact *k = cc_center_contact(c);
	k->queue = OUTBOUND_QUEUE;
	k->channel = CC_CHANNEL_VOICE;
	k->arrival_s = c->now;
	k->connect_s = c->now;
	k->reached = (uint8_t)reached;
	k->talk_s = k->work_s = talk_s;
	k->acw_s = acw_s;
	hold(c, a, k);
	cc_route_refresh(c, a);
	cc_center_kset(c, k, K_TALK);
	cc_center_state(c, k, CC_CS_CONNECTED);
	schedule_talk_end(c, k);
}

/* ---- set-up, the loop, the end ---- */

/* ---- the open rows ---- */

/* Makes array room for reported interval ROW: first by dropping the closed rows in front
 * (when they are at least half of the room), else by doubling it. */
static void ensure_row(struct center *c, size_t row)
{
	if (row - c->row0 < c->cap)
		return;
	size_t closed = c->base - c->row0, open = c->cap - closed;
	double *const rows[4] = { c->qrow, c->grow, c->srow, c->gcrow };
	const size_t stride[4] = { c->qstride, c->gstride, c->sstride, c->cstride };
	if (closed && closed >= c->cap / 2 && row - c->base < c->cap) {
		for (int i = 0; i < 4; i++) {
			memmove(rows[i], rows[i] + closed * stride[i], open * stride[i] * sizeof *rows[i]);
			memset(rows[i] + open * stride[i], 0, closed * stride[i] * sizeof *rows[i]);
		}
		memmove(c->pins, c->pins + closed, open * sizeof *c->pins);
		memset(c->pins + open, 0, closed * sizeof *c->pins);
		c->row0 = c->base;
	} else {
		size_t cap = c->cap ? 2 * c->cap : 4;
		while (row - c->row0 >= cap)
			cap *= 2;
		double **slot[4] = { &c->qrow, &c->grow, &c->srow, &c->gcrow };
		for (int i = 0; i < 4; i++) {
			*slot[i] = cc_realloc(*slot[i], cap * stride[i], sizeof **slot[i]);
			memset(*slot[i] + c->cap * stride[i], 0, (cap - c->cap) * stride[i] * sizeof **slot[i]);
		}
		c->pins = cc_realloc(c->pins, cap, sizeof *c->pins);
		memset(c->pins + c->cap, 0, (cap - c->cap) * sizeof *c->pins);
		c->cap = cap;
	}
	c->wgrid.first = c->grid->first + c->row0;
	c->wgrid.count = c->grid->count - c->row0;
	c->wgrid.warmup_s = c->row0 ? cc_grid_start(c->grid, c->row0) : c->grid->warmup_s;
	c->row_at = c->tick_row - c->row0;
}

/* Hands the next N open rows to the sink, and adds them into the totals, in order. */
static void emit_rows(struct center *c, size_t n)
{
	double channel[CC_CHANNEL_COUNT * CC_QR_COUNT];
	for (size_t i = 0; i < n; i++, c->base++) {
		size_t a = c->base - c->row0;
		struct cc_raw_row x = {
			.scn = c->scn, .grid = c->grid, .row = c->base, .n_status = c->out->n_status,
			.queue = c->qrow + a * c->qstride, .group = c->grow + a * c->gstride,
			.status = c->srow + a * c->sstride, .gc = c->gcrow + a * c->cstride,
			.channel = channel,
		};
		cc_metrics_channel_sums(c->scn, x.queue, channel);
		cc_rep_result_add_row(c->out, &x);
		if (c->sink)
			c->sink->row(c->sink->ctx, &x);
	}
}

/* The earliest start of time not yet accounted that could still land in a row: agents'
 * segments and runs of not-productive statuses, contacts in hand (their segments, slots and
 * rings), the groups' logged-in counts and the queues' lengths. What would add nothing (an
 * agent Offline out of its shift with nothing in hand, an empty queue) does not count. */
static double pending_from(const struct center *c)
{
	double t = INFINITY;
	for (size_t i = 0; i < c->n_agents; i++) {
		const struct agent *a = &c->agents[i];
		if (!(a->status == CC_AGENT_OFFLINE && !a->in_shift && !a->n_held))
			t = fmin(t, a->since_s);
		if (is_npt(a->status))
			t = fmin(t, a->npt_run_start_s);
		for (const struct contact *k = a->held; k; k = k->next) {
			t = fmin(t, fmin(k->since_s, k->held_s));
			if (k->state == K_RING)
				t = fmin(t, k->ring_start_s);
		}
	}
	for (size_t g = 0; g < c->scn->n_groups; g++) {
		const struct group *gr = &c->groups[g];
		if (gr->scheduled || gr->staffed || gr->overtime)
			t = fmin(t, gr->counts_since_s);
	}
	for (size_t q = 0; q < c->scn->n_queues; q++)
		if (cc_heap_size(&c->queues[q].waiting))
			t = fmin(t, c->queues[q].waiting_since_s);
	return t;
}

/* Accounts every agent's, group's, queue's and contact's time up to now. */
static void account_all(struct center *c)
{
	for (size_t i = 0; i < c->n_agents; i++) {
		struct agent *a = &c->agents[i];
		cc_center_agent_account(c, a);
		for (struct contact *k = a->held; k; k = k->next) {
			contact_account(c, k);
			cc_center_spread(c, gcbins(c, a->group, k->channel, CC_GCR_SLOTS), c->cstride,
			                 k->held_s, 1.0);
			k->held_s = c->now;
		}
	}
	cc_agent_account_groups(c);
	for (size_t q = 0; q < c->scn->n_queues; q++)
		cc_route_queue_account(c, &c->queues[q]);
}

/* Open rows, from the first, that can close now: ended by LIMIT and pinned by no contact. */
static size_t closable(const struct center *c, double limit)
{
	size_t n = 0;
	while (c->base + n <= c->tick_row && cc_grid_end(c->grid, c->base + n) <= limit &&
	       c->pins[c->base + n - c->row0] == 0)
		n++;
	return n;
}

/* Now is the end of interval TICK_ROW: close what can close and open the next row. */
static void tick(struct center *c)
{
	int early = !c->sink || !c->sink->at_horizon;
	if (early)
		emit_rows(c, closable(c, fmin(c->now, pending_from(c))));
	if (early && c->tick_row + 1 - c->base >= CC_CENTER_MAX_OPEN_ROWS) {
		account_all(c);
		emit_rows(c, closable(c, fmin(c->now, pending_from(c))));
	}
	c->tick_row++;
	ensure_row(c, c->tick_row);
	c->row_at = c->tick_row - c->row0;
	c->row_start_s = cc_grid_start(c->grid, c->tick_row);
	c->row_end_s = cc_grid_end(c->grid, c->tick_row);
	c->next_tick = c->tick_row + 1 < c->grid->count ? c->row_end_s : INFINITY;
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
	c->cstride = scn->n_groups * CC_CHANNEL_COUNT * CC_GCR_COUNT;
	c->wgrid = *grid;
	ensure_row(c, 0);
	c->row_start_s = cc_grid_start(grid, 0);
	c->row_end_s = cc_grid_end(grid, 0);
	c->next_tick = grid->count > 1 ? c->row_end_s : INFINITY;
	if (scn->contact_records && !out->records) {
		out->cap_records = 4096;
		out->records = cc_calloc(out->cap_records, sizeof *out->records);
	}
	CC_NEW_ARRAY(c->groups, scn->n_groups);
	for (size_t g = 0; g < scn->n_groups; g++) {
		c->groups[g].cfg = &scn->groups[g];
		c->groups[g].region = scn->groups[g].region;
	}
	CC_NEW_ARRAY(c->queues, scn->n_queues);
	for (size_t i = 0; i < scn->n_queues; i++) {
		struct queue *q = &c->queues[i];
		q->cfg = &scn->queues[i];
		q->channel = (uint8_t)q->cfg->channel;
		q->offer_timeout_s = scn->channels[q->cfg->channel].offer_timeout_s;
		q->mean_work_s = q->cfg->handle.mean + q->cfg->acw.mean;
	}
	cc_route_setup(c);
	/* Logins at time 0 come before everything else at time 0, in agent order. */
	cc_agent_setup(c);
	/* A line's arrivals and attributes: one pair of streams, whatever region a contact
	 * goes to, so a change of the traffic distribution does not change the contacts. */
	for (size_t i = 0; i < scn->n_lines; i++) {
		struct queue *q = &c->queues[i];
		q->arrival_rng = cc_rng_create(scn->seed, replication,
		                               cc_center_line_stream(q->cfg->name, CC_STREAM_ARRIVALS));
		q->attr_rng = cc_rng_create(scn->seed, replication,
		                            cc_center_line_stream(q->cfg->name, CC_STREAM_ATTRIBUTES));
		cc_arrivals_init(&q->arrivals, q->cfg, q->arrival_rng);
		double first = cc_arrivals_next(&q->arrivals);
		if (first < grid->horizon_s)
			cc_calendar_schedule(c->cal, first, CLASS_ARRIVAL, EV_ARRIVAL, q);
	}
	for (size_t i = scn->n_lines; i < scn->n_queues; i++) {
		c->queues[i].arrival_rng = c->queues[c->queues[i].cfg->line].arrival_rng;
		c->queues[i].attr_rng = c->queues[c->queues[i].cfg->line].attr_rng;
	}
	cc_region_setup(c);
}

/* Records a contact still in the system at the horizon, waiting (AGENT NULL) or in
 * service. */
static void at_horizon(struct center *c, struct contact *k, const struct agent *a)
{
	if (a) {
		c->out->counts.in_service_at_end++;
		record(c, k, a, CC_OUTCOME_IN_SERVICE_AT_END,
		       k->state == K_ACW ? k->talk_end_s : c->now, NAN);
		return;
	}
	c->out->counts.waiting_at_end++;
	count_ronas(c, k);
	record(c, k, NULL, CC_OUTCOME_WAITING_AT_END, c->now, NAN);
}

/* Records K, still in the system at the horizon; its customer is counted there unless a
 * later record continues it, and credited with its connection so far when in service. */
static void open_at_horizon(struct center *c, struct contact *k, const struct agent *a)
{
	if (k->next_id < 0) { /* its customer's current record; connected so far, if A */
		c->out->counts.customers_at_end++;
		if (a)
			customer_connected(c, k, k->connect_s);
	}
	at_horizon(c, k, a);
}

/* Closes every open account at the horizon and records what is still in the system. */
static void finish(struct center *c)
{
	c->now = c->grid->horizon_s;
	cc_agent_finish(c);
	for (size_t i = 0; i < c->n_agents; i++) {
		struct agent *a = &c->agents[i];
		for (struct contact *k = a->held; k; k = k->next) {
			contact_account(c, k);
			cc_center_spread(c, gcbins(c, a->group, k->channel, CC_GCR_SLOTS),
			                 c->cstride, k->held_s, 1.0);
			if (k->queue == OUTBOUND_QUEUE)
				record(c, k, a, CC_OUTCOME_OUTBOUND, c->now, NAN);
			else if (k->state == K_RING || k->state == K_PENDING || k->state == K_DIAL) {
				if (k->state == K_RING) /* ringing: not yet answered */
					cc_center_ring_end(c, k);
				open_at_horizon(c, k, NULL);
			} else {
				open_at_horizon(c, k, a);
			}
		}
	}
	for (size_t i = 0; i < c->scn->n_queues; i++) {
		struct queue *q = &c->queues[i];
		cc_route_queue_account(c, q);
		for (size_t j = 0; j < cc_heap_size(&q->waiting); j++)
			open_at_horizon(c, CC_CONTAINER_OF(cc_heap_at(&q->waiting, j), struct contact, qnode),
			                NULL);
	}
	for (struct contact *k = c->retrying; k; k = k->next)
		open_at_horizon(c, k, NULL);
	for (struct contact *k = c->restarting; k; k = k->next) /* about to start again */
		open_at_horizon(c, k, NULL);
}

static void teardown(struct center *c)
{
	for (size_t i = 0; i < c->scn->n_lines; i++) {
		gsl_rng_free(c->queues[i].arrival_rng);
		gsl_rng_free(c->queues[i].attr_rng);
	}
	cc_region_teardown(c);
	for (size_t i = 0; i < c->n_agents; i++)
		gsl_rng_free(c->agents[i].rng);
	for (size_t g = 0; g < c->scn->n_groups; g++)
		cc_roster_fini(&c->groups[g].roster);
	cc_route_teardown(c);
	for (size_t i = 0; i < c->n_slabs; i++)
		cc_free(c->slabs[i]);
	cc_free(c->slabs);
	cc_free(c->queues);
	cc_free(c->groups);
	cc_free(c->agents);
	cc_free(c->qrow);
	cc_free(c->grow);
	cc_free(c->srow);
	cc_free(c->gcrow);
	cc_free(c->pins);
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
	case EV_PENDING_END: on_pending_end(c, ev); return;
	case EV_DIAL_END: on_dial_end(c, ev); return;
	case EV_RETRY: on_retry(c, ev); return;
	case EV_ELIGIBLE: on_eligible(c, ev); return;
	case EV_XFER: case EV_REJECT: cc_transfer_on_event(c, ev); return;
	case EV_TRAFFIC: case EV_RESTART: cc_region_on_event(c, ev); return;
	default: cc_agent_on_event(c, ev); return;
	}
}

/* The settings most likely to blame when events of KIND fill an instant. */
static const char *stall_suspects(unsigned kind)
{
	switch ((enum event_kind)kind) {
	case EV_OFFER_TIMEOUT: case EV_ACCEPT:
		return "offers that ring out: channels.<channel>.offer_timeout and "
		       "agents.<group>.answer, rona";
	case EV_XFER: case EV_REJECT:
		return "transfers: queues.<queue>.transfer (flow, whispers, consult, reject)";
	case EV_RETRY: case EV_DIAL_END: case EV_PENDING_END:
		return "callbacks: queues.<queue>.dialing (dial, retry_delay) and callback";
	case EV_ELIGIBLE:
		return "routing delays: routing_profiles.<profile>.queues delay and queue rings";
	case EV_TALK_END: case EV_ACW_END:
		return "talk and after-contact work: queues.<queue>.handle, acw";
	case EV_ARRIVAL: return "arrivals: queues.<queue>.arrivals";
	case EV_ABANDON: return "patience: queues.<queue>.patience";
	case EV_LOGIN: case EV_LOGOUT: return "rosters: agents.<group>.shifts, login_delay";
	case EV_OUTBOUND: return "outbound calls: agents.<group>.outbound";
	case EV_TRAFFIC: case EV_RESTART: return "regions: regions.changes, restart_delay";
	default:
		return "agent statuses: agents.<group>.planned, unplanned, answer.away, rona.reaction, "
		       "rona.idle";
	}
}

/* The replication's clock has moved only SPAN_S over the last EVENTS events, the last of kind
 * LAST: names in OUT the settings behind it and behind the events due next, which the run
 * then gives up. (Nothing more is dispatched here: a second call of
 * dispatch_event would cost the run loop its inlining.) */
__attribute__((cold, noinline))
static void stall(struct center *c, struct cc_rep_result *out, uint64_t events, double span_s,
                  unsigned last)
{
	/* The events due within about SAMPLE more at the pace of the window. */
	enum { SAMPLE = 4096 };
	uint32_t kinds[EV_PLANNED + 1] = { 0 };
	double until = nextafter(c->now + span_s / (double)events * SAMPLE, INFINITY);
	struct cc_event *ev;
	for (int i = 0; i < SAMPLE && (ev = cc_calendar_pop_before(c->cal, until)); i++)
		kinds[ev->kind < EV_PLANNED ? ev->kind : EV_PLANNED]++;
	last = last < EV_PLANNED ? last : EV_PLANNED;
	unsigned next = last;
	for (unsigned k = 0; k <= EV_PLANNED; k++)
		if (stall_suspects(k) != stall_suspects(last) && (next == last || kinds[k] > kinds[next]))
			next = k;
	out->stalled = stall_suspects(last);
	if (next != last && kinds[next])
		out->stalled_also = stall_suspects(next);
	out->stalled_at_s = c->now;
	out->stalled_events = events;
	out->stalled_span_s = span_s;
}

/* Events a simulated second that no real center comes near: CC_CENTER_MAX_EVENT_RATE for each
 * agent and for each contact arriving a second at the queues' peak rates, and one more. */
static double event_rate_limit(const struct center *c)
{
	double arrivals = 0;
	for (size_t q = 0; q < c->scn->n_lines; q++) {
		const struct cc_queue_cfg *cfg = &c->scn->queues[q];
		double peak = 0;
		for (size_t i = 0; i < cfg->n_rates; i++)
			peak = fmax(peak, cfg->per_hour[i]);
		arrivals += peak / 3600;
	}
	return CC_CENTER_MAX_EVENT_RATE * ((double)c->n_agents + arrivals + 1);
}

void cc_center_run(const struct cc_scenario *scn, const struct cc_grid *grid,
                   uint64_t replication, struct cc_rep_result *out,
                   const struct cc_row_sink *sink, struct cc_progress *progress)
{
	struct center c;
	setup(&c, scn, grid, replication, out);
	c.sink = sink;
	uint64_t events = 0, published_events = 0;
	double published_s = 0;
	const double horizon = grid->horizon_s;
	int stopped = 0;
	/* The stall guard: over each window of events (checked at the progress checks), the
	 * clock must move at least MIN_ADVANCE. */
	uint64_t window = CC_CENTER_STALL_WINDOW;
	if (window < CC_CENTER_STALL_WINDOW_PER_AGENT * (uint64_t)c.n_agents)
		window = CC_CENTER_STALL_WINDOW_PER_AGENT * (uint64_t)c.n_agents;
	window = (window + PROGRESS_EVERY - 1) / PROGRESS_EVERY * PROGRESS_EVERY;
	const double min_advance = (double)window / event_rate_limit(&c);
	uint64_t window_events = 0;
	double window_start = 0;
	for (;;) {
		/* Ticks come before events at the same time. */
		double limit = c.next_tick < horizon ? c.next_tick : horizon;
		struct cc_event *ev = cc_calendar_pop_before(c.cal, limit);
		if (!ev) {
			if (!(limit < horizon))
				break;
			c.now = c.next_tick;
			tick(&c);
			continue;
		}
		c.now = ev->time;
		unsigned kind = ev->kind;
		dispatch_event(&c, ev);
		if ((++events & (PROGRESS_EVERY - 1)) != 0)
			continue;
		if (events - window_events >= window) {
			if (c.now - window_start < min_advance) {
				stall(&c, out, events - window_events, c.now - window_start, kind);
				out->stalled_limit = (double)window / min_advance;
				stopped = 1;
				break;
			}
			window_events = events;
			window_start = c.now;
		}
		if (progress) {
			atomic_fetch_add(&progress->events, events - published_events);
			atomic_fetch_add(&progress->sim_ms, (uint64_t)((c.now - published_s) * 1000));
			published_events = events;
			published_s = c.now;
			if ((stopped = atomic_load(&progress->stop)))
				break;
		}
	}
	if (!stopped) {
		finish(&c);
		emit_rows(&c, grid->count - c.base);
		cc_rep_result_finish(out, scn);
	}
	if (progress) {
		atomic_fetch_add(&progress->events, events - published_events);
		atomic_fetch_add(&progress->sim_ms, (uint64_t)((horizon - published_s) * 1000));
	}
	out->counts.events = events;
	teardown(&c);
}

/* Expected arrivals at line Q over the horizon, by its rates. */
static double expected_arrivals(const struct cc_queue_cfg *q, double horizon_s)
{
	double n = 0, t = 0;
	for (size_t i = 0; t < horizon_s; i++) {
		double rate = q->per_hour[i < q->n_rates ? i : q->n_rates - 1];
		double end = i + 1 < q->n_rates ? t + q->rate_width_s : horizon_s;
		if (end > horizon_s)
			end = horizon_s;
		n += rate * (end - t) / 3600;
		t = end;
	}
	return n;
}

double cc_center_expected_contacts(const struct cc_scenario *scn)
{
	double n = 0;
	for (size_t q = 0; q < scn->n_lines; q++)
		n += expected_arrivals(&scn->queues[q], scn->horizon_s);
	return n;
}

double cc_center_bytes(const struct cc_scenario *scn)
{
	double agents = (double)cc_scenario_agents(scn);
	double n_status = (double)cc_scenario_status_count(scn);
	/* An agent: its struct, its ready nodes, its random stream, its whole-run sums and its
	 * roster spans. */
	double per_agent = (double)sizeof(struct agent) +
	                   CC_CHANNEL_COUNT * (double)sizeof(struct ready_node) +
	                   (double)gsl_rng_taus2->size + 64 +
	                   8 * ((double)CC_AR_COUNT + n_status) + 4 * sizeof(struct cc_span);
	/* Contacts in the system at once, by Little's law: arrivals an hour times the hours
	 * each stays (handle, ACW and a generous wait), doubled for peaks, in slabs of 1024. */
	double in_system = 0;
	for (size_t q = 0; q < scn->n_lines; q++) {
		const struct cc_queue_cfg *cfg = &scn->queues[q];
		double rate = 0;
		for (size_t i = 0; i < cfg->n_rates; i++)
			rate = fmax(rate, cfg->per_hour[i]);
		in_system += rate / 3600 * (cfg->handle.mean + cfg->acw.mean + 600);
	}
	double contacts = (2 * in_system + 1024) * (double)sizeof(struct contact);
	double events = (2 * in_system + 4 * agents + 1024) * (double)sizeof(struct cc_event);
	/* Open rows: a few, usually; the queues' and groups' state. */
	double row = 8.0 * ((double)scn->n_queues * CC_QR_COUNT +
	                    (double)scn->n_groups * (CC_GR_COUNT + n_status +
	                                             CC_CHANNEL_COUNT * CC_GCR_COUNT));
	double fixed = (double)scn->n_queues * (sizeof(struct queue) + 2 * 5000.0) +
	               (double)scn->n_groups * (sizeof(struct group) + 1024);
	return agents * per_agent + contacts + events + 8 * row + fixed;
}
