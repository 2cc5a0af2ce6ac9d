#ifndef CC_ACCOUNTING_H
#define CC_ACCOUNTING_H

/*
 * Time accounting, a service of the replication (below every behaviour; it calls none):
 * the raw sums of the open rows, time spread across intervals, what an agent and each
 * contact in its hands are doing and since when (the work counters, talk segments and their
 * slowdown), queue lengths and logged-in counts integrated over time, and the open rows
 * themselves: when they close and go to the sink.
 */

#include "models/center/replication.h"

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
 * cc_acct_spread2. The sums are those of cc_grid_spread over c->wgrid: when T0 lies in the
 * row now is in, that is one addition.
 */
static inline void cc_acct_spread(struct center *c, double *bins, size_t stride, double t0,
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

static inline void cc_acct_spread2(struct center *c, double *a, size_t stride_a, double *b,
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

/* A contact's claims on open rows: its arrival interval and its customer's first. */
static inline void cc_acct_pin(struct center *c, long interval, int by)
{
	if (interval >= 0) {
		CC_CHECK((size_t)interval >= c->base);
		c->pins[(size_t)interval - c->row0] += by;
	}
}

/* Sets K's reported arrival interval (-1: none), or its customer's first: the row stays open
 * while K may still count there. */
static inline void cc_acct_set_interval(struct center *c, struct contact *k, long interval)
{
	cc_acct_pin(c, k->interval, -1);
	k->interval = interval;
	cc_acct_pin(c, interval, 1);
}

static inline void cc_acct_set_first_interval(struct center *c, struct contact *k, long interval)
{
	cc_acct_pin(c, k->first_interval, -1);
	k->first_interval = interval;
	cc_acct_pin(c, interval, 1);
}

/* Talk (at full speed) left before K's next stop: its pause, or its end. */
static inline double cc_acct_talk_to_go(const struct contact *k)
{
	return k->work_s - (k->pause_s > 0 ? k->pause_at_s : 0);
}

/* Adds V to group field FIELD in the interval of time T (nothing before the warm-up). */
void cc_acct_gcount(struct center *c, uint32_t g, int field, double t, double v);
/* Accounts the agent's current segment (its activity, or its status when idle) up to now. */
void cc_acct_agent(struct center *c, struct agent *a);
/* Accounts the current segment of K, in its agent's hands, up to now. */
void cc_acct_contact(struct center *c, struct contact *k);
/* Moves K, in its agent's hands, to state S, closing the accounts the change affects; the
 * agent's other talk of K's channel is re-rated by its slowdown. */
void cc_acct_kset(struct center *c, struct contact *k, enum kstate s);
/* A takes K in hand: one slot of K's channel is used from now. */
void cc_acct_hold(struct center *c, struct agent *a, struct contact *k);
/* K leaves its agent's hands (still accounted to it up to now). */
void cc_acct_unhold(struct center *c, struct contact *k);
/* Counts K, whose fate is now known, by the RONAs it went through. */
void cc_acct_ronas(struct center *c, const struct contact *k);
/* Adds group G's logged-in counts since their last change to the time integrals (every
 * group's in cc_acct_groups). */
void cc_acct_group(struct center *c, struct group *g);
void cc_acct_groups(struct center *c);
/* Adds the queue's waiting count since its last change to the time integral. */
void cc_acct_queue(struct center *c, struct queue *q);

/* The open rows: set up with the first row open; now is the end of interval TICK_ROW
 * (cc_acct_tick: close what can close and open the next row); at the horizon, every row
 * left goes to the sink (cc_acct_rows_finish); cc_acct_rows_fini frees them. */
void cc_acct_rows_init(struct center *c);
void cc_acct_tick(struct center *c);
void cc_acct_rows_finish(struct center *c);
void cc_acct_rows_fini(struct center *c);

#endif
