#include "testutil.h"

#include <sys/wait.h>

#include <libconfig.h>

#include "models/scenario/schema.h"

/*
 * The settings schema against what the loader does and what the README says. The range and
 * type errors are generated: every row of the schema is set, in a scenario that has every
 * setting, to a value just outside its range and to a value of the wrong type, and must be
 * refused with "file:line: setting: problem" (exit code 2).
 */

/* Every setting of the schema at least once, each where no rule but its own type and range
 * refuses a value (count, shifts and profile in three groups; a quick connect of each kind). */
static const char every_text[] =
	"name = \"every\"; description = \"all settings\"; seed = 7; start = \"07:00\";\n"
	"horizon = \"8h\"; warmup = \"30m\"; interval = \"30m\"; replications = 2;\n"
	"busyness = { dist = \"gamma\"; mean = 1.0; sd = 0.25; };\n"
	"statuses = [ \"Break\", \"Lunch\" ];\n"
	"channels = { voice = { offer_timeout = \"18s\"; slowdown = [ 1.0, 1.5 ]; }; };\n"
	"routing = { policy = \"longest_idle\"; idle_timer = \"activity\"; };\n"
	"regions = {\n"
	"  sites = ( { name = \"east\"; share = 0.5; description = \"e\"; },\n"
	"            { name = \"west\"; share = 0.5; } );\n"
	"  changes = ( { at = \"4h\"; shares = { east = 0.4; west = 0.6; };\n"
	"                move = ( { group = \"team\"; to = \"west\"; } ); } );\n"
	"  move = { available_after = \"1m\"; automatic = false; restart = 0.5;\n"
	"           restart_delay = \"1m\"; };\n"
	"};\n"
	"queues = (\n"
	"  { name = \"sales\"; channel = \"voice\"; description = \"s\";\n"
	"    arrivals = { process = \"poisson\"; per_hour = 60.0; step = \"30m\";\n"
	"                 busyness = { dist = \"lognormal\"; mean = 1.0; sd = 0.2; }; };\n"
	"    handle = { dist = \"exponential\"; mean = \"3m\"; };\n"
	"    patience = { dist = \"exponential\"; mean = \"5m\"; };\n"
	"    acw = { dist = \"deterministic\"; value = \"10s\"; };\n"
	"    service_level = { threshold = \"20s\"; target = 0.8; };\n"
	"    rona_requeue = \"original\";\n"
	"    priorities = ( { share = 0.1; head_start = \"1m\"; } );\n"
	"    callback = { queue = \"cb\"; threshold = \"1m\"; accept = 0.5; estimate = \"queue\"; };\n"
	"    redial = { share = 0.4; delay = { dist = \"exponential\"; mean = \"10m\"; }; max = 3;\n"
	"               queue = \"sales\"; };\n"
	"    balk = { share = 0.1; threshold = \"30s\"; estimate = \"oldest\"; };\n"
	"    capacity = 50;\n"
	"    rings = ( { after = \"0s\"; level = 5; } );\n"
	"    transfer = { flow = \"3s\"; agent_whisper = \"2s\"; customer_whisper = \"1s\";\n"
	"      to = ( { share = 0.1; group = \"team\"; agent = 0; mode = \"conference\";\n"
	"               flow = \"3s\"; agent_whisper = \"2s\"; customer_whisper = \"1s\";\n"
	"               consult = \"30s\"; conference = \"1m\"; reject = 0.1;\n"
	"               handle = { dist = \"exponential\"; mean = \"2m\"; };\n"
	"               acw = { dist = \"deterministic\"; value = \"5s\"; };\n"
	"               fallback = \"billing\"; description = \"t\"; },\n"
	"             { share = 0.1; queue = \"billing\"; mode = \"consult\"; max_wait = \"2m\"; },\n"
	"             { share = 0.1; external = true; } ); };\n"
	"  },\n"
	"  { name = \"billing\"; arrivals = { forecast = \"@FORECAST@\"; };\n"
	"    handle = { dist = \"exponential\"; mean = \"4m\"; }; },\n"
	"  { name = \"cb\"; channel = \"callback\"; arrivals = { per_hour = 0.0; };\n"
	"    handle = { dist = \"exponential\"; mean = \"3m\"; };\n"
	"    dialing = { pending = { dist = \"deterministic\"; value = \"0s\"; }; dial = { dist = \"deterministic\"; value = \"10s\"; }; reach = 0.8; retries = 2;\n"
	"                retry_delay = \"5m\"; }; },\n"
	"  { name = \"replayed\"; arrivals = { process = \"trace\"; file = \"@TRACE@\"; };\n"
	"    handle = { dist = \"exponential\"; mean = \"4m\"; }; },\n"
	"  { name = \"tasks\"; channel = \"task\"; arrivals = { per_hour = [ 10.0, 20.0 ]; };\n"
	"    handle = { dist = \"exponential\"; mean = \"5m\"; };\n"
	"    pause = { share = 0.2; duration = { dist = \"exponential\"; mean = \"5m\"; }; }; },\n"
	"  { name = \"chat\"; channel = \"chat\"; arrivals = { per_hour = 20.0; };\n"
	"    handle = { dist = \"exponential\"; mean = \"5m\"; };\n"
	"    patience = { dist = \"exponential\"; mean = \"3m\"; };\n"
	"    silent = { share = 0.4; timeout = { dist = \"deterministic\"; value = \"3m\"; }; }; }\n"
	");\n"
	"routing_profiles = (\n"
	"  { name = \"rp\"; description = \"r\"; concurrency = { voice = 1; callback = 1; task = 2; chat = 2; };\n"
	"    cross_channel = false;\n"
	"    queues = ( \"sales\", { queue = \"billing\"; priority = 2; delay = \"10s\"; level = 3; },\n"
	"               \"cb\", \"tasks\", \"chat\" ); }\n"
	");\n"
	"agents = (\n"
	"  { name = \"team\"; region = \"east\"; routing_profile = \"rp\"; description = \"a\";\n"
	"    shifts = ( { start = \"0h\"; end = \"8h\"; count = 5; } );\n"
	"    login = \"Available\"; login_delay = { dist = \"deterministic\"; value = \"0s\"; }; idle_reason = \"Break\"; acw_limit = \"5m\";\n"
	"    planned = ( { status = \"Lunch\"; at = \"4h\"; window = \"1h\"; share = 1.0;\n"
	"                  duration = { dist = \"deterministic\"; value = \"30m\"; }; },\n"
	"                { status = \"Lunch\"; after = \"2h\";\n"
	"                  duration = { dist = \"deterministic\"; value = \"10m\"; }; } );\n"
	"    unplanned = ( { status = \"Break\"; per_hour = 0.5;\n"
	"                    duration = { dist = \"exponential\"; mean = \"5m\"; }; } );\n"
	"    answer = { delay = { dist = \"deterministic\"; value = \"2s\"; }; miss = 0.01;\n"
	"               away = { per_hour = 0.5; duration = { dist = \"deterministic\"; value = \"1m\"; }; }; };\n"
	"    rona = { reaction = { dist = \"deterministic\"; value = \"5s\"; }; available = 0.9;\n"
	"            idle = { dist = \"deterministic\"; value = \"10s\"; };\n"
	"            not_ready_after = 2; not_ready_status = \"Break\";\n"
	"            not_ready = { dist = \"deterministic\"; value = \"2m\"; }; };\n"
	"    outbound = { per_hour = 1.0; from = \"1h\"; until = \"7h\"; status = \"Lunch\";\n"
	"                 reach = 0.8; dial = { dist = \"deterministic\"; value = \"10s\"; }; handle = { dist = \"exponential\"; mean = \"3m\"; };\n"
	"                 acw = { dist = \"deterministic\"; value = \"5s\"; };\n"
	"                 available_after = true; idle_after = { dist = \"deterministic\"; value = \"5s\"; }; }; },\n"
	"  { name = \"counted\"; count = 3; skills = [ \"sales\", \"billing\", \"replayed\" ]; },\n"
	"  { name = \"profiled\"; skills = [ \"sales\" ]; profile = { step = \"30m\"; counts = [ 1, 2 ]; }; }\n"
	");\n"
	"output = { replications = \"totals\"; contact_records = false; agent_events = false; };\n";

/* The example with the paths of its forecast file (billing's arrivals) and its trace
 * (replayed's), which the group's setup writes: 30 an hour from 07:00 to 08:00, and two
 * calls. */
static char every[sizeof every_text + 512];
static char forecast_path[64], trace_path[64];

static int write_forecast(void **state)
{
	(void)state;
	snprintf(forecast_path, sizeof forecast_path, "/tmp/ccsim-every-%ld.csv", (long)getpid());
	snprintf(trace_path, sizeof trace_path, "/tmp/ccsim-every-trace-%ld.csv", (long)getpid());
	FILE *f = fopen(forecast_path, "w"), *t = fopen(trace_path, "w");
	if (!f || !t)
		return -1;
	fputs("Interval Start,Queue,Volume\n07:00,billing,15\n07:30,billing,15\n", f);
	fclose(f);
	fputs("arrival,handle_s\n07:10:00,200\n07:20:00,\n", t);
	fclose(t);
	char half[sizeof every];
	tu_edit(half, sizeof half, every_text, "@FORECAST@", forecast_path);
	tu_edit(every, sizeof every, half, "@TRACE@", trace_path);
	return 0;
}

static int remove_forecast(void **state)
{
	(void)state;
	unlink(trace_path);
	return unlink(forecast_path);
}

static void test_schema_example_has_every_setting_and_loads(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	enum cc_status st = tu_load(every, NULL, 0, &scn, err, sizeof err);
	if (st)
		fail_msg("%s", err);
	cc_scenario_fini(&scn);
}

/* ---- generated errors ---- */

/* One way a value is refused: the value, where the error is named (the setting, or an
 * element of it), and what the message says. */
struct bad_value {
	int type;            /* CONFIG_TYPE_* of the value */
	double number;       /* its number (INT, FLOAT, BOOL) */
	const char *text;    /* its text (STRING) */
	int element;         /* written as the only element of a list: the error names [0] */
	char says[128];      /* what the message must contain */
};

/* Writes V into setting S (of V's type, or a list to hold V as its only element). */
static void set_value(config_setting_t *s, const struct bad_value *v)
{
	if (v->element)
		s = config_setting_add(s, NULL, v->type);
	switch (v->type) {
	case CONFIG_TYPE_INT: config_setting_set_int(s, (int)v->number); break;
	case CONFIG_TYPE_FLOAT: config_setting_set_float(s, v->number); break;
	case CONFIG_TYPE_BOOL: config_setting_set_bool(s, (int)v->number); break;
	case CONFIG_TYPE_STRING: config_setting_set_string(s, v->text); break;
	}
}

/* Whether ROW holds one plain value per channel or site, each a member of its group. */
static int per_member(const struct cc_setting *row)
{
	return row->type == CC_SETTING_PER_SITE || (row->type == CC_SETTING_PER_CHANNEL && !row->sub);
}

/* The values just outside ROW's range, into OUT; how many. */
static size_t out_of_range(const struct cc_setting *row, struct bad_value *out)
{
	size_t n = 0;
	switch (row->type) {
	case CC_SETTING_INTEGER:
	case CC_SETTING_PER_CHANNEL:
		if (row->sub)
			break;
		out[n] = (struct bad_value){ CONFIG_TYPE_INT, row->lo - 1, NULL, 0, "" };
		/* Concurrency's range depends on the channel: its message says which. */
		if (row->type == CC_SETTING_INTEGER)
			snprintf(out[n].says, sizeof out->says, "must be from %.0f to ", row->lo);
		n++;
		if (row->hi < 1e9) {
			out[n] = (struct bad_value){ CONFIG_TYPE_INT, row->hi + 1, NULL, 0, "" };
			if (row->type == CC_SETTING_INTEGER)
				snprintf(out[n].says, sizeof out->says, "must be from %.0f to %.0f (got %.0f)",
				         row->lo, row->hi, row->hi + 1);
			n++;
		}
		break;
	case CC_SETTING_COUNTS:
		out[n] = (struct bad_value){ CONFIG_TYPE_INT, row->lo - 1, NULL, 1, "" };
		snprintf(out[n++].says, sizeof out->says, "from %.0f to %.0f", row->lo, row->hi);
		break;
	case CC_SETTING_NUMBERS:
		out[n] = (struct bad_value){ CONFIG_TYPE_FLOAT, row->lo - 0.5, NULL, 1, "" };
		snprintf(out[n++].says, sizeof out->says, "from %.0f to %.0f", row->lo, row->hi);
		out[n] = (struct bad_value){ CONFIG_TYPE_FLOAT, row->hi + 0.5, NULL, 1, "" };
		snprintf(out[n++].says, sizeof out->says, "from %.0f to %.0f", row->lo, row->hi);
		break;
	case CC_SETTING_SHARE:
	case CC_SETTING_PER_SITE:
		out[n++] = (struct bad_value){ CONFIG_TYPE_FLOAT, 1.25, NULL, 0,
		                               "must be a share from 0 to 1" };
		out[n++] = (struct bad_value){ CONFIG_TYPE_FLOAT, -0.25, NULL, 0,
		                               "must be a share from 0 to 1" };
		break;
	case CC_SETTING_RATE:
	case CC_SETTING_RATES:
		out[n] = (struct bad_value){ CONFIG_TYPE_FLOAT, row->hi * 1.5, NULL, 0, "" };
		snprintf(out[n++].says, sizeof out->says, "to %.0f", row->hi);
		out[n] = (struct bad_value){ CONFIG_TYPE_FLOAT, row->flags & CC_SETTING_POSITIVE ? 0
		                             : row->lo - 1, NULL, 0, "" };
		snprintf(out[n++].says, sizeof out->says, "to %.0f", row->hi);
		break;
	case CC_SETTING_DURATION:
	case CC_SETTING_TIME:
	case CC_SETTING_TIMING:
		out[n++] = (struct bad_value){ CONFIG_TYPE_FLOAT, -2.5, NULL, 0,
		                               "must not be negative (a duration)" };
		out[n++] = (struct bad_value){ CONFIG_TYPE_FLOAT, 4e9, NULL, 0,
		                               "is longer than the longest duration" };
		out[n++] = (struct bad_value){ CONFIG_TYPE_FLOAT, 1e-6, NULL, 0,
		                               "is shorter than 1 ms" };
		break;
	default:
		break;
	}
	return n;
}

/* A value of a type ROW never takes. */
static struct bad_value wrong_type(const struct cc_setting *row)
{
	switch (row->type) {
	case CC_SETTING_NUMBER:
	case CC_SETTING_INTEGER:
	case CC_SETTING_SHARE:
	case CC_SETTING_RATE:
	case CC_SETTING_RATES:
	case CC_SETTING_BOOL:
		return (struct bad_value){ CONFIG_TYPE_STRING, 0, "x", 0, "(got a string)" };
	case CC_SETTING_DURATION:
	case CC_SETTING_TIME:
	case CC_SETTING_TIMING:
		return (struct bad_value){ CONFIG_TYPE_BOOL, 1, NULL, 0, "(got true or false)" };
	default:
		return (struct bad_value){ CONFIG_TYPE_INT, 5, NULL, 0, "(got a whole number)" };
	}
}

/* A setting of the example: where its group is (a libconfig path, "" for the top), and its
 * row. */
struct instance {
	char group[256];
	const struct cc_setting *row;
};

/* Every row of SCHEMA and below, each once, at the first place the example gives it. */
static void find_instances(const struct cc_schema *schema, const config_setting_t *g,
                           const char *path, struct instance *out, size_t *n, size_t cap)
{
	for (size_t i = 0; i < schema->n; i++) {
		const struct cc_setting *row = &schema->rows[i];
		const config_setting_t *m = config_setting_get_member(g, row->key);
		if (!m)
			continue;
		size_t k = 0;
		while (k < *n && out[k].row != row)
			k++;
		if (k == *n && *n < cap) {
			snprintf(out[*n].group, sizeof out->group, "%s", path);
			out[(*n)++].row = row;
		}
		if (!row->sub)
			continue;
		char inner[256];
		int lists = row->type == CC_SETTING_LIST, members = row->type == CC_SETTING_PER_CHANNEL;
		if (!lists && !members) {
			snprintf(inner, sizeof inner, "%s%s%s", path, path[0] ? "." : "", row->key);
			find_instances(row->sub, m, inner, out, n, cap);
			continue;
		}
		for (int e = 0; e < config_setting_length(m); e++) {
			const config_setting_t *el = config_setting_get_elem(m, (unsigned)e);
			if (config_setting_type(el) != CONFIG_TYPE_GROUP)
				continue;
			if (lists)
				snprintf(inner, sizeof inner, "%s%s%s.[%d]", path, path[0] ? "." : "", row->key, e);
			else
				snprintf(inner, sizeof inner, "%s%s%s.%s", path, path[0] ? "." : "", row->key,
				         config_setting_name(el));
			find_instances(row->sub, el, inner, out, n, cap);
		}
	}
}

/* Every row below SCHEMA, counted. */
static size_t count_rows(const struct cc_schema *schema)
{
	size_t n = schema->n;
	for (size_t i = 0; i < schema->n; i++)
		if (schema->rows[i].sub)
			n += count_rows(schema->rows[i].sub);
	return n;
}

/* Loads CFG written as a file: the error must read "FILE:LINE: PATH: ..." with SAYS in the
 * problem, and mean exit code 2. Otherwise the reason is in WHY. */
static int refused(config_t *cfg, const char *path, const char *says, char *why, size_t len)
{
	char file[] = "/tmp/ccsim-schema-XXXXXX";
	int fd = mkstemp(file);
	assert_true(fd >= 0);
	close(fd);
	assert_true(config_write_file(cfg, file));
	struct cc_scenario scn;
	char err[2048] = "";
	enum cc_status st = cc_scenario_load(file, NULL, 0, &scn, err, sizeof err);
	unlink(file);
	if (st == CC_OK) {
		cc_scenario_fini(&scn);
		snprintf(why, len, "it loaded");
		return 0;
	}
	char prefix[600];
	snprintf(prefix, sizeof prefix, "%s:", file);
	const char *p = err + strlen(prefix);
	size_t digits = strspn(p, "0123456789");
	char tail[600];
	snprintf(tail, sizeof tail, ": %s: ", path);
	if (strncmp(err, prefix, strlen(prefix)) != 0 || digits == 0 ||
	    strncmp(p + digits, tail, strlen(tail)) != 0 || !strstr(p + digits + strlen(tail), says) ||
	    cc_status_exit_code(st) != 2) {
		snprintf(why, len, "%s", err);
		return 0;
	}
	return 1;
}

/* Gives the example's setting IN the value V (its first member's, with MEMBER) and expects
 * it refused. */
static void expect_refused(const struct instance *in, const struct bad_value *v, int member)
{
	config_t cfg;
	config_init(&cfg);
	assert_true(config_read_string(&cfg, every));
	config_setting_t *g = in->group[0] ? config_lookup(&cfg, in->group) : config_root_setting(&cfg);
	assert_non_null(g);
	char key[64], path[512];
	snprintf(key, sizeof key, "%s", in->row->key);
	snprintf(path, sizeof path, "%s%s%s", in->group, in->group[0] ? "." : "", key);
	if (member) {
		g = config_setting_get_member(g, key);
		snprintf(key, sizeof key, "%s", config_setting_name(config_setting_get_elem(g, 0)));
		snprintf(path + strlen(path), sizeof path - strlen(path), ".%s", key);
	}
	config_setting_remove(g, key);
	config_setting_t *s = config_setting_add(g, key, v->element ? CONFIG_TYPE_LIST : v->type);
	assert_non_null(s);
	set_value(s, v);
	if (v->element)
		snprintf(path + strlen(path), sizeof path - strlen(path), ".[0]");
	char why[2048];
	if (!refused(&cfg, path, v->says, why, sizeof why))
		fail_msg("%s = %s%g: expected \"FILE:LINE: %s: ...%s...\" (exit code 2), but %s", path,
		         v->text ? v->text : "", v->text ? 0.0 : v->number, path, v->says, why);
	config_destroy(&cfg);
}

/* The example's settings, each once (at most CAP). */
static size_t instances(struct instance *out, size_t cap)
{
	config_t cfg;
	config_init(&cfg);
	assert_true(config_read_string(&cfg, every));
	size_t n = 0;
	find_instances(&cc_schema_scenario, config_root_setting(&cfg), "", out, &n, cap);
	config_destroy(&cfg);
	return n;
}

static void test_schema_example_has_every_row(void **state)
{
	(void)state;
	struct instance in[400];
	size_t n = instances(in, 400);
	assert_int_equal(n, count_rows(&cc_schema_scenario));
}

static void test_schema_values_out_of_range_refused(void **state)
{
	(void)state;
	struct instance in[400];
	size_t n = instances(in, 400), checked = 0;
	for (size_t i = 0; i < n; i++) {
		struct bad_value v[4];
		size_t nv = out_of_range(in[i].row, v);
		for (size_t k = 0; k < nv; k++, checked++)
			expect_refused(&in[i], &v[k], per_member(in[i].row));
	}
	/* Every number, share, rate and duration of the schema, on both sides. */
	print_message("%zu settings, %zu values out of range refused\n", n, checked);
	assert_true(checked > 150);
}

static void test_schema_values_of_wrong_type_refused(void **state)
{
	(void)state;
	struct instance in[400];
	size_t n = instances(in, 400);
	for (size_t i = 0; i < n; i++) {
		struct bad_value v = wrong_type(in[i].row);
		expect_refused(&in[i], &v, 0);
	}
	print_message("%zu settings refused a value of the wrong type\n", n);
}

/* ---- the schema itself, and the README ---- */

/* Every row has a key, a type's documentation and a line of its own; keys are unique in
 * their group; what the loader reads has what it needs to read it. */
static void check_rows(const struct cc_schema *schema)
{
	assert_true(schema->n < 32); /* the loader's list of known keys */
	for (size_t i = 0; i < schema->n; i++) {
		const struct cc_setting *row = &schema->rows[i];
		assert_non_null(row->key);
		assert_non_null(row->def_doc);
		assert_non_null(row->unit);
		assert_true(row->doc && row->doc[0]);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(row->key, schema->rows[j].key);
		if (row->type == CC_SETTING_ENUM)
			assert_true(row->choices && row->choices[0] && row->choices[1]);
		if (row->type == CC_SETTING_ENUM && row->field)
			assert_non_null(row->what);
		if (row->type == CC_SETTING_GROUP || row->type == CC_SETTING_LIST)
			assert_non_null(row->sub);
		assert_true(row->lo <= row->hi);
		if (row->sub) {
			assert_ptr_equal(cc_schema_find(row->sub->path), row->sub);
			check_rows(row->sub);
		}
	}
}

static void test_schema_rows_are_complete(void **state)
{
	(void)state;
	check_rows(&cc_schema_scenario);
	assert_ptr_equal(cc_schema_find(""), &cc_schema_scenario);
	assert_null(cc_schema_find("queues.nope"));
	assert_non_null(cc_schema_row(cc_schema_find("queues.[i].callback"), "estimate"));
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *text = calloc((size_t)len + 1, 1);
	size_t got = fread(text, 1, (size_t)len, f);
	fclose(f);
	text[got] = '\0';
	return text;
}

/* The settings tables of scenarios/README.md, between their markers, are the schema's:
 * `make settings-doc` rewrites them. */
static void test_schema_readme_tables_are_the_schemas(void **state)
{
	(void)state;
	char *readme = read_all("scenarios/README.md");
	assert_non_null(readme);
	char *want = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&want, &len);
	cc_schema_print(out, 1);
	fclose(out);
	/* The README's marked regions, in their order. */
	size_t cap = strlen(readme) + 1, used = 0;
	char *got = calloc(cap, 1);
	for (const char *p = readme; (p = strstr(p, "<!-- settings: "));) {
		const char *end = strstr(p, "<!-- end settings -->\n");
		assert_non_null(end);
		end += strlen("<!-- end settings -->\n");
		memcpy(got + used, p, (size_t)(end - p));
		used += (size_t)(end - p);
		p = end;
	}
	if (strcmp(got, want) != 0) {
		/* From the start of the first line that differs. */
		size_t line = 1, i = 0, from = 0;
		for (; got[i] && got[i] == want[i]; i++)
			if (got[i] == '\n')
				line++, from = i + 1;
		fail_msg("scenarios/README.md's settings tables differ from the schema at their line %zu "
		         "(run `make settings-doc`):\n  README: %.200s\n  schema: %.200s", line,
		         got + from, want + from);
	}
	free(got);
	free(want);
	free(readme);
}

/* A changed table is found: the test above would fail on it. */
static void test_schema_print_table_names_sections(void **state)
{
	(void)state;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	assert_true(cc_schema_print_table(out, "queues.callback queues.dialing"));
	assert_false(cc_schema_print_table(out, "queues.nope"));
	fclose(out);
	assert_non_null(strstr(text, "| `dialing.retries` | whole number 0..100 | 0 | "));
	assert_non_null(strstr(text, "| `callback.queue` | queue name, required | | "));
	free(text);
}

/* "$CCSIM ARGS" (./ccsim by default): its exit code, and what it printed into a new string. */
static int ccsim(const char *args, char **out)
{
	const char *bin = getenv("CCSIM");
	char cmd[512];
	snprintf(cmd, sizeof cmd, "'%s' %s 2>&1 </dev/null", bin && *bin ? bin : "./ccsim", args);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t len = 0, cap = 1 << 16;
	*out = malloc(cap);
	size_t n;
	while ((n = fread(*out + len, 1, cap - len - 1, p)) > 0)
		if ((len += n) == cap - 1)
			*out = realloc(*out, cap *= 2);
	(*out)[len] = '\0';
	int status = pclose(p);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static void test_schema_check_prints_the_reference(void **state)
{
	(void)state;
	char *text, *markdown, *want = NULL, *bad;
	size_t len = 0;
	assert_int_equal(ccsim("check --settings", &text), 0);
	assert_non_null(strstr(text, "\nqueues.[i].dialing.retries: whole number 0..100; default 0\n"
	                             "    further attempts after a failed one\n"));
	assert_non_null(strstr(text, "\nagents.[i].unplanned.[i].per_hour: number above 0, at most "
	                             "3600, required [per hour]\n"));
	assert_int_equal(ccsim("check --settings --markdown", &markdown), 0);
	FILE *out = open_memstream(&want, &len);
	cc_schema_print(out, 1);
	fclose(out);
	assert_string_equal(markdown, want);
	assert_int_equal(ccsim("check --settings scenarios/erlang-a.cfg", &bad), 2);
	free(text);
	free(markdown);
	free(want);
	free(bad);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_schema_example_has_every_setting_and_loads),
		cmocka_unit_test(test_schema_example_has_every_row),
		cmocka_unit_test(test_schema_values_out_of_range_refused),
		cmocka_unit_test(test_schema_values_of_wrong_type_refused),
		cmocka_unit_test(test_schema_rows_are_complete),
		cmocka_unit_test(test_schema_readme_tables_are_the_schemas),
		cmocka_unit_test(test_schema_print_table_names_sections),
		cmocka_unit_test(test_schema_check_prints_the_reference),
	};
	return cmocka_run_group_tests(tests, write_forecast, remove_forecast);
}
