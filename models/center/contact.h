#ifndef CC_CONTACT_H
#define CC_CONTACT_H

/*
 * The contact's life, a behaviour: arrival, admission to its queue (or a callback instead),
 * abandonment, connection, talk with its pauses, ACW and the end of its record; callbacks
 * pending, dialled and retried; outbound calls; what is still in the system at the horizon.
 * Offers and their answers are in offer.h, offers missed in rona.h.
 */

#include "models/center/replication.h"

/* A callback to dial (one handed on is already connected to its customer). */
static inline int cc_contact_is_callback(const struct contact *k)
{
	return k->channel == CC_CHANNEL_CALLBACK && k->queue != OUTBOUND_QUEUE && !k->xfer_in;
}

/* Event handlers: EV_ARRIVAL, EV_ABANDON, EV_TALK_END, EV_ACW_END, EV_PENDING_END,
 * EV_DIAL_END, EV_RETRY. */
void cc_contact_on_arrival(struct center *c, struct cc_event *ev);
void cc_contact_on_abandon(struct center *c, struct cc_event *ev);
void cc_contact_on_talk_end(struct center *c, struct cc_event *ev);
void cc_contact_on_acw_end(struct center *c, struct cc_event *ev);
void cc_contact_on_pending_end(struct center *c, struct cc_event *ev);
void cc_contact_on_dial_end(struct center *c, struct cc_event *ev);
void cc_contact_on_retry(struct center *c, struct cc_event *ev);
/* EV_REDIAL: a customer who left without service calls again, at the queue the redial names;
 * a new contact or a redial may be blocked by its queue's capacity or balk (admit). */
void cc_contact_on_redial(struct center *c, struct cc_event *ev);

/* K enters Q: offered at once if routing finds it an agent and it would be at the head,
 * else it waits; FRESH: counted as queued, its patience starts. */
void cc_contact_admit(struct center *c, struct queue *q, struct contact *k, int fresh);
/* K's agent has accepted it: a conversation, or for a callback, the dialling. */
void cc_contact_accepted(struct center *c, struct contact *k);
/* K's agent starts (or resumes) talking with the customer, for K's talk left. */
void cc_contact_talk(struct center *c, struct contact *k);
/* The conversation of K's agent is over: ACW, then the end of the record. */
void cc_contact_wrap_up(struct center *c, struct contact *k);
/* K's agent leaves it now, at once (a region move): an offer ringing is withdrawn (back to
 * its queue); ACW is cut short; a conversation ends, and the customer may start again. */
void cc_contact_end_now(struct center *c, struct contact *k);
/* K's customer leaves the center; CONNECT_S: their last connection to an agent (NaN: none). */
void cc_contact_customer_end(struct center *c, const struct contact *k, double connect_s);
/* Places an outbound call for A now. */
void cc_contact_dial(struct center *c, struct agent *a, double talk_s, double acw_s, int reached);
/* At the horizon (after the agents' accounts are closed): accounts and records every contact
 * still in the system, in agents' hands, queued, or about to retry or start again. */
void cc_contact_finish(struct center *c);

#endif
