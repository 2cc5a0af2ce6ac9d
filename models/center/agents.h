#ifndef CC_AGENTS_H
#define CC_AGENTS_H

/*
 * The agent's status machine, a behaviour: shifts, logins and logouts, planned and
 * unplanned not-productive statuses, away episodes and outbound calls. Its RONA status is
 * in rona.h.
 */

#include "models/center/replication.h"

void cc_agent_setup(struct center *c);
/* Puts A in status S for DURATION_S (INFINITY: until something else changes it). */
void cc_agent_set_status(struct center *c, struct agent *a, int s, double duration_s);
/* A holds nothing: it takes its next status, if one is due (returns 1), else nothing. */
int cc_agent_take_next(struct center *c, struct agent *a);
/* A contact of A has ended or gone: the next status, more work, or nothing. */
void cc_agent_after_contact(struct center *c, struct agent *a);
/* The outbound call of A has ended: Available, or idle, as the group's setting says. */
void cc_agent_outbound_done(struct center *c, struct agent *a);
/* Event handlers for the agent's own events. */
void cc_agent_on_event(struct center *c, struct cc_event *ev);
/* Closes every agent's and group's accounts at the horizon. */
void cc_agent_finish(struct center *c);

#endif
