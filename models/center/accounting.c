/*
 * Time accounting and the open rows. Every time-based figure is an integral over time,
 * split across the intervals it covers: an agent's segments (by its activity, or its status
 * when idle), its contacts' work, hold and slots, queue lengths and logged-in counts. Each
 * owner keeps when its current segment began and accounts it up to now whenever anything
 * that shapes it changes. Rows close as soon as nothing can add to them (see center.h).
 */
#include "models/center/accounting.h"

#include <math.h>
#include <string.h>

#include "sim/alloc.h"
#include "sim/macros.h"

/* ---- raw sums ---- */

void cc_acct_gcount(struct center *c, uint32_t g, int field, double t, double v)
{
	long i = t >= c->row_start_s ? (long)c->row_at : cc_grid_index(&c->wgrid, t);
	if (i >= 0) {
		CC_CHECK((size_t)i + c->row0 >= c->base);
		c->grow[(size_t)i * c->gstride + cc_gr_at(g, field)] += v;
	}
}

/* ---- agents, groups and queues ---- */

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
		cc_acct_spread2(c, a, stride_a, b, stride_b, t0);
	else
		cc_acct_spread(c, a, stride_a, t0, 1.0);
}

void cc_acct_agent(struct center *c, struct agent *a)
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
					cc_acct_spread(c, gcbins(c, a->group, ch, CC_GCR_BUSY), c->cstride,
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
			cc_acct_spread(c, gbins(c, a->group, CC_GR_NPT_ON_CONTACT), c->gstride, t0, 1.0);
		return;
	}
}

void cc_acct_group(struct center *c, struct group *g)
{
	uint32_t gi = (uint32_t)(g - c->groups);
	static const int field[3] = { CC_GR_SCHEDULED, CC_GR_STAFFED, CC_GR_OVERTIME };
	const int count[3] = { g->scheduled, g->staffed, g->overtime };
	for (size_t i = 0; i < CC_ARRAY_SIZE(field); i++)
		if (count[i])
			cc_acct_spread(c, gbins(c, gi, field[i]), c->gstride, g->counts_since_s,
			               (double)count[i]);
	g->counts_since_s = c->now;
}

void cc_acct_groups(struct center *c)
{
	for (size_t g = 0; g < c->scn->n_groups; g++)
		cc_acct_group(c, &c->groups[g]);
}

void cc_acct_queue(struct center *c, struct queue *q)
{
	size_t waiting = cc_heap_size(&q->waiting);
	if (waiting)
		cc_acct_spread(c, qbins(c, (uint32_t)(q - c->queues), CC_QR_QUEUE_TIME),
		               c->qstride, q->waiting_since_s, (double)waiting);
	q->waiting_since_s = c->now;
}

/* ---- contacts in hand: work, hold, slots, talk segments ---- */

/* Accounts the contact's current segment with its agent: work (talk, callback dialling,
 * ACW) counts for its queue and its group's channel. */
void cc_acct_contact(struct center *c, struct contact *k)
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
		cc_acct_spread(c, gbins(c, a->group, CC_GR_HOLD), c->gstride, t0, 1.0);
		break;
	default: return;
	}
	double *work = gcbins(c, a->group, k->channel, CC_GCR_WORK);
	if (k->direct) /* a transfer to an agent works for no queue */
		cc_acct_spread(c, work, c->cstride, t0, 1.0);
	else if (k->queue == OUTBOUND_QUEUE)
		cc_acct_spread2(c, gbins(c, a->group, CC_GR_OUTBOUND), c->gstride, work,
		                c->cstride, t0);
	else
		cc_acct_spread2(c, qbins(c, k->queue, CC_QR_WORK_TIME), c->qstride, work,
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
		if (k == skip || k->channel != ch || k->state != K_TALK || k->factor == f || k->gone)
			continue;
		close_segment(c, k);
		k->factor = f;
		k->segmented = 1;
		cc_calendar_move(c->cal, k->ev, c->now + cc_acct_talk_to_go(k) * f);
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

void cc_acct_kset(struct center *c, struct contact *k, enum kstate s)
{
	struct agent *a = k->agent;
	cc_acct_agent(c, a);
	cc_acct_contact(c, k);
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
		/* A chat whose customer is gone only waits for its timeout: no slowdown. */
		k->factor = k->gone ? 1 : slowdown(c, k->channel, a->talking[k->channel]);
	}
	rerate(c, a, k->channel, k);
}

/* A takes K in hand: one slot of K's channel is used from now. */
void cc_acct_hold(struct center *c, struct agent *a, struct contact *k)
{
	cc_acct_agent(c, a);
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

void cc_acct_unhold(struct center *c, struct contact *k)
{
	struct agent *a = k->agent;
	cc_acct_kset(c, k, K_OUT);
	cc_acct_spread(c, gcbins(c, a->group, k->channel, CC_GCR_SLOTS), c->cstride,
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

/* Counts K, whose fate is now known, by the RONAs it went through. */
void cc_acct_ronas(struct center *c, const struct contact *k)
{
	static const int field[4] = { -1, CC_QR_RONA_1, CC_QR_RONA_2, CC_QR_RONA_3P };
	if (k->ronas && k->interval >= 0 && !k->direct)
		*qraw(c, k->interval, k->queue, field[k->ronas < 3 ? k->ronas : 3]) += 1;
}

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
		for (size_t i = 0; i < CC_ARRAY_SIZE(rows); i++) {
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
		for (size_t i = 0; i < CC_ARRAY_SIZE(slot); i++) {
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
		cc_acct_agent(c, a);
		for (struct contact *k = a->held; k; k = k->next) {
			cc_acct_contact(c, k);
			cc_acct_spread(c, gcbins(c, a->group, k->channel, CC_GCR_SLOTS), c->cstride,
			               k->held_s, 1.0);
			k->held_s = c->now;
		}
	}
	cc_acct_groups(c);
	for (size_t q = 0; q < c->scn->n_queues; q++)
		cc_acct_queue(c, &c->queues[q]);
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
void cc_acct_tick(struct center *c)
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

void cc_acct_rows_init(struct center *c)
{
	const struct cc_scenario *scn = c->scn;
	const struct cc_grid *grid = c->grid;
	c->qstride = scn->n_queues * CC_QR_COUNT;
	c->gstride = scn->n_groups * CC_GR_COUNT;
	c->sstride = scn->n_groups * c->out->n_status;
	c->cstride = scn->n_groups * CC_CHANNEL_COUNT * CC_GCR_COUNT;
	c->wgrid = *grid;
	ensure_row(c, 0);
	c->row_start_s = cc_grid_start(grid, 0);
	c->row_end_s = cc_grid_end(grid, 0);
	c->next_tick = grid->count > 1 ? c->row_end_s : INFINITY;
}

void cc_acct_rows_finish(struct center *c)
{
	emit_rows(c, c->grid->count - c->base);
}

void cc_acct_rows_fini(struct center *c)
{
	cc_free(c->qrow);
	cc_free(c->grow);
	cc_free(c->srow);
	cc_free(c->gcrow);
	cc_free(c->pins);
}
