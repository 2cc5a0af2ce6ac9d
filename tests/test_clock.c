/*
 * Clock times (models/output/clock.c): a scenario with a start reads and reports shifts in
 * clock times, the same figures as durations give; bad times and dates name the setting.
 */
#include "cliutil.h"

/* Clock times: the same shifts written as durations give the same figures; errors name the
 * setting. */
static void test_clock_times(void **state)
{
	(void)state;
	static char a[1 << 20], b[1 << 20];
	char text[4096];
	snprintf(text, sizeof text, "%s", day_cfg);
	char *at = strstr(text, "start = \"07:00\"; end = \"17:00\"");
	memcpy(at, "start = \"0h\"   ; end = \"10h\"  ", strlen("start = \"07:00\"; end = \"17:00\""));
	at = strstr(text, "start = \"09:00\"; end = \"13:30\"");
	memcpy(at, "start = \"2h\"   ; end = \"6h30m\"", strlen("start = \"09:00\"; end = \"13:30\""));
	write_file("offsets.cfg", text);
	assert_int_equal(run(a, sizeof a, "run %s/day.cfg -o %s/c.h5 --json --quiet", dir, dir), 0);
	assert_int_equal(run(b, sizeof b, "run %s/offsets.cfg -o %s/c.h5 --json --quiet", dir, dir), 0);
	*strstr(a, ", \"performance\"") = *strstr(b, ", \"performance\"") = '\0';
	assert_string_equal(strstr(a, "\"queues\""), strstr(b, "\"queues\""));

	static const struct { const char *from, *to, *msg; } bad[] = {
		{ "start = \"2026-12-01 07:00\"; ", "", "is a clock time: the scenario needs a start" },
		{ "start = \"09:00\"; end", "start = \"25:00\"; end", "\"25:00\" is not a clock time" },
		{ "2026-12-01 07:00", "2026-02-30 07:00", "start: \"2026-02-30 07:00\" has no valid date" },
		{ "2026-12-01 07:00", "7am", "start: \"7am\" is not a time of day" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(text, sizeof text, "%s", day_cfg);
		at = strstr(text, bad[i].from);
		assert_non_null(at);
		char fixed[4096];
		snprintf(fixed, sizeof fixed, "%.*s%s%s", (int)(at - text), text, bad[i].to,
		         at + strlen(bad[i].from));
		write_file("bad.cfg", fixed);
		assert_int_equal(run(a, sizeof a, "run %s/bad.cfg -o %s/c.h5", dir, dir), 2);
		if (!strstr(a, bad[i].msg))
			fail_msg("expected '%s' in: %s", bad[i].msg, a);
	}
	unlink(strcat(strcpy(a, dir), "/c.h5"));
	expect_no_results();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clock_times),
	};
	return cmocka_run_group_tests(tests, setup_day, teardown);
}
