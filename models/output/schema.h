#ifndef CC_SCHEMA_H
#define CC_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

#include "models/figures/metrics.h"
#include "sim/h5.h"

/*
 * What a results file holds, described once: the views its figures are written in, and the
 * fields of its two tables, /contacts/records and /agents/events (name, place in the row,
 * type, units, description, and for enums the names of the codes, from the enum's own list).
 * The HDF5 writer builds the file from these, the CSV export finds the views by them, and
 * results/README.md prints its tables of fields from them.
 */

/* The views of the figures: per interval or over the whole horizon, across replications
 * (mean and half-width) or per replication. */
enum cc_view { CC_VIEW_SUMMARY_INTERVALS, CC_VIEW_SUMMARY_TOTALS, CC_VIEW_REP_TOTALS,
               CC_VIEW_REP_INTERVALS, CC_VIEW_COUNT };

struct cc_view_info {
	const char *dir;    /* the group holding one group per figure owner: "/summary/totals" */
	const char *suffix; /* of the owners' CSV files: "totals" */
	const char *what;   /* what the view holds, ending each figure's description */
};

extern const struct cc_view_info cc_views[CC_VIEW_COUNT];

/* A sweep's paired differences against its base point (/sweep/diff/totals/<owner>/<figure>),
 * and their statistics, in the order of their dimension "statistic": each name with its
 * meaning. */
extern const struct cc_view_info cc_sweep_diff_view;
enum { CC_DIFF_DIFF, CC_DIFF_LO, CC_DIFF_HI, CC_DIFF_P, CC_DIFF_STATS };
extern const char *const cc_diff_stat_names[CC_DIFF_STATS];
extern const char *const cc_diff_stat_docs[CC_DIFF_STATS];

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
