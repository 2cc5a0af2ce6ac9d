#ifndef CC_SCHEMA_H
#define CC_SCHEMA_H

#include <stddef.h>
#include <stdio.h>

/*
 * The settings schema: one row per setting a scenario file may hold, with its type, range,
 * default, unit and one line of documentation. The loader reads plain settings by it (the
 * unknown-key check and its list of known keys, type and range errors, defaults), `ccsim
 * check --settings` prints it, and the settings tables of scenarios/README.md are generated
 * from it. A row with a FIELD is read into the struct the loader fills, at that offset, in
 * one pass over its group (a LIST's elements too, into an array of SUB's structs); a row
 * without one (or with HOOK) is read by code of its own run after the pass (cross-field
 * rules, references that need every queue or group loaded first), which still takes its key,
 * type and documentation from here. Adding a setting is one row with a FIELD, plus its use.
 */

enum cc_setting_type {
	CC_SETTING_TEXT,      /* free text */
	CC_SETTING_NAME,      /* a name: letters, digits, '-', '_', '.' */
	CC_SETTING_NUMBER,    /* any number in [lo, hi] */
	CC_SETTING_INTEGER,   /* a whole number in [lo, hi] (an int field) */
	CC_SETTING_SHARE,     /* a number from 0 to 1 (a double field) */
	CC_SETTING_RATE,      /* episodes per logged-in hour: above lo (or lo itself when 0), at
	                         most hi */
	CC_SETTING_RATES,     /* contacts per hour: a number, or a list of them per step */
	CC_SETTING_DURATION,  /* seconds or "20s", "1h30m" (a double field, seconds) */
	CC_SETTING_TIME,      /* a time of the run: a duration from time 0, or "HH:MM" with a start */
	CC_SETTING_CLOCK,     /* a time of day, optionally after a date */
	CC_SETTING_BOOL,      /* true or false (an int field) */
	CC_SETTING_ENUM,      /* one of CHOICES (an int or enum field: the choice's index) */
	CC_SETTING_DIST,      /* a distribution { dist = "..."; ... } (a struct cc_dist field) */
	CC_SETTING_TIMING,    /* a duration or a distribution (a struct cc_dist field) */
	CC_SETTING_NUMBERS,   /* a list of numbers in [lo, hi] */
	CC_SETTING_COUNTS,    /* a list of whole numbers in [lo, hi] */
	CC_SETTING_NAMES,     /* a list of names */
	CC_SETTING_STATUS,    /* a reference to an agent status, by name */
	CC_SETTING_QUEUE,     /* a reference to a queue, by name */
	CC_SETTING_QUEUES,    /* a list of references to queues */
	CC_SETTING_AGENTS,    /* a reference to an agent group, by name */
	CC_SETTING_SITE,      /* a reference to a site, by name */
	CC_SETTING_PROFILE,   /* a reference to a routing profile, by name */
	CC_SETTING_POLICY,    /* a routing policy's name */
	CC_SETTING_GROUP,     /* a group { ... } of the settings in SUB */
	CC_SETTING_LIST,      /* a list ( { ... }, ... ) of groups of the settings in SUB */
	CC_SETTING_PER_CHANNEL, /* a group with one member per channel name: SUB, or a whole
	                           number in [lo, hi] when SUB is NULL */
	CC_SETTING_PER_SITE   /* a group with one member per site name: a share each */
};

enum {
	CC_SETTING_REQUIRED = 1 << 0, /* missing is an error */
	CC_SETTING_OWN_TABLE = 1 << 1,/* documented in a table of its own, not inline */
	CC_SETTING_ENTITY = 1 << 2,   /* a list of the scenario's entities (queues, agent groups,
	                                 routing profiles): paths inside restart from them */
	CC_SETTING_POSITIVE = 1 << 3, /* a duration or a rate: 0 is refused too */
	CC_SETTING_HOOK = 1 << 4,     /* read by code of its own even though it has a FIELD (whose
	                                 default is set from here) */
	CC_SETTING_LOGIN = 1 << 5     /* STATUS: Offline and Available are admitted too */
};

/* A row's FIELD: 1 + the offset of MEMBER in TYPE (0: no field, read by code of its own). */
#define CC_FIELD(type, member) (offsetof(type, member) + 1)

struct cc_schema;

struct cc_setting {
	const char *key;
	enum cc_setting_type type;
	unsigned flags;
	double lo, hi;          /* the range of numbers, whole numbers and rates */
	double def;             /* the default the loader sets in FIELD (seconds, the number, the
	                           choice's index, 0 or 1; NAN: set by code of its own) */
	const char *def_doc;    /* the default as documented ("" when there is none) */
	const char *unit;       /* "s", "per hour", ... ("" when none) */
	const char *doc;        /* one line */
	const struct cc_schema *sub;      /* GROUP, LIST, PER_CHANNEL */
	const char *const *choices;       /* ENUM: the names, NULL-terminated */
	const char *what;       /* ENUM: the noun of "unknown NOUN \"x\" (expected ...)" */
	size_t field;           /* CC_FIELD(): where in the struct the loader fills, or 0 (a
	                           LIST's field is the pointer to its array of SUB's structs) */
	size_t count;           /* LIST: CC_FIELD() of the array's length (a size_t) */
	const char *empty;      /* LIST: the problem with an empty list (NULL: it may be empty) */
};

/* The settings of one group, in the order the loader lists them as known keys. */
struct cc_schema {
	const char *path;       /* "queues.[i].callback": how the reference names the group */
	const struct cc_setting *rows;
	size_t n;
	size_t size;            /* the struct each element of a LIST with a field is read into */
};

/* The whole scenario file. */
extern const struct cc_schema cc_schema_scenario;

/* The row of KEY in SCHEMA, or NULL. */
const struct cc_setting *cc_schema_row(const struct cc_schema *schema, const char *key);

/* The group schema at PATH ("queues.callback": keys from the top, lists and per-channel
 * groups stepped through), or NULL. "" is the top level. */
const struct cc_schema *cc_schema_find(const char *path);

/* "whole number 1..20, required": the row's type as the reference words it. */
void cc_schema_type_text(const struct cc_setting *row, char *buf, size_t len);

/*
 * The settings reference: every setting, in the order of the file, as readable text; or,
 * with MARKDOWN, the tables of scenarios/README.md, each between its markers
 * "<!-- settings: SECTION -->" and "<!-- end settings -->".
 */
void cc_schema_print(FILE *out, int markdown);

/* The markdown table of SECTION ("queues", "queues.callback queues.dialing": the groups it
 * documents, by path, blank-separated; "top" for the top level), without its markers.
 * Returns 0 when a group is unknown. */
int cc_schema_print_table(FILE *out, const char *section);

#endif
