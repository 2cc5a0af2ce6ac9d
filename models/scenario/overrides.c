/* --set PATH=VALUE: overrides applied to the scenario's settings before they are read. */
#include "models/scenario/loader.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/scenario/scenario_text.h"
#include "sim/alloc.h"

/* Settings made or changed by --set carry this address as their libconfig hook. */
static char override_mark;

int cc_load_is_override(const config_setting_t *s)
{
	return config_setting_get_hook(s) == &override_mark;
}

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
		snprintf(why, len, "\"%s\" cannot be inside %s", c, cc_load_type_name(s));
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

enum cc_status cc_load_apply_set(config_t *cfg, const char *file, const char *set, char *err,
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
