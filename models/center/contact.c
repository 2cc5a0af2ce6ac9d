/*
 * The contact's life: arrival (or a callback asked for instead of waiting), its queue,
 * abandonment, connection, talk with pauses and slowdown, ACW, and the end of its record;
 * callbacks accepted, dialled and retried; outbound calls; and, at the horizon, what is
 * still in the system. Every connection to an agent is a new record, linked to the one
 * before.
 */
#include "models/center/contact.h"

#include <math.h>

#include <gsl/gsl_rng.h>

#include "models/center/accounting.h"
#include "models/center/agents.h"
#include "models/center/offer.h"
#include "models/center/pool.h"
#include "models/center/records.h"
#include "models/center/region.h"
#include "models/center/routing.h"
#include "models/center/transfer.h"
#include "sim/dist.h"
#include "sim/macros.h"

static void schedule_talk_end(struct center *c, struct contact *k)
{
	k->ev = cc_calendar_schedule(c->cal, c->now + cc_acct_talk_to_go(k) * k->factor,
	                             CLASS_AGENT_FREED, EV_TALK_END, k);
}

void cc_contact_talk(struct center *c, struct contact *k)
{
	if (k->agent->moving && cc_region_ends(k->channel)) { /* its agent has left the region */
		cc_contact_end_now(c, k);
		return;
	}
	cc_acct_kset(c, k, K_TALK);
	cc_rec_state(c, k, CC_CS_CONNECTED);
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
	cc_acct_ronas(c, k);
	c->out->counts.answered++;
	if (k->gone) { /* nobody there: the chat holds the slot until it times out, then closes
		          (and is wrapped up) as any chat; no hand-over */
		c->out->counts.silent_answered++;
		k->talk_s = k->work_s = k->silent_timeout_s;
		k->xfer = 0;
		k->pause_s = 0;
	}
	if (k->xfer_in) {
		cc_acct_gcount(c, a->group, CC_GR_TRANSFERS_IN, c->now, 1);
		cc_transfer_connected(c, k);
		return;
	}
	cc_contact_talk(c, k);
}

/* The agent has accepted K: a conversation, or for a callback, the dialling. */
void cc_contact_accepted(struct center *c, struct contact *k)
{
	k->agent->misses = 0;
	if (!cc_contact_is_callback(k)) {
		connect_agent(c, k);
		return;
	}
	const struct cc_callback_dial_cfg *d = &c->queues[k->queue].cfg->dialing;
	cc_acct_kset(c, k, K_PENDING);
	cc_rec_state(c, k, CC_CS_PENDING);
	k->ev = cc_calendar_schedule(c->cal, c->now + cc_dist_sample(&d->pending, k->agent->rng),
	                             CLASS_AGENT_FREED, EV_PENDING_END, k);
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

void cc_contact_customer_end(struct center *c, const struct contact *k, double connect_s)
{
	c->out->counts.customers_done++;
	customer_connected(c, k, connect_s);
	if (k->first_interval >= 0 && !(connect_s >= k->first_arrival_s)) /* never reached one */
		*qraw(c, k->first_interval, k->first_queue, CC_QR_CUSTOMERS_LOST) += 1;
}

/* A new customer at Q, arrived now. */
static struct contact *new_contact(struct center *c, struct queue *q)
{
	struct contact *k = cc_pool_get(c);
	cc_pool_draw(c, q, k);
	k->first_arrival_s = c->now;
	cc_acct_set_first_interval(c, k, k->interval);
	k->first_queue = k->queue;
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_CUSTOMERS) += 1;
	c->out->counts.arrived++;
	c->out->counts.customers++;
	/* Whether the customer would leave silently, and the chat's timeout: drawn for every
	 * customer, in this order, from the line's own stream (only when the queue has them). */
	if (q->silent_rng) {
		k->silent = gsl_rng_uniform(q->silent_rng) < q->cfg->silent.share;
		k->silent_timeout_s = cc_dist_sample(&q->cfg->silent.timeout, q->silent_rng);
	}
	return k;
}

/* The wait a customer arriving at Q now expects, estimated as HOW says. */
static double expected_wait(const struct center *c, const struct queue *q,
                            enum cc_wait_estimate how)
{
	const struct contact *head = cc_route_head(q);
	if (how == CC_ESTIMATE_OLDEST)
		return head ? c->now - head->arrival_s : 0;
	double n = (double)cc_heap_size(&q->waiting) + 1;
	double work = q->mean_work_s;
	const struct cc_queue_cfg *cfg = q->cfg;
	if (cfg->handle_steps.n || cfg->acw_steps.n) /* handle or ACW by step: this step's means */
		work = cc_queue_dist_at(&cfg->handle, &cfg->handle_steps, c->now)->mean +
		       cc_queue_dist_at(&cfg->acw, &cfg->acw_steps, c->now)->mean;
	return n * work / (q->serving > 1 ? q->serving : 1);
}

static void admit(struct center *c, struct queue *q, struct contact *k, int fresh, double u_cb,
                  int gate);

void cc_contact_admit(struct center *c, struct queue *q, struct contact *k, int fresh)
{
	admit(c, q, k, fresh, 1, 0);
}

/*
 * K's customer has left Q without service (abandoned, balked or blocked): with the
 * probability of Q's redial, and below its most redials, they will call again after the
 * drawn delay, as a new contact that follows K (linked now, before K's record is written),
 * waiting on the redialing list until then. Both draws come from Q's line's customer
 * stream. A record in a hand-over or offered straight to an agent does not redial. Returns
 * 1 when the customer will call again.
 */
static int redial(struct center *c, struct queue *q, struct contact *k)
{
	const struct cc_redial_cfg *r = &q->cfg->redial;
	if (!(r->share > 0) || k->redials >= r->max || k->direct || k->peer ||
	    gsl_rng_uniform(q->customer_rng) >= r->share)
		return 0;
	struct contact *next = cc_pool_get(c);
	cc_pool_follow(c, next, k);
	next->queue = r->queue >= 0 ? (uint32_t)r->queue : k->queue;
	next->channel = k->channel;
	next->arrival_s = c->now;
	next->redials = (uint8_t)(k->redials + 1);
	cc_acct_set_interval(c, next, -1); /* counted where it arrives */
	if (k->redials == 0 && k->first_interval >= 0)
		*qraw(c, k->first_interval, k->first_queue, CC_QR_CUSTOMERS_REDIALLED) += 1;
	cc_center_list_push(&c->redialing, next);
	c->out->counts.redials++;
	next->ev = cc_calendar_schedule(c->cal, c->now + cc_dist_sample(&r->delay, q->customer_rng),
	                                CLASS_ARRIVAL, EV_REDIAL, next);
	return 1;
}

/* K's caller leaves Q at once, never queued: BLOCKED (Q is full: a busy signal) or balked.
 * The customer may call again. */
static void leave_at_once(struct center *c, struct queue *q, struct contact *k, int blocked)
{
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, blocked ? CC_QR_BLOCKED : CC_QR_BALKED) += 1;
	if (blocked)
		c->out->counts.blocked++;
	else
		c->out->counts.balked++;
	int again = redial(c, q, k);
	cc_rec_contact(c, k, NULL, blocked ? CC_OUTCOME_BLOCKED : CC_OUTCOME_BALKED, c->now, NAN);
	if (!again)
		cc_contact_customer_end(c, k, NAN);
	cc_pool_release(c, k);
}

void cc_contact_on_redial(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	cc_calendar_release(c->cal, ev);
	k->ev = NULL;
	cc_center_list_remove(&c->redialing, k);
	struct queue *q = &c->queues[k->queue];
	cc_pool_draw(c, q, k);
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_REDIALS) += 1;
	double u_cb = q->cfg->callback.queue >= 0 ? gsl_rng_uniform(q->attr_rng) : 1;
	admit(c, q, k, 1, u_cb, 1);
}

/* K's customer hangs up and asks to be called back: a new contact at the callback queue. */
static void to_callback(struct center *c, struct queue *q, struct contact *k)
{
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_CALLBACKS) += 1;
	c->out->counts.callbacks++;
	struct queue *cq = &c->queues[q->cfg->callback.queue];
	struct contact *cb = cc_pool_get(c);
	cc_pool_draw(c, cq, cb);
	c->out->counts.arrived++;
	cc_pool_follow(c, cb, k);
	cc_rec_contact(c, k, NULL, CC_OUTCOME_CALLBACK, c->now, NAN);
	cc_pool_release(c, k);
	const struct cc_callback_dial_cfg *d = &cq->cfg->dialing;
	for (int i = 1; i <= d->retries + 1 && !cb->reach_at; i++)
		if (d->reach >= 1 || gsl_rng_uniform(cq->attr_rng) < d->reach)
			cb->reach_at = (uint8_t)i;
	admit(c, cq, cb, 1, 1, 0);
}

/*
 * K enters Q: offered at once to a free agent if it would be at the head and the policy
 * finds one; otherwise (unless the customer prefers a callback) it waits. FRESH: a new
 * arrival, counted as queued and with its patience starting. GATE (a new contact or a
 * redial): before waiting it may be blocked by Q's capacity (contacts in the waiting heap;
 * ringing ones are not waiting), then balk, in that order.
 */
static void admit(struct center *c, struct queue *q, struct contact *k, int fresh, double u_cb,
                  int gate)
{
	const struct contact *head = cc_route_head(q);
	int first = !head || k->queued_s < head->queued_s ||
	            (k->queued_s == head->queued_s && k->id < head->id);
	struct agent *a = first ? cc_route_find_agent(c, q, k) : NULL;
	if (a) {
		cc_offer_make(c, k, a);
		return;
	}
	if (gate && q->cfg->capacity >= 0 && cc_heap_size(&q->waiting) >= (size_t)q->cfg->capacity) {
		leave_at_once(c, q, k, 1);
		return;
	}
	const struct cc_balk_cfg *bk = &q->cfg->balk;
	if (gate && bk->share > 0 && expected_wait(c, q, bk->estimate) > bk->threshold_s &&
	    gsl_rng_uniform(q->customer_rng) < bk->share) {
		leave_at_once(c, q, k, 0);
		return;
	}
	const struct cc_callback_offer_cfg *cb = &q->cfg->callback;
	if (fresh && cb->queue >= 0 && u_cb < cb->accept &&
	    expected_wait(c, q, cb->estimate) > cb->threshold_s) {
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

void cc_contact_on_arrival(struct center *c, struct cc_event *ev)
{
	struct queue *line = ev->subject;
	struct queue *q = c->scn->regions.n > 1 ? cc_region_route(c, line) : line;
	const struct cc_trace_call *call = cc_arrivals_call(&line->arrivals);
	struct contact *k = new_contact(c, q);
	if (call)
		cc_pool_replay(q, k, call);
	double u_cb = q->cfg->callback.queue >= 0 ? gsl_rng_uniform(q->attr_rng) : 1;
	double next = cc_arrivals_next(&line->arrivals);
	if (next < c->grid->horizon_s)
		cc_calendar_reschedule(c->cal, ev, next);
	else
		cc_calendar_release(c->cal, ev);
	admit(c, q, k, 1, u_cb, 1);
}

void cc_contact_on_abandon(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	struct queue *q = &c->queues[k->queue];
	cc_calendar_release(c->cal, ev);
	k->patience = NULL;
	if (k->silent && !k->direct && !k->peer) {
		/* The customer leaves without closing the chat: the center does not know, and the
		 * contact waits (or rings) on as before. Its patience never starts again. */
		k->gone = 1;
		k->patience_s = INFINITY;
		c->out->counts.silent++;
		if (k->interval >= 0)
			*qraw(c, k->interval, k->queue, CC_QR_SILENT) += 1;
		return;
	}
	struct agent *a = k->agent;
	if (a) { /* the customer hung up while the agent's phone rang: REJECTED */
		cc_center_cancel(c, &k->ev);
		double start = k->ring_start_s, rang = cc_offer_ring_end(c, k);
		if (k->absent)
			cc_acct_gcount(c, a->group, CC_GR_RING_ABSENT, start, rang);
		if (k->interval >= 0)
			*qraw(c, k->interval, k->queue, CC_QR_ABANDONED_RINGING) += 1;
		cc_rec_state(c, k, CC_CS_REJECTED);
		cc_acct_unhold(c, k);
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
	cc_acct_ronas(c, k);
	c->out->counts.abandoned++;
	int again = redial(c, q, k);
	cc_rec_contact(c, k, NULL, CC_OUTCOME_ABANDONED, c->now, NAN);
	if (k->peer) /* handed on while the first agent waits: it is alone now */
		cc_transfer_abandoned(c, k);
	if (!again)
		cc_contact_customer_end(c, k, NAN);
	cc_pool_release(c, k);
	if (a) {
		cc_rec_event(c, a, NULL);
		cc_agent_after_contact(c, a);
	}
}

/* K's agent is done with it (ACW over, or nothing after the talk). */
static void complete(struct center *c, struct contact *k, double acw_end_s)
{
	struct agent *a = k->agent;
	int outbound = k->queue == OUTBOUND_QUEUE;
	cc_acct_contact(c, k); /* its hold so far, for the record */
	double talk = k->segmented ? k->talk_end_s - k->connect_s - k->paused_s - k->hold_s
	                           : k->talk_s;
	if (outbound) {
		c->out->counts.outbound++;
		cc_rec_contact(c, k, a, CC_OUTCOME_OUTBOUND, k->talk_end_s, acw_end_s);
	} else {
		if (k->interval >= 0 && !k->direct) {
			*qraw(c, k->interval, k->queue, CC_QR_HANDLED) += 1;
			*qraw(c, k->interval, k->queue, CC_QR_TALK_SUM) += talk;
			*qraw(c, k->interval, k->queue, CC_QR_ACW_SUM) += k->acw_s;
			*qraw(c, k->interval, k->queue, CC_QR_PAUSE_SUM) += k->paused_s;
			*qraw(c, k->interval, k->queue, CC_QR_HOLD_SUM) += k->hold_s;
			if (k->gone)
				*qraw(c, k->interval, k->queue, CC_QR_SILENT_SLOT_SUM) += talk;
		}
		c->out->counts.completed++;
		enum cc_outcome outcome = k->ended ? CC_OUTCOME_ENDED_BY_MOVE
		                        : k->next_id >= 0 || k->rt == CC_RT_EXTERNAL
		                        ? CC_OUTCOME_TRANSFERRED : CC_OUTCOME_HANDLED;
		cc_rec_contact(c, k, a, outcome, k->talk_end_s, acw_end_s);
		if (k->next_id < 0) /* nothing follows: the customer is done */
			cc_contact_customer_end(c, k, k->connect_s);
		if (c->scn->routing.idle_inbound)
			a->idle_since_s = c->now;
	}
	/* The time worked on K is accounted before K goes back to the pool. */
	cc_acct_unhold(c, k);
	cc_pool_release(c, k);
	cc_rec_event(c, a, NULL);
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
	cc_rec_state(c, k, CC_CS_ENDED);
	double limit = c->groups[a->group].cfg->acw_limit_s;
	if (k->acw_s > limit) {
		k->acw_s = limit;
		cc_acct_gcount(c, a->group, CC_GR_ACW_LIMITED, c->now, 1);
	}
	if (a->moving && cc_region_ends(k->channel)) /* its agent has left the region */
		k->acw_s = 0;
	if (k->acw_s > 0) {
		cc_acct_kset(c, k, K_ACW);
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

void cc_contact_on_talk_end(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	if (k->state == K_PAUSED) { /* the task resumes */
		k->paused_s += k->pause_s;
		k->pause_s = 0;
		cc_acct_kset(c, k, K_TALK);
		cc_rec_state(c, k, CC_CS_CONNECTED);
		cc_calendar_reschedule(c->cal, ev, c->now + cc_acct_talk_to_go(k) * k->factor);
		return;
	}
	if (k->pause_s > 0) { /* the task pauses, keeping its slot */
		cc_acct_kset(c, k, K_PAUSED);
		k->work_s = k->pause_at_s;
		k->segmented = 1;
		cc_rec_state(c, k, CC_CS_PAUSED);
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
		cc_rec_state(c, k, CC_CS_ERROR);
		complete(c, k, NAN);
		return;
	}
	wrap_up(c, k, ev);
}

void cc_contact_wrap_up(struct center *c, struct contact *k)
{
	wrap_up(c, k, NULL);
}

void cc_contact_end_now(struct center *c, struct contact *k)
{
	switch ((enum kstate)k->state) {
	case K_RING: { /* the offer is withdrawn: the contact goes back to where it came from */
		struct agent *a = k->agent;
		cc_center_cancel(c, &k->ev);
		cc_offer_ring_end(c, k);
		cc_rec_state(c, k, CC_CS_REJECTED);
		cc_acct_unhold(c, k);
		if (k->direct) {
			cc_transfer_missed(c, k);
		} else {
			struct queue *q = &c->queues[k->queue];
			cc_route_push(c, q, k);
			cc_offer_dispatch(c, q);
		}
		cc_rec_event(c, a, NULL);
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
	cc_rec_state(c, k, CC_CS_ENDED);
	cc_region_restart(c, k);
	complete(c, k, NAN);
}

void cc_contact_on_acw_end(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	cc_calendar_release(c->cal, ev);
	k->ev = NULL;
	complete(c, k, c->now);
}

/* ---- callbacks: PENDING, the dial, retries; outbound calls ---- */

void cc_contact_on_pending_end(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	const struct cc_callback_dial_cfg *d = &c->queues[k->queue].cfg->dialing;
	k->attempts++;
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_CALLBACK_ATTEMPTS) += 1;
	cc_acct_kset(c, k, K_DIAL);
	cc_rec_state(c, k, CC_CS_CONNECTING);
	ev->kind = EV_DIAL_END;
	cc_calendar_reschedule(c->cal, ev, c->now + cc_dist_sample(&d->dial, k->agent->rng));
}

void cc_contact_on_dial_end(struct center *c, struct cc_event *ev)
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
	cc_rec_state(c, k, CC_CS_ERROR);
	cc_acct_unhold(c, k);
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
		cc_acct_ronas(c, k);
		cc_rec_contact(c, k, NULL, CC_OUTCOME_UNREACHED, c->now, NAN);
		cc_contact_customer_end(c, k, NAN);
		cc_pool_release(c, k);
	}
	cc_rec_event(c, a, NULL);
	cc_agent_after_contact(c, a);
}

/* A callback whose attempt failed queues again, behind the contacts waiting. */
void cc_contact_on_retry(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	cc_calendar_release(c->cal, ev);
	k->ev = NULL;
	cc_center_list_remove(&c->retrying, k);
	k->queued_s = c->now;
	admit(c, &c->queues[k->queue], k, 0, 1, 0);
}

void cc_contact_dial(struct center *c, struct agent *a, double talk_s, double acw_s, int reached)
{
	struct contact *k = cc_pool_get(c);
	k->queue = OUTBOUND_QUEUE;
	k->channel = CC_CHANNEL_VOICE;
	k->arrival_s = c->now;
	k->connect_s = c->now;
	k->reached = (uint8_t)reached;
	k->talk_s = k->work_s = talk_s;
	k->acw_s = acw_s;
	cc_acct_hold(c, a, k);
	cc_route_refresh(c, a);
	cc_acct_kset(c, k, K_TALK);
	cc_rec_state(c, k, CC_CS_CONNECTED);
	schedule_talk_end(c, k);
}

/* ---- the horizon ---- */

/* Records a contact still in the system at the horizon, waiting (AGENT NULL) or in
 * service. */
static void at_horizon(struct center *c, struct contact *k, const struct agent *a)
{
	if (a) {
		c->out->counts.in_service_at_end++;
		cc_rec_contact(c, k, a, CC_OUTCOME_IN_SERVICE_AT_END,
		               k->state == K_ACW ? k->talk_end_s : c->now, NAN);
		return;
	}
	c->out->counts.waiting_at_end++;
	if (k->gone) {
		c->out->counts.silent_waiting_at_end++;
		if (k->interval >= 0)
			*qraw(c, k->interval, k->queue, CC_QR_SILENT_AT_END) += 1;
	}
	cc_acct_ronas(c, k);
	cc_rec_contact(c, k, NULL, CC_OUTCOME_WAITING_AT_END, c->now, NAN);
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

void cc_contact_finish(struct center *c)
{
	for (size_t i = 0; i < c->n_agents; i++) {
		struct agent *a = &c->agents[i];
		for (struct contact *k = a->held; k; k = k->next) {
			cc_acct_contact(c, k);
			cc_acct_spread(c, gcbins(c, a->group, k->channel, CC_GCR_SLOTS),
			               c->cstride, k->held_s, 1.0);
			if (k->queue == OUTBOUND_QUEUE)
				cc_rec_contact(c, k, a, CC_OUTCOME_OUTBOUND, c->now, NAN);
			else if (k->state == K_RING || k->state == K_PENDING || k->state == K_DIAL) {
				if (k->state == K_RING) /* ringing: not yet answered */
					cc_offer_ring_end(c, k);
				open_at_horizon(c, k, NULL);
			} else {
				open_at_horizon(c, k, a);
			}
		}
	}
	for (size_t i = 0; i < c->scn->n_queues; i++) {
		struct queue *q = &c->queues[i];
		cc_acct_queue(c, q);
		for (size_t j = 0; j < cc_heap_size(&q->waiting); j++)
			open_at_horizon(c, CC_CONTAINER_OF(cc_heap_at(&q->waiting, j), struct contact,
			                                   qnode), NULL);
	}
	for (struct contact *k = c->retrying; k; k = k->next)
		open_at_horizon(c, k, NULL);
	for (struct contact *k = c->restarting; k; k = k->next) /* about to start again */
		open_at_horizon(c, k, NULL);
	for (struct contact *k = c->redialing; k; k = k->next) /* about to call again */
		open_at_horizon(c, k, NULL);
}
