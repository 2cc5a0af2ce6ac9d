#ifndef CC_RECORDS_H
#define CC_RECORDS_H

/*
 * What a replication writes down as it goes, a service (it calls no behaviour): one contact
 * record per connection of a contact to an agent (or per fate without one), and the agent
 * event stream, a row each time an agent's status or a contact in its hands changes. Both
 * go to the replication's result, when the scenario asks for them.
 */

#include "models/center/replication.h"

/* Appends a row to the agent event stream about contact K (NULL: the first in hand). */
void cc_rec_event(struct center *c, const struct agent *a, const struct contact *k);
/* Sets the state of K, in its agent's hands, and reports it. */
void cc_rec_state(struct center *c, struct contact *k, enum cc_contact_state cs);
/* Appends K's record: its fate OUTCOME, with agent A (NULL: none), ending at END_S, its ACW
 * at ACW_END_S (NaN: none). */
void cc_rec_contact(struct center *c, const struct contact *k, const struct agent *a,
                    enum cc_outcome outcome, double end_s, double acw_end_s);

#endif
