/* "ccsim run": simulate a scenario, write its results file, print its summary. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "models/command/command.h"
#include "models/output/export.h"
#include "models/output/report.h"
#include "models/output/results.h"
#include "models/run/run.h"
#include "sim/alloc.h"
#include "sim/cli.h"
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
	"  --quiet               no progress line and no table\n"
	"  --strict              refuse a scenario that draws a warning (exit 2), for CI\n"
	"  -h, --help            this text\n"
	"\n"
	"Progress shows on stderr when it is a terminal and the run takes more than a second.\n"
	"SIGINT, SIGTERM or SIGHUP stop the run: nothing is written, exit 130, 143 or 129.\n"
	"\n"
	"exit codes: 0 done; 1 the run failed (I/O, output); 2 bad usage or scenario;\n"
	"128 + N stopped by signal N\n";

struct progress_view {
	size_t replications;
	double total_h;    /* simulated hours when every replication is done */
	int shown;
};

/* The progress line: shown once a run has taken a second, about four times a second. */
static void show_progress(void *ctx, const struct cc_progress *p, double elapsed_s)
{
	struct progress_view *v = ctx;
	if (elapsed_s < 1)
		return;
	double sim_h = (double)atomic_load(&p->sim_ms) / 3.6e6;
	double events = (double)atomic_load(&p->events);
	double done = v->total_h > 0 ? sim_h / v->total_h : 0;
	char left[32] = "";
	if (done > 0.01 && done < 1)
		cc_duration_format(round(elapsed_s * (1 - done) / done), left, sizeof left);
	cc_cli_progress("replications %zu/%zu · simulated %.0f of %.0f h (%.0f %%) · %.2f M events/s%s%s",
	                (size_t)atomic_load(&p->tasks_done), v->replications, sim_h, v->total_h,
	                100 * done, elapsed_s > 0 ? events / elapsed_s / 1e6 : 0.0,
	                left[0] ? " · left " : "", left);
	v->shown = 1;
}

int cc_cmd_run_scenario(struct cc_scenario *scn, const struct run_options *o)
{
	char path[4096], err[CC_CMD_ERR_LEN];
	if (o->output)
		snprintf(path, sizeof path, "%s", o->output);
	else
		cc_results_default_path(scn, path, sizeof path);
	double bytes = cc_run_memory_estimate(scn, (int)o->threads, o->intervals || o->json,
	                                      o->json);
	double limit = cc_run_memory_limit();
	if (bytes > limit) {
		char what[256];
		cc_run_memory_explain(scn, (int)o->threads, what, sizeof what);
		cc_cli_error("%s: the run would hold about %.1f GiB, more than the %.1f GiB this machine allows (%s)",
		             scn->path, bytes / 1073741824.0, limit / 1073741824.0, what);
		return cc_status_exit_code(CC_ERR_SCENARIO);
	}
	struct cc_results *results = NULL;
	enum cc_status st = cc_results_open(path, scn, &results, err, sizeof err);
	if (st) {
		cc_cli_error("%s", err);
		return cc_status_exit_code(st);
	}
	struct progress_view view = { (size_t)scn->replications,
	                              scn->replications * scn->horizon_s / 3600, 0 };
	struct cc_run run = {
		.scn = scn,
		.threads = (int)o->threads,
		.sink = cc_results_sink(results),
		.on_progress = cc_cli_progress_wanted(o->quiet) ? show_progress : NULL,
		.progress_ctx = &view,
		.keep_intervals = o->intervals || o->json,
		.keep_totals = o->json,
		.stop = &cc_cmd_stop_flag,
	};
	st = cc_run_execute(&run);
	if (view.shown)
		cc_cli_progress_end();
	if (st == CC_OK && cc_cmd_stop_flag)
		st = CC_ERR_STOPPED;
	if (st == CC_ERR_STOPPED) {
		cc_cli_error("stopped by %s: no results written", cc_cmd_signal_name());
		cc_results_discard(results);
	} else if (st == CC_ERR_STALLED) {
		cc_cli_error("%s: %s; no results written", scn->path, run.error);
		cc_results_discard(results);
	} else if (st) {
		cc_cli_error("%s", cc_results_error(results)[0] ? cc_results_error(results)
		                                                : "writing the results failed");
		cc_results_discard(results);
	} else if ((st = cc_results_finish(results, &run, err, sizeof err))) {
		cc_cli_error("%s", err);
		cc_results_discard(results);
	} else if (cc_cmd_stop_flag) { /* a signal while the file was being finished */
		st = CC_ERR_STOPPED;
		cc_cli_error("stopped by %s: no results written", cc_cmd_signal_name());
		cc_results_discard(results);
	} else {
		/* What was asked for on stdout goes out before the file is put in place: output that
		 * cannot be written fails the run, and leaves any earlier results file as it was. */
		if (o->json)
			cc_report_json(stdout, &run, path);
		else if (!o->quiet) {
			if (o->intervals)
				cc_report_intervals(stdout, &run);
			cc_report_table(stdout, &run, path);
		}
		if (cc_cmd_stdout_failed()) {
			st = CC_ERR_IO;
			cc_results_discard(results);
		} else if ((st = cc_results_commit(results, err, sizeof err))) {
			cc_cli_error("%s", err);
		} else if (o->csv_dir && (st = cc_export_csv(path, o->csv_dir, err, sizeof err))) {
			cc_cli_error("%s", err);
		}
	}
	cc_run_fini(&run);
	if (st == CC_ERR_STOPPED)
		return cc_cmd_stop_exit_code();
	return cc_status_exit_code(st);
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
	if (rc) {
		cc_free(sa.sets);
		return cc_status_exit_code(CC_ERR_USAGE);
	}
	cc_cmd_catch_signals();
	struct cc_scenario scn;
	if ((rc = cc_cmd_load(&sa, NULL, NULL, &scn))) {
		cc_free(sa.sets);
		return rc;
	}
	if (o.reps > 0)
		scn.replications = (int)o.reps;
	if (o.seed >= 0)
		scn.seed = (uint64_t)o.seed;
	rc = cc_cmd_run_scenario(&scn, &o);
	cc_scenario_fini(&scn);
	cc_free(sa.sets);
	return rc;
}

