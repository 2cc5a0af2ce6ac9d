#ifndef CC_TABLES_H
#define CC_TABLES_H

#include <stddef.h>
#include <stdint.h>

#include "models/figures/metrics.h"
#include "sim/h5.h"

/*
 * The two tables of a results file, /contacts/records and /agents/events: each field
 * described once (name, place in the row, type, units, description, and for enums the names
 * of its codes, from the enum's own list). The HDF5 writer builds the tables' types and
 * attributes from these, and results/README.md its tables of fields.
 */

/*
 * An agent event as the file stores it. It differs from struct cc_agent_event in one field:
 * next_status is an int32 with -1 for "none", the file's convention for a missing index,
 * where the struct keeps a byte with CC_NO_STATUS (255), which no status name could label.
 * Fields are in the order readers see them (the file's rows are packed by offset).
 */
struct cc_event_row {
	double time_s;
	int32_t replication, agent, group;
	uint8_t status;
	int32_t next_status;
	int64_t contact_id;
	uint8_t contact_state, channel;
};

/* The fields of a contact record (rows are struct cc_contact_record), in the file's order;
 * *N receives how many. */
const struct cc_h5_field *cc_record_fields(size_t *n);

/* The fields of an agent event (rows are struct cc_event_row). The status field's codes are
 * the scenario's statuses, so its enum_names are NULL here: the writer fills them in. */
const struct cc_h5_field *cc_event_fields(size_t *n);
enum { CC_EVENT_STATUS_FIELD = 4 };

/* What each code of the enum whose names (a field's enum_names) are NAMES means, in code
 * order, or NULL when the enum's names speak for themselves (channels, transfer modes). */
const char *const *cc_enum_docs(const char *const *names);

#endif
