#ifndef CC_RONA_H
#define CC_RONA_H

/*
 * RONA (redirection on no answer), a behaviour: an offer rings out at the channel's offer
 * timeout. The contact goes back to its queue (to its place, or its tail as the queue says;
 * a transfer to an agent goes where its quick connect says), and the agent goes to the RONA
 * status for its reaction time, unless a status is due, then Available or idle as its
 * group's rona settings draw. With rona.not_ready_after N, the agent's Nth consecutive miss
 * puts it in rona.not_ready_status instead, until it chooses Available after rona.not_ready;
 * the run of misses restarts when the agent accepts or rejects an offer, logs in, or is put
 * there. The RONAs a contact went through are counted once its fate is known (cc_acct_ronas).
 */

#include "models/center/replication.h"

/* EV_OFFER_TIMEOUT: the offer of the event's contact timed out. */
void cc_rona_on_timeout(struct center *c, struct cc_event *ev);
/* An offer to A timed out: RONA (or not ready after repeated misses), unless a status is
 * due. */
void cc_rona_agent(struct center *c, struct agent *a);
/* A's RONA status has ended: Available, or the group's idle status. */
void cc_rona_status_end(struct center *c, struct agent *a);

#endif
