#ifndef CC_RUN_H
#define CC_RUN_H

#include <stddef.h>

#include "models/figures/metrics.h"
#include "models/scenario/scenario.h"
#include "sim/runner.h"
#include "sim/stats.h"

/*
 * A run: all replications of a scenario, their figures, and summaries across them.
 *
 * Figures are streamed, not stored. Each replication's interval rows are derived into
 * figures ("cells", see struct cc_layout) by the worker that simulates it, as the rows close;
 * the calling thread adds them, replication by replication in order, into a running mean
 * and variance per interval and cell (Welford's update, the arithmetic of
 * cc_stats_summarize), so the summaries are the same bit for bit whatever the thread count,
 * and memory does not grow with the number of replications. A row's summary is final once
 * the last replication has added it: it then goes to the sink and, unless the caller keeps
 * it, is freed, so a single long replication holds only its open rows. Each replication's
 * totals (its figures over the whole horizon) go to the sink as it commits; their summary is
 * accumulated the same way.
 *
 * Everything handed to the sink comes on the calling thread, in replication order (interval
 * summaries in interval order), whatever the thread count.
 */

/* Statistics per summarised cell: the mean, and the half-width of its 95 % interval. */
enum { CC_RUN_MEAN, CC_RUN_CI95, CC_RUN_STATS };
#define CC_RUN_LEVEL 0.95

struct cc_run_sink {
	void *ctx;
	/* Each returns 0 to go on, non-zero to stop the run (a write failed). Any may be NULL. */
	/* Each replication's contact records and agent events (when the scenario asks). */
	int (*records)(void *ctx, const struct cc_contact_record *rows, size_t n);
	int (*events)(void *ctx, const struct cc_agent_event *rows, size_t n);
	/* Replication REP's totals ([cells]) and counts, in replication order. */
	int (*replication)(void *ctx, size_t rep, const double *totals,
	                   const struct cc_rep_counts *counts);
	/* Replication REP's figures of intervals [FIRST, FIRST + N) ([N * cells]), in order;
	 * only when the scenario asks for them (output.replications = "intervals"). */
	int (*rep_intervals)(void *ctx, size_t rep, size_t first, size_t n, const double *cells);
	/* The final summaries of intervals [FIRST, FIRST + N): [N][cells][CC_RUN_STATS]. */
	int (*intervals)(void *ctx, size_t first, size_t n, const double *stats);
};


struct cc_run {
	/* Set by the caller before cc_run_execute. */
	const struct cc_scenario *scn;
	int threads;
	struct cc_run_sink sink;
	/* Called about four times a second while replications run (may be NULL). */
	void (*on_progress)(void *ctx, const struct cc_progress *p, double elapsed_s);
	void *progress_ctx;
	/* What to keep in memory for reading after the run (each costs memory per interval or
	 * per replication): the interval summaries, every replication's totals, every
	 * replication's interval figures. */
	int keep_intervals, keep_totals, keep_rep_intervals;
	/* Set (from a signal handler, say) to stop the run early: cc_run_execute then returns
	 * CC_ERR_STOPPED. */
	atomic_int *stop;

	/* Filled by cc_run_execute. */
	struct cc_grid grid;
	struct cc_layout layout;
	size_t replications;                /* done (all of them once it returns CC_OK) */
	struct cc_running *totals_summary;  /* [cells]: the totals across replications */
	struct cc_running *interval_summary;/* [grid.count * cells] when kept */
	double *totals;                     /* [replications * cells] when kept */
	struct cc_rep_counts *counts;       /* [replications] with the totals */
	double *rep_intervals;              /* [replications * grid.count * cells] when kept */
	uint64_t events, contacts;          /* summed over replications */
	size_t summary_peak_bytes;          /* the most the interval summaries held at once */
	double wall_s;                      /* the replications, from the first start to the last
	                                       commit (summed over cc_run_more's batches) */
	double merge_s;                     /* of it, the calling thread's time adding replications
	                                       into the summaries and handing them to the sink, in
	                                       order: the part no thread or rank shares */
	char error[768];                    /* why it returned CC_ERR_STALLED */
	/* Private. */
	struct cc_run_private *priv;
};

/* Runs every replication. Returns CC_OK; CC_ERR_IO when the sink stopped the run;
 * CC_ERR_STOPPED when *STOP was set; CC_ERR_STALLED, with the reason in RUN->error, when a
 * replication's clock stood still or crawled (the stall guard of models/center.h). */
enum cc_status cc_run_execute(struct cc_run *run);

/*
 * The same in stages, for a run whose replication count is decided as it goes (a run to a
 * precision: see models/run/precision.h). cc_run_begin sets RUN up; each cc_run_more runs
 * replications [run->replications, run->replications + N) and adds them, run->replications
 * counting those done; cc_run_end makes every interval summary final and hands it to the
 * sink. The figures are those of one cc_run_execute of the same count, bit for bit, whatever
 * the batches and threads (a batch runs on run->threads, but never more than cc_run_begin
 * saw). Every interval's summaries are held until cc_run_end (in
 * cc_run_execute a single replication's rows are final, and freed, as they come).
 * cc_run_more returns as cc_run_execute does; after a failure only cc_run_fini may follow.
 */
enum cc_status cc_run_begin(struct cc_run *run);
enum cc_status cc_run_more(struct cc_run *run, size_t n);
enum cc_status cc_run_end(struct cc_run *run);

/* Frees what cc_run_execute or the stages made. Accepts NULL. */
void cc_run_fini(struct cc_run *run);

/*
 * Memory: about how many bytes a run of SCN on THREADS threads will hold at its peak (the
 * program, each replication in flight with its model, records and waiting figures, the
 * interval summaries, and what the caller keeps), the most this machine allows a run (most
 * of its physical memory, or the address-space limit), and a sentence saying where it goes
 * and what to change.
 */
double cc_run_memory_estimate(const struct cc_scenario *scn, int threads, int keep_intervals,
                              int keep_totals);
double cc_run_memory_limit(void);
void cc_run_memory_explain(const struct cc_scenario *scn, int threads, char *buf, size_t len);

/* Bytes the summaries of one interval take (mean and variance per cell), for estimates. */
size_t cc_run_interval_bytes(const struct cc_layout *layout);

/* Figure F of replication REP at ROW (an interval, or grid.count for the totals) and the
 * figure's INDEX; needs keep_totals (totals) or keep_rep_intervals (intervals). NaN for an
 * entity with no figures. */
double cc_run_value(const struct cc_run *run, const struct cc_figure *f, size_t rep, size_t row,
                    size_t index);

/* Mean and half-width at LEVEL across replications of figure F at ROW and INDEX (intervals
 * need keep_intervals). */
struct cc_summary cc_run_summary(const struct cc_run *run, const struct cc_figure *f, size_t row,
                                 size_t index, double level);

#endif
