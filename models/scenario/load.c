/* Reading settings: the reporting of problems, one setting of each type, and every plain
 * setting of a group by the schema. */
#include "models/scenario/loader.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sim/alloc.h"
#include "sim/duration.h"

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
	else if (cc_load_is_override(s))
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
enum cc_status cc_load_fail(struct loader *L, const config_setting_t *s, const char *key,
                            const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(L, s, key, "", L->err, L->errlen, fmt, ap);
	va_end(ap);
	return CC_ERR_SCENARIO;
}

/* Adds a warning about setting S (or KEY inside it) to the scenario's, worded as cc_load_fail
 * words an error. */
__attribute__((format(printf, 4, 5)))
void cc_load_warn(struct loader *L, const config_setting_t *s, const char *key,
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

const char *cc_load_type_name(const config_setting_t *s)
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

int cc_load_is_number(const config_setting_t *s)
{
	int t = config_setting_type(s);
	return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64 || t == CONFIG_TYPE_FLOAT;
}

double cc_load_number_of(const config_setting_t *s)
{
	if (config_setting_type(s) == CONFIG_TYPE_FLOAT)
		return config_setting_get_float(s);
	return (double)config_setting_get_int64(s);
}

/* Refuses any member of group G not in ALLOWED (NULL-terminated). */
enum cc_status cc_load_keys_named(struct loader *L, const config_setting_t *g,
                                  const char *const *allowed)
{
	if (config_setting_type(g) != CONFIG_TYPE_GROUP)
		return cc_load_fail(L, g, NULL, "must be a group { ... } (got %s)", cc_load_type_name(g));
	/* Free text wherever it is allowed; nothing else reads it. */
	const config_setting_t *d = config_setting_get_member(g, "description");
	if (d && config_setting_type(d) != CONFIG_TYPE_STRING)
		return cc_load_fail(L, d, NULL, "must be a string of free text (got %s)", cc_load_type_name(d));
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
			return cc_load_fail(L, m, NULL, "unknown setting (expected one of: %s)", list);
		}
	}
	return CC_OK;
}

/* Finds KEY in G; a missing required key is an error, a missing optional one is *OUT NULL. */
enum cc_status cc_load_member(struct loader *L, const config_setting_t *g, const char *key,
                              int required, config_setting_t **out)
{
	*out = config_setting_get_member(g, key);
	if (!*out && required)
		return cc_load_fail(L, g, key, "missing (required)");
	return CC_OK;
}

enum cc_status cc_load_string(struct loader *L, const config_setting_t *g, const char *key,
                              int required, const char **out)
{
	config_setting_t *s;
	enum cc_status st = cc_load_member(L, g, key, required, &s);
	if (st || !s)
		return st;
	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return cc_load_fail(L, s, NULL, "must be a string (got %s)", cc_load_type_name(s));
	*out = config_setting_get_string(s);
	return CC_OK;
}

enum cc_status cc_load_number(struct loader *L, const config_setting_t *g, const char *key,
                              int required, double *out)
{
	config_setting_t *s;
	enum cc_status st = cc_load_member(L, g, key, required, &s);
	if (st || !s)
		return st;
	if (!cc_load_is_number(s))
		return cc_load_fail(L, s, NULL, "must be a number (got %s)", cc_load_type_name(s));
	*out = cc_load_number_of(s);
	return CC_OK;
}

/* A whole number from LO to HI (setting S itself: a member, or an element of a list). */
enum cc_status cc_load_whole_of(struct loader *L, const config_setting_t *s, long long lo,
                                long long hi, long long *out)
{
	int t = config_setting_type(s);
	if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64)
		return cc_load_fail(L, s, NULL, "must be a whole number (got %s)", cc_load_type_name(s));
	long long v = config_setting_get_int64(s);
	if (v < lo || v > hi)
		return cc_load_fail(L, s, NULL, "must be from %lld to %lld (got %lld)", lo, hi, v);
	*out = v;
	return CC_OK;
}

enum cc_status cc_load_whole(struct loader *L, const config_setting_t *g, const char *key,
                             int required, long long lo, long long hi, long long *out)
{
	config_setting_t *s;
	enum cc_status st = cc_load_member(L, g, key, required, &s);
	if (st || !s)
		return st;
	return cc_load_whole_of(L, s, lo, hi, out);
}

/* A share at KEY of G, from 0 to 1; *OUT keeps its default when KEY is absent. */
enum cc_status cc_load_share(struct loader *L, const config_setting_t *g, const char *key,
                             double *out)
{
	enum cc_status st = cc_load_number(L, g, key, 0, out);
	if (st)
		return st;
	if (*out >= 2 && *out <= 100)
		return cc_load_fail(L, g, key, "must be a share from 0 to 1 (got %g: a percentage? write %g)",
		                    *out, *out / 100);
	if (!(*out >= 0 && *out <= 1))
		return cc_load_fail(L, g, key, "must be a share from 0 to 1 (got %g)", *out);
	return CC_OK;
}

/* Episodes per logged-in hour at KEY of G: above 0 (or 0 itself when ZERO_OK) and at most
 * MAX_EPISODES_PER_HOUR. *OUT keeps its default when KEY is absent and not REQUIRED. */
static enum cc_status per_hour(struct loader *L, const config_setting_t *g, const char *key,
                               int required, int zero_ok, double max, double *out)
{
	enum cc_status st = cc_load_number(L, g, key, required, out);
	if (st)
		return st;
	if (!(*out > 0 || (zero_ok && *out == 0)) || !(*out <= max))
		return cc_load_fail(L, g, key, "must be %s to %.0f an hour (got %g)",
		                    zero_ok ? "from 0" : "above 0 and up", max, *out);
	return CC_OK;
}

enum cc_status cc_load_bool(struct loader *L, const config_setting_t *g, const char *key,
                            int *out)
{
	config_setting_t *s = config_setting_get_member(g, key);
	if (!s)
		return CC_OK;
	if (config_setting_type(s) != CONFIG_TYPE_BOOL)
		return cc_load_fail(L, s, NULL, "must be true or false (got %s)", cc_load_type_name(s));
	*out = config_setting_get_bool(s);
	return CC_OK;
}

/* A duration: a number of seconds or a string such as "20s", "30m", "1h30m"; 0, or from
 * CC_MIN_DURATION_S to CC_MAX_DURATION_S. */
static enum cc_status duration_of(struct loader *L, const config_setting_t *s, double *out)
{
	double v;
	if (cc_load_is_number(s)) {
		v = cc_load_number_of(s);
		if (!(v >= 0))
			return cc_load_fail(L, s, NULL, "must not be negative (a duration)");
	} else if (config_setting_type(s) == CONFIG_TYPE_STRING) {
		const char *text = config_setting_get_string(s);
		if (text[0] == '-')
			return cc_load_fail(L, s, NULL, "must not be negative (a duration)");
		if (cc_duration_parse(text, &v) != CC_OK)
			return cc_load_fail(L, s, NULL,
			                    "\"%s\" is not a duration (write seconds, or e.g. \"20s\", \"30m\", \"8h\", \"1h30m\")",
			                    text);
	} else {
		return cc_load_fail(L, s, NULL, "must be a duration, seconds or a string like \"20s\" (got %s)",
		                    cc_load_type_name(s));
	}
	if (v > 0 && v < CC_MIN_DURATION_S)
		return cc_load_fail(L, s, NULL, "%g s is shorter than 1 ms, the shortest duration a scenario "
		                    "may set (a timer shorter than that could re-arm faster than the clock tells "
		                    "times apart)", v);
	if (v > CC_MAX_DURATION_S)
		return cc_load_fail(L, s, NULL, "%g s is longer than the longest duration a scenario may set, "
		                    "100 years (%.0f s)", v, CC_MAX_DURATION_S);
	*out = v;
	return CC_OK;
}

enum cc_status cc_load_duration(struct loader *L, const config_setting_t *g, const char *key,
                                int required, double *out)
{
	config_setting_t *s;
	enum cc_status st = cc_load_member(L, g, key, required, &s);
	if (st || !s)
		return st;
	return duration_of(L, s, out);
}

/*
 * A time of the run: a duration from time 0 ("8h"), or, when the scenario has a `start`, a
 * clock time ("09:30"), which is the first such time at or after the start (with start
 * "07:00", "09:30" is 2h30m and "06:00" is 23h).
 */
enum cc_status cc_load_time(struct loader *L, const config_setting_t *g, const char *key,
                            int required, double *out)
{
	config_setting_t *s;
	enum cc_status st = cc_load_member(L, g, key, required, &s);
	if (st || !s)
		return st;
	if (config_setting_type(s) != CONFIG_TYPE_STRING || !strchr(config_setting_get_string(s), ':'))
		return duration_of(L, s, out);
	const char *text = config_setting_get_string(s);
	double clock;
	if (cc_clock_parse(text, &clock) != CC_OK)
		return cc_load_fail(L, s, NULL, "\"%s\" is not a clock time (write \"HH:MM\" or \"HH:MM:SS\", "
		                    "00:00 to 23:59:59)", text);
	if (isnan(L->start_s))
		return cc_load_fail(L, s, NULL, "\"%s\" is a clock time: the scenario needs a start (e.g. "
		                    "start = \"07:00\";) to place it, or write a duration from time 0 (\"8h\")",
		                    text);
	*out = clock - L->start_s;
	if (*out < 0)
		*out += 86400;
	return CC_OK;
}

/* A list or array of numbers (durations when AS_DURATION) into a new array. */
enum cc_status cc_load_vector(struct loader *L, const config_setting_t *s, int as_duration,
                              double **out, size_t *n)
{
	int t = config_setting_type(s);
	if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST)
		return cc_load_fail(L, s, NULL, "must be a list [a, b, ...] (got %s)", cc_load_type_name(s));
	size_t len = (size_t)config_setting_length(s);
	double *v = cc_calloc(len, sizeof *v);
	for (size_t i = 0; i < len; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		enum cc_status st = CC_OK;
		if (as_duration)
			st = duration_of(L, e, &v[i]);
		else if (!cc_load_is_number(e))
			st = cc_load_fail(L, e, NULL, "must be a number (got %s)", cc_load_type_name(e));
		else
			v[i] = cc_load_number_of(e);
		if (st) {
			cc_free(v);
			return st;
		}
	}
	*out = v;
	*n = len;
	return CC_OK;
}

/* The scalar parameters of a distribution group, as the file names them. */
static const struct {
	const char *key;
	unsigned bit;
	size_t off;
	int duration;
} dist_scalars[] = {
	{ "mean", CC_DIST_HAS_MEAN, offsetof(struct cc_dist_params, mean), 1 },
	{ "sd", CC_DIST_HAS_SD, offsetof(struct cc_dist_params, sd), 1 },
	{ "value", CC_DIST_HAS_VALUE, offsetof(struct cc_dist_params, value), 1 },
	{ "min", CC_DIST_HAS_MIN, offsetof(struct cc_dist_params, min), 1 },
	{ "max", CC_DIST_HAS_MAX, offsetof(struct cc_dist_params, max), 1 },
	{ "shape", CC_DIST_HAS_SHAPE, offsetof(struct cc_dist_params, shape), 0 },
	{ "k", CC_DIST_HAS_K, offsetof(struct cc_dist_params, k), 0 },
};
#define N_DIST_SCALARS (sizeof dist_scalars / sizeof dist_scalars[0])

static int is_list(const config_setting_t *m)
{
	int t = config_setting_type(m);
	return t == CONFIG_TYPE_ARRAY || t == CONFIG_TYPE_LIST;
}

/* Builds step J of the distribution in group S (LISTS[i]: parameter i's values, or NULL for
 * a single value already in P) into OUT, naming the list element at fault. */
static enum cc_status dist_step(struct loader *L, const config_setting_t *s,
                                enum cc_dist_kind kind, struct cc_dist_params p,
                                double *const *lists, size_t j, struct cc_dist *out)
{
	for (size_t i = 0; i < N_DIST_SCALARS; i++)
		if (lists[i])
			*(double *)((char *)&p + dist_scalars[i].off) = lists[i][j];
	const char *bad_param = NULL;
	char why[256];
	if (cc_dist_init(out, kind, &p, &bad_param, why, sizeof why) == CC_OK)
		return CC_OK;
	config_setting_t *where = config_setting_get_member(s, bad_param);
	if (where && is_list(where))
		return cc_load_fail(L, config_setting_get_elem(where, (unsigned)j), NULL,
		                    "%s (step %zu of the list)", why, j + 1);
	return where ? cc_load_fail(L, where, NULL, "%s", why)
	             : cc_load_fail(L, s, bad_param, "%s", why);
}

/*
 * A distribution group: { dist = "lognormal"; mean = "200s"; sd = "150s"; }. With STEPS, its
 * scalar parameters may be lists, one value per step as per_hour is, all lists of the same
 * length (a single value holds at every step); OUT is then step 0 and STEPS every step (none
 * when the lists have one value: OUT alone, as a scalar).
 */
static enum cc_status load_dist(struct loader *L, const config_setting_t *g, const char *key,
                                int required, struct cc_dist *out, int *present,
                                struct cc_dist_steps *steps)
{
	config_setting_t *s;
	enum cc_status st = cc_load_member(L, g, key, required, &s);
	if (st || !s)
		return st;
	if (config_setting_type(s) != CONFIG_TYPE_GROUP)
		return cc_load_fail(L, s, NULL, "must be a distribution { dist = \"...\"; ... } (got %s)",
		                    cc_load_type_name(s));
	const char *name = NULL;
	if ((st = cc_load_string(L, s, "dist", 1, &name)))
		return st;
	enum cc_dist_kind kind;
	if (cc_dist_kind_from_name(name, &kind) != CC_OK)
		return cc_load_fail(L, s, "dist",
		                    "unknown distribution \"%s\" (expected exponential, deterministic, uniform, "
		                    "lognormal, gamma, erlang, weibull or empirical)", name);
	const char *const *params = cc_dist_param_names(kind);
	const char *allowed[8] = { "dist" };
	size_t na = 1;
	for (size_t i = 0; params[i]; i++)
		allowed[na++] = params[i];
	allowed[na] = NULL;
	if ((st = cc_load_keys_named(L, s, allowed)))
		return st;

	struct cc_dist_params p = { 0 };
	double *values = NULL, *weights = NULL, *lists[N_DIST_SCALARS] = { 0 };
	size_t n_steps = 1;
	const char *first_list = NULL;
	for (size_t i = 0; i < N_DIST_SCALARS; i++) {
		config_setting_t *m = config_setting_get_member(s, dist_scalars[i].key);
		if (!m)
			continue;
		p.has |= dist_scalars[i].bit;
		double *dst = (double *)((char *)&p + dist_scalars[i].off);
		if (!is_list(m)) {
			st = dist_scalars[i].duration ? duration_of(L, m, dst)
			                              : cc_load_number(L, s, dist_scalars[i].key, 1, dst);
			if (st)
				goto done;
			continue;
		}
		if (!steps) {
			st = cc_load_fail(L, m, NULL, "takes one value here: lists of values per interval "
			                  "are for a queue's handle, acw and patience");
			goto done;
		}
		size_t n;
		if ((st = cc_load_vector(L, m, dist_scalars[i].duration, &lists[i], &n)))
			goto done;
		if (n == 0) {
			st = cc_load_fail(L, m, NULL, "must list at least one value (one per interval "
			                  "step from time 0)");
			goto done;
		}
		if (n == 1) { /* one value is the scalar itself, held at every step */
			*dst = lists[i][0];
			cc_free(lists[i]);
			lists[i] = NULL;
			continue;
		}
		if (first_list && n != n_steps) {
			st = cc_load_fail(L, m, NULL, "lists %zu values, but %s lists %zu: the lists of "
			                  "one distribution give the same steps", n, first_list, n_steps);
			goto done;
		}
		first_list = dist_scalars[i].key;
		n_steps = n;
	}
	config_setting_t *m;
	if ((m = config_setting_get_member(s, "values"))) {
		if ((st = cc_load_vector(L, m, 1, &values, &p.n_values)))
			goto done;
		p.values = values;
		p.has |= CC_DIST_HAS_VALUES;
	}
	if ((m = config_setting_get_member(s, "weights"))) {
		if ((st = cc_load_vector(L, m, 0, &weights, &p.n_weights)))
			goto done;
		p.weights = weights;
		p.has |= CC_DIST_HAS_WEIGHTS;
	}
	if ((st = dist_step(L, s, kind, p, lists, 0, out)))
		goto done;
	if (n_steps > 1) {
		steps->steps = cc_calloc(n_steps, sizeof *steps->steps);
		steps->n = n_steps;
		for (size_t j = 0; j < n_steps; j++)
			if ((st = dist_step(L, s, kind, p, lists, j, &steps->steps[j])))
				goto done;
	}
	if (present)
		*present = 1;
done:
	for (size_t i = 0; i < N_DIST_SCALARS; i++)
		cc_free(lists[i]);
	cc_free(values);
	cc_free(weights);
	return st;
}

enum cc_status cc_load_dist(struct loader *L, const config_setting_t *g, const char *key,
                            int required, struct cc_dist *out, int *present)
{
	return load_dist(L, g, key, required, out, present, NULL);
}

enum cc_status cc_load_dist_steps(struct loader *L, const config_setting_t *g, const char *key,
                                  int required, struct cc_dist *out, int *present,
                                  struct cc_dist_steps *steps)
{
	return load_dist(L, g, key, required, out, present, steps);
}

/*
 * busyness = { dist = "gamma"; mean = 1.0; sd = 0.25; }: a factor by mean and sd, of a kind
 * given by mean and sd (gamma, lognormal); sd 0 is the mean exactly, whatever the kind.
 */
enum cc_status cc_load_busyness(struct loader *L, const config_setting_t *g, const char *key,
                                struct cc_busyness_cfg *out)
{
	config_setting_t *s;
	enum cc_status st = cc_load_member(L, g, key, 0, &s);
	if (st || !s)
		return st;
	if (config_setting_type(s) != CONFIG_TYPE_GROUP)
		return cc_load_fail(L, s, NULL, "must be a group { dist = \"gamma\"; mean = 1.0; sd = "
		                    "0.25; } (got %s)", cc_load_type_name(s));
	const struct cc_schema *schema = cc_schema_find("busyness");
	const char *name = NULL;
	double mean = 1, sd = 0;
	if ((st = cc_load_keys(L, s, schema)) || (st = cc_load_string(L, s, "dist", 1, &name)) ||
	    (st = cc_load_number(L, s, "mean", 0, &mean)) ||
	    (st = cc_load_number(L, s, "sd", 1, &sd)))
		return st;
	enum cc_dist_kind kind;
	if (cc_dist_kind_from_name(name, &kind) != CC_OK ||
	    (kind != CC_DIST_GAMMA && kind != CC_DIST_LOGNORMAL))
		return cc_load_fail(L, s, "dist", "\"%s\" is not a distribution given by mean and sd "
		                    "(expected gamma or lognormal)", name);
	const struct cc_setting *mrow = cc_schema_row(schema, "mean");
	const struct cc_setting *srow = cc_schema_row(schema, "sd");
	if (!(mean > mrow->lo) || !(mean <= mrow->hi))
		return cc_load_fail(L, s, "mean", "must be above %g and at most %g (got %g)", mrow->lo,
		                    mrow->hi, mean);
	if (!(sd >= srow->lo) || !(sd <= srow->hi))
		return cc_load_fail(L, s, "sd", "must be from %g to %g (got %g)", srow->lo, srow->hi,
		                    sd);
	out->on = 1;
	if (sd == 0) {
		cc_dist_init_constant(&out->dist, mean);
		return CC_OK;
	}
	struct cc_dist_params p = { .has = CC_DIST_HAS_MEAN | CC_DIST_HAS_SD, .mean = mean, .sd = sd };
	const char *bad_param = NULL;
	char why[256];
	if (cc_dist_init(&out->dist, kind, &p, &bad_param, why, sizeof why) != CC_OK)
		return cc_load_fail(L, s, bad_param, "%s", why);
	return CC_OK;
}

/*
 * A time at KEY of G: a duration ("3s": always that long) or a distribution group. *OUT is
 * left alone when KEY is absent and not REQUIRED, so the caller sets its default first.
 */
enum cc_status cc_load_timing(struct loader *L, const config_setting_t *g, const char *key,
                              int required, struct cc_dist *out)
{
	config_setting_t *s;
	enum cc_status st = cc_load_member(L, g, key, required, &s);
	if (st || !s)
		return st;
	if (config_setting_type(s) == CONFIG_TYPE_GROUP)
		return cc_load_dist(L, g, key, 1, out, NULL);
	double v;
	if (!cc_load_is_number(s) && config_setting_type(s) != CONFIG_TYPE_STRING)
		return cc_load_fail(L, s, NULL, "must be a duration (\"20s\") or a distribution { dist = "
		                    "\"...\"; ... } (got %s)", cc_load_type_name(s));
	if ((st = duration_of(L, s, &v)))
		return st;
	cc_dist_init_constant(out, v);
	return CC_OK;
}

int cc_load_valid_name(const char *s)
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
enum cc_status cc_load_name(struct loader *L, const config_setting_t *g, int entity,
                            const char **out)
{
	enum cc_status st = cc_load_string(L, g, "name", 1, out);
	if (st)
		return st;
	if (!cc_load_valid_name(*out))
		return cc_load_fail(L, g, "name",
		                    "\"%s\" must be letters, digits, '-', '_' or '.' (no spaces)", *out);
	if (entity && (strchr(*out, '.') || strspn(*out, "0123456789") == strlen(*out)))
		return cc_load_fail(L, g, "name",
		                    "\"%s\" must have no '.' and not be all digits (names stand in override paths such as agents.NAME.count)",
		                    *out);
	return CC_OK;
}

void cc_load_join(char *buf, size_t len, const char *none, const void *first, size_t stride,
                  size_t n)
{
	snprintf(buf, len, "%s", n ? "" : none);
	for (size_t i = 0; i < n; i++)
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", i ? ", " : "",
		         *(char *const *)((const char *)first + i * stride));
}

enum cc_status cc_load_ref(struct loader *L, const config_setting_t *s, const char *key,
                           enum cc_setting_type type, const char *name, long *out)
{
	const struct cc_scenario *scn = L->scn;
	int queue = type == CC_SETTING_QUEUE;
	size_t n = queue ? scn->n_lines : scn->n_groups;
	char list[512];
	*out = queue ? cc_scenario_queue_index(scn, name) : -1;
	for (size_t i = 0; !queue && i < n && *out < 0; i++)
		if (scn->groups[i].name && strcmp(scn->groups[i].name, name) == 0)
			*out = (long)i;
	if (*out >= 0)
		return CC_OK;
	if (queue)
		cc_load_join(list, sizeof list, "", &scn->queues[0].name, sizeof *scn->queues, n);
	else
		cc_load_join(list, sizeof list, "", n ? &scn->groups[0].name : NULL,
		             sizeof *scn->groups, n);
	return cc_load_fail(L, s, key, "no %s is named \"%s\" (%s: %s)", queue ? "queue"
	                    : "agent group", name, queue ? "queues" : "agents", list);
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

/*
 * The index of the status named at KEY of G (*OUT keeps its default when KEY is absent and
 * not REQUIRED). With LOGIN, Offline and Available are admitted too (a shift may start in
 * them); otherwise only a not-productive status is. RONA is the system's and never admitted.
 * The fixed names are matched whatever their case, since no scenario status may take them.
 */
static enum cc_status load_status(struct loader *L, const config_setting_t *g,
                                  const char *key, int required,
                                  const struct cc_scenario *scn, int login, int *out)
{
	const char *name = NULL;
	enum cc_status st = cc_load_string(L, g, key, required, &name);
	if (st || !name)
		return st;
	char list[512];
	cc_load_join(list, sizeof list, "none: list them in statuses = [ ... ]", scn->statuses,
	             sizeof *scn->statuses, scn->n_statuses);
	for (int s = 0; s < CC_AGENT_FIRST_NPT; s++) {
		if (strcasecmp(name, fixed_statuses[s]) != 0)
			continue;
		if (login && s != CC_AGENT_RONA) {
			*out = s;
			return CC_OK;
		}
		if (s == CC_AGENT_RONA)
			return cc_load_fail(L, g, key, "RONA is set by the system only (expected %sa status of "
			                    "statuses: %s)", login ? "Available, Offline or " : "", list);
		return cc_load_fail(L, g, key, "%s is not a not-productive status (expected one of statuses: %s)",
		                    fixed_statuses[s], list);
	}
	for (size_t i = 0; i < scn->n_statuses; i++)
		if (strcmp(name, scn->statuses[i]) == 0) {
			*out = (int)(CC_AGENT_FIRST_NPT + i);
			return CC_OK;
		}
	return cc_load_fail(L, g, key, "no status is named \"%s\" (statuses: %s)", name, list);
}


/* An optional list of groups at KEY of G: *N is 0 when it is absent. */
enum cc_status cc_load_optional_list(struct loader *L, const config_setting_t *g, const char *key,
                                     const config_setting_t **out, size_t *n)
{
	*out = config_setting_get_member(g, key);
	*n = 0;
	if (!*out)
		return CC_OK;
	if (config_setting_type(*out) != CONFIG_TYPE_LIST)
		return cc_load_fail(L, *out, NULL, "must be a list ( { ... }, { ... } ) (got %s)",
		                    cc_load_type_name(*out));
	*n = (size_t)config_setting_length(*out);
	return CC_OK;
}

/* Whether the scenario declares regions (without them it has one, named ""). */
static int has_regions(const struct cc_scenario *scn)
{
	return scn->regions.n > 1 || scn->regions.names[0][0] != '\0';
}

/* The index of the site named at KEY of G (required). */
static enum cc_status load_site(struct loader *L, const config_setting_t *g, const char *key,
                                const struct cc_scenario *scn, size_t *out)
{
	const char *name;
	enum cc_status st = cc_load_string(L, g, key, 1, &name);
	if (st)
		return st;
	for (size_t r = 0; has_regions(scn) && r < scn->regions.n; r++)
		if (strcmp(name, scn->regions.names[r]) == 0) {
			*out = r;
			return CC_OK;
		}
	char list[512];
	cc_load_join(list, sizeof list, "none: declare them in regions.sites", scn->regions.names,
	             sizeof *scn->regions.names, has_regions(scn) ? scn->regions.n : 0);
	return cc_load_fail(L, g, key, "no site is named \"%s\" (sites: %s)", name, list);
}

/* ---- reading by the schema ---- */

_Static_assert(sizeof(enum cc_channel) == sizeof(int), "enum fields are read as int");

enum cc_status cc_load_keys(struct loader *L, const config_setting_t *g,
                            const struct cc_schema *schema)
{
	const char *names[32];
	CC_ASSERT(schema->n < sizeof names / sizeof names[0] && schema->n <= 64);
	for (size_t i = 0; i < schema->n; i++)
		names[i] = schema->rows[i].key;
	names[schema->n] = NULL;
	return cc_load_keys_named(L, g, names);
}

/* Where ROW's field (or, with COUNT, its length's) lies in the struct at BASE. */
static void *field_of(const struct cc_setting *row, void *base)
{
	return (char *)base + row->field - 1;
}

void cc_load_defaults(const struct cc_schema *schema, void *base)
{
	for (size_t i = 0; i < schema->n; i++) {
		const struct cc_setting *row = &schema->rows[i];
		if (!row->field)
			continue;
		void *at = field_of(row, base);
		if (row->type == CC_SETTING_GROUP) {
			cc_load_defaults(row->sub, at);
			continue;
		}
		if (isnan(row->def))
			continue;
		switch (row->type) {
		case CC_SETTING_INTEGER:
		case CC_SETTING_BOOL:
		case CC_SETTING_ENUM:
		case CC_SETTING_STATUS: *(int *)at = (int)row->def; break;
		case CC_SETTING_DIST:
		case CC_SETTING_TIMING: cc_dist_init_constant(at, row->def); break;
		default: *(double *)at = row->def;
		}
	}
}

void cc_load_fini(const struct cc_schema *schema, void *base)
{
	for (size_t i = 0; i < schema->n; i++) {
		const struct cc_setting *row = &schema->rows[i];
		if (!row->field)
			continue;
		void *at = field_of(row, base);
		if (row->type == CC_SETTING_GROUP) {
			cc_load_fini(row->sub, at);
		} else if (row->type == CC_SETTING_DIST || row->type == CC_SETTING_TIMING) {
			cc_dist_fini(at);
		} else if (row->type == CC_SETTING_NAME) {
			cc_free(*(char **)at);
		} else if (row->type == CC_SETTING_LIST) {
			char *elems;
			memcpy(&elems, at, sizeof elems);
			for (size_t k = 0; elems && k < *(size_t *)((char *)base + row->count - 1); k++)
				cc_load_fini(row->sub, elems + k * row->sub->size);
			cc_free(elems);
		}
	}
}

/* "a, b or c": the choices of ROW, for messages. */
static void choice_list(const struct cc_setting *row, char *buf, size_t len)
{
	buf[0] = '\0';
	for (size_t i = 0; row->choices[i]; i++)
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", i == 0 ? ""
		         : row->choices[i + 1] ? ", " : " or ", row->choices[i]);
}

/* One of ROW's choices at its key of G, as its index in *OUT. */
static enum cc_status load_choice(struct loader *L, const config_setting_t *g,
                                  const struct cc_setting *row, int *out)
{
	const char *name = NULL;
	enum cc_status st = cc_load_string(L, g, row->key, row->flags & CC_SETTING_REQUIRED,
	                                   &name);
	if (st || !name)
		return st;
	for (int i = 0; row->choices[i]; i++)
		if (strcmp(name, row->choices[i]) == 0) {
			*out = i;
			return CC_OK;
		}
	char list[256];
	choice_list(row, list, sizeof list);
	return cc_load_fail(L, g, row->key, "unknown %s \"%s\" (expected %s)", row->what, name, list);
}

/* ROW (a field's) from group G into the struct at BASE; a reference without a field is only
 * checked to be a name here, and looked up once what it names is loaded. */
static enum cc_status load_row(struct loader *L, const config_setting_t *g,
                               const struct cc_setting *row, void *base)
{
	int required = (row->flags & CC_SETTING_REQUIRED) != 0;
	void *at = row->field ? field_of(row, base) : NULL;
	long long whole;
	config_setting_t *m;
	const char *name = NULL;
	enum cc_status st;
	switch (row->field ? row->type : row->type == CC_SETTING_AGENTS ||
	        row->type == CC_SETTING_QUEUE ? CC_SETTING_QUEUE : CC_SETTING_TEXT) {
	case CC_SETTING_TEXT: return CC_OK; /* read by code of its own */
	case CC_SETTING_INTEGER:
		st = cc_load_whole(L, g, row->key, required, (long long)row->lo, (long long)row->hi,
		                   &whole);
		if (!st && config_setting_get_member(g, row->key))
			*(int *)at = (int)whole;
		return st;
	case CC_SETTING_SHARE:
		if ((st = cc_load_member(L, g, row->key, required, &m)))
			return st;
		return cc_load_share(L, g, row->key, at);
	case CC_SETTING_RATE:
		return per_hour(L, g, row->key, required, !(row->flags & CC_SETTING_POSITIVE), row->hi,
		                at);
	case CC_SETTING_DURATION: return cc_load_duration(L, g, row->key, required, at);
	case CC_SETTING_TIME: return cc_load_time(L, g, row->key, required, at);
	case CC_SETTING_BOOL: return cc_load_bool(L, g, row->key, at);
	case CC_SETTING_ENUM: return load_choice(L, g, row, at);
	case CC_SETTING_DIST: return cc_load_dist(L, g, row->key, required, at, NULL);
	case CC_SETTING_TIMING: return cc_load_timing(L, g, row->key, required, at);
	case CC_SETTING_STATUS:
		return load_status(L, g, row->key, required, L->scn,
		                      (row->flags & CC_SETTING_LOGIN) != 0, at);
	case CC_SETTING_SITE:
		return config_setting_get_member(g, row->key) || required
		       ? load_site(L, g, row->key, L->scn, at) : CC_OK;
	case CC_SETTING_QUEUE: return cc_load_string(L, g, row->key, required, &name);
	case CC_SETTING_NAME: /* the names of entities (WHAT) stand in --set paths */
		if (!(st = cc_load_name(L, g, row->what != NULL, &name)))
			*(char **)at = cc_strdup(name);
		return st;
	case CC_SETTING_GROUP:
		if ((st = cc_load_member(L, g, row->key, required, &m)) || !m)
			return st;
		if ((st = cc_load_keys(L, m, row->sub)))
			return st;
		return cc_load_plain(L, m, row->sub, at);
	case CC_SETTING_LIST: return cc_load_list(L, g, row, base);
	default:
		CC_ASSERT(!"a field of a type the schema reads by code of its own");
		return CC_OK;
	}
}

enum cc_status cc_load_plain(struct loader *L, const config_setting_t *g,
                             const struct cc_schema *schema, void *base)
{
	enum cc_status st = CC_OK;
	for (size_t i = 0; i < schema->n && !st; i++)
		if (!(schema->rows[i].flags & CC_SETTING_HOOK))
			st = load_row(L, g, &schema->rows[i], base);
	return st;
}

enum cc_status cc_load_group_of(struct loader *L, const config_setting_t *g,
                                const struct cc_schema *schema, void *base)
{
	enum cc_status st = cc_load_keys(L, g, schema);
	return st ? st : cc_load_plain(L, g, schema, base);
}

enum cc_status cc_load_list(struct loader *L, const config_setting_t *g,
                            const struct cc_setting *row, void *base)
{
	const config_setting_t *list;
	size_t n;
	enum cc_status st = cc_load_optional_list(L, g, row->key, &list, &n);
	if (st || (!list && !(row->flags & CC_SETTING_REQUIRED)))
		return st;
	if (!list)
		return cc_load_fail(L, g, row->key, "missing (required)");
	if (n == 0 && row->empty)
		return cc_load_fail(L, list, NULL, "%s", row->empty);
	char *elems = n ? cc_calloc(n, row->sub->size) : NULL;
	memcpy(field_of(row, base), &elems, sizeof elems);
	*(size_t *)((char *)base + row->count - 1) = n;
	/* An entity's name comes first in its schema, and is unique among the list's. */
	const struct cc_setting *name = row->sub->rows[0].type == CC_SETTING_NAME &&
	                                row->sub->rows[0].what ? row->sub->rows : NULL;
	for (size_t i = 0; i < n && !st; i++) {
		const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		void *at = elems + i * row->sub->size;
		cc_load_defaults(row->sub, at);
		st = cc_load_group_of(L, e, row->sub, at);
		for (size_t j = 0; name && !st && j < i; j++)
			if (strcmp(*(char **)field_of(name, at),
			           *(char **)field_of(name, elems + j * row->sub->size)) == 0)
				st = cc_load_fail(L, e, "name", "another %s is already named \"%s\"",
				                  name->what, *(char **)field_of(name, at));
	}
	return st;
}

const config_setting_t *cc_load_elem(const config_setting_t *g, const char *key, size_t i)
{
	return config_setting_get_elem(config_setting_get_member(g, key), (unsigned)i);
}
