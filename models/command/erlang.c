/* "ccsim erlang": the analytic Erlang B, C and A figures of one queue. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "models/command/command.h"
#include "models/erlang.h"
#include "sim/cli.h"
#include "sim/duration.h"

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

int cc_cmd_erlang(int argc, char **argv)
{
	if (cc_cmd_wants_help(argc, argv)) {
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

