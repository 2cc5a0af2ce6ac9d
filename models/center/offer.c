/*
 * Offers. Routing chooses a match (a contact for a free agent, or an agent for a queue's
 * head); the contact leaves its queue and is offered here. An agent who answers at once is
 * connected at once; otherwise the contact rings until the answer (EV_ACCEPT), a rejection
 * of a transfer (EV_REJECT), the customer's hang-up (EV_ABANDON) or the offer timeout
 * (EV_OFFER_TIMEOUT: RONA), whichever comes first.
 */
#include "models/center/offer.h"

#include <math.h>

#include <gsl/gsl_rng.h>

#include "models/center/accounting.h"
#include "models/center/contact.h"
#include "models/center/records.h"
#include "models/center/routing.h"
#include "sim/dist.h"

/*
 * Offers K to A. An agent who answers at once is connected at once; otherwise K rings
 * until the answer or the timeout, whichever comes first, while the customer's patience
 * runs on.
 */
void cc_offer_make(struct center *c, struct contact *k, struct agent *a)
{
	const struct cc_answer_cfg *ans = &c->groups[a->group].cfg->answer;
	if (k->interval >= 0 && !k->direct)
		*qraw(c, k->interval, k->queue, CC_QR_OFFERS) += 1;
	cc_acct_gcount(c, a->group, CC_GR_OFFERS, c->now, 1);
	int answers = c->now >= a->away_until_s &&
	              !(ans->miss > 0 && gsl_rng_uniform(a->rng) < ans->miss);
	double delay = answers ? cc_dist_sample(&ans->delay, a->rng) : INFINITY;
	/* An agent offered a transfer may reject it, as soon as it would have answered. */
	int rejects = k->direct && answers && k->via->reject > 0 &&
	              gsl_rng_uniform(a->rng) < k->via->reject;
	k->absent = (uint8_t)!answers;
	cc_acct_hold(c, a, k);
	cc_route_refresh(c, a);
	if (delay <= 0 && !rejects) {
		cc_contact_accepted(c, k);
		return;
	}
	double timeout = c->queues[k->queue].offer_timeout_s;
	k->ring_start_s = c->now;
	if (!k->patience && isfinite(k->patience_s)) /* a fresh arrival: its patience starts */
		k->patience = cc_calendar_schedule(c->cal, k->arrival_s + k->patience_s,
		                                   CLASS_PATIENCE, EV_ABANDON, k);
	cc_acct_kset(c, k, K_RING);
	cc_rec_state(c, k, cc_contact_is_callback(k) ? CC_CS_INCOMING : CC_CS_CONNECTING);
	/* An answer at exactly the timeout is an answer (CLASS_ACCEPT comes first). */
	k->ev = delay <= timeout
	      ? cc_calendar_schedule(c->cal, c->now + delay, CLASS_ACCEPT,
	                             rejects ? EV_REJECT : EV_ACCEPT, k)
	      : cc_calendar_schedule(c->cal, c->now + timeout, CLASS_OFFER_TIMEOUT,
	                             EV_OFFER_TIMEOUT, k);
}

void cc_offer_dispatch(struct center *c, struct queue *q)
{
	struct cc_match m;
	while (cc_route_match_queue(c, q, &m))
		cc_offer_make(c, m.k, m.a);
}

void cc_offer_agent_ready(struct center *c, struct agent *a)
{
	struct cc_match m;
	while (cc_route_match_agent(c, a, &m))
		cc_offer_make(c, m.k, m.a);
	cc_route_refresh(c, a);
}

/* Q's head has waited long enough for another group. */
void cc_offer_on_eligible(struct center *c, struct cc_event *ev)
{
	struct queue *q = ev->subject;
	cc_calendar_release(c->cal, ev);
	q->tick = NULL;
	cc_offer_dispatch(c, q);
	cc_route_tick(c, q);
}

double cc_offer_ring_end(struct center *c, struct contact *k)
{
	double rang = c->now - k->ring_start_s;
	k->ring_sum_s += rang;
	if (k->interval >= 0 && !k->direct)
		*qraw(c, k->interval, k->queue, CC_QR_RING_SUM) += rang;
	return rang;
}

void cc_offer_on_accept(struct center *c, struct cc_event *ev)
{
	struct contact *k = ev->subject;
	cc_calendar_release(c->cal, ev);
	k->ev = NULL;
	cc_offer_ring_end(c, k);
	cc_contact_accepted(c, k);
}
