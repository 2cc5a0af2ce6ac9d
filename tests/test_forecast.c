/* Forecasts from CSV files: the columns WFM tools write, the rates and handle means they give
 * a queue, every error with its file, line and column, and `ccsim erlang --forecast`. */
#include "cliutil.h"

#include "models/erlang.h"
#include "models/scenario/forecast.h"

/* A day from 07:00 in 30-minute intervals whose two queues read f.csv. */
static const char day[] =
	"name = \"fc\"; seed = 2385; start = \"07:00\"; horizon = \"3h\"; interval = \"30m\";\n"
	"replications = 1;\n"
	"queues = ( { name = \"sales\"; arrivals = { process = \"poisson\"; forecast = \"f.csv\"; };\n"
	"             handle = { dist = \"gamma\"; mean = \"200s\"; sd = \"120s\"; }; },\n"
	"           { name = \"service\"; arrivals = { forecast = \"f.csv\"; };\n"
	"             handle = { dist = \"exponential\"; mean = \"300s\"; }; } );\n"
	"agents = ( { name = \"g\"; count = 30; skills = [ \"sales\", \"service\" ]; } );\n";

/* Its forecast, as a WFM tool exports it: other columns, a queue missing an interval,
 * service with no AHT at 08:00. */
static const char day_csv[] =
	"Interval Start,Skill,Forecast Volume,AHT,Forecast Occupancy\n"
	"07:00,sales,12.5,185.5,0.7\n"
	"07:00,service,20,310,0.7\n"
	"07:30,sales,30,240,0.8\n"
	"07:30,service,25,330,0.8\n"
	"08:00,service,22,,0.8\n"
	"08:30,sales,41,262,0.8\n"
	"08:30,service,18,290,0.8\n";

static void load_day(const char *csv, struct cc_scenario *scn, char *err, size_t errlen,
                     enum cc_status expect)
{
	char path[256];
	write_file("day.cfg", day);
	write_file("f.csv", csv);
	snprintf(path, sizeof path, "%s/day.cfg", dir);
	enum cc_status st = cc_scenario_load(path, NULL, 0, scn, err, errlen);
	if (st != expect)
		fail_msg("status %d, expected %d: %s", st, expect, err);
}

/* The rates land on the scenario's grid from time 0, in contacts per hour, with no arrivals
 * after the forecast's last interval; the AHTs where they are given. */
static void test_forecast_rates(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	load_day(day_csv, &scn, err, sizeof err, CC_OK);
	const struct cc_queue_cfg *sales = &scn.queues[0], *service = &scn.queues[1];
	const double sales_rate[] = { 25, 60, 0, 82, 0 }, service_rate[] = { 40, 50, 44, 36, 0 };
	assert_int_equal(sales->n_rates, 5);
	assert_int_equal(service->n_rates, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_near(sales->per_hour[i], sales_rate[i], 1e-12);
		assert_near(service->per_hour[i], service_rate[i], 1e-12);
	}
	assert_near(sales->rate_width_s, 1800, 0);
	assert_non_null(strstr(sales->forecast, "/f.csv"));
	/* AHT by the arrival's interval, the distribution's own mean where the forecast has none */
	assert_near(cc_queue_handle_mean(sales, 0), 185.5, 0);
	assert_near(cc_queue_handle_mean(sales, 1799.9), 185.5, 0);
	assert_near(cc_queue_handle_mean(sales, 1800), 240, 0);
	assert_near(cc_queue_handle_mean(sales, 4000), 200, 0);
	assert_near(cc_queue_handle_mean(sales, 5400), 262, 0);
	assert_near(cc_queue_handle_mean(sales, 9000), 200, 0);
	assert_near(cc_queue_handle_mean(service, 3600), 300, 0);
	assert_near(cc_queue_handle_mean(service, 1800), 330, 0);
	assert_near(sales->handle.mean, 200, 1e-9);
	cc_scenario_fini(&scn);
}

/* The columns as other tools name them, semicolons, quotes, CRLF and a byte-order mark;
 * seconds from 0 without a clock, the interval inferred. */
static void test_forecast_columns(void **state)
{
	(void)state;
	char path[256], err[1024] = "";
	snprintf(path, sizeof path, "%s/wfm.csv", dir);
	write_file("wfm.csv", "\xEF\xBB\xBF" "\"queue_name\";\"Interval\";Calls Offered;AHT (s)\r\n"
	                      "\"a; b\";900;3.5;120\r\n"
	                      "\"a; b\";1800;7;\r\n"
	                      "other;0;1.25;95.5\r\n"
	                      "\r\n");
	struct cc_forecast f;
	if (cc_forecast_read(path, 0, NAN, -1, &f, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	assert_int_equal(f.clock, 0);
	assert_near(f.interval_s, 900, 0);
	assert_near(f.first_s, 0, 0);
	assert_int_equal(f.n_intervals, 3);
	assert_int_equal(f.n_queues, 2);
	assert_string_equal(f.queues[0], "a; b");
	assert_int_equal(cc_forecast_queue(&f, "other"), 1);
	assert_int_equal(f.queue_line[1], 4);
	assert_near(f.volume[0], 0, 0);
	assert_near(f.volume[1], 3.5, 0);
	assert_near(f.volume[2], 7, 0);
	assert_near(f.volume[3], 1.25, 0);
	assert_near(f.aht_s[1], 120, 0);
	assert_true(isnan(f.aht_s[2]));
	assert_near(f.aht_s[3], 95.5, 0);
	assert_string_equal(f.volume_column, "Calls Offered");
	cc_forecast_fini(&f);
	cc_forecast_fini(NULL);

	/* dated clock times, a single-digit hour, no AHT column */
	write_file("wfm.csv", "Date Time,Split,Contacts\n2026-12-01 7:00,x,4\n2026-12-01 08:00,x,8\n");
	if (cc_forecast_read(path, 0, NAN, -1, &f, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	assert_int_equal(f.clock, 1);
	assert_near(f.first_s, 7 * 3600, 0);
	assert_near(f.interval_s, 3600, 0);
	assert_null(f.aht_s);
	cc_forecast_fini(&f);
}

/* Every problem names the file, the line and the column, through the loader and as `ccsim
 * check` reports it (exit 2). */
static void test_forecast_errors(void **state)
{
	(void)state;
	static const char head[] = "Interval Start,Queue,Volume,AHT\n";
	const struct {
		const char *rows, *expect;
	} cases[] = {
		{ "07:00,sales,10,200\n07:30,sales,abc,200\n",
		  "f.csv:3: Volume: must be a number >= 0 (got 'abc')" },
		{ "07:00,sales,-1,200\n", "f.csv:2: Volume: must be a number >= 0 (got '-1')" },
		{ "07:00,sales,0x10,200\n", "f.csv:2: Volume: must be a number >= 0 (got '0x10')" },
		{ "2026-03-02 07:00,sales,10,200\n2026-03-03 07:00,sales,10,200\n",
		  "f.csv:3: Interval Start: the forecast covers more than one day (2026-03-02, then "
		  "2026-03-03 here)" },
		{ "07:00,sales,1,5,200\n", "f.csv:2: the row has 5 fields, the header 4 (a decimal comma?" },
		{ "07:00,sales,10,200\n07:00,nope,10,200\n",
		  "f.csv:3: Queue: no queue is named \"nope\" in the scenario (its queues: sales, "
		  "service)" },
		{ "07:00,sales,10,200\n07:10,sales,10,200\n",
		  "f.csv:3: Interval Start: 07:10 is off the grid of 30m intervals from 07:00: the "
		  "forecast's intervals must be the scenario's `interval`" },
		{ "07:00,sales,10,200\n07:15,sales,10,200\n07:30,sales,10,200\n",
		  "f.csv:3: Interval Start: 07:15 is off the grid of 30m intervals" },
		{ "07:00,sales,10,200\n08:00,sales,10,200\n07:30,sales,10,200\n",
		  "f.csv:4: Interval Start: goes back in time (07:30 after 08:00 on line 3)" },
		{ "07:00,sales,10,200\n07:00,service,10,200\n07:00,sales,11,200\n",
		  "f.csv:4: Interval Start: queue \"sales\" has 07:00 twice (line 2 has it too)" },
		{ "06:30,sales,10,200\n", "f.csv:2: Interval Start: 06:30 is before the scenario's "
		  "start (07:00)" },
		{ "7h,sales,10,200\n", "f.csv:2: Interval Start: must be a clock time HH:MM (got "
		  "'7h')" },
		{ "07:00,sales,10,200\n1800,sales,10,200\n", "f.csv:3: Interval Start: must be a "
		  "clock time HH:MM (got '1800')" },
		{ "07:00,sales,10,-5\n", "f.csv:2: AHT: must be a number of seconds above 0 (got "
		  "'-5')" },
		{ "07:00,sales\n", "f.csv:2: Volume: missing (the row has 2 fields" },
		{ "07:00,,10,200\n", "f.csv:2: Queue: must name a queue (got an empty field)" },
		{ "07:00,\"sales,10,200\n", "f.csv:2: a quote is never closed" },
		{ "", "f.csv: has no rows under its header" },
		{ "07:00,service,10,200\n", "day.cfg:3: queues.[0].arrivals.forecast: \"" },
		{ "07:00,service,10,200\n", "f.csv\" has no rows for queue \"sales\" (its Queue column)" },
	};
	char csv[1024], err[1024], out[4096];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct cc_scenario scn;
		snprintf(csv, sizeof csv, "%s%s", head, cases[i].rows);
		load_day(csv, &scn, err, sizeof err, CC_ERR_SCENARIO);
		if (!strstr(err, cases[i].expect))
			fail_msg("case %zu: '%s' is not in '%s'", i, cases[i].expect, err);
		assert_int_equal(run(out, sizeof out, "check '%s/day.cfg'", dir), 2);
		if (!strstr(out, cases[i].expect))
			fail_msg("case %zu: '%s' is not in '%s'", i, cases[i].expect, out);
	}
	/* the header */
	struct cc_scenario scn;
	load_day("Interval Start,Queue,Calls Handled\n07:00,sales,3\n", &scn, err, sizeof err,
	         CC_ERR_SCENARIO);
	assert_non_null(strstr(err, "f.csv:1: volume: no such column (a header row must name it: "
	                            "volume, calls, contacts"));
	assert_non_null(strstr(err, "this header has 'Interval Start', 'Queue', 'Calls Handled'"));
	/* the file itself: absent, or with the rates given twice */
	char text[2048];
	tu_edit(text, sizeof text, day, "forecast = \"f.csv\"; }", "forecast = \"none.csv\"; }");
	write_file("day.cfg", text);
	assert_int_equal(run(out, sizeof out, "check '%s/day.cfg'", dir), 2);
	assert_non_null(strstr(out, "day.cfg:3: queues.[0].arrivals.forecast: cannot read"));
	assert_non_null(strstr(out, "none.csv\": No such file"));
	tu_edit(text, sizeof text, day, "forecast = \"f.csv\"; }", "forecast = \"f.csv\"; per_hour = 3; }");
	write_file("day.cfg", text);
	assert_int_equal(run(out, sizeof out, "check '%s/day.cfg'", dir), 2);
	assert_non_null(strstr(out, "per_hour: cannot be given with `forecast`"));
}

/* Without a start: starts in seconds; a 10-minute grid, six intervals of 300 contacts with
 * the AHTs of AHT (or none: "") and plenty of agents, over two hours so that every contact
 * ends. */
static void run_seconds(const char *const aht[6], struct cc_scenario *scn, struct cc_run *run_,
                        struct tu_kept *kept)
{
	char csv[1024] = "start,queue,volume,aht\n", text[2048];
	for (int i = 0; i < 6; i++)
		snprintf(csv + strlen(csv), sizeof csv - strlen(csv), "%d,q,300,%s\n", 600 * i,
		         aht[i]);
	write_file("s.csv", csv);
	snprintf(text, sizeof text,
	         "name = \"s\"; seed = 2385; horizon = \"2h\"; interval = \"10m\"; replications = 1;\n"
	         "queues = ( { name = \"q\"; arrivals = { forecast = \"%s/s.csv\"; };\n"
	         "             handle = { dist = \"exponential\"; mean = \"150s\"; }; } );\n"
	         "agents = ( { name = \"g\"; count = 400; skills = [ \"q\" ]; } );\n"
	         "output = { contact_records = true; };\n", dir);
	tu_run_text(text, NULL, 0, scn, run_, kept);
}

static int by_arrival(const void *a, const void *b)
{
	double x = ((const struct cc_contact_record *)a)->arrival_s,
	       y = ((const struct cc_contact_record *)b)->arrival_s;
	return (x > y) - (x < y);
}

/* A contact arriving in interval i talks interval i's AHT on average (each interval's mean
 * talk within 4 standard errors of it), and the draws are the same ones scaled: arrivals
 * and each contact's talk against a run without AHTs, exactly (common random numbers). */
static void test_forecast_handle_means(void **state)
{
	(void)state;
	const char *const aht[6] = { "60", "120", "240", "90.5", "300", "150" };
	const char *const none[6] = { "", "", "", "", "", "" };
	struct cc_scenario scn, plain;
	struct cc_run run_, run0;
	struct tu_kept kept = { 0 }, kept0 = { 0 };
	run_seconds(aht, &scn, &run_, &kept);
	run_seconds(none, &plain, &run0, &kept0);
	qsort(kept.rows, kept.n, sizeof *kept.rows, by_arrival);
	qsort(kept0.rows, kept0.n, sizeof *kept0.rows, by_arrival);
	double sum[6] = { 0 }, n[6] = { 0 };
	assert_int_equal(kept.n, kept0.n);
	for (size_t i = 0; i < kept.n; i++) {
		const struct cc_contact_record *r = &kept.rows[i], *r0 = &kept0.rows[i];
		assert_near(r->arrival_s, r0->arrival_s, 0);
		assert_true(r->arrival_s < 3600);
		int k = (int)(r->arrival_s / 600);
		double talk = r->end_s - r->connect_s, talk0 = r0->end_s - r0->connect_s;
		assert_near(talk, talk0 * atof(aht[k]) / 150, 1e-9 * talk0 + 1e-9);
		sum[k] += talk;
		n[k]++;
	}
	for (int k = 0; k < 6; k++) {
		double mean = atof(aht[k]), se = mean / sqrt(n[k]);
		assert_true(n[k] > 200);
		assert_near(sum[k] / n[k], mean, 4 * se);
	}
	tu_done(&scn, &run_, &kept);
	tu_done(&plain, &run0, &kept0);
}

/* `ccsim erlang --forecast`: per interval, the agents cc_erlang_agents_for gives on the same
 * inputs, under Erlang C and A; the JSON parses; the textbook case. */
static void test_forecast_erlang(void **state)
{
	(void)state;
	char out[65536];
	assert_int_equal(run(out, sizeof out, "erlang --target-sl 0.80 --threshold 20s --rate 100 "
	                 "--per 30m --aht 180s"), 0);
	assert_non_null(strstr(out, "|     14   88.8"));
	assert_int_equal(run(out, sizeof out, "erlang --target-sl 0.80 --threshold 20s --rate 100 "
	                 "--per 30m --aht 180s --json"), 0);
	assert_non_null(strstr(out, "\"erlang_c\": {\"agents\": 14, "));

	/* every interval of the scenario's forecast, against the library */
	char json[256], lines[256];
	snprintf(json, sizeof json, "%s/e.json", dir);
	snprintf(lines, sizeof lines, "%s/e.txt", dir);
	assert_int_equal(sh("'%s' erlang --target-sl 0.8 --threshold 20s --target-asa 15s "
	                    "--max-occupancy 0.85 --patience 3m --target-abandon 0.05 "
	                    "--forecast scenarios/staffing-forecast.csv --json > '%s'", ccsim(),
	                    json), 0);
	assert_int_equal(sh("/usr/bin/python3 -c 'import json,sys\n"
	                    "d = json.load(open(sys.argv[1]))\n"
	                    "for q in d[\"queues\"]:\n"
	                    "  for i in q[\"intervals\"]:\n"
	                    "    print(\"I\", i[\"contacts\"], i[\"aht_s\"], i[\"length_s\"],"
	                    " i[\"erlang_c\"][\"agents\"], i[\"erlang_a\"][\"agents\"])\n"
	                    "  print(\"H\", q[\"agent_hours\"][\"erlang_c\"])' "
	                    "'%s' > '%s'", json, lines), 0);
	FILE *f = fopen(lines, "r");
	assert_non_null(f);
	char kind[4];
	double contacts, aht, length, hours = 0, checked = 0, total;
	int c, a;
	struct cc_erlang_target t = { 0.8, 15, 0.05, 0.85 };
	while (fscanf(f, "%3s", kind) == 1) {
		if (strcmp(kind, "H") == 0) {
			assert_int_equal(fscanf(f, "%lf", &total), 1);
			assert_near(total, hours, 1e-9);
			hours = 0;
			continue;
		}
		assert_int_equal(fscanf(f, "%lf %lf %lf %d %d", &contacts, &aht, &length, &c, &a), 5);
		struct cc_erlang_result r;
		struct cc_erlang_input in = { contacts / length, aht, 0, INFINITY, 20 };
		assert_int_equal(cc_erlang_agents_for(&in, &t, 100000, &r), c);
		in.patience_s = 180;
		assert_int_equal(cc_erlang_agents_for(&in, &t, 100000, &r), a);
		assert_true(a <= c);
		hours += c * length / 3600;
		checked++;
	}
	fclose(f);
	assert_near(checked, 56, 0);

	/* the table names the intervals by clock time; --queue picks one */
	assert_int_equal(run(out, sizeof out, "erlang --target-sl 0.8 --forecast "
	                 "scenarios/staffing-forecast.csv --queue service"), 0);
	assert_non_null(strstr(out, "queue service (scenarios/staffing-forecast.csv, 28 intervals "
	                            "of 30m)"));
	assert_non_null(strstr(out, "\n20:30 "));
	assert_null(strstr(out, "queue sales"));
	/* errors: the file's (exit 2, file:line: column), an unknown queue, no target; the
	 * interval given */
	const struct {
		const char *csv, *args;
		int code;
		const char *expect;
	} cases[] = {
		{ "07:30,a,x", "--target-sl 0.8 --aht 3m", 2,
		  "bad.csv:3: volume: must be a number >= 0 (got 'x')" },
		{ "07:30,a,2", "--target-sl 0.8", 2, "queue \"a\" at 07:00 has no AHT column: give --aht" },
		{ "07:30,a,2", "--target-sl 0.8 --aht 3m --interval 15m --json", 0,
		  "\"start\": \"07:15\"" },
		{ "07:30,a,2", "--target-sl 0.8 --aht 3m --queue b", 2, "has no queue \"b\" (it has a)" },
		{ "07:30,a,2", "--aht 3m", 2, "go with a target" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char csv[256];
		snprintf(csv, sizeof csv, "interval,queue,volume\n07:00,a,1\n%s\n", cases[i].csv);
		write_file("bad.csv", csv);
		assert_int_equal(run(out, sizeof out, "erlang --forecast '%s/bad.csv' %s", dir,
		                     cases[i].args), cases[i].code);
		if (!strstr(out, cases[i].expect))
			fail_msg("case %zu: '%s' is not in '%s'", i, cases[i].expect, out);
	}
	assert_int_equal(run(out, sizeof out, "erlang --target-sl 0.8 --rate 3 --aht 3m --agents 2"),
	                 2);
	assert_int_equal(run(out, sizeof out, "erlang --help"), 0);
	assert_non_null(strstr(out, "--target-sl SHARE"));
}

/* The example: it loads, `check` describes its forecast, and `erlang` reads its file. */
static void test_forecast_staffing_scenario(void **state)
{
	(void)state;
	char out[8192];
	assert_int_equal(run(out, sizeof out, "check scenarios/staffing.cfg"), 0);
	assert_non_null(strstr(out, "queue sales (voice): forecast scenarios/staffing-forecast.csv, "));
	assert_non_null(strstr(out, " by interval ("));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forecast_rates),
		cmocka_unit_test(test_forecast_columns),
		cmocka_unit_test(test_forecast_errors),
		cmocka_unit_test(test_forecast_handle_means),
		cmocka_unit_test(test_forecast_erlang),
		cmocka_unit_test(test_forecast_staffing_scenario),
	};
	return cmocka_run_group_tests(tests, setup_dir, teardown);
}
