/* A sweep's results file: each point's figures, kept as its run hands them over and written
 * through the run's own writer at the point's place, then the differences against the base
 * point. */
#include <string.h>

#include "models/output/compare.h"
#include "models/output/results_impl.h"
#include "sim/alloc.h"

struct cc_results_point {
	size_t cells, rows, reps;     /* reps: the replications kept */
	size_t cap;                   /* the replications there is room for */
	size_t expected;              /* the file's replication count when the point was made */
	int has_intervals;
	double *summary;              /* [rows][cells][CC_RUN_STATS] */
	double *totals;               /* [reps][cells] */
	struct cc_rep_counts *counts; /* [reps] */
	double *rep_intervals;        /* [reps][rows][cells], when the file has them */
};

struct cc_results_point *cc_results_point_create(const struct cc_results *r)
{
	struct cc_results_point *p = cc_calloc(1, sizeof *p);
	p->cells = r->layout.cells;
	p->rows = r->grid.count;
	p->has_intervals = r->rep_intervals != NULL;
	p->expected = r->replications;
	p->summary = cc_calloc(p->rows * p->cells * CC_RUN_STATS, sizeof *p->summary);
	return p;
}

double cc_results_point_bytes(const struct cc_scenario *scn, size_t replications)
{
	struct cc_layout layout;
	struct cc_grid grid;
	cc_layout_init(&layout, scn);
	cc_grid_init(&grid, scn->interval_s, scn->warmup_s, scn->horizon_s);
	double cells = (double)layout.cells, rows = (double)grid.count, reps = (double)replications;
	cc_layout_fini(&layout);
	return rows * cells * CC_RUN_STATS * sizeof(double) +
	       reps * (cells * sizeof(double) + sizeof(struct cc_rep_counts)) +
	       (scn->rep_intervals ? reps * rows * cells * sizeof(double) : 0);
}

/* Makes room for replication REP. */
static void reserve(struct cc_results_point *p, size_t rep)
{
	if (rep >= p->cap) {
		/* The file's count first (a plain sweep needs no more), then doubling. */
		p->cap = rep + 1 > 2 * p->cap ? rep + 1 : 2 * p->cap;
		if (p->cap < p->expected)
			p->cap = p->expected;
		p->totals = cc_realloc(p->totals, p->cap * p->cells, sizeof *p->totals);
		p->counts = cc_realloc(p->counts, p->cap, sizeof *p->counts);
		if (p->has_intervals)
			p->rep_intervals = cc_realloc(p->rep_intervals, p->cap * p->rows * p->cells,
			                              sizeof *p->rep_intervals);
	}
	if (rep + 1 > p->reps)
		p->reps = rep + 1;
}

void cc_results_point_destroy(struct cc_results_point *p)
{
	if (!p)
		return;
	cc_free(p->summary);
	cc_free(p->totals);
	cc_free(p->counts);
	cc_free(p->rep_intervals);
	cc_free(p);
}

const double *cc_results_point_totals(const struct cc_results_point *p)
{
	return p->totals;
}

static int keep_summaries(void *ctx, size_t first, size_t n, const double *stats)
{
	struct cc_results_point *p = ctx;
	CC_ASSERT(first + n <= p->rows);
	size_t row = p->cells * CC_RUN_STATS;
	memcpy(p->summary + first * row, stats, n * row * sizeof *stats);
	return 0;
}

static int keep_replication(void *ctx, size_t rep, const double *totals,
                            const struct cc_rep_counts *counts)
{
	struct cc_results_point *p = ctx;
	reserve(p, rep);
	memcpy(p->totals + rep * p->cells, totals, p->cells * sizeof *totals);
	p->counts[rep] = *counts;
	return 0;
}

static int keep_rep_intervals(void *ctx, size_t rep, size_t first, size_t n, const double *cells)
{
	struct cc_results_point *p = ctx;
	CC_ASSERT(first + n <= p->rows);
	reserve(p, rep);
	if (p->rep_intervals)
		memcpy(p->rep_intervals + (rep * p->rows + first) * p->cells, cells,
		       n * p->cells * sizeof *cells);
	return 0;
}

struct cc_run_sink cc_results_point_sink(struct cc_results_point *p)
{
	return (struct cc_run_sink){ .ctx = p, .replication = keep_replication,
	                             .rep_intervals = keep_rep_intervals,
	                             .intervals = keep_summaries };
}

/* The point's figures go through the run's sink, in the order a run hands them over, so that
 * the file's values are those of a run's file bit for bit. */
enum cc_status cc_results_write_point(struct cc_results *r, size_t point,
                                      const struct cc_results_point *p,
                                      const struct cc_run *run)
{
	CC_ASSERT(r->sweep && point < r->sweep->points);
	CC_ASSERT(p->cells == r->layout.cells && p->rows == r->grid.count &&
	          p->reps == run->replications &&
	          (r->growing || run->replications == r->replications));
	r->point = point;
	/* A growing file (points run to a precision) takes its final length first, so that the
	 * writer's blocks end with each point's last replication. */
	if (r->growing && r->replications != p->reps)
		cc_results_resize_replications(r, p->reps);
	struct cc_run_sink s = cc_results_sink(r);
	int failed = p->rows && s.intervals(s.ctx, 0, p->rows, p->summary);
	for (size_t rep = 0; rep < p->reps && !failed; rep++)
		failed = s.replication(s.ctx, rep, p->totals + rep * p->cells, &p->counts[rep]);
	for (size_t rep = 0; p->rep_intervals && p->rows && rep < p->reps && !failed; rep++)
		failed = s.rep_intervals(s.ctx, rep, 0, p->rows,
		                         p->rep_intervals + rep * p->rows * p->cells);
	if (!failed)
		cc_results_write_totals(r, r->summary_totals, run->totals_summary);
	return cc_results_error(r)[0] ? CC_ERR_IO : CC_OK;
}

enum cc_status cc_results_write_diffs(struct cc_results *r, const double *const *totals)
{
	const struct cc_sweep_points *sw = r->sweep;
	CC_ASSERT(sw && sw->base < sw->points);
	size_t cells = r->layout.cells, reps = r->reps_seen, nf = r->layout.n_figures;
	cc_h5_group(r->file, "/sweep", "what only a sweep has: each point against the base point");
	cc_h5_attr_int64(r->file, "/sweep", "base", (int64_t)sw->base + 1);
	cc_h5_attr_string(r->file, "/sweep", "base_point", sw->labels[sw->base]);
	struct cc_results_stats stats = {
		CC_DIFF_STATS, cc_diff_stat_names,
		"diff: the mean of the paired differences (point minus base point, replication by replication); lo, hi: its 95 % Student-t interval; p: the two-sided p-value of no difference"
	};
	struct cc_h5_var **vars = cc_calloc(nf, sizeof *vars);
	for (int o = 0; o < CC_FIG_OWNER_COUNT; o++)
		if (r->layout.entities[o])
			cc_results_make_group(r, cc_sweep_diff_view.dir, cc_sweep_diff_view.what, 0,
			                      &stats, (enum cc_figure_owner)o, vars);
	double *buf = cc_calloc(cells * CC_DIFF_STATS, sizeof *buf);
	double *base = cc_calloc(reps, sizeof *base), *cand = cc_calloc(reps, sizeof *cand);
	for (size_t p = 0; p < sw->points && !cc_results_error(r)[0]; p++) {
		for (size_t c = 0; c < cells; c++) {
			for (size_t i = 0; i < reps; i++) {
				base[i] = totals[sw->base][i * cells + c];
				cand[i] = totals[p][i * cells + c];
			}
			struct cc_diff d;
			cc_compare_diff(base, reps, cand, reps, 1, CC_RUN_LEVEL, &d);
			double *out = buf + c * CC_DIFF_STATS;
			out[CC_DIFF_DIFF] = d.diff;
			out[CC_DIFF_LO] = d.lo;
			out[CC_DIFF_HI] = d.hi;
			out[CC_DIFF_P] = d.p;
		}
		r->point = p;
		for (size_t f = 0; f < nf; f++)
			if (vars[f])
				cc_results_write_figure(r, vars[f], f, 0, NULL, NULL, CC_DIFF_STATS, buf);
	}
	for (size_t f = 0; f < nf; f++)
		cc_h5_var_close(vars[f]);
	cc_free(vars);
	cc_free(buf);
	cc_free(base);
	cc_free(cand);
	return cc_results_error(r)[0] ? CC_ERR_IO : CC_OK;
}
