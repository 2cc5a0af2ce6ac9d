/*
 * The terminal report and JSON (models/output/report.c) as users meet them: the
 * per-interval view by clock time with the intervals below target marked as the JSON says,
 * and the progress line, shown on a terminal only.
 */
#include "cliutil.h"

/* --intervals: a row per interval by its clock time, the misses marked where the mean
 * service level is below the queue's target, as the JSON has it. */
static void test_report_intervals_view(void **state)
{
	(void)state;
	static char out[262144], json[1 << 20];
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/v.h5 --intervals", dir, dir), 0);
	assert_int_equal(run(json, sizeof json, "run %s/day.cfg -o %s/v.h5 --json", dir, dir), 0);
	const char *sales = strstr(out, "sales: service level target 80 % in 20 s\n");
	assert_non_null(sales);
	assert_non_null(strstr(sales, "\ninterval "));
	/* The service level of each interval, in order, from the JSON. */
	const char *sl = strstr(strstr(json, "{\"name\": \"sales\""), "\"service_level\": {");
	assert_non_null(sl);
	const char *means = strstr(sl, "\"intervals\": {\"mean\": [") + strlen("\"intervals\": {\"mean\": [");
	const char *line = strchr(strstr(sales, "\ninterval ") + 1, '\n') + 1;
	size_t missed = 0;
	for (int i = 0; i < 20; i++) {
		char label[16];
		snprintf(label, sizeof label, "%02d:%02d", 7 + i / 2, i % 2 ? 30 : 0);
		if (strncmp(line, label, 5) != 0)
			fail_msg("interval %d is labelled '%.5s', not %s", i, line, label);
		double mean = strtod(means, (char **)&means);
		means += strspn(means, ", ");
		const char *end = strchr(line, '\n');
		int marked = strstr(line, "< target") && strstr(line, "< target") < end;
		if (marked != (mean < 0.8))
			fail_msg("%s: SL %.4f, marked %d", label, mean, marked);
		missed += (size_t)marked;
		line = end + 1;
	}
	char summary[64];
	snprintf(summary, sizeof summary, "%zu of 20 intervals below the target", missed);
	assert_non_null(strstr(sales, summary));
	assert_true(missed > 0 && missed < 20);
	assert_non_null(strstr(out, "help: service level target"));
	assert_non_null(strstr(out, "results: "));
	unlink(strcat(strcpy(out, dir), "/v.h5"));
}

/* The progress line shows on a terminal for a run longer than a second, whatever the length
 * of one replication, and never when stderr is not a terminal. */
static void test_report_progress(void **state)
{
	(void)state;
	char out[256];
	snprintf(out, sizeof out, "%s/err.txt", dir);
	assert_int_equal(sh("'%s' run scenarios/erlang-a.cfg --replications 3000 -o '%s/p.h5' >/dev/null 2>'%s'",
	                    ccsim(), dir, out), 0);
	char *seen = tu_read_file_or_fail(out);
	assert_string_equal(seen, "");
	free(seen);
	if (sh("command -v script >/dev/null") != 0) {
		print_message("  no script(1) for a terminal: the progress line is not checked\n");
		return;
	}
	assert_int_equal(sh("script -qec \"'%s' run scenarios/erlang-a.cfg --replications 3000 -o '%s/p.h5'\" /dev/null > '%s'",
	                    ccsim(), dir, out), 0);
	seen = tu_read_file_or_fail(out);
	if (!strstr(seen, "replications ") || !strstr(seen, "/3000") || !strstr(seen, " left "))
		fail_msg("no progress line on a terminal: %s", seen);
	free(seen);
	unlink(strcat(strcpy(out, dir), "/p.h5"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_intervals_view),
		cmocka_unit_test(test_report_progress),
	};
	return cmocka_run_group_tests(tests, setup_day, teardown);
}
