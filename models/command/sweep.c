/* "ccsim sweep": a scenario over a grid of settings, every point with the same seed and
 * replications, into one results file with a leading dimension "point". */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "models/command/command.h"
#include "models/command/sweep.h"
#include "models/run/run.h"
#include "sim/alloc.h"
#include "sim/cli.h"
#include "sim/ranks.h"
#include "sim/duration.h"

static const char sweep_usage[] =
	"usage: ccsim sweep SCENARIO --vary PATH=V1,V2,... [--vary ...] [options]\n"
	"\n"
	"Runs SCENARIO once per point of a grid of settings, every point with the same seed and\n"
	"replications (replication i of every point sees the same contacts), writes every figure\n"
	"of every point to one HDF5 file (a leading dimension \"point\") with each point's paired\n"
	"difference against a base point, and prints one row per point.\n"
	"\n"
	"options:\n"
	"  --vary PATH=V1,V2,... a setting and its values, as --set takes them (a comma inside\n"
	"                        brackets or quotes does not split); repeatable: every\n"
	"                        combination, the first --vary slowest\n"
	"  --zip                 take the --vary lists together (equal lengths) rather than\n"
	"                        every combination\n"
	"  --base N              the point differences are taken against: its number from 1 or\n"
	"                        its label, e.g. 'channels.voice.offer_timeout=18s' (default 1)\n"
	"  --show LIST           figures to print, comma-separated, named as in the results\n"
	"                        file: FIGURE for every entity of the first owner that has it,\n"
	"                        OWNER.FIGURE for one queue, group or channel (default\n"
	"                        service_level,asa_s,abandon_rate: every queue)\n"
	"  -o, --output FILE     results file (default results/<scenario name>-sweep.h5)\n"
	"  --replications N      replications per point (default: the scenario's)\n"
	"  --seed N              master seed (default: the scenario's)\n"
	"  --threads N           threads in all (default 1): points run one after another on N\n"
	"                        threads, or several at once when they have fewer replications\n"
	"                        than N; results are identical whatever N\n"
	"  --set PATH=VALUE      change a setting of every point (repeatable)\n"
	"  --precision T         run every point in the same batches until the half-width of\n"
	"                        every figure T names is at most its target at every point\n"
	"                        (repeatable; see 'ccsim run --help'); all points keep the same\n"
	"                        replications, so stay paired\n"
	"  --max-replications N  the most replications per point to a precision (default 1000)\n"
	"  --json                print the points' figures and differences as JSON on stdout\n"
	"  --quiet               no progress line, no table, no notes\n"
	"  --strict              refuse a point that draws a warning (exit 2), for CI\n"
	"  -h, --help            this text\n"
	"\n"
	"Every point is loaded and validated before any runs: a bad value exits 2 naming the\n"
	"point. The points may not change what the file is laid out by (queues, groups,\n"
	"statuses, channels, horizon, warm-up, intervals, seed, replications). A sweep writes no\n"
	"contact records or agent events (output.contact_records, output.agent_events).\n"
	"Progress shows on stderr when it is a terminal and the sweep takes more than a second.\n"
	"SIGINT, SIGTERM or SIGHUP stop the sweep: nothing is written, exit 130, 143 or 129.\n"
	"\n"
	"exit codes: 0 done; 1 a run failed (I/O, output); 2 bad usage or scenario;\n"
	"128 + N stopped by signal N\n";

/* ---- running the points ---- */

/* The points' runs, shared by the workers that run them and the thread that writes them. */
struct sweep_job {
	struct cc_scenario *scns;
	struct cc_run *runs;
	struct cc_results_point **kept;
	const struct cc_results *results;
	size_t points, next;
	size_t written;      /* points written (and freed) by the writer */
	size_t held;         /* the most points run ahead of the writer */
	int *done;
	enum cc_status *status;
	atomic_size_t *reps_done;
	atomic_uint_fast64_t *sim_ms;
	atomic_int stop;     /* every run stops: a signal, or a point failed */
	pthread_mutex_t lock;
	pthread_cond_t cond;
};

struct worker {
	struct sweep_job *job;
	int threads;
	pthread_t id;
};

struct point_progress {
	struct sweep_job *job;
	size_t point;
};

static void point_progress(void *ctx, const struct cc_progress *p, double elapsed_s)
{
	(void)elapsed_s;
	struct point_progress *pp = ctx;
	atomic_store(&pp->job->reps_done[pp->point], atomic_load(&p->tasks_done));
	atomic_store(&pp->job->sim_ms[pp->point], atomic_load(&p->sim_ms));
}

/* A worker: runs the next point not taken, on its threads, until none is left. */
static void *work(void *arg)
{
	struct worker *w = arg;
	struct sweep_job *job = w->job;
	for (;;) {
		pthread_mutex_lock(&job->lock);
		/* Points finished ahead of the writer wait in memory: at most HELD of them. */
		while (!job->stop && job->next < job->points && job->next >= job->written + job->held)
			pthread_cond_wait(&job->cond, &job->lock);
		size_t p = job->next;
		int go = p < job->points && !job->stop;
		if (go)
			job->next++;
		pthread_mutex_unlock(&job->lock);
		if (!go)
			return NULL;
		struct point_progress pp = { job, p };
		job->kept[p] = cc_results_point_create(job->results);
		job->runs[p] = (struct cc_run){
			.scn = &job->scns[p],
			.threads = w->threads,
			.sink = cc_results_point_sink(job->kept[p]),
			.on_progress = point_progress,
			.progress_ctx = &pp,
			.stop = &job->stop,
		};
		enum cc_status st = cc_run_execute(&job->runs[p]);
		pthread_mutex_lock(&job->lock);
		job->status[p] = st;
		job->done[p] = 1;
		if (st)
			job->stop = 1;
		pthread_cond_broadcast(&job->cond);
		pthread_mutex_unlock(&job->lock);
	}
}

/* The progress line across the sweep, from the thread that writes: the first point not done
 * and its replications, then the simulated hours of every point. */
static void show_progress(struct sweep_job *job, double elapsed_s, double horizon_h,
                          size_t reps, int *shown)
{
	size_t point = job->points;
	double sim_h = 0;
	for (size_t p = 0; p < job->points; p++) {
		sim_h += (double)atomic_load(&job->sim_ms[p]) / 3.6e6;
		if (!job->done[p] && point == job->points)
			point = p;
	}
	if (point == job->points)
		point = job->points - 1;
	double total_h = horizon_h * (double)reps * (double)job->points;
	double frac = total_h > 0 ? sim_h / total_h : 0;
	char left[32] = "";
	if (frac > 0.01 && frac < 1)
		cc_duration_format(round(elapsed_s * (1 - frac) / frac), left, sizeof left);
	cc_cli_progress("point %zu/%zu · replications %zu/%zu · simulated %.0f of %.0f h (%.0f %%)%s%s",
	                point + 1, job->points, (size_t)atomic_load(&job->reps_done[point]), reps,
	                sim_h, total_h, 100 * frac, left[0] ? " · left " : "", left);
	*shown = 1;
}

/* What the table shows of point P, and its totals for the differences, kept before its run
 * is freed. */
static void keep_view(struct sweep_view *v, size_t p, const struct cc_run *run,
                      const struct cc_results_point *kept, double **totals)
{
	for (size_t c = 0; c < v->n_cols; c++)
		v->summary[p * v->n_cols + c] =
			cc_running_summary(&run->totals_summary[v->cols[c].cell], CC_RUN_LEVEL);
	totals[p] = cc_calloc(v->replications * v->cells, sizeof **totals);
	memcpy(totals[p], cc_results_point_totals(kept),
	       v->replications * v->cells * sizeof **totals);
}

/*
 * Prints why the sweep failed and returns its status: ST the sweep's (CC_ERR_IO: writing
 * failed; CC_ERR_STOPPED: a point did not finish), POINT_ST that of point FAILED (< POINTS,
 * with its RUN) when a point failed of itself. CC_OK when nothing failed.
 */
static enum cc_status report_failure(enum cc_status st, enum cc_status point_st,
                                     const struct cc_scenario *scns, size_t failed,
                                     size_t points, const struct cc_run *run,
                                     const struct cc_results *r,
                                     const struct cc_sweep_points *sw)
{
	if (cc_cmd_stop_flag) {
		st = CC_ERR_STOPPED;
		cc_cli_error("stopped by %s: no results written", cc_cmd_signal_name());
	} else if (st == CC_ERR_IO || (failed < points && point_st == CC_ERR_IO)) {
		st = CC_ERR_IO;
		cc_cli_error("%s", cc_results_error(r)[0] ? cc_results_error(r)
		                                          : "writing the results failed");
	} else if (failed < points) {
		st = point_st;
		cc_cli_error("%s: point %zu (%s): %s; no results written", scns[failed].path,
		             failed + 1, sw->labels[failed],
		             st == CC_ERR_STALLED ? run->error : cc_strerror(st));
	} else if (st) {
		cc_cli_error("stopped: no results written");
	}
	return st;
}

/* How many points run at once on THREADS threads: with fewer replications than threads,
 * several, the threads shared out. With MPI ranks, one: the ranks share each point's
 * replications, and a rank's runs must send their messages one after another. */
static size_t workers_for(size_t reps, long long threads, size_t points)
{
	size_t n = reps >= (size_t)threads || cc_ranks_size() > 1 ? 1 : (size_t)threads / reps;
	return n < points ? n : points;
}

/*
 * Runs every point on THREADS threads in all and writes each into R as soon as it and the
 * points before it are done; TOTALS[p] receives point p's totals. Returns CC_OK, or the first
 * failure in point order (printed; the results are then to be discarded).
 */
static enum cc_status run_points(struct cc_scenario *scns, size_t points, int threads,
                                 int quiet, struct cc_results *r, struct sweep_view *v,
                                 double **totals)
{
	size_t reps = (size_t)scns[0].replications;
	size_t n_workers = workers_for(reps, threads, points);
	struct sweep_job job = { .scns = scns, .results = r, .points = points,
	                         .held = 2 * n_workers };
	job.runs = cc_calloc(points, sizeof *job.runs);
	job.kept = cc_calloc(points, sizeof *job.kept);
	job.done = cc_calloc(points, sizeof *job.done);
	job.status = cc_calloc(points, sizeof *job.status);
	job.reps_done = cc_calloc(points, sizeof *job.reps_done);
	job.sim_ms = cc_calloc(points, sizeof *job.sim_ms);
	pthread_mutex_init(&job.lock, NULL);
	pthread_cond_init(&job.cond, NULL);
	struct worker *w = cc_calloc(n_workers, sizeof *w);
	size_t started = 0;
	for (size_t i = 0; i < n_workers; i++) {
		w[i].job = &job;
		w[i].threads = threads / (int)n_workers + ((int)i < threads % (int)n_workers);
		if (pthread_create(&w[i].id, NULL, work, &w[i]) != 0)
			break;
		started++;
	}
	if (started == 0)
		cc_fail(__FILE__, __LINE__, "cannot start a thread");
	int progress = cc_cli_progress_wanted(quiet), shown = 0;
	double t0 = cc_runner_now(), horizon_h = scns[0].horizon_s / 3600;
	enum cc_status st = CC_OK;
	for (size_t p = 0; p < points; p++) {
		pthread_mutex_lock(&job.lock);
		while (!job.done[p] && !(job.stop && job.next <= p)) {
			struct timespec until;
			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_nsec += 250000000;
			if (until.tv_nsec >= 1000000000)
				until.tv_sec++, until.tv_nsec -= 1000000000;
			pthread_cond_timedwait(&job.cond, &job.lock, &until);
			if (cc_cmd_stop_flag && !job.stop) {
				job.stop = 1;
				pthread_cond_broadcast(&job.cond);
			}
			if (progress && cc_runner_now() - t0 >= 1) {
				pthread_mutex_unlock(&job.lock);
				show_progress(&job, cc_runner_now() - t0, horizon_h, reps, &shown);
				pthread_mutex_lock(&job.lock);
			}
		}
		int done = job.done[p];
		pthread_mutex_unlock(&job.lock);
		if (!done || job.status[p]) {
			st = CC_ERR_STOPPED; /* the cause is found below */
			break;
		}
		if (cc_results_write_point(r, p, job.kept[p], &job.runs[p]) != CC_OK) {
			st = CC_ERR_IO;
			pthread_mutex_lock(&job.lock);
			job.stop = 1;
			pthread_cond_broadcast(&job.cond);
			pthread_mutex_unlock(&job.lock);
			break;
		}
		keep_view(v, p, &job.runs[p], job.kept[p], totals);
		cc_results_point_destroy(job.kept[p]);
		job.kept[p] = NULL;
		cc_run_fini(&job.runs[p]);
		pthread_mutex_lock(&job.lock);
		job.done[p] = 2; /* written and freed */
		job.written = p + 1;
		pthread_cond_broadcast(&job.cond);
		pthread_mutex_unlock(&job.lock);
	}
	/* Whatever ended the loop, no worker waits for a point to be written any more. */
	pthread_mutex_lock(&job.lock);
	job.stop |= job.written < points;
	pthread_cond_broadcast(&job.cond);
	pthread_mutex_unlock(&job.lock);
	for (size_t i = 0; i < started; i++)
		pthread_join(w[i].id, NULL);
	if (shown)
		cc_cli_progress_end();
	/* A point that failed stops the others, which then end as stopped: the cause is the
	 * first point that failed of itself. */
	size_t failed = points;
	for (size_t p = 0; p < points && failed == points; p++)
		if (job.done[p] == 1 && job.status[p] && job.status[p] != CC_ERR_STOPPED)
			failed = p;
	st = report_failure(st, failed < points ? job.status[failed] : CC_OK, scns, failed, points,
	                    failed < points ? &job.runs[failed] : NULL, r, v->sw);
	for (size_t p = 0; p < points; p++) {
		cc_results_point_destroy(job.kept[p]);
		if (job.done[p] == 1)
			cc_run_fini(&job.runs[p]);
	}
	pthread_mutex_destroy(&job.lock);
	pthread_cond_destroy(&job.cond);
	cc_free(w);
	cc_free(job.runs);
	cc_free(job.kept);
	cc_free(job.done);
	cc_free(job.status);
	cc_free((void *)job.reps_done);
	cc_free((void *)job.sim_ms);
	return st;
}

/* The precision check of a sweep: every point's own half-widths, the next total the most any
 * point needs. The targets' cells are left as the point farthest from them has them. */
struct sweep_precision {
	struct cc_precision *precision;
	struct cc_run *runs;
	struct cc_cmd_progress *views;
	size_t points;
	size_t worst;        /* the point farthest from the targets at the last check */
};

static size_t check_points(void *ctx)
{
	struct sweep_precision *sp = ctx;
	struct cc_precision *pr = sp->precision;
	size_t checks = pr->checks, n = sp->runs[0].replications, next = n, worst = 0;
	double widest = -1;
	int met = 1;
	for (size_t p = 0; p < sp->points; p++) {
		size_t want = cc_precision_check_run(pr, &sp->runs[p]);
		if (pr->worst_ratio > widest) {
			widest = pr->worst_ratio;
			worst = p;
		}
		met &= pr->met;
		if (want > next)
			next = want;
	}
	cc_precision_check_run(pr, &sp->runs[worst]);
	sp->worst = worst;
	pr->checks = checks + 1;
	pr->met = met;
	char note[128];
	cc_precision_describe(pr, note, sizeof note);
	for (size_t p = 0; p < sp->points; p++)
		snprintf(sp->views[p].note, sizeof sp->views[p].note, "point %zu: %s", worst + 1, note);
	return next;
}

/*
 * Runs every point to --precision P: all points in the same batches, one after another on all
 * THREADS, until every point's half-widths meet their targets; then writes each into R, whose
 * replication dimensions grow. TOTALS[p] receives point p's totals. Returns as run_points.
 */
static enum cc_status run_points_to_precision(struct cc_scenario *scns, size_t points,
                                              int threads, int quiet, struct cc_results *r,
                                              struct cc_precision *precision,
                                              struct sweep_view *v, double **totals,
                                              char *reached, size_t len)
{
	struct cc_run *runs = cc_calloc(points, sizeof *runs), **each = cc_calloc(points, sizeof *each);
	struct cc_results_point **kept = cc_calloc(points, sizeof *kept);
	struct cc_cmd_progress *views = cc_calloc(points, sizeof *views);
	char (*labels)[48] = cc_calloc(points, sizeof *labels);
	for (size_t p = 0; p < points; p++) {
		snprintf(labels[p], sizeof labels[p], "point %zu/%zu", p + 1, points);
		views[p].label = labels[p];
		kept[p] = cc_results_point_create(r);
		runs[p] = (struct cc_run){
			.scn = &scns[p],
			.threads = threads,
			.sink = cc_results_point_sink(kept[p]),
			.on_progress = cc_cli_progress_wanted(quiet) ? cc_cmd_show_progress : NULL,
			.progress_ctx = &views[p],
			.stop = &cc_cmd_stop_flag,
		};
		each[p] = &runs[p];
	}
	struct sweep_precision sp = { precision, runs, views, points, 0 };
	size_t failed = 0;
	enum cc_status st = cc_cmd_runs_to_precision(each, points, cc_cmd_first_batch(&scns[0]),
	                                             check_points, &sp, &failed);
	int shown = 0;
	for (size_t p = 0; p < points; p++)
		shown |= views[p].shown;
	if (shown)
		cc_cli_progress_end();
	v->replications = runs[0].replications;
	if (!st) {
		char of[64];
		snprintf(of, sizeof of, " of every point (the widest at point %zu)", sp.worst + 1);
		cc_cmd_precision_summary(precision, of, v->replications, reached, len);
	}
	for (size_t p = 0; p < points && !st; p++) {
		if (cc_results_write_point(r, p, kept[p], &runs[p]) != CC_OK)
			st = CC_ERR_IO;
		else
			keep_view(v, p, &runs[p], kept[p], totals);
	}
	enum cc_status point_st = st;
	st = report_failure(st, point_st, scns, st && st != CC_ERR_IO ? failed : points, points,
	                    &runs[failed], r, v->sw);
	for (size_t p = 0; p < points; p++) {
		cc_results_point_destroy(kept[p]);
		cc_run_fini(&runs[p]);
	}
	cc_free(runs);
	cc_free(each);
	cc_free(kept);
	cc_free(views);
	cc_free(labels);
	return st;
}

/* ---- the command ---- */

/* Reads the command line into A; returns 0 or -1 (printed). */
static int parse_args(int argc, char **argv, struct sweep_args *a)
{
	const char *v;
	for (int i = 1; i < argc; i++) {
		int m;
		if ((m = cc_cli_option(argc, argv, &i, "-o", &v)) ||
		    (m = cc_cli_option(argc, argv, &i, "--output", &v))) {
			a->output = v;
			if (m > 0 && !v[0])
				cc_cli_error("sweep: -o needs a file name (got an empty one)"), m = -1;
		} else if ((m = cc_cli_option(argc, argv, &i, "--vary", &v))) {
			if (m > 0)
				a->vary[a->n_vary++] = v;
		} else if ((m = cc_cli_option(argc, argv, &i, "--base", &v)))
			a->base = v;
		else if ((m = cc_cli_option(argc, argv, &i, "--show", &v)))
			a->show = v;
		else if ((m = cc_cli_option(argc, argv, &i, "--replications", &v)))
			m = m > 0 && cc_cli_long("--replications", v, 1, 100000, &a->reps) ? -1 : m;
		else if ((m = cc_cli_option(argc, argv, &i, "--seed", &v)))
			m = m > 0 && cc_cli_long("--seed", v, 0, INT64_MAX, &a->seed) ? -1 : m;
		else if ((m = cc_cli_option(argc, argv, &i, "--threads", &v)))
			m = m > 0 && cc_cli_long("--threads", v, 1, 1024, &a->threads) ? -1 : m;
		else if ((m = cc_cli_option(argc, argv, &i, "--max-replications", &v)))
			m = m > 0 && cc_cli_long("--max-replications", v, 2, 100000, &a->max_reps) ? -1 : m;
		else if ((m = cc_cli_option(argc, argv, &i, "--precision", &v)) > 0) {
			char err[CC_CMD_ERR_LEN];
			if (cc_precision_parse(v, &a->targets[a->n_targets++], err, sizeof err))
				cc_cli_error("sweep: %s", err), m = -1;
		} else if (m < 0)
			return -1;
		else if (strcmp(argv[i], "--zip") == 0)
			a->zip = 1, m = 1;
		else if (strcmp(argv[i], "--json") == 0)
			a->json = 1, m = 1;
		else if (strcmp(argv[i], "--quiet") == 0)
			a->quiet = 1, m = 1;
		else if (!(m = cc_cmd_scenario_arg(argc, argv, &i, "sweep", &a->sa)))
			cc_cli_error("sweep: unknown option '%s' (try 'ccsim sweep --help')", argv[i]), m = -1;
		if (m < 0)
			return -1;
	}
	if (!a->sa.path) {
		cc_cli_error("sweep: which scenario? (usage: ccsim sweep SCENARIO --vary PATH=V1,V2,...)");
		return -1;
	}
	if (a->max_reps > 0 && !a->n_targets) {
		cc_cli_error("sweep: --max-replications goes with --precision");
		return -1;
	}
	if (a->n_vary == 0) {
		cc_cli_error("sweep: what to vary? (--vary PATH=V1,V2,..., e.g. --vary channels.voice.offer_timeout=6s,12s,18s)");
		return -1;
	}
	return 0;
}

/* The --set every point shares, one per line, for the file's "overrides" attribute. */
static char *shared_overrides(const struct scenario_args *sa)
{
	size_t len = 1;
	for (size_t i = 0; i < sa->n_sets; i++)
		len += strlen(sa->sets[i]) + 1;
	char *s = cc_calloc(len, 1);
	for (size_t i = 0; i < sa->n_sets; i++)
		strcat(strcat(s, sa->sets[i]), "\n");
	return s;
}

/* Runs the loaded points SCNS into the file at PATH and prints what A asks; returns the exit
 * code. */
static int sweep_points(const struct sweep_args *a, struct cc_sweep_points *sw,
                        struct cc_scenario *scns, const char *path)
{
	char err[CC_CMD_ERR_LEN];
	struct cc_layout layout;
	cc_layout_init(&layout, &scns[0]);
	struct sweep_view v = { .sw = sw, .scenario_name = scns[0].name, .results_path = path,
	                        .replications = (size_t)scns[0].replications,
	                        .seed = (unsigned long long)scns[0].seed, .cells = layout.cells };
	if (cc_sweep_columns(a->show, &layout, &v.cols, &v.n_cols)) {
		cc_layout_fini(&layout);
		return cc_status_exit_code(CC_ERR_USAGE);
	}
	cc_layout_fini(&layout);
	struct cc_precision precision;
	if (a->n_targets) {
		int rc = cc_cmd_bind_precision(&precision, a->targets, a->n_targets, &scns[0],
		                               a->max_reps, "sweep");
		if (rc) {
			cc_free(v.cols);
			return rc;
		}
	}
	/* Memory: the runs in flight, the points finished and waiting to be written (kept whole),
	 * and every point's totals, kept for the differences. To a precision the points run one
	 * after another in each batch, but every point's summaries and kept figures are held
	 * until the end, as many replications as the maximum allows. */
	size_t workers = workers_for(v.replications, a->threads, sw->points);
	size_t most = a->n_targets ? precision.max : v.replications;
	double point = cc_results_point_bytes(&scns[0], most);
	double totals_bytes = (double)sw->points * (double)most * (double)v.cells * sizeof(double);
	double bytes = a->n_targets
		? cc_run_memory_estimate(&scns[0], (int)a->threads, 1, 0) + totals_bytes +
		          (double)sw->points * (point + cc_run_memory_estimate(&scns[0], 1, 1, 0) -
		                                cc_run_memory_estimate(&scns[0], 1, 0, 0))
		: (double)workers * cc_run_memory_estimate(&scns[0], (int)(a->threads /
		                                                    (long long)workers), 0, 0) +
		          (double)(2 * workers < sw->points ? 2 * workers : sw->points) * point +
		          totals_bytes;
	double limit = cc_run_memory_limit();
	if (bytes > limit) {
		char what[256];
		cc_run_memory_explain(&scns[0], (int)a->threads, what, sizeof what);
		cc_cli_error("%s: the sweep would hold about %.1f GiB, more than the %.1f GiB this "
		             "machine allows (%.0f MiB for each point's figures kept; a run: %s)",
		             scns[0].path, bytes / 1073741824.0, limit / 1073741824.0,
		             point / 1048576, what);
		cc_free(v.cols);
		return cc_status_exit_code(CC_ERR_SCENARIO);
	}
	struct cc_results *r = NULL;
	enum cc_status st = cc_results_open_sweep(path, &scns[0], sw, a->n_targets > 0, &r, err,
	                                          sizeof err);
	if (st) {
		cc_cli_error("%s", err);
		cc_free(v.cols);
		return cc_status_exit_code(st);
	}
	double **totals = cc_calloc(sw->points, sizeof *totals);
	v.summary = cc_calloc(sw->points * (v.n_cols ? v.n_cols : 1), sizeof *v.summary);
	v.totals = (const double *const *)totals;
	char reached[512] = "";
	if (a->n_targets) {
		st = run_points_to_precision(scns, sw->points, (int)a->threads, a->quiet, r, &precision,
		                             &v, totals, reached, sizeof reached);
		if (!st && !precision.met)
			cc_cli_put_line(stderr, reached);
	} else {
		st = run_points(scns, sw->points, (int)a->threads, a->quiet, r, &v, totals);
	}
	if (st) {
		cc_results_discard(r);
	} else if ((st = cc_results_write_diffs(r, v.totals)) ||
	           (st = cc_results_finish(r, NULL, err, sizeof err))) {
		cc_cli_error("%s", cc_results_error(r)[0] ? cc_results_error(r) : err);
		cc_results_discard(r);
	} else if (cc_cmd_stop_flag) { /* a signal while the file was being finished */
		st = CC_ERR_STOPPED;
		cc_cli_error("stopped by %s: no results written", cc_cmd_signal_name());
		cc_results_discard(r);
	} else {
		/* As 'ccsim run': what stdout was asked for goes out before the file is put in
		 * place, so that output that cannot be written fails the sweep. */
		if (a->json)
			cc_sweep_print_json(stdout, &v);
		else if (!a->quiet)
			cc_sweep_print_table(stdout, &v);
		if (!a->json && !a->quiet && reached[0])
			printf("%s\n", reached);
		if (cc_cmd_stdout_failed()) {
			st = CC_ERR_IO;
			cc_results_discard(r);
		} else if ((st = cc_results_commit(r, err, sizeof err))) {
			cc_cli_error("%s", err);
		}
	}
	for (size_t p = 0; p < sw->points; p++)
		cc_free(totals[p]);
	cc_free(totals);
	cc_free(v.summary);
	cc_free(v.cols);
	if (a->n_targets)
		cc_precision_fini(&precision);
	if (st == CC_ERR_STOPPED)
		return cc_cmd_stop_exit_code();
	return cc_status_exit_code(st);
}

int cc_cmd_sweep(int argc, char **argv)
{
	if (cc_cmd_wants_help(argc, argv)) {
		fputs(sweep_usage, stdout);
		return 0;
	}
	struct sweep_args a = { .seed = -1, .threads = 1, .max_reps = -1 };
	a.sa.sets = cc_calloc((size_t)argc, sizeof *a.sa.sets);
	a.targets = cc_calloc((size_t)argc, sizeof *a.targets);
	a.vary = cc_calloc((size_t)argc, sizeof *a.vary);
	struct varied *v = cc_calloc((size_t)argc, sizeof *v);
	struct cc_sweep_points sw = { 0 };
	struct cc_scenario *scns = NULL;
	int rc = parse_args(argc, argv, &a) ? cc_status_exit_code(CC_ERR_USAGE) : 0;
	for (size_t i = 0; i < a.n_vary && rc == 0; i++)
		if (cc_sweep_parse_vary(a.vary[i], &v[i]))
			rc = cc_status_exit_code(CC_ERR_USAGE);
	if (rc == 0 && cc_sweep_make_points(v, a.n_vary, a.zip, &sw))
		rc = cc_status_exit_code(CC_ERR_USAGE);
	if (rc == 0 && cc_sweep_find_base(a.base, &sw, &sw.base))
		rc = cc_status_exit_code(CC_ERR_USAGE);
	if (rc == 0) {
		sw.overrides = shared_overrides(&a.sa);
		cc_cmd_catch_signals();
		scns = cc_calloc(sw.points, sizeof *scns);
		if ((rc = cc_sweep_load_points(&a, &sw, scns)) == 0) {
			char path[4096];
			if (a.output)
				snprintf(path, sizeof path, "%s", a.output);
			else
				snprintf(path, sizeof path, "results/%s-sweep.h5", scns[0].name);
			rc = sweep_points(&a, &sw, scns, path);
			for (size_t p = 0; p < sw.points; p++)
				cc_scenario_fini(&scns[p]);
		}
	}
	cc_free(scns);
	cc_sweep_points_fini(&sw);
	for (size_t i = 0; i < a.n_vary; i++)
		cc_sweep_varied_fini(&v[i]);
	cc_free(v);
	cc_free(a.vary);
	cc_free(a.sa.sets);
	cc_free(a.targets);
	return rc;
}
