#ifndef CC_METRICS_H
#define CC_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "models/scenario.h"
#include "sim/stats.h"

/*
 * What one replication measures, and the figures derived from it.
 *
 * The simulation adds raw sums (counts, seconds, time integrals) into arrays indexed by
 * (interval, queue or group, field); the last "interval" row holds the totals over the
 * whole post-warm-up horizon. Figures (service level, ASA, occupancy...) are ratios of raw
 * sums, computed once per replication by cc_metrics_derive from one descriptor table, which
 * also gives each figure its name, units and description for the results file and the docs.
 *
 * Counts follow a contact's arrival interval (a contact offered at 09:29 and answered at
 * 09:31 counts in the 09:00 interval); times are split across the intervals they cover.
 */

enum cc_queue_raw {
	CC_QR_OFFERED,        /* contacts that arrived */
	CC_QR_ANSWERED,       /* ...and were connected to an agent */
	CC_QR_ABANDONED,      /* ...and hung up while waiting */
	CC_QR_IN_SL,          /* answered with wait <= threshold */
	CC_QR_ABANDONED_IN_SL,/* abandoned with wait <= threshold */
	CC_QR_QUEUED,         /* found no agent free on arrival */
	CC_QR_WAIT_SUM,       /* seconds waited by answered contacts */
	CC_QR_ABANDON_SUM,    /* seconds waited by abandoned contacts */
	CC_QR_HANDLED,        /* contacts whose ACW ended before the horizon */
	CC_QR_TALK_SUM,       /* their talk seconds */
	CC_QR_ACW_SUM,        /* their ACW seconds */
	CC_QR_QUEUE_TIME,     /* integral of the number waiting (contact-seconds), split by time */
	CC_QR_WORK_TIME,      /* agent-seconds on this queue's contacts (talk + ACW), split by time */
	CC_QR_COUNT
};

enum cc_group_raw {
	CC_GR_STAFFED,  /* agent-seconds logged in */
	CC_GR_TALK,     /* agent-seconds connected to a contact */
	CC_GR_ACW,      /* agent-seconds in after-contact work */
	CC_GR_IDLE,     /* agent-seconds available with no contact */
	CC_GR_ANSWERED, /* offered contacts connected to the group's agents */
	CC_GR_COUNT
};

/* Whole-run counts (warm-up included), for the conservation invariants. */
struct cc_rep_counts {
	uint64_t arrived, answered, abandoned, waiting_at_end;
	uint64_t completed, in_service_at_end;
	uint64_t events;
};

/* Outcome of a contact record. */
enum cc_outcome { CC_OUTCOME_HANDLED, CC_OUTCOME_ABANDONED, CC_OUTCOME_WAITING_AT_END,
                  CC_OUTCOME_IN_SERVICE_AT_END, CC_OUTCOME_COUNT };

/* One row per contact record (a contact's connection to the center). Times in seconds. */
struct cc_contact_record {
	int64_t record_id;
	int64_t contact_id;
	int64_t previous_record_id; /* -1: the contact's first record */
	int32_t replication;
	int32_t queue;
	int32_t agent;              /* -1: never reached an agent */
	int32_t group;              /* -1: likewise */
	uint8_t channel;            /* enum cc_channel */
	uint8_t outcome;            /* enum cc_outcome */
	double arrival_s;
	double connect_s;           /* NaN when never connected */
	double end_s;               /* talk end, abandonment, or horizon when still in the system */
	double acw_end_s;           /* NaN when no ACW was done */
};

/* The results of one replication. */
struct cc_rep_result {
	double *queue_raw; /* [(grid.count + 1) * n_queues * CC_QR_COUNT] */
	double *group_raw; /* [(grid.count + 1) * n_groups * CC_GR_COUNT] */
	struct cc_rep_counts counts;
	struct cc_contact_record *records;
	size_t n_records, cap_records;
};

void cc_rep_result_init(struct cc_rep_result *r, const struct cc_scenario *scn,
                        const struct cc_grid *grid);
void cc_rep_result_fini(struct cc_rep_result *r);

/* Fills the totals row (index grid.count) from the interval rows. */
void cc_rep_result_total(struct cc_rep_result *r, const struct cc_scenario *scn,
                         const struct cc_grid *grid);

/* Index helpers into the raw arrays. */
static inline size_t cc_qr_index(size_t n_queues, size_t interval, size_t queue, int field)
{
	return (interval * n_queues + queue) * CC_QR_COUNT + (size_t)field;
}
static inline size_t cc_gr_index(size_t n_groups, size_t interval, size_t group, int field)
{
	return (interval * n_groups + group) * CC_GR_COUNT + (size_t)field;
}

/* A derived figure. */
enum cc_figure_owner { CC_FIG_QUEUE, CC_FIG_GROUP };

struct cc_figure {
	const char *name;        /* dataset and JSON name: "service_level" */
	enum cc_figure_owner owner;
	const char *units;       /* "1" for ratios and counts, "s" for seconds */
	const char *description;
	/* The figure for row ROW (an interval, or grid.count for the totals) and queue or group
	 * INDEX; NaN when undefined (ASA with nothing answered). */
	double (*value)(const struct cc_scenario *scn, const struct cc_grid *grid,
	                const struct cc_rep_result *r, size_t row, size_t index);
};

/* The figures, queue ones first; *N receives the count. */
const struct cc_figure *cc_figures(size_t *n);

/* The figure named NAME of OWNER, or NULL. */
const struct cc_figure *cc_figure_find(enum cc_figure_owner owner, const char *name);

/* Length in seconds of reported row ROW (the post-warm-up horizon for the totals row). */
double cc_metrics_row_seconds(const struct cc_grid *grid, size_t row);

#endif
