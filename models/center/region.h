#ifndef CC_REGION_H
#define CC_REGION_H

/*
 * Regions, a behaviour: the traffic distribution between regions, its scheduled changes,
 * and agent groups moved between regions.
 */

#include "models/center/replication.h"

void cc_region_setup(struct center *c);
void cc_region_teardown(struct center *c);
/* The queue (Q's copy in a region drawn by the traffic distribution) a new arrival at line
 * Q goes to. */
struct queue *cc_region_route(struct center *c, struct queue *q);
/* EV_TRAFFIC and EV_RESTART. */
void cc_region_on_event(struct center *c, struct cc_event *ev);
/* K's customer, whose chat or task its agent's move ended, may start again. */
void cc_region_restart(struct center *c, struct contact *k);
/* A moving agent holds nothing any more: it arrives in its region, Offline. */
void cc_region_arrive(struct center *c, struct agent *a);
/* Whether contacts of channel CH end at once when their agent moves (chat, email, task). */
static inline int cc_region_ends(int ch)
{
	return ch == CC_CHANNEL_CHAT || ch == CC_CHANNEL_EMAIL || ch == CC_CHANNEL_TASK;
}

#endif
