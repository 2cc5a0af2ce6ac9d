#ifndef CC_RESULTS_IMPL_H
#define CC_RESULTS_IMPL_H

/*
 * The inside of the results writer, shared by the writer of a run's file and the writer of
 * a sweep's (the same file with a leading dimension "point") and by nothing else.
 */

#include "models/output/results.h"
#include "models/output/schema.h"
#include "sim/h5.h"

/* Rows of the contact-record and agent-event tables per chunk, and per write at most. */
enum { RECORD_CHUNK = 16384, RECORD_BLOCK = 65536, EVENT_CHUNK = 16384, EVENT_BLOCK = 16384 };

/* Blocks of per-replication figures are written once they reach about this size: large
 * enough for few writes, small enough that memory stays flat however many replications. */
enum { BLOCK_BYTES = 1 << 20 };

/* Per-replication figures waiting to be written: a block of replications [REP0, REP0 +
 * reps) by intervals [ROW0, ROW0 + rows), [cap_reps][cap_rows][width] values. */
struct block {
	void *buf;
	size_t width;            /* values per (replication, interval) */
	size_t cap_reps, cap_rows;
	size_t rep0, reps;       /* replications in the block (the last may be partial) */
	size_t row0, rows;       /* rows of the block's last replication so far */
};

struct cc_results {
	struct cc_h5_file *file;
	const struct cc_scenario *scn;
	struct cc_layout layout;
	struct cc_grid grid;
	size_t replications;      /* the length of the replication dimensions */
	/* The replication dimensions may grow (a run to a precision): the groups that have one. */
	int growing;
	size_t reps_seen;         /* the replications written so far */
	char **rep_groups;
	size_t n_rep_groups;
	/* A sweep's points (NULL for a run's file): every variable then has a leading dimension
	 * "point", and what is written goes to point POINT. */
	const struct cc_sweep_points *sweep;
	size_t point;
	struct cc_h5_var **summary_intervals; /* per figure */
	struct cc_h5_var **summary_totals;    /* per figure, in a sweep (a run writes them at
	                                         the end) */
	struct cc_h5_var **rep_totals;        /* per figure */
	struct cc_h5_var **rep_intervals;     /* per figure, when the scenario asks */
	struct cc_h5_var **counts;            /* per count field */
	struct block totals, intervals, counts_block;
	struct block summary;     /* final interval summaries: [cap_rows][cells][stats] */
	double *gather;           /* one figure's part of the largest block, made contiguous */
	struct cc_h5_table *records;
	struct cc_h5_table *events;
	struct cc_event_row *event_buf;  /* EVENT_BLOCK rows, for converting events */
	const char **status_names;    /* the status enum's names, NULL-terminated */
};

/* Sets the length of the replication dimensions of a growing file (r->growing) to N. */
void cc_results_resize_replications(struct cc_results *r, size_t n);

/* The last dimension of a group's figures: the statistics along it. */
struct cc_results_stats {
	size_t n;
	const char *const *names;
	const char *description;
};

/* Creates the group of OWNER's figures under DIR (WHAT ends each variable's description):
 * its dimensions are "point" in a sweep, "replication" when REPS, the owner's entities, and
 * STATS last (NULL: none); never "interval". One variable per figure of OWNER goes into VARS
 * (indexed by figure). */
void cc_results_make_group(struct cc_results *r, const char *dir, const char *what, int reps,
                           const struct cc_results_stats *stats, enum cc_figure_owner owner,
                           struct cc_h5_var **vars);

/* Writes figure F's part of BUF, [lead...][cells][per_cell], to V: LEAD of V's leading
 * dimensions (after "point", in a sweep, which is R->point) from LEAD_START, LEAD_COUNT. */
void cc_results_write_figure(struct cc_results *r, struct cc_h5_var *v, size_t f, int lead,
                             const size_t *lead_start, const size_t *lead_count,
                             size_t per_cell, const double *buf);

/* Writes the summaries over the whole horizon ([cells] running sums) into VARS. */
void cc_results_write_totals(struct cc_results *r, struct cc_h5_var **vars,
                             const struct cc_running *summary);

#endif
