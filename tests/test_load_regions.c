/* Regions: sites, changes of the traffic distribution, moves, and their errors. */
#include "scenario_fixtures.h"

/* Without regions: one, named "", and the queues as written. */
static void test_load_regions_region_defaults(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	assert_int_equal(tu_load(base, NULL, 0, &scn, err, sizeof err), CC_OK);
	const struct cc_regions_cfg *r = &scn.regions;
	assert_int_equal(r->n, 1);
	assert_string_equal(r->names[0], "");
	assert_near(r->shares[0], 1, 0);
	assert_int_equal(r->n_changes, 0);
	assert_null(r->changes);
	assert_int_equal(r->available_after.kind, CC_DIST_UNIFORM);
	assert_near(r->available_after.a, 60, 0);
	assert_near(r->available_after.b, 120, 0);
	assert_false(r->automatic);
	assert_near(r->restart, 0.5, 0);
	assert_int_equal(r->restart_delay.kind, CC_DIST_DETERMINISTIC);
	assert_near(r->restart_delay.mean, 60, 0);
	assert_int_equal(scn.n_lines, 1);
	assert_int_equal(scn.n_queues, 1);
	assert_string_equal(scn.queues[0].name, "sales");
	assert_int_equal(scn.queues[0].line, 0);
	assert_int_equal(scn.queues[0].region, 0);
	assert_false(scn.queues[0].replica);
	assert_null(scn.queues[0].transfers);
	assert_int_equal(scn.groups[0].region, 0);
	assert_int_equal(cc_scenario_queue_index(&scn, "sales"), 0);
	cc_scenario_fini(&scn);

	/* One site: its name is known, the queues keep theirs. */
	load_edited(base, "queues = (", "regions = { sites = ( { name = \"hq\"; share = 1.0; } ); };\nqueues = (", &scn);
	assert_int_equal(scn.regions.n, 1);
	assert_string_equal(scn.regions.names[0], "hq");
	assert_int_equal(scn.n_queues, 1);
	assert_string_equal(scn.queues[0].name, "sales");
	cc_scenario_fini(&scn);
}

static void test_load_regions_regions(void **state)
{
	(void)state;
	struct cc_scenario scn;
	char err[1024] = "";
	if (tu_load(sites, NULL, 0, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	const struct cc_regions_cfg *r = &scn.regions;
	assert_int_equal(r->n, 2);
	assert_string_equal(r->names[0], "east");
	assert_string_equal(r->names[1], "west");
	assert_near(r->shares[0], 0.7, 0);
	assert_near(r->shares[1], 0.3, 0);
	assert_int_equal(r->available_after.kind, CC_DIST_UNIFORM);
	assert_near(r->available_after.mean, 60, 1e-12);
	assert_true(r->automatic);
	assert_near(r->restart, 0.625, 0);
	assert_near(r->restart_delay.mean, 120, 0);

	assert_int_equal(r->n_changes, 2);
	assert_near(r->changes[0].at_s, 3 * 3600, 0);
	assert_non_null(r->changes[0].shares);
	assert_near(r->changes[0].shares[0], 0, 0);
	assert_near(r->changes[0].shares[1], 1, 0);
	assert_int_equal(r->changes[0].n_moves, 1);
	assert_int_equal(r->changes[0].moves[0].group, 0);
	assert_int_equal(r->changes[0].moves[0].to, 1);
	assert_near(r->changes[1].at_s, 6 * 3600, 0);
	assert_null(r->changes[1].shares); /* unchanged */
	assert_int_equal(r->changes[1].n_moves, 2);
	assert_int_equal(r->changes[1].moves[0].group, 0);
	assert_int_equal(r->changes[1].moves[0].to, 0);
	assert_int_equal(r->changes[1].moves[1].group, 1);
	assert_int_equal(r->changes[1].moves[1].to, 0);
	assert_int_equal(scn.groups[0].region, 0);
	assert_int_equal(scn.groups[1].region, 1);

	/* Region by region, every queue labelled "<queue>@<site>", its name as written. */
	static const char *const names[] = { "support@east", "billing@east", "support-cb@east",
	                                     "support@west", "billing@west", "support-cb@west" };
	assert_int_equal(scn.n_lines, 3);
	assert_int_equal(scn.n_queues, 6);
	for (size_t i = 0; i < 6; i++) {
		const struct cc_queue_cfg *q = &scn.queues[i];
		assert_string_equal(q->label, names[i]);
		assert_string_equal(q->name, scn.queues[i % 3].name);
		assert_int_equal(q->line, i % 3);
		assert_int_equal(q->region, i / 3);
		assert_int_equal(q->replica, i >= 3);
		assert_int_equal(cc_scenario_queue_index(&scn, names[i]), (long)i);
		/* A copy shares its line's arrays and distributions. */
		assert_ptr_equal(q->per_hour, scn.queues[i % 3].per_hour);
		assert_near(q->handle.mean, scn.queues[i % 3].handle.mean, 0);
		assert_int_equal(q->channel, scn.queues[i % 3].channel);
		assert_int_equal(q->n_transfers, i % 3 == 0 ? 2 : 0);
	}
	assert_int_equal(cc_scenario_queue_index(&scn, "support"), -1);

	/* Queue indexes point into the copy's own region; groups stay groups. */
	const struct cc_queue_cfg *east = &scn.queues[0], *west = &scn.queues[3];
	assert_int_equal(east->callback.queue, 2);
	assert_int_equal(west->callback.queue, 5);
	assert_near(west->callback.threshold_s, 60, 0);
	assert_int_equal(scn.queues[1].callback.queue, -1);
	assert_int_equal(scn.queues[4].callback.queue, -1);
	assert_true(west->transfers != east->transfers);
	assert_int_equal(east->transfers[0].kind, CC_TRANSFER_QUEUE);
	assert_int_equal(east->transfers[0].target, 1);
	assert_int_equal(west->transfers[0].target, 4);
	assert_near(west->transfers[0].share, 0.25, 0);
	assert_int_equal(east->transfers[1].kind, CC_TRANSFER_AGENT);
	assert_int_equal(east->transfers[1].target, 1);
	assert_int_equal(west->transfers[1].target, 1);
	assert_int_equal(east->transfers[1].fallback, 1);
	assert_int_equal(west->transfers[1].fallback, 4);
	assert_ptr_equal(west->transfers[1].handle.values, east->transfers[1].handle.values);

	/* Routing profiles and skills stay lines. */
	assert_int_equal(scn.groups[1].n_skills, 2);
	assert_int_equal(scn.groups[1].skills[0], 1);
	assert_int_equal(scn.groups[1].skills[1], 0);
	const struct cc_routing_profile_cfg *p = &scn.profiles[scn.groups[1].routing];
	assert_int_equal(p->queues[0].queue, 1);
	assert_int_equal(p->queues[1].queue, 0);
	cc_scenario_fini(&scn);

	/* Overrides address the queues as written, and sites by name. */
	const char *sets[] = { "queues.support.handle.mean=5m", "regions.sites.east.share=0.5",
	                       "regions.sites.west.share=0.5", "agents.west-team.region=east",
	                       "regions.changes.[1].move.[1].to=west" };
	if (tu_load(sites, sets, 5, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	assert_near(scn.queues[0].handle.mean, 300, 0);
	assert_near(scn.queues[3].handle.mean, 300, 0);
	assert_near(scn.regions.shares[0], 0.5, 0);
	assert_int_equal(scn.groups[1].region, 0);
	assert_int_equal(scn.regions.changes[1].moves[1].to, 1);
	cc_scenario_fini(&scn);
	const char *by_copy[] = { "queues.support@east.handle.mean=5m" };
	assert_int_equal(tu_load(sites, by_copy, 1, &scn, err, sizeof err), CC_ERR_USAGE);
	const char *odd[] = { "regions.sites.west.share=0.4" };
	assert_int_equal(tu_load(sites, odd, 1, &scn, err, sizeof err), CC_ERR_SCENARIO);
	assert_non_null(strstr(err, ":4: regions.sites: the sites' shares add up to 1.1: they must add up to 1"));
}

static void test_load_regions_region_errors(void **state)
{
	(void)state;
	/* sites */
	expect_error_in(sites, "share = 0.3", "share = 0.2", ":4: regions.sites: the sites' shares add up to 0.9: they must add up to 1");
	expect_error_in(sites, "name = \"west\"", "name = \"we@st\"",
	                ":4: regions.sites.[1].name: \"we@st\" must have no '@' (with regions, queues are named <queue>@<site>)");
	expect_error_in(sites, "name = \"west\"", "name = \"we.st\"", ":4: regions.sites.[1].name: \"we.st\" must have no '.'");
	expect_error_in(sites, "name = \"west\"", "name = \"\"", ":4: regions.sites.[1].name: \"\" must be letters");
	expect_error_in(sites, "{ name = \"west\"; share = 0.3; }", "{ name = \"east\"; share = 0.3; }",
	                ":4: regions.sites.[1].name: another site is already named \"east\"");
	expect_error_in(sites, "name = \"west\"; share = 0.3;", "name = \"west\";", ":4: regions.sites.[1].share: missing (required)");
	expect_error_in(sites, "share = 0.7", "share = 1.7", ":4: regions.sites.[0].share: must be a share from 0 to 1");
	expect_error_in(sites, "sites = ( { name = \"east\"; share = 0.7; }, { name = \"west\"; share = 0.3; } );", "",
	                ":3: regions.sites: missing (required)");
	expect_error_in(sites, "sites = ( { name = \"east\"; share = 0.7; }, { name = \"west\"; share = 0.3; } );", "sites = ( );",
	                ":4: regions.sites: must list at least one site");
	expect_error_in(sites, "regions = {", "regions = { zones = 2;", ":3: regions.zones: unknown setting (expected one of: sites, changes, move)");

	/* changes */
	expect_error_in(sites, "to = \"west\"; } ); },", "to = \"north\"; } ); },",
	                ":6: regions.changes.[0].move.[0].to: no site is named \"north\" (sites: east, west)");
	expect_error_in(sites, "group = \"east-team\"; to = \"west\"", "group = \"north-team\"; to = \"west\"",
	                ":6: regions.changes.[0].move.[0].group: no agent group is named \"north-team\"");
	expect_error_in(sites, "at = \"6h\"", "at = \"2h\"",
	                ":7: regions.changes.[1].at: must not be before the previous change's (10800s): changes come in time order");
	expect_error_in(sites, "at = \"6h\"", "at = \"10h\"", ":7: regions.changes.[1].at: must be before the horizon");
	expect_error_in(sites, "at = \"3h\"", "at = \"-3h\"", ":5: regions.changes.[0].at: must not be negative");
	expect_error_in(sites, "at = \"3h\"; ", "", ":5: regions.changes.[0].at: missing (required)");
	expect_error_in(sites, "shares = { east = 0.0; west = 1.0; }", "shares = { east = 1.0; }",
	                ":5: regions.changes.[0].shares.west: missing: a change gives every site's share (0 for none)");
	expect_error_in(sites, "shares = { east = 0.0; west = 1.0; }", "shares = { east = 0.0; west = 0.5; north = 0.5; }",
	                ":5: regions.changes.[0].shares.north: unknown setting (expected one of: east, west)");
	expect_error_in(sites, "shares = { east = 0.0; west = 1.0; }", "shares = { east = 0.0; west = 0.5; }",
	                ":5: regions.changes.[0].shares: the sites' shares add up to 0.5: they must add up to 1");
	expect_error_in(sites, "shares = { east = 0.0; west = 1.0; }", "shares = { east = 0.0; west = -1.0; }",
	                ":5: regions.changes.[0].shares.west: must be a share from 0 to 1");
	expect_error_in(sites, "shares = { east = 0.0; west = 1.0; }", "shares = [ 0.0, 1.0 ]",
	                ":5: regions.changes.[0].shares: must be a group");
	expect_error_in(sites, "{ group = \"east-team\"; to = \"east\"; }", "{ group = \"east-team\"; to = \"west\"; }",
	                ":7: regions.changes.[1].move.[0].to: group \"east-team\" is in west already at that time");
	expect_error_in(sites, "{ group = \"west-team\"; to = \"east\"; }", "{ group = \"east-team\"; to = \"east\"; }",
	                ":7: regions.changes.[1].move.[1].group: group \"east-team\" moves twice in this change");
	expect_error_in(sites, "at = \"6h\"; move = ( { group = \"east-team\"; to = \"east\"; }, { group = \"west-team\"; to = \"east\"; } );", "at = \"6h\";",
	                ":7: regions.changes.[1]: changes nothing: give shares, move or both");
	expect_error_in(sites, "move = ( { group = \"east-team\"; to = \"west\"; } );", "move = ( );",
	                ":6: regions.changes.[0].move: must list at least one group");
	expect_error_in(sites, "to = \"west\"; } ); },", "to = \"west\"; at = 3; } ); },",
	                ":6: regions.changes.[0].move.[0].at: unknown setting (expected one of: group, to)");
	expect_error_in(sites, "at = \"6h\";", "at = \"6h\"; when = 1;", ":7: regions.changes.[1].when: unknown setting (expected one of: at, shares, move)");

	/* moving agents */
	expect_error_in(sites, "automatic = true", "auto = true",
	                ":8: regions.move.auto: unknown setting (expected one of: available_after, automatic, restart, restart_delay)");
	expect_error_in(sites, "automatic = true", "automatic = 1", ":8: regions.move.automatic: must be true or false");
	expect_error_in(sites, "restart = 0.625", "restart = 1.625", ":8: regions.move.restart: must be a share from 0 to 1");
	expect_error_in(sites, "restart_delay = \"2m\"", "restart_delay = \"soon\"", ":8: regions.move.restart_delay: \"soon\" is not a duration");
	expect_error_in(sites, "max = \"90s\"", "max = \"10s\"", ":8: regions.move.available_after.max: must be at least min");

	/* groups */
	expect_error_in(sites, "region = \"west\"", "region = \"south\"",
	                ":19: agents.[1].region: no site is named \"south\" (sites: east, west)");
	expect_error_in(sites, "region = \"west\"", "region = 1", ":19: agents.[1].region: must be a string");
	expect_error("count = 7;", "count = 7; region = \"east\";",
	             ":16: agents.[0].region: no site is named \"east\" (sites: none: declare them in regions.sites)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_regions_region_defaults),
		cmocka_unit_test(test_load_regions_regions),
		cmocka_unit_test(test_load_regions_region_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
