#ifndef CC_RUN_H
#define CC_RUN_H

#include <stddef.h>

#include "models/metrics.h"
#include "models/scenario.h"
#include "sim/runner.h"
#include "sim/stats.h"

/*
 * A run: all replications of a scenario, their figures, and summaries across them.
 *
 * Replications run on THREADS threads; figures are derived, and contact records and agent
 * events handed to ON_RECORDS and ON_EVENTS, on the calling thread in replication order, so
 * everything the run produces is the same whatever the thread count.
 */

struct cc_run {
	/* Set by the caller before cc_run_execute. */
	const struct cc_scenario *scn;
	int threads;
	/* Called with each replication's contact records, in replication order, when the
	 * scenario asks for them; returns 0 to go on, non-zero to stop the run. */
	int (*on_records)(void *ctx, const struct cc_contact_record *rows, size_t n);
	void *records_ctx;
	/* Likewise with each replication's agent events (when the scenario asks for them and the
	 * replication has any). */
	int (*on_events)(void *ctx, const struct cc_agent_event *rows, size_t n);
	void *events_ctx;
	/* Called about four times a second while replications run (may be NULL). */
	void (*on_progress)(void *ctx, const struct cc_progress *p, double elapsed_s);
	void *progress_ctx;

	/* Filled by cc_run_execute. */
	struct cc_grid grid;
	size_t replications;
	const struct cc_figure *figures;
	size_t n_figures;
	/* values[f][(rep * rows + row) * width + index]: rows = grid.count + 1 (the last row is
	 * the whole post-warm-up horizon); width as cc_run_width. */
	double **values;
	struct cc_rep_counts *counts; /* per replication */
	double wall_s;
	/* Private: results of finished replications not yet committed. */
	struct cc_rep_result *pending;
};

/* Runs every replication. Returns CC_OK, or CC_ERR_IO when ON_RECORDS or ON_EVENTS stopped
 * the run. */
enum cc_status cc_run_execute(struct cc_run *run);

/* Frees what cc_run_execute made. Accepts NULL. */
void cc_run_fini(struct cc_run *run);

/* Rows per replication (intervals + the totals row), and width of figure F as the figure's
 * owner: queues, groups, groups * statuses (index group * statuses + status), channels
 * (CC_CHANNEL_COUNT), or groups * channels (index group * CC_CHANNEL_COUNT + channel). */
size_t cc_run_rows(const struct cc_run *run);
size_t cc_run_width(const struct cc_run *run, const struct cc_figure *f);

/* Figure F of replication REP at ROW and INDEX. */
double cc_run_value(const struct cc_run *run, const struct cc_figure *f, size_t rep, size_t row,
                    size_t index);

/* Mean and half-width at LEVEL across replications of figure F at ROW and INDEX. */
struct cc_summary cc_run_summary(const struct cc_run *run, const struct cc_figure *f, size_t row,
                                 size_t index, double level);

#endif
