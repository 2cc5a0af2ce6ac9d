#ifndef CC_POOL_H
#define CC_POOL_H

/*
 * Contacts as things, a service of the replication (it calls no behaviour): taken from a
 * pool of slabs and given back (nothing allocated per contact once the pool has peaked),
 * their attributes drawn from their queue's stream, and a customer's records linked.
 */

#include "models/center/replication.h"

/* A contact from the pool, with a fresh record id and no history. */
struct contact *cc_pool_get(struct center *c);
/* Gives K back to the pool; it no longer holds its rows open. */
void cc_pool_release(struct center *c, struct contact *k);
/* Frees the pool's slabs. */
void cc_pool_fini(struct center *c);
/* Draws K's attributes as a contact of Q (handle, patience, ACW, priority, pause, transfer)
 * from Q's attribute stream; K arrives at Q now, and is counted as offered there. */
void cc_pool_draw(struct center *c, struct queue *q, struct contact *k);
/* K (drawn by cc_pool_draw) is CALL of a trace: the values the trace gives replace the
 * draws, which were made all the same, so that the stream is used alike whichever are given
 * (common random numbers). */
void cc_pool_replay(struct queue *q, struct contact *k, const struct cc_trace_call *call);
/* NEXT continues K's customer: a new record linked to K's. */
void cc_pool_follow(struct center *c, struct contact *next, struct contact *k);

#endif
