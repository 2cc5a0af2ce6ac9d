/* "ccsim run": simulate a scenario, write its results file, print its summary. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "models/command/command.h"
#include "models/output/export.h"
#include "models/output/report.h"
#include "models/output/results.h"
#include "models/run/precision.h"
#include "models/run/run.h"
#include "sim/alloc.h"
#include "sim/cli.h"
#include "sim/ranks.h"
#include "sim/duration.h"

static const char run_usage[] =
	"usage: ccsim run SCENARIO [options]\n"
	"\n"
	"Simulates SCENARIO, prints a summary per queue and agent group (mean ± 95 % half-width\n"
	"across replications) and writes every figure to an HDF5 file.\n"
	"\n"
	"options:\n"
	"  -o, --output FILE     results file (default results/<scenario name>.h5)\n"
	"  --replications N      number of replications (default: the scenario's)\n"
	"  --seed N              master seed (default: the scenario's)\n"
	"  --threads N           replications run in parallel (default 1); results are identical\n"
	"  --set PATH=VALUE      change a setting, e.g. --set queues.sales.handle.mean=200s or\n"
	"                        --set 'agents.[0].count=8' (repeatable)\n"
	"  --intervals           also print, per queue, one row per interval (clock time,\n"
	"                        offered, answered, abandonment, SL, ASA, occupancy, agents),\n"
	"                        marking the intervals that miss the queue's target\n"
	"  --json                print every figure as JSON on stdout: whole horizon, per\n"
	"                        interval and per replication\n"
	"  --csv DIR             also write the results as CSV tables into DIR (see 'ccsim\n"
	"                        export --help')\n"
	"  --precision T         run replications in batches until the 95 % half-width of every\n"
	"                        figure T names is at most its target (repeatable):\n"
	"                        [OWNER.]FIGURE=HALF-WIDTH, e.g. 'sales.service_level=0.5pt',\n"
	"                        'asa_s=2s', 'any.abandon_rate=0.3pt', 'occupancy=1%'. The first\n"
	"                        batch is --replications (at least 5); each next one is sized\n"
	"                        from the variance seen. Batches depend on the seed only, so the\n"
	"                        results are the same on any --threads\n"
	"  --max-replications N  the most a run to a precision may take (default 1000)\n"
	"  --quiet               no progress line and no table\n"
	"  --strict              refuse a scenario that draws a warning (exit 2), for CI\n"
	"  -h, --help            this text\n"
	"\n"
	"Progress shows on stderr when it is a terminal and the run takes more than a second.\n"
	"SIGINT, SIGTERM or SIGHUP stop the run: nothing is written, exit 130, 143 or 129.\n"
	"\n"
	"exit codes: 0 done; 1 the run failed (I/O, output); 2 bad usage or scenario;\n"
	"128 + N stopped by signal N\n";

void cc_cmd_show_progress(void *ctx, const struct cc_progress *p, double elapsed_s)
{
	struct cc_cmd_progress *v = ctx;
	if (elapsed_s < 1)
		return;
	double sim_h = (double)atomic_load(&p->sim_ms) / 3.6e6;
	double events = (double)atomic_load(&p->events);
	double done = v->total_h > 0 ? sim_h / v->total_h : 0;
	char left[32] = "";
	if (done > 0.01 && done < 1)
		cc_duration_format(round(elapsed_s * (1 - done) / done), left, sizeof left);
	cc_cli_progress("%s%sreplications %zu/%zu · simulated %.0f of %.0f h (%.0f %%) · %.2f M events/s%s%s%s%s",
	                v->label ? v->label : "", v->label ? " · " : "",
	                (size_t)atomic_load(&p->tasks_done), v->replications, sim_h, v->total_h,
	                100 * done, elapsed_s > 0 ? events / elapsed_s / 1e6 : 0.0,
	                left[0] ? " · left " : "", left, v->note[0] ? " · " : "", v->note);
	v->shown = 1;
}

/* Sets the progress line's goal: N replications of SCN in all. */
static void progress_goal(struct cc_cmd_progress *v, const struct cc_scenario *scn, size_t n)
{
	v->replications = n;
	v->total_h = (double)n * scn->horizon_s / 3600;
}

int cc_cmd_job_open(struct cc_cmd_job *j, struct cc_scenario *scn, const struct run_options *o,
                    int staged)
{
	char err[CC_CMD_ERR_LEN];
	memset(j, 0, sizeof *j);
	j->scn = scn;
	j->o = o;
	if (o->side)
		snprintf(j->prefix, sizeof j->prefix, "%s: ", o->side);
	if (o->output)
		snprintf(j->path, sizeof j->path, "%s", o->output);
	else
		cc_results_default_path(scn, j->path, sizeof j->path);
	double bytes = cc_run_memory_estimate(scn, (int)o->threads, o->intervals || o->json || staged,
	                                      o->json || o->keep_totals);
	double limit = cc_run_memory_limit();
	if (bytes > limit) {
		char what[256];
		cc_run_memory_explain(scn, (int)o->threads, what, sizeof what);
		cc_cli_error("%s%s: the run would hold about %.1f GiB, more than the %.1f GiB this "
		             "machine allows (%s)", j->prefix, scn->path, bytes / 1073741824.0, limit / 1073741824.0, what);
		return cc_status_exit_code(CC_ERR_SCENARIO);
	}
	enum cc_status st = staged ? cc_results_open_growing(j->path, scn, &j->results, err, sizeof err)
	                           : cc_results_open(j->path, scn, &j->results, err, sizeof err);
	if (st) {
		cc_cli_error("%s%s", j->prefix, err);
		return cc_status_exit_code(st);
	}
	progress_goal(&j->view, scn, (size_t)scn->replications);
	j->run = (struct cc_run){
		.scn = scn,
		.threads = (int)o->threads,
		.sink = cc_results_sink(j->results),
		.on_progress = cc_cli_progress_wanted(o->quiet && !o->progress) ? cc_cmd_show_progress
		                                                               : NULL,
		.progress_ctx = &j->view,
		.keep_intervals = o->intervals || o->json,
		.keep_totals = o->json || o->keep_totals,
		.stop = &cc_cmd_stop_flag,
	};
	j->open = 1;
	return 0;
}

/* Prints RUN's error ST, naming the job's side when it has one. */
static void report_failure(const struct cc_cmd_job *j, enum cc_status st)
{
	if (st == CC_ERR_STOPPED)
		cc_cli_error("stopped by %s: no results written", cc_cmd_signal_name());
	else if (st == CC_ERR_STALLED)
		cc_cli_error("%s%s: %s; no results written", j->prefix, j->scn->path, j->run.error);
	else
		cc_cli_error("%s%s", j->prefix,
		             cc_results_error(j->results)[0] ? cc_results_error(j->results)
		                                             : "writing the results failed");
}

int cc_cmd_job_close(struct cc_cmd_job *j, enum cc_status st)
{
	char err[CC_CMD_ERR_LEN];
	const struct run_options *o = j->o;
	if (!j->open)
		return 0;
	j->open = 0;
	if (j->view.shown)
		cc_cli_progress_end();
	if (st == CC_OK && cc_cmd_stop_flag)
		st = CC_ERR_STOPPED;
	if (st) {
		report_failure(j, st);
		cc_results_discard(j->results);
	} else if ((st = cc_results_finish(j->results, &j->run, err, sizeof err))) {
		cc_cli_error("%s%s", j->prefix, err);
		cc_results_discard(j->results);
	} else if (cc_cmd_stop_flag) { /* a signal while the file was being finished */
		st = CC_ERR_STOPPED;
		report_failure(j, st);
		cc_results_discard(j->results);
	} else {
		/* What was asked for on stdout goes out before the file is put in place: output that
		 * cannot be written fails the run, and leaves any earlier results file as it was. */
		if (o->json) {
			cc_report_json(stdout, &j->run, j->path);
		} else if (!o->quiet) {
			if (o->intervals)
				cc_report_intervals(stdout, &j->run);
			cc_report_table(stdout, &j->run, j->path);
			if (j->precision[0])
				printf("%s\n", j->precision);
			for (char *line = j->hint[0] ? j->hint : NULL, *next; line; line = next) {
				if ((next = strchr(line, '\n')))
					*next++ = '\0';
				cc_cli_put_line(stderr, line);
			}
		}
		if (cc_cmd_stdout_failed()) {
			st = CC_ERR_IO;
			cc_results_discard(j->results);
		} else if ((st = cc_results_commit(j->results, err, sizeof err))) {
			cc_cli_error("%s", err);
		} else if (o->csv_dir && cc_ranks_writer() &&
		           (st = cc_export_csv(j->path, o->csv_dir, err, sizeof err))) {
			cc_cli_error("%s", err);
		}
	}
	j->results = NULL;
	if (st == CC_ERR_STOPPED)
		return cc_cmd_stop_exit_code();
	return cc_status_exit_code(st);
}

void cc_cmd_job_discard(struct cc_cmd_job *j)
{
	if (!j->open)
		return;
	j->open = 0;
	if (j->view.shown)
		cc_cli_progress_end();
	cc_results_discard(j->results);
	j->results = NULL;
}

enum cc_status cc_cmd_runs_to_precision(struct cc_run *const *runs, size_t n, size_t first,
                                        size_t (*check)(void *ctx), void *ctx, size_t *failed)
{
	for (size_t i = 0; i < n; i++)
		cc_run_begin(runs[i]);
	enum cc_status st = CC_OK;
	size_t total = first;
	for (;;) {
		for (size_t i = 0; i < n && !st; i++) {
			if (runs[i]->on_progress == cc_cmd_show_progress)
				progress_goal(runs[i]->progress_ctx, runs[i]->scn, total);
			st = cc_run_more(runs[i], total - runs[i]->replications);
			*failed = i;
		}
		if (st)
			return st;
		size_t next = check(ctx);
		if (next <= total)
			break;
		total = next;
	}
	for (size_t i = 0; i < n && !st; i++) {
		st = cc_run_end(runs[i]);
		*failed = i;
	}
	return st;
}

/* The first batch of a run to a precision: the scenario's replications, at least this many
 * (fewer give too rough a variance to project from). */
enum { FIRST_BATCH_MIN = 5 };

size_t cc_cmd_first_batch(const struct cc_scenario *scn)
{
	size_t first = scn->replications < FIRST_BATCH_MIN ? FIRST_BATCH_MIN
	                                                   : (size_t)scn->replications;
	/* A trace's days are all the replications there are. */
	return scn->trace_days && first > scn->trace_days ? scn->trace_days : first;
}

void cc_cmd_precision_summary(const struct cc_precision *p, const char *of, size_t n, char *buf,
                              size_t len)
{
	char worst[256];
	cc_precision_describe(p, worst, sizeof worst);
	if (p->met)
		snprintf(buf, len, "precision%s: %zu replications (%zu batch%s), every target met; the "
		         "widest: %s", of, n, p->checks, p->checks == 1 ? "" : "es", worst);
	else
		snprintf(buf, len, "precision%s: stopped at --max-replications %zu with a target "
		         "missed: %s", of, n, worst);
}

int cc_cmd_bind_precision(struct cc_precision *p, const struct cc_precision_target *targets,
                          size_t n, const struct cc_scenario *scn, long long max, const char *cmd)
{
	char err[CC_CMD_ERR_LEN];
	struct cc_layout layout;
	cc_layout_init(&layout, scn);
	size_t first = cc_cmd_first_batch(scn);
	size_t most = max > 0 ? (size_t)max
	              : first > CC_PRECISION_MAX_REPLICATIONS ? first : CC_PRECISION_MAX_REPLICATIONS;
	/* A trace's days bound the replications: by default its days are all there are; a
	 * maximum given may not pass them. */
	if (max <= 0 && scn->trace_days && most > scn->trace_days)
		most = scn->trace_days;
	if (cc_scenario_check_replications(scn, most, err, sizeof err)) {
		cc_layout_fini(&layout);
		cc_cli_error("%s: --max-replications: %s", cmd, err);
		return cc_status_exit_code(CC_ERR_SCENARIO);
	}
	enum cc_status st = cc_precision_bind(p, targets, n, &layout, most, err, sizeof err);
	cc_layout_fini(&layout);
	if (st) {
		cc_cli_error("%s: %s", cmd, err);
		return cc_status_exit_code(st);
	}
	if (most < first) {
		cc_cli_error("%s: --max-replications %zu is below the first batch, %zu replications",
		             cmd, most, first);
		cc_precision_fini(p);
		return cc_status_exit_code(CC_ERR_USAGE);
	}
	return 0;
}

/* The job's precision check: the run's own half-widths. */
static size_t check_one(void *ctx)
{
	struct cc_cmd_job *j = ctx;
	size_t next = cc_precision_check_run(j->o->precision, &j->run);
	cc_precision_describe(j->o->precision, j->view.note, sizeof j->view.note);
	return next;
}

int cc_cmd_run_scenario(struct cc_scenario *scn, const struct run_options *o)
{
	struct cc_cmd_job j;
	struct cc_precision *p = o->precision;
	int rc = cc_cmd_job_open(&j, scn, o, p != NULL);
	if (rc)
		return rc;
	enum cc_status st;
	if (p) {
		struct cc_run *runs[1] = { &j.run };
		size_t failed;
		st = cc_cmd_runs_to_precision(runs, 1, cc_cmd_first_batch(scn), check_one, &j, &failed);
		if (st == CC_OK) {
			cc_cmd_precision_summary(p, "", j.run.replications, j.precision, sizeof j.precision);
			if (!p->met)
				cc_cli_error("%s", j.precision);
		}
	} else {
		st = cc_run_execute(&j.run);
		/* Without --precision: a hint when a target cannot be told from the figure; not
		 * for a trace with days, which has no more replications to give. */
		if (st == CC_OK && !scn->trace_days)
			cc_precision_hint(&j.run, j.hint, sizeof j.hint);
	}
	rc = cc_cmd_job_close(&j, st);
	cc_run_fini(&j.run);
	return rc;
}

int cc_cmd_run(int argc, char **argv)
{
	if (cc_cmd_wants_help(argc, argv)) {
		fputs(run_usage, stdout);
		return 0;
	}
	struct scenario_args sa = { 0 };
	sa.sets = cc_calloc((size_t)argc, sizeof *sa.sets);
	struct run_options o = { .seed = -1, .threads = 1 };
	struct cc_precision_target *targets = cc_calloc((size_t)argc, sizeof *targets);
	size_t n_targets = 0;
	long long max_reps = -1;
	char err[CC_CMD_ERR_LEN];
	const char *v;
	int rc = 0;
	for (int i = 1; i < argc && rc == 0; i++) {
		int m;
		if ((m = cc_cli_option(argc, argv, &i, "-o", &v)) ||
		    (m = cc_cli_option(argc, argv, &i, "--output", &v))) {
			o.output = v;
			if (m > 0 && !v[0])
				cc_cli_error("run: -o needs a file name (got an empty one)"), m = -1;
		} else if ((m = cc_cli_option(argc, argv, &i, "--csv", &v))) {
			o.csv_dir = v;
			if (m > 0 && !v[0])
				cc_cli_error("run: --csv needs a directory (got an empty name)"), m = -1;
		} else if ((m = cc_cli_option(argc, argv, &i, "--replications", &v)))
			rc = m > 0 ? cc_cli_long("--replications", v, 1, 100000, &o.reps) : 0;
		else if ((m = cc_cli_option(argc, argv, &i, "--seed", &v)))
			rc = m > 0 ? cc_cli_long("--seed", v, 0, INT64_MAX, &o.seed) : 0;
		else if ((m = cc_cli_option(argc, argv, &i, "--threads", &v)))
			rc = m > 0 ? cc_cli_long("--threads", v, 1, 1024, &o.threads) : 0;
		else if ((m = cc_cli_option(argc, argv, &i, "--max-replications", &v)))
			rc = m > 0 ? cc_cli_long("--max-replications", v, 2, 100000, &max_reps) : 0;
		else if ((m = cc_cli_option(argc, argv, &i, "--precision", &v)) > 0) {
			if ((rc = cc_precision_parse(v, &targets[n_targets++], err, sizeof err)))
				cc_cli_error("run: %s", err);
		} else if (m < 0)
			rc = CC_ERR_USAGE;
		else if (strcmp(argv[i], "--json") == 0)
			o.json = 1, m = 1;
		else if (strcmp(argv[i], "--intervals") == 0)
			o.intervals = 1, m = 1;
		else if (strcmp(argv[i], "--quiet") == 0)
			o.quiet = 1, m = 1;
		else if (!(m = cc_cmd_scenario_arg(argc, argv, &i, "run", &sa)))
			cc_cli_error("run: unknown option '%s' (try 'ccsim run --help')", argv[i]), m = -1;
		if (m < 0)
			rc = CC_ERR_USAGE;
	}
	if (rc == 0 && !sa.path) {
		cc_cli_error("run: which scenario? (usage: ccsim run SCENARIO [options])");
		rc = CC_ERR_USAGE;
	}
	if (rc == 0 && max_reps > 0 && !n_targets) {
		cc_cli_error("run: --max-replications goes with --precision");
		rc = CC_ERR_USAGE;
	}
	if (rc) {
		cc_free(sa.sets);
		cc_free(targets);
		return cc_status_exit_code(CC_ERR_USAGE);
	}
	cc_cmd_catch_signals();
	struct cc_scenario scn;
	if ((rc = cc_cmd_load(&sa, NULL, NULL, &scn))) {
		cc_free(sa.sets);
		cc_free(targets);
		return rc;
	}
	if (o.reps > 0)
		scn.replications = (int)o.reps;
	if (o.seed >= 0)
		scn.seed = (uint64_t)o.seed;
	if (cc_scenario_check_replications(&scn, (size_t)scn.replications, err, sizeof err)) {
		cc_cli_error("run: %s%s", o.reps > 0 ? "--replications: " : "", err);
		rc = cc_status_exit_code(CC_ERR_SCENARIO);
	}
	struct cc_precision precision;
	if (!rc && n_targets) {
		rc = cc_cmd_bind_precision(&precision, targets, n_targets, &scn, max_reps, "run");
		o.precision = rc ? NULL : &precision;
	}
	if (!rc)
		rc = cc_cmd_run_scenario(&scn, &o);
	if (o.precision)
		cc_precision_fini(&precision);
	cc_scenario_fini(&scn);
	cc_free(sa.sets);
	cc_free(targets);
	return rc;
}

