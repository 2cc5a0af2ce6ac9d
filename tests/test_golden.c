/*
 * Everything a run reports, bit for bit, for the scenarios in scenarios/ (3 replications, 2
 * threads): per figure, its values in every replication and interval, every replication's
 * totals, its summaries per interval (mean and 95 % half-width) and over the whole horizon,
 * and every replication's counts. tests/golden/<scenario>.txt keeps, per figure and view, a
 * digest (FNV-1a over the "%.17g" text of every value, in order) and, to be read, the first
 * entity's whole-horizon mean, so a change shows as the figures and views it touched.
 *
 * When the numbers are meant to change (a new way of drawing variates, say), regenerate the
 * files in a commit of their own that says why:
 *     CCSIM_GOLDEN_WRITE=1 build/tests/test_golden
 */
#include "testutil.h"

#include <inttypes.h>

#include "models/run/run.h"

enum view { V_REP_INTERVALS, V_REP_TOTALS, V_MEANS, V_HALF_WIDTHS, V_MEAN, V_HALF_WIDTH, V_COUNT };
static const char *const view_names[V_COUNT] = { "rep_intervals", "rep_totals", "interval_means",
                                                 "interval_ci95", "mean", "ci95" };

static uint64_t fnv(uint64_t h, double v)
{
	char buf[40];
	snprintf(buf, sizeof buf, "%.17g;", v);
	for (const char *p = buf; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	return h;
}

/* The lines of a golden file for RUN: "<owner> <figure> <view>=<digest>... first=<mean>". */
static char *golden_text(const struct cc_run *run)
{
	size_t cap = 1 << 16, len = 0;
	char *text = malloc(cap);
	const struct cc_layout *l = &run->layout;
	for (size_t f = 0; f <= l->n_figures; f++) {
		uint64_t h[V_COUNT];
		for (int v = 0; v < V_COUNT; v++)
			h[v] = 0xcbf29ce484222325ULL;
		char head[128];
		double first = NAN;
		if (f < l->n_figures) {
			const struct cc_figure *fig = &l->figures[f];
			size_t w = cc_layout_width(l, fig), rows = run->grid.count;
			for (size_t e = 0; e < w; e++) {
				size_t k = cc_layout_index(l, fig->owner, e);
				for (size_t r = 0; r < run->replications; r++) {
					for (size_t i = 0; i < rows; i++)
						h[V_REP_INTERVALS] = fnv(h[V_REP_INTERVALS], cc_run_value(run, fig, r, i, k));
					h[V_REP_TOTALS] = fnv(h[V_REP_TOTALS], cc_run_value(run, fig, r, rows, k));
				}
				for (size_t i = 0; i <= rows; i++) {
					struct cc_summary s = cc_run_summary(run, fig, i, k, 0.95);
					h[i < rows ? V_MEANS : V_MEAN] = fnv(h[i < rows ? V_MEANS : V_MEAN], s.mean);
					h[i < rows ? V_HALF_WIDTHS : V_HALF_WIDTH] =
						fnv(h[i < rows ? V_HALF_WIDTHS : V_HALF_WIDTH], s.half_width);
					if (i == rows && e == 0)
						first = s.mean;
				}
			}
			snprintf(head, sizeof head, "%s %s", cc_figure_owner_name(fig->owner), fig->name);
		} else { /* the counts, as one more "figure" */
			size_t nc;
			const struct cc_count_field *cf = cc_count_fields(&nc);
			for (size_t r = 0; r < run->replications; r++)
				for (size_t c = 0; c < nc; c++)
					h[V_REP_TOTALS] = fnv(h[V_REP_TOTALS], (double)cc_count_value(&run->counts[r], &cf[c]));
			snprintf(head, sizeof head, "counts all");
		}
		if (cap - len < 1024)
			text = realloc(text, cap *= 2);
		len += (size_t)snprintf(text + len, cap - len, "%s", head);
		for (int v = 0; v < V_COUNT; v++)
			len += (size_t)snprintf(text + len, cap - len, " %s=%016" PRIx64, view_names[v], h[v]);
		len += (size_t)snprintf(text + len, cap - len, " first=%.17g\n", first);
	}
	return text;
}

static void golden(const char *name)
{
	char path[256], golden_path[256], err[1024] = "";
	snprintf(path, sizeof path, "scenarios/%s.cfg", name);
	snprintf(golden_path, sizeof golden_path, "tests/golden/%s.txt", name);
	const char *set[] = { "replications=3" };
	struct cc_scenario scn;
	if (cc_scenario_load(path, set, 1, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	struct cc_run run;
	tu_run_loaded(2, &scn, &run, NULL);
	char *got = golden_text(&run);
	if (getenv("CCSIM_GOLDEN_WRITE")) {
		FILE *f = fopen(golden_path, "w");
		assert_non_null(f);
		fprintf(f, "# %s, 3 replications: per figure and view, a digest of every value (see "
		           "tests/test_golden.c), then the first entity's whole-horizon mean\n%s",
		        name, got);
		assert_int_equal(fclose(f), 0);
	}
	FILE *f = fopen(golden_path, "r");
	if (!f)
		fail_msg("%s is missing (CCSIM_GOLDEN_WRITE=1 build/tests/test_golden writes it)", golden_path);
	char want[1024];
	size_t checked = 0, changed = 0;
	const char *line = got;
	while (fgets(want, sizeof want, f)) {
		if (want[0] == '#')
			continue;
		const char *end = strchr(line, '\n');
		assert_non_null(end);
		size_t n = (size_t)(end - line) + 1;
		if (strlen(want) != n || strncmp(want, line, n) != 0) {
			print_message("  %s changed:\n    golden %s    now    %.*s", name, want, (int)n, line);
			changed++;
		}
		line = end + 1;
		checked++;
	}
	fclose(f);
	assert_int_equal(*line, '\0'); /* no figure more than the golden file has */
	assert_int_equal(changed, 0);
	assert_true(checked > 100);
	free(got);
	tu_done(&scn, &run, NULL);
}

/* The three foundation scenarios: with no agent behaviour switched on, the figures are the
 * foundation model's (commit 5144b94). */
static void test_golden_foundation(void **state)
{
	(void)state;
	golden("erlang-a");
	golden("erlang-c");
	golden("day-profile");
}

/* Agents, channels, routing, transfers, regions. */
static void test_golden_every_feature(void **state)
{
	(void)state;
	golden("one-day");
	golden("blended");
	golden("help-desk");
	golden("failover");
	golden("rona-study");
	golden("policy-comparison");
	golden("ci-gate");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_foundation),
		cmocka_unit_test(test_golden_every_feature),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
