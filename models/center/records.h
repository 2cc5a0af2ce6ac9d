#ifndef CC_RECORDS_H
#define CC_RECORDS_H

/*
 * What a replication writes down as it goes, a service (it calls no behaviour): one contact
 * record per connection of a contact to an agent (or per fate without one), and the agent
 * event stream, a row each time an agent's status or a contact in its hands changes. Both
 * go to the replication's result, when the scenario asks for them.
 */

#include "models/center/replication.h"

/* The appends behind cc_rec_event and cc_rec_contact, which test inline (on the hot path)
 * whether the scenario asks for events and records at all. */
void cc_rec_event_append(struct center *c, const struct agent *a, const struct contact *k);
void cc_rec_contact_append(struct center *c, const struct contact *k, const struct agent *a,
                           enum cc_outcome outcome, double end_s, double acw_end_s);

/* Appends a row to the agent event stream about contact K (NULL: the first in hand). */
static inline void cc_rec_event(struct center *c, const struct agent *a, const struct contact *k)
{
	if (c->scn->agent_events)
		cc_rec_event_append(c, a, k);
}

/* Sets the state of K, in its agent's hands, and reports it. */
static inline void cc_rec_state(struct center *c, struct contact *k, enum cc_contact_state cs)
{
	k->cs = (uint8_t)cs;
	cc_rec_event(c, k->agent, k);
}

/* Appends K's record: its fate OUTCOME, with agent A (NULL: none), ending at END_S, its ACW
 * at ACW_END_S (NaN: none). */
static inline void cc_rec_contact(struct center *c, const struct contact *k,
                                  const struct agent *a, enum cc_outcome outcome, double end_s,
                                  double acw_end_s)
{
	if (c->out->records)
		cc_rec_contact_append(c, k, a, outcome, end_s, acw_end_s);
}

#endif
