/*
 * The ccsim command as a user meets it: help texts, exit codes, error messages for bad
 * scenarios and paths, no results file after a failure, JSON and the results file after a
 * success, and the way out when something fails (a full disk, a signal, a closed output, a
 * bad path, too little memory): a clear line, the documented exit code, and no results or
 * temporary file left behind. Spawns the binary named by $CCSIM (default ./ccsim).
 */
#include "cliutil.h"
#include "h5util.h"

#include <ctype.h>
#include <hdf5_hl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mount.h>
#include <time.h>

#include "models/figures/metrics.h"

extern char **environ;

static const char good[] =
	"name = \"cli\"; seed = 11; horizon = \"6h\"; warmup = \"30m\"; interval = \"1h\"; replications = 5;\n"
	"queues = ( { name = \"sales\"; channel = \"voice\";\n"
	"             arrivals = { per_hour = 100.0; };\n"
	"             handle = { dist = \"exponential\"; mean = \"180s\"; };\n"
	"             patience = { dist = \"exponential\"; mean = \"300s\"; }; } );\n"
	"agents = ( { name = \"team\"; count = 7; skills = [ \"sales\" ]; } );\n";

/* A copy of GOOD with FROM replaced by TO, written as NAME. */
static void write_variant(const char *name, const char *from, const char *to)
{
	char text[4096];
	tu_edit(text, sizeof text, good, from, to);
	write_file(name, text);
}

static int setup(void **state)
{
	if (setup_dir(state) != 0)
		return -1;
	write_file("good.cfg", good);
	write_file("day.cfg", day_cfg);
	return 0;
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
	assert_string_equal(out, "ccsim: unknown command 'fly' (try 'ccsim --help')\n");
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
		{ "count = 7;", "count = = 7;", "bad.cfg:6: agents.[0].count: expected a value after '='" },
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
	assert_int_equal(run(out, sizeof out, "run %s/good.cfg -o %s --json --set output.contact_records=true --set output.replications=intervals", dir, h5), 0);
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
	const char *paths[] = { "/summary/intervals/queues/interval", "/summary/intervals/queues/clock",
	                        "/entities/queue", "/entities/group",
	                        "/replications/intervals/queues/service_level",
	                        "/replications/totals/groups/occupancy",
	                        "/summary/intervals/queues/asa_s",
	                        "/summary/totals/queues/offered", "/contacts/records",
	                        "/replications/counts/arrived" };
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
	assert_int_equal(run(again, sizeof again, "run %s/good.cfg -o %s --json --threads 2 --set output.contact_records=true --set output.replications=intervals", dir, h5), 0);
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

/* ---- agent statuses and the agent event stream ---- */

/* The engine's messages start with the program name the command gave it, or nothing. */
static void test_cli_program_name_comes_from_the_command(void **state)
{
	(void)state;
	assert_null(cc_status_program());
	assert_string_equal(cc_status_prefix(), "");
	cc_status_set_program("planner");
	assert_string_equal(cc_status_program(), "planner");
	assert_string_equal(cc_status_prefix(), "planner: ");
	cc_status_set_program("a-name-longer-than-thirty-one-bytes-is-cut");
	assert_string_equal(cc_status_program(), "a-name-longer-than-thirty-one-b");
	cc_status_set_program(NULL);
	assert_null(cc_status_program());
	assert_string_equal(cc_status_prefix(), "");
}

static const char statuses_cfg[] =
	"name = \"st\"; seed = 23; horizon = \"5h\"; warmup = \"30m\"; interval = \"1h\"; replications = 3;\n"
	"statuses = [ \"Break\", \"Lunch\" ];\n"
	"queues = ( { name = \"sales\"; channel = \"voice\";\n"
	"             arrivals = { per_hour = 90.0; };\n"
	"             handle = { dist = \"exponential\"; mean = \"170s\"; };\n"
	"             patience = { dist = \"exponential\"; mean = \"240s\"; }; },\n"
	"           { name = \"help\"; channel = \"chat\";\n"
	"             arrivals = { per_hour = 30.0; };\n"
	"             handle = { dist = \"exponential\"; mean = \"300s\"; }; } );\n"
	"agents = ( { name = \"team\"; count = 5; skills = [ \"sales\" ]; idle_reason = \"Break\";\n"
	"             unplanned = ( { status = \"Break\"; per_hour = 0.7;\n"
	"                             duration = { dist = \"exponential\"; mean = \"6m\"; }; } );\n"
	"             planned = ( { status = \"Lunch\"; at = \"2h\"; window = \"1h\";\n"
	"                           duration = { dist = \"deterministic\"; value = \"20m\"; }; } );\n"
	"             answer = { miss = 0.1; }; },\n"
	"           { name = \"desk\"; count = 3; skills = [ \"help\", \"sales\" ]; } );\n"
	"output = { contact_records = true; agent_events = true; };\n";

enum { ST_STATUSES = 5, ST_GROUPS = 2, ST_AGENTS = 8, ST_REPS = 3, ST_INTERVALS = 5 };

/* The dimensions of dataset PATH; returns the rank. */
static int dims_of(hid_t f, const char *path, hsize_t *dims)
{
	hid_t d = H5Dopen2(f, path, H5P_DEFAULT);
	if (d < 0)
		fail_msg("%s is missing", path);
	hid_t sp = H5Dget_space(d);
	int rank = H5Sget_simple_extent_dims(sp, dims, NULL);
	H5Sclose(sp);
	H5Dclose(d);
	return rank;
}

static herr_t scale_name(hid_t dset, unsigned dim, hid_t scale, void *data)
{
	(void)dset;
	(void)dim;
	if (H5DSget_scale_name(scale, data, 64) <= 0)
		((char *)data)[0] = '\0';
	return 1;
}

/* The dimension (the name of the scale attached) of dimension DIM of dataset PATH. */
static void expect_label(hid_t f, const char *path, unsigned dim, const char *want)
{
	hid_t d = H5Dopen2(f, path, H5P_DEFAULT);
	char label[64] = "";
	assert_true(H5DSiterate_scales(d, dim, NULL, scale_name, label) >= 0);
	H5Dclose(d);
	if (strcmp(label, want) != 0)
		fail_msg("dimension %u of %s is '%s', not '%s'", dim, path, label, want);
}

/*
 * Field NAME of every row of table D, as doubles (*N receives the rows). Reads the field in
 * its own native type, enum codes included (HDF5 converts no enum to a number), then widens.
 */
static double *read_field(hid_t d, const char *name, size_t *n)
{
	hid_t ftype = H5Dget_type(d), sp = H5Dget_space(d);
	hssize_t rows = H5Sget_simple_extent_npoints(sp);
	int idx = H5Tget_member_index(ftype, name);
	if (idx < 0)
		fail_msg("the table has no field %s", name);
	hid_t member = H5Tget_member_type(ftype, (unsigned)idx);
	hid_t native = H5Tget_native_type(member, H5T_DIR_ASCEND);
	size_t size = H5Tget_size(native);
	H5T_class_t cls = H5Tget_class(native);
	hid_t mem = H5Tcreate(H5T_COMPOUND, size);
	H5Tinsert(mem, name, 0, native);
	unsigned char *raw = calloc((size_t)rows + 1, size);
	assert_true(H5Dread(d, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw) >= 0);
	double *v = calloc((size_t)rows + 1, sizeof *v);
	for (hssize_t i = 0; i < rows; i++) {
		const unsigned char *p = raw + (size_t)i * size;
		if (cls == H5T_FLOAT) {
			double x;
			memcpy(&x, p, sizeof x);
			v[i] = x;
		} else if (size == 1) {
			v[i] = *p;
		} else if (size == 4) {
			int32_t x;
			memcpy(&x, p, sizeof x);
			v[i] = x;
		} else {
			int64_t x;
			memcpy(&x, p, sizeof x);
			v[i] = (double)x;
		}
	}
	free(raw);
	H5Tclose(mem);
	H5Tclose(native);
	H5Tclose(member);
	H5Sclose(sp);
	H5Tclose(ftype);
	*n = (size_t)rows;
	return v;
}

/* The name of code CODE of enum field NAME of table D. */
static void enum_name(hid_t d, const char *name, unsigned char code, char *buf, size_t len)
{
	hid_t ftype = H5Dget_type(d);
	int idx = H5Tget_member_index(ftype, name);
	assert_true(idx >= 0);
	hid_t member = H5Tget_member_type(ftype, (unsigned)idx);
	assert_int_equal(H5Tget_class(member), H5T_ENUM);
	hid_t native = H5Tget_native_type(member, H5T_DIR_ASCEND);
	if (H5Tenum_nameof(native, &code, buf, len) < 0)
		snprintf(buf, len, "?");
	H5Tclose(native);
	H5Tclose(member);
	H5Tclose(ftype);
}

static void test_cli_status_figures_have_their_own_dimension(void **state)
{
	(void)state;
	static char out[262144];
	char h5[512];
	write_file("statuses.cfg", statuses_cfg);
	snprintf(h5, sizeof h5, "%s/statuses.h5", dir);
	int rc = run(out, sizeof out, "run %s/statuses.cfg -o %s --json --set output.replications=intervals", dir, h5);
	if (rc != 0)
		fail_msg("exit %d: %s", rc, out);

	/* JSON: every figure, status ones inside each group's "statuses". */
	size_t count;
	const struct cc_figure *figs = cc_figures(&count);
	for (size_t i = 0; i < count; i++) {
		char key[96];
		snprintf(key, sizeof key, "\"%s\": {\"mean\": ", figs[i].name);
		if (!strstr(out, key))
			fail_msg("no %s in the JSON", key);
	}
	const char *desk = strstr(out, "{\"name\": \"desk\"");
	assert_non_null(desk);
	const char *st = strstr(desk, "\"statuses\": {\"Offline\": {\"status_s\": {\"mean\": ");
	assert_non_null(st);
	const char *names[] = { "\"Available\": {", "\"RONA\": {", "\"Break\": {", "\"Lunch\": {" };
	for (size_t i = 0; i < 4; i++) {
		st = strstr(st, names[i]);
		if (!st)
			fail_msg("no %s (in order) in desk's statuses", names[i]);
	}
	assert_non_null(strstr(st, "\"status_agents\": {\"mean\": "));

	hid_t f = H5Fopen(h5, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(f >= 0);
	hsize_t d[4];
	assert_int_equal(dims_of(f, "/entities/status", d), 1);
	assert_int_equal(d[0], ST_STATUSES);
	const char *p = "/replications/intervals/statuses/status_s";
	assert_int_equal(dims_of(f, p, d), 4);
	assert_int_equal(d[0], ST_REPS);
	assert_int_equal(d[1], ST_INTERVALS);
	assert_int_equal(d[2], ST_GROUPS);
	assert_int_equal(d[3], ST_STATUSES);
	const char *labels[] = { "replication", "interval", "group", "status" };
	for (unsigned i = 0; i < 4; i++)
		expect_label(f, p, i, labels[i]);
	assert_int_equal(dims_of(f, "/replications/totals/statuses/status_agents", d), 3);
	expect_label(f, "/replications/totals/statuses/status_agents", 2, "status");
	assert_int_equal(dims_of(f, "/summary/intervals/statuses/status_s", d), 4);
	assert_int_equal(d[3], 2); /* mean, ci95 */
	assert_int_equal(dims_of(f, "/summary/totals/statuses/status_agents", d), 3);
	assert_int_equal(d[0], ST_GROUPS);
	assert_int_equal(d[1], ST_STATUSES);
	expect_label(f, "/summary/totals/statuses/status_agents", 0, "group");
	expect_label(f, "/summary/totals/statuses/status_agents", 1, "status");
	expect_label(f, "/summary/totals/statuses/status_agents", 2, "statistic");
	assert_true(H5Aexists_by_name(f, p, "units", H5P_DEFAULT) > 0);

	/* The status dimension holds what the group figures say: Available is idle_s, RONA is
	 * rona_s, the not-productive statuses add up to npt_s (per replication and group). */
	double *status = tu_read_doubles(f, "/replications/totals/statuses/status_s", ST_REPS * ST_GROUPS * ST_STATUSES);
	double *idle = tu_read_doubles(f, "/replications/totals/groups/idle_s", ST_REPS * ST_GROUPS);
	double *rona = tu_read_doubles(f, "/replications/totals/groups/rona_s", ST_REPS * ST_GROUPS);
	double *npt = tu_read_doubles(f, "/replications/totals/groups/npt_s", ST_REPS * ST_GROUPS);
	double *offline = tu_read_doubles(f, "/replications/totals/groups/offline_in_shift_s", ST_REPS * ST_GROUPS);
	for (size_t r = 0; r < ST_REPS; r++)
		for (size_t g = 0; g < ST_GROUPS; g++) {
			const double *s = status + (r * ST_GROUPS + g) * ST_STATUSES;
			size_t k = r * ST_GROUPS + g;
			assert_near(s[0], offline[k], 1e-9 * (1 + offline[k]));
			assert_near(s[1], idle[k], 1e-9 * (1 + idle[k]));
			assert_near(s[2], rona[k], 1e-9 * (1 + rona[k]));
			assert_near(s[3] + s[4], npt[k], 1e-9 * (1 + npt[k]));
		}
	/* Team takes breaks and lunch, desk takes none. */
	assert_true(status[0 * ST_STATUSES + 4] > 0);
	assert_near(status[1 * ST_STATUSES + 3] + status[1 * ST_STATUSES + 4], 0, 0);
	free(status);
	free(idle);
	free(rona);
	free(npt);
	free(offline);
	H5Fclose(f);
	unlink(h5);
}

static void test_cli_agent_events_and_record_fields(void **state)
{
	(void)state;
	static char out[65536];
	char h5[512];
	write_file("statuses.cfg", statuses_cfg);
	snprintf(h5, sizeof h5, "%s/events.h5", dir);
	int rc = run(out, sizeof out, "run %s/statuses.cfg -o %s --quiet", dir, h5);
	if (rc != 0)
		fail_msg("exit %d: %s", rc, out);
	hid_t f = H5Fopen(h5, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(f >= 0);

	/* The agent axes: team#0..team#4, desk#0..desk#2. */
	hsize_t dims[1];
	assert_int_equal(dims_of(f, "/entities/agent", dims), 1);
	assert_int_equal(dims[0], ST_AGENTS);
	double *agent_group = tu_read_doubles(f, "/entities/agent_group", ST_AGENTS);
	for (size_t a = 0; a < ST_AGENTS; a++)
		assert_near(agent_group[a], a < 5 ? 0 : 1, 0);
	expect_label(f, "/entities/agent_group", 0, "agent");
	hid_t ax = H5Dopen2(f, "/entities/agent", H5P_DEFAULT);
	hid_t st = H5Dget_type(ax);
	assert_true(H5Tis_variable_str(st) > 0);
	char *names[ST_AGENTS];
	assert_true(H5Dread(ax, st, H5S_ALL, H5S_ALL, H5P_DEFAULT, names) >= 0);
	assert_string_equal(names[0], "team#0");
	assert_string_equal(names[4], "team#4");
	assert_string_equal(names[5], "desk#0");
	hid_t axs = H5Dget_space(ax);
	H5Dvlen_reclaim(st, axs, H5P_DEFAULT, names);
	H5Sclose(axs);
	H5Tclose(st);
	H5Dclose(ax);

	/* The event stream. */
	hid_t ev = H5Dopen2(f, "/agents/events", H5P_DEFAULT);
	assert_true(ev >= 0);
	assert_true(H5Aexists_by_name(f, "/agents/events", "next_status_description", H5P_DEFAULT) > 0);
	size_t n, n2;
	double *t = read_field(ev, "time_s", &n);
	double *rep = read_field(ev, "replication", &n2);
	double *agent = read_field(ev, "agent", &n2);
	double *group = read_field(ev, "group", &n2);
	double *status = read_field(ev, "status", &n2);
	double *next = read_field(ev, "next_status", &n2);
	double *contact = read_field(ev, "contact_id", &n2);
	double *cstate = read_field(ev, "contact_state", &n2);
	double *channel = read_field(ev, "channel", &n2);
	assert_true(n > 100);
	int seen_status[ST_STATUSES] = { 0 }, seen_state[8] = { 0 }, seen_next = 0;
	for (size_t i = 0; i < n; i++) {
		if (!(rep[i] >= 0 && rep[i] < ST_REPS && agent[i] >= 0 && agent[i] < ST_AGENTS))
			fail_msg("row %zu: replication %g, agent %g", i, rep[i], agent[i]);
		assert_near(group[i], agent_group[(size_t)agent[i]], 0);
		if (i > 0 && rep[i] == rep[i - 1] && t[i] < t[i - 1])
			fail_msg("row %zu: time %g before the previous row's %g", i, t[i], t[i - 1]);
		if (i > 0)
			assert_true(rep[i] >= rep[i - 1]);
		assert_true(status[i] < ST_STATUSES);
		assert_true(next[i] >= -1 && next[i] < ST_STATUSES);
		assert_true(cstate[i] < 8);
		assert_true(channel[i] <= CC_CHANNEL_COUNT);
		assert_true(contact[i] >= -1);
		seen_status[(int)status[i]]++;
		seen_state[(int)cstate[i]]++;
		seen_next += next[i] >= 0;
	}
	/* Available, Break and Lunch all happen; so do rings, connections, ACW and misses. */
	assert_true(seen_status[1] > 0 && seen_status[3] > 0 && seen_status[4] > 0);
	assert_true(seen_state[1] > 0 && seen_state[2] > 0 && seen_state[4] > 0 && seen_state[6] > 0);
	(void)seen_next;
	char name[64];
	enum_name(ev, "status", 3, name, sizeof name);
	assert_string_equal(name, "Break");
	enum_name(ev, "status", 4, name, sizeof name);
	assert_string_equal(name, "Lunch");
	enum_name(ev, "contact_state", 4, name, sizeof name);
	assert_string_equal(name, "MISSED");
	enum_name(ev, "channel", CC_CHANNEL_COUNT, name, sizeof name);
	assert_string_equal(name, "none");
	free(t);
	free(rep);
	free(agent);
	free(group);
	free(status);
	free(next);
	free(contact);
	free(cstate);
	free(channel);
	H5Dclose(ev);

	/* The new record fields agree with the outcome. */
	hid_t rec = H5Dopen2(f, "/contacts/records", H5P_DEFAULT);
	assert_true(rec >= 0);
	double *outcome = read_field(rec, "outcome", &n);
	double *reason = read_field(rec, "disconnect_reason", &n2);
	double *ragent = read_field(rec, "agent", &n2);
	double *ronas = read_field(rec, "ronas", &n2);
	double *ring = read_field(rec, "ring_s", &n2);
	assert_true(n > 100);
	size_t missed = 0;
	for (size_t i = 0; i < n; i++) {
		int o = (int)outcome[i], why = (int)reason[i];
		if (o == CC_OUTCOME_ABANDONED && (why != CC_DISCONNECT_CUSTOMER || ragent[i] != -1))
			fail_msg("record %zu: abandoned with reason %d and agent %g", i, why, ragent[i]);
		if (o == CC_OUTCOME_HANDLED && why != CC_DISCONNECT_ENDED)
			fail_msg("record %zu: handled with reason %d", i, why);
		if (o == CC_OUTCOME_WAITING_AT_END && why != CC_DISCONNECT_NONE)
			fail_msg("record %zu: waiting at the end with reason %d", i, why);
		assert_true(ronas[i] >= 0 && ring[i] >= 0);
		missed += ronas[i] > 0;
	}
	assert_true(missed > 0);
	enum_name(rec, "disconnect_reason", CC_DISCONNECT_CUSTOMER, name, sizeof name);
	assert_string_equal(name, "CUSTOMER_DISCONNECT");
	enum_name(rec, "outcome", CC_OUTCOME_OUTBOUND, name, sizeof name);
	assert_string_equal(name, "outbound");
	free(outcome);
	free(reason);
	free(ragent);
	free(ronas);
	free(ring);
	H5Dclose(rec);

	double *outbound = tu_read_doubles(f, "/replications/counts/outbound", ST_REPS);
	assert_near(outbound[0], 0, 0);
	free(outbound);
	free(agent_group);
	H5Fclose(f);
	unlink(h5);

	/* Without output.agent_events there is no event table. */
	assert_int_equal(run(out, sizeof out, "run %s/statuses.cfg -o %s --quiet --set output.agent_events=false", dir, h5), 0);
	f = H5Fopen(h5, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(f >= 0);
	assert_true(H5Lexists(f, "/agents", H5P_DEFAULT) <= 0);
	assert_true(H5Lexists(f, "/entities", H5P_DEFAULT) > 0);
	H5Fclose(f);
	unlink(h5);
}

/* ---- ccsim check ---- */

/* Every line of WANT appears, whole, in OUT. */
static void expect_lines(const char *out, const char *const *want, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char line[1024];
		snprintf(line, sizeof line, "\n%s\n", want[i]);
		if (!strstr(out, line))
			fail_msg("no line '%s' in:\n%s", want[i], out);
	}
}

/* A single-site scenario reads as it always has: each queue once, by its written name, and
 * no site anywhere. */
static void test_cli_check_single_site_unchanged(void **state)
{
	(void)state;
	char out[8192], path[512];
	snprintf(path, sizeof path, "%s/good.cfg", dir);
	assert_int_equal(run(out, sizeof out, "check %s", path), 0);
	char want[4096];
	snprintf(want, sizeof want,
	         "%s: valid. 6h, warm-up 30m, 1h intervals, 5 replications, seed 11\n"
	         "  routing: longest_idle, the longest-idle eligible agent gets the contact; a free "
	         "agent takes its best-priority queue, oldest contact first (Amazon Connect); idle "
	         "timer from the last activity\n"
	         "  queue sales (voice): 100/h, handle mean 180.0s, ACW mean 0.0s, abandons, SL 80%% "
	         "in 20s\n"
	         "  group team: 7 agents, routing profile team; log in Available\n"
	         "  profile team: voice 1; queues sales (priority 1)\n"
	         "  offer timeouts: voice 18s chat 30s email 30s task 30s callback 18s\n"
	         "  memory: about ",
	         path);
	if (strncmp(out, want, strlen(want)) != 0)
		fail_msg("got:\n%s\nwanted:\n%s", out, want);
	double one, two;
	assert_int_equal(sscanf(out + strlen(want), "%lf MiB at the peak on one thread, %lf MiB on two\n", &one, &two), 2);
	assert_true(one > 10 && one < 100 && two >= one);
	/* One site named in regions changes nothing either. */
	write_variant("one-site.cfg", "queues = (",
	              "regions = { sites = ( { name = \"only\"; share = 1.0; } ); };\nqueues = (");
	assert_int_equal(run(out, sizeof out, "check %s/one-site.cfg", dir), 0);
	assert_non_null(strstr(out, "\n  queue sales (voice): 100/h,"));
	assert_null(strstr(out, "only"));
	assert_null(strstr(out, "sites"));
}

/* Two sites, a move, and quick connects to a queue, a group, a named agent and an outside
 * number. */
static const char transfers_cfg[] =
	"name = \"tr\"; seed = 3; horizon = \"4h\"; interval = \"1h\"; replications = 2;\n"
	"regions = {\n"
	"  sites = ( { name = \"east\"; share = 0.7; }, { name = \"west\"; share = 0.3; } );\n"
	"  changes = ( { at = \"2h\"; shares = { east = 0.0; west = 1.0; };\n"
	"                move = ( { group = \"front\"; to = \"west\"; } ); },\n"
	"              { at = \"3h30m\"; move = ( { group = \"experts\"; to = \"east\"; } ); } );\n"
	"  move = { available_after = \"90s\"; restart = 0.25;\n"
	"           restart_delay = { dist = \"exponential\"; mean = \"2m\"; }; };\n"
	"};\n"
	"queues = (\n"
	"  { name = \"support\"; arrivals = { per_hour = 60.0; };\n"
	"    handle = { dist = \"exponential\"; mean = \"5m\"; };\n"
	"    transfer = { flow = { dist = \"uniform\"; min = \"3s\"; max = \"5s\"; };\n"
	"      to = ( { share = 0.2; queue = \"billing\"; },\n"
	"             { share = 0.1; group = \"experts\"; mode = \"consult\";\n"
	"               consult = { dist = \"exponential\"; mean = \"1m\"; }; reject = 0.1;\n"
	"               fallback = \"billing\"; },\n"
	"             { share = 0.05; group = \"experts\"; agent = 1; mode = \"conference\";\n"
	"               conference = \"2m\"; handle = { dist = \"exponential\"; mean = \"8m\"; }; },\n"
	"             { share = 0.05; external = true; mode = \"consult\"; consult = \"30s\"; } ); }; },\n"
	"  { name = \"billing\"; arrivals = { per_hour = 10.0; };\n"
	"    handle = { dist = \"exponential\"; mean = \"4m\"; }; } );\n"
	"agents = ( { name = \"front\"; count = 6; skills = [ \"support\", \"billing\" ]; },\n"
	"           { name = \"experts\"; region = \"west\"; count = 2; skills = [ \"billing\" ]; } );\n";

static void test_cli_check_shows_transfers_and_sites(void **state)
{
	(void)state;
	static char out[16384];
	write_file("transfers.cfg", transfers_cfg);
	int rc = run(out, sizeof out, "check %s/transfers.cfg", dir);
	if (rc != 0)
		fail_msg("exit %d: %s", rc, out);
	static const char *const want[] = {
		"  sites: east 70%, west 30% of every queue's arrivals (queues named <queue>@<site> in "
		"the results)",
		"    at 2h: east 0%, west 100%; moves front to west",
		"    at 3h30m: shares unchanged; moves experts to east",
		"  moved agents: Available after 1m30s; 25% of the customers whose chat or task a move "
		"ends start again after exponential mean 2m",
		"  queue support (voice) at east, west: 60/h, handle mean 300.0s, ACW mean 0.0s, "
		"nobody abandons, SL 80% in 20s",
		"    quick connect 20% to queue billing: cold, flow 3s to 5s, whispers 2s agent, 1s "
		"customer",
		"    quick connect 10% to group experts (a free agent): consult exponential mean 1m, "
		"flow 3s to 5s, whispers 2s agent, 1s customer, rejected 10%; on failure to queue "
		"billing",
		"    quick connect 5% to group experts agent 1: conference 2m, flow 3s to 5s, whispers "
		"2s agent, 1s customer, handle exponential mean 8m; on failure back to the first agent",
		"    quick connect 5% to an outside number: consult 30s",
		"  queue billing (voice) at east, west: 10/h, handle mean 240.0s, ACW mean 0.0s, "
		"nobody abandons, SL 80% in 20s",
		"  group front at east: 6 agents, routing profile front; log in Available",
		"  group experts at west: 2 agents, routing profile experts; log in Available",
		"  profile front: voice 1; queues support (priority 1), billing (priority 2)",
		"  profile experts: voice 1; queues billing (priority 1)",
	};
	expect_lines(out, want, sizeof want / sizeof want[0]);
	/* Each line once, by its written name: no copy per site. */
	assert_null(strstr(out, "@east"));
	assert_null(strstr(out, "@west"));
	const char *first = strstr(out, "\n  queue billing (");
	assert_non_null(first);
	assert_null(strstr(first + 1, "\n  queue billing ("));

	/* Automatic moves, and no move at all: no line about moved agents. */
	assert_int_equal(run(out, sizeof out, "check %s/transfers.cfg --set regions.move.automatic=true", dir), 0);
	assert_non_null(strstr(out, "\n  moved agents: Available on arrival (automatic); "));
	write_file("no-moves.cfg",
	           "name = \"nm\"; horizon = \"2h\";\n"
	           "regions = { sites = ( { name = \"a\"; share = 0.5; }, { name = \"b\"; share = 0.5; } ); };\n"
	           "queues = ( { name = \"q\"; arrivals = { per_hour = 5.0; };\n"
	           "             handle = { dist = \"exponential\"; mean = \"3m\"; }; } );\n"
	           "agents = ( { name = \"g\"; count = 2; skills = [ \"q\" ]; } );\n");
	assert_int_equal(run(out, sizeof out, "check %s/no-moves.cfg", dir), 0);
	static const char *const want2[] = {
		"  sites: a 50%, b 50% of every queue's arrivals (queues named <queue>@<site> in the "
		"results)",
		"  group g at a: 2 agents, routing profile g; log in Available",
	};
	expect_lines(out, want2, sizeof want2 / sizeof want2[0]);
	assert_null(strstr(out, "moved agents"));
	assert_null(strstr(out, "    at "));
	expect_no_results();
}

/* The terminal table stays within 120 columns for a two-queue, two-group scenario. */
static void test_cli_table_is_narrow(void **state)
{
	(void)state;
	static char out[65536];
	char h5[512];
	write_file("statuses.cfg", statuses_cfg);
	snprintf(h5, sizeof h5, "%s/narrow.h5", dir);
	assert_int_equal(run(out, sizeof out, "run %s/statuses.cfg -o %s", dir, h5), 0);
	assert_non_null(strstr(out, "RONA"));
	int col = 0, widest = 0;
	for (const char *c = out; *c; c++) {
		if (*c == '\n') {
			col = 0;
			continue;
		}
		col += ((unsigned char)*c & 0xc0) != 0x80;
		if (col > widest)
			widest = col;
	}
	if (widest > 120)
		fail_msg("a line of the table is %d columns wide:\n%s", widest, out);
	unlink(h5);
}


/* The livelock of issue 12: an offer timeout of 1e-9 s with a 2 s answer delay ran for ever;
 * it is refused at once, by run and check alike. */
static void test_cli_livelock_scenario_refused(void **state)
{
	(void)state;
	char out[8192];
	const char *timeouts[] = { "1e-9", "1e-300" };
	for (int i = 0; i < 2; i++) {
		int rc = run(out, sizeof out, "run %s/good.cfg --set channels.voice.offer_timeout=%s "
		             "--set 'agents.team.answer.delay={dist=\"deterministic\";value=\"2s\";}' "
		             "-o %s/live.h5", dir, timeouts[i], dir);
		if (rc != 2 || !strstr(out, "--set channels.voice.offer_timeout: ") ||
		    !strstr(out, "s is shorter than 1 ms, the shortest duration a scenario may set"))
			fail_msg("offer_timeout=%s: exit %d, output '%s'", timeouts[i], rc, out);
		expect_no_results();
	}
}

/* At the floor, the livelock of issue 12 still crawled (1 ms a step: about 100 s of CPU a
 * replication): it warns, and the stall guard ends it at once with exit 1, nothing written. */
static void test_cli_crawling_clock_ends_the_run(void **state)
{
	(void)state;
	char out[8192];
	int rc = run(out, sizeof out, "run %s/good.cfg --set channels.voice.offer_timeout=0.001 "
	             "--set 'agents.team.answer.delay={dist=\"deterministic\";value=\"2s\";}' "
	             "-o %s/crawl.h5", dir, dir);
	if (rc != 1 || !strstr(out, "warning: --set channels.voice.offer_timeout: an offer that "
	                            "rings for 0.001 s (under a second)") ||
	    !strstr(out, "replication 0 all but stopped at ") ||
	    !strstr(out, "offers that ring out: channels.<channel>.offer_timeout") ||
	    !strstr(out, "no results written"))
		fail_msg("exit %d, output '%s'", rc, out);
	expect_no_results();
}

/* Warnings go to stderr and leave the exit code alone; --strict makes them exit 2, before
 * anything is written. */
static void test_cli_strict_refuses_warnings(void **state)
{
	(void)state;
	char out[16384];
	const char *mistyped = "--set queues.sales.handle.mean=180000";
	assert_int_equal(run(out, sizeof out, "check %s/good.cfg %s", dir, mistyped), 0);
	assert_non_null(strstr(out, "good.cfg: warning: --set queues.[0].handle.mean: a mean of 180000 s"));
	assert_non_null(strstr(out, "valid."));
	assert_int_equal(run(out, sizeof out, "check %s/good.cfg %s --strict", dir, mistyped), 2);
	assert_non_null(strstr(out, "warnings, refused with --strict"));
	assert_null(strstr(out, "valid."));
	assert_int_equal(run(out, sizeof out, "run %s/good.cfg --strict %s -o %s/strict.h5", dir,
	                     mistyped, dir), 2);
	assert_non_null(strstr(out, "refused with --strict"));
	expect_no_results();
	/* Without warnings, --strict changes nothing. */
	assert_int_equal(run(out, sizeof out, "check %s/good.cfg --strict", dir), 0);
	assert_null(strstr(out, "warning"));
}

/* Control characters from a scenario or the command line never reach the terminal raw. */
static void test_cli_control_characters_escaped(void **state)
{
	(void)state;
	char out[8192];
	assert_int_equal(run(out, sizeof out, "check %s/good.cfg --set \"$(printf 'agents.a\\033[31mb\\tc.count=3')\"",
	                     dir), 2);
	assert_non_null(strstr(out, "no element named \"a\\x1b[31mb\\tc\""));
	write_variant("ctl.cfg", "name = \"team\"", "name = \"t\x1b]0;pwned\x07\"");
	assert_int_equal(run(out, sizeof out, "check %s/ctl.cfg", dir), 2);
	assert_non_null(strstr(out, "\"t\\x1b]0;pwned\\x07\" must be letters"));
	for (const char *p = out; *p; p++)
		if ((unsigned char)*p < 0x20 && *p != '\n')
			fail_msg("a raw control character 0x%02x in '%s'", (unsigned char)*p, out);
}


/* Transfers that hand a contact between two queues with no time passing (a handle time of 0
 * all but once in a billion, no flow, no whispers) go round at one instant: the run ends
 * with exit 1, names the settings, and writes nothing (found by the review helper). */
static void test_cli_stalled_clock_ends_the_run(void **state)
{
	(void)state;
	write_file("pingpong.cfg",
	           "name = \"pingpong\"; horizon = \"1h\"; replications = 2;\n"
	           "queues = (\n"
	           "  { name = \"a\"; arrivals = { per_hour = 10.0; };\n"
	           "    handle = { dist = \"empirical\"; values = [ 0.0, 3600.0 ]; weights = [ 1e9, 1.0 ]; };\n"
	           "    transfer = { flow = 0; agent_whisper = 0; customer_whisper = 0;\n"
	           "                 to = ( { share = 1.0; queue = \"b\"; } ); }; },\n"
	           "  { name = \"b\"; arrivals = { per_hour = 0.0; };\n"
	           "    handle = { dist = \"empirical\"; values = [ 0.0, 3600.0 ]; weights = [ 1e9, 1.0 ]; };\n"
	           "    transfer = { flow = 0; agent_whisper = 0; customer_whisper = 0;\n"
	           "                 to = ( { share = 1.0; queue = \"a\"; } ); }; }\n"
	           ");\n"
	           "agents = ( { name = \"team\"; count = 2; skills = [ \"a\", \"b\" ]; } );\n");
	char out[8192];
	int rc = run(out, sizeof out, "run %s/pingpong.cfg --threads 2 -o %s/pingpong.h5", dir, dir);
	if (rc != 1 || !strstr(out, "pingpong.cfg: replication 0 all but stopped at ") ||
	    !strstr(out, ": 1048576 events in the last ") ||
	    !strstr(out, "transfers: queues.<queue>.transfer") || !strstr(out, "no results written"))
		fail_msg("exit %d, output '%s'", rc, out);
	expect_no_results();
}

/* Starts "ccsim ARGS..." and returns its pid. */
static pid_t spawn(char *const *argv)
{
	pid_t pid;
	assert_int_equal(posix_spawn(&pid, argv[0], NULL, NULL, argv, environ), 0);
	return pid;
}

/* SIGINT, SIGTERM and SIGHUP end a run cleanly: a message, 128 + the signal, no file. */
static void test_cli_signals(void **state)
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
static void test_cli_full_disk(void **state)
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
static void test_cli_paths_and_limits(void **state)
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
		cmocka_unit_test(test_cli_help_everywhere),
		cmocka_unit_test(test_cli_program_name_comes_from_the_command),
		cmocka_unit_test(test_cli_bad_scenarios_exit_2_and_write_nothing),
		cmocka_unit_test(test_cli_livelock_scenario_refused),
		cmocka_unit_test(test_cli_stalled_clock_ends_the_run),
		cmocka_unit_test(test_cli_crawling_clock_ends_the_run),
		cmocka_unit_test(test_cli_strict_refuses_warnings),
		cmocka_unit_test(test_cli_control_characters_escaped),
		cmocka_unit_test(test_cli_unwritable_output_exits_1),
		cmocka_unit_test(test_cli_run_writes_results_and_json),
		cmocka_unit_test(test_cli_erlang_published_values),
		cmocka_unit_test(test_cli_status_figures_have_their_own_dimension),
		cmocka_unit_test(test_cli_agent_events_and_record_fields),
		cmocka_unit_test(test_cli_table_is_narrow),
		cmocka_unit_test(test_cli_check_single_site_unchanged),
		cmocka_unit_test(test_cli_check_shows_transfers_and_sites),
		cmocka_unit_test(test_cli_signals),
		cmocka_unit_test(test_cli_full_disk),
		cmocka_unit_test(test_cli_paths_and_limits),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
