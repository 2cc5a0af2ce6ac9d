/*
 * The ccsim command as a user meets it: help texts, exit codes, error messages for bad
 * scenarios and paths, no results file after a failure, JSON and the results file after a
 * success. Spawns the binary named by $CCSIM (default ./ccsim).
 */
#include "testutil.h"

#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <hdf5.h>

#include "models/metrics.h"

static char dir[] = "/tmp/ccsim-cli-XXXXXX";

static const char *ccsim(void)
{
	const char *p = getenv("CCSIM");
	return p && *p ? p : "./ccsim";
}

/* Runs "ccsim ARGS" with stderr into stdout; returns the exit code and keeps the output. */
static int run(char *out, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int run(char *out, size_t len, const char *fmt, ...)
{
	char args[2048], cmd[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(args, sizeof args, fmt, ap);
	va_end(ap);
	snprintf(cmd, sizeof cmd, "'%s' %s 2>&1 </dev/null", ccsim(), args);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t n = fread(out, 1, len - 1, p);
	out[n] = '\0';
	int status = pclose(p);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Nothing but the scenario files in the test directory: no results, no temporary files. */
static void expect_no_results(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while ((e = readdir(d)))
		if (strstr(e->d_name, ".h5"))
			fail_msg("%s/%s was left behind", dir, e->d_name);
	closedir(d);
}

static const char good[] =
	"name = \"cli\"; seed = 11; horizon = \"6h\"; warmup = \"30m\"; interval = \"1h\"; replications = 5;\n"
	"queues = ( { name = \"sales\"; channel = \"voice\";\n"
	"             arrivals = { per_hour = 100.0; };\n"
	"             handle = { dist = \"exponential\"; mean = \"180s\"; };\n"
	"             patience = { dist = \"exponential\"; mean = \"300s\"; }; } );\n"
	"agents = ( { name = \"team\"; count = 7; skills = [ \"sales\" ]; } );\n";

static void write_file(const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A copy of GOOD with FROM replaced by TO, written as NAME. */
static void write_variant(const char *name, const char *from, const char *to)
{
	char text[4096];
	const char *at = strstr(good, from);
	assert_non_null(at);
	snprintf(text, sizeof text, "%.*s%s%s", (int)(at - good), good, to, at + strlen(from));
	write_file(name, text);
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	write_file("good.cfg", good);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_cli_help_everywhere(void **state)
{
	(void)state;
	char out[8192];
	assert_int_equal(run(out, sizeof out, "--help"), 0);
	assert_non_null(strstr(out, "usage: ccsim COMMAND"));
	const char *cmds[] = { "run", "check", "erlang" };
	for (int i = 0; i < 3; i++) {
		assert_int_equal(run(out, sizeof out, "%s --help", cmds[i]), 0);
		assert_non_null(strstr(out, "usage: ccsim"));
		assert_non_null(strstr(out, cmds[i]));
	}
	assert_int_equal(run(out, sizeof out, "fly"), 2);
	assert_non_null(strstr(out, "unknown command 'fly'"));
	assert_int_equal(run(out, sizeof out, "%s", ""), 2);
	assert_int_equal(run(out, sizeof out, "run %s/good.cfg --bogus", dir), 2);
	assert_non_null(strstr(out, "unknown option '--bogus'"));
	assert_int_equal(run(out, sizeof out, "run %s/good.cfg --threads 0", dir), 2);
	assert_int_equal(run(out, sizeof out, "run"), 2);
	assert_int_equal(run(out, sizeof out, "--version"), 0);
	expect_no_results();
}

static void test_cli_bad_scenarios_exit_2_and_write_nothing(void **state)
{
	(void)state;
	static const struct { const char *from, *to, *want; } cases[] = {
		{ "count = 7;", "count = = 7;", "bad.cfg:6: syntax error" },
		{ "channel = \"voice\";", "channel = \"voice\"; colour = 3;", "bad.cfg:2: queues.[0].colour: unknown setting" },
		{ "count = 7;", "count = \"7\";", "bad.cfg:6: agents.[0].count: must be a whole number (got a string)" },
		{ "per_hour = 100.0;", "per_hour = -100.0;", "bad.cfg:3: queues.[0].arrivals.per_hour: must be a rate from 0 to 10000000" },
		{ "count = 7;", "count = 0;", "bad.cfg:6: agents.[0].count: must be from 1" },
		{ "warmup = \"30m\";", "warmup = \"6h\";", "bad.cfg:1: warmup: must be shorter than the horizon" },
	};
	char out[8192];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		write_variant("bad.cfg", cases[i].from, cases[i].to);
		int rc = run(out, sizeof out, "run %s/bad.cfg -o %s/bad.h5", dir, dir);
		if (rc != 2 || !strstr(out, cases[i].want))
			fail_msg("case %zu: exit %d, output '%s', wanted '%s'", i, rc, out, cases[i].want);
		expect_no_results();
		/* check agrees with run. */
		assert_int_equal(run(out, sizeof out, "check %s/bad.cfg", dir), 2);
		assert_non_null(strstr(out, cases[i].want));
	}
	assert_int_equal(run(out, sizeof out, "run %s/missing.cfg -o %s/m.h5", dir, dir), 2);
	assert_non_null(strstr(out, "missing.cfg: cannot open the scenario: No such file or directory"));
	assert_int_equal(run(out, sizeof out, "run %s/good.cfg --set agents.team.count=0 -o %s/s.h5", dir, dir), 2);
	assert_non_null(strstr(out, "--set agents.[0].count: must be from 1"));
	expect_no_results();
}

static void test_cli_unwritable_output_exits_1(void **state)
{
	(void)state;
	char out[8192];
	assert_int_equal(run(out, sizeof out, "run %s/good.cfg -o %s/no/such/dir/x.h5", dir, dir), 1);
	assert_non_null(strstr(out, "x.h5"));
	assert_non_null(strstr(out, "No such file or directory"));
	/* A directory where the file should be. */
	char sub[512];
	snprintf(sub, sizeof sub, "%s/taken.h5", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(run(out, sizeof out, "run %s/good.cfg -o %s --quiet", dir, sub), 1);
	assert_non_null(strstr(out, "is not a regular file (a directory)"));
	rmdir(sub);
	/* A device is never replaced by a results file. */
	assert_int_equal(run(out, sizeof out, "run %s/good.cfg -o /dev/null --quiet", dir), 1);
	assert_non_null(strstr(out, "/dev/null: it exists and is not a regular file"));
	expect_no_results();
}

static void test_cli_run_writes_results_and_json(void **state)
{
	(void)state;
	static char out[65536], again[65536];
	char h5[512];
	snprintf(h5, sizeof h5, "%s/out.h5", dir);
	assert_int_equal(run(out, sizeof out, "run %s/good.cfg -o %s --json --set output.contact_records=true", dir, h5), 0);
	assert_non_null(strstr(out, "{\"scenario\": \"cli\", \"replications\": 5"));
	assert_non_null(strstr(out, "\"queues\": [{\"name\": \"sales\""));
	const char *keys[] = { "\"offered\": {\"mean\": ", "\"answered\": {", "\"abandoned\": {",
	                       "\"service_level\": {", "\"asa_s\": {", "\"abandon_rate\": {",
	                       "\"aht_s\": {", "\"occupancy\": {", "\"groups\": [{\"name\": \"team\"",
	                       "\"utilization\": {", "\"ci95\": " };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (!strstr(out, keys[i]))
			fail_msg("no %s in %s", keys[i], out);
	assert_true(exists(h5));

	/* The file is self-describing and holds what the docs promise. */
	hid_t f = H5Fopen(h5, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(f >= 0);
	const char *paths[] = { "/axes/interval_start_s", "/axes/queue", "/axes/group",
	                        "/replications/intervals/queues/service_level",
	                        "/replications/totals/groups/occupancy",
	                        "/summary/intervals/queues/asa_s/mean",
	                        "/summary/totals/queues/offered/ci95", "/contacts/records",
	                        "/replications/counts" };
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
		if (H5Oexists_by_name(f, paths[i], H5P_DEFAULT) <= 0)
			fail_msg("%s is missing", paths[i]);
	assert_true(H5Aexists_by_name(f, "/replications/intervals/queues/asa_s", "units", H5P_DEFAULT) > 0);
	assert_true(H5Aexists_by_name(f, "/", "scenario", H5P_DEFAULT) > 0);
	hid_t d = H5Dopen2(f, "/replications/intervals/queues/offered", H5P_DEFAULT);
	hid_t sp = H5Dget_space(d);
	hsize_t dims[3];
	assert_int_equal(H5Sget_simple_extent_dims(sp, dims, NULL), 3);
	assert_int_equal(dims[0], 5);  /* replications */
	assert_int_equal(dims[1], 6);  /* 30m-1h cut short, then 5 hours */
	assert_int_equal(dims[2], 1);  /* queues */
	H5Sclose(sp);
	H5Dclose(d);
	H5Fclose(f);

	/* Threads change nothing in the results (only in the timings that follow them). */
	assert_int_equal(run(again, sizeof again, "run %s/good.cfg -o %s --json --threads 2 --set output.contact_records=true", dir, h5), 0);
	char *perf1 = strstr(out, ", \"performance\": "), *perf2 = strstr(again, ", \"performance\": ");
	assert_non_null(perf1);
	assert_non_null(perf2);
	assert_non_null(strstr(perf2, "\"threads\": 2"));
	*perf1 = *perf2 = '\0';
	assert_true(strlen(out) > 1000);
	assert_string_equal(out, again);
	unlink(h5);

	/* The table. */
	assert_int_equal(run(out, sizeof out, "run %s/good.cfg -o %s", dir, h5), 0);
	assert_non_null(strstr(out, "sales"));
	assert_non_null(strstr(out, " ± "));
	assert_non_null(strstr(out, "results: "));
	unlink(h5);
	assert_int_equal(run(out, sizeof out, "check %s/good.cfg", dir), 0);
	assert_non_null(strstr(out, "valid"));
}

static void test_cli_erlang_published_values(void **state)
{
	(void)state;
	char out[8192];
	assert_int_equal(run(out, sizeof out, "erlang --rate 100 --per 30m --aht 180s --agents 11-14"), 0);
	assert_non_null(strstr(out, "     11   0.6821"));
	assert_non_null(strstr(out, "     14   0.1741   0.8884      7.84"));
	assert_int_equal(run(out, sizeof out, "erlang --rate 100 --aht 180s --agents 7 --patience 5m --json"), 0);
	assert_non_null(strstr(out, "\"abandon_rate\": 0.0399"));
	assert_int_equal(run(out, sizeof out, "erlang --rate 100 --aht 180s"), 2);
	assert_int_equal(run(out, sizeof out, "erlang --rate -1 --aht 180s --agents 3"), 2);
	assert_int_equal(run(out, sizeof out, "erlang --rate 10 --aht soon --agents 3"), 2);
	assert_non_null(strstr(out, "--aht: 'soon' is not a duration"));
}

/* The results documentation names every figure the file holds (run from the top folder). */
static void test_cli_docs_list_every_figure(void **state)
{
	(void)state;
	FILE *f = fopen("results/README.md", "r");
	assert_non_null(f);
	static char doc[65536];
	size_t n = fread(doc, 1, sizeof doc - 1, f);
	doc[n] = '\0';
	fclose(f);
	size_t count;
	const struct cc_figure *figs = cc_figures(&count);
	for (size_t i = 0; i < count; i++) {
		char cell[96];
		snprintf(cell, sizeof cell, "`%s`", figs[i].name);
		if (!strstr(doc, cell))
			fail_msg("results/README.md does not document %s", figs[i].name);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_help_everywhere),
		cmocka_unit_test(test_cli_bad_scenarios_exit_2_and_write_nothing),
		cmocka_unit_test(test_cli_unwritable_output_exits_1),
		cmocka_unit_test(test_cli_run_writes_results_and_json),
		cmocka_unit_test(test_cli_erlang_published_values),
		cmocka_unit_test(test_cli_docs_list_every_figure),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
