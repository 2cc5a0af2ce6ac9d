/* "ccsim erlang": the analytic Erlang B, C and A figures of one queue, and the staffing
 * that meets targets, per interval of a forecast. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "models/command/command.h"
#include "models/erlang.h"
#include "models/output/report.h"
#include "models/scenario/forecast.h"
#include "sim/alloc.h"
#include "sim/cli.h"
#include "sim/duration.h"
#include "sim/macros.h"

static const char erlang_usage[] =
	"usage: ccsim erlang --rate R [--per DURATION] --aht DURATION --agents N[-M]\n"
	"                    [--patience DURATION] [--threshold DURATION] [--json]\n"
	"       ccsim erlang TARGETS (--forecast FILE [--queue NAME] [--interval DURATION]\n"
	"                    [--aht DURATION] | --rate R [--per DURATION] --aht DURATION)\n"
	"                    [--patience DURATION] [--threshold DURATION] [--json]\n"
	"\n"
	"Analytic steady-state figures for one queue with Poisson arrivals and exponential\n"
	"handle times: Erlang C (no --patience) or Erlang A (exponential patience), with the\n"
	"Erlang B blocking of the same load.\n"
	"\n"
	"The first form prints the figures of each staffing level. The second solves for\n"
	"staffing: the fewest agents meeting every target, per interval of a forecast (or for\n"
	"one rate), under Erlang C and, with --patience, Erlang A too, with the service level,\n"
	"ASA, abandonment and occupancy they give, and the day's total in agent-hours.\n"
	"\n"
	"  --rate R            arrivals per --per (default per hour)\n"
	"  --per DURATION      the period of the rate, e.g. 30m (default 1h)\n"
	"  --aht DURATION      mean handle time, e.g. 180s (with --forecast: for the intervals\n"
	"                      whose row gives no AHT)\n"
	"  --agents N or N-M   agents, or a range of staffing levels (one row each)\n"
	"  --patience DURATION mean patience (Erlang A); omit for Erlang C\n"
	"  --threshold DURATION service-level threshold (default 20s)\n"
	"  --json              the same as JSON\n"
	"\n"
	"Targets (at least one; each met in every interval):\n"
	"  --target-sl SHARE      service level at least SHARE (0.80) within --threshold\n"
	"  --target-asa DURATION  average speed of answer at most this\n"
	"  --target-abandon SHARE abandonment at most SHARE (Erlang A)\n"
	"  --max-occupancy SHARE  occupancy at most SHARE (0.85)\n"
	"\n"
	"Forecasts:\n"
	"  --forecast FILE     a CSV file as WFM tools export it, as a scenario's\n"
	"                      arrivals.forecast reads it: a header naming the columns interval\n"
	"                      start (HH:MM, or seconds), queue, volume (contacts in the\n"
	"                      interval) and optionally AHT (seconds); see scenarios/README.md\n"
	"  --queue NAME        only this queue of the file (default every queue, one table each)\n"
	"  --interval DURATION the intervals' length (default: the smallest gap between starts)\n"
	"\n"
	"examples: ccsim erlang --rate 100 --per 30m --aht 180s --agents 11-16\n"
	"          ccsim erlang --target-sl 0.80 --threshold 20s --rate 100 --per 30m --aht 180s\n"
	"          ccsim erlang --target-sl 0.80 --threshold 20s --max-occupancy 0.85 \\\n"
	"                       --forecast scenarios/staffing-forecast.csv --patience 3m\n";

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

/* The command line. */
struct erlang_args {
	double rate, per, aht, patience, threshold, interval;
	long long lo, hi;
	int json;
	const char *forecast, *queue;
	struct cc_erlang_target target;
};

/* A share from 0 to 1 for OPT. */
static int share_arg(const char *opt, const char *text, double *out)
{
	/* Strictly between 0 and 1: no staffing gives a service level of 1 or no abandonment at
	 * all under the formulas, and a target of 0 asks nothing. */
	return cc_cli_double(opt, text, 1e-9, 1 - 1e-9, out) != CC_OK;
}

/* The --agents range: N or N-M. */
static int agents_arg(const char *v, struct erlang_args *a)
{
	const char *dash = strchr(v, '-');
	if (!dash) {
		if (cc_cli_long("--agents", v, 1, 1000000, &a->lo) != CC_OK)
			return 1;
		a->hi = a->lo;
		return 0;
	}
	char first[32];
	snprintf(first, sizeof first, "%.*s", (int)(dash - v), v);
	return cc_cli_long("--agents", first, 1, 1000000, &a->lo) != CC_OK ||
	       cc_cli_long("--agents", dash + 1, a->lo, 1000000, &a->hi) != CC_OK;
}

/* Reads argv into A; 1 when something was wrong (and said). */
static int parse_args(int argc, char **argv, struct erlang_args *a)
{
	int bad = 0;
	for (int i = 1; i < argc && !bad; i++) {
		const char *v;
		int m;
		if ((m = cc_cli_option(argc, argv, &i, "--rate", &v)) > 0)
			bad = cc_cli_double("--rate", v, 0, 1e12, &a->rate) != CC_OK;
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--per", &v)) > 0)
			bad = duration_arg("--per", v, &a->per);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--aht", &v)) > 0)
			bad = duration_arg("--aht", v, &a->aht);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--patience", &v)) > 0)
			bad = duration_arg("--patience", v, &a->patience);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--threshold", &v)) > 0)
			bad = duration_arg("--threshold", v, &a->threshold);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--agents", &v)) > 0)
			bad = agents_arg(v, a);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--target-sl", &v)) > 0)
			bad = share_arg("--target-sl", v, &a->target.service_level);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--target-asa", &v)) > 0)
			bad = duration_arg("--target-asa", v, &a->target.asa_s);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--target-abandon", &v)) > 0)
			bad = share_arg("--target-abandon", v, &a->target.abandon_rate);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--max-occupancy", &v)) > 0)
			bad = share_arg("--max-occupancy", v, &a->target.occupancy);
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--forecast", &v)) > 0)
			a->forecast = v;
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--queue", &v)) > 0)
			a->queue = v;
		else if (m == 0 && (m = cc_cli_option(argc, argv, &i, "--interval", &v)) > 0)
			bad = duration_arg("--interval", v, &a->interval);
		else if (m == 0 && strcmp(argv[i], "--json") == 0)
			a->json = 1;
		else if (m == 0) {
			cc_cli_error("erlang: unknown argument '%s' (try 'ccsim erlang --help')", argv[i]);
			bad = 1;
		}
		if (m < 0)
			bad = 1;
	}
	return bad;
}

/* Whether A asks for staffing (any target) rather than figures per staffing level. */
static int solving(const struct erlang_args *a)
{
	const struct cc_erlang_target *t = &a->target;
	return !isnan(t->service_level) || !isnan(t->asa_s) || !isnan(t->abandon_rate) ||
	       !isnan(t->occupancy);
}

/* The figures of each staffing level from LO to HI, as a table or JSON. */
static int levels(const struct erlang_args *a)
{
	struct cc_erlang_input in = { a->rate / a->per, a->aht, 0, a->patience, a->threshold };
	int erlang_a = isfinite(a->patience) && a->patience > 0;
	if (a->json)
		putchar('[');
	else {
		printf("rate %g per %gs (%.6g/s), AHT %gs, load %.4g erlangs, threshold %gs, %s\n",
		       a->rate, a->per, in.rate_per_s, a->aht, in.rate_per_s * a->aht, a->threshold,
		       erlang_a ? "Erlang A (exponential patience)" : "Erlang C (nobody abandons)");
		if (erlang_a)
			printf("mean patience %gs\n", a->patience);
		printf("%7s %8s %8s %9s %8s %9s %10s %9s\n", "agents", "P(wait)", "SL", "ASA s",
		       "abandon", "occupancy", "queue len", "Erlang B");
	}
	for (long long c = a->lo; c <= a->hi; c++) {
		struct cc_erlang_result r;
		in.agents = (int)c;
		if (cc_erlang_solve(&in, &r) != CC_OK) {
			if (a->json)
				puts("]");
			cc_cli_error("erlang: the inputs are outside what the formulas can solve (%lld agents)", c);
			return cc_status_exit_code(CC_ERR_RANGE);
		}
		if (a->json)
			erlang_json(&r, (int)c, c == a->lo);
		else
			printf("%7lld %8.4f %8.4f %9.2f %8.4f %9.4f %10.3f %9.4f%s\n", c, r.p_wait,
			       r.service_level, r.asa_s, r.abandon_rate, r.occupancy, r.mean_queue_length,
			       r.erlang_b, r.stable ? "" : "  (unstable: load >= agents)");
	}
	if (a->json)
		puts("]");
	return 0;
}

/* ---- staffing to targets ---- */

/* The most agents an interval may need before its target counts as not reachable. */
#define MAX_AGENTS 100000

/* One interval to staff: its contacts over LENGTH_S seconds, their AHT. */
struct need {
	char start[32];      /* "07:30", or "" for a single rate */
	double start_s;      /* NaN for a single rate */
	double contacts, aht_s, length_s;
	int agents[2];       /* Erlang C, Erlang A: the fewest meeting the targets (0: none
	                        needed, -1: not reachable) */
	struct cc_erlang_result r[2];
};

/* Staffs N under A's targets: Erlang C, and Erlang A when A has a patience. Returns the
 * number of intervals whose targets are not reachable. */
static int staff(const struct erlang_args *a, struct need *n)
{
	int models = isfinite(a->patience) && a->patience > 0 ? 2 : 1, unreachable = 0;
	for (int m = 0; m < models; m++) {
		n->agents[m] = 0;
		if (!(n->contacts > 0))
			continue;
		struct cc_erlang_input in = { n->contacts / n->length_s, n->aht_s, 0,
		                              m ? a->patience : INFINITY, a->threshold };
		n->agents[m] = cc_erlang_agents_for(&in, &a->target, MAX_AGENTS, &n->r[m]);
		if (n->agents[m] == 0) {
			n->agents[m] = -1;
			unreachable++;
		}
	}
	return unreachable;
}

static void json_figures(const struct need *n, int m)
{
	printf("{\"agents\": ");
	if (n->agents[m] < 0) {
		printf("null, \"reachable\": false}");
		return;
	}
	printf("%d", n->agents[m]);
	const struct cc_erlang_result *r = &n->r[m];
	const double v[] = { r->service_level, r->asa_s, r->abandon_rate, r->occupancy };
	const char *const k[] = { "service_level", "asa_s", "abandon_rate", "occupancy" };
	for (size_t i = 0; i < CC_ARRAY_SIZE(v); i++) {
		printf(", \"%s\": ", k[i]);
		cc_report_json_number(stdout, n->agents[m] > 0 ? v[i] : NAN);
	}
	putchar('}');
}

/* One queue's intervals as JSON: QUEUE NULL for a single rate. */
static void json_queue(const struct erlang_args *a, const char *queue, const struct need *n,
                       size_t count, int first)
{
	int models = isfinite(a->patience) && a->patience > 0 ? 2 : 1;
	static const char *const model[] = { "erlang_c", "erlang_a" };
	double hours[2] = { 0, 0 };
	printf("%s{\"queue\": ", first ? "" : ", ");
	if (queue)
		cc_report_json_string(stdout, queue);
	else
		printf("null");
	printf(", \"intervals\": [");
	for (size_t i = 0; i < count; i++) {
		printf("%s{\"start\": ", i ? ", " : "");
		if (n[i].start[0])
			cc_report_json_string(stdout, n[i].start);
		else
			printf("null");
		printf(", \"start_s\": ");
		cc_report_json_number(stdout, n[i].start_s);
		printf(", \"length_s\": %.10g, \"contacts\": %.10g, \"aht_s\": %.10g, "
		       "\"load_erlangs\": %.10g", n[i].length_s, n[i].contacts, n[i].aht_s,
		       n[i].contacts * n[i].aht_s / n[i].length_s);
		for (int m = 0; m < models; m++) {
			printf(", \"%s\": ", model[m]);
			json_figures(&n[i], m);
			hours[m] += n[i].agents[m] > 0 ? n[i].agents[m] * n[i].length_s / 3600 : 0;
		}
		putchar('}');
	}
	printf("], \"agent_hours\": {");
	for (int m = 0; m < models; m++)
		printf("%s\"%s\": %.10g", m ? ", " : "", model[m], hours[m]);
	printf("}}");
}

/* The figures of model M in the table: agents, SL, ASA (abandonment for Erlang A),
 * occupancy. */
static void table_figures(const struct need *n, int m)
{
	if (n->agents[m] < 0) {
		printf(" | %6s %-30s", "-", "not reachable");
		return;
	}
	if (n->agents[m] == 0) {
		printf(" | %6d %6s %7s%s %6s", 0, "-", "-", m ? "        -" : "", "-");
		return;
	}
	const struct cc_erlang_result *r = &n->r[m];
	printf(" | %6d %6.1f %7.1f", n->agents[m], r->service_level * 100, r->asa_s);
	if (m)
		printf(" %8.1f", r->abandon_rate * 100);
	printf(" %6.1f", r->occupancy * 100);
}

/* One queue's intervals as a table: QUEUE NULL for a single rate. */
static void table_queue(const struct erlang_args *a, const char *queue, const char *source,
                        const struct need *n, size_t count)
{
	int models = isfinite(a->patience) && a->patience > 0 ? 2 : 1;
	double hours[2] = { 0, 0 }, contacts = 0;
	char len[32];
	cc_duration_format(n[0].length_s, len, sizeof len);
	if (queue)
		printf("\nqueue %s (%s, %zu intervals of %s)\n", queue, source, count, len);
	else
		printf("\n");
	printf("%-9s %8s %6s %7s | %6s %6s %7s %6s", "interval", "contacts", "AHT s", "erlangs",
	       "C agts", "SL %", "ASA s", "occ. %");
	if (models == 2)
		printf(" | %6s %6s %7s %8s %6s", "A agts", "SL %", "ASA s", "aband. %", "occ. %");
	putchar('\n');
	for (size_t i = 0; i < count; i++) {
		printf("%-9s %8.1f %6.0f %7.2f", n[i].start[0] ? n[i].start : "-", n[i].contacts,
		       n[i].aht_s, n[i].contacts * n[i].aht_s / n[i].length_s);
		for (int m = 0; m < models; m++) {
			table_figures(&n[i], m);
			hours[m] += n[i].agents[m] > 0 ? n[i].agents[m] * n[i].length_s / 3600 : 0;
		}
		putchar('\n');
		contacts += n[i].contacts;
	}
	printf("total: %.0f contacts; Erlang C %.1f agent-hours", contacts, hours[0]);
	if (!queue)
		printf(" per %s", len);
	if (models == 2)
		printf(", Erlang A %.1f agent-hours", hours[1]);
	putchar('\n');
}

/* What the targets and the model are, above the tables. */
static void table_heading(const struct erlang_args *a)
{
	const struct cc_erlang_target *t = &a->target;
	printf("the fewest agents per interval with");
	const char *sep = " ";
	if (!isnan(t->service_level)) {
		printf("%sSL >= %g%% in %gs", sep, t->service_level * 100, a->threshold);
		sep = ", ";
	}
	if (!isnan(t->asa_s)) {
		printf("%sASA <= %gs", sep, t->asa_s);
		sep = ", ";
	}
	if (!isnan(t->abandon_rate)) {
		printf("%sabandonment <= %g%%", sep, t->abandon_rate * 100);
		sep = ", ";
	}
	if (!isnan(t->occupancy))
		printf("%soccupancy <= %g%%", sep, t->occupancy * 100);
	printf("\nErlang C (nobody abandons)");
	if (isfinite(a->patience) && a->patience > 0)
		printf(" and Erlang A (exponential patience, mean %gs)", a->patience);
	printf("; steady state in each interval, Poisson arrivals, exponential handle times\n");
}

/* Queue Q of forecast F into N (its intervals): each interval's AHT, or --aht. */
static int forecast_needs(const struct erlang_args *a, const struct cc_forecast *f, size_t q,
                          struct need *n)
{
	for (size_t i = 0; i < f->n_intervals; i++) {
		size_t at = q * f->n_intervals + i;
		struct need *x = &n[i];
		x->start_s = f->first_s + (double)i * f->interval_s;
		if (f->clock)
			cc_clock_format(fmod(x->start_s, 86400), x->start, sizeof x->start);
		else
			cc_duration_format(x->start_s, x->start, sizeof x->start);
		x->contacts = f->volume[at];
		x->length_s = f->interval_s;
		x->aht_s = f->aht_s && !isnan(f->aht_s[at]) ? f->aht_s[at] : a->aht;
		if (x->contacts > 0 && isnan(x->aht_s)) {
			cc_cli_error("erlang: %s: queue \"%s\" at %s has %s: give --aht", f->path,
			             f->queues[q], x->start, f->aht_s ? "no AHT" : "no AHT column");
			return 1;
		}
	}
	return 0;
}

/* Staffing for every queue of the forecast (or --queue), or for one rate. */
static int plan(const struct erlang_args *a)
{
	struct cc_forecast f = { 0 };
	struct need one = { .start_s = NAN };
	char err[1024];
	size_t first = 0, last = 1;
	int code = 0, unreachable = 0;
	if (a->forecast) {
		enum cc_status st = cc_forecast_read(a->forecast, a->interval, NAN, -1, &f, err,
		                                     sizeof err);
		if (st) {
			cc_cli_error("%s", err);
			return cc_status_exit_code(st == CC_ERR_IO ? CC_ERR_USAGE : st);
		}
		last = f.n_queues;
		if (a->queue) {
			long q = cc_forecast_queue(&f, a->queue);
			if (q < 0) {
				char names[512] = "";
				for (size_t i = 0; i < f.n_queues; i++)
					snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
					         i ? ", " : "", f.queues[i]);
				cc_cli_error("erlang: --queue: %s has no queue \"%s\" (it has %s)", f.path,
				             a->queue, names);
				cc_forecast_fini(&f);
				return cc_status_exit_code(CC_ERR_USAGE);
			}
			first = (size_t)q;
			last = first + 1;
		}
	} else {
		one.contacts = a->rate;
		one.length_s = a->per;
		one.aht_s = a->aht;
	}
	struct need *n = a->forecast ? cc_calloc(f.n_intervals, sizeof *n) : &one;
	size_t count = a->forecast ? f.n_intervals : 1;
	if (a->json)
		printf("{\"threshold_s\": %.10g, \"patience_s\": ", a->threshold);
	if (a->json) {
		cc_report_json_number(stdout, isfinite(a->patience) && a->patience > 0 ? a->patience
		                                                                        : NAN);
		const double v[] = { a->target.service_level, a->target.asa_s,
		                     a->target.abandon_rate, a->target.occupancy };
		const char *const k[] = { "service_level", "asa_s", "abandon_rate", "occupancy" };
		printf(", \"targets\": {");
		for (size_t i = 0; i < CC_ARRAY_SIZE(v); i++) {
			printf("%s\"%s\": ", i ? ", " : "", k[i]);
			cc_report_json_number(stdout, v[i]);
		}
		printf("}, \"queues\": [");
	} else {
		table_heading(a);
	}
	for (size_t q = first; q < last && !code; q++) {
		if (a->forecast && forecast_needs(a, &f, q, n)) {
			code = cc_status_exit_code(CC_ERR_USAGE);
			break;
		}
		for (size_t i = 0; i < count; i++)
			unreachable += staff(a, &n[i]);
		if (a->json)
			json_queue(a, a->forecast ? f.queues[q] : NULL, n, count, q == first);
		else
			table_queue(a, a->forecast ? f.queues[q] : NULL, f.path, n, count);
	}
	if (a->json)
		puts(code ? "" : "]}");
	if (!code && unreachable) {
		cc_cli_error("erlang: %d interval%s cannot meet the targets with up to %d agents",
		             unreachable, unreachable > 1 ? "s" : "", MAX_AGENTS);
		code = cc_status_exit_code(CC_ERR_RANGE);
	}
	if (n != &one)
		cc_free(n);
	cc_forecast_fini(&f);
	return code;
}

int cc_cmd_erlang(int argc, char **argv)
{
	if (cc_cmd_wants_help(argc, argv)) {
		fputs(erlang_usage, stdout);
		return 0;
	}
	struct erlang_args a = { .rate = NAN, .per = 3600, .aht = NAN, .patience = INFINITY,
		                 .threshold = 20, .lo = -1, .hi = -1,
		                 .target = { NAN, NAN, NAN, NAN } };
	int bad = parse_args(argc, argv, &a);
	if (!bad && !solving(&a) && (a.forecast || a.queue || a.interval > 0)) {
		cc_cli_error("erlang: --forecast, --queue and --interval go with a target (--target-sl, "
		             "--target-asa, --target-abandon or --max-occupancy)");
		bad = 1;
	} else if (!bad && solving(&a) && a.lo >= 0) {
		cc_cli_error("erlang: --agents gives the staffing and a target asks for it: give one "
		             "or the other");
		bad = 1;
	} else if (!bad && solving(&a) && a.forecast && !isnan(a.rate)) {
		cc_cli_error("erlang: --forecast and --rate both give the contacts: give one");
		bad = 1;
	} else if (!bad && (a.queue || a.interval > 0) && !a.forecast) {
		cc_cli_error("erlang: --queue and --interval go with --forecast");
		bad = 1;
	} else if (!bad && !a.forecast && (isnan(a.rate) || isnan(a.aht) ||
	                                   (!solving(&a) && a.lo < 0))) {
		cc_cli_error("erlang: --rate, --aht and --agents (or a target) are required (try "
		             "'ccsim erlang --help')");
		bad = 1;
	}
	if (!bad && !a.forecast && (!(a.per > 0) || !(a.aht > 0) || !(a.rate > 0))) {
		cc_cli_error("erlang: --rate, --per and --aht must be positive");
		bad = 1;
	}
	if (!bad && a.forecast && !isnan(a.aht) && !(a.aht > 0)) {
		cc_cli_error("erlang: --aht must be positive");
		bad = 1;
	}
	if (bad)
		return cc_status_exit_code(CC_ERR_USAGE);
	return solving(&a) ? plan(&a) : levels(&a);
}
