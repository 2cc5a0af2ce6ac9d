/*
 * Shifts that cover a requirement (models/staff/shifts.h): the rules read, the integer
 * program's roster against the optimum found by brute force, its coverage, and the fragment
 * printed for a scenario.
 */
#include "testutil.h"

#include <math.h>

#include "models/staff/shifts.h"
#include "sim/macros.h"

static void test_shifts_parse(void **state)
{
	(void)state;
	struct cc_shift_rules r;
	char err[512];
	/* The scenario starts at 06:00 (21600 s after midnight). */
	assert_int_equal(cc_shift_rules_parse("length=8h,4h; start=06:00-14:00/30m; break=30m@4h",
	                                      21600, &r, err, sizeof err), CC_OK);
	assert_int_equal(r.n_lengths, 2);
	assert_true(r.lengths_s[0] == 28800 && r.lengths_s[1] == 14400);
	assert_true(r.first_start_s == 0 && r.last_start_s == 28800 && r.step_s == 1800);
	assert_int_equal(r.n_breaks, 1);
	assert_true(r.breaks[0].length_s == 1800 && r.breaks[0].after_s == 14400);
	assert_int_equal(cc_shift_rules_parse(" start=0h-2h/1h ;length=1h30m ", NAN, &r, err,
	                                      sizeof err), CC_OK);
	assert_true(r.lengths_s[0] == 5400 && r.last_start_s == 7200 && r.n_breaks == 0);
	static const struct { const char *text, *says; } bad[] = {
		{ "length=8h", "length= and start= are needed" },
		{ "length=0h; start=06:00-07:00/30m", "positive duration" },
		{ "length=8h; start=06:00/30m", "write start=FROM-TO/STEP" },
		{ "length=8h; start=06:00-07:00/0m", "positive duration" },
		{ "length=8h; start=05:00-07:00/30m", "must not begin before the scenario" },
		{ "length=8h; start=6h-7h/30m", "clock times" },
		{ "length=8h; start=06:00-07:00/30m; break=30m", "DURATION@AFTER" },
		{ "length=8h; start=06:00-07:00/30m; lunch=1h", "unknown part" },
		{ "8h", "write length=" },
	};
	for (size_t i = 0; i < CC_ARRAY_SIZE(bad); i++) {
		assert_int_equal(cc_shift_rules_parse(bad[i].text, 21600, &r, err, sizeof err),
		                 CC_ERR_USAGE);
		if (!strstr(err, bad[i].says) || !strstr(err, bad[i].text))
			fail_msg("'%s': %s (expected '%s')", bad[i].text, err, bad[i].says);
	}
}

/* The cheapest paid hours over every roster with at most MAX of each shift, by brute force. */
static double brute_force(const struct cc_shift_rules *r, const int *required, size_t n,
                          double width, int max)
{
	size_t starts = (size_t)floor((r->last_start_s - r->first_start_s) / r->step_s + 1e-9) + 1;
	size_t kinds = starts * r->n_lengths;
	int x[16] = { 0 };
	double best = INFINITY;
	assert_true(kinds <= 16);
	for (;;) {
		struct cc_shift shifts[16];
		struct cc_shift_plan roster = { shifts, 0, 0, 0, 0 };
		double hours = 0;
		for (size_t k = 0; k < kinds; k++) {
			double len = r->lengths_s[k % r->n_lengths];
			shifts[roster.n++] = (struct cc_shift){
				r->first_start_s + (double)(k / r->n_lengths) * r->step_s, len, x[k] };
			hours += x[k] * len / 3600;
		}
		for (size_t b = 0; b < r->n_breaks; b++)
			for (size_t k = 0; k < kinds; k++)
				hours -= x[k] * r->breaks[b].length_s / 3600;
		double present[16];
		cc_shift_plan_coverage(r, &roster, n, width, present);
		int covers = 1;
		for (size_t i = 0; i < n; i++)
			covers &= present[i] >= required[i] - 1e-9;
		if (covers && hours < best)
			best = hours;
		size_t k = 0;
		while (k < kinds && ++x[k] > max)
			x[k++] = 0;
		if (k == kinds)
			return best;
	}
}

/* On small days (eight 30-minute intervals, shifts of 1 h and 2 h, with or without a
 * 30-minute unpaid break) the integer program's roster covers the requirement and costs what
 * the best roster found by brute force does, which the LP bound does not exceed. */
static void test_shifts_optimal_on_small_cases(void **state)
{
	(void)state;
	static const char *const rules_text[] = {
		"length=1h,2h; start=0h-3h/1h",
		"length=2h; start=0h-3h/30m; break=30m@1h",
	};
	static const int required[][8] = {
		{ 1, 2, 2, 1, 0, 1, 2, 1 },
		{ 2, 2, 1, 1, 1, 1, 2, 2 },
		{ 0, 1, 3, 3, 2, 0, 0, 1 },
		{ 1, 1, 1, 1, 1, 1, 1, 1 },
	};
	for (size_t t = 0; t < CC_ARRAY_SIZE(rules_text); t++) {
		struct cc_shift_rules r;
		char err[512];
		assert_int_equal(cc_shift_rules_parse(rules_text[t], NAN, &r, err, sizeof err), CC_OK);
		for (size_t c = 0; c < CC_ARRAY_SIZE(required); c++) {
			/* With shifts starting by 3h (ending by 5h), the last intervals are out of reach
			 * of the second rules: only the first six count there. */
			size_t n = t ? 6 : 8;
			struct cc_shift_plan roster;
			assert_int_equal(cc_shifts_cover(&r, required[c], n, 1800, NAN, &roster, err, sizeof err),
			                 CC_OK);
			assert_true(roster.optimal);
			double present[8];
			cc_shift_plan_coverage(&r, &roster, n, 1800, present);
			for (size_t i = 0; i < n; i++)
				assert_true(present[i] >= required[c][i] - 1e-9);
			double best = brute_force(&r, required[c], n, 1800, 3);
			if (fabs(roster.paid_hours - best) > 1e-9)
				fail_msg("rules %zu case %zu: %g paid hours, brute force %g", t, c,
				         roster.paid_hours, best);
			assert_true(roster.bound_hours <= roster.paid_hours + 1e-9);
			cc_shift_plan_fini(&roster);
		}
	}
}

static void test_shifts_uncoverable_and_fragment(void **state)
{
	(void)state;
	struct cc_shift_rules r;
	struct cc_shift_plan roster;
	char err[512];
	assert_int_equal(cc_shift_rules_parse("length=1h; start=0h-1h/30m", NAN, &r, err, sizeof err),
	                 CC_OK);
	const int need[6] = { 1, 1, 1, 0, 0, 2 };
	assert_int_equal(cc_shifts_cover(&r, need, 6, 1800, NAN, &roster, err, sizeof err), CC_ERR_USAGE);
	assert_non_null(strstr(err, "covers the interval at 2h30m, which needs 2 agents"));
	/* At 07:00, two 2-hour shifts from 07:00 cover 2, 2, 2, 2. */
	assert_int_equal(cc_shift_rules_parse("length=2h; start=07:00-08:00/1h", 25200, &r, err,
	                                      sizeof err), CC_OK);
	const int two[4] = { 2, 2, 2, 2 };
	assert_int_equal(cc_shifts_cover(&r, two, 4, 1800, 25200, &roster, err, sizeof err), CC_OK);
	assert_int_equal(roster.n, 1);
	assert_true(roster.paid_hours == 4);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	cc_shift_plan_print(f, &r, &roster, 25200);
	fclose(f);
	assert_string_equal(text, "shifts = (\n  { start = \"07:00\"; end = \"09:00\"; count = 2; } );\n");
	free(text);
	cc_shift_plan_fini(&roster);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shifts_parse),
		cmocka_unit_test(test_shifts_optimal_on_small_cases),
		cmocka_unit_test(test_shifts_uncoverable_and_fragment),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
