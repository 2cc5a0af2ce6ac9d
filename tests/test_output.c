/*
 * What a run hands its users, as they receive it: the file read by xarray (both engines),
 * by R and through the CSV export, the per-interval terminal view and JSON, clock times,
 * the progress line, and the way out when something fails (a full disk, a signal, a closed
 * output, a bad path, too little memory): a clear line, the documented exit code, and no
 * results or temporary file left behind. Python checks run with Debian's /usr/bin/python3
 * (tests/check_results.py); the R check runs when Rscript and hdf5r are installed.
 */
#include "cliutil.h"

#include <ctype.h>
#include <signal.h>
#include <time.h>
#include <spawn.h>
#include <unistd.h>
#include <sys/mount.h>

extern char **environ;

/* A day from 07:00 with two queues, a shift table in clock times, and per-replication
 * interval figures. */
static const char day[] =
	"name = \"day\"; seed = 2385; start = \"2026-12-01 07:00\"; horizon = \"10h\"; interval = \"30m\";\n"
	"replications = 6;\n"
	"statuses = [ \"Break\" ];\n"
	"queues = ( { name = \"sales\"; channel = \"voice\"; arrivals = { per_hour = [ 60.0, 90.0, 120.0, 80.0 ]; step = \"2h\"; };\n"
	"             handle = { dist = \"exponential\"; mean = \"200s\"; };\n"
	"             patience = { dist = \"exponential\"; mean = \"240s\"; };\n"
	"             service_level = { threshold = \"20s\"; target = 0.8; }; },\n"
	"           { name = \"help\"; channel = \"chat\"; arrivals = { per_hour = 30.0; };\n"
	"             handle = { dist = \"exponential\"; mean = \"400s\"; }; } );\n"
	"agents = ( { name = \"team\"; skills = [ \"sales\" ];\n"
	"             shifts = ( { start = \"07:00\"; end = \"17:00\"; count = 5; },\n"
	"                        { start = \"09:00\"; end = \"13:30\"; count = 2; } );\n"
	"             unplanned = ( { status = \"Break\"; per_hour = 0.5;\n"
	"                             duration = { dist = \"exponential\"; mean = \"5m\"; }; } ); },\n"
	"           { name = \"desk\"; count = 2; skills = [ \"help\" ]; } );\n"
	"output = { replications = \"intervals\"; };\n";

/* The test directory with the scenario in it (a cmocka group setup). */
static int setup(void **state)
{
	if (setup_dir(state) != 0)
		return -1;
	write_file("day.cfg", day);
	return 0;
}

/* The file, read by xarray and h5py, by the CSV export (run --csv and export give the same
 * bytes), by the JSON summary, and by R. */
static void test_output_readers_agree(void **state)
{
	(void)state;
	static char out[65536];
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/day.h5 --csv %s/csv --json > %s/day.json", dir, dir, dir, dir), 0);
	assert_int_equal(run(out, sizeof out, "export %s/day.h5 --csv %s/again", dir, dir), 0);
	assert_int_equal(sh("diff -r '%s/csv' '%s/again' >/dev/null", dir, dir), 0);
	assert_int_equal(sh("/usr/bin/python3 tests/check_results.py xarray '%s/day.h5'", dir), 0);
	assert_int_equal(sh("/usr/bin/python3 tests/check_results.py csv '%s/csv' '%s/day.h5'", dir, dir), 0);
	assert_int_equal(sh("/usr/bin/python3 tests/check_results.py json '%s/day.json' '%s/day.h5'", dir, dir), 0);
	/* Clock times in the CSV and JSON: the first interval is 07:00, with a start_s of 0. */
	char *csv = tu_read_file_or_fail(strcat(strcpy(out, dir), "/csv/queues_intervals.csv"));
	assert_non_null(strstr(csv, "\n07:00,0,sales,"));
	assert_non_null(strstr(csv, "\n16:30,34200,help,"));
	assert_non_null(strstr(csv, ",asa_s [s],asa_s_ci95 [s],"));
	free(csv);
	if (sh("command -v Rscript >/dev/null && Rscript -e 'library(hdf5r)' >/dev/null 2>&1") == 0)
		assert_int_equal(sh("Rscript tests/check_results.R '%s/day.h5' '%s/csv'", dir, dir), 0);
	else
		print_message("  R with hdf5r is not installed: the R reading is not checked\n");
	/* Bad uses of export. */
	assert_int_equal(run(out, sizeof out, "export %s/day.h5", dir), 2);
	assert_non_null(strstr(out, "usage: ccsim export FILE.h5 --csv DIR"));
	assert_int_equal(run(out, sizeof out, "export %s/day.cfg --csv %s/x", dir, dir), 1);
	assert_non_null(strstr(out, "not an HDF5 file"));
	assert_int_equal(run(out, sizeof out, "export %s/none.h5 --csv %s/x", dir, dir), 1);
	assert_non_null(strstr(out, "cannot open it"));
	unlink(strcat(strcpy(out, dir), "/day.h5"));
}

/* --intervals: a row per interval by its clock time, the misses marked where the mean
 * service level is below the queue's target, as the JSON has it. */
static void test_output_intervals_view(void **state)
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

/* Clock times: the same shifts written as durations give the same figures; errors name the
 * setting. */
static void test_output_clock_times(void **state)
{
	(void)state;
	static char a[1 << 20], b[1 << 20];
	char text[4096];
	snprintf(text, sizeof text, "%s", day);
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
		snprintf(text, sizeof text, "%s", day);
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

/* The progress line shows on a terminal for a run longer than a second, whatever the length
 * of one replication, and never when stderr is not a terminal. */
static void test_output_progress(void **state)
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

/* Starts "ccsim ARGS..." and returns its pid. */
static pid_t spawn(char *const *argv)
{
	pid_t pid;
	assert_int_equal(posix_spawn(&pid, argv[0], NULL, NULL, argv, environ), 0);
	return pid;
}

/* SIGINT, SIGTERM and SIGHUP end a run cleanly: a message, 128 + the signal, no file. */
static void test_output_signals(void **state)
{
	(void)state;
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	char path[256], err[256];
	snprintf(path, sizeof path, "%s/s.h5", dir);
	for (size_t i = 0; i < 3; i++) {
		snprintf(err, sizeof err, "%s/s.err", dir);
		char cmd[1024];
		snprintf(cmd, sizeof cmd,
		         "exec '%s' run scenarios/erlang-a.cfg --replications 100000 --set output.contact_records=true -o '%s' 2>'%s'",
		         ccsim(), path, err);
		char *argv[] = { "/bin/sh", "-c", cmd, NULL };
		pid_t pid = spawn(argv);
		nanosleep(&(struct timespec){ 0, 700 * 1000 * 1000 }, NULL);
		kill(pid, sigs[i]);
		int status;
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 128 + sigs[i]);
		char *msg = tu_read_file_or_fail(err);
		if (!strstr(msg, "ccsim: stopped by SIG") || !strstr(msg, "no results written"))
			fail_msg("signal %d: %s", sigs[i], msg);
		free(msg);
		unlink(err);
		expect_no_results();
	}
}

/* A full disk: one line with the system's reason, exit 1, no crash, nothing left. Needs a
 * small tmpfs, so only where the tests run as root. */
static void test_output_full_disk(void **state)
{
	(void)state;
	char tiny[256], out[4096];
	snprintf(tiny, sizeof tiny, "%s/tiny", dir);
	assert_int_equal(mkdir(tiny, 0700), 0);
	if (geteuid() != 0 || mount("tmpfs", tiny, "tmpfs", 0, "size=256k") != 0) {
		print_message("  not root, or no tmpfs: the full disk is not checked\n");
		rmdir(tiny);
		return;
	}
	static const char *const runs[] = { "--set output.contact_records=true",
	                                     "--set output.agent_events=true",
	                                     "--replications 4000" };
	for (size_t i = 0; i < 3; i++) {
		int rc = run(out, sizeof out, "run scenarios/one-day.cfg %s -o %s/x.h5 --quiet", runs[i], tiny);
		assert_int_equal(rc, 1);
		if (!strstr(out, "No space left on device") || strchr(out, '\n') != out + strlen(out) - 1)
			fail_msg("%s: not one line with the reason: %s", runs[i], out);
		assert_null(strstr(out, "HDF5-DIAG"));
		assert_int_equal(sh("[ -z \"$(ls -A '%s')\" ]", tiny), 0);
	}
	assert_int_equal(umount(tiny), 0);
	rmdir(tiny);
}

/* Output lost to a full standard output is a failure; a bad -o fails before the run; a
 * symbolic link is written through; a long scenario name is fine; too little memory is
 * refused with the figure and what to change. */
static void test_output_paths_and_limits(void **state)
{
	(void)state;
	static char out[65536];
	assert_int_equal(sh("'%s' run %s/day.cfg -o %s/f.h5 --json >/dev/full 2>%s/full.err", ccsim(), dir, dir, dir), 1);
	char path[256];
	snprintf(path, sizeof path, "%s/full.err", dir);
	char *msg = tu_read_file_or_fail(path);
	assert_non_null(strstr(msg, "cannot write to standard output: No space left on device"));
	free(msg);
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o ''", dir), 2);
	assert_non_null(strstr(out, "-o needs a file name"));
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg --csv ''", dir), 2);

	assert_int_equal(sh("cd '%s' && ln -s real.h5 link.h5", dir), 0);
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/link.h5 --quiet", dir, dir), 0);
	assert_int_equal(sh("[ -L '%s/link.h5' ] && [ -f '%s/real.h5' ]", dir, dir), 0);
	unlink(strcat(strcpy(path, dir), "/link.h5"));
	unlink(strcat(strcpy(path, dir), "/real.h5"));

	char name[251];
	memset(name, 'n', 250);
	name[250] = '\0';
	char text[4096];
	snprintf(text, sizeof text, "name = \"%s\"; horizon = \"1h\"; replications = 2;\n"
	         "queues = ( { name = \"q\"; arrivals = { per_hour = 10.0; };\n"
	         "  handle = { dist = \"exponential\"; mean = \"100s\"; }; } );\n"
	         "agents = ( { name = \"g\"; count = 2; skills = [ \"q\" ]; } );\n", name);
	write_file("long.cfg", text);
	assert_int_equal(sh("mkdir -p '%s/results' && cd '%s' && '%s/%s' run long.cfg --quiet", dir, dir,
	                    getcwd(path, sizeof path), ccsim()), 0);
	assert_int_equal(sh("[ -f '%s/results/%s.h5' ] && rm -r '%s/results'", dir, name, dir), 0);

	/* Two hundred thousand one-minute intervals, two replications: summaries of about
	 * 0.6 GiB, refused under a 1 GiB address-space limit (which AddressSanitizer's shadow
	 * memory cannot live in: not under `make check`). */
	if (getenv("ASAN_OPTIONS")) {
		print_message("  under AddressSanitizer: the memory limit is not checked\n");
		expect_no_results();
		return;
	}
	assert_int_equal(sh("(ulimit -v 1048576; '%s' run %s/day.cfg --set horizon=3333h --set interval=1m --replications 2 -o %s/m.h5 >%s/m.err 2>&1)",
	                    ccsim(), dir, dir, dir), 2);
	msg = tu_read_file_or_fail(strcat(strcpy(path, dir), "/m.err"));
	if (!strstr(msg, "GiB") || !strstr(msg, "more than") || !strstr(msg, "a longer interval"))
		fail_msg("memory refusal: %s", msg);
	/* Sizes to a tenth ("would need 8 GiB" was said for 8.5: issue 12). */
	double need, allowed;
	const char *about = strstr(msg, "would hold about ");
	if (!about || sscanf(about, "would hold about %lf GiB, more than the %lf GiB", &need, &allowed) != 2 ||
	    !strstr(msg, " GiB this machine allows") || need <= allowed)
		fail_msg("memory refusal, sizes: %s", msg);
	const char *digits = about + strlen("would hold about ");
	digits += strspn(digits, "0123456789");
	if (digits[0] != '.' || !isdigit((unsigned char)digits[1]) || strncmp(digits + 2, " GiB", 4))
		fail_msg("memory refusal, not to a tenth of a GiB: %s", msg);
	free(msg);
	expect_no_results();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_output_readers_agree),
		cmocka_unit_test(test_output_intervals_view),
		cmocka_unit_test(test_output_clock_times),
		cmocka_unit_test(test_output_progress),
		cmocka_unit_test(test_output_signals),
		cmocka_unit_test(test_output_full_disk),
		cmocka_unit_test(test_output_paths_and_limits),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
