/*
 * Hand-overs, as Amazon Connect's quick connects work. At the end of its talk a contact
 * drawn for a quick connect (on arrival, from its queue's attribute stream) is handed on:
 *
 *   first agent:  talk | hold: flow, target rings, whispers, consult | conference | ACW
 *   target:                            ring | whispers | consult | conference | talk | ACW
 *
 * The first agent keeps the contact, its customer on hold, until the hand-over is done:
 * cold, as soon as the target connects (for a queue, as soon as the contact enters it);
 * consult, after the agents have talked; conference, after all three have. Each connection
 * to an agent is a new record (the second leg) linked to the first.
 *
 * A transfer to an agent is offered to that agent, who may accept, reject it or miss it
 * (RONA). One that fails goes, cold, to the quick connect's fallback queue, or back to the
 * first agent, who takes the customer back and wraps up. A transfer to an outside number
 * has no flow: the customer leaves the center, with the first agent if cold, after the
 * consult or the conference otherwise.
 */
#include <math.h>

#include "models/center/accounting.h"
#include "models/center/agents.h"
#include "models/center/contact.h"
#include "models/center/offer.h"
#include "models/center/pool.h"
#include "models/center/records.h"
#include "models/center/routing.h"
#include "models/center/transfer.h"
#include "sim/dist.h"

static void arm(struct center *c, struct contact *k, enum xfer_phase phase, double dt)
{
	k->phase = (uint8_t)phase;
	k->ev = cc_calendar_schedule(c->cal, c->now + dt, CLASS_AGENT_FREED, EV_XFER, k);
}

static void set(struct center *c, struct contact *k, enum kstate s, enum cc_contact_state cs)
{
	cc_acct_kset(c, k, s);
	cc_rec_state(c, k, cs);
}

/* The first agent leaves the hand-over: its conversation with the customer is over, and it
 * may take new contacts again. */
static void leave(struct center *c, struct contact *first)
{
	struct agent *a = first->agent;
	if (first->peer) {
		first->peer->peer = NULL;
		first->peer = NULL;
	}
	cc_center_cancel(c, &first->ev); /* a wait for the queue's agent */
	a->handing--;
	cc_route_refresh(c, a);
	cc_contact_wrap_up(c, first);
}

static void count_queue(struct center *c, const struct contact *k, int field)
{
	if (k->interval >= 0 && !k->direct)
		*qraw(c, k->interval, k->queue, field) += 1;
}

/* FIRST's contact enters queue QI as a new record (a transfer in); RT says why. */
static void to_queue(struct center *c, struct contact *first, long qi, enum cc_record_transfer rt)
{
	struct queue *q = &c->queues[qi];
	struct contact *k = cc_pool_get(c);
	cc_pool_draw(c, q, k);
	cc_pool_follow(c, k, first);
	k->xfer_in = 1;
	k->via = first->via;
	first->rt = (uint8_t)rt;
	if (k->interval >= 0)
		*qraw(c, k->interval, k->queue, CC_QR_TRANSFERS_IN) += 1;
	c->out->counts.transfers_in++;
	int cold = first->via->mode == CC_TRANSFER_COLD || rt != CC_RT_QUEUE;
	if (!cold) { /* the first agent waits on hold, for a while, for the queue's agent */
		first->peer = k;
		k->peer = first;
		arm(c, first, PH_WAIT, first->via->max_wait_s);
	}
	cc_contact_admit(c, q, k, 1);
	if (cold)
		leave(c, first);
}

/* The transfer to an agent did not reach it: the fallback queue, or the first agent again. */
static void fail(struct center *c, struct contact *first)
{
	count_queue(c, first, CC_QR_TRANSFERS_FAILED);
	first->next_id = -1; /* an offer that was never accepted makes no record */
	if (first->via->fallback >= 0) {
		to_queue(c, first, first->via->fallback, CC_RT_FAILED);
		return;
	}
	first->rt = CC_RT_FAILED;
	leave(c, first);
}

/* The target agent: the named one if it can take the contact, else the free agent of the
 * group its free-agent heap gives; NULL when there is none. */
static struct agent *target(struct center *c, const struct cc_quick_connect_cfg *qc, int ch)
{
	struct group *g = &c->groups[qc->target];
	if (qc->agent >= 0) {
		if ((size_t)qc->agent >= g->n_agents)
			return NULL;
		struct agent *a = &c->agents[g->first_agent + (size_t)qc->agent];
		return cc_route_can_take(c, a, ch) ? a : NULL;
	}
	return cc_route_free_agent(g, ch);
}

/* The flow is over: FIRST's contact is offered to the target agent, as a new contact. */
static void to_agent(struct center *c, struct contact *first)
{
	const struct cc_quick_connect_cfg *qc = first->via;
	struct agent *t = target(c, qc, first->channel);
	if (!t || t == first->agent) {
		fail(c, first);
		return;
	}
	struct queue *src = &c->queues[first->queue];
	struct contact *k = cc_pool_get(c);
	k->queue = first->queue;
	k->channel = first->channel;
	k->arrival_s = k->queued_s = c->now;
	cc_acct_set_interval(c, k, cc_grid_index(c->grid, c->now));
	k->patience_s = INFINITY;
	k->talk_s = k->work_s =
		cc_dist_sample(cc_queue_dist_at(&qc->handle, &qc->handle_steps, c->now), src->attr_rng);
	k->acw_s = cc_dist_sample(cc_queue_dist_at(&qc->acw, &qc->acw_steps, c->now), src->attr_rng);
	k->direct = k->xfer_in = 1;
	k->via = qc;
	cc_pool_follow(c, k, first);
	first->rt = CC_RT_AGENT;
	first->peer = k;
	k->peer = first;
	c->out->counts.direct++;
	cc_offer_make(c, k, t);
}

void cc_transfer_start(struct center *c, struct contact *k)
{
	const struct cc_quick_connect_cfg *qc = &c->queues[k->queue].cfg->transfers[k->xfer - 1];
	struct agent *a = k->agent;
	k->xfer = 0;
	k->via = qc;
	k->segmented = 1; /* its talk is measured from its times from now on */
	k->rmode = (uint8_t)qc->mode;
	count_queue(c, k, CC_QR_TRANSFERS_OUT);
	cc_acct_gcount(c, a->group, CC_GR_TRANSFERS_OUT, c->now, 1);
	if (qc->kind == CC_TRANSFER_EXTERNAL && qc->mode == CC_TRANSFER_COLD) {
		k->rt = CC_RT_EXTERNAL;
		count_queue(c, k, CC_QR_TRANSFERS_EXTERNAL);
		cc_contact_wrap_up(c, k); /* the customer leaves with the agent's goodbye */
		return;
	}
	/* Until the hand-over is over the agent is busy with it: no new contacts. */
	a->handing++;
	cc_route_refresh(c, a);
	if (qc->kind != CC_TRANSFER_EXTERNAL) {
		set(c, k, K_HOLD, CC_CS_CONNECTED_ONHOLD);
		arm(c, k, PH_FLOW, cc_dist_sample(&qc->flow, a->rng));
		return;
	}
	k->rt = CC_RT_EXTERNAL;
	count_queue(c, k, CC_QR_TRANSFERS_EXTERNAL);
	/* The first agent consults the outside party, then (conference) joins the three. */
	double consult = cc_dist_sample(&qc->consult, a->rng);
	if (qc->mode == CC_TRANSFER_CONSULT || consult > 0) {
		set(c, k, K_HOLD, CC_CS_CONNECTED_ONHOLD);
		arm(c, k, qc->mode == CC_TRANSFER_CONSULT ? PH_EXTERNAL : PH_EXT_CONFERENCE, consult);
		return;
	}
	set(c, k, K_LINK, CC_CS_CONNECTED);
	arm(c, k, PH_EXTERNAL, cc_dist_sample(&qc->conference, a->rng));
}

/* All three talk together, then the first agent leaves (PH_CONFERENCE on the second leg). */
static void conference(struct center *c, struct contact *k)
{
	set(c, k->peer, K_LINK, CC_CS_CONNECTED);
	set(c, k, K_LINK, CC_CS_CONNECTED);
	arm(c, k, PH_CONFERENCE, cc_dist_sample(&k->via->conference, k->agent->rng));
}

/* The second leg K has been connected and the whispers have played. */
static void whispered(struct center *c, struct contact *k)
{
	struct contact *first = k->peer;
	if (first) /* connected: the first agent's wait is over */
		cc_center_cancel(c, &first->ev);
	if (!first || k->via->mode == CC_TRANSFER_COLD) { /* nobody waits, or they part now */
		if (first)
			leave(c, first);
		cc_contact_talk(c, k);
		return;
	}
	double consult = cc_dist_sample(&k->via->consult, k->agent->rng);
	if (k->via->mode == CC_TRANSFER_CONSULT || consult > 0) {
		set(c, k, K_HOLD, CC_CS_CONNECTED_ONHOLD); /* the agents talk; the customer waits */
		arm(c, k, PH_CONSULT, consult);
		return;
	}
	conference(c, k);
}

void cc_transfer_connected(struct center *c, struct contact *k)
{
	struct agent *a = k->agent;
	k->segmented = 1;
	double w = cc_dist_sample(&k->via->agent_whisper, a->rng) +
	           cc_dist_sample(&k->via->customer_whisper, a->rng);
	if (w > 0) {
		cc_acct_kset(c, k, K_LINK);
		cc_rec_state(c, k, CC_CS_CONNECTING); /* accepted; the whispers play */
		arm(c, k, PH_WHISPER, w);
		return;
	}
	whispered(c, k);
}

void cc_transfer_missed(struct center *c, struct contact *k)
{
	struct contact *first = k->peer;
	first->peer = NULL;
	c->out->counts.direct_failed++;
	cc_pool_release(c, k);
	fail(c, first);
}

void cc_transfer_abandoned(struct center *c, struct contact *k)
{
	leave(c, k->peer);
}

int cc_transfer_let_go(struct center *c, struct contact *k)
{
	if (k->state != K_HOLD || !k->peer || k->peer->direct || k->phase != PH_WAIT || !k->ev)
		return 0;
	leave(c, k);
	return 1;
}

/* The target agent rejected the transfer offered to it. */
static void on_reject(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	struct agent *a = k->agent;
	cc_calendar_release(c->cal, ev);
	k->ev = NULL;
	cc_offer_ring_end(c, k);
	a->misses = 0; /* a rejection is an answer: the run of misses ends */
	cc_acct_gcount(c, a->group, CC_GR_TRANSFERS_REJECTED, c->now, 1);
	cc_rec_state(c, k, CC_CS_REJECTED);
	cc_acct_unhold(c, k);
	cc_transfer_missed(c, k);
	cc_rec_event(c, a, NULL);
	cc_agent_after_contact(c, a);
}

void cc_transfer_on_event(struct center *c, struct cc_event *ev)
{
	if (ev->kind == EV_REJECT) {
		on_reject(c, ev);
		return;
	}
	struct contact *k = ev->subject;
	cc_calendar_release(c->cal, ev);
	k->ev = NULL;
	switch ((enum xfer_phase)k->phase) {
	case PH_FLOW:
		if (k->via->kind == CC_TRANSFER_QUEUE)
			to_queue(c, k, k->via->target, CC_RT_QUEUE);
		else
			to_agent(c, k);
		return;
	case PH_EXTERNAL:
	case PH_WAIT: /* the queue's agent is too long coming: the first agent lets go */
		leave(c, k);
		return;
	case PH_EXT_CONFERENCE:
		set(c, k, K_LINK, CC_CS_CONNECTED);
		arm(c, k, PH_EXTERNAL, cc_dist_sample(&k->via->conference, k->agent->rng));
		return;
	case PH_WHISPER:
		whispered(c, k);
		return;
	case PH_CONSULT:
	case PH_CONFERENCE:
		if (k->phase == PH_CONSULT && k->via->mode == CC_TRANSFER_CONFERENCE) {
			conference(c, k);
			return;
		}
		leave(c, k->peer); /* the first agent leaves; the target talks with the customer */
		cc_contact_talk(c, k);
		return;
	case PH_NONE:
		break;
	}
	CC_ASSERT(0);
}
