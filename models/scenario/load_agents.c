/* Agent groups and routing profiles: plain settings by the schema, then the rules that need
 * code (schedules, statuses, the routing profile a group serves by). */
#include "models/scenario/loader.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/alloc.h"

/* ---- agent groups ---- */

/* shifts = ( { start = "8h"; end = "16h"; count = 12; }, ... ): the group's size is their sum. */
static enum cc_status shifts_rule(struct loader *L, const config_setting_t *s, double horizon_s,
                                  struct cc_group_cfg *g)
{
	const struct cc_setting *count = cc_schema_row(cc_schema_find("agents"), "count");
	long total = 0;
	for (size_t i = 0; i < g->n_shifts; i++) {
		const config_setting_t *e = cc_load_elem(s, "shifts", i);
		struct cc_shift_cfg *sh = &g->shifts[i];
		/* Clock times name the first such time: a shift from 22:00 to 06:00 ends the next
		 * day. */
		const config_setting_t *end = config_setting_get_member(e, "end");
		if (config_setting_type(end) == CONFIG_TYPE_STRING &&
		    strchr(config_setting_get_string(end), ':') && !(sh->end_s > sh->start_s))
			sh->end_s += 86400;
		if (!(sh->start_s < horizon_s))
			return cc_load_fail(L, e, "start", "must be before the horizon (the shift would never "
			                    "start)");
		if (!(sh->end_s > sh->start_s))
			return cc_load_fail(L, e, "end", "must be after start");
		total += sh->count;
		if (total > count->hi)
			return cc_load_fail(L, e, "count", "brings the group above %.0f agents", count->hi);
	}
	g->count = (int)total;
	return CC_OK;
}

/* profile = { step = "30m"; counts = [ 4, 6, 10, 0 ]; }: the group's size is its peak. */
static enum cc_status load_profile(struct loader *L, const config_setting_t *s,
                                   double interval_s, struct cc_group_cfg *g)
{
	const struct cc_schema *schema = cc_schema_find("agents.profile");
	const struct cc_setting *row = cc_schema_row(schema, "counts");
	config_setting_t *counts;
	g->profile_step_s = interval_s;
	enum cc_status st;
	if ((st = cc_load_keys(L, s, schema)) ||
	    (st = cc_load_duration(L, s, "step", 0, &g->profile_step_s)))
		return st;
	if (!(g->profile_step_s > 0))
		return cc_load_fail(L, s, "step", "must be positive");
	if ((st = cc_load_member(L, s, "counts", 1, &counts)))
		return st;
	int t = config_setting_type(counts);
	if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST)
		return cc_load_fail(L, counts, NULL, "must be a list of agent counts [4, 6, 10] (got %s)",
		                    cc_load_type_name(counts));
	size_t n = (size_t)config_setting_length(counts);
	if (n == 0)
		return cc_load_fail(L, counts, NULL, "must list at least one count");
	g->profile = cc_calloc(n, sizeof *g->profile);
	g->n_profile = n;
	for (size_t i = 0; i < n; i++) {
		long long v;
		if ((st = cc_load_whole_of(L, config_setting_get_elem(counts, (unsigned)i),
		                           (long long)row->lo, (long long)row->hi, &v)))
			return st;
		g->profile[i] = (int)v;
		if (g->profile[i] > g->count)
			g->count = g->profile[i];
	}
	if (g->count == 0)
		return cc_load_fail(L, counts, NULL, "must have a count above 0 (nobody would ever log in)");
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
			return cc_load_fail(L, s, kinds[k], "give only one of count, shifts and profile (%s is "
			                    "given too)", given);
		given = kinds[k];
	}
	if (!given)
		return cc_load_fail(L, s, NULL, "has no schedule: give count, shifts or profile");
	if (strcmp(given, "shifts") == 0)
		return shifts_rule(L, s, scn->horizon_s, g);
	if (strcmp(given, "profile") == 0)
		return load_profile(L, config_setting_get_member(s, "profile"), scn->interval_s, g);
	const struct cc_setting *row = cc_schema_row(cc_schema_find("agents"), "count");
	long long count;
	enum cc_status st = cc_load_whole(L, s, "count", 1, (long long)row->lo, (long long)row->hi,
	                                  &count);
	g->count = (int)count;
	return st;
}

static enum cc_status load_skills(struct loader *L, const config_setting_t *s,
                                  struct cc_group_cfg *g)
{
	config_setting_t *sk;
	enum cc_status st = cc_load_member(L, s, "skills", 1, &sk);
	if (st)
		return st;
	int t = config_setting_type(sk);
	if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST)
		return cc_load_fail(L, sk, NULL, "must be a list of queue names [\"a\", \"b\"] (got %s)",
		                    cc_load_type_name(sk));
	g->n_skills = (size_t)config_setting_length(sk);
	if (g->n_skills == 0)
		return cc_load_fail(L, sk, NULL, "must name at least one queue");
	g->skills = cc_calloc(g->n_skills, sizeof *g->skills);
	for (size_t i = 0; i < g->n_skills; i++) {
		const config_setting_t *e = config_setting_get_elem(sk, (unsigned)i);
		if (config_setting_type(e) != CONFIG_TYPE_STRING)
			return cc_load_fail(L, e, NULL, "must be a queue name (got %s)", cc_load_type_name(e));
		long q;
		if ((st = cc_load_ref(L, e, NULL, CC_SETTING_QUEUE, config_setting_get_string(e), &q)))
			return st;
		for (size_t j = 0; j < i; j++)
			if (g->skills[j] == (size_t)q)
				return cc_load_fail(L, e, NULL, "\"%s\" is listed twice", config_setting_get_string(e));
		g->skills[i] = (size_t)q;
	}
	return CC_OK;
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
		return cc_load_fail(L, s, "routing_profile", "give skills or routing_profile, not both");
	if (!has_skills && !has_profile)
		return cc_load_fail(L, s, NULL, "serves no queue: give skills (a list of queues) or "
		                    "routing_profile (a routing profile's name)");
	enum cc_status st;
	if (has_skills) {
		if ((st = load_skills(L, s, g)))
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
	if ((st = cc_load_string(L, s, "routing_profile", 1, &name)))
		return st;
	size_t r = 0;
	while (r < n_declared && strcmp(scn->profiles[r].name, name) != 0)
		r++;
	if (r == n_declared) {
		char list[512];
		cc_load_join(list, sizeof list, "none: declare them in routing_profiles = ( ... )",
		             &scn->profiles[0].name, sizeof *scn->profiles, n_declared);
		return cc_load_fail(L, s, "routing_profile", "no routing profile is named \"%s\" "
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

/* acw_limit: positive, or left out for none. */
static enum cc_status acw_limit_rule(struct loader *L, const config_setting_t *s,
                                     struct cc_group_cfg *g)
{
	enum cc_status st = cc_load_duration(L, s, "acw_limit", 0, &g->acw_limit_s);
	if (!st && !(g->acw_limit_s > 0))
		return cc_load_fail(L, s, "acw_limit", "must be positive (leave it out for no limit)");
	return st;
}

/* planned = ( { status = "Lunch"; at = "12h"; ... } ): each at a time, or after the login. */
static enum cc_status planned_rule(struct loader *L, const config_setting_t *s,
                                   struct cc_group_cfg *g)
{
	enum cc_status st = CC_OK;
	for (size_t i = 0; i < g->n_planned && !st; i++) {
		const config_setting_t *e = cc_load_elem(s, "planned", i);
		struct cc_planned_cfg *p = &g->planned[i];
		int has_at = config_setting_get_member(e, "at") != NULL;
		p->after_login = config_setting_get_member(e, "after") != NULL;
		if (has_at && p->after_login)
			return cc_load_fail(L, e, "after", "give at (from time 0) or after (from each "
			                    "shift's start), not both");
		if (!has_at && !p->after_login)
			return cc_load_fail(L, e, NULL, "needs at (from time 0) or after (from each "
			                    "shift's start)");
		st = p->after_login ? cc_load_duration(L, e, "after", 1, &p->at_s)
		                    : cc_load_time(L, e, "at", 1, &p->at_s);
	}
	return st;
}

/* rona = { ... }: agents who do not choose Available after a RONA need an idle reason to go
 * to. */
static enum cc_status rona_rule(struct loader *L, const config_setting_t *s,
                                struct cc_group_cfg *g)
{
	const config_setting_t *m = config_setting_get_member(s, "rona");
	if (m && g->rona.available < 1 && g->idle_status < 0)
		return cc_load_fail(L, m, "available", "agents who do not choose Available go to the idle "
		                    "reason: name statuses (and idle_reason)");
	/* Repeated misses: the status they are put in is the idle reason unless named (a
	 * status named with not_ready_after = 0 is unused, so that a sweep may turn it off). */
	struct cc_rona_cfg *r = &g->rona;
	if (r->not_ready_status < 0)
		r->not_ready_status = g->idle_status;
	if (r->not_ready_after > 0 && r->not_ready_status < 0)
		return cc_load_fail(L, m, "not_ready_after", "agents who keep missing need a status to "
		                    "be put in: set not_ready_status, or name statuses (and idle_reason)");
	return CC_OK;
}

/* outbound = { per_hour = 2; from = "10h"; until = "12h"; status = "Outbound"; ... }: the
 * campaign's order, a handle when it dials, and a status to stay in when agents stay idle. */
static enum cc_status outbound_rule(struct loader *L, const config_setting_t *s,
                                    struct cc_group_cfg *g)
{
	struct cc_outbound_cfg *o = &g->outbound;
	const config_setting_t *m = config_setting_get_member(s, "outbound");
	int has_handle = 0;
	enum cc_status st;
	if (!m)
		return CC_OK;
	if (!(o->until_s > o->from_s))
		return cc_load_fail(L, m, "until", "must be after from");
	if ((st = cc_load_dist(L, m, "handle", o->per_hour > 0, &o->handle, &has_handle)))
		return st;
	if (has_handle && !(o->handle.mean > 0))
		return cc_load_fail(L, m, "handle", "must have a positive mean (calls take time)");
	if (!o->available_after && o->status < 0 && g->idle_status < 0)
		return cc_load_fail(L, m, "available_after", "agents who stay idle after an outdial need a "
		                    "status to stay in: set status, or name statuses (and idle_reason)");
	return CC_OK;
}

enum cc_status cc_load_group(struct loader *L, const config_setting_t *s,
                             struct cc_scenario *scn, size_t n_declared,
                             struct cc_group_cfg *g)
{
	enum cc_status st;
	if (!config_setting_get_member(s, "idle_reason"))
		g->idle_status = scn->n_statuses ? CC_AGENT_FIRST_NPT : -1;
	if ((st = load_schedule(L, s, scn, g)) ||
	    (st = load_group_routing(L, s, scn, n_declared, g)) || (st = acw_limit_rule(L, s, g)) ||
	    (st = planned_rule(L, s, g)) || (st = rona_rule(L, s, g)))
		return st;
	return outbound_rule(L, s, g);
}

/* concurrency = { voice = 1; chat = 3; }: channels not named are not handled. */
static enum cc_status load_concurrency(struct loader *L, const config_setting_t *s,
                                       struct cc_routing_profile_cfg *p)
{
	config_setting_t *m;
	enum cc_status st = cc_load_member(L, s, "concurrency", 1, &m);
	if (st)
		return st;
	const char *names[CC_CHANNEL_COUNT + 1] = { NULL };
	for (int c = 0; c < CC_CHANNEL_COUNT; c++)
		names[c] = cc_channel_name((enum cc_channel)c);
	if ((st = cc_load_keys_named(L, m, names)))
		return st;
	if (config_setting_length(m) == 0)
		return cc_load_fail(L, m, NULL, "must give at least one channel, e.g. { voice = 1; chat = 3; }");
	for (int c = 0; c < CC_CHANNEL_COUNT; c++) {
		const config_setting_t *e = config_setting_get_member(m, cc_channel_name(c));
		if (!e)
			continue;
		int t = config_setting_type(e);
		if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64)
			return cc_load_fail(L, e, NULL, "must be a whole number (got %s)", cc_load_type_name(e));
		long long v = config_setting_get_int64(e);
		int max = cc_channel_max_concurrency((enum cc_channel)c);
		if ((v < 1 || v > max) && max == 1)
			return cc_load_fail(L, e, NULL, "must be 1: an agent handles one %s contact at a time "
			                    "(got %lld; leave the channel out to handle none)", cc_channel_name(c), v);
		if (v < 1 || v > max)
			return cc_load_fail(L, e, NULL, "must be from 1 to %d: an agent handles at most %d %s "
			                    "contacts at a time (got %lld; leave the channel out to handle none)",
			                    max, max, cc_channel_name(c), v);
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
	const struct cc_schema *schema = cc_schema_find("routing_profiles.queues");
	struct cc_profile_queue_cfg *pq = &p->queues[i];
	const char *name, *key = NULL;
	enum cc_status st;
	cc_load_defaults(schema, pq);
	if (config_setting_type(e) == CONFIG_TYPE_STRING) {
		name = config_setting_get_string(e);
	} else if (config_setting_type(e) == CONFIG_TYPE_GROUP) {
		key = "queue";
		if ((st = cc_load_keys(L, e, schema)) || (st = cc_load_string(L, e, "queue", 1, &name)) ||
		    (st = cc_load_plain(L, e, schema, pq)))
			return st;
	} else {
		return cc_load_fail(L, e, NULL, "must be a queue name or a group { queue = \"...\"; "
		                    "priority = 1; } (got %s)", cc_load_type_name(e));
	}
	long q;
	if ((st = cc_load_ref(L, e, key, CC_SETTING_QUEUE, name, &q)))
		return st;
	pq->queue = (size_t)q;
	for (size_t j = 0; j < i; j++)
		if (p->queues[j].queue == pq->queue)
			return cc_load_fail(L, e, NULL, "queue \"%s\" is listed twice", name);
	enum cc_channel ch = scn->queues[q].channel;
	if (!p->concurrency[ch])
		return cc_load_fail(L, e, NULL, "queue \"%s\" is a %s queue and the profile handles no %s "
		                    "(give concurrency.%s)", name, cc_channel_name(ch), cc_channel_name(ch),
		                    cc_channel_name(ch));
	return CC_OK;
}

/* A routing profile's concurrency and queues (its name and plain settings read already). */
static enum cc_status profile_rule(struct loader *L, const config_setting_t *s,
                                   const struct cc_scenario *scn,
                                   struct cc_routing_profile_cfg *p)
{
	config_setting_t *list;
	enum cc_status st;
	if ((st = load_concurrency(L, s, p)) || (st = cc_load_member(L, s, "queues", 1, &list)))
		return st;
	int t = config_setting_type(list);
	if (t != CONFIG_TYPE_LIST && t != CONFIG_TYPE_ARRAY)
		return cc_load_fail(L, list, NULL, "must be a list of queues ( \"a\", { queue = \"b\"; "
		                    "priority = 2; } ) (got %s)", cc_load_type_name(list));
	size_t n = (size_t)config_setting_length(list);
	if (n == 0)
		return cc_load_fail(L, list, NULL, "must name at least one queue");
	p->queues = cc_calloc(n, sizeof *p->queues);
	p->n_queues = n;
	for (size_t i = 0; i < n; i++)
		if ((st = load_profile_queue(L, config_setting_get_elem(list, (unsigned)i), scn, p, i)))
			return st;
	return CC_OK;
}

/* routing_profiles = ( { ... }, ... ): the scenario's own profiles, then room for one per
 * agent group (those giving skills make one, cc_load_group). */
enum cc_status cc_load_routing_profiles(struct loader *L, const config_setting_t *root,
                                        struct cc_scenario *scn, size_t n_groups)
{
	enum cc_status st = cc_load_list(L, root, cc_schema_row(&cc_schema_scenario,
	                                                         "routing_profiles"), scn);
	size_t n = scn->n_profiles;
	scn->profiles = cc_realloc(scn->profiles, n + n_groups, sizeof *scn->profiles);
	memset(scn->profiles + n, 0, n_groups * sizeof *scn->profiles);
	for (size_t i = 0; !st && i < n; i++)
		st = profile_rule(L, cc_load_elem(root, "routing_profiles", i), scn, &scn->profiles[i]);
	return st;
}
