#include "models/scenario/scenario.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libconfig.h>

#include "models/policies/policy.h"
#include "models/scenario/scenario_text.h"
#include "sim/alloc.h"
#include "sim/duration.h"

/* Reporting grids longer than this are refused: they would only exhaust memory. */
#define MAX_INTERVALS 10000000.0
/* Beyond this many contacts an hour, gaps between arrivals approach the resolution of the
 * clock over long horizons: no real queue comes near it. */
#define MAX_PER_HOUR 1e7
/* An agent's own episodes (breaks, away spells, outbound attempts) per logged-in hour: one a
 * second is already far beyond anything a person does. */
#define MAX_EPISODES_PER_HOUR 3600.0
/* A talk-time factor beyond this under concurrency would be a typo, not a slowdown. */
#define MAX_SLOWDOWN 100.0
/* Routing-profile priorities (Amazon Connect's range), skill levels, callback retries. */
#define MAX_PRIORITY 99
#define MAX_LEVEL 20
#define MAX_RETRIES 100

#define CC_CHANNEL_NAME(e, name) name,
static const char *const channel_names[CC_CHANNEL_COUNT] = { CC_CHANNELS(CC_CHANNEL_NAME) };
#undef CC_CHANNEL_NAME

const char *cc_channel_name(enum cc_channel ch)
{
	return ch < CC_CHANNEL_COUNT ? channel_names[ch] : "?";
}

int cc_channel_deferrable(enum cc_channel ch)
{
	return ch == CC_CHANNEL_EMAIL || ch == CC_CHANNEL_TASK || ch == CC_CHANNEL_CALLBACK;
}

/* A voice call (a callback is one) takes the agent's voice; Amazon Connect allows up to 10
 * chats and 10 tasks at once, and the same bound serves email. */
int cc_channel_max_concurrency(enum cc_channel ch)
{
	return ch == CC_CHANNEL_VOICE || ch == CC_CHANNEL_CALLBACK ? 1 : 10;
}

/* What the loader is doing: the file, where errors go, and whether one was met. */
struct loader {
	const char *file;
	char *err;
	size_t errlen;
	struct cc_scenario *scn; /* for warnings */
	double start_s;  /* the scenario's clock: time of day of time 0 (NaN: none) */
};

/* "queues.[0].handle.mean", the way libconfig itself names paths. */
static void setting_path(const config_setting_t *s, char *buf, size_t len)
{
	const config_setting_t *parent = config_setting_parent(s);
	if (!parent) {
		buf[0] = '\0';
		return;
	}
	setting_path(parent, buf, len);
	size_t used = strlen(buf);
	const char *dot = used ? "." : "";
	if (config_setting_name(s))
		snprintf(buf + used, len - used, "%s%s", dot, config_setting_name(s));
	else
		snprintf(buf + used, len - used, "%s[%d]", dot, config_setting_index(s));
}

/* Settings made or changed by --set carry this address as their libconfig hook. */
static char override_mark;

/* Words PROBLEM about setting S (or KEY inside it) into OUT: "file:line: KIND path: ...". */
static void say(struct loader *L, const config_setting_t *s, const char *key, const char *kind,
                char *out, size_t len, const char *fmt, va_list ap)
{
	/* KEY may be a path below S ("service_level.threshold"). */
	if (key && config_setting_lookup((config_setting_t *)s, key)) {
		s = config_setting_lookup((config_setting_t *)s, key);
		key = NULL;
	}
	char path[512], msg[512];
	setting_path(s, path, sizeof path);
	if (key)
		snprintf(path + strlen(path), sizeof path - strlen(path), "%s%s", path[0] ? "." : "", key);
	vsnprintf(msg, sizeof msg, fmt, ap);
	unsigned line = config_setting_source_line(s);
	if (!path[0]) /* the scenario as a whole */
		snprintf(out, len, "%s: %s%s", L->file, kind, msg);
	else if (config_setting_get_hook(s) == &override_mark)
		snprintf(out, len, "%s: %s--set %s: %s", L->file, kind, path, msg);
	else if (line)
		snprintf(out, len, "%s:%u: %s%s: %s", L->file, line, kind, path, msg);
	else /* the file as a whole (the root group has no line) */
		snprintf(out, len, "%s: %s%s: %s", L->file, kind, path, msg);
}

/*
 * Reports PROBLEM about setting S, or about KEY inside S when KEY is not NULL (the member
 * itself when it exists, so that its own line is named).
 */
__attribute__((format(printf, 4, 5)))
static enum cc_status fail(struct loader *L, const config_setting_t *s, const char *key,
                           const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(L, s, key, "", L->err, L->errlen, fmt, ap);
	va_end(ap);
	return CC_ERR_SCENARIO;
}

/* Adds a warning about setting S (or KEY inside it) to the scenario's, as fail() words it. */
__attribute__((format(printf, 4, 5)))
static void warn(struct loader *L, const config_setting_t *s, const char *key,
                 const char *fmt, ...)
{
	struct cc_scenario *scn = L->scn;
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	say(L, s, key, "warning: ", msg, sizeof msg, fmt, ap);
	va_end(ap);
	scn->warnings = cc_realloc(scn->warnings, scn->n_warnings + 1, sizeof *scn->warnings);
	scn->warnings[scn->n_warnings++] = cc_strdup(msg);
}

static const char *type_name(const config_setting_t *s)
{
	switch (config_setting_type(s)) {
	case CONFIG_TYPE_GROUP: return "a group { }";
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64: return "a whole number";
	case CONFIG_TYPE_FLOAT: return "a number";
	case CONFIG_TYPE_STRING: return "a string";
	case CONFIG_TYPE_BOOL: return "true or false";
	case CONFIG_TYPE_ARRAY: return "an array [ ]";
	case CONFIG_TYPE_LIST: return "a list ( )";
	}
	return "something else";
}

static int is_number(const config_setting_t *s)
{
	int t = config_setting_type(s);
	return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64 || t == CONFIG_TYPE_FLOAT;
}

static double number_of(const config_setting_t *s)
{
	if (config_setting_type(s) == CONFIG_TYPE_FLOAT)
		return config_setting_get_float(s);
	return (double)config_setting_get_int64(s);
}

/* Refuses any member of group G not in ALLOWED (NULL-terminated). */
static enum cc_status check_keys(struct loader *L, const config_setting_t *g,
                                 const char *const *allowed)
{
	if (config_setting_type(g) != CONFIG_TYPE_GROUP)
		return fail(L, g, NULL, "must be a group { ... } (got %s)", type_name(g));
	/* Free text wherever it is allowed; nothing else reads it. */
	const config_setting_t *d = config_setting_get_member(g, "description");
	if (d && config_setting_type(d) != CONFIG_TYPE_STRING)
		return fail(L, d, NULL, "must be a string of free text (got %s)", type_name(d));
	for (int i = 0; i < config_setting_length(g); i++) {
		const config_setting_t *m = config_setting_get_elem(g, (unsigned)i);
		const char *name = config_setting_name(m);
		int known = 0;
		for (size_t k = 0; allowed[k]; k++)
			known |= strcmp(name, allowed[k]) == 0;
		if (!known) {
			char list[512] = "";
			for (size_t k = 0; allowed[k]; k++)
				snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
				         k ? ", " : "", allowed[k]);
			return fail(L, m, NULL, "unknown setting (expected one of: %s)", list);
		}
	}
	return CC_OK;
}

/* Finds KEY in G; a missing required key is an error, a missing optional one is *OUT NULL. */
static enum cc_status member(struct loader *L, const config_setting_t *g, const char *key,
                             int required, config_setting_t **out)
{
	*out = config_setting_get_member(g, key);
	if (!*out && required)
		return fail(L, g, key, "missing (required)");
	return CC_OK;
}

static enum cc_status get_string(struct loader *L, const config_setting_t *g, const char *key,
                                 int required, const char **out)
{
	config_setting_t *s;
	enum cc_status st = member(L, g, key, required, &s);
	if (st || !s)
		return st;
	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return fail(L, s, NULL, "must be a string (got %s)", type_name(s));
	*out = config_setting_get_string(s);
	return CC_OK;
}

static enum cc_status get_number(struct loader *L, const config_setting_t *g, const char *key,
                                 int required, double *out)
{
	config_setting_t *s;
	enum cc_status st = member(L, g, key, required, &s);
	if (st || !s)
		return st;
	if (!is_number(s))
		return fail(L, s, NULL, "must be a number (got %s)", type_name(s));
	*out = number_of(s);
	return CC_OK;
}

/* A whole number from LO to HI (setting S itself: a member, or an element of a list). */
static enum cc_status whole_of(struct loader *L, const config_setting_t *s, long long lo,
                               long long hi, long long *out)
{
	int t = config_setting_type(s);
	if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64)
		return fail(L, s, NULL, "must be a whole number (got %s)", type_name(s));
	long long v = config_setting_get_int64(s);
	if (v < lo || v > hi)
		return fail(L, s, NULL, "must be from %lld to %lld (got %lld)", lo, hi, v);
	*out = v;
	return CC_OK;
}

static enum cc_status get_whole(struct loader *L, const config_setting_t *g, const char *key,
                                int required, long long lo, long long hi, long long *out)
{
	config_setting_t *s;
	enum cc_status st = member(L, g, key, required, &s);
	if (st || !s)
		return st;
	return whole_of(L, s, lo, hi, out);
}

/* A share at KEY of G, from 0 to 1; *OUT keeps its default when KEY is absent. */
static enum cc_status get_share(struct loader *L, const config_setting_t *g, const char *key,
                                double *out)
{
	enum cc_status st = get_number(L, g, key, 0, out);
	if (st)
		return st;
	if (*out >= 2 && *out <= 100)
		return fail(L, g, key, "must be a share from 0 to 1 (got %g: a percentage? write %g)",
		            *out, *out / 100);
	if (!(*out >= 0 && *out <= 1))
		return fail(L, g, key, "must be a share from 0 to 1 (got %g)", *out);
	return CC_OK;
}

/* Episodes per logged-in hour at KEY of G: above 0 (or 0 itself when ZERO_OK) and at most
 * MAX_EPISODES_PER_HOUR. *OUT keeps its default when KEY is absent and not REQUIRED. */
static enum cc_status get_per_hour(struct loader *L, const config_setting_t *g, const char *key,
                                   int required, int zero_ok, double *out)
{
	enum cc_status st = get_number(L, g, key, required, out);
	if (st)
		return st;
	if (!(*out > 0 || (zero_ok && *out == 0)) || !(*out <= MAX_EPISODES_PER_HOUR))
		return fail(L, g, key, "must be %s to %.0f an hour (got %g)",
		            zero_ok ? "from 0" : "above 0 and up", MAX_EPISODES_PER_HOUR, *out);
	return CC_OK;
}

static enum cc_status get_bool(struct loader *L, const config_setting_t *g, const char *key,
                               int *out)
{
	config_setting_t *s = config_setting_get_member(g, key);
	if (!s)
		return CC_OK;
	if (config_setting_type(s) != CONFIG_TYPE_BOOL)
		return fail(L, s, NULL, "must be true or false (got %s)", type_name(s));
	*out = config_setting_get_bool(s);
	return CC_OK;
}

/* A duration: a number of seconds or a string such as "20s", "30m", "1h30m"; 0, or from
 * CC_MIN_DURATION_S to CC_MAX_DURATION_S. */
static enum cc_status duration_of(struct loader *L, const config_setting_t *s, double *out)
{
	double v;
	if (is_number(s)) {
		v = number_of(s);
		if (!(v >= 0))
			return fail(L, s, NULL, "must not be negative (a duration)");
	} else if (config_setting_type(s) == CONFIG_TYPE_STRING) {
		const char *text = config_setting_get_string(s);
		if (text[0] == '-')
			return fail(L, s, NULL, "must not be negative (a duration)");
		if (cc_duration_parse(text, &v) != CC_OK)
			return fail(L, s, NULL,
			            "\"%s\" is not a duration (write seconds, or e.g. \"20s\", \"30m\", \"8h\", \"1h30m\")",
			            text);
	} else {
		return fail(L, s, NULL, "must be a duration, seconds or a string like \"20s\" (got %s)",
		            type_name(s));
	}
	if (v > 0 && v < CC_MIN_DURATION_S)
		return fail(L, s, NULL, "%g s is shorter than 1 ms, the shortest duration a scenario "
		            "may set (a timer shorter than that could re-arm faster than the clock tells "
		            "times apart)", v);
	if (v > CC_MAX_DURATION_S)
		return fail(L, s, NULL, "%g s is longer than the longest duration a scenario may set, "
		            "100 years (%.0f s)", v, CC_MAX_DURATION_S);
	*out = v;
	return CC_OK;
}

static enum cc_status get_duration(struct loader *L, const config_setting_t *g, const char *key,
                                   int required, double *out)
{
	config_setting_t *s;
	enum cc_status st = member(L, g, key, required, &s);
	if (st || !s)
		return st;
	return duration_of(L, s, out);
}

/*
 * A time of the run: a duration from time 0 ("8h"), or, when the scenario has a `start`, a
 * clock time ("09:30"), which is the first such time at or after the start (with start
 * "07:00", "09:30" is 2h30m and "06:00" is 23h).
 */
static enum cc_status get_time(struct loader *L, const config_setting_t *g, const char *key,
                               int required, double *out)
{
	config_setting_t *s;
	enum cc_status st = member(L, g, key, required, &s);
	if (st || !s)
		return st;
	if (config_setting_type(s) != CONFIG_TYPE_STRING || !strchr(config_setting_get_string(s), ':'))
		return duration_of(L, s, out);
	const char *text = config_setting_get_string(s);
	double clock;
	if (cc_clock_parse(text, &clock) != CC_OK)
		return fail(L, s, NULL, "\"%s\" is not a clock time (write \"HH:MM\" or \"HH:MM:SS\", "
		            "00:00 to 23:59:59)", text);
	if (isnan(L->start_s))
		return fail(L, s, NULL, "\"%s\" is a clock time: the scenario needs a start (e.g. "
		            "start = \"07:00\";) to place it, or write a duration from time 0 (\"8h\")",
		            text);
	*out = clock - L->start_s;
	if (*out < 0)
		*out += 86400;
	return CC_OK;
}

/* The scenario's `start`: "HH:MM[:SS]", optionally after a date "YYYY-MM-DD " (or "T"). */
static enum cc_status get_start(struct loader *L, const config_setting_t *root,
                                struct cc_scenario *scn)
{
	const char *text = NULL;
	enum cc_status st = get_string(L, root, "start", 0, &text);
	if (st || !text)
		return st;
	const char *clock = text;
	long day;
	if (strlen(text) > 10 && (text[10] == ' ' || text[10] == 'T')) {
		char date[11];
		memcpy(date, text, 10);
		date[10] = '\0';
		if (cc_date_parse(date, &day) != CC_OK)
			return fail(L, root, "start", "\"%s\" has no valid date (write \"YYYY-MM-DD "
			            "HH:MM\", a real day)", text);
		memcpy(scn->date, date, sizeof scn->date);
		clock = text + 11;
	}
	if (cc_clock_parse(clock, &scn->start_s) != CC_OK)
		return fail(L, root, "start", "\"%s\" is not a time of day (write \"07:00\", "
		            "\"07:00:30\" or \"2026-12-01 07:00\")", text);
	L->start_s = scn->start_s;
	return CC_OK;
}

/* A list or array of numbers (durations when AS_DURATION) into a new array. */
static enum cc_status get_vector(struct loader *L, const config_setting_t *s, int as_duration,
                                 double **out, size_t *n)
{
	int t = config_setting_type(s);
	if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST)
		return fail(L, s, NULL, "must be a list [a, b, ...] (got %s)", type_name(s));
	size_t len = (size_t)config_setting_length(s);
	double *v = cc_calloc(len, sizeof *v);
	for (size_t i = 0; i < len; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		enum cc_status st = CC_OK;
		if (as_duration)
			st = duration_of(L, e, &v[i]);
		else if (!is_number(e))
			st = fail(L, e, NULL, "must be a number (got %s)", type_name(e));
		else
			v[i] = number_of(e);
		if (st) {
			cc_free(v);
			return st;
		}
	}
	*out = v;
	*n = len;
	return CC_OK;
}

/* A distribution group: { dist = "lognormal"; mean = "200s"; sd = "150s"; }. */
static enum cc_status get_dist(struct loader *L, const config_setting_t *g, const char *key,
                               int required, struct cc_dist *out, int *present)
{
	config_setting_t *s;
	enum cc_status st = member(L, g, key, required, &s);
	if (st || !s)
		return st;
	if (config_setting_type(s) != CONFIG_TYPE_GROUP)
		return fail(L, s, NULL, "must be a distribution { dist = \"...\"; ... } (got %s)",
		            type_name(s));
	const char *name = NULL;
	if ((st = get_string(L, s, "dist", 1, &name)))
		return st;
	enum cc_dist_kind kind;
	if (cc_dist_kind_from_name(name, &kind) != CC_OK)
		return fail(L, s, "dist",
		            "unknown distribution \"%s\" (expected exponential, deterministic, uniform, "
		            "lognormal, gamma, erlang, weibull or empirical)", name);
	const char *const *params = cc_dist_param_names(kind);
	const char *allowed[8] = { "dist" };
	size_t na = 1;
	for (size_t i = 0; params[i]; i++)
		allowed[na++] = params[i];
	allowed[na] = NULL;
	if ((st = check_keys(L, s, allowed)))
		return st;

	struct cc_dist_params p = { 0 };
	double *values = NULL, *weights = NULL;
	static const struct { const char *key; unsigned bit; size_t off; int duration; } scalars[] = {
		{ "mean", CC_DIST_HAS_MEAN, offsetof(struct cc_dist_params, mean), 1 },
		{ "sd", CC_DIST_HAS_SD, offsetof(struct cc_dist_params, sd), 1 },
		{ "value", CC_DIST_HAS_VALUE, offsetof(struct cc_dist_params, value), 1 },
		{ "min", CC_DIST_HAS_MIN, offsetof(struct cc_dist_params, min), 1 },
		{ "max", CC_DIST_HAS_MAX, offsetof(struct cc_dist_params, max), 1 },
		{ "shape", CC_DIST_HAS_SHAPE, offsetof(struct cc_dist_params, shape), 0 },
		{ "k", CC_DIST_HAS_K, offsetof(struct cc_dist_params, k), 0 },
	};
	for (size_t i = 0; i < sizeof scalars / sizeof scalars[0]; i++) {
		config_setting_t *m = config_setting_get_member(s, scalars[i].key);
		if (!m)
			continue;
		double *dst = (double *)((char *)&p + scalars[i].off);
		st = scalars[i].duration ? duration_of(L, m, dst)
		                         : get_number(L, s, scalars[i].key, 1, dst);
		if (st)
			return st;
		p.has |= scalars[i].bit;
	}
	config_setting_t *m;
	if ((m = config_setting_get_member(s, "values"))) {
		if ((st = get_vector(L, m, 1, &values, &p.n_values)))
			goto done;
		p.values = values;
		p.has |= CC_DIST_HAS_VALUES;
	}
	if ((m = config_setting_get_member(s, "weights"))) {
		if ((st = get_vector(L, m, 0, &weights, &p.n_weights)))
			goto done;
		p.weights = weights;
		p.has |= CC_DIST_HAS_WEIGHTS;
	}
	const char *bad_param = NULL;
	char why[256];
	if (cc_dist_init(out, kind, &p, &bad_param, why, sizeof why) != CC_OK) {
		config_setting_t *where = config_setting_get_member(s, bad_param);
		st = where ? fail(L, where, NULL, "%s", why) : fail(L, s, bad_param, "%s", why);
		goto done;
	}
	if (present)
		*present = 1;
done:
	cc_free(values);
	cc_free(weights);
	return st;
}

/*
 * A time at KEY of G: a duration ("3s": always that long) or a distribution group. *OUT is
 * left alone when KEY is absent and not REQUIRED, so the caller sets its default first.
 */
static enum cc_status get_timing(struct loader *L, const config_setting_t *g, const char *key,
                                 int required, struct cc_dist *out)
{
	config_setting_t *s;
	enum cc_status st = member(L, g, key, required, &s);
	if (st || !s)
		return st;
	if (config_setting_type(s) == CONFIG_TYPE_GROUP)
		return get_dist(L, g, key, 1, out, NULL);
	double v;
	if (!is_number(s) && config_setting_type(s) != CONFIG_TYPE_STRING)
		return fail(L, s, NULL, "must be a duration (\"20s\") or a distribution { dist = "
		            "\"...\"; ... } (got %s)", type_name(s));
	if ((st = duration_of(L, s, &v)))
		return st;
	cc_dist_init_constant(out, v);
	return CC_OK;
}

static int valid_name(const char *s)
{
	if (!*s || *s == '.')
		return 0;
	for (; *s; s++)
		if (!(('a' <= *s && *s <= 'z') || ('A' <= *s && *s <= 'Z') ||
		      ('0' <= *s && *s <= '9') || *s == '-' || *s == '_' || *s == '.'))
			return 0;
	return 1;
}

/* A name; ENTITY names (queues, groups) also appear in --set paths, so they may hold no
 * '.' and may not be all digits (which would read as a position). */
static enum cc_status get_name(struct loader *L, const config_setting_t *g, int entity,
                               const char **out)
{
	enum cc_status st = get_string(L, g, "name", 1, out);
	if (st)
		return st;
	if (!valid_name(*out))
		return fail(L, g, "name",
		            "\"%s\" must be letters, digits, '-', '_' or '.' (no spaces)", *out);
	if (entity && (strchr(*out, '.') || strspn(*out, "0123456789") == strlen(*out)))
		return fail(L, g, "name",
		            "\"%s\" must have no '.' and not be all digits (names stand in override paths such as agents.NAME.count)",
		            *out);
	return CC_OK;
}

/* The names of the first N queues or agent groups of SCN, for a message ("sales, support"). */
static void queue_names(const struct cc_scenario *scn, size_t n, char *buf, size_t len)
{
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", i ? ", " : "", scn->queues[i].name);
}

static void group_names(const struct cc_scenario *scn, size_t n, char *buf, size_t len)
{
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", i ? ", " : "", scn->groups[i].name);
}

/* "No queue (agent group) is named NAME", at KEY of S, with the names there are. */
static enum cc_status no_queue(struct loader *L, const config_setting_t *s, const char *key,
                               const struct cc_scenario *scn, const char *name)
{
	char list[512];
	queue_names(scn, scn->n_lines, list, sizeof list);
	return fail(L, s, key, "no queue is named \"%s\" (queues: %s)", name, list);
}

static enum cc_status no_group(struct loader *L, const config_setting_t *s, const char *key,
                               const struct cc_scenario *scn, size_t n, const char *name)
{
	char list[512];
	group_names(scn, n, list, sizeof list);
	return fail(L, s, key, "no agent group is named \"%s\" (agents: %s)", name, list);
}

/* ---- agent statuses and channels ---- */

static const char *const fixed_statuses[CC_AGENT_FIRST_NPT] = { "Offline", "Available", "RONA" };

size_t cc_scenario_status_count(const struct cc_scenario *scn)
{
	return CC_AGENT_FIRST_NPT + scn->n_statuses;
}

const char *cc_scenario_status_name(const struct cc_scenario *scn, size_t s)
{
	if (s < CC_AGENT_FIRST_NPT)
		return fixed_statuses[s];
	return s < cc_scenario_status_count(scn) ? scn->statuses[s - CC_AGENT_FIRST_NPT] : "?";
}

/* "Break, Lunch": the scenario's statuses, for messages. */
static void status_list(const struct cc_scenario *scn, char *buf, size_t len)
{
	snprintf(buf, len, "%s", scn->n_statuses ? "" : "none: list them in statuses = [ ... ]");
	for (size_t i = 0; i < scn->n_statuses; i++)
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", i ? ", " : "", scn->statuses[i]);
}

/*
 * The index of the status named at KEY of G (*OUT keeps its default when KEY is absent and
 * not REQUIRED). With LOGIN, Offline and Available are admitted too (a shift may start in
 * them); otherwise only a not-productive status is. RONA is the system's and never admitted.
 * The fixed names are matched whatever their case, since no scenario status may take them.
 */
static enum cc_status get_status(struct loader *L, const config_setting_t *g, const char *key,
                                 int required, const struct cc_scenario *scn, int login, int *out)
{
	const char *name = NULL;
	enum cc_status st = get_string(L, g, key, required, &name);
	if (st || !name)
		return st;
	char list[512];
	status_list(scn, list, sizeof list);
	for (int s = 0; s < CC_AGENT_FIRST_NPT; s++) {
		if (strcasecmp(name, fixed_statuses[s]) != 0)
			continue;
		if (login && s != CC_AGENT_RONA) {
			*out = s;
			return CC_OK;
		}
		if (s == CC_AGENT_RONA)
			return fail(L, g, key, "RONA is set by the system only (expected %sa status of "
			            "statuses: %s)", login ? "Available, Offline or " : "", list);
		return fail(L, g, key, "%s is not a not-productive status (expected one of statuses: %s)",
		            fixed_statuses[s], list);
	}
	for (size_t i = 0; i < scn->n_statuses; i++)
		if (strcmp(name, scn->statuses[i]) == 0) {
			*out = (int)(CC_AGENT_FIRST_NPT + i);
			return CC_OK;
		}
	return fail(L, g, key, "no status is named \"%s\" (statuses: %s)", name, list);
}

/* The not-productive statuses: statuses = [ "Break", "Lunch" ]. */
static enum cc_status load_statuses(struct loader *L, const config_setting_t *root,
                                    struct cc_scenario *scn)
{
	const config_setting_t *s = config_setting_get_member(root, "statuses");
	if (!s)
		return CC_OK;
	int t = config_setting_type(s);
	if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST)
		return fail(L, s, NULL, "must be a list of status names [\"Break\", \"Lunch\"] (got %s)",
		            type_name(s));
	size_t n = (size_t)config_setting_length(s);
	if (n > CC_MAX_STATUSES - CC_AGENT_FIRST_NPT)
		return fail(L, s, NULL, "names %zu statuses: at most %d fit beside Offline, Available "
		            "and RONA", n, CC_MAX_STATUSES - CC_AGENT_FIRST_NPT);
	if (n)
		scn->statuses = cc_calloc(n, sizeof *scn->statuses);
	for (size_t i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		if (config_setting_type(e) != CONFIG_TYPE_STRING)
			return fail(L, e, NULL, "must be a status name (got %s)", type_name(e));
		const char *name = config_setting_get_string(e);
		if (!valid_name(name))
			return fail(L, e, NULL, "\"%s\" must be letters, digits, '-', '_' or '.' (no spaces)",
			            name);
		for (int f = 0; f < CC_AGENT_FIRST_NPT; f++)
			if (strcasecmp(name, fixed_statuses[f]) == 0)
				return fail(L, e, NULL, "\"%s\" is a status of its own (Offline, Available and "
				            "RONA are always there): name only not-productive statuses", name);
		/* Names differing only in case would read as one status in every report. */
		for (size_t j = 0; j < i; j++)
			if (strcasecmp(name, scn->statuses[j]) == 0)
				return fail(L, e, NULL, "\"%s\" is listed twice", name);
		scn->statuses[scn->n_statuses++] = cc_strdup(name);
	}
	return CC_OK;
}

/* slowdown = [ 1.0, 1.2, 1.45 ]: talk-time factors by the number of the channel's contacts
 * in hand. */
static enum cc_status load_slowdown(struct loader *L, const config_setting_t *m,
                                    struct cc_channel_cfg *ch)
{
	const config_setting_t *s = config_setting_get_member(m, "slowdown");
	if (!s)
		return CC_OK;
	enum cc_status st = get_vector(L, s, 0, &ch->slowdown, &ch->n_slowdown);
	if (st)
		return st;
	if (ch->n_slowdown == 0)
		return fail(L, s, NULL, "must list at least one factor (leave slowdown out for none)");
	for (size_t i = 0; i < ch->n_slowdown; i++)
		if (!(ch->slowdown[i] >= 1 && ch->slowdown[i] <= MAX_SLOWDOWN))
			return fail(L, config_setting_get_elem(s, (unsigned)i), NULL,
			            "must be a factor from 1 to %.0f (1: no slowdown; got %g)", MAX_SLOWDOWN,
			            ch->slowdown[i]);
	return CC_OK;
}

/* Per channel settings: channels = { voice = { offer_timeout = "18s"; }; ... }. */
static enum cc_status load_channels(struct loader *L, const config_setting_t *root,
                                    struct cc_scenario *scn)
{
	/* Amazon Connect rings a voice call for about 18 s (the callback is a voice call too)
	 * and offers a chat or a task for 30 s before counting it missed. */
	static const double default_timeout_s[CC_CHANNEL_COUNT] = { 18, 30, 30, 30, 18 };
	for (int c = 0; c < CC_CHANNEL_COUNT; c++)
		scn->channels[c].offer_timeout_s = default_timeout_s[c];
	const config_setting_t *s = config_setting_get_member(root, "channels");
	if (!s)
		return CC_OK;
	const char *names[CC_CHANNEL_COUNT + 1] = { NULL };
	for (int c = 0; c < CC_CHANNEL_COUNT; c++)
		names[c] = channel_names[c];
	enum cc_status st = check_keys(L, s, names);
	for (int c = 0; !st && c < CC_CHANNEL_COUNT; c++) {
		static const char *const keys[] = { "offer_timeout", "slowdown", NULL };
		const config_setting_t *m = config_setting_get_member(s, channel_names[c]);
		if (!m)
			continue;
		double *timeout = &scn->channels[c].offer_timeout_s;
		if (!(st = check_keys(L, m, keys)) &&
		    !(st = get_duration(L, m, "offer_timeout", 0, timeout)) && !(*timeout > 0))
			st = fail(L, m, "offer_timeout", "must be positive (an offer rings for some time)");
		if (!st)
			st = load_slowdown(L, m, &scn->channels[c]);
	}
	return st;
}

/* An optional list of groups at KEY of G: *N is 0 when it is absent. */
static enum cc_status optional_list(struct loader *L, const config_setting_t *g, const char *key,
                                    const config_setting_t **out, size_t *n)
{
	*out = config_setting_get_member(g, key);
	*n = 0;
	if (!*out)
		return CC_OK;
	if (config_setting_type(*out) != CONFIG_TYPE_LIST)
		return fail(L, *out, NULL, "must be a list ( { ... }, { ... } ) (got %s)",
		            type_name(*out));
	*n = (size_t)config_setting_length(*out);
	return CC_OK;
}

static enum cc_status load_arrivals(struct loader *L, const config_setting_t *s,
                                    double scn_interval_s, struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "process", "per_hour", "step", NULL };
	enum cc_status st = check_keys(L, s, keys);
	if (st)
		return st;
	const char *process = "poisson";
	if ((st = get_string(L, s, "process", 0, &process)))
		return st;
	if (strcmp(process, "poisson") == 0)
		q->process = CC_ARRIVALS_POISSON;
	else if (strcmp(process, "deterministic") == 0)
		q->process = CC_ARRIVALS_DETERMINISTIC;
	else
		return fail(L, s, "process",
		            "unknown process \"%s\" (expected poisson or deterministic)", process);
	config_setting_t *rate;
	if ((st = member(L, s, "per_hour", 1, &rate)))
		return st;
	if (is_number(rate)) {
		q->n_rates = 1;
		q->per_hour = cc_calloc(1, sizeof *q->per_hour);
		q->per_hour[0] = number_of(rate);
	} else if ((st = get_vector(L, rate, 0, &q->per_hour, &q->n_rates))) {
		return st;
	}
	if (q->n_rates == 0)
		return fail(L, rate, NULL, "must list at least one rate");
	for (size_t i = 0; i < q->n_rates; i++)
		if (!(q->per_hour[i] >= 0) || !(q->per_hour[i] <= MAX_PER_HOUR))
			return fail(L, q->n_rates == 1 && is_number(rate) ? rate
			               : config_setting_get_elem(rate, (unsigned)i),
			            NULL, "must be a rate from 0 to %.0f contacts per hour (got %g)",
			            MAX_PER_HOUR, q->per_hour[i]);
	q->rate_width_s = scn_interval_s;
	return get_duration(L, s, "step", 0, &q->rate_width_s) ? CC_ERR_SCENARIO
	       : q->rate_width_s > 0 ? CC_OK : fail(L, s, "step", "must be positive");
}

/* rona_requeue = "original" | "tail": where a contact goes back after ringing in vain. */
static enum cc_status get_requeue(struct loader *L, const config_setting_t *s,
                                  enum cc_requeue *out)
{
	const char *requeue = "original";
	enum cc_status st = get_string(L, s, "rona_requeue", 0, &requeue);
	if (st)
		return st;
	if (strcmp(requeue, "original") == 0)
		*out = CC_REQUEUE_ORIGINAL;
	else if (strcmp(requeue, "tail") == 0)
		*out = CC_REQUEUE_TAIL;
	else
		return fail(L, s, "rona_requeue",
		            "unknown place \"%s\" (expected original or tail)", requeue);
	return CC_OK;
}

/* The defaults of every optional queue setting; every distribution is usable as it is, and
 * a callback queue without dialing settings dials at once, reaching everyone. */
static void queue_defaults(struct cc_queue_cfg *q)
{
	cc_dist_init_constant(&q->pause.duration, 0);
	q->callback.queue = -1;
	q->callback.accept = 1;
	q->callback.estimate = CC_ESTIMATE_QUEUE;
	cc_dist_init_constant(&q->dialing.pending, 0);
	cc_dist_init_constant(&q->dialing.dial, 0);
	q->dialing.reach = 1;
	q->dialing.retry_delay_s = 300;
}

/* Refuses KEY of queue S unless the queue's channel is CH. */
static enum cc_status only_on(struct loader *L, const config_setting_t *s, const char *key,
                              const struct cc_queue_cfg *q, enum cc_channel ch)
{
	if (!config_setting_get_member(s, key) || q->channel == ch)
		return CC_OK;
	return fail(L, s, key, "is for %s queues only (this is a %s queue)", channel_names[ch],
	            channel_names[q->channel]);
}

/* priorities = ( { share = 0.1; head_start = "2m"; }, ... ) */
static enum cc_status load_priorities(struct loader *L, const config_setting_t *s,
                                      struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "share", "head_start", NULL };
	const config_setting_t *list;
	size_t n;
	enum cc_status st = optional_list(L, s, "priorities", &list, &n);
	if (st || !list)
		return st;
	if (n == 0)
		return fail(L, list, NULL, "must list at least one class (leave priorities out for none)");
	q->priorities = cc_calloc(n, sizeof *q->priorities);
	q->n_priorities = n;
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		struct cc_priority_cfg *p = &q->priorities[i];
		config_setting_t *m;
		if ((st = check_keys(L, e, keys)) || (st = member(L, e, "share", 1, &m)) ||
		    (st = get_share(L, e, "share", &p->share)) ||
		    (st = get_duration(L, e, "head_start", 1, &p->head_start_s)))
			return st;
		total += p->share;
		/* A little slack, so that shares such as 0.1, 0.2 and 0.7 add up. */
		if (total > 1 + 1e-9)
			return fail(L, e, "share", "brings the classes' shares to %g: together at most 1 "
			            "(the other contacts get no head start)", total);
	}
	return CC_OK;
}

/* pause = { share = 0.3; duration = { ... }; } (task queues) */
static enum cc_status load_pause(struct loader *L, const config_setting_t *s,
                                 struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "share", "duration", NULL };
	const config_setting_t *m = config_setting_get_member(s, "pause");
	enum cc_status st = only_on(L, s, "pause", q, CC_CHANNEL_TASK);
	if (st || !m)
		return st;
	if ((st = check_keys(L, m, keys)) || (st = get_share(L, m, "share", &q->pause.share)))
		return st;
	return get_dist(L, m, "duration", q->pause.share > 0, &q->pause.duration, NULL);
}

/* callback = { queue = "cb"; threshold = "2m"; accept = 0.5; estimate = "queue"; } (voice
 * queues). The queue is looked up once every queue is loaded (link_callbacks). */
static enum cc_status load_callback(struct loader *L, const config_setting_t *s,
                                    struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "queue", "threshold", "accept", "estimate", NULL };
	const config_setting_t *m = config_setting_get_member(s, "callback");
	enum cc_status st = only_on(L, s, "callback", q, CC_CHANNEL_VOICE);
	if (st || !m)
		return st;
	struct cc_callback_offer_cfg *c = &q->callback;
	const char *queue, *estimate = "queue";
	if ((st = check_keys(L, m, keys)) || (st = get_string(L, m, "queue", 1, &queue)) ||
	    (st = get_duration(L, m, "threshold", 0, &c->threshold_s)) ||
	    (st = get_share(L, m, "accept", &c->accept)) ||
	    (st = get_string(L, m, "estimate", 0, &estimate)))
		return st;
	if (strcmp(estimate, "queue") == 0)
		c->estimate = CC_ESTIMATE_QUEUE;
	else if (strcmp(estimate, "oldest") == 0)
		c->estimate = CC_ESTIMATE_OLDEST;
	else
		return fail(L, m, "estimate", "unknown estimate \"%s\" (expected queue or oldest)",
		            estimate);
	return CC_OK;
}

/* dialing = { pending = { ... }; dial = { ... }; reach = 0.8; retries = 2; retry_delay = "10m"; }
 * (callback queues) */
static enum cc_status load_dialing(struct loader *L, const config_setting_t *s,
                                   struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "pending", "dial", "reach", "retries", "retry_delay",
	                                    NULL };
	const config_setting_t *m = config_setting_get_member(s, "dialing");
	enum cc_status st = only_on(L, s, "dialing", q, CC_CHANNEL_CALLBACK);
	if (st || !m)
		return st;
	struct cc_callback_dial_cfg *d = &q->dialing;
	long long retries = 0;
	if ((st = check_keys(L, m, keys)) || (st = get_dist(L, m, "pending", 0, &d->pending, NULL)) ||
	    (st = get_dist(L, m, "dial", 0, &d->dial, NULL)) ||
	    (st = get_share(L, m, "reach", &d->reach)) ||
	    (st = get_whole(L, m, "retries", 0, 0, MAX_RETRIES, &retries)) ||
	    (st = get_duration(L, m, "retry_delay", 0, &d->retry_delay_s)))
		return st;
	d->retries = (int)retries;
	return CC_OK;
}

/* rings = ( { after = "0s"; level = 8; }, { after = "20s"; level = 5; } ) */
static enum cc_status load_rings(struct loader *L, const config_setting_t *s,
                                 struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "after", "level", NULL };
	const config_setting_t *list;
	size_t n;
	enum cc_status st = optional_list(L, s, "rings", &list, &n);
	if (st || !list)
		return st;
	if (n == 0)
		return fail(L, list, NULL, "must list at least one ring (leave rings out for one ring "
		            "of every level)");
	q->rings = cc_calloc(n, sizeof *q->rings);
	q->n_rings = n;
	for (size_t i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		struct cc_ring_cfg *r = &q->rings[i];
		long long level;
		if ((st = check_keys(L, e, keys)) || (st = get_duration(L, e, "after", 1, &r->after_s)) ||
		    (st = get_whole(L, e, "level", 1, 1, MAX_LEVEL, &level)))
			return st;
		r->level = (int)level;
		if (i > 0 && !(r->after_s > q->rings[i - 1].after_s))
			return fail(L, e, "after", "must be later than the previous ring's (%gs): rings "
			            "open one after another", q->rings[i - 1].after_s);
		if (i > 0 && r->level >= q->rings[i - 1].level)
			return fail(L, e, "level", "must be below the previous ring's (%d): each ring "
			            "admits lower skill levels than the last", q->rings[i - 1].level);
	}
	return CC_OK;
}

/* The transfer flow and the whispers, by default (Amazon Connect's default transfer flow
 * plays a short prompt; the whispers name the queue or the caller). */
#define TRANSFER_FLOW_S 3.0
#define AGENT_WHISPER_S 2.0
#define CUSTOMER_WHISPER_S 1.0
/* A consult lasts half a minute by default; a conference, a minute. */
#define CONSULT_S 30.0
#define CONFERENCE_S 60.0
/* How long a first agent waits for a queue's agent to take a consult or conference. */
#define MAX_WAIT_S 120.0

static const char *const transfer_modes[] = { "cold", "consult", "conference" };

/* Every time of a quick connect starts usable, at 0 s; it has no target yet. */
static void quick_connect_defaults(struct cc_quick_connect_cfg *qc)
{
	struct cc_dist *dists[] = { &qc->flow, &qc->agent_whisper, &qc->customer_whisper,
	                            &qc->consult, &qc->conference, &qc->handle, &qc->acw };
	for (size_t i = 0; i < sizeof dists / sizeof dists[0]; i++)
		cc_dist_init_constant(dists[i], 0);
	qc->target = -1;
	qc->agent = -1;
	qc->fallback = -1;
}

static void quick_connect_fini(struct cc_quick_connect_cfg *qc)
{
	struct cc_dist *dists[] = { &qc->flow, &qc->agent_whisper, &qc->customer_whisper,
	                            &qc->consult, &qc->conference, &qc->handle, &qc->acw };
	for (size_t i = 0; i < sizeof dists / sizeof dists[0]; i++)
		cc_dist_fini(dists[i]);
}

/*
 * A time of quick connect E at KEY: E's own, else that of the queue's transfer group OUTER,
 * else DEFAULT_S. Each quick connect reads its own copy from the file, so that it owns its
 * distribution (an empirical one owns its table).
 */
static enum cc_status inherit_timing(struct loader *L, const config_setting_t *e,
                                     const config_setting_t *outer, const char *key,
                                     double default_s, struct cc_dist *out)
{
	cc_dist_init_constant(out, default_s);
	return get_timing(L, config_setting_get_member(e, key) ? e : outer, key, 0, out);
}

/* How a quick connect hands over: mode = "cold" | "consult" | "conference". */
static enum cc_status get_transfer_mode(struct loader *L, const config_setting_t *e,
                                        enum cc_transfer_mode *out)
{
	const char *mode = "cold";
	enum cc_status st = get_string(L, e, "mode", 0, &mode);
	if (st)
		return st;
	for (size_t m = 0; m < sizeof transfer_modes / sizeof transfer_modes[0]; m++)
		if (strcmp(mode, transfer_modes[m]) == 0) {
			*out = (enum cc_transfer_mode)m;
			return CC_OK;
		}
	return fail(L, e, "mode", "unknown mode \"%s\" (expected cold, consult or conference)", mode);
}

/* Exactly one target: queue, group or external = true. */
static enum cc_status get_transfer_kind(struct loader *L, const config_setting_t *e,
                                        enum cc_transfer_kind *out)
{
	static const char *const targets[] = { "queue", "group", "external" };
	static const enum cc_transfer_kind kinds[] = { CC_TRANSFER_QUEUE, CC_TRANSFER_AGENT,
	                                               CC_TRANSFER_EXTERNAL };
	int external = 0;
	enum cc_status st = get_bool(L, e, "external", &external);
	if (st)
		return st;
	const char *given = NULL;
	for (size_t k = 0; k < sizeof targets / sizeof targets[0]; k++) {
		if (!config_setting_get_member(e, targets[k]) || (kinds[k] == CC_TRANSFER_EXTERNAL && !external))
			continue;
		if (given)
			return fail(L, e, targets[k], "give only one of queue, group and external = true "
			            "(%s is given too)", given);
		given = targets[k];
		*out = kinds[k];
	}
	if (!given)
		return fail(L, e, NULL, "has no target: give queue (a queue's name), group (an agent "
		            "group's name) or external = true");
	return CC_OK;
}

/*
 * One quick connect: { share = 0.2; queue = "billing"; mode = "consult"; ... }. OUTER is the
 * queue's transfer group (whose flow and whispers are the defaults) and S the queue itself
 * (whose handle and ACW are the defaults of an agent's). The names of queues and groups are
 * looked up once everything is loaded (link_transfers).
 */
static enum cc_status load_quick_connect(struct loader *L, const config_setting_t *e,
                                         const config_setting_t *outer,
                                         const config_setting_t *s, struct cc_quick_connect_cfg *qc)
{
	static const char *const keys[] = { "share", "queue", "group", "external", "agent", "mode",
	                                    "flow", "agent_whisper", "customer_whisper", "consult",
	                                    "conference", "reject", "handle", "acw", "fallback",
	                                    "max_wait", "description", NULL };
	static const char *const agent_only[] = { "agent", "reject", "handle", "acw", "fallback" };
	static const char *const flow_keys[] = { "flow", "agent_whisper", "customer_whisper" };
	quick_connect_defaults(qc);
	config_setting_t *m;
	enum cc_status st;
	if ((st = check_keys(L, e, keys)) || (st = member(L, e, "share", 1, &m)) ||
	    (st = get_share(L, e, "share", &qc->share)) || (st = get_transfer_kind(L, e, &qc->kind)) ||
	    (st = get_transfer_mode(L, e, &qc->mode)))
		return st;
	if (qc->kind != CC_TRANSFER_AGENT)
		for (size_t k = 0; k < sizeof agent_only / sizeof agent_only[0]; k++)
			if (config_setting_get_member(e, agent_only[k]))
				return fail(L, e, agent_only[k], "is for transfers to an agent group only "
				            "(this one goes to %s)", qc->kind == CC_TRANSFER_QUEUE ? "a queue"
				            : "an outside number");
	if (qc->kind == CC_TRANSFER_EXTERNAL)
		for (size_t k = 0; k < sizeof flow_keys / sizeof flow_keys[0]; k++)
			if (config_setting_get_member(e, flow_keys[k]))
				return fail(L, e, flow_keys[k], "an external transfer has no flow and no "
				            "whispers: the contact leaves the center at once");
	if (qc->mode == CC_TRANSFER_COLD && config_setting_get_member(e, "consult"))
		return fail(L, e, "consult", "a cold transfer has no consult (give mode = \"consult\" "
		            "or \"conference\")");
	if (qc->mode != CC_TRANSFER_CONFERENCE && config_setting_get_member(e, "conference"))
		return fail(L, e, "conference", "is for mode = \"conference\" only (this transfer is "
		            "%s)", transfer_modes[qc->mode]);
	if ((qc->kind != CC_TRANSFER_QUEUE || qc->mode == CC_TRANSFER_COLD) &&
	    config_setting_get_member(e, "max_wait"))
		return fail(L, e, "max_wait", "is for a consult or conference through a queue only "
		            "(the first agent's wait for the queue's agent)");
	qc->max_wait_s = MAX_WAIT_S;
	if ((st = get_duration(L, e, "max_wait", 0, &qc->max_wait_s)))
		return st;
	if (qc->kind != CC_TRANSFER_EXTERNAL &&
	    ((st = inherit_timing(L, e, outer, "flow", TRANSFER_FLOW_S, &qc->flow)) ||
	     (st = inherit_timing(L, e, outer, "agent_whisper", AGENT_WHISPER_S, &qc->agent_whisper)) ||
	     (st = inherit_timing(L, e, outer, "customer_whisper", CUSTOMER_WHISPER_S,
	                          &qc->customer_whisper))))
		return st;
	if (qc->mode != CC_TRANSFER_COLD) {
		cc_dist_init_constant(&qc->consult, qc->mode == CC_TRANSFER_CONSULT ? CONSULT_S : 0);
		if ((st = get_timing(L, e, "consult", 0, &qc->consult)))
			return st;
	}
	if (qc->mode == CC_TRANSFER_CONFERENCE) {
		cc_dist_init_constant(&qc->conference, CONFERENCE_S);
		if ((st = get_timing(L, e, "conference", 0, &qc->conference)))
			return st;
	}
	if (qc->kind != CC_TRANSFER_AGENT)
		return CC_OK;
	/* The agent's index is checked against the group's size once the groups are loaded. */
	long long agent = -1;
	if ((st = get_share(L, e, "reject", &qc->reject)) ||
	    (st = get_whole(L, e, "agent", 0, 0, 999999, &agent)))
		return st;
	qc->agent = (int)agent;
	/* The target talks and wraps up as the queue's own agents do, unless told otherwise. */
	if ((st = get_dist(L, config_setting_get_member(e, "handle") ? e : s, "handle", 1,
	                   &qc->handle, NULL)))
		return st;
	if (!(qc->handle.mean > 0))
		return fail(L, e, "handle", "must have a positive mean (contacts take time)");
	const config_setting_t *acw = config_setting_get_member(e, "acw") ? e : s;
	if (config_setting_get_member(acw, "acw"))
		return get_dist(L, acw, "acw", 1, &qc->acw, NULL);
	return CC_OK;
}

/* transfer = { flow = "3s"; agent_whisper = "2s"; customer_whisper = "1s"; to = ( ... ); } */
static enum cc_status load_transfer(struct loader *L, const config_setting_t *s,
                                    struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "flow", "agent_whisper", "customer_whisper", "to",
	                                     NULL };
	const config_setting_t *m = config_setting_get_member(s, "transfer");
	if (!m)
		return CC_OK;
	enum cc_status st = check_keys(L, m, keys);
	/* The group's own times are checked here, whether or not a quick connect reads them. */
	for (size_t k = 0; !st && k < 3; k++) {
		struct cc_dist d;
		cc_dist_init_constant(&d, 0);
		st = get_timing(L, m, keys[k], 0, &d);
		cc_dist_fini(&d);
	}
	const config_setting_t *list;
	size_t n;
	if (st || (st = optional_list(L, m, "to", &list, &n)))
		return st;
	if (!list)
		return fail(L, m, "to", "missing (required)");
	if (n == 0)
		return fail(L, list, NULL, "must list at least one target (leave transfer out for none)");
	q->transfers = cc_calloc(n, sizeof *q->transfers);
	q->n_transfers = n;
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		if ((st = load_quick_connect(L, e, m, s, &q->transfers[i])))
			return st;
		total += q->transfers[i].share;
		if (total > 1 + 1e-9)
			return fail(L, e, "share", "brings the quick connects' shares to %g: together at "
			            "most 1 (the other contacts end with their talk)", total);
	}
	return CC_OK;
}

static enum cc_status load_queue(struct loader *L, const config_setting_t *s,
                                 double scn_interval_s, struct cc_queue_cfg *q)
{
	static const char *const keys[] = { "name", "channel", "arrivals", "handle", "patience",
	                                    "acw", "service_level", "rona_requeue", "priorities",
	                                    "pause", "callback", "dialing", "rings", "transfer",
	                                    "description", NULL };
	queue_defaults(q);
	enum cc_status st = check_keys(L, s, keys);
	const char *name, *channel = "voice";
	if (st || (st = get_name(L, s, 1, &name)) || (st = get_string(L, s, "channel", 0, &channel)))
		return st;
	q->name = cc_strdup(name);
	q->label = cc_strdup(name);
	int found = 0;
	for (int c = 0; c < CC_CHANNEL_COUNT; c++)
		if (strcmp(channel, channel_names[c]) == 0) {
			q->channel = (enum cc_channel)c;
			found = 1;
		}
	if (!found)
		return fail(L, s, "channel",
		            "unknown channel \"%s\" (expected voice, chat, email, task or callback)",
		            channel);
	config_setting_t *m;
	if ((st = member(L, s, "arrivals", 1, &m)) || (st = load_arrivals(L, m, scn_interval_s, q)))
		return st;
	if ((st = get_dist(L, s, "handle", 1, &q->handle, NULL)))
		return st;
	if (q->handle.mean <= 0)
		return fail(L, s, "handle",
		            "must have a positive mean (contacts take time)");
	if (config_setting_get_member(s, "patience") && cc_channel_deferrable(q->channel))
		return fail(L, s, "patience", "%s contacts wait without abandoning (deferrable); give "
		            "no patience", channel_names[q->channel]);
	if ((st = get_dist(L, s, "patience", 0, &q->patience, &q->has_patience)))
		return st;
	int has_acw = 0;
	if ((st = get_dist(L, s, "acw", 0, &q->acw, &has_acw)))
		return st;
	if (!has_acw)
		cc_dist_init_constant(&q->acw, 0);
	if ((st = get_requeue(L, s, &q->requeue)))
		return st;
	q->sl_threshold_s = 20;
	q->sl_target = 0.8;
	if ((m = config_setting_get_member(s, "service_level"))) {
		static const char *const slkeys[] = { "threshold", "target", NULL };
		if ((st = check_keys(L, m, slkeys)) ||
		    (st = get_duration(L, m, "threshold", 0, &q->sl_threshold_s)) ||
		    (st = get_number(L, m, "target", 0, &q->sl_target)))
			return st;
		if (!(q->sl_target >= 0 && q->sl_target <= 1))
			return fail(L, m, "target",
			            "must be a share from 0 to 1 (0.80 for 80 %%)");
	}
	if ((st = load_priorities(L, s, q)) || (st = load_pause(L, s, q)) ||
	    (st = load_callback(L, s, q)) || (st = load_dialing(L, s, q)) ||
	    (st = load_rings(L, s, q)))
		return st;
	return load_transfer(L, s, q);
}

/* Resolves each voice queue's callback.queue, now that every queue is known. */
static enum cc_status link_callbacks(struct loader *L, const config_setting_t *list,
                                     struct cc_scenario *scn)
{
	for (size_t i = 0; i < scn->n_queues; i++) {
		const config_setting_t *m =
			config_setting_get_member(config_setting_get_elem(list, (unsigned)i), "callback");
		const char *name;
		if (!m || !config_setting_lookup_string(m, "queue", &name))
			continue;
		long q = cc_scenario_queue_index(scn, name);
		if (q < 0)
			return no_queue(L, m, "queue", scn, name);
		if (scn->queues[q].channel != CC_CHANNEL_CALLBACK)
			return fail(L, m, "queue", "queue \"%s\" is a %s queue: callbacks go to a queue "
			            "whose channel is callback", name, channel_names[scn->queues[q].channel]);
		scn->queues[i].callback.queue = q;
	}
	return CC_OK;
}

/* ---- regions ---- */

/* Index of the agent group named NAME among the first N, or -1. */
static long group_index(const struct cc_scenario *scn, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (scn->groups[i].name && strcmp(scn->groups[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* Whether the scenario declares regions (without them it has one, named ""). */
static int has_regions(const struct cc_scenario *scn)
{
	return scn->regions.n > 1 || scn->regions.names[0][0] != '\0';
}

/* "east, west": the sites, for messages. */
static void site_list(const struct cc_scenario *scn, char *buf, size_t len)
{
	snprintf(buf, len, "%s", has_regions(scn) ? "" : "none: declare them in regions.sites");
	for (size_t i = 0; has_regions(scn) && i < scn->regions.n; i++)
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", i ? ", " : "",
		         scn->regions.names[i]);
}

/* The index of the site named at KEY of G (required). */
static enum cc_status get_site(struct loader *L, const config_setting_t *g, const char *key,
                               const struct cc_scenario *scn, size_t *out)
{
	const char *name;
	enum cc_status st = get_string(L, g, key, 1, &name);
	if (st)
		return st;
	for (size_t r = 0; has_regions(scn) && r < scn->regions.n; r++)
		if (strcmp(name, scn->regions.names[r]) == 0) {
			*out = r;
			return CC_OK;
		}
	char list[512];
	site_list(scn, list, sizeof list);
	return fail(L, g, key, "no site is named \"%s\" (sites: %s)", name, list);
}

/*
 * Shares of arrivals per site in group or list S (sites = ( { share = ...; } ) at load,
 * shares = { east = ...; } in a change) into SHARES, which must add up to 1. A little slack
 * lets shares such as 0.1, 0.2 and 0.7 add up.
 */
static enum cc_status check_share_total(struct loader *L, const config_setting_t *s,
                                        const double *shares, size_t n)
{
	double total = 0;
	for (size_t r = 0; r < n; r++)
		total += shares[r];
	if (!(fabs(total - 1) <= 1e-9))
		return fail(L, s, NULL, "the sites' shares add up to %g: they must add up to 1", total);
	return CC_OK;
}

/* The defaults: one region, named "", with every arrival; agents who move are Available one
 * to two minutes after arriving; half the customers whose chat or task a move ends start
 * again, a minute later. */
static void regions_defaults(struct cc_regions_cfg *r)
{
	r->n = 1;
	r->names = cc_calloc(1, sizeof *r->names);
	r->names[0] = cc_strdup("");
	r->shares = cc_calloc(1, sizeof *r->shares);
	r->shares[0] = 1;
	struct cc_dist_params p = { .has = CC_DIST_HAS_MIN | CC_DIST_HAS_MAX, .min = 60, .max = 120 };
	const char *bad = NULL;
	char why[128];
	enum cc_status st = cc_dist_init(&r->available_after, CC_DIST_UNIFORM, &p, &bad, why,
	                                 sizeof why);
	CC_ASSERT(st == CC_OK);
	r->restart = 0.5;
	cc_dist_init_constant(&r->restart_delay, 60);
}

/* { name = "east"; share = 0.7; } */
static enum cc_status load_site(struct loader *L, const config_setting_t *e,
                                struct cc_regions_cfg *r, size_t i)
{
	static const char *const keys[] = { "name", "share", "description", NULL };
	const char *name;
	config_setting_t *m;
	enum cc_status st;
	if ((st = check_keys(L, e, keys)) || (st = get_string(L, e, "name", 1, &name)))
		return st;
	if (strchr(name, '@'))
		return fail(L, e, "name", "\"%s\" must have no '@' (with regions, queues are named "
		            "<queue>@<site>)", name);
	if ((st = get_name(L, e, 1, &name)))
		return st;
	for (size_t j = 0; j < i; j++)
		if (strcmp(r->names[j], name) == 0)
			return fail(L, e, "name", "another site is already named \"%s\"", name);
	r->names[i] = cc_strdup(name);
	if ((st = member(L, e, "share", 1, &m)))
		return st;
	return get_share(L, e, "share", &r->shares[i]);
}

/* move = { available_after = { ... }; automatic = false; restart = 0.5; restart_delay = "1m"; } */
static enum cc_status load_move(struct loader *L, const config_setting_t *s,
                                struct cc_regions_cfg *r)
{
	static const char *const keys[] = { "available_after", "automatic", "restart",
	                                    "restart_delay", NULL };
	const config_setting_t *m = config_setting_get_member(s, "move");
	if (!m)
		return CC_OK;
	enum cc_status st;
	if ((st = check_keys(L, m, keys)) ||
	    (st = get_timing(L, m, "available_after", 0, &r->available_after)) ||
	    (st = get_bool(L, m, "automatic", &r->automatic)) ||
	    (st = get_share(L, m, "restart", &r->restart)))
		return st;
	return get_timing(L, m, "restart_delay", 0, &r->restart_delay);
}

/*
 * regions = { sites = ( ... ); changes = ( ... ); move = { ... }; }: the sites and how agents
 * move. The changes name agent groups, so they are loaded after them (load_changes). Without
 * regions the scenario has one, named "".
 */
static enum cc_status load_regions(struct loader *L, const config_setting_t *root,
                                   struct cc_scenario *scn)
{
	static const char *const keys[] = { "sites", "changes", "move", NULL };
	struct cc_regions_cfg *r = &scn->regions;
	regions_defaults(r);
	const config_setting_t *s = config_setting_get_member(root, "regions");
	if (!s)
		return CC_OK;
	const config_setting_t *sites;
	size_t n;
	enum cc_status st;
	if ((st = check_keys(L, s, keys)) || (st = optional_list(L, s, "sites", &sites, &n)))
		return st;
	if (!sites)
		return fail(L, s, "sites", "missing (required)");
	if (n == 0)
		return fail(L, sites, NULL, "must list at least one site");
	cc_free(r->names[0]);
	cc_free(r->names);
	cc_free(r->shares);
	r->names = cc_calloc(n, sizeof *r->names);
	r->shares = cc_calloc(n, sizeof *r->shares);
	r->n = n;
	for (size_t i = 0; i < n; i++)
		if ((st = load_site(L, config_setting_get_elem(sites, (unsigned)i), r, i)))
			return st;
	if ((st = check_share_total(L, sites, r->shares, n)))
		return st;
	return load_move(L, s, r);
}

/* shares = { east = 0.2; west = 0.8; }: every site's new share. */
static enum cc_status load_change_shares(struct loader *L, const config_setting_t *s,
                                         const struct cc_scenario *scn, double **out)
{
	size_t n = scn->regions.n;
	const char **keys = cc_calloc(n + 1, sizeof *keys);
	for (size_t r = 0; r < n; r++)
		keys[r] = scn->regions.names[r];
	*out = cc_calloc(n, sizeof **out);
	enum cc_status st = check_keys(L, s, keys);
	for (size_t r = 0; !st && r < n; r++)
		st = config_setting_get_member(s, keys[r])
		     ? get_share(L, s, keys[r], &(*out)[r])
		     : fail(L, s, keys[r], "missing: a change gives every site's share (0 for none)");
	cc_free(keys);
	return st ? st : check_share_total(L, s, *out, n);
}

/*
 * move = ( { group = "east-team"; to = "west"; } ): the groups moved by change C. WHERE holds
 * each group's region before the change and is brought up to date.
 */
static enum cc_status load_change_moves(struct loader *L, const config_setting_t *e,
                                        const struct cc_scenario *scn,
                                        struct cc_traffic_change_cfg *c, size_t *where)
{
	static const char *const keys[] = { "group", "to", NULL };
	const config_setting_t *list;
	size_t n;
	enum cc_status st = optional_list(L, e, "move", &list, &n);
	if (st || !list)
		return st;
	if (n == 0)
		return fail(L, list, NULL, "must list at least one group (leave move out for none)");
	c->moves = cc_calloc(n, sizeof *c->moves);
	c->n_moves = n;
	for (size_t i = 0; i < n; i++) {
		const config_setting_t *m = config_setting_get_elem(list, (unsigned)i);
		struct cc_region_move_cfg *mv = &c->moves[i];
		const char *name;
		if ((st = check_keys(L, m, keys)) || (st = get_string(L, m, "group", 1, &name)))
			return st;
		long g = group_index(scn, scn->n_groups, name);
		if (g < 0)
			return no_group(L, m, "group", scn, scn->n_groups, name);
		mv->group = (size_t)g;
		for (size_t j = 0; j < i; j++)
			if (c->moves[j].group == mv->group)
				return fail(L, m, "group", "group \"%s\" moves twice in this change", name);
		if ((st = get_site(L, m, "to", scn, &mv->to)))
			return st;
		if (where[g] == mv->to)
			return fail(L, m, "to", "group \"%s\" is in %s already at that time", name,
			            scn->regions.names[mv->to]);
		where[g] = mv->to;
	}
	return CC_OK;
}

/* changes = ( { at = "3h"; shares = { ... }; move = ( ... ); }, ... ), in time order. */
static enum cc_status load_changes(struct loader *L, const config_setting_t *root,
                                   struct cc_scenario *scn)
{
	static const char *const keys[] = { "at", "shares", "move", NULL };
	const config_setting_t *s = config_setting_get_member(root, "regions");
	const config_setting_t *list = NULL;
	size_t n = 0;
	enum cc_status st = s ? optional_list(L, s, "changes", &list, &n) : CC_OK;
	if (st || !list)
		return st;
	if (n == 0)
		return fail(L, list, NULL, "must list at least one change (leave changes out for none)");
	struct cc_regions_cfg *r = &scn->regions;
	r->changes = cc_calloc(n, sizeof *r->changes);
	r->n_changes = n;
	size_t *where = cc_calloc(scn->n_groups, sizeof *where);
	for (size_t g = 0; g < scn->n_groups; g++)
		where[g] = scn->groups[g].region;
	for (size_t i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		struct cc_traffic_change_cfg *c = &r->changes[i];
		const config_setting_t *shares;
		if ((st = check_keys(L, e, keys)) || (st = get_time(L, e, "at", 1, &c->at_s)))
			goto done;
		if (!(c->at_s < scn->horizon_s)) {
			st = fail(L, e, "at", "must be before the horizon (the change would never happen)");
			goto done;
		}
		if (i > 0 && c->at_s < r->changes[i - 1].at_s) {
			st = fail(L, e, "at", "must not be before the previous change's (%gs): changes "
			          "come in time order", r->changes[i - 1].at_s);
			goto done;
		}
		if (!config_setting_get_member(e, "shares") && !config_setting_get_member(e, "move")) {
			st = fail(L, e, NULL, "changes nothing: give shares, move or both");
			goto done;
		}
		if ((shares = config_setting_get_member(e, "shares")) &&
		    (st = load_change_shares(L, shares, scn, &c->shares)))
			goto done;
		if ((st = load_change_moves(L, e, scn, c, where)))
			goto done;
	}
done:
	cc_free(where);
	return st;
}

/* ---- agent groups ---- */

/* The defaults of every optional group setting; every distribution is usable as it is. */
static void group_defaults(struct cc_group_cfg *g)
{
	g->login_status = CC_AGENT_AVAILABLE;
	g->idle_status = -1;
	g->acw_limit_s = INFINITY;
	cc_dist_init_constant(&g->login_delay, 0);
	cc_dist_init_constant(&g->answer.delay, 0);
	cc_dist_init_constant(&g->answer.away, 0);
	cc_dist_init_constant(&g->rona.reaction, 0);
	cc_dist_init_constant(&g->rona.idle, 0);
	g->rona.available = 1;
	struct cc_outbound_cfg *o = &g->outbound;
	o->until_s = INFINITY;
	o->status = -1;
	o->reach = 1;
	o->available_after = 1;
	cc_dist_init_constant(&o->dial, 0);
	cc_dist_init_constant(&o->handle, 0);
	cc_dist_init_constant(&o->acw, 0);
	cc_dist_init_constant(&o->idle_after, 0);
}

static enum cc_status load_shift(struct loader *L, const config_setting_t *e, double horizon_s,
                                 struct cc_shift_cfg *sh)
{
	static const char *const keys[] = { "start", "end", "count", NULL };
	long long count;
	enum cc_status st;
	if ((st = check_keys(L, e, keys)) || (st = get_time(L, e, "start", 1, &sh->start_s)) ||
	    (st = get_time(L, e, "end", 1, &sh->end_s)) ||
	    (st = get_whole(L, e, "count", 1, 1, 1000000, &count)))
		return st;
	/* Clock times name the first such time: a shift from 22:00 to 06:00 ends the next day. */
	const config_setting_t *end = config_setting_get_member(e, "end");
	if (config_setting_type(end) == CONFIG_TYPE_STRING &&
	    strchr(config_setting_get_string(end), ':') && !(sh->end_s > sh->start_s))
		sh->end_s += 86400;
	sh->count = (int)count;
	if (!(sh->start_s < horizon_s))
		return fail(L, e, "start", "must be before the horizon (the shift would never start)");
	if (!(sh->end_s > sh->start_s))
		return fail(L, e, "end", "must be after start");
	return CC_OK;
}

static enum cc_status load_shifts(struct loader *L, const config_setting_t *s, double horizon_s,
                                  struct cc_group_cfg *g)
{
	const config_setting_t *list;
	size_t n;
	enum cc_status st = optional_list(L, s, "shifts", &list, &n);
	if (st)
		return st;
	if (n == 0)
		return fail(L, list, NULL, "must list at least one shift");
	g->shifts = cc_calloc(n, sizeof *g->shifts);
	g->n_shifts = n;
	long total = 0;
	for (size_t i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		if ((st = load_shift(L, e, horizon_s, &g->shifts[i])))
			return st;
		total += g->shifts[i].count;
		if (total > 1000000)
			return fail(L, e, "count", "brings the group above 1000000 agents");
	}
	g->count = (int)total;
	return CC_OK;
}

/* profile = { step = "30m"; counts = [ 4, 6, 10, 0 ]; }: the group's size is its peak. */
static enum cc_status load_profile(struct loader *L, const config_setting_t *s,
                                   double interval_s, struct cc_group_cfg *g)
{
	static const char *const keys[] = { "step", "counts", NULL };
	config_setting_t *counts;
	g->profile_step_s = interval_s;
	enum cc_status st;
	if ((st = check_keys(L, s, keys)) ||
	    (st = get_duration(L, s, "step", 0, &g->profile_step_s)))
		return st;
	if (!(g->profile_step_s > 0))
		return fail(L, s, "step", "must be positive");
	if ((st = member(L, s, "counts", 1, &counts)))
		return st;
	int t = config_setting_type(counts);
	if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST)
		return fail(L, counts, NULL, "must be a list of agent counts [4, 6, 10] (got %s)",
		            type_name(counts));
	size_t n = (size_t)config_setting_length(counts);
	if (n == 0)
		return fail(L, counts, NULL, "must list at least one count");
	g->profile = cc_calloc(n, sizeof *g->profile);
	g->n_profile = n;
	for (size_t i = 0; i < n; i++) {
		long long v;
		if ((st = whole_of(L, config_setting_get_elem(counts, (unsigned)i), 0, 1000000, &v)))
			return st;
		g->profile[i] = (int)v;
		if (g->profile[i] > g->count)
			g->count = g->profile[i];
	}
	if (g->count == 0)
		return fail(L, counts, NULL, "must have a count above 0 (nobody would ever log in)");
	return CC_OK;
}

/* Exactly one of count (the whole horizon), shifts or profile. */
static enum cc_status load_schedule(struct loader *L, const config_setting_t *s,
                                    const struct cc_scenario *scn, struct cc_group_cfg *g)
{
	static const char *const kinds[] = { "count", "shifts", "profile" };
	const char *given = NULL;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		if (!config_setting_get_member(s, kinds[k]))
			continue;
		if (given)
			return fail(L, s, kinds[k], "give only one of count, shifts and profile (%s is "
			            "given too)", given);
		given = kinds[k];
	}
	if (!given)
		return fail(L, s, NULL, "has no schedule: give count, shifts or profile");
	if (strcmp(given, "shifts") == 0)
		return load_shifts(L, s, scn->horizon_s, g);
	if (strcmp(given, "profile") == 0)
		return load_profile(L, config_setting_get_member(s, "profile"), scn->interval_s, g);
	long long count;
	enum cc_status st = get_whole(L, s, "count", 1, 1, 1000000, &count);
	g->count = (int)count;
	return st;
}

static enum cc_status load_skills(struct loader *L, const config_setting_t *s,
                                  const struct cc_scenario *scn, struct cc_group_cfg *g)
{
	config_setting_t *sk;
	enum cc_status st = member(L, s, "skills", 1, &sk);
	if (st)
		return st;
	int t = config_setting_type(sk);
	if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST)
		return fail(L, sk, NULL, "must be a list of queue names [\"a\", \"b\"] (got %s)",
		            type_name(sk));
	g->n_skills = (size_t)config_setting_length(sk);
	if (g->n_skills == 0)
		return fail(L, sk, NULL, "must name at least one queue");
	g->skills = cc_calloc(g->n_skills, sizeof *g->skills);
	for (size_t i = 0; i < g->n_skills; i++) {
		const config_setting_t *e = config_setting_get_elem(sk, (unsigned)i);
		if (config_setting_type(e) != CONFIG_TYPE_STRING)
			return fail(L, e, NULL, "must be a queue name (got %s)", type_name(e));
		long q = cc_scenario_queue_index(scn, config_setting_get_string(e));
		if (q < 0)
			return no_queue(L, e, NULL, scn, config_setting_get_string(e));
		for (size_t j = 0; j < i; j++)
			if (g->skills[j] == (size_t)q)
				return fail(L, e, NULL, "\"%s\" is listed twice", config_setting_get_string(e));
		g->skills[i] = (size_t)q;
	}
	return CC_OK;
}

/* "a, b": the names of the first N profiles, for messages. */
static void profile_list(const struct cc_scenario *scn, size_t n, char *buf, size_t len)
{
	snprintf(buf, len, "%s", n ? "" : "none: declare them in routing_profiles = ( ... )");
	for (size_t i = 0; i < n; i++)
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", i ? ", " : "",
		         scn->profiles[i].name);
}

/*
 * The group's routing: routing_profile (one of the N_DECLARED profiles the scenario names)
 * or skills, which make a profile of the group's own, appended to the scenario's. Either
 * way the group's skills are its profile's queues, in the profile's order.
 */
static enum cc_status load_group_routing(struct loader *L, const config_setting_t *s,
                                         struct cc_scenario *scn, size_t n_declared,
                                         struct cc_group_cfg *g)
{
	int has_skills = config_setting_get_member(s, "skills") != NULL;
	int has_profile = config_setting_get_member(s, "routing_profile") != NULL;
	if (has_skills && has_profile)
		return fail(L, s, "routing_profile", "give skills or routing_profile, not both");
	if (!has_skills && !has_profile)
		return fail(L, s, NULL, "serves no queue: give skills (a list of queues) or "
		            "routing_profile (a routing profile's name)");
	enum cc_status st;
	if (has_skills) {
		if ((st = load_skills(L, s, scn, g)))
			return st;
		struct cc_routing_profile_cfg *p = &scn->profiles[scn->n_profiles];
		p->name = cc_strdup(g->name);
		p->queues = cc_calloc(g->n_skills, sizeof *p->queues);
		p->n_queues = g->n_skills;
		for (size_t i = 0; i < g->n_skills; i++) {
			p->concurrency[scn->queues[g->skills[i]].channel] = 1;
			p->queues[i] = (struct cc_profile_queue_cfg){ .queue = g->skills[i],
			                                              .priority = (int)i + 1, .level = 1 };
		}
		g->routing = scn->n_profiles++;
		return CC_OK;
	}
	const char *name;
	if ((st = get_string(L, s, "routing_profile", 1, &name)))
		return st;
	size_t r = 0;
	while (r < n_declared && strcmp(scn->profiles[r].name, name) != 0)
		r++;
	if (r == n_declared) {
		char list[512];
		profile_list(scn, n_declared, list, sizeof list);
		return fail(L, s, "routing_profile", "no routing profile is named \"%s\" "
		            "(routing_profiles: %s)", name, list);
	}
	const struct cc_routing_profile_cfg *p = &scn->profiles[r];
	g->routing = r;
	g->skills = cc_calloc(p->n_queues, sizeof *g->skills);
	g->n_skills = p->n_queues;
	for (size_t i = 0; i < p->n_queues; i++)
		g->skills[i] = p->queues[i].queue;
	return CC_OK;
}

/* login, login_delay, idle_reason and acw_limit. */
static enum cc_status load_login(struct loader *L, const config_setting_t *s,
                                 const struct cc_scenario *scn, struct cc_group_cfg *g)
{
	if (scn->n_statuses)
		g->idle_status = CC_AGENT_FIRST_NPT;
	enum cc_status st;
	if ((st = get_status(L, s, "login", 0, scn, 1, &g->login_status)) ||
	    (st = get_dist(L, s, "login_delay", 0, &g->login_delay, NULL)) ||
	    (st = get_status(L, s, "idle_reason", 0, scn, 0, &g->idle_status)) ||
	    (st = get_duration(L, s, "acw_limit", 0, &g->acw_limit_s)))
		return st;
	if (!(g->acw_limit_s > 0))
		return fail(L, s, "acw_limit", "must be positive (leave it out for no limit)");
	return CC_OK;
}

/* { status = "Lunch"; at = "12h"; window = "2h"; share = 1.0; duration = { ... }; } */
static enum cc_status load_planned_one(struct loader *L, const config_setting_t *e,
                                       const struct cc_scenario *scn, struct cc_planned_cfg *p)
{
	static const char *const keys[] = { "status", "at", "after", "window", "share",
	                                    "duration", NULL };
	enum cc_status st;
	if ((st = check_keys(L, e, keys)) || (st = get_status(L, e, "status", 1, scn, 0, &p->status)))
		return st;
	int has_at = config_setting_get_member(e, "at") != NULL;
	p->after_login = config_setting_get_member(e, "after") != NULL;
	if (has_at && p->after_login)
		return fail(L, e, "after", "give at (from time 0) or after (from each shift's start), "
		            "not both");
	if (!has_at && !p->after_login)
		return fail(L, e, NULL, "needs at (from time 0) or after (from each shift's start)");
	p->share = 1;
	if ((st = p->after_login ? get_duration(L, e, "after", 1, &p->at_s)
	                         : get_time(L, e, "at", 1, &p->at_s)) ||
	    (st = get_duration(L, e, "window", 0, &p->window_s)) ||
	    (st = get_share(L, e, "share", &p->share)))
		return st;
	return get_dist(L, e, "duration", 1, &p->duration, NULL);
}

static enum cc_status load_planned(struct loader *L, const config_setting_t *s,
                                   const struct cc_scenario *scn, struct cc_group_cfg *g)
{
	const config_setting_t *list;
	size_t n;
	enum cc_status st = optional_list(L, s, "planned", &list, &n);
	if (st || n == 0)
		return st;
	g->planned = cc_calloc(n, sizeof *g->planned);
	g->n_planned = n;
	for (size_t i = 0; i < n && !st; i++)
		st = load_planned_one(L, config_setting_get_elem(list, (unsigned)i), scn, &g->planned[i]);
	return st;
}

/* { status = "Break"; per_hour = 0.3; duration = { ... }; } */
static enum cc_status load_unplanned(struct loader *L, const config_setting_t *s,
                                     const struct cc_scenario *scn, struct cc_group_cfg *g)
{
	static const char *const keys[] = { "status", "per_hour", "duration", NULL };
	const config_setting_t *list;
	size_t n;
	enum cc_status st = optional_list(L, s, "unplanned", &list, &n);
	if (st || n == 0)
		return st;
	g->unplanned = cc_calloc(n, sizeof *g->unplanned);
	g->n_unplanned = n;
	for (size_t i = 0; i < n && !st; i++) {
		const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		struct cc_unplanned_cfg *u = &g->unplanned[i];
		if (!(st = check_keys(L, e, keys)) &&
		    !(st = get_status(L, e, "status", 1, scn, 0, &u->status)) &&
		    !(st = get_per_hour(L, e, "per_hour", 1, 0, &u->per_hour)))
			st = get_dist(L, e, "duration", 1, &u->duration, NULL);
	}
	return st;
}

/* answer = { delay = { ... }; miss = 0.02; away = { per_hour = 0.5; duration = { ... }; }; } */
static enum cc_status load_answer(struct loader *L, const config_setting_t *s,
                                  struct cc_answer_cfg *a)
{
	static const char *const keys[] = { "delay", "miss", "away", NULL };
	static const char *const away_keys[] = { "per_hour", "duration", NULL };
	const config_setting_t *m = config_setting_get_member(s, "answer");
	if (!m)
		return CC_OK;
	enum cc_status st;
	if ((st = check_keys(L, m, keys)) || (st = get_dist(L, m, "delay", 0, &a->delay, NULL)) ||
	    (st = get_share(L, m, "miss", &a->miss)))
		return st;
	const config_setting_t *away = config_setting_get_member(m, "away");
	if (!away)
		return CC_OK;
	if ((st = check_keys(L, away, away_keys)) ||
	    (st = get_per_hour(L, away, "per_hour", 1, 0, &a->away_per_hour)))
		return st;
	return get_dist(L, away, "duration", 1, &a->away, NULL);
}

/* rona = { reaction = { ... }; available = 0.7; idle = { ... }; } */
static enum cc_status load_rona(struct loader *L, const config_setting_t *s,
                                struct cc_group_cfg *g)
{
	static const char *const keys[] = { "reaction", "available", "idle", NULL };
	const config_setting_t *m = config_setting_get_member(s, "rona");
	if (!m)
		return CC_OK;
	enum cc_status st;
	if ((st = check_keys(L, m, keys)) ||
	    (st = get_dist(L, m, "reaction", 0, &g->rona.reaction, NULL)) ||
	    (st = get_share(L, m, "available", &g->rona.available)) ||
	    (st = get_dist(L, m, "idle", 0, &g->rona.idle, NULL)))
		return st;
	if (g->rona.available < 1 && g->idle_status < 0)
		return fail(L, m, "available", "agents who do not choose Available go to the idle "
		            "reason: name statuses (and idle_reason)");
	return CC_OK;
}

/* outbound = { per_hour = 2; from = "10h"; until = "12h"; status = "Outbound"; ... } */
static enum cc_status load_outbound(struct loader *L, const config_setting_t *s,
                                    const struct cc_scenario *scn, struct cc_group_cfg *g)
{
	static const char *const keys[] = { "per_hour", "from", "until", "status", "reach", "dial",
	                                    "handle", "acw", "available_after", "idle_after", NULL };
	struct cc_outbound_cfg *o = &g->outbound;
	const config_setting_t *m = config_setting_get_member(s, "outbound");
	if (!m)
		return CC_OK;
	enum cc_status st;
	if ((st = check_keys(L, m, keys)) || (st = get_per_hour(L, m, "per_hour", 0, 1, &o->per_hour)) ||
	    (st = get_time(L, m, "from", 0, &o->from_s)) ||
	    (st = get_time(L, m, "until", 0, &o->until_s)))
		return st;
	if (!(o->until_s > o->from_s))
		return fail(L, m, "until", "must be after from");
	int has_handle = 0;
	if ((st = get_status(L, m, "status", 0, scn, 0, &o->status)) ||
	    (st = get_share(L, m, "reach", &o->reach)) ||
	    (st = get_dist(L, m, "dial", 0, &o->dial, NULL)) ||
	    (st = get_dist(L, m, "handle", o->per_hour > 0, &o->handle, &has_handle)) ||
	    (st = get_dist(L, m, "acw", 0, &o->acw, NULL)) ||
	    (st = get_bool(L, m, "available_after", &o->available_after)) ||
	    (st = get_dist(L, m, "idle_after", 0, &o->idle_after, NULL)))
		return st;
	if (has_handle && !(o->handle.mean > 0))
		return fail(L, m, "handle", "must have a positive mean (calls take time)");
	if (!o->available_after && o->status < 0 && g->idle_status < 0)
		return fail(L, m, "available_after", "agents who stay idle after an outdial need a "
		            "status to stay in: set status, or name statuses (and idle_reason)");
	return CC_OK;
}

static enum cc_status load_group(struct loader *L, const config_setting_t *s,
                                 struct cc_scenario *scn, size_t n_declared,
                                 struct cc_group_cfg *g)
{
	static const char *const keys[] = { "name", "region", "count", "shifts", "profile",
	                                    "skills", "routing_profile", "login", "login_delay",
	                                    "idle_reason", "acw_limit", "planned", "unplanned",
	                                    "answer", "rona", "outbound", "description", NULL };
	group_defaults(g);
	enum cc_status st = check_keys(L, s, keys);
	const char *name;
	if (st || (st = get_name(L, s, 1, &name)))
		return st;
	g->name = cc_strdup(name);
	/* In the first site unless told otherwise. */
	if (config_setting_get_member(s, "region") && (st = get_site(L, s, "region", scn, &g->region)))
		return st;
	if ((st = load_schedule(L, s, scn, g)) ||
	    (st = load_group_routing(L, s, scn, n_declared, g)) ||
	    (st = load_login(L, s, scn, g)) || (st = load_planned(L, s, scn, g)) ||
	    (st = load_unplanned(L, s, scn, g)) || (st = load_answer(L, s, &g->answer)) ||
	    (st = load_rona(L, s, g)) || (st = load_outbound(L, s, scn, g)))
		return st;
	return CC_OK;
}

/* ---- quick connects and regions, once queues and groups are loaded ---- */

/* The queue named at KEY of quick connect E of queue SELF: another queue, of its channel. */
static enum cc_status transfer_queue(struct loader *L, const config_setting_t *e,
                                     const char *key, const struct cc_scenario *scn,
                                     size_t self, long *out)
{
	const char *name;
	enum cc_status st = get_string(L, e, key, 1, &name);
	if (st)
		return st;
	long t = cc_scenario_queue_index(scn, name);
	if (t < 0)
		return no_queue(L, e, key, scn, name);
	if ((size_t)t == self)
		return fail(L, e, key, "\"%s\" is the queue itself: a queue may not transfer to itself",
		            name);
	enum cc_channel ch = scn->queues[self].channel;
	if (scn->queues[t].channel != ch)
		return fail(L, e, key, "queue \"%s\" is a %s queue: a transfer stays on its channel "
		            "(this is a %s queue)", name, channel_names[scn->queues[t].channel],
		            channel_names[ch]);
	*out = t;
	return CC_OK;
}

/* The group named by quick connect E of queue SELF: its routing profile handles the queue's
 * channel, and it has the agent named, if any. */
static enum cc_status transfer_group(struct loader *L, const config_setting_t *e,
                                     const struct cc_scenario *scn, size_t self,
                                     struct cc_quick_connect_cfg *qc)
{
	const char *name;
	enum cc_status st = get_string(L, e, "group", 1, &name);
	if (st)
		return st;
	long g = group_index(scn, scn->n_groups, name);
	if (g < 0)
		return no_group(L, e, "group", scn, scn->n_groups, name);
	const struct cc_group_cfg *gr = &scn->groups[g];
	const struct cc_routing_profile_cfg *p = &scn->profiles[gr->routing];
	enum cc_channel ch = scn->queues[self].channel;
	if (!p->concurrency[ch])
		return fail(L, e, "group", "group \"%s\" handles no %s (its routing profile %s has no "
		            "concurrency.%s): it could not take this %s queue's contacts", name,
		            channel_names[ch], p->name, channel_names[ch], channel_names[ch]);
	if (qc->agent >= gr->count)
		return fail(L, e, "agent", "must be below the group's %d agents (0 is its first; got "
		            "%d)", gr->count, qc->agent);
	qc->target = g;
	if (config_setting_get_member(e, "fallback"))
		return transfer_queue(L, e, "fallback", scn, self, &qc->fallback);
	return CC_OK;
}

/* Resolves the queues and groups each quick connect names (LIST: the queues' settings). */
static enum cc_status link_transfers(struct loader *L, const config_setting_t *list,
                                     struct cc_scenario *scn)
{
	for (size_t i = 0; i < scn->n_lines; i++) {
		struct cc_queue_cfg *q = &scn->queues[i];
		if (!q->n_transfers)
			continue;
		const config_setting_t *to = config_setting_get_member(
			config_setting_get_member(config_setting_get_elem(list, (unsigned)i), "transfer"),
			"to");
		for (size_t k = 0; k < q->n_transfers; k++) {
			const config_setting_t *e = config_setting_get_elem(to, (unsigned)k);
			struct cc_quick_connect_cfg *qc = &q->transfers[k];
			enum cc_status st = CC_OK;
			if (qc->kind == CC_TRANSFER_QUEUE)
				st = transfer_queue(L, e, "queue", scn, i, &qc->target);
			else if (qc->kind == CC_TRANSFER_AGENT)
				st = transfer_group(L, e, scn, i, qc);
			if (st)
				return st;
		}
	}
	return CC_OK;
}

/*
 * Makes every queue exist in every region: queue LINE of region R at R * n_lines + LINE.
 * Region 0 keeps the queues as loaded; the other regions' copies (replicas) share their
 * name, arrays and distributions, with a label and an array of quick connects of their own
 * (whose queues are in the copy's region, as is its callback queue). With several regions
 * every queue is labelled "<queue>@<site>". Routing profiles' queues and groups' skills stay lines:
 * the model serves them in the region the group is in at the time.
 */
static void expand_regions(struct cc_scenario *scn)
{
	size_t lines = scn->n_lines, n = scn->regions.n;
	if (n > 1)
		scn->queues = cc_realloc(scn->queues, lines * n, sizeof *scn->queues);
	/* Region 0 last, so that its names are still the written ones while they are copied. */
	for (size_t r = n; r-- > 0;)
		for (size_t line = 0; line < lines; line++) {
			struct cc_queue_cfg *q = &scn->queues[r * lines + line];
			const struct cc_queue_cfg *orig = &scn->queues[line];
			char *label = orig->label;
			if (n > 1) {
				size_t len = strlen(orig->name) + strlen(scn->regions.names[r]) + 2;
				label = cc_malloc(len);
				snprintf(label, len, "%s@%s", orig->name, scn->regions.names[r]);
			}
			if (r > 0) {
				*q = *orig;
				q->replica = 1;
				if (orig->n_transfers) {
					q->transfers = cc_calloc(orig->n_transfers, sizeof *q->transfers);
					memcpy(q->transfers, orig->transfers,
					       orig->n_transfers * sizeof *q->transfers);
				}
			} else if (n > 1) {
				cc_free(q->label);
			}
			q->label = label;
			q->line = line;
			q->region = r;
			size_t base = r * lines;
			if (q->callback.queue >= 0)
				q->callback.queue += (long)base;
			for (size_t k = 0; k < q->n_transfers; k++) {
				struct cc_quick_connect_cfg *qc = &q->transfers[k];
				if (qc->kind == CC_TRANSFER_QUEUE)
					qc->target += (long)base;
				if (qc->fallback >= 0)
					qc->fallback += (long)base;
			}
		}
	scn->n_queues = lines * n;
}

/* ---- routing ---- */

/* routing = { policy = "longest_idle"; idle_timer = "activity"; } */
static enum cc_status load_routing(struct loader *L, const config_setting_t *root,
                                   struct cc_scenario *scn)
{
	static const char *const keys[] = { "policy", "idle_timer", NULL };
	const config_setting_t *s = config_setting_get_member(root, "routing");
	const char *policy = CC_POLICY_DEFAULT, *timer = "activity";
	enum cc_status st;
	if (s && ((st = check_keys(L, s, keys)) || (st = get_string(L, s, "policy", 0, &policy)) ||
	          (st = get_string(L, s, "idle_timer", 0, &timer))))
		return st;
	if (!cc_policy_find(policy)) {
		size_t n;
		const struct cc_policy *const *all = cc_policies(&n);
		char list[512] = "";
		for (size_t i = 0; i < n; i++)
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "",
			         all[i]->name);
		return fail(L, s ? s : root, "policy", "unknown policy \"%s\" (expected one of: %s)",
		            policy, list);
	}
	if (strcmp(timer, "activity") == 0)
		scn->routing.idle_inbound = 0;
	else if (strcmp(timer, "inbound") == 0)
		scn->routing.idle_inbound = 1;
	else
		return fail(L, s, "idle_timer", "unknown idle timer \"%s\" (expected activity or "
		            "inbound)", timer);
	scn->routing.policy = cc_strdup(policy);
	return CC_OK;
}

/* concurrency = { voice = 1; chat = 3; }: channels not named are not handled. */
static enum cc_status load_concurrency(struct loader *L, const config_setting_t *s,
                                       struct cc_routing_profile_cfg *p)
{
	config_setting_t *m;
	enum cc_status st = member(L, s, "concurrency", 1, &m);
	if (st)
		return st;
	const char *names[CC_CHANNEL_COUNT + 1] = { NULL };
	for (int c = 0; c < CC_CHANNEL_COUNT; c++)
		names[c] = channel_names[c];
	if ((st = check_keys(L, m, names)))
		return st;
	if (config_setting_length(m) == 0)
		return fail(L, m, NULL, "must give at least one channel, e.g. { voice = 1; chat = 3; }");
	for (int c = 0; c < CC_CHANNEL_COUNT; c++) {
		const config_setting_t *e = config_setting_get_member(m, channel_names[c]);
		if (!e)
			continue;
		int t = config_setting_type(e);
		if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64)
			return fail(L, e, NULL, "must be a whole number (got %s)", type_name(e));
		long long v = config_setting_get_int64(e);
		int max = cc_channel_max_concurrency((enum cc_channel)c);
		if ((v < 1 || v > max) && max == 1)
			return fail(L, e, NULL, "must be 1: an agent handles one %s contact at a time "
			            "(got %lld; leave the channel out to handle none)", channel_names[c], v);
		if (v < 1 || v > max)
			return fail(L, e, NULL, "must be from 1 to %d: an agent handles at most %d %s "
			            "contacts at a time (got %lld; leave the channel out to handle none)",
			            max, max, channel_names[c], v);
		p->concurrency[c] = (int)v;
	}
	return CC_OK;
}

/* One of a profile's queues: "billing", or { queue = "sales"; priority = 1; delay = "30s";
 * level = 5; }. The first I queues of P are loaded already. */
static enum cc_status load_profile_queue(struct loader *L, const config_setting_t *e,
                                         const struct cc_scenario *scn,
                                         struct cc_routing_profile_cfg *p, size_t i)
{
	static const char *const keys[] = { "queue", "priority", "delay", "level", NULL };
	struct cc_profile_queue_cfg *pq = &p->queues[i];
	long long priority = 1, level = 1;
	const char *name, *key = NULL;
	enum cc_status st;
	if (config_setting_type(e) == CONFIG_TYPE_STRING) {
		name = config_setting_get_string(e);
	} else if (config_setting_type(e) == CONFIG_TYPE_GROUP) {
		key = "queue";
		if ((st = check_keys(L, e, keys)) || (st = get_string(L, e, "queue", 1, &name)) ||
		    (st = get_whole(L, e, "priority", 0, 1, MAX_PRIORITY, &priority)) ||
		    (st = get_duration(L, e, "delay", 0, &pq->delay_s)) ||
		    (st = get_whole(L, e, "level", 0, 1, MAX_LEVEL, &level)))
			return st;
	} else {
		return fail(L, e, NULL, "must be a queue name or a group { queue = \"...\"; "
		            "priority = 1; } (got %s)", type_name(e));
	}
	pq->priority = (int)priority;
	pq->level = (int)level;
	long q = cc_scenario_queue_index(scn, name);
	if (q < 0)
		return no_queue(L, e, key, scn, name);
	pq->queue = (size_t)q;
	for (size_t j = 0; j < i; j++)
		if (p->queues[j].queue == pq->queue)
			return fail(L, e, NULL, "queue \"%s\" is listed twice", name);
	enum cc_channel ch = scn->queues[q].channel;
	if (!p->concurrency[ch])
		return fail(L, e, NULL, "queue \"%s\" is a %s queue and the profile handles no %s "
		            "(give concurrency.%s)", name, channel_names[ch], channel_names[ch],
		            channel_names[ch]);
	return CC_OK;
}

static enum cc_status load_routing_profile(struct loader *L, const config_setting_t *s,
                                           const struct cc_scenario *scn,
                                           struct cc_routing_profile_cfg *p)
{
	static const char *const keys[] = { "name", "concurrency", "cross_channel", "queues",
	                                    "description", NULL };
	enum cc_status st = check_keys(L, s, keys);
	const char *name;
	if (st || (st = get_name(L, s, 1, &name)))
		return st;
	p->name = cc_strdup(name);
	config_setting_t *list;
	if ((st = load_concurrency(L, s, p)) || (st = get_bool(L, s, "cross_channel", &p->cross_channel)) ||
	    (st = member(L, s, "queues", 1, &list)))
		return st;
	int t = config_setting_type(list);
	if (t != CONFIG_TYPE_LIST && t != CONFIG_TYPE_ARRAY)
		return fail(L, list, NULL, "must be a list of queues ( \"a\", { queue = \"b\"; "
		            "priority = 2; } ) (got %s)", type_name(list));
	size_t n = (size_t)config_setting_length(list);
	if (n == 0)
		return fail(L, list, NULL, "must name at least one queue");
	p->queues = cc_calloc(n, sizeof *p->queues);
	p->n_queues = n;
	for (size_t i = 0; i < n; i++)
		if ((st = load_profile_queue(L, config_setting_get_elem(list, (unsigned)i), scn, p, i)))
			return st;
	return CC_OK;
}

/* routing_profiles = ( { ... }, ... ): the scenario's own profiles, into the first entries
 * of scn->profiles (whose room the caller has made). */
static enum cc_status load_routing_profiles(struct loader *L, const config_setting_t *root,
                                            struct cc_scenario *scn)
{
	const config_setting_t *list;
	size_t n;
	enum cc_status st = optional_list(L, root, "routing_profiles", &list, &n);
	for (size_t i = 0; !st && i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		struct cc_routing_profile_cfg *p = &scn->profiles[scn->n_profiles++];
		if ((st = load_routing_profile(L, e, scn, p)))
			break;
		for (size_t j = 0; j < i; j++)
			if (strcmp(scn->profiles[j].name, p->name) == 0)
				return fail(L, e, "name", "another routing profile is already named \"%s\"",
				            p->name);
	}
	return st;
}

/* A non-empty list of groups at KEY of the root. */
static enum cc_status get_list(struct loader *L, const config_setting_t *root, const char *key,
                               config_setting_t **out, size_t *n)
{
	enum cc_status st = member(L, root, key, 1, out);
	if (st)
		return st;
	int t = config_setting_type(*out);
	if (t != CONFIG_TYPE_LIST)
		return fail(L, *out, NULL, "must be a list ( { ... }, { ... } ) (got %s)",
		            type_name(*out));
	*n = (size_t)config_setting_length(*out);
	if (*n == 0)
		return fail(L, *out, NULL, "must have at least one entry");
	return CC_OK;
}

static enum cc_status load_root(struct loader *L, const config_setting_t *root,
                                struct cc_scenario *scn)
{
	static const char *const keys[] = { "name", "description", "seed", "start", "horizon",
	                                    "warmup", "interval", "replications", "statuses", "channels",
	                                    "routing", "regions", "queues", "routing_profiles",
	                                    "agents", "output", NULL };
	enum cc_status st = check_keys(L, root, keys);
	const char *name;
	long long seed = 1, reps = 10;
	if (st || (st = get_name(L, root, 0, &name)))
		return st;
	scn->name = cc_strdup(name);
	if ((st = get_whole(L, root, "seed", 0, 0, INT64_MAX, &seed)) ||
	    (st = get_whole(L, root, "replications", 0, 1, 100000, &reps)) ||
	    (st = get_duration(L, root, "horizon", 1, &scn->horizon_s)))
		return st;
	scn->seed = (uint64_t)seed;
	scn->replications = (int)reps;
	scn->interval_s = 1800;
	if ((st = get_duration(L, root, "warmup", 0, &scn->warmup_s)) ||
	    (st = get_duration(L, root, "interval", 0, &scn->interval_s)) ||
	    (st = get_start(L, root, scn)))
		return st;
	if (!(scn->horizon_s > 0))
		return fail(L, root, "horizon", "must be positive");
	if (scn->warmup_s >= scn->horizon_s)
		return fail(L, root, "warmup", "must be shorter than the horizon");
	if (!(scn->interval_s > 0))
		return fail(L, root, "interval", "must be positive");
	if (scn->horizon_s / scn->interval_s > MAX_INTERVALS)
		return fail(L, root, "interval", "gives more than %.0f intervals over the horizon",
		            MAX_INTERVALS);
	/* Agent groups name statuses and sites, so these come first. */
	if ((st = load_statuses(L, root, scn)) || (st = load_channels(L, root, scn)) ||
	    (st = load_routing(L, root, scn)) || (st = load_regions(L, root, scn)))
		return st;

	config_setting_t *list;
	/* The queues as written: the lines, which are every region's queues until the regions
	 * are expanded at the end. Until then names are the written ones, so that settings can
	 * name queues. */
	if ((st = get_list(L, root, "queues", &list, &scn->n_queues)))
		return st;
	scn->n_lines = scn->n_queues;
	scn->queues = cc_calloc(scn->n_queues, sizeof *scn->queues);
	for (size_t i = 0; i < scn->n_queues; i++) {
		const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		if ((st = load_queue(L, e, scn->interval_s, &scn->queues[i])))
			return st;
		for (size_t j = 0; j < i; j++)
			if (strcmp(scn->queues[j].name, scn->queues[i].name) == 0)
				return fail(L, e, "name",
				            "another queue is already named \"%s\"", scn->queues[i].name);
	}
	if ((st = link_callbacks(L, list, scn)))
		return st;
	/* Room for the declared profiles, then one per group (those giving skills). */
	const config_setting_t *plist;
	config_setting_t *glist;
	size_t n_declared, n_groups;
	if ((st = optional_list(L, root, "routing_profiles", &plist, &n_declared)) ||
	    (st = get_list(L, root, "agents", &glist, &n_groups)))
		return st;
	scn->profiles = cc_calloc(n_declared + n_groups, sizeof *scn->profiles);
	if ((st = load_routing_profiles(L, root, scn)))
		return st;
	scn->groups = cc_calloc(n_groups, sizeof *scn->groups);
	scn->n_groups = n_groups;
	for (size_t i = 0; i < scn->n_groups; i++) {
		const config_setting_t *e = config_setting_get_elem(glist, (unsigned)i);
		if ((st = load_group(L, e, scn, n_declared, &scn->groups[i])))
			return st;
		for (size_t j = 0; j < i; j++)
			if (strcmp(scn->groups[j].name, scn->groups[i].name) == 0)
				return fail(L, e, "name",
				            "another agent group is already named \"%s\"", scn->groups[i].name);
	}
	if ((st = link_transfers(L, list, scn)))
		return st;
	for (size_t q = 0; q < scn->n_lines; q++) {
		int served = 0;
		for (size_t g = 0; g < scn->n_groups; g++)
			for (size_t s = 0; s < scn->groups[g].n_skills; s++)
				served |= scn->groups[g].skills[s] == q;
		if (!served)
			return fail(L, config_setting_get_elem(config_setting_get_member(root, "queues"),
			                                       (unsigned)q),
			            NULL, "queue \"%s\" is in no agent group's skills or routing profile: "
			            "nobody would answer it",
			            scn->queues[q].name);
	}
	if ((st = load_changes(L, root, scn)))
		return st;
	expand_regions(scn);

	config_setting_t *out = config_setting_get_member(root, "output");
	if (out) {
		static const char *const okeys[] = { "replications", "contact_records", "agent_events",
		                                     NULL };
		const char *per = NULL;
		if ((st = check_keys(L, out, okeys)) || (st = get_string(L, out, "replications", 0, &per)) ||
		    (st = get_bool(L, out, "contact_records", &scn->contact_records)) ||
		    (st = get_bool(L, out, "agent_events", &scn->agent_events)))
			return st;
		if (per && strcmp(per, "intervals") == 0)
			scn->rep_intervals = 1;
		else if (per && strcmp(per, "totals") != 0)
			return fail(L, out, "replications",
			            "must be \"totals\" (each replication's figures over the whole horizon) "
			            "or \"intervals\" (also per interval) (got \"%s\")",
			            per);
	}
	return CC_OK;
}

/* ---- plausibility: what loads but is almost surely mistyped ---- */

/* Means beyond this (handle, ACW, patience) are milliseconds or minutes typed as seconds. */
#define PLAUSIBLE_MEAN_S (4 * 3600.0)
/* Offer timeouts outside these bounds: milliseconds typed as seconds, or the reverse. */
#define PLAUSIBLE_TIMEOUT_MIN_S 1.0
#define PLAUSIBLE_TIMEOUT_MAX_S 3600.0
/* Offered load above this many times the agents who could take it. */
#define PLAUSIBLE_LOAD 2.0

/* The setting at PATH ("queues.[0]"), or the root when it is not written. */
static const config_setting_t *at(const config_t *cfg, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static const config_setting_t *at(const config_t *cfg, const char *fmt, ...)
{
	char path[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(path, sizeof path, fmt, ap);
	va_end(ap);
	const config_setting_t *s = config_lookup(cfg, path);
	return s ? s : config_root_setting(cfg);
}

/* The highest rate of queue Q, contacts an hour. */
static double peak_rate(const struct cc_queue_cfg *q)
{
	double rate = 0;
	for (size_t i = 0; i < q->n_rates; i++)
		rate = fmax(rate, q->per_hour[i]);
	return rate;
}

static void plausible_queues(struct loader *L, const config_t *cfg, const struct cc_scenario *scn)
{
	for (size_t i = 0; i < scn->n_lines; i++) {
		const struct cc_queue_cfg *q = &scn->queues[i];
		struct { const char *key; const struct cc_dist *d; int used; } means[] = {
			{ "handle", &q->handle, 1 },
			{ "acw", &q->acw, 1 },
			{ "patience", &q->patience, q->has_patience },
		};
		for (size_t k = 0; k < sizeof means / sizeof means[0]; k++) {
			if (!means[k].used || !(means[k].d->mean > PLAUSIBLE_MEAN_S))
				continue;
			/* Named at the distribution's "mean", or its "value", when written. */
			const config_setting_t *d = at(cfg, "queues.[%zu].%s", i, means[k].key);
			const char *key = config_setting_get_member(d, "mean") ? "mean"
			                : config_setting_get_member(d, "value") ? "value" : NULL;
			warn(L, d, key, "a mean of %.0f s (%.1f h) is longer than any %s a contact center "
			     "sees (minutes or milliseconds typed as seconds?)", means[k].d->mean,
			     means[k].d->mean / 3600, means[k].key);
		}
		/* Deferrable contacts may well be due after the horizon (an email within a day). */
		if (q->sl_threshold_s > scn->horizon_s && !cc_channel_deferrable(q->channel))
			warn(L, at(cfg, "queues.[%zu]", i), "service_level.threshold",
			     "%.0f s is longer than the horizon (%.0f s): every answered contact meets it",
			     q->sl_threshold_s, scn->horizon_s);
	}
}

static void plausible_channels(struct loader *L, const config_t *cfg, const struct cc_scenario *scn)
{
	for (int c = 0; c < CC_CHANNEL_COUNT; c++) {
		int used = 0;
		for (size_t i = 0; i < scn->n_lines; i++)
			used |= scn->queues[i].channel == (enum cc_channel)c;
		if (!used)
			continue;
		double t = scn->channels[c].offer_timeout_s;
		if (t < PLAUSIBLE_TIMEOUT_MIN_S || t > PLAUSIBLE_TIMEOUT_MAX_S)
			warn(L, at(cfg, "channels.%s", channel_names[c]), "offer_timeout",
			     "an offer that rings for %g s (%s) is %s", t,
			     t < PLAUSIBLE_TIMEOUT_MIN_S ? "under a second" : "over an hour",
			     t < PLAUSIBLE_TIMEOUT_MIN_S ? "missed by nearly every agent, and re-offered "
			     "as often (milliseconds typed as seconds?)" : "never missed in practice (a "
			     "unit slip?)");
		/* Load on the channel against the agents who could take it at once. */
		double load = 0, capacity = 0, most = 0;
		size_t busiest = 0;
		for (size_t i = 0; i < scn->n_lines; i++) {
			const struct cc_queue_cfg *q = &scn->queues[i];
			double erlangs = peak_rate(q) * (q->handle.mean + q->acw.mean) / 3600;
			if (q->channel != (enum cc_channel)c)
				continue;
			load += erlangs;
			if (erlangs > most)
				most = erlangs, busiest = i;
		}
		for (size_t g = 0; g < scn->n_groups; g++)
			capacity += (double)scn->groups[g].count *
			            scn->profiles[scn->groups[g].routing].concurrency[c];
		if (load > PLAUSIBLE_LOAD * capacity && capacity > 0)
			warn(L, at(cfg, "queues.[%zu]", busiest), NULL,
			     "the peak offered load of the %s queues, %.1f erlangs (this one %.1f), is more "
			     "than %.0f times what all their agents can hold at once (%.0f): a handle time "
			     "or a rate in the wrong unit, or agents missing?", channel_names[c], load, most,
			     PLAUSIBLE_LOAD, capacity);
	}
	for (size_t g = 0; g < scn->n_groups; g++) {
		const struct cc_group_cfg *grp = &scn->groups[g];
		const struct cc_routing_profile_cfg *prof = &scn->profiles[grp->routing];
		for (int c = 0; c < CC_CHANNEL_COUNT; c++)
			if (prof->concurrency[c] && grp->answer.delay.mean > scn->channels[c].offer_timeout_s) {
				warn(L, at(cfg, "agents.[%zu]", g), "answer.delay",
				     "a mean answer delay of %g s is longer than the %s offer timeout (%g s): "
				     "most offers will be missed", grp->answer.delay.mean, channel_names[c],
				     scn->channels[c].offer_timeout_s);
				break;
			}
	}
}

/* Warnings, after a successful load, about what is almost surely mistyped. */
static void plausibility(struct loader *L, const config_t *cfg, struct cc_scenario *scn)
{
	plausible_queues(L, cfg, scn);
	plausible_channels(L, cfg, scn);
}

/* ---- overrides: --set PATH=VALUE ---- */

static void copy_value(config_setting_t *dst, const config_setting_t *src);

/* Adds a copy of SRC to container PARENT under NAME (NULL inside lists and arrays). */
static config_setting_t *add_copy(config_setting_t *parent, const char *name,
                                  const config_setting_t *src)
{
	config_setting_t *dst = config_setting_add(parent, name, config_setting_type(src));
	if (dst) {
		config_setting_set_hook(dst, &override_mark);
		copy_value(dst, src);
	}
	return dst;
}

static void copy_value(config_setting_t *dst, const config_setting_t *src)
{
	switch (config_setting_type(src)) {
	case CONFIG_TYPE_INT: config_setting_set_int(dst, config_setting_get_int(src)); break;
	case CONFIG_TYPE_INT64: config_setting_set_int64(dst, config_setting_get_int64(src)); break;
	case CONFIG_TYPE_FLOAT: config_setting_set_float(dst, config_setting_get_float(src)); break;
	case CONFIG_TYPE_BOOL: config_setting_set_bool(dst, config_setting_get_bool(src)); break;
	case CONFIG_TYPE_STRING: config_setting_set_string(dst, config_setting_get_string(src)); break;
	case CONFIG_TYPE_GROUP:
	case CONFIG_TYPE_ARRAY:
	case CONFIG_TYPE_LIST: {
		int group = config_setting_type(src) == CONFIG_TYPE_GROUP;
		for (int i = 0; i < config_setting_length(src); i++) {
			const config_setting_t *e = config_setting_get_elem(src, (unsigned)i);
			add_copy(dst, group ? config_setting_name(e) : NULL, e);
		}
		break;
	}
	}
}

/* The element names of list S ("sales, billing"), or "" when its elements have none. */
static void element_names(const config_setting_t *s, char *buf, size_t len)
{
	buf[0] = '\0';
	for (int k = 0; k < config_setting_length(s); k++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)k);
		const char *name;
		if (config_setting_type(e) == CONFIG_TYPE_GROUP &&
		    (config_setting_lookup_string(e, "name", &name) ||
		     config_setting_lookup_string(e, "queue", &name)))
			snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", buf[0] ? ", " : "", name);
	}
}

/*
 * The child of S named by path component C: "[2]" or "2" by position, a member name, or the
 * element of a list of groups whose name setting (or, among a routing profile's queues, queue
 * setting) is C. NULL when there is none, with the reason in WHY when S is a list or array
 * (a missing member of a group may be made).
 */
static config_setting_t *child(config_setting_t *s, const char *c, char *why, size_t len)
{
	int t = config_setting_type(s);
	why[0] = '\0';
	if (t == CONFIG_TYPE_GROUP) {
		config_setting_t *m = config_setting_get_member(s, c);
		if (!m && (c[0] == '[' || isdigit((unsigned char)c[0])))
			snprintf(why, len, "\"%s\" is a position, but there is no list there (a setting "
			         "the scenario does not have: give the whole list, e.g. PATH=( {...} ))", c);
		return m;
	}
	if (t != CONFIG_TYPE_LIST && t != CONFIG_TYPE_ARRAY) {
		snprintf(why, len, "\"%s\" cannot be inside %s", c, type_name(s));
		return NULL;
	}
	int n = config_setting_length(s);
	const char *digits = c[0] == '[' ? c + 1 : c;
	size_t nd = strspn(digits, "0123456789");
	if (nd > 0 && (digits[nd] == '\0' || (c[0] == '[' && digits[nd] == ']' && !digits[nd + 1]))) {
		errno = 0;
		unsigned long long i = strtoull(digits, NULL, 10);
		if (errno == 0 && i < (unsigned long long)n)
			return config_setting_get_elem(s, (unsigned)i);
		if (n == 0)
			snprintf(why, len, "there is no [%.20s]: the list is empty", digits);
		else
			snprintf(why, len, "there is no [%.*s]: the list has %d element%s, [0] to [%d]",
			         (int)(nd > 20 ? 20 : nd), digits, n, n == 1 ? "" : "s", n - 1);
		return NULL;
	}
	for (int k = 0; k < n; k++) {
		config_setting_t *e = config_setting_get_elem(s, (unsigned)k);
		const char *name;
		if (config_setting_type(e) == CONFIG_TYPE_GROUP &&
		    (config_setting_lookup_string(e, "name", &name) ||
		     config_setting_lookup_string(e, "queue", &name)) && strcmp(name, c) == 0)
			return e;
	}
	char names[512];
	element_names(s, names, sizeof names);
	if (names[0])
		snprintf(why, len, "no element named \"%s\" (known: %s; or write a position, [0] to [%d])",
		         c, names, n - 1);
	else
		snprintf(why, len, "\"%s\" is not a position in the list ([0] to [%d])", c, n - 1);
	return NULL;
}

/* Why VALUE cannot be read as a value, into WHY ("mean: 3m is text: ..."); 0 if unknown. */
static int explain_value(const char *value, char *why, size_t len)
{
	size_t n = strlen(value) + 16;
	char *text = cc_malloc(n), raw[256];
	snprintf(text, n, "v = %s\n", value);
	int line = cc_scenario_text_explain(text, raw, sizeof raw);
	cc_free(text);
	if (!line)
		return 0;
	/* The path inside the value: "v.mean: ..." is "mean: ...", "v: ..." is "...". */
	const char *msg = raw;
	if (strncmp(raw, "v.", 2) == 0)
		msg = raw + 2;
	else if (strncmp(raw, "v: ", 3) == 0)
		msg = raw + 3;
	snprintf(why, len, "%s", msg);
	return 1;
}

/* Parses VALUE as a libconfig value: returns 1 when read as written, 2 when read as a string
 * ("200s" without quotes), 0 when it cannot be read. */
static int parse_value(config_t *tmp, const char *value)
{
	size_t n = strlen(value) + 16;
	char *text = cc_malloc(2 * n);
	/* A newline, so that VALUE may end with a comment or its own ';'. */
	snprintf(text, 2 * n, "v = %s\n", value);
	char why[64];
	int ok = !cc_scenario_text_explain(text, why, sizeof why) && config_read_string(tmp, text);
	if (!ok) {
		/* Without quotes, a trailing ';' (as in a file) is not part of the text. */
		size_t len = strlen(value);
		while (len && isspace((unsigned char)value[len - 1]))
			len--;
		if (len && value[len - 1] == ';')
			len--;
		char *p = text + snprintf(text, 2 * n, "v = \"");
		for (const char *v = value; v < value + len; v++) {
			if (*v == '"' || *v == '\\')
				*p++ = '\\';
			*p++ = *v;
		}
		strcpy(p, "\";");
		ok = 2 * config_read_string(tmp, text);
	}
	cc_free(text);
	return ok;
}

static enum cc_status apply_set(config_t *cfg, const char *file, const char *set, char *err,
                                size_t errlen)
{
	const char *eq = strchr(set, '=');
	if (!eq || eq == set) {
		snprintf(err, errlen, "%s: --set %s: expected PATH=VALUE", file, set);
		return CC_ERR_USAGE;
	}
	char *path = cc_malloc((size_t)(eq - set) + 1);
	memcpy(path, set, (size_t)(eq - set));
	path[eq - set] = '\0';
	enum cc_status st = CC_OK;
	config_t tmp;
	config_init(&tmp);
	char why[256];
	int as = parse_value(&tmp, eq + 1);
	const char *first = eq + 1 + strspn(eq + 1, " \t");
	if (as == 2 && strchr("{([", *first) && *first) {
		/* Meant as a group or a list, not as text: say where it goes wrong. */
		if (!explain_value(eq + 1, why, sizeof why))
			snprintf(why, sizeof why, "cannot be read as a value");
		snprintf(err, errlen, "%s: --set %s: %s", file, path, why);
		st = CC_ERR_USAGE;
		goto done;
	}
	if (!as) {
		snprintf(err, errlen, "%s: --set %s: cannot read the value \"%s\"", file, path, eq + 1);
		st = CC_ERR_USAGE;
		goto done;
	}
	/* Text read as written is checked as a file's is (a bare word taken as a string is
	 * text, whatever digits it holds). */
	if (as == 1 && cc_scenario_text_scan(eq + 1, why, sizeof why)) {
		snprintf(err, errlen, "%s: --set %s: %s", file, path, why);
		st = CC_ERR_USAGE;
		goto done;
	}
	const char *rest = as == 1 ? cc_scenario_text_rest(eq + 1) : NULL;
	if (rest) {
		snprintf(err, errlen, "%s: --set %s: one value per --set: \"%s\" would be ignored (give "
		         "it a --set of its own)", file, path, rest);
		st = CC_ERR_USAGE;
		goto done;
	}
	const config_setting_t *value = config_lookup(&tmp, "v");
	config_setting_t *s = config_root_setting(cfg);
	char *save = NULL;
	char *c = strtok_r(path, ".", &save);
	while (c) {
		char *next = strtok_r(NULL, ".", &save);
		char why_not[640];
		config_setting_t *k = child(s, c, why_not, sizeof why_not);
		if (!k && why_not[0]) {
			snprintf(err, errlen, "%s: --set %s: %s", file, set, why_not);
			st = CC_ERR_USAGE;
			break;
		}
		if (!next) {
			if (k && config_setting_name(k)) {
				config_setting_remove(s, config_setting_name(k));
				k = NULL;
			}
			if (k) { /* an element of a list or array: replace it in place */
				int kt = config_setting_type(k), vt = config_setting_type(value);
				config_setting_set_hook(k, &override_mark);
				if (kt == vt) {
					/* A group or list is emptied and filled in place, keeping its position. */
					while ((kt == CONFIG_TYPE_GROUP || kt == CONFIG_TYPE_LIST ||
					        kt == CONFIG_TYPE_ARRAY) && config_setting_length(k) > 0)
						config_setting_remove_elem(k, 0);
					copy_value(k, value);
				} else if (kt == CONFIG_TYPE_FLOAT && (vt == CONFIG_TYPE_INT || vt == CONFIG_TYPE_INT64)) {
					config_setting_set_float(k, (double)config_setting_get_int64(value));
				} else {
					snprintf(err, errlen, "%s: --set %s: the value must have the type of the element it replaces",
					         file, set);
					st = CC_ERR_USAGE;
				}
			} else if (config_setting_type(s) != CONFIG_TYPE_GROUP || !add_copy(s, c, value)) {
				snprintf(err, errlen, "%s: --set %s: no setting \"%s\" can be made there", file,
				         set, c);
				st = CC_ERR_USAGE;
			}
			break;
		}
		if (!k && config_setting_type(s) == CONFIG_TYPE_GROUP) {
			k = config_setting_add(s, c, CONFIG_TYPE_GROUP);
			if (k)
				config_setting_set_hook(k, &override_mark);
		}
		if (!k) {
			snprintf(err, errlen, "%s: --set %s: no setting \"%s\" there", file, set, c);
			st = CC_ERR_USAGE;
			break;
		}
		s = k;
		c = next;
	}
done:
	config_destroy(&tmp);
	cc_free(path);
	return st;
}

/* ---- the file ---- */

static char *read_text(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: cannot open the scenario: %s", path, strerror(errno));
		return NULL;
	}
	size_t cap = 4096, len = 0;
	char *text = cc_malloc(cap);
	size_t n;
	while ((n = fread(text + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len - 1 == 0)
			text = cc_realloc(text, cap *= 2, 1);
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		snprintf(err, errlen, "%s: cannot read the scenario", path);
		cc_free(text);
		return NULL;
	}
	text[len] = '\0';
	return text;
}

enum cc_status cc_scenario_load(const char *path, const char *const *sets, size_t n_sets,
                                struct cc_scenario *scn, char *err, size_t errlen)
{
	memset(scn, 0, sizeof *scn);
	scn->start_s = NAN;
	scn->path = cc_strdup(path);
	scn->text = read_text(path, err, errlen);
	if (!scn->text) {
		cc_scenario_fini(scn);
		return CC_ERR_IO;
	}
	config_t cfg;
	config_init(&cfg);
	enum cc_status st = CC_OK;
	/* libconfig parses the very text that is scanned here and kept for provenance. */
	char why[256];
	int bad_line = cc_scenario_text_scan(scn->text, why, sizeof why);
	if (bad_line) {
		snprintf(err, errlen, "%s:%d: %s", path, bad_line, why);
		st = CC_ERR_SCENARIO;
		goto done;
	}
	/* libconfig reads only text that follows its grammar: it explains errors badly, and
	 * leaks memory on some (libconfig 1.5). */
	if ((bad_line = cc_scenario_text_explain(scn->text, why, sizeof why))) {
		snprintf(err, errlen, "%s:%d: %s", path, bad_line, why);
		st = CC_ERR_SCENARIO;
		goto done;
	}
	if (!config_read_string(&cfg, scn->text)) {
		snprintf(err, errlen, "%s:%d: %s", path, config_error_line(&cfg), config_error_text(&cfg));
		st = CC_ERR_SCENARIO;
		goto done;
	}
	size_t olen = 1;
	for (size_t i = 0; i < n_sets; i++)
		olen += strlen(sets[i]) + 1;
	scn->overrides = cc_calloc(olen, 1);
	for (size_t i = 0; i < n_sets; i++) {
		if ((st = apply_set(&cfg, path, sets[i], err, errlen)))
			goto done;
		strcat(strcat(scn->overrides, sets[i]), "\n");
	}
	struct loader L = { path, err, errlen, scn, NAN };
	if (!(st = load_root(&L, config_root_setting(&cfg), scn)))
		plausibility(&L, &cfg, scn);
done:
	config_destroy(&cfg);
	if (st)
		cc_scenario_fini(scn);
	return st;
}

static void group_fini(struct cc_group_cfg *g)
{
	cc_free(g->name);
	cc_free(g->skills);
	cc_free(g->shifts);
	cc_free(g->profile);
	for (size_t i = 0; i < g->n_planned; i++)
		cc_dist_fini(&g->planned[i].duration);
	for (size_t i = 0; i < g->n_unplanned; i++)
		cc_dist_fini(&g->unplanned[i].duration);
	cc_free(g->planned);
	cc_free(g->unplanned);
	struct cc_dist *dists[] = { &g->login_delay, &g->answer.delay, &g->answer.away,
	                            &g->rona.reaction, &g->rona.idle, &g->outbound.dial,
	                            &g->outbound.handle, &g->outbound.acw, &g->outbound.idle_after };
	for (size_t i = 0; i < sizeof dists / sizeof dists[0]; i++)
		cc_dist_fini(dists[i]);
}

static void regions_fini(struct cc_regions_cfg *r)
{
	for (size_t i = 0; r->names && i < r->n; i++)
		cc_free(r->names[i]);
	cc_free(r->names);
	cc_free(r->shares);
	for (size_t i = 0; i < r->n_changes; i++) {
		cc_free(r->changes[i].shares);
		cc_free(r->changes[i].moves);
	}
	cc_free(r->changes);
	cc_dist_fini(&r->available_after);
	cc_dist_fini(&r->restart_delay);
}

void cc_scenario_fini(struct cc_scenario *scn)
{
	if (!scn)
		return;
	for (size_t i = 0; i < scn->n_queues; i++) {
		struct cc_queue_cfg *q = &scn->queues[i];
		cc_free(q->label);
		/* A region's copy owns its label and its quick connects' array; the rest is its
		 * line's. */
		if (q->replica) {
			cc_free(q->transfers);
			continue;
		}
		for (size_t k = 0; k < q->n_transfers; k++)
			quick_connect_fini(&q->transfers[k]);
		cc_free(q->name);
		cc_free(q->transfers);
		cc_free(q->per_hour);
		cc_dist_fini(&q->handle);
		cc_dist_fini(&q->acw);
		cc_dist_fini(&q->patience);
		cc_free(q->priorities);
		cc_dist_fini(&q->pause.duration);
		cc_dist_fini(&q->dialing.pending);
		cc_dist_fini(&q->dialing.dial);
		cc_free(q->rings);
	}
	for (size_t i = 0; i < scn->n_groups; i++)
		group_fini(&scn->groups[i]);
	for (size_t i = 0; i < scn->n_profiles; i++) {
		cc_free(scn->profiles[i].name);
		cc_free(scn->profiles[i].queues);
	}
	for (int c = 0; c < CC_CHANNEL_COUNT; c++)
		cc_free(scn->channels[c].slowdown);
	regions_fini(&scn->regions);
	cc_free(scn->profiles);
	cc_free(scn->routing.policy);
	for (size_t i = 0; i < scn->n_statuses; i++)
		cc_free(scn->statuses[i]);
	cc_free(scn->queues);
	cc_free(scn->groups);
	cc_free(scn->statuses);
	cc_free(scn->name);
	cc_free(scn->path);
	cc_free(scn->text);
	cc_free(scn->overrides);
	for (size_t i = 0; i < scn->n_warnings; i++)
		cc_free(scn->warnings[i]);
	cc_free(scn->warnings);
	memset(scn, 0, sizeof *scn);
}

long cc_scenario_queue_index(const struct cc_scenario *scn, const char *name)
{
	for (size_t i = 0; i < scn->n_queues; i++)
		if (scn->queues[i].label && strcmp(scn->queues[i].label, name) == 0)
			return (long)i;
	return -1;
}

long cc_scenario_agents(const struct cc_scenario *scn)
{
	long n = 0;
	for (size_t i = 0; i < scn->n_groups; i++)
		n += scn->groups[i].count;
	return n;
}
