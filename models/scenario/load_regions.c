/* Regions: the sites and their shares, the changes of the traffic distribution, groups moved
 * between sites, and every queue made to exist in every site. */
#include "models/scenario/loader.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/alloc.h"

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
		return cc_load_fail(L, s, NULL, "the sites' shares add up to %g: they must add up to 1", total);
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
	cc_load_defaults(cc_schema_find("regions"), r);
}

/* { name = "east"; share = 0.7; } */
static enum cc_status load_site(struct loader *L, const config_setting_t *e,
                                struct cc_regions_cfg *r, size_t i)
{
	const char *name;
	config_setting_t *m;
	enum cc_status st;
	if ((st = cc_load_keys(L, e, cc_schema_find("regions.sites"))) || (st = cc_load_string(L, e, "name", 1, &name)))
		return st;
	if (strchr(name, '@'))
		return cc_load_fail(L, e, "name", "\"%s\" must have no '@' (with regions, queues are named "
		                    "<queue>@<site>)", name);
	if ((st = cc_load_name(L, e, 1, &name)))
		return st;
	for (size_t j = 0; j < i; j++)
		if (strcmp(r->names[j], name) == 0)
			return cc_load_fail(L, e, "name", "another site is already named \"%s\"", name);
	r->names[i] = cc_strdup(name);
	if ((st = cc_load_member(L, e, "share", 1, &m)))
		return st;
	return cc_load_share(L, e, "share", &r->shares[i]);
}

/*
 * regions = { sites = ( ... ); changes = ( ... ); move = { ... }; }: the sites and how agents
 * move. The changes name agent groups, whose rules wait for them (cc_load_changes). Without
 * regions the scenario has one, named "".
 */
enum cc_status cc_load_regions(struct loader *L, const config_setting_t *root,
                               struct cc_scenario *scn)
{
	const struct cc_schema *schema = cc_schema_find("regions");
	struct cc_regions_cfg *r = &scn->regions;
	regions_defaults(r);
	const config_setting_t *s = config_setting_get_member(root, "regions");
	if (!s)
		return CC_OK;
	const config_setting_t *sites;
	size_t n;
	enum cc_status st;
	if ((st = cc_load_keys(L, s, schema)) || (st = cc_load_optional_list(L, s, "sites", &sites, &n)))
		return st;
	if (!sites)
		return cc_load_fail(L, s, "sites", "missing (required)");
	if (n == 0)
		return cc_load_fail(L, sites, NULL, "must list at least one site");
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
	/* changes = ( ... ) (their rules wait for the groups), and move = { available_after =
	 * { ... }; automatic = false; restart = 0.5; ... } */
	return cc_load_plain(L, s, schema, r);
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
	enum cc_status st = cc_load_keys_named(L, s, keys);
	for (size_t r = 0; !st && r < n; r++)
		st = config_setting_get_member(s, keys[r])
		     ? cc_load_share(L, s, keys[r], &(*out)[r])
		     : cc_load_fail(L, s, keys[r], "missing: a change gives every site's share (0 for none)");
	cc_free(keys);
	return st ? st : check_share_total(L, s, *out, n);
}

/*
 * move = ( { group = "east-team"; to = "west"; } ): the groups moved by change C (E). WHERE
 * holds each group's region before the change and is brought up to date.
 */
static enum cc_status moves_rule(struct loader *L, const config_setting_t *e,
                                 const struct cc_scenario *scn, struct cc_traffic_change_cfg *c,
                                 size_t *where)
{
	for (size_t i = 0; i < c->n_moves; i++) {
		const config_setting_t *m = cc_load_elem(e, "move", i);
		struct cc_region_move_cfg *mv = &c->moves[i];
		const char *name = config_setting_get_string(config_setting_get_member(m, "group"));
		long g;
		enum cc_status st = cc_load_ref(L, m, "group", CC_SETTING_AGENTS, name, &g);
		if (st)
			return st;
		mv->group = (size_t)g;
		for (size_t j = 0; j < i; j++)
			if (c->moves[j].group == mv->group)
				return cc_load_fail(L, m, "group", "group \"%s\" moves twice in this change", name);
		if (where[g] == mv->to)
			return cc_load_fail(L, m, "to", "group \"%s\" is in %s already at that time", name,
			                    scn->regions.names[mv->to]);
		where[g] = mv->to;
	}
	return CC_OK;
}

/* changes = ( { at = "3h"; shares = { ... }; move = ( ... ); }, ... ), read with the regions:
 * in time order, each changing something; the groups they move are known now. */
enum cc_status cc_load_changes(struct loader *L, const config_setting_t *root,
                               struct cc_scenario *scn)
{
	const config_setting_t *s = config_setting_get_member(root, "regions");
	struct cc_regions_cfg *r = &scn->regions;
	size_t *where = cc_calloc(scn->n_groups, sizeof *where);
	enum cc_status st = CC_OK;
	for (size_t g = 0; g < scn->n_groups; g++)
		where[g] = scn->groups[g].region;
	for (size_t i = 0; i < r->n_changes && !st; i++) {
		const config_setting_t *e = cc_load_elem(s, "changes", i);
		struct cc_traffic_change_cfg *c = &r->changes[i];
		const config_setting_t *shares = config_setting_get_member(e, "shares");
		if (!(c->at_s < scn->horizon_s))
			st = cc_load_fail(L, e, "at", "must be before the horizon (the change would never "
			                  "happen)");
		else if (i > 0 && c->at_s < r->changes[i - 1].at_s)
			st = cc_load_fail(L, e, "at", "must not be before the previous change's (%gs): "
			                  "changes come in time order", r->changes[i - 1].at_s);
		else if (!shares && !config_setting_get_member(e, "move"))
			st = cc_load_fail(L, e, NULL, "changes nothing: give shares, move or both");
		else if (!(shares && (st = load_change_shares(L, shares, scn, &c->shares))))
			st = moves_rule(L, e, scn, c, where);
	}
	cc_free(where);
	return st;
}
/*
 * Makes every queue exist in every region: queue LINE of region R at R * n_lines + LINE.
 * Region 0 keeps the queues as loaded; the other regions' copies (replicas) share their
 * name, arrays and distributions, with a label and an array of quick connects of their own
 * (whose queues are in the copy's region, as is its callback queue). With several regions
 * every queue is labelled "<queue>@<site>". Routing profiles' queues and groups' skills stay lines:
 * the model serves them in the region the group is in at the time.
 */
void cc_load_expand_regions(struct cc_scenario *scn)
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
			if (q->redial.queue >= 0)
				q->redial.queue += (long)base;
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
