#ifndef CC_RESULTS_H
#define CC_RESULTS_H

#include <stddef.h>

#include "models/run/run.h"

/*
 * The results file of a run (layout documented in results/README.md), in the netCDF-4 data
 * model so that xarray, netCDF, h5py and R read it with no ccsim code.
 *
 * cc_results_open creates the file under a temporary name before the run starts, so an
 * unwritable path fails at once, with every group, dimension and variable the run will fill;
 * cc_results_sink is the run's sink, which writes figures, counts, contact records and agent
 * events in blocks as the run hands them over; cc_results_finish writes the summaries over
 * the whole horizon and the provenance, and cc_results_commit renames the file into place
 * (cc_results_close does both). cc_results_discard removes everything after a failure: no
 * partial file is left behind.
 */

struct cc_results;

enum cc_status cc_results_open(const char *path, const struct cc_scenario *scn,
                               struct cc_results **out, char *err, size_t errlen);

/* As cc_results_open, for a run whose replication count is decided as it goes (a run to a
 * precision): the replication dimensions start at the scenario's count, grow as replications
 * come, and are cut to the count run by cc_results_finish (netCDF sees them as unlimited). */
enum cc_status cc_results_open_growing(const char *path, const struct cc_scenario *scn,
                                       struct cc_results **out, char *err, size_t errlen);

/* The sink that writes a run into R. */
struct cc_run_sink cc_results_sink(struct cc_results *r);

/* Why writing failed, once the sink has stopped a run ("" when nothing failed). */
const char *cc_results_error(const struct cc_results *r);

/* Writes the rest of what RUN measured and closes the file, complete, under its temporary
 * name; then cc_results_commit puts it in place (and frees R), or cc_results_discard throws
 * it away (on failure too: after a failed finish R holds nothing more). */
enum cc_status cc_results_finish(struct cc_results *r, const struct cc_run *run, char *err,
                                 size_t errlen);
enum cc_status cc_results_commit(struct cc_results *r, char *err, size_t errlen);

/* Finish and commit; frees R whatever happens. */
enum cc_status cc_results_close(struct cc_results *r, const struct cc_run *run, char *err,
                                size_t errlen);

/* Removes the temporary file and frees R. Accepts NULL. */
void cc_results_discard(struct cc_results *r);

/*
 * A sweep's file: the same groups and variables as a run's, each with a leading dimension
 * "point" (one per point of the sweep; every point shares the scenario's queues, groups,
 * statuses, channels, intervals and replications), with no contact records or agent events,
 * and /sweep/diff/totals/<owner>/<figure>: each point's paired difference against the base
 * point. Each point runs with a sink of its own (cc_results_point_sink, on any thread); the
 * writer's thread then writes the point with cc_results_write_point, in any order, and
 * finally the differences with cc_results_write_diffs. cc_results_finish (RUN may be NULL),
 * cc_results_commit and cc_results_discard end it as a run's.
 */
struct cc_sweep_points {
	size_t points;
	const char *const *labels;  /* [points]: each point's settings as written, "A=1, B=2" */
	size_t n_paths;
	const char *const *paths;   /* [n_paths]: the varied settings' paths */
	const char *const *values;  /* [points * n_paths]: point p's value of path i at
	                               p * n_paths + i, as written */
	size_t base;                /* the point differences are taken against (from 0) */
	int zip;                    /* the values were taken together (else the full grid) */
	const char *overrides;      /* the --set every point shares, one per line */
};

/* Opens a sweep's file, as cc_results_open (GROWING: as cc_results_open_growing, for points
 * run to a precision); SCN is any point's scenario (the first), and SCN and SWEEP must outlive
 * R. */
enum cc_status cc_results_open_sweep(const char *path, const struct cc_scenario *scn,
                                     const struct cc_sweep_points *sweep, int growing,
                                     struct cc_results **out, char *err, size_t errlen);

/* What one point's run hands its sink, kept in memory until it is written (room for more
 * replications than the file's count is made as they come). */
struct cc_results_point;
struct cc_results_point *cc_results_point_create(const struct cc_results *r);
void cc_results_point_destroy(struct cc_results_point *p); /* accepts NULL */
struct cc_run_sink cc_results_point_sink(struct cc_results_point *p);

/* About the bytes a point of SCN with REPLICATIONS holds while it waits to be written. */
double cc_results_point_bytes(const struct cc_scenario *scn, size_t replications);

/* Each replication's totals, [replications * cells] as struct cc_run's totals. */
const double *cc_results_point_totals(const struct cc_results_point *p);

/* Writes point POINT of the sweep: what P kept of RUN, and RUN's summary totals. CC_ERR_IO
 * (the reason in cc_results_error) when writing failed. */
enum cc_status cc_results_write_point(struct cc_results *r, size_t point,
                                      const struct cc_results_point *p,
                                      const struct cc_run *run);

/* Writes /sweep/diff/totals: for every point and cell, the paired difference of TOTALS[point]
 * (each [replications * cells]) against TOTALS[base] (cc_compare_diff at 95 %). */
enum cc_status cc_results_write_diffs(struct cc_results *r, const double *const *totals);

/* The default path of a scenario's results: results/<name>.h5. */
void cc_results_default_path(const struct cc_scenario *scn, char *buf, size_t len);

#endif
