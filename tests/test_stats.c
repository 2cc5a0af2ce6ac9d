#include "testutil.h"

#include "sim/duration.h"
#include "sim/stats.h"

static void test_stats_summary_uses_student_t(void **state)
{
	(void)state;
	double x[] = { 2.385, 3.1, NAN, 2.9, 3.6, 2.2 };
	struct cc_summary s = cc_stats_summarize(x, 6, 1, 0.95);
	assert_int_equal(s.n, 5);
	double mean = (2.385 + 3.1 + 2.9 + 3.6 + 2.2) / 5;
	assert_near(s.mean, mean, 1e-12);
	double ss = 0;
	double v[] = { 2.385, 3.1, 2.9, 3.6, 2.2 };
	for (int i = 0; i < 5; i++)
		ss += (v[i] - mean) * (v[i] - mean);
	/* t(0.975, 4) = 2.776445105 */
	assert_near(s.half_width, 2.776445105 * sqrt(ss / 4) / sqrt(5), 1e-8);
	struct cc_summary one = cc_stats_summarize(x, 1, 1, 0.95);
	assert_near(one.mean, 2.385, 0);
	assert_true(isnan(one.half_width));
	struct cc_summary none = cc_stats_summarize(x + 2, 1, 1, 0.95);
	assert_true(isnan(none.mean));
	/* Strided: every other value. */
	struct cc_summary st = cc_stats_summarize(v, 3, 2, 0.99);
	assert_near(st.mean, (2.385 + 2.9 + 2.2) / 3, 1e-12);
}

static void test_stats_grid_and_spread(void **state)
{
	(void)state;
	struct cc_grid g;
	/* 30-minute intervals, warm-up 40 min, horizon 2h05: intervals [40,60) [60,90) [90,120) [120,125) in minutes. */
	cc_grid_init(&g, 1800, 2400, 7500);
	assert_int_equal(g.first, 1);
	assert_int_equal(g.count, 4);
	assert_near(cc_grid_start(&g, 0), 2400, 0);
	assert_near(cc_grid_end(&g, 0), 3600, 0);
	assert_near(cc_grid_end(&g, 3), 7500, 0);
	assert_int_equal(cc_grid_index(&g, 2399.9), -1);
	assert_int_equal(cc_grid_index(&g, 2400), 0);
	assert_int_equal(cc_grid_index(&g, 3600), 1);
	assert_int_equal(cc_grid_index(&g, 7499), 3);
	assert_int_equal(cc_grid_index(&g, 7500), -1);
	double bins[8] = { 0 };
	cc_grid_spread(&g, bins, 2, 1000, 9000, 2.5); /* clipped to [2400, 7500) */
	assert_near(bins[0], 2.5 * 1200, 1e-9);
	assert_near(bins[2], 2.5 * 1800, 1e-9);
	assert_near(bins[4], 2.5 * 1800, 1e-9);
	assert_near(bins[6], 2.5 * 300, 1e-9);
	assert_near(bins[1] + bins[3] + bins[5] + bins[7], 0, 0);
	double one[8] = { 0 };
	cc_grid_spread(&g, one, 1, 3700, 3710.25, 1);
	assert_near(one[1], 10.25, 1e-12);
	cc_grid_spread(&g, one, 1, 3710, 3700, 1); /* empty */
	assert_near(one[1], 10.25, 1e-12);
}

static void test_stats_durations(void **state)
{
	(void)state;
	struct { const char *text; double s; } ok[] = {
		{ "20s", 20 }, { "30m", 1800 }, { "8h", 28800 }, { "1d", 86400 }, { "250ms", 0.25 },
		{ "1h30m", 5400 }, { "1.5h", 5400 }, { " 45 ", 45 }, { "2.385", 2.385 }, { "0s", 0 },
		{ "3min", 180 }, { "10sec", 10 },
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		double s = -1;
		assert_int_equal(cc_duration_parse(ok[i].text, &s), CC_OK);
		assert_near(s, ok[i].s, 1e-12);
	}
	const char *bad[] = { "", "abc", "20 s", "20x", "-5s", "inf", "nan", "1h 30m", "s", "20s5" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		double s;
		if (cc_duration_parse(bad[i], &s) != CC_ERR_SCENARIO)
			fail_msg("\"%s\" was accepted as %g s", bad[i], s);
	}
	char buf[32];
	cc_duration_format(5400, buf, sizeof buf);
	assert_string_equal(buf, "1h30m");
	cc_duration_format(86400 + 20, buf, sizeof buf);
	assert_string_equal(buf, "1d20s");
	cc_duration_format(0.25, buf, sizeof buf);
	assert_string_equal(buf, "0.25s");
	cc_duration_format(0, buf, sizeof buf);
	assert_string_equal(buf, "0s");
	/* Interval starts of fractional widths read as written, to the microsecond. */
	cc_duration_format(3 * 100.1, buf, sizeof buf);
	assert_string_equal(buf, "5m0.3s");
	cc_duration_format(766 * 100.1, buf, sizeof buf);
	assert_string_equal(buf, "21h17m56.6s");
	cc_duration_format(59.999999, buf, sizeof buf);
	assert_string_equal(buf, "59.999999s");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stats_summary_uses_student_t),
		cmocka_unit_test(test_stats_grid_and_spread),
		cmocka_unit_test(test_stats_durations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
