#ifndef CC_TRANSFER_H
#define CC_TRANSFER_H

/*
 * Hand-overs, a behaviour: quick connects to a queue, an agent or an outside number; cold,
 * consult and conference; each connection a new record linked to the one before.
 */

#include "models/center/replication.h"

/* K's talk has ended and it is to be handed on (K->xfer): the hand-over starts. */
void cc_transfer_start(struct center *c, struct contact *k);
/* A contact that came by a hand-over is connected to its new agent. */
void cc_transfer_connected(struct center *c, struct contact *k);
/* EV_XFER and EV_REJECT. */
void cc_transfer_on_event(struct center *c, struct cc_event *ev);
/* An offer straight to an agent (K, out of the agent's hands) ended unanswered: it timed
 * out (RONA), was rejected, or was withdrawn when the agent moved away. */
void cc_transfer_missed(struct center *c, struct contact *k);
/* The customer of K, handed on while the first agent waits, hung up. */
void cc_transfer_abandoned(struct center *c, struct contact *k);
/* K's agent, waiting on hold for a queue's agent to take a consult or conference, lets go
 * now (the contact waits on there, as if cold); returns 0 when K is not so waiting. */
int cc_transfer_let_go(struct center *c, struct contact *k);

#endif
