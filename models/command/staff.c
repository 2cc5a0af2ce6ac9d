/* "ccsim staff": the fewest agents per interval that meet targets, found by simulation
 * (the method is in models/staff/staff.h), verified on a fresh seed into a results file. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "models/command/command.h"
#include "models/output/clock.h"
#include "models/output/report.h"
#include "models/staff/staff.h"
#include "sim/alloc.h"
#include "sim/cli.h"
#include "sim/ranks.h"

/* The level of the verification's tests (see cc_staff_verify). */
#define VERIFY_ALPHA 0.05

static const char staff_usage[] =
	"usage: ccsim staff SCENARIO --target T [--target T ...] [options]\n"
	"\n"
	"Finds, for every interval and searched agent group, the fewest agents that meet every\n"
	"target, by simulating the whole day: an Erlang A (exponential patience) or Erlang C\n"
	"start per interval, then one agent more where an interval misses and one fewer where it\n"
	"meets with room, with the same random numbers every iteration, until nothing changes.\n"
	"The staffing found is then verified on a fresh seed (the scenario's seed + 1) and that\n"
	"run is written as a results file, the searched groups as day profiles (the staffing is\n"
	"also in the file's overrides).\n"
	"\n"
	"options:\n"
	"  --target T            [OWNER.]FIGURE>=VALUE or <=VALUE, OWNER a queue, a channel or\n"
	"                        any (every queue), e.g. 'sales.service_level>=0.80',\n"
	"                        'any.abandon_rate<=0.05', 'voice.asa_s<=30' (repeatable)\n"
	"  --groups G1,G2        the agent groups the search may change (default: all); the\n"
	"                        others keep their schedule\n"
	"  --max-occupancy X     also keep every searched group's occupancy at most X\n"
	"  --confidence C        meet a target with the end of the C interval on the wrong side\n"
	"                        (e.g. 0.9), not only the mean\n"
	"  --shrinkage S         also report the agents to roster: requirement / (1 - S), up\n"
	"  --max-agents N        the most agents per group and interval (default 500)\n"
	"  --max-iterations N    iterations before giving up as not converged (default 40)\n"
	"  --replications N      replications per simulation (default: the scenario's)\n"
	"  --seed N              the search's seed (default: the scenario's); the verification\n"
	"                        run uses N + 1\n"
	"  --threads N           replications run in parallel (default 1); results are identical\n"
	"  --set PATH=VALUE      change a setting first (repeatable)\n"
	"  --shifts RULES        also turn the staffing into shifts: how many agents start each\n"
	"                        shift the rules allow, for the fewest paid agent-hours (an\n"
	"                        integer program, GLPK), simulated and adjusted until the\n"
	"                        targets hold; printed as shifts to paste into the group, e.g.\n"
	"                        'length=8h,4h; start=06:00-14:00/30m; break=30m@4h' (an unpaid\n"
	"                        break 4 hours into every shift: no cover, no pay)\n"
	"  -o, --output FILE     results file of the verification run (default\n"
	"                        results/<scenario name>-staff.h5)\n"
	"  --json                print the staffing as JSON instead of the table\n"
	"  --csv DIR             also write DIR/staff.csv: one row per interval, group or target\n"
	"                        and quantity (erlang, staff, roster, mean, half_width)\n"
	"  --quiet               no progress and no table\n"
	"  --strict              refuse a scenario that draws a warning (exit 2)\n"
	"  -h, --help            this text\n"
	"\n"
	"The verification judges every interval and target by a one-sided t test of \"met\"\n"
	"against \"missed\", Holm-corrected across all of them at 0.05.\n"
	"\n"
	"exit codes: 0 staffing found, no target missed significantly in the verification run;\n"
	"4 a target cannot be reached within --max-agents (the message names the interval and\n"
	"target; no file written); 5 the search did not converge, or the verification run\n"
	"misses a target significantly (the file is written, the table marks the miss: MISS);\n"
	"1 I/O; 2 bad usage or scenario; 128 + N stopped by signal N\n";

struct staff_cli {
	struct cc_staff_target *targets;
	size_t n_targets;
	const char **groups;
	size_t n_groups;
	char *group_list;
	double max_occupancy, confidence, shrinkage;
	long long max_agents, max_iterations;
	const char *csv_dir;
	struct run_options o;
	int *missed;   /* [rows * checks]: the verification's significant misses */
	const char *shifts_text;          /* --shifts, or NULL */
	struct cc_shift_rules rules;
	struct cc_shift_plan *plans;      /* [searched groups], with --shifts */
	int rounds;
};

/* Whether reported row R is worth a line: something is staffed or required there. */
static int row_shown(const struct cc_staff *s, size_t r)
{
	for (size_t i = 0; i < s->n_groups; i++) {
		size_t k = (s->grid.first + r) * s->n_groups + i;
		if (s->erlang[k] || s->staff[k])
			return 1;
	}
	return 0;
}

static int roster(int staff, double shrinkage)
{
	return (int)ceil(staff / (1 - shrinkage) - 1e-9);
}

static void on_iteration(void *ctx, int k, size_t missing, double hours)
{
	(void)ctx;
	fprintf(stderr, "staff: iteration %d: %zu interval%s missing a target, %.1f agent-hours\n",
	        k, missing, missing == 1 ? "" : "s", hours);
}

static void print_table(const struct cc_staff *s, const struct cc_run *run,
                        const struct staff_cli *c, const char *path)
{
	int shrink = c->shrinkage > 0;
	char at[64];
	printf("%-8s %-12s %6s %6s", "interval", "group", "erlang", "staff");
	if (shrink)
		printf(" %6s", "roster");
	for (size_t k = 0; k < s->n_checks; k++)
		printf("  %-22s", s->checks[k].label);
	printf("\n");
	for (size_t r = 0; r < s->grid.count; r++) {
		if (!row_shown(s, r))
			continue;
		cc_clock_label(s->scn, (double)(s->grid.first + r) * s->step_s, at, sizeof at);
		for (size_t i = 0; i < s->n_groups; i++) {
			size_t k = (s->grid.first + r) * s->n_groups + i;
			printf("%-8s %-12s %6d %6d", i ? "" : at, s->scn->groups[s->groups[i]].name,
			       s->erlang[k], s->staff[k]);
			if (shrink)
				printf(" %6d", roster(s->staff[k], c->shrinkage));
			for (size_t q = 0; i == 0 && q < s->n_checks; q++) {
				struct cc_summary m = cc_staff_achieved(s, run, q, r, CC_RUN_LEVEL);
				char cell[64];
				if (isnan(m.mean))
					snprintf(cell, sizeof cell, "-");
				else
					snprintf(cell, sizeof cell, "%.3f ± %.3f%s", m.mean,
					         isnan(m.half_width) ? 0.0 : m.half_width,
					         c->missed[r * s->n_checks + q] ? " MISS" : "");
				printf("  %-22s", cell);
			}
			printf("\n");
		}
	}
	for (size_t i = 0; i < s->n_groups; i++) {
		double e = 0, f = 0, ro = 0;
		for (size_t j = s->grid.first; j < s->grid.first + s->grid.count; j++) {
			size_t k = j * s->n_groups + i;
			e += s->erlang[k], f += s->staff[k], ro += roster(s->staff[k], c->shrinkage);
		}
		double h = s->step_s / 3600;
		printf("total %s: %.1f agent-hours by simulation, %.1f by Erlang (%+.1f)", s->scn->groups[s->groups[i]].name,
		       f * h, e * h, (f - e) * h);
		if (shrink)
			printf(", %.1f to roster at shrinkage %.2f", ro * h, c->shrinkage);
		printf("\n");
	}
	for (size_t i = 0; c->plans && i < s->n_groups; i++) {
		const struct cc_shift_plan *p = &c->plans[i];
		printf("\nshifts of %s: %.1f paid agent-hours (no roster under the rules costs less "
		       "than %.1f)%s, after %d round%s of simulation:\n",
		       s->scn->groups[s->groups[i]].name, p->paid_hours, p->bound_hours,
		       p->optimal ? "" : ", the best found in the time allowed", c->rounds,
		       c->rounds == 1 ? "" : "s");
		cc_shift_plan_print(stdout, &c->rules, p, s->scn->start_s);
	}
	printf("search: %d iteration%s, %s; verified on seed %llu into %s\n", s->iterations,
	       s->iterations == 1 ? "" : "s", s->converged ? "converged" : "NOT converged",
	       (unsigned long long)s->scn->seed, path);
}

static void print_json(const struct cc_staff *s, const struct cc_run *run,
                       const struct staff_cli *c, const char *path, int verified)
{
	char at[64];
	printf("{\"scenario\": ");
	cc_report_json_string(stdout, s->scn->name);
	printf(", \"results\": ");
	cc_report_json_string(stdout, path);
	printf(", \"iterations\": %d, \"converged\": %s, \"verified\": %s, \"verification_seed\": %llu, "
	       "\"shrinkage\": %.17g, \"targets\": [", s->iterations, s->converged ? "true" : "false",
	       verified ? "true" : "false", (unsigned long long)s->scn->seed, c->shrinkage);
	for (size_t q = 0; q < s->n_checks; q++) {
		printf("%s", q ? ", " : "");
		cc_report_json_string(stdout, s->checks[q].label);
	}
	printf("], \"intervals\": [");
	int first = 1;
	for (size_t r = 0; r < s->grid.count; r++) {
		if (!row_shown(s, r))
			continue;
		double t = (double)(s->grid.first + r) * s->step_s;
		printf("%s\n  {\"start\": ", first ? "" : ",");
		first = 0;
		cc_report_json_string(stdout, cc_clock_label(s->scn, t, at, sizeof at));
		printf(", \"start_s\": %.17g, \"groups\": [", t);
		for (size_t i = 0; i < s->n_groups; i++) {
			size_t k = (s->grid.first + r) * s->n_groups + i;
			printf("%s{\"group\": ", i ? ", " : "");
			cc_report_json_string(stdout, s->scn->groups[s->groups[i]].name);
			printf(", \"erlang\": %d, \"staff\": %d, \"roster\": %d}", s->erlang[k], s->staff[k],
			       roster(s->staff[k], c->shrinkage));
		}
		printf("], \"figures\": [");
		for (size_t q = 0; q < s->n_checks; q++) {
			struct cc_summary m = cc_staff_achieved(s, run, q, r, CC_RUN_LEVEL);
			printf("%s{\"target\": ", q ? ", " : "");
			cc_report_json_string(stdout, s->checks[q].label);
			if (isnan(m.mean))
				printf(", \"mean\": null, \"half_width\": null");
			else if (isnan(m.half_width))
				printf(", \"mean\": %.17g, \"half_width\": null", m.mean);
			else
				printf(", \"mean\": %.17g, \"half_width\": %.17g", m.mean, m.half_width);
			printf(", \"met\": %s}", c->missed[r * s->n_checks + q] ? "false" : "true");
		}
		printf("]}");
	}
	printf("\n], \"totals\": [");
	for (size_t i = 0; i < s->n_groups; i++) {
		double e = 0, f = 0, ro = 0, h = s->step_s / 3600;
		for (size_t j = s->grid.first; j < s->grid.first + s->grid.count; j++) {
			size_t k = j * s->n_groups + i;
			e += s->erlang[k], f += s->staff[k], ro += roster(s->staff[k], c->shrinkage);
		}
		printf("%s{\"group\": ", i ? ", " : "");
		cc_report_json_string(stdout, s->scn->groups[s->groups[i]].name);
		printf(", \"erlang_hours\": %.17g, \"staff_hours\": %.17g, \"roster_hours\": %.17g",
		       e * h, f * h, ro * h);
		const struct cc_shift_plan *p = c->plans ? &c->plans[i] : NULL;
		if (p) {
			printf(", \"shifts\": {\"paid_hours\": %.17g, \"bound_hours\": %.17g, "
			       "\"optimal\": %s, \"rounds\": %d, \"plan\": [", p->paid_hours,
			       p->bound_hours, p->optimal ? "true" : "false", c->rounds);
			for (size_t k = 0; k < p->n; k++)
				printf("%s{\"start_s\": %.17g, \"length_s\": %.17g, \"count\": %d}",
				       k ? ", " : "", p->shifts[k].start_s, p->shifts[k].length_s,
				       p->shifts[k].count);
			printf("]}");
		}
		printf("}");
	}
	printf("]}\n");
}

/* DIR/staff.csv, long and tidy: interval, start_s, entity (a group or a target), quantity,
 * value. Returns 0 or the exit code (printed). */
static int write_csv(const struct cc_staff *s, const struct cc_run *run,
                     const struct staff_cli *c)
{
	char path[4096], at[64];
	if (!cc_ranks_writer()) /* another MPI rank: rank 0 writes it */
		return 0;
	if (mkdir(c->csv_dir, 0777) != 0 && errno != EEXIST) {
		cc_cli_error("staff: cannot create %s: %s", c->csv_dir, strerror(errno));
		return 1;
	}
	snprintf(path, sizeof path, "%s/staff.csv", c->csv_dir);
	FILE *f = fopen(path, "w");
	if (!f) {
		cc_cli_error("staff: cannot write %s: %s", path, strerror(errno));
		return 1;
	}
	fprintf(f, "interval,start_s,entity,quantity,value\n");
	for (size_t r = 0; r < s->grid.count; r++) {
		if (!row_shown(s, r))
			continue;
		double t = (double)(s->grid.first + r) * s->step_s;
		cc_clock_label(s->scn, t, at, sizeof at);
		for (size_t i = 0; i < s->n_groups; i++) {
			size_t k = (s->grid.first + r) * s->n_groups + i;
			const char *g = s->scn->groups[s->groups[i]].name;
			fprintf(f, "%s,%.17g,\"%s\",erlang,%d\n", at, t, g, s->erlang[k]);
			fprintf(f, "%s,%.17g,\"%s\",staff,%d\n", at, t, g, s->staff[k]);
			fprintf(f, "%s,%.17g,\"%s\",roster,%d\n", at, t, g, roster(s->staff[k], c->shrinkage));
		}
		for (size_t q = 0; q < s->n_checks; q++) {
			struct cc_summary m = cc_staff_achieved(s, run, q, r, CC_RUN_LEVEL);
			fprintf(f, "%s,%.17g,\"%s\",mean,%.17g\n", at, t, s->checks[q].label, m.mean);
			fprintf(f, "%s,%.17g,\"%s\",half_width,%.17g\n", at, t, s->checks[q].label,
			        m.half_width);
		}
	}
	if (fclose(f) != 0) {
		cc_cli_error("staff: writing %s failed", path);
		return 1;
	}
	return 0;
}

/* Records the staffing in the scenario's overrides, as the day profiles it set. */
static void record_staffing(struct cc_staff *s)
{
	size_t len = strlen(s->scn->overrides) + 1;
	for (size_t i = 0; i < s->n_groups; i++)
		len += 128 + strlen(s->scn->groups[s->groups[i]].name) + 8 * s->n_steps;
	char *text = cc_calloc(len, 1);
	size_t n = (size_t)snprintf(text, len, "%s", s->scn->overrides);
	for (size_t i = 0; i < s->n_groups; i++) {
		n += (size_t)snprintf(text + n, len - n, "agents.%s.profile = { step = %.17g; counts = [",
		                      s->scn->groups[s->groups[i]].name, s->step_s);
		for (size_t j = 0; j < s->n_steps; j++)
			n += (size_t)snprintf(text + n, len - n, "%s%d", j ? ", " : " ",
			                      s->staff[j * s->n_groups + i]);
		n += (size_t)snprintf(text + n, len - n, " ]; }  # by ccsim staff\n");
	}
	cc_free(s->scn->overrides);
	s->scn->overrides = text;
}

/* Records the plans of --shifts in the scenario's overrides, as scenario fragments. */
static void record_plans(struct cc_staff *s, const struct staff_cli *c)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	fputs(s->scn->overrides, f);
	for (size_t i = 0; i < s->n_groups; i++) {
		fprintf(f, "# agents.%s, by ccsim staff --shifts:\n", s->scn->groups[s->groups[i]].name);
		cc_shift_plan_print(f, &c->rules, &c->plans[i], s->scn->start_s);
	}
	fclose(f);
	cc_free(s->scn->overrides);
	s->scn->overrides = cc_strdup(text);
	free(text);
}

/* Runs the verification of S's staffing on the next seed into its results file, then prints
 * what C asks. Returns the exit code. */
static int verify(struct cc_staff *s, struct staff_cli *c)
{
	char path[4096];
	if (!c->o.output) {
		cc_results_default_path(s->scn, path, sizeof path);
		size_t n = strlen(path);
		if (n > 3 && strcmp(path + n - 3, ".h5") == 0)
			path[n - 3] = '\0';
		strncat(path, "-staff.h5", sizeof path - strlen(path) - 1);
		c->o.output = path;
	}
	if (!c->plans)
		record_staffing(s);
	else
		record_plans(s, c);
	s->scn->seed += 1;
	struct run_options o = c->o;
	o.quiet = 1, o.json = 0, o.csv_dir = NULL;
	struct cc_cmd_job j;
	int rc = cc_cmd_job_open(&j, s->scn, &o, 0);
	if (rc)
		return rc;
	j.run.keep_intervals = 1;
	if (!c->o.quiet)
		fprintf(stderr, "staff: verifying on seed %llu\n", (unsigned long long)s->scn->seed);
	enum cc_status st = cc_run_execute(&j.run);
	size_t missed = 0, first_row = SIZE_MAX, first_check = 0;
	c->missed = cc_calloc(s->grid.count * s->n_checks + 1, sizeof *c->missed);
	if (st == CC_OK)
		missed = cc_staff_verify(s, &j.run, VERIFY_ALPHA, c->missed);
	for (size_t k = 0; missed && k < s->grid.count * s->n_checks && first_row == SIZE_MAX; k++)
		if (c->missed[k])
			first_row = k / s->n_checks, first_check = k % s->n_checks;
	/* The CSV first: when it cannot be written, nothing is printed and no results file is
	 * left. */
	if (st == CC_OK && c->csv_dir)
		rc = write_csv(s, &j.run, c);
	if (st == CC_OK && !rc) {
		if (c->o.json)
			print_json(s, &j.run, c, j.path, !missed);
		else if (!c->o.quiet)
			print_table(s, &j.run, c, j.path);
	}
	int closed = 0;
	if (rc)
		cc_cmd_job_discard(&j);
	else
		closed = cc_cmd_job_close(&j, st);
	cc_run_fini(&j.run);
	cc_free(c->missed);
	c->missed = NULL;
	if (closed)
		return closed;
	if (rc)
		return rc;
	if (cc_cmd_stdout_failed())
		return 1;
	if (missed) {
		char at[64];
		cc_clock_label(s->scn, (double)(s->grid.first + first_row) * s->step_s, at, sizeof at);
		cc_cli_error("staff: the verification run misses %zu target%s significantly "
		             "(one-sided tests at %g, Holm-corrected across %zu), first at %s: %s",
		             missed, missed == 1 ? "" : "s", VERIFY_ALPHA,
		             s->grid.count * s->n_checks, at, s->checks[first_check].label);
		return CC_EXIT_UNCONFIRMED;
	}
	if (!s->converged) {
		cc_cli_error("staff: %s: the staffing meets the targets but may not be the fewest "
		             "(try --max-iterations)", s->why);
		return CC_EXIT_UNCONFIRMED;
	}
	return 0;
}

/* Splits LIST ("a,b") into C->groups. */
static void split_groups(struct staff_cli *c, const char *list)
{
	cc_free(c->group_list);
	c->group_list = cc_strdup(list);
	size_t n = 1;
	for (const char *p = list; *p; p++)
		n += *p == ',';
	c->groups = cc_realloc(c->groups, n, sizeof *c->groups);
	c->n_groups = 0;
	for (char *p = strtok(c->group_list, ","); p; p = strtok(NULL, ","))
		c->groups[c->n_groups++] = p;
}

/* Parses the command line into C and SA. Returns 0 or CC_ERR_USAGE (printed). */
static int parse(int argc, char **argv, struct staff_cli *c, struct scenario_args *sa)
{
	char err[CC_CMD_ERR_LEN];
	const char *v;
	int rc = 0;
	for (int i = 1; i < argc && rc == 0; i++) {
		int m;
		if ((m = cc_cli_option(argc, argv, &i, "-o", &v)) ||
		    (m = cc_cli_option(argc, argv, &i, "--output", &v))) {
			c->o.output = v;
			if (m > 0 && !v[0])
				cc_cli_error("staff: -o needs a file name (got an empty one)"), m = -1;
		} else if ((m = cc_cli_option(argc, argv, &i, "--csv", &v))) {
			c->csv_dir = v;
			if (m > 0 && !v[0])
				cc_cli_error("staff: --csv needs a directory (got an empty name)"), m = -1;
		} else if ((m = cc_cli_option(argc, argv, &i, "--target", &v)) > 0) {
			if ((rc = cc_staff_target_parse(v, &c->targets[c->n_targets++], err, sizeof err)))
				cc_cli_error("staff: %s", err);
		} else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--groups", &v)) > 0)
			split_groups(c, v);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--max-occupancy", &v)) > 0)
			rc = cc_cli_double("--max-occupancy", v, 0.01, 1, &c->max_occupancy);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--confidence", &v)) > 0)
			rc = cc_cli_double("--confidence", v, 0.5, 0.999, &c->confidence);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--shrinkage", &v)) > 0)
			rc = cc_cli_double("--shrinkage", v, 0, 0.95, &c->shrinkage);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--shifts", &v)) > 0)
			c->shifts_text = v;
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--max-agents", &v)) > 0)
			rc = cc_cli_long("--max-agents", v, 1, 100000, &c->max_agents);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--max-iterations", &v)) > 0)
			rc = cc_cli_long("--max-iterations", v, 1, 10000, &c->max_iterations);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--replications", &v)) > 0)
			rc = cc_cli_long("--replications", v, 2, 100000, &c->o.reps);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--seed", &v)) > 0)
			rc = cc_cli_long("--seed", v, 0, INT64_MAX - 1, &c->o.seed);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--threads", &v)) > 0)
			rc = cc_cli_long("--threads", v, 1, 1024, &c->o.threads);
		else if (m < 0)
			rc = CC_ERR_USAGE;
		else if (m > 0)
			;
		else if (strcmp(argv[i], "--json") == 0)
			c->o.json = 1, m = 1;
		else if (strcmp(argv[i], "--quiet") == 0)
			c->o.quiet = 1, m = 1;
		else if (!(m = cc_cmd_scenario_arg(argc, argv, &i, "staff", sa)))
			cc_cli_error("staff: unknown option '%s' (try 'ccsim staff --help')", argv[i]), m = -1;
		if (m < 0)
			rc = CC_ERR_USAGE;
	}
	if (rc == 0 && !sa->path) {
		cc_cli_error("staff: which scenario? (usage: ccsim staff SCENARIO --target T)");
		rc = CC_ERR_USAGE;
	}
	if (rc == 0 && !c->n_targets) {
		cc_cli_error("staff: which target? (e.g. --target 'sales.service_level>=0.80')");
		rc = CC_ERR_USAGE;
	}
	return rc;
}

/* The most rounds of plans and simulation --shifts makes before it settles. */
enum { SHIFT_ROUNDS = 20 };

/* --shifts: the staffing found as plans of shifts, simulated and adjusted (cc_staff_shifts).
 * Returns 0, or the exit code (printed). */
static int make_shifts(struct cc_staff *s, struct staff_cli *c)
{
	char err[CC_CMD_ERR_LEN];
	if (cc_shift_rules_parse(c->shifts_text, s->scn->start_s, &c->rules, err, sizeof err)) {
		cc_cli_error("staff: %s", err);
		return cc_status_exit_code(CC_ERR_USAGE);
	}
	c->plans = cc_calloc(s->n_groups, sizeof *c->plans);
	enum cc_status st = cc_staff_shifts(s, &c->rules, SHIFT_ROUNDS, c->plans, &c->rounds);
	if (st == CC_ERR_STOPPED) {
		cc_cli_error("stopped by %s: no results written", cc_cmd_signal_name());
		return cc_cmd_stop_exit_code();
	}
	if (st) {
		cc_cli_error("staff: %s", s->why);
		return cc_status_exit_code(st);
	}
	if (!s->converged)
		snprintf(s->why, sizeof s->why, "the shifts still miss a target after %d rounds",
		         c->rounds);
	return 0;
}

int cc_cmd_staff(int argc, char **argv)
{
	if (cc_cmd_wants_help(argc, argv)) {
		fputs(staff_usage, stdout);
		return 0;
	}
	struct scenario_args sa = { 0 };
	sa.sets = cc_calloc((size_t)argc, sizeof *sa.sets);
	struct staff_cli c = { .max_occupancy = NAN, .confidence = NAN, .max_agents = 500,
	                       .max_iterations = 40, .o = { .seed = -1, .threads = 1 } };
	c.targets = cc_calloc((size_t)argc, sizeof *c.targets);
	struct cc_scenario scn;
	struct cc_staff s = { 0 };
	int loaded = 0;
	int rc = parse(argc, argv, &c, &sa) ? cc_status_exit_code(CC_ERR_USAGE) : 0;
	if (!rc) {
		cc_cmd_catch_signals();
		rc = cc_cmd_load(&sa, NULL, NULL, &scn);
		loaded = !rc;
	}
	if (!rc) {
		if (c.o.reps > 0)
			scn.replications = (int)c.o.reps;
		if (c.o.seed >= 0)
			scn.seed = (uint64_t)c.o.seed;
		char err[CC_CMD_ERR_LEN];
		/* A trace's days bound the replications of every simulation of the search. */
		enum cc_status st = cc_scenario_check_replications(&scn, (size_t)scn.replications,
		                                                   err, sizeof err);
		struct cc_staff_options so = {
			.targets = c.targets, .n_targets = c.n_targets,
			.groups = c.groups, .n_groups = c.n_groups,
			.max_occupancy = c.max_occupancy, .confidence = c.confidence,
			.max_agents = (int)c.max_agents, .max_iterations = (int)c.max_iterations,
			.threads = (int)c.o.threads, .stop = &cc_cmd_stop_flag,
			.on_iteration = c.o.quiet ? NULL : on_iteration,
		};
		if (!st)
			st = cc_staff_init(&s, &scn, &so, err, sizeof err);
		if (st) {
			cc_cli_error("staff: %s", err);
			rc = cc_status_exit_code(st);
		} else if ((st = cc_staff_search(&s))) {
			if (st == CC_ERR_STOPPED)
				cc_cli_error("stopped by %s: no results written", cc_cmd_signal_name());
			else
				cc_cli_error("staff: %s: %s", scn.path, s.why);
			rc = st == CC_ERR_STOPPED ? cc_cmd_stop_exit_code() : cc_status_exit_code(st);
		} else if (s.unreachable) {
			cc_cli_error("staff: %s", s.why);
			rc = CC_EXIT_UNREACHABLE;
		} else if (c.shifts_text && (rc = make_shifts(&s, &c))) {
			;
		} else {
			rc = verify(&s, &c);
		}
	}
	for (size_t i = 0; c.plans && i < s.n_groups; i++)
		cc_shift_plan_fini(&c.plans[i]);
	cc_free(c.plans);
	cc_staff_fini(&s);
	if (loaded)
		cc_scenario_fini(&scn);
	cc_free(c.targets);
	cc_free(c.groups);
	cc_free(c.group_list);
	cc_free(sa.sets);
	return rc;
}
