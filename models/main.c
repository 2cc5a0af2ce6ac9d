/*
 * The ccsim command: wires the contact-center model into the engine's CLI plumbing.
 * Subcommands: run (simulate and write results), check (validate a scenario), erlang
 * (analytic Erlang B, C and A), export (results to CSV), compare (two results files, with
 * regression gates).
 */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "models/erlang.h"
#include "models/output/compare.h"
#include "models/output/describe.h"
#include "models/output/export.h"
#include "models/output/report.h"
#include "models/output/results.h"
#include "models/output/version.h"
#include "models/run/run.h"
#include "models/scenario/scenario.h"
#include "models/scenario/schema.h"
#include "sim/alloc.h"
#include "sim/cli.h"
#include "sim/duration.h"
#include "sim/macros.h"

#define ERR_LEN 1024

static const char usage[] =
	"usage: ccsim COMMAND [OPTIONS]\n"
	"\n"
	"ccsim simulates contact centers (queues, agents, abandonment, after-contact work) over\n"
	"independent replications and writes per-interval figures with confidence intervals to HDF5.\n";

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

static const char export_usage[] =
	"usage: ccsim export FILE.h5 --csv DIR\n"
	"\n"
	"Writes a results file as tidy CSV tables into DIR (made if missing), for spreadsheets,\n"
	"pandas and R: per figure owner (queues, groups, statuses, channels, group_channels),\n"
	"<owner>_intervals.csv (one row per interval and entity, with its clock time and start_s),\n"
	"<owner>_totals.csv (the whole horizon after warm-up), <owner>_replications.csv (each\n"
	"replication's totals), <owner>_replication_intervals.csv when the file has them, and\n"
	"counts.csv. Every figure is a column (summaries: its mean, and <figure>_ci95, the 95 %\n"
	"half-width), units in the header (\"asa_s [s]\"); an undefined figure is an empty field.\n"
	"'ccsim run ... --csv DIR' writes the same files.\n"
	"\n"
	"exit codes: 0 done; 1 a file could not be read or written; 2 bad usage\n";

static const char compare_usage[] =
	"usage: ccsim compare BASE.h5 CANDIDATE.h5 [--fail-if GATE]... [options]\n"
	"       ccsim compare SCENARIO [--base-set PATH=VALUE]... [--candidate-set PATH=VALUE]...\n"
	"                     [run options] [--fail-if GATE]... [options]\n"
	"\n"
	"Compares two results files of 'ccsim run', every queue, group and channel figure over the\n"
	"whole horizon: base and candidate means (± half-width), the difference candidate - base\n"
	"with its confidence interval, and its two-sided p-value. When both files share the\n"
	"scenario text, seed and replication count (--set overrides may differ), replication i of\n"
	"both saw the same contacts and the difference is paired by replication; otherwise it is\n"
	"Welch's (unequal variances). Figures that moved the wrong way significantly are marked\n"
	"'worse' (service level down; ASA, abandonment, RONA rate up...).\n"
	"\n"
	"Given a scenario, runs it twice, base and candidate, with the same seed and replications\n"
	"(so paired), and compares the two runs as two files: same table, gates and exit codes.\n"
	"Nothing is left on disk unless --base-out or --candidate-out asks.\n"
	"\n"
	"scenario form:\n"
	"  --base-set PATH=VALUE       change a setting of the base run only (repeatable)\n"
	"  --candidate-set PATH=VALUE  change a setting of the candidate run only (repeatable)\n"
	"  --set PATH=VALUE            change a setting of both runs (repeatable)\n"
	"  --replications N, --seed N, --threads N, --strict   as in 'ccsim run', for both\n"
	"  --base-out FILE, --candidate-out FILE   keep that side's results file\n"
	"\n"
	"options:\n"
	"  --fail-if GATE        fail (exit 3) on a significant regression beyond a margin\n"
	"                        (repeatable): [OWNER.]FIGURE < MARGIN or > MARGIN, e.g.\n"
	"                        'sales.service_level < -1pt', 'asa_s > +5%',\n"
	"                        'any.abandon_rate > +0.5pt', 'support.asa_s > 10s'. OWNER is a\n"
	"                        queue, group or channel, 'any' every queue, none every entity\n"
	"                        with FIGURE; MARGIN in points (1pt = 0.01 of a share), percent\n"
	"                        of the base mean, a duration, or the figure's units\n"
	"  --alpha A             level of the gates' one-sided tests, Holm-corrected across every\n"
	"                        entity of every gate (default 0.05)\n"
	"  --confidence C        level of the intervals (default 0.95)\n"
	"  --json                everything, as JSON\n"
	"  --markdown            a Markdown table, for a pull-request comment or CI summary\n"
	"  -h, --help            this text\n"
	"\n"
	"examples: ccsim compare base.h5 candidate.h5 --fail-if 'service_level < -1pt'\n"
	"          ccsim compare day.cfg --candidate-set 'agents.[0].count=8' --replications 50\n"
	"\n"
	"exit codes: 0 no gate failed; 1 a file could not be read, or a run failed; 2 bad usage,\n"
	"a bad --fail-if or override (the message names the side), or files that cannot be\n"
	"compared (different queues, groups or figures); 3 a gate failed; 128 + N stopped by\n"
	"signal N\n";

static const char check_usage[] =
	"usage: ccsim check SCENARIO [--set PATH=VALUE]... [--strict]\n"
	"       ccsim check --settings [--markdown]\n"
	"\n"
	"Validates SCENARIO as 'run' would and describes it; writes nothing. Settings that load\n"
	"but are almost surely mistyped (a handle mean of hours, an offer timeout under a second,\n"
	"offered load beyond twice the agents) draw a warning on stderr, as in 'run';\n"
	"--strict refuses the scenario then (exit 2), for CI.\n"
	"--settings prints every setting a scenario may hold, with its type, default and unit\n"
	"(--markdown: the tables of scenarios/README.md).\n"
	"exit codes: 0 valid; 2 bad usage or scenario (the message says file:line: setting: problem)\n";

static const char erlang_usage[] =
	"usage: ccsim erlang --rate R [--per DURATION] --aht DURATION --agents N[-M]\n"
	"                    [--patience DURATION] [--threshold DURATION] [--json]\n"
	"\n"
	"Analytic steady-state figures for one queue with Poisson arrivals and exponential\n"
	"handle times: Erlang C (no --patience) or Erlang A (exponential patience), with the\n"
	"Erlang B blocking of the same load.\n"
	"\n"
	"  --rate R            arrivals per --per (default per hour)\n"
	"  --per DURATION      the period of the rate, e.g. 30m (default 1h)\n"
	"  --aht DURATION      mean handle time, e.g. 180s\n"
	"  --agents N or N-M   agents, or a range of staffing levels (one row each)\n"
	"  --patience DURATION mean patience (Erlang A); omit for Erlang C\n"
	"  --threshold DURATION service-level threshold (default 20s)\n"
	"  --json              one JSON object per staffing level, in a list\n"
	"\n"
	"example: ccsim erlang --rate 100 --per 30m --aht 180s --agents 11-16\n";

/* Whether --help or -h stands as an option: not as the value of one ("--set -h", "-o --help"). */
static int wants_help(int argc, char **argv)
{
	static const char *const flags[] = { "--json", "--intervals", "--quiet", "--strict",
	                                     "--markdown" };
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
		int takes_value = argv[i][0] == '-' && argv[i][1] && !strchr(argv[i], '=');
		for (size_t f = 0; f < sizeof flags / sizeof flags[0]; f++)
			takes_value &= strcmp(argv[i], flags[f]) != 0;
		i += takes_value; /* skip its value */
	}
	return 0;
}

/* Options that load a scenario: the file and its --set overrides. */
struct scenario_args {
	const char *path;
	const char **sets;
	size_t n_sets;
	int strict; /* --strict: a warning about the scenario is an error */
};

/*
 * Takes argv[*I] if it belongs to the scenario: "--set PATH=VALUE" or the scenario's path.
 * Returns 1 when taken, 0 when it is another option, -1 on an error (printed).
 */
static int scenario_arg(int argc, char **argv, int *i, const char *cmd, struct scenario_args *sa)
{
	const char *v;
	int m = cc_cli_option(argc, argv, i, "--set", &v);
	if (m > 0)
		sa->sets[sa->n_sets++] = v;
	if (m != 0)
		return m;
	if (strcmp(argv[*i], "--strict") == 0) {
		sa->strict = 1;
		return 1;
	}
	if (argv[*i][0] == '-' && argv[*i][1])
		return 0;
	if (sa->path) {
		cc_cli_error("%s: one scenario at a time ('%s' is extra)", cmd, argv[*i]);
		return -1;
	}
	sa->path = argv[*i];
	return 1;
}

/* Whether SCN (NULL: none) has the warning TEXT. */
static int has_warning(const struct cc_scenario *scn, const char *text)
{
	for (size_t i = 0; scn && i < scn->n_warnings; i++)
		if (strcmp(scn->warnings[i], text) == 0)
			return 1;
	return 0;
}

/*
 * Loads the scenario of A into SCN, printing its warnings (but those SHOWN, a scenario
 * loaded before, already printed) and refusing them with --strict. SIDE (NULL: none) names
 * what is loaded in messages ("the candidate side"). Returns 0, or the exit code of a
 * failure (printed).
 */
static int load(const struct scenario_args *a, const char *side, const struct cc_scenario *shown,
                struct cc_scenario *scn)
{
	char err[ERR_LEN];
	enum cc_status st = cc_scenario_load(a->path, a->sets, a->n_sets, scn, err, sizeof err);
	if (st) {
		if (side)
			cc_cli_error("compare: %s: %s", side, err);
		else
			cc_cli_put_line(stderr, err);
		return cc_status_exit_code(st == CC_ERR_IO ? CC_ERR_SCENARIO : st);
	}
	for (size_t i = 0; i < scn->n_warnings; i++)
		if (!has_warning(shown, scn->warnings[i]))
			cc_cli_put_line(stderr, scn->warnings[i]);
	if (a->strict && scn->n_warnings) {
		cc_cli_error("%s: %zu warning%s, refused with --strict", side ? side : a->path,
		             scn->n_warnings, scn->n_warnings == 1 ? "" : "s");
		cc_scenario_fini(scn);
		return cc_status_exit_code(CC_ERR_SCENARIO);
	}
	return 0;
}

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

/* The signal that asked the run to stop, or 0. */
static volatile sig_atomic_t stop_signal;
static volatile int stop_flag;

static void on_stop_signal(int sig)
{
	stop_signal = sig;
	stop_flag = 1;
}

/* SIGINT, SIGTERM and SIGHUP stop a run cleanly: the temporary file goes, the exit code is
 * 128 + the signal's number. */
static void catch_stop_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

static const char *signal_name(int sig)
{
	return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : sig == SIGHUP ? "SIGHUP" : "a signal";
}

/* Output to stdout that could not be written (a full disk, a closed pipe) is a failure. */
static int stdout_failed(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	cc_cli_error("cannot write to standard output: %s", strerror(errno ? errno : EIO));
	return 1;
}

struct run_options {
	const char *output;
	const char *csv_dir;
	long long reps, seed, threads;
	int json, quiet, intervals;
};

static int run_scenario(struct cc_scenario *scn, const struct run_options *o)
{
	char path[4096], err[ERR_LEN];
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
		.stop = &stop_flag,
	};
	st = cc_run_execute(&run);
	if (view.shown)
		cc_cli_progress_end();
	if (st == CC_OK && stop_flag)
		st = CC_ERR_STOPPED;
	if (st == CC_ERR_STOPPED) {
		cc_cli_error("stopped by %s: no results written", signal_name(stop_signal));
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
	} else if (stop_flag) { /* a signal while the file was being finished */
		st = CC_ERR_STOPPED;
		cc_cli_error("stopped by %s: no results written", signal_name(stop_signal));
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
		if (stdout_failed()) {
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
		return 128 + stop_signal;
	return cc_status_exit_code(st);
}

static int cmd_run(int argc, char **argv)
{
	if (wants_help(argc, argv)) {
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
		else if (!(m = scenario_arg(argc, argv, &i, "run", &sa)))
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
	catch_stop_signals();
	struct cc_scenario scn;
	if ((rc = load(&sa, NULL, NULL, &scn))) {
		cc_free(sa.sets);
		return rc;
	}
	if (o.reps > 0)
		scn.replications = (int)o.reps;
	if (o.seed >= 0)
		scn.seed = (uint64_t)o.seed;
	rc = run_scenario(&scn, &o);
	cc_scenario_fini(&scn);
	cc_free(sa.sets);
	return rc;
}

/* "ccsim check --settings [--markdown]": the settings reference, from the schema (with
 * --markdown, the tables of scenarios/README.md between their markers). */
static int check_settings(int argc, char **argv)
{
	int markdown = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--markdown") == 0) {
			markdown = 1;
		} else if (strcmp(argv[i], "--settings") != 0) {
			cc_cli_error("check: --settings takes no scenario and no option but --markdown "
			             "(got '%s')", argv[i]);
			return cc_status_exit_code(CC_ERR_USAGE);
		}
	}
	cc_schema_print(stdout, markdown);
	return 0;
}

static int cmd_check(int argc, char **argv)
{
	if (wants_help(argc, argv)) {
		fputs(check_usage, stdout);
		return 0;
	}
	/* --settings as an option, not as the value of --set. */
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--settings") == 0)
			return check_settings(argc, argv);
		i += strcmp(argv[i], "--set") == 0;
	}
	struct scenario_args sa = { 0 };
	sa.sets = cc_calloc((size_t)argc, sizeof *sa.sets);
	int bad = 0;
	for (int i = 1; i < argc && !bad; i++) {
		int m = scenario_arg(argc, argv, &i, "check", &sa);
		if (m == 0)
			cc_cli_error("check: unknown option '%s' (try 'ccsim check --help')", argv[i]);
		bad = m <= 0;
	}
	if (!bad && !sa.path)
		cc_cli_error("check: which scenario? (usage: ccsim check SCENARIO)"), bad = 1;
	if (bad) {
		cc_free(sa.sets);
		return cc_status_exit_code(CC_ERR_USAGE);
	}
	struct cc_scenario scn;
	int rc = load(&sa, NULL, NULL, &scn);
	cc_free(sa.sets);
	if (rc)
		return rc;
	cc_describe_scenario(&scn, stdout);
	cc_scenario_fini(&scn);
	return 0;
}

static int duration_arg(const char *opt, const char *text, double *out)
{
	if (cc_duration_parse(text, out) != CC_OK) {
		cc_cli_error("%s: '%s' is not a duration (e.g. 180s, 3m, 1h30m)", opt, text);
		return 1;
	}
	return 0;
}

static void erlang_json(const struct cc_erlang_result *r, int agents, int first)
{
	const double v[] = { r->load_erlangs, r->erlang_b, r->p_wait, r->service_level, r->asa_s,
	                     r->mean_wait_s, r->abandon_rate, r->occupancy, r->mean_queue_length };
	const char *const k[] = { "load_erlangs", "erlang_b", "p_wait", "service_level", "asa_s",
	                          "mean_wait_s", "abandon_rate", "occupancy", "mean_queue_length" };
	printf("%s{\"agents\": %d, \"stable\": %s", first ? "" : ", ", agents, r->stable ? "true" : "false");
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		if (isfinite(v[i]))
			printf(", \"%s\": %.10g", k[i], v[i]);
		else
			printf(", \"%s\": null", k[i]);
	}
	putchar('}');
}

static int cmd_erlang(int argc, char **argv)
{
	if (wants_help(argc, argv)) {
		fputs(erlang_usage, stdout);
		return 0;
	}
	double rate = NAN, per = 3600, aht = NAN, patience = INFINITY, threshold = 20;
	long long lo = -1, hi = -1;
	int json = 0, bad = 0;
	for (int i = 1; i < argc && !bad; i++) {
		const char *v;
		int m;
		if ((m = cc_cli_option(argc, argv, &i, "--rate", &v)) > 0)
			bad = cc_cli_double("--rate", v, 0, 1e12, &rate) != CC_OK;
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--per", &v)) > 0)
			bad = duration_arg("--per", v, &per);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--aht", &v)) > 0)
			bad = duration_arg("--aht", v, &aht);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--patience", &v)) > 0)
			bad = duration_arg("--patience", v, &patience);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--threshold", &v)) > 0)
			bad = duration_arg("--threshold", v, &threshold);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--agents", &v)) > 0) {
			char *dash = strchr(v, '-');
			if (dash) {
				char first[32];
				snprintf(first, sizeof first, "%.*s", (int)(dash - v), v);
				bad = cc_cli_long("--agents", first, 1, 1000000, &lo) != CC_OK ||
				      cc_cli_long("--agents", dash + 1, lo, 1000000, &hi) != CC_OK;
			} else {
				bad = cc_cli_long("--agents", v, 1, 1000000, &lo) != CC_OK;
				hi = lo;
			}
		} else if (m == 0 && strcmp(argv[i], "--json") == 0) {
			json = 1;
		} else if (m == 0) {
			cc_cli_error("erlang: unknown argument '%s' (try 'ccsim erlang --help')", argv[i]);
			bad = 1;
		}
		if (m < 0)
			bad = 1;
	}
	if (!bad && (isnan(rate) || isnan(aht) || lo < 0)) {
		cc_cli_error("erlang: --rate, --aht and --agents are required (try 'ccsim erlang --help')");
		bad = 1;
	}
	if (!bad && (!(per > 0) || !(aht > 0) || !(rate > 0))) {
		cc_cli_error("erlang: --rate, --per and --aht must be positive");
		bad = 1;
	}
	if (bad)
		return cc_status_exit_code(CC_ERR_USAGE);

	struct cc_erlang_input in = { rate / per, aht, 0, patience, threshold };
	if (json)
		putchar('[');
	else {
		printf("rate %g per %gs (%.6g/s), AHT %gs, load %.4g erlangs, threshold %gs, %s\n", rate,
		       per, in.rate_per_s, aht, in.rate_per_s * aht, threshold,
		       isfinite(patience) && patience > 0 ? "Erlang A (exponential patience)"
		                                          : "Erlang C (nobody abandons)");
		if (isfinite(patience) && patience > 0)
			printf("mean patience %gs\n", patience);
		printf("%7s %8s %8s %9s %8s %9s %10s %9s\n", "agents", "P(wait)", "SL", "ASA s",
		       "abandon", "occupancy", "queue len", "Erlang B");
	}
	for (long long c = lo; c <= hi; c++) {
		struct cc_erlang_result r;
		in.agents = (int)c;
		if (cc_erlang_solve(&in, &r) != CC_OK) {
			if (json)
				puts("]");
			cc_cli_error("erlang: the inputs are outside what the formulas can solve (%lld agents)", c);
			return cc_status_exit_code(CC_ERR_RANGE);
		}
		if (json)
			erlang_json(&r, (int)c, c == lo);
		else
			printf("%7lld %8.4f %8.4f %9.2f %8.4f %9.4f %10.3f %9.4f%s\n", c, r.p_wait,
			       r.service_level, r.asa_s, r.abandon_rate, r.occupancy, r.mean_queue_length,
			       r.erlang_b, r.stable ? "" : "  (unstable: load >= agents)");
	}
	if (json)
		puts("]");
	return 0;
}

static int cmd_export(int argc, char **argv)
{
	if (wants_help(argc, argv)) {
		fputs(export_usage, stdout);
		return 0;
	}
	const char *file = NULL, *dir = NULL, *v;
	for (int i = 1; i < argc; i++) {
		int m = cc_cli_option(argc, argv, &i, "--csv", &v);
		if (m > 0) {
			dir = v;
		} else if (m < 0) {
			return cc_status_exit_code(CC_ERR_USAGE);
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cc_cli_error("export: unknown option '%s' (try 'ccsim export --help')", argv[i]);
			return cc_status_exit_code(CC_ERR_USAGE);
		} else if (file) {
			cc_cli_error("export: one results file at a time ('%s' is extra)", argv[i]);
			return cc_status_exit_code(CC_ERR_USAGE);
		} else {
			file = argv[i];
		}
	}
	if (!file || !dir || !dir[0]) {
		cc_cli_error("export: which file, and where? (usage: ccsim export FILE.h5 --csv DIR)");
		return cc_status_exit_code(CC_ERR_USAGE);
	}
	char err[ERR_LEN];
	enum cc_status st = cc_export_csv(file, dir, err, sizeof err);
	if (st)
		cc_cli_error("%s", err);
	return cc_status_exit_code(st);
}

/* The two sides of "ccsim compare SCENARIO": the options both share, and each side's. */
struct compare_sides {
	struct scenario_args both;            /* the scenario and --set, for both sides */
	const char **sets[2];                 /* --base-set, --candidate-set */
	size_t n_sets[2];
	const char *out[2];                   /* --base-out, --candidate-out, or NULL */
	struct run_options run;
	int scenario_form;                    /* an option only the scenario form takes was given */
};

static const char *const side_names[2] = { "base", "candidate" };

/*
 * Loads side S of "ccsim compare SCENARIO" into SCN: the scenario with the shared --set
 * first, then the side's own, and --replications and --seed. Messages name the side when it
 * has settings of its own; warnings SHOWN already printed (the base side's) are not repeated.
 * Returns 0, or the exit code of a failure (printed).
 */
static int load_side(const struct compare_sides *cs, int s, const struct cc_scenario *shown,
                     struct cc_scenario *scn)
{
	struct scenario_args a = cs->both;
	a.n_sets = cs->both.n_sets + cs->n_sets[s];
	const char **sets = cc_calloc(a.n_sets + 1, sizeof *sets);
	memcpy(sets, cs->both.sets, cs->both.n_sets * sizeof *sets);
	memcpy(sets + cs->both.n_sets, cs->sets[s], cs->n_sets[s] * sizeof *sets);
	a.sets = sets;
	char side[32];
	snprintf(side, sizeof side, "the %s side", side_names[s]);
	int rc = load(&a, cs->n_sets[s] ? side : NULL, shown, scn);
	cc_free(sets);
	if (rc)
		return rc;
	if (cs->run.reps > 0)
		scn->replications = (int)cs->run.reps;
	if (cs->run.seed >= 0)
		scn->seed = (uint64_t)cs->run.seed;
	return 0;
}

/*
 * "ccsim compare SCENARIO --base-set ... --candidate-set ...": both sides run (same seed and
 * replications, so paired on common random numbers) into their --*-out files or into a
 * temporary directory that goes whatever happens, then are compared as two files are.
 * Returns 0, or the exit code of a failure (printed).
 */
static int compare_scenario(const struct compare_sides *cs, double confidence,
                            struct cc_comparison **c, char *label[2])
{
	const char *tmp = getenv("TMPDIR");
	char tmpdir[4096], paths[2][4096 + 16];
	snprintf(tmpdir, sizeof tmpdir, "%s/ccsim-compare-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	int made_dir = 0, rc = 0;
	for (int s = 0; s < 2; s++) {
		if (cs->out[s]) {
			snprintf(paths[s], sizeof paths[s], "%s", "");
			continue;
		}
		if (!made_dir && !mkdtemp(tmpdir)) {
			cc_cli_error("compare: cannot make a temporary directory: %s", strerror(errno));
			return cc_status_exit_code(CC_ERR_IO);
		}
		made_dir = 1;
		snprintf(paths[s], sizeof paths[s], "%s/%s.h5", tmpdir, side_names[s]);
	}
	const char *files[2] = { cs->out[0] ? cs->out[0] : paths[0],
	                         cs->out[1] ? cs->out[1] : paths[1] };
	/* Both sides load before either runs: a bad override fails at once. */
	struct cc_scenario scn[2];
	int loaded = 0;
	for (; loaded < 2 && !rc; loaded += !rc)
		rc = load_side(cs, loaded, loaded ? &scn[0] : NULL, &scn[loaded]);
	for (int s = 0; s < 2 && !rc; s++) {
		struct run_options o = cs->run;
		o.output = files[s];
		rc = run_scenario(&scn[s], &o);
	}
	while (loaded > 0)
		cc_scenario_fini(&scn[--loaded]);
	char err[ERR_LEN];
	enum cc_status st;
	if (!rc && (st = cc_compare_files(files[0], files[1], confidence, c, err, sizeof err))) {
		cc_cli_error("compare: %s", err);
		rc = cc_status_exit_code(st);
	}
	for (int s = 0; s < 2; s++) {
		if (cs->out[s]) {
			label[s] = cc_strdup(cs->out[s]);
		} else {
			size_t len = strlen(cs->both.path) + 32;
			label[s] = cc_calloc(len, 1);
			snprintf(label[s], len, "%s (%s)", cs->both.path, side_names[s]);
		}
		if (paths[s][0])
			remove(paths[s]);
	}
	if (made_dir)
		rmdir(tmpdir);
	if (!rc) {
		(*c)->base_path = label[0];
		(*c)->cand_path = label[1];
	}
	return rc;
}

/* Takes argv[*I] if it is an option of the scenario form. Returns as cc_cli_option does. */
static int compare_side_arg(int argc, char **argv, int *i, struct compare_sides *cs)
{
	static const char *const set_opts[2] = { "--base-set", "--candidate-set" };
	static const char *const out_opts[2] = { "--base-out", "--candidate-out" };
	const char *v;
	int m = 0;
	for (int s = 0; s < 2 && !m; s++) {
		if ((m = cc_cli_option(argc, argv, i, set_opts[s], &v)) > 0)
			cs->sets[s][cs->n_sets[s]++] = v;
		else if (m == 0 && (m = cc_cli_option(argc, argv, i, out_opts[s], &v)) > 0)
			cs->out[s] = v;
	}
	if (m == 0) {
		if ((m = cc_cli_option(argc, argv, i, "--replications", &v)) > 0)
			m = cc_cli_long("--replications", v, 1, 100000, &cs->run.reps) ? -1 : 1;
		else if (m == 0 && (m = cc_cli_option(argc, argv, i, "--seed", &v)) > 0)
			m = cc_cli_long("--seed", v, 0, INT64_MAX, &cs->run.seed) ? -1 : 1;
		else if (m == 0 && (m = cc_cli_option(argc, argv, i, "--threads", &v)) > 0)
			m = cc_cli_long("--threads", v, 1, 1024, &cs->run.threads) ? -1 : 1;
		else if (m == 0 && ((m = cc_cli_option(argc, argv, i, "--set", &v)) > 0))
			cs->both.sets[cs->both.n_sets++] = v;
		else if (m == 0 && strcmp(argv[*i], "--strict") == 0)
			m = cs->both.strict = 1;
	}
	if (m > 0)
		cs->scenario_form = 1;
	return m;
}

static int cmd_compare(int argc, char **argv)
{
	if (wants_help(argc, argv)) {
		fputs(compare_usage, stdout);
		return 0;
	}
	const char *files[2] = { NULL, NULL }, *v;
	struct cc_gate *gates = cc_calloc((size_t)argc, sizeof *gates);
	size_t n_gates = 0, n_files = 0;
	double alpha = 0.05, confidence = 0.95;
	enum cc_compare_format fmt = CC_COMPARE_TEXT;
	char err[ERR_LEN];
	enum cc_status st = CC_OK;
	struct cc_comparison *c = NULL;
	struct compare_sides cs = { .run = { .seed = -1, .threads = 1, .quiet = 1 } };
	cs.both.sets = cc_calloc((size_t)argc, sizeof *cs.both.sets);
	cs.sets[0] = cc_calloc((size_t)argc, sizeof *cs.sets[0]);
	cs.sets[1] = cc_calloc((size_t)argc, sizeof *cs.sets[1]);
	char *label[2] = { NULL, NULL };
	for (int i = 1; i < argc && !st; i++) {
		int m;
		if ((m = compare_side_arg(argc, argv, &i, &cs)) != 0) {
			st = m < 0 ? CC_ERR_USAGE : CC_OK;
		} else if ((m = cc_cli_option(argc, argv, &i, "--fail-if", &v)) > 0) {
			if ((st = cc_gate_parse(v, &gates[n_gates++], err, sizeof err)))
				cc_cli_error("compare: %s", err);
		} else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--alpha", &v)) > 0) {
			st = cc_cli_double("--alpha", v, 1e-9, 0.5, &alpha);
		} else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--confidence", &v)) > 0) {
			st = cc_cli_double("--confidence", v, 0.5, 0.999999, &confidence);
		} else if (m < 0) {
			st = CC_ERR_USAGE;
		} else if (strcmp(argv[i], "--json") == 0) {
			fmt = CC_COMPARE_JSON;
		} else if (strcmp(argv[i], "--markdown") == 0) {
			fmt = CC_COMPARE_MARKDOWN;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cc_cli_error("compare: unknown option '%s' (try 'ccsim compare --help')", argv[i]);
			st = CC_ERR_USAGE;
		} else if (n_files == 2) {
			cc_cli_error("compare: two results files ('%s' is extra)", argv[i]);
			st = CC_ERR_USAGE;
		} else {
			files[n_files++] = argv[i];
		}
	}
	/* One argument that is not a results file: a scenario. */
	int scenario = n_files == 1;
	if (!st && n_files == 2 && cs.scenario_form) {
		cc_cli_error("compare: --base-set, --candidate-set, --base-out, --candidate-out, "
		             "--set, --replications, --seed, --threads and --strict need one scenario, "
		             "not two files");
		st = CC_ERR_USAGE;
	}
	size_t len0 = files[0] ? strlen(files[0]) : 0;
	if (!st && n_files == 1 && !cs.scenario_form && len0 > 3 &&
	    strcmp(files[0] + len0 - 3, ".h5") == 0) {
		cc_cli_error("compare: '%s' is a results file: compare needs two, or one scenario",
		             files[0]);
		st = CC_ERR_USAGE;
	}
	if (!st && n_files == 0) {
		cc_cli_error("compare: which files? (usage: ccsim compare BASE.h5 CANDIDATE.h5, or "
		             "ccsim compare SCENARIO --base-set ... --candidate-set ...)");
		st = CC_ERR_USAGE;
	}
	int code = 0;
	if (!st && scenario) {
		cs.both.path = files[0];
		catch_stop_signals();
		code = compare_scenario(&cs, confidence, &c, label);
	} else if (!st && (st = cc_compare_files(files[0], files[1], confidence, &c, err,
	                                         sizeof err))) {
		cc_cli_error("compare: %s", err);
	}
	if (!st && !code && (st = cc_compare_gates(c, gates, n_gates, alpha, err, sizeof err)))
		cc_cli_error("compare: %s", err);
	if (!st && !code) {
		cc_compare_print(stdout, c, fmt);
		code = stdout_failed() ? cc_status_exit_code(CC_ERR_IO) : c->failed ? 3 : 0;
	} else if (!code) {
		code = cc_status_exit_code(st);
	}
	cc_comparison_destroy(c);
	cc_free(gates);
	cc_free(cs.both.sets);
	cc_free(cs.sets[0]);
	cc_free(cs.sets[1]);
	cc_free(label[0]);
	cc_free(label[1]);
	return code;
}

int main(int argc, char **argv)
{
	cc_status_set_program("ccsim");
	static const struct cc_cli_command cmds[] = {
		{ "run", "simulate a scenario and write its results", cmd_run },
		{ "check", "validate a scenario without running it", cmd_check },
		{ "erlang", "analytic Erlang B, C and A figures", cmd_erlang },
		{ "export", "write a results file as CSV tables", cmd_export },
		{ "compare", "compare two results files, with regression gates", cmd_compare },
	};
	return cc_cli_dispatch("ccsim", CC_VERSION, usage, cmds, CC_ARRAY_SIZE(cmds),
	                       argc, argv);
}
