/* "ccsim compare": two results files, or a scenario run as base and candidate, with gates. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "models/command/command.h"
#include "models/output/compare.h"
#include "sim/alloc.h"
#include "sim/cli.h"
#include "sim/ranks.h"

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
	"With --intervals, also every figure in every interval, from each replication's values per\n"
	"interval: the same test (paired or Welch), marks and confidence, the intervals named by\n"
	"their clock time. The files need them: a scenario with output.replications = \"intervals\"\n"
	"(or 'ccsim run ... --set output.replications=intervals'), and the same interval grid.\n"
	"\n"
	"Given a scenario, runs it twice, base and candidate, with the same seed and replications\n"
	"(so paired), and compares the two runs as two files: same table, gates and exit codes.\n"
	"Nothing is left on disk unless --base-out or --candidate-out asks. With --intervals both\n"
	"runs keep each replication's values per interval, whatever the scenario says.\n"
	"\n"
	"scenario form:\n"
	"  --base-set PATH=VALUE       change a setting of the base run only (repeatable)\n"
	"  --candidate-set PATH=VALUE  change a setting of the candidate run only (repeatable)\n"
	"  --set PATH=VALUE            change a setting of both runs (repeatable)\n"
	"  --replications N, --seed N, --threads N, --strict   as in 'ccsim run', for both\n"
	"  --precision T, --max-replications N   run both sides in the same batches until the\n"
	"                              half-width of every difference T names is at most its\n"
	"                              target ('sales.service_level=0.5pt'; a percent is of the\n"
	"                              base mean); see 'ccsim run --help'\n"
	"  --base-out FILE, --candidate-out FILE   keep that side's results file\n"
	"\n"
	"options:\n"
	"  --intervals           also compare every figure interval by interval (after the\n"
	"                        whole-horizon table; JSON \"intervals\", a folded Markdown table)\n"
	"  --fail-if GATE        fail (exit 3) on a significant regression beyond a margin\n"
	"                        (repeatable): [OWNER.]FIGURE < MARGIN or > MARGIN, e.g.\n"
	"                        'sales.service_level < -1pt', 'asa_s > +5%',\n"
	"                        'any.abandon_rate > +0.5pt', 'support.asa_s > 10s'. OWNER is a\n"
	"                        queue, group or channel, 'any' every queue, none every entity\n"
	"                        with FIGURE; MARGIN in points (1pt = 0.01 of a share), percent\n"
	"                        of the base mean, a duration, or the figure's units. Gates test\n"
	"                        the whole-horizon figures only, never single intervals\n"
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
	"compared (different queues, groups or figures; with --intervals, a file without values\n"
	"per interval or different interval grids); 3 a gate failed; 128 + N stopped by signal N\n";

/* The two sides of "ccsim compare SCENARIO": the options both share, and each side's. */
struct compare_sides {
	struct scenario_args both;            /* the scenario and --set, for both sides */
	const char **sets[2];                 /* --base-set, --candidate-set */
	size_t n_sets[2];
	const char *out[2];                   /* --base-out, --candidate-out, or NULL */
	struct run_options run;
	int intervals;                        /* --intervals: compare per interval too */
	struct cc_precision_target *targets;  /* --precision, on the paired differences */
	size_t n_targets;
	long long max_reps;                   /* --max-replications, or -1 */
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
	int rc = cc_cmd_load(&a, cs->n_sets[s] ? side : NULL, shown, scn);
	cc_free(sets);
	if (rc)
		return rc;
	if (cs->run.reps > 0)
		scn->replications = (int)cs->run.reps;
	if (cs->run.seed >= 0)
		scn->seed = (uint64_t)cs->run.seed;
	char why[CC_CMD_ERR_LEN];
	if (cc_scenario_check_replications(scn, (size_t)scn->replications, why, sizeof why)) {
		cc_cli_error("compare: --replications: %s", why);
		cc_scenario_fini(scn);
		return cc_status_exit_code(CC_ERR_SCENARIO);
	}
	/* Set here rather than as an override: both sides alike, so the pairing (which looks at
	 * the scenario text, seed and replications) is untouched, and the overrides shown are
	 * the user's own. */
	if (cs->intervals)
		scn->rep_intervals = 1;
	return 0;
}

/* What the precision check of a comparison reads: both sides' runs. */
struct pair {
	struct cc_precision *precision;
	struct cc_cmd_job *jobs[2];
	struct cc_run *runs[2];
};

/* The precision of a comparison is that of the paired differences: each bound cell's
 * candidate - base over the replications so far (its mean, for percents, the base's). */
static size_t check_pair(void *ctx)
{
	struct pair *pr = ctx;
	const struct cc_run *base = &pr->jobs[0]->run, *cand = &pr->jobs[1]->run;
	size_t n = base->replications;
	double *v[2] = { cc_calloc(n, sizeof *v[0]), cc_calloc(n, sizeof *v[1]) };
	for (size_t i = 0; i < pr->precision->n_cells; i++) {
		struct cc_precision_cell *c = &pr->precision->cells[i];
		for (size_t rep = 0; rep < n; rep++) {
			v[0][rep] = cc_run_value(base, c->figure, rep, base->grid.count, c->index);
			v[1][rep] = cc_run_value(cand, c->figure, rep, cand->grid.count, c->index);
		}
		struct cc_diff d;
		cc_compare_diff(v[0], n, v[1], n, 1, CC_RUN_LEVEL, &d);
		c->mean = d.base_mean;
		c->half_width = d.se == 0 ? 0 : (d.hi - d.lo) / 2;
	}
	cc_free(v[0]);
	cc_free(v[1]);
	size_t next = cc_precision_next(pr->precision, n);
	for (int s = 0; s < 2; s++)
		cc_precision_describe(pr->precision, pr->jobs[s]->view.note,
		                      sizeof pr->jobs[s]->view.note);
	return next;
}

/* Binds --precision to the base side SCN[0]; the candidate must have the same entities. */
static int bind_sides(const struct compare_sides *cs, struct cc_scenario scn[2],
                      struct cc_precision *p)
{
	int rc = cc_cmd_bind_precision(p, cs->targets, cs->n_targets, &scn[0], cs->max_reps,
	                               "compare");
	if (rc)
		return rc;
	struct cc_layout l[2];
	int same = 1;
	for (int s = 0; s < 2; s++)
		cc_layout_init(&l[s], &scn[s]);
	same = l[0].cells == l[1].cells && scn[0].n_queues == scn[1].n_queues &&
	       scn[0].n_groups == scn[1].n_groups;
	for (size_t q = 0; same && q < scn[0].n_queues; q++)
		same = strcmp(scn[0].queues[q].label, scn[1].queues[q].label) == 0;
	for (size_t g = 0; same && g < scn[0].n_groups; g++)
		same = strcmp(scn[0].groups[g].name, scn[1].groups[g].name) == 0;
	for (int s = 0; s < 2; s++)
		cc_layout_fini(&l[s]);
	if (!same) {
		cc_cli_error("compare: --precision needs both sides to have the same queues, groups "
		             "and channels");
		cc_precision_fini(p);
		return cc_status_exit_code(CC_ERR_USAGE);
	}
	return 0;
}

/* Runs both loaded sides into FILES as 'ccsim run' does: both files open first (an unwritable
 * one fails before anything runs), then one side after the other, or, to --precision, both in
 * lockstep batches (so they always have the same replications, and stay paired). Returns 0, or
 * the exit code of the first failure (printed, naming the side; the other side's file goes
 * too). */
static int run_sides(const struct compare_sides *cs, struct cc_scenario scn[2],
                     const char *const files[2])
{
	struct cc_precision precision;
	struct run_options o[2] = { cs->run, cs->run };
	struct cc_cmd_job jobs[2];
	memset(jobs, 0, sizeof jobs);
	char side[2][32];
	int rc = 0, staged = cs->n_targets > 0;
	if (staged && (rc = bind_sides(cs, scn, &precision)))
		return rc;
	for (int s = 0; s < 2 && !rc; s++) {
		snprintf(side[s], sizeof side[s], "the %s side", side_names[s]);
		o[s].output = files[s];
		o[s].side = side[s];
		o[s].progress = 1;
		o[s].keep_totals = staged;
		rc = cc_cmd_job_open(&jobs[s], &scn[s], &o[s], staged);
		jobs[s].view.label = side_names[s];
	}
	enum cc_status st = CC_OK;
	size_t failed = 0;
	if (!rc && staged) {
		struct pair pr = { &precision, { &jobs[0], &jobs[1] }, { &jobs[0].run, &jobs[1].run } };
		st = cc_cmd_runs_to_precision(pr.runs, 2, cc_cmd_first_batch(&scn[0]), check_pair, &pr,
		                              &failed);
	}
	for (size_t s = 0; !rc && !staged && !st && s < 2; s++)
		if ((st = cc_run_execute(&jobs[s].run)))
			failed = s;
	/* A failure to open was reported and nothing ran; a run's failure is reported for the
	 * side that failed. The other side's file goes. */
	for (size_t k = 0; k < 2; k++) {
		size_t s = (failed + k) % 2;
		if (rc || (st && k))
			cc_cmd_job_discard(&jobs[s]);
		else
			rc = cc_cmd_job_close(&jobs[s], st);
	}
	if (!rc && staged) {
		char line[512];
		cc_cmd_precision_summary(&precision, " of the paired differences",
		                         jobs[0].run.replications, line, sizeof line);
		cc_cli_put_line(stderr, line);
	}
	for (int s = 0; s < 2; s++)
		cc_run_fini(&jobs[s].run);
	if (staged)
		cc_precision_fini(&precision);
	return rc;
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
	if (!rc)
		rc = run_sides(cs, scn, files);
	while (loaded > 0)
		cc_scenario_fini(&scn[--loaded]);
	char err[CC_CMD_ERR_LEN];
	enum cc_status st;
	/* With MPI ranks, rank 0 compares the files it wrote; the others ran their share of both
	 * sides and leave *C NULL. */
	if (!rc && cc_ranks_writer() &&
	    (st = cc_compare_files(files[0], files[1], confidence, cs->intervals, c, err,
	                           sizeof err))) {
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
	if (!rc && *c) {
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
		else if (m == 0 && (m = cc_cli_option(argc, argv, i, "--max-replications", &v)) > 0)
			m = cc_cli_long("--max-replications", v, 2, 100000, &cs->max_reps) ? -1 : 1;
		else if (m == 0 && (m = cc_cli_option(argc, argv, i, "--precision", &v)) > 0) {
			char err[CC_CMD_ERR_LEN];
			if (cc_precision_parse(v, &cs->targets[cs->n_targets++], err, sizeof err)) {
				cc_cli_error("compare: %s", err);
				m = -1;
			}
		}
	}
	if (m > 0)
		cs->scenario_form = 1;
	return m;
}

int cc_cmd_compare(int argc, char **argv)
{
	if (cc_cmd_wants_help(argc, argv)) {
		fputs(compare_usage, stdout);
		return 0;
	}
	const char *files[2] = { NULL, NULL }, *v;
	struct cc_gate *gates = cc_calloc((size_t)argc, sizeof *gates);
	size_t n_gates = 0, n_files = 0;
	double alpha = 0.05, confidence = 0.95;
	enum cc_compare_format fmt = CC_COMPARE_TEXT;
	char err[CC_CMD_ERR_LEN];
	enum cc_status st = CC_OK;
	struct cc_comparison *c = NULL;
	struct compare_sides cs = { .run = { .seed = -1, .threads = 1, .quiet = 1 }, .max_reps = -1 };
	cs.targets = cc_calloc((size_t)argc, sizeof *cs.targets);
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
		} else if (strcmp(argv[i], "--intervals") == 0) {
			cs.intervals = 1;
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
		             "--set, --replications, --seed, --threads, --strict, --precision and "
		             "--max-replications need one scenario, not two files");
		st = CC_ERR_USAGE;
	}
	if (!st && cs.max_reps > 0 && !cs.n_targets) {
		cc_cli_error("compare: --max-replications goes with --precision");
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
		cc_cmd_catch_signals();
		code = compare_scenario(&cs, confidence, &c, label);
	} else if (!st && (st = cc_compare_files(files[0], files[1], confidence, cs.intervals, &c,
	                                         err, sizeof err))) {
		cc_cli_error("compare: %s", err);
	}
	if (!st && !code && c && (st = cc_compare_gates(c, gates, n_gates, alpha, err, sizeof err)))
		cc_cli_error("compare: %s", err);
	if (!st && !code && c) {
		cc_compare_print(stdout, c, fmt);
		code = cc_cmd_stdout_failed() ? cc_status_exit_code(CC_ERR_IO) : c->failed ? CC_EXIT_GATE : 0;
	} else if (!code) {
		code = cc_status_exit_code(st);
	}
	cc_comparison_destroy(c);
	cc_free(gates);
	cc_free(cs.both.sets);
	cc_free(cs.sets[0]);
	cc_free(cs.targets);
	cc_free(cs.sets[1]);
	cc_free(label[0]);
	cc_free(label[1]);
	return code;
}

