#include "models/run.h"

#include <string.h>

#include "models/center.h"
#include "sim/alloc.h"

size_t cc_run_rows(const struct cc_run *run)
{
	return run->grid.count + 1;
}

size_t cc_run_width(const struct cc_run *run, const struct cc_figure *f)
{
	switch (f->owner) {
	case CC_FIG_QUEUE: return run->scn->n_queues;
	case CC_FIG_GROUP: return run->scn->n_groups;
	case CC_FIG_STATUS: return run->scn->n_groups * cc_scenario_status_count(run->scn);
	case CC_FIG_CHANNEL: return CC_CHANNEL_COUNT;
	case CC_FIG_GROUP_CHANNEL: return run->scn->n_groups * CC_CHANNEL_COUNT;
	}
	cc_fail(__FILE__, __LINE__, "unknown figure owner");
}

static size_t figure_index(const struct cc_run *run, const struct cc_figure *f)
{
	size_t i = (size_t)(f - run->figures);
	CC_ASSERT(i < run->n_figures);
	return i;
}

double cc_run_value(const struct cc_run *run, const struct cc_figure *f, size_t rep, size_t row,
                    size_t index)
{
	size_t width = cc_run_width(run, f);
	return run->values[figure_index(run, f)][(rep * cc_run_rows(run) + row) * width + index];
}

struct cc_summary cc_run_summary(const struct cc_run *run, const struct cc_figure *f, size_t row,
                                 size_t index, double level)
{
	size_t width = cc_run_width(run, f);
	const double *v = run->values[figure_index(run, f)] + row * width + index;
	return cc_stats_summarize(v, run->replications, cc_run_rows(run) * width, level);
}

static void run_one(void *ctx, size_t task, struct cc_progress *progress)
{
	struct cc_run *run = ctx;
	struct cc_rep_result *r = &run->pending[task];
	cc_rep_result_init(r, run->scn, &run->grid);
	cc_center_run(run->scn, &run->grid, task, r, progress);
}

static int commit_one(void *ctx, size_t task)
{
	struct cc_run *run = ctx;
	struct cc_rep_result *r = &run->pending[task];
	size_t rows = cc_run_rows(run);
	for (size_t f = 0; f < run->n_figures; f++) {
		const struct cc_figure *fig = &run->figures[f];
		size_t width = cc_run_width(run, fig);
		double *dst = run->values[f] + task * rows * width;
		for (size_t row = 0; row < rows; row++)
			for (size_t i = 0; i < width; i++)
				dst[row * width + i] = fig->value(run->scn, &run->grid, r, row, i);
	}
	run->counts[task] = r->counts;
	int rc = 0;
	if (run->on_records && r->n_records)
		rc = run->on_records(run->records_ctx, r->records, r->n_records);
	if (rc == 0 && run->on_events && r->n_events)
		rc = run->on_events(run->events_ctx, r->events, r->n_events);
	cc_rep_result_fini(r);
	return rc;
}

static void report(void *ctx, const struct cc_progress *p, double elapsed_s)
{
	struct cc_run *run = ctx;
	if (run->on_progress)
		run->on_progress(run->progress_ctx, p, elapsed_s);
}

enum cc_status cc_run_execute(struct cc_run *run)
{
	const struct cc_scenario *scn = run->scn;
	cc_grid_init(&run->grid, scn->interval_s, scn->warmup_s, scn->horizon_s);
	run->replications = (size_t)scn->replications;
	run->figures = cc_figures(&run->n_figures);
	CC_NEW_ARRAY(run->values, run->n_figures);
	for (size_t f = 0; f < run->n_figures; f++)
		run->values[f] = cc_calloc(run->replications * cc_run_rows(run) *
		                               cc_run_width(run, &run->figures[f]),
		                           sizeof *run->values[f]);
	CC_NEW_ARRAY(run->counts, run->replications);
	CC_NEW_ARRAY(run->pending, run->replications);

	struct cc_progress progress;
	atomic_init(&progress.tasks_done, 0);
	atomic_init(&progress.events, 0);
	atomic_init(&progress.sim_ms, 0);
	struct cc_runner_job job = {
		.tasks = run->replications,
		.threads = run->threads,
		.ctx = run,
		.run = run_one,
		.commit = commit_one,
		.report = report,
	};
	double t0 = cc_runner_now();
	int rc = cc_runner_run(&job, &progress);
	run->wall_s = cc_runner_now() - t0;
	/* After a stop, replications that finished but were never committed still hold memory. */
	for (size_t i = 0; i < run->replications; i++)
		cc_rep_result_fini(&run->pending[i]);
	cc_free(run->pending);
	run->pending = NULL;
	return rc ? CC_ERR_IO : CC_OK;
}

void cc_run_fini(struct cc_run *run)
{
	if (!run)
		return;
	if (run->values)
		for (size_t f = 0; f < run->n_figures; f++)
			cc_free(run->values[f]);
	cc_free(run->values);
	cc_free(run->counts);
	cc_free(run->pending);
	run->values = NULL;
	run->counts = NULL;
	run->pending = NULL;
}
