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

#include "models/scenario/loader.h"
#include "models/scenario/scenario_text.h"
#include "sim/alloc.h"
#include "sim/duration.h"
#include "sim/macros.h"

/* Reporting grids longer than this are refused: they would only exhaust memory. */
#define MAX_INTERVALS 10000000.0

#define CC_ENUM_NAME(e, name) name,
const char *const cc_channel_names[CC_CHANNEL_COUNT + 1] = { CC_CHANNELS(CC_ENUM_NAME) NULL };
const char *const cc_transfer_mode_names[CC_TRANSFER_MODE_COUNT + 1] = {
	CC_TRANSFER_MODES(CC_ENUM_NAME) NULL
};
const char *const cc_arrival_process_names[CC_ARRIVALS_COUNT + 1] = {
	CC_ARRIVAL_PROCESSES(CC_ENUM_NAME) NULL
};
const char *const cc_requeue_names[CC_REQUEUE_COUNT + 1] = { CC_REQUEUES(CC_ENUM_NAME) NULL };
const char *const cc_wait_estimate_names[CC_ESTIMATE_COUNT + 1] = {
	CC_WAIT_ESTIMATES(CC_ENUM_NAME) NULL
};
#undef CC_ENUM_NAME

#define CC_POLICY_STRING(n) #n,
static const char *const policy_names[] = { CC_POLICY_NAMES(CC_POLICY_STRING) };
#undef CC_POLICY_STRING

const char *cc_policy_name_list(void)
{
#define CC_POLICY_LISTED(n) ", " #n
	static const char list[] = CC_POLICY_NAMES(CC_POLICY_LISTED);
#undef CC_POLICY_LISTED
	return list + 2; /* past the first ", " */
}

int cc_policy_name_known(const char *name)
{
	for (size_t i = 0; i < CC_ARRAY_SIZE(policy_names); i++)
		if (strcmp(policy_names[i], name) == 0)
			return 1;
	return 0;
}

const char *cc_channel_name(enum cc_channel ch)
{
	return ch < CC_CHANNEL_COUNT ? cc_channel_names[ch] : "?";
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
/* The scenario's `start`: "HH:MM[:SS]", optionally after a date "YYYY-MM-DD " (or "T"). */
static enum cc_status get_start(struct loader *L, const config_setting_t *root,
                                struct cc_scenario *scn)
{
	const char *text = NULL;
	enum cc_status st = cc_load_string(L, root, "start", 0, &text);
	if (st || !text)
		return st;
	const char *clock = text;
	long day;
	if (strlen(text) > 10 && (text[10] == ' ' || text[10] == 'T')) {
		char date[11];
		memcpy(date, text, 10);
		date[10] = '\0';
		if (cc_date_parse(date, &day) != CC_OK)
			return cc_load_fail(L, root, "start", "\"%s\" has no valid date (write \"YYYY-MM-DD "
			                    "HH:MM\", a real day)", text);
		memcpy(scn->date, date, sizeof scn->date);
		clock = text + 11;
	}
	if (cc_clock_parse(clock, &scn->start_s) != CC_OK)
		return cc_load_fail(L, root, "start", "\"%s\" is not a time of day (write \"07:00\", "
		                    "\"07:00:30\" or \"2026-12-01 07:00\")", text);
	L->start_s = scn->start_s;
	return CC_OK;
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
		return cc_load_fail(L, s, NULL, "must be a list of status names [\"Break\", \"Lunch\"] (got %s)",
		                    cc_load_type_name(s));
	size_t n = (size_t)config_setting_length(s);
	if (n > CC_MAX_STATUSES - CC_AGENT_FIRST_NPT)
		return cc_load_fail(L, s, NULL, "names %zu statuses: at most %d fit beside Offline, Available "
		                    "and RONA", n, CC_MAX_STATUSES - CC_AGENT_FIRST_NPT);
	if (n)
		scn->statuses = cc_calloc(n, sizeof *scn->statuses);
	for (size_t i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		if (config_setting_type(e) != CONFIG_TYPE_STRING)
			return cc_load_fail(L, e, NULL, "must be a status name (got %s)", cc_load_type_name(e));
		const char *name = config_setting_get_string(e);
		if (!cc_load_valid_name(name))
			return cc_load_fail(L, e, NULL, "\"%s\" must be letters, digits, '-', '_' or '.' (no spaces)",
			                    name);
		for (int f = 0; f < CC_AGENT_FIRST_NPT; f++)
			if (strcasecmp(name, cc_scenario_status_name(scn, (size_t)f)) == 0)
				return cc_load_fail(L, e, NULL, "\"%s\" is a status of its own (Offline, Available and "
				                    "RONA are always there): name only not-productive statuses", name);
		/* Names differing only in case would read as one status in every report. */
		for (size_t j = 0; j < i; j++)
			if (strcasecmp(name, scn->statuses[j]) == 0)
				return cc_load_fail(L, e, NULL, "\"%s\" is listed twice", name);
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
	const struct cc_setting *row = cc_schema_row(cc_schema_find("channels"), "slowdown");
	enum cc_status st = cc_load_vector(L, s, 0, &ch->slowdown, &ch->n_slowdown);
	if (st)
		return st;
	if (ch->n_slowdown == 0)
		return cc_load_fail(L, s, NULL, "must list at least one factor (leave slowdown out for none)");
	for (size_t i = 0; i < ch->n_slowdown; i++)
		if (!(ch->slowdown[i] >= 1 && ch->slowdown[i] <= row->hi))
			return cc_load_fail(L, config_setting_get_elem(s, (unsigned)i), NULL,
			                    "must be a factor from %.0f to %.0f (1: no slowdown; got %g)", row->lo, row->hi,
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
	const struct cc_schema *schema = cc_schema_find("channels");
	enum cc_status st = cc_load_keys_named(L, s, cc_channel_names);
	for (int c = 0; !st && c < CC_CHANNEL_COUNT; c++) {
		const config_setting_t *m = config_setting_get_member(s, cc_channel_names[c]);
		if (!m)
			continue;
		struct cc_channel_cfg *ch = &scn->channels[c];
		if (!(st = cc_load_group_of(L, m, schema, ch)) && !(ch->offer_timeout_s > 0))
			st = cc_load_fail(L, m, "offer_timeout", "must be positive (an offer rings for "
			                  "some time)");
		if (!st)
			st = load_slowdown(L, m, ch);
	}
	return st;
}
/* ---- routing ---- */

/* routing = { policy = "longest_idle"; idle_timer = "activity"; } */
static enum cc_status load_routing(struct loader *L, const config_setting_t *root,
                                   struct cc_scenario *scn)
{
	const config_setting_t *s = config_setting_get_member(root, "routing");
	const char *policy = CC_POLICY_DEFAULT;
	enum cc_status st;
	if (s && (st = cc_load_string(L, s, "policy", 0, &policy)))
		return st;
	if (!cc_policy_name_known(policy))
		return cc_load_fail(L, s ? s : root, "policy", "unknown policy \"%s\" (expected one of: %s)",
		                    policy, cc_policy_name_list());
	scn->routing.policy = cc_strdup(policy);
	return CC_OK;
}

static enum cc_status load_root(struct loader *L, const config_setting_t *root,
                                struct cc_scenario *scn)
{
	const struct cc_schema *schema = &cc_schema_scenario;
	cc_load_defaults(schema, scn);
	enum cc_status st = cc_load_keys(L, root, schema);
	/* The seed is a uint64_t: any int64 libconfig reads from 0 up (the schema says so). */
	long long seed = 1;
	if (st || (st = cc_load_whole(L, root, "seed", 0, 0, INT64_MAX, &seed)) ||
	    (st = get_start(L, root, scn)) || (st = cc_load_plain(L, root, schema, scn)))
		return st;
	scn->seed = (uint64_t)seed;
	if (!(scn->horizon_s > 0))
		return cc_load_fail(L, root, "horizon", "must be positive");
	if (scn->warmup_s >= scn->horizon_s)
		return cc_load_fail(L, root, "warmup", "must be shorter than the horizon");
	if (!(scn->interval_s > 0))
		return cc_load_fail(L, root, "interval", "must be positive");
	if (scn->horizon_s / scn->interval_s > MAX_INTERVALS)
		return cc_load_fail(L, root, "interval", "gives more than %.0f intervals over the horizon",
		                    MAX_INTERVALS);
	if ((st = cc_load_busyness(L, root, "busyness", &scn->busyness)))
		return st;
	/* Agent groups name statuses and sites, so these come first. */
	if ((st = load_statuses(L, root, scn)) || (st = load_channels(L, root, scn)) ||
	    (st = load_routing(L, root, scn)) || (st = cc_load_regions(L, root, scn)))
		return st;

	/* The queues as written: the lines, which are every region's queues until the regions
	 * are expanded at the end. Until then names are the written ones, so that settings can
	 * name queues. */
	const config_setting_t *list = config_setting_get_member(root, "queues");
	if ((st = cc_load_list(L, root, cc_schema_row(schema, "queues"), scn)))
		return st;
	scn->n_lines = scn->n_queues;
	for (size_t i = 0; i < scn->n_queues; i++)
		if ((st = cc_load_queue(L, cc_load_elem(root, "queues", i), &scn->queues[i])))
			return st;
	if ((st = cc_load_link_callbacks(L, list, scn)) || (st = cc_load_traces(L, list, scn)))
		return st;
	/* The declared profiles, with room for one per group (those giving skills). */
	const config_setting_t *glist = config_setting_get_member(root, "agents");
	size_t n_groups = glist && config_setting_type(glist) == CONFIG_TYPE_LIST
	                  ? (size_t)config_setting_length(glist) : 0;
	if ((st = cc_load_routing_profiles(L, root, scn, n_groups)))
		return st;
	size_t n_declared = scn->n_profiles;
	if ((st = cc_load_list(L, root, cc_schema_row(schema, "agents"), scn)))
		return st;
	for (size_t i = 0; i < scn->n_groups; i++)
		if ((st = cc_load_group(L, cc_load_elem(root, "agents", i), scn, n_declared,
		                        &scn->groups[i])))
			return st;
	if ((st = cc_load_link_transfers(L, list, scn)))
		return st;
	for (size_t q = 0; q < scn->n_lines; q++) {
		int served = 0;
		for (size_t g = 0; g < scn->n_groups; g++)
			for (size_t s = 0; s < scn->groups[g].n_skills; s++)
				served |= scn->groups[g].skills[s] == q;
		if (!served)
			return cc_load_fail(L, config_setting_get_elem(config_setting_get_member(root, "queues"),
			                    (unsigned)q),
			            NULL, "queue \"%s\" is in no agent group's skills or routing profile: "
			            "nobody would answer it",
			            scn->queues[q].name);
	}
	if ((st = cc_load_changes(L, root, scn)))
		return st;
	if (scn->trace_days && (size_t)scn->replications > scn->trace_days) {
		char why[512];
		cc_scenario_check_replications(scn, (size_t)scn->replications, why, sizeof why);
		return cc_load_fail(L, root, "replications", "%s", why);
	}
	cc_load_expand_regions(scn);

	/* output.replications, worded as what each choice writes. */
	config_setting_t *out = config_setting_get_member(root, "output");
	if (out) {
		const char *per = NULL;
		if ((st = cc_load_string(L, out, "replications", 0, &per)))
			return st;
		if (per && strcmp(per, "intervals") == 0)
			scn->rep_intervals = 1;
		else if (per && strcmp(per, "totals") != 0)
			return cc_load_fail(L, out, "replications",
			                    "must be \"totals\" (each replication's figures over the whole horizon) "
			                    "or \"intervals\" (also per interval) (got \"%s\")",
			                    per);
	}
	return CC_OK;
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
		if ((st = cc_load_apply_set(&cfg, path, sets[i], err, errlen)))
			goto done;
		strcat(strcat(scn->overrides, sets[i]), "\n");
	}
	struct loader L = { path, err, errlen, scn, NAN };
	if (!(st = load_root(&L, config_root_setting(&cfg), scn)))
		cc_load_plausibility(&L, &cfg, scn);
done:
	config_destroy(&cfg);
	if (st)
		cc_scenario_fini(scn);
	return st;
}

static void group_fini(struct cc_group_cfg *g)
{
	cc_free(g->skills);
	cc_free(g->profile);
	cc_load_fini(cc_schema_find("agents"), g);
}

static void regions_fini(struct cc_regions_cfg *r)
{
	for (size_t i = 0; r->names && i < r->n; i++)
		cc_free(r->names[i]);
	cc_free(r->names);
	cc_free(r->shares);
	for (size_t i = 0; i < r->n_changes; i++)
		cc_free(r->changes[i].shares);
	cc_load_fini(cc_schema_find("regions"), r);
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
			cc_load_quick_connect_fini(&q->transfers[k]);
		cc_free(q->transfers);
		cc_free(q->per_hour);
		cc_free(q->forecast);
		cc_free(q->handle_mean_s);
		cc_free(q->trace.file);
		cc_free(q->trace.calls);
		cc_free(q->trace.day_first);
		/* Every distribution and list the schema reads, and patience, which has code of its
		 * own. */
		cc_load_fini(cc_schema_find("queues"), q);
		cc_dist_fini(&q->patience);
		cc_dist_fini(&q->busyness.dist);
		struct cc_dist_steps *steps[] = { &q->handle_steps, &q->acw_steps, &q->patience_steps };
		for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++) {
			for (size_t j = 0; j < steps[k]->n; j++)
				cc_dist_fini(&steps[k]->steps[j]);
			cc_free(steps[k]->steps);
		}
	}
	for (size_t i = 0; i < scn->n_groups; i++)
		group_fini(&scn->groups[i]);
	for (size_t i = 0; i < scn->n_profiles; i++) {
		cc_load_fini(cc_schema_find("routing_profiles"), &scn->profiles[i]);
		cc_free(scn->profiles[i].queues);
	}
	for (int c = 0; c < CC_CHANNEL_COUNT; c++)
		cc_free(scn->channels[c].slowdown);
	regions_fini(&scn->regions);
	cc_dist_fini(&scn->busyness.dist);
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

enum cc_status cc_scenario_check_replications(const struct cc_scenario *scn, size_t n,
                                              char *err, size_t errlen)
{
	if (!scn->trace_days || n <= scn->trace_days)
		return CC_OK;
	const char *file = "";
	for (size_t q = 0; q < scn->n_lines; q++)
		if (scn->queues[q].trace.has_day && scn->queues[q].trace.n_days == scn->trace_days)
			file = scn->queues[q].trace.file;
	snprintf(err, errlen, "%zu replications, but the trace %s has %zu day%s: each "
	         "replication replays one day (give at most %zu)", n, file, scn->trace_days,
	         scn->trace_days == 1 ? "" : "s", scn->trace_days);
	return CC_ERR_SCENARIO;
}

long cc_scenario_queue_index(const struct cc_scenario *scn, const char *name)
{
	for (size_t i = 0; i < scn->n_queues; i++)
		if (scn->queues[i].label && strcmp(scn->queues[i].label, name) == 0)
			return (long)i;
	return -1;
}

double cc_queue_handle_mean(const struct cc_queue_cfg *q, double t)
{
	double own = cc_queue_dist_at(&q->handle, &q->handle_steps, t)->mean;
	double j = floor(t / q->rate_width_s);
	if (!q->handle_mean_s || !(j >= 0) || j >= (double)q->n_handle_means)
		return own;
	double m = q->handle_mean_s[(size_t)j];
	return isnan(m) ? own : m;
}

int cc_queue_has_busyness(const struct cc_scenario *scn, const struct cc_queue_cfg *q)
{
	/* A trace's calls are replayed as logged: no rate to scale. */
	return q->process != CC_ARRIVALS_TRACE && (q->busyness.on || scn->busyness.on);
}

int cc_scenario_has_busyness(const struct cc_scenario *scn)
{
	for (size_t i = 0; i < scn->n_lines; i++)
		if (cc_queue_has_busyness(scn, &scn->queues[i]))
			return 1;
	return 0;
}

long cc_scenario_agents(const struct cc_scenario *scn)
{
	long n = 0;
	for (size_t i = 0; i < scn->n_groups; i++)
		n += scn->groups[i].count;
	return n;
}
