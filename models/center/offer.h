#ifndef CC_OFFER_H
#define CC_OFFER_H

/*
 * Offers, a behaviour: the matches routing chooses are made into offers here; an offer
 * rings until the agent answers (or rejects a transfer), the customer hangs up, or the
 * channel's offer timeout comes first, which is RONA (rona.h).
 */

#include "models/center/replication.h"

/* Offers K (out of its queue) to A, who can take it. */
void cc_offer_make(struct center *c, struct contact *k, struct agent *a);
/* Offers Q's head contacts to the free agents routing matches them with, while it does. */
void cc_offer_dispatch(struct center *c, struct queue *q);
/* A can take work: offers it the contacts routing matches it with, while it does. */
void cc_offer_agent_ready(struct center *c, struct agent *a);
/* K was offered and is ringing: the ring ends now (its time is counted); returns its length. */
double cc_offer_ring_end(struct center *c, struct contact *k);
/* EV_ACCEPT: the agent answers. */
void cc_offer_on_accept(struct center *c, struct cc_event *ev);
/* EV_ELIGIBLE: a queue's head has waited long enough for another group. */
void cc_offer_on_eligible(struct center *c, struct cc_event *ev);

#endif
