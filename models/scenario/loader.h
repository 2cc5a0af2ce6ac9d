#ifndef CC_LOADER_H
#define CC_LOADER_H

/*
 * The scenario loader's own parts, shared by its files and by nothing else: reading settings
 * by the schema (load.c), the rules of queues (load_queues.c), agent groups and routing
 * profiles (load_agents.c) and regions (load_regions.c), run once the schema has read their
 * plain settings, --set (overrides.c) and the warnings about
 * what loads but is almost surely mistyped (plausible.c). Every function that reports a
 * problem returns CC_ERR_SCENARIO with "file:line: setting: problem" in the loader's ERR;
 * a missing optional setting leaves its *OUT alone (the caller sets the default first).
 */

#include <stdint.h>

#include <libconfig.h>

#include "models/scenario/scenario.h"
#include "models/scenario/schema.h"
#include "sim/status.h"

/* What the loader is doing: the file, where errors go, and whether one was met. */
struct loader {
	const char *file;
	char *err;
	size_t errlen;
	struct cc_scenario *scn; /* for warnings */
	double start_s;  /* the scenario's clock: time of day of time 0 (NaN: none) */
};

/* ---- reporting ---- */

/* Reports PROBLEM about setting S, or about KEY inside S when KEY is not NULL (the member
 * itself when it exists, so that its own line is named). */
__attribute__((format(printf, 4, 5)))
enum cc_status cc_load_fail(struct loader *L, const config_setting_t *s, const char *key,
                            const char *fmt, ...);
/* Adds a warning about setting S (or KEY inside it) to the scenario's, as cc_load_fail words
 * it. */
__attribute__((format(printf, 4, 5)))
void cc_load_warn(struct loader *L, const config_setting_t *s, const char *key,
                  const char *fmt, ...);
/* "a whole number", "a group { }"...: what S is, for messages. */
const char *cc_load_type_name(const config_setting_t *s);

/* ---- reading by the schema ---- */

/* Refuses any member of group G that is not a row of SCHEMA (or not in NAMES,
 * NULL-terminated), listing the known keys; a description must be a string. */
enum cc_status cc_load_keys(struct loader *L, const config_setting_t *g,
                            const struct cc_schema *schema);
enum cc_status cc_load_keys_named(struct loader *L, const config_setting_t *g,
                                  const char *const *names);
/* Sets the default of every row of SCHEMA with a field and a default, in the struct at BASE,
 * and of the groups below it that are fields too. */
void cc_load_defaults(const struct cc_schema *schema, void *base);
/* Finalizes the distributions of SCHEMA's rows with a field, and of the groups below it that
 * are fields too, in the struct at BASE (set by cc_load_defaults or read, or all zero). */
void cc_load_fini(const struct cc_schema *schema, void *base);
/* Reads every row of SCHEMA that has a field (and no hook) from group G into the struct at
 * BASE in one pass: type, range, required; references by name (a status, a site) are looked
 * up, and those without a field (a queue, a group) checked to be names; groups below it are
 * checked for unknown keys and read too, and lists of them (each element defaulted and read
 * by the list's schema). cc_load_group_of checks G's keys first. */
enum cc_status cc_load_plain(struct loader *L, const config_setting_t *g,
                             const struct cc_schema *schema, void *base);
enum cc_status cc_load_group_of(struct loader *L, const config_setting_t *g,
                                const struct cc_schema *schema, void *base);
/* The LIST ROW at its key of G: its array and length into its fields in the struct at BASE,
 * each element defaulted and read by ROW's schema. Rules across elements are the caller's,
 * after the pass; cc_load_elem is element I of the list at KEY of G, for their messages. */
enum cc_status cc_load_list(struct loader *L, const config_setting_t *g,
                            const struct cc_setting *row, void *base);
const config_setting_t *cc_load_elem(const config_setting_t *g, const char *key, size_t i);

/* ---- reading one setting ---- */

int cc_load_is_number(const config_setting_t *s);
double cc_load_number_of(const config_setting_t *s);
/* KEY of G: a missing required key is an error, a missing optional one is *OUT NULL. */
enum cc_status cc_load_member(struct loader *L, const config_setting_t *g, const char *key,
                              int required, config_setting_t **out);
enum cc_status cc_load_string(struct loader *L, const config_setting_t *g, const char *key,
                              int required, const char **out);
enum cc_status cc_load_number(struct loader *L, const config_setting_t *g, const char *key,
                              int required, double *out);
/* A whole number from LO to HI: setting S itself, or KEY of G. */
enum cc_status cc_load_whole_of(struct loader *L, const config_setting_t *s, long long lo,
                                long long hi, long long *out);
enum cc_status cc_load_whole(struct loader *L, const config_setting_t *g, const char *key,
                             int required, long long lo, long long hi, long long *out);
/* A share from 0 to 1 (a percentage is named as one). */
enum cc_status cc_load_share(struct loader *L, const config_setting_t *g, const char *key,
                             double *out);
enum cc_status cc_load_bool(struct loader *L, const config_setting_t *g, const char *key,
                            int *out);
/* A duration, 0 or from CC_MIN_DURATION_S to CC_MAX_DURATION_S, at KEY of G. */
enum cc_status cc_load_duration(struct loader *L, const config_setting_t *g, const char *key,
                                int required, double *out);
/* A time of the run: a duration from time 0, or a clock time when the scenario has a start. */
enum cc_status cc_load_time(struct loader *L, const config_setting_t *g, const char *key,
                            int required, double *out);
/* A list or array of numbers (durations when AS_DURATION) into a new array. */
enum cc_status cc_load_vector(struct loader *L, const config_setting_t *s, int as_duration,
                              double **out, size_t *n);
/* A distribution group; *PRESENT (when not NULL) is set to 1 when it is given. */
enum cc_status cc_load_dist(struct loader *L, const config_setting_t *g, const char *key,
                            int required, struct cc_dist *out, int *present);
/* A distribution group whose parameters may be lists per step (STEPS->width_s set by the
 * caller): OUT is step 0, STEPS every step when a list has more than one value. On failure the
 * caller still finalizes OUT and STEPS. */
enum cc_status cc_load_dist_steps(struct loader *L, const config_setting_t *g, const char *key,
                                  int required, struct cc_dist *out, int *present,
                                  struct cc_dist_steps *steps);
/* A busyness group { dist = "gamma"; mean = 1.0; sd = 0.25; } at KEY of G, when given. */
enum cc_status cc_load_busyness(struct loader *L, const config_setting_t *g, const char *key,
                                struct cc_busyness_cfg *out);
/* A duration (always that long) or a distribution group. */
enum cc_status cc_load_timing(struct loader *L, const config_setting_t *g, const char *key,
                              int required, struct cc_dist *out);
/* An optional list of groups at KEY of G: *N is 0 when it is absent. */
enum cc_status cc_load_optional_list(struct loader *L, const config_setting_t *g,
                                     const char *key, const config_setting_t **out, size_t *n);

/* ---- names and references ---- */

int cc_load_valid_name(const char *s);
/* G's name; ENTITY names (queues, groups, sites) stand in --set paths: no '.', not all digits. */
enum cc_status cc_load_name(struct loader *L, const config_setting_t *g, int entity,
                            const char **out);
/* "a, b, c" into BUF: the strings at FIRST and every STRIDE bytes after it, N of them (NONE
 * when N is 0), for messages. */
void cc_load_join(char *buf, size_t len, const char *none, const void *first, size_t stride,
                  size_t n);
/* The index of the queue (TYPE CC_SETTING_QUEUE) or agent group (CC_SETTING_AGENTS) NAME,
 * given at KEY of S (S itself when KEY is NULL); "no queue is named NAME" with the names
 * there are when none is. */
enum cc_status cc_load_ref(struct loader *L, const config_setting_t *s, const char *key,
                           enum cc_setting_type type, const char *name, long *out);

/* ---- the parts ---- */

/* The rules of one queue as written (S: its settings, read already by the schema into Q),
 * whose arrival steps default to the scenario's interval. */
enum cc_status cc_load_queue(struct loader *L, const config_setting_t *s,
                             struct cc_queue_cfg *q);
/* Resolves the callback queues and quick connects' targets once queues and groups are loaded
 * (LIST: the queues' settings). */
enum cc_status cc_load_link_callbacks(struct loader *L, const config_setting_t *list,
                                      struct cc_scenario *scn);
enum cc_status cc_load_link_transfers(struct loader *L, const config_setting_t *list,
                                      struct cc_scenario *scn);
void cc_load_quick_connect_fini(struct cc_quick_connect_cfg *qc);

/* Reads the trace of every queue whose arrivals replay one (each file once, however many
 * queues name it) into the queues' calls, and sets SCN->trace_days (LIST: the queues'
 * settings). */
enum cc_status cc_load_traces(struct loader *L, const config_setting_t *list,
                              struct cc_scenario *scn);

/* The scenario's routing profiles (with room for N_GROUPS more), then the rules of one agent
 * group read already (N_DECLARED: the profiles named). */
enum cc_status cc_load_routing_profiles(struct loader *L, const config_setting_t *root,
                                        struct cc_scenario *scn, size_t n_groups);
enum cc_status cc_load_group(struct loader *L, const config_setting_t *s,
                             struct cc_scenario *scn, size_t n_declared, struct cc_group_cfg *g);

/* The sites (before the groups), the changes (after them), and every queue made to exist in
 * every region (at the end). */
enum cc_status cc_load_regions(struct loader *L, const config_setting_t *root,
                               struct cc_scenario *scn);
enum cc_status cc_load_changes(struct loader *L, const config_setting_t *root,
                               struct cc_scenario *scn);
void cc_load_expand_regions(struct cc_scenario *scn);

/* Applies one "--set PATH=VALUE" to CFG (CC_ERR_USAGE and the reason in ERR when it cannot);
 * the settings it makes or changes are marked as overrides. */
enum cc_status cc_load_apply_set(config_t *cfg, const char *file, const char *set, char *err,
                                 size_t errlen);
/* Whether setting S was made or changed by --set. */
int cc_load_is_override(const config_setting_t *s);

/* Warnings, after a successful load, about what is almost surely mistyped. */
void cc_load_plausibility(struct loader *L, const config_t *cfg, struct cc_scenario *scn);

#endif
