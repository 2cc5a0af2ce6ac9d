/* Warnings about what loads but is almost surely mistyped. */
#include "scenario_fixtures.h"

/* Warnings (not errors) for what loads but is almost surely mistyped; the shipped scenarios
 * draw none. */
static void test_plausible_warnings_flag_mistypes(void **state)
{
	(void)state;
	static const struct { const char *set, *want; } cases[] = {
		{ "queues.sales.handle.mean=180000", "warning: --set queues.[0].handle.mean: a mean of "
		  "180000 s (50.0 h) is longer than any handle a contact center sees" },
		{ "queues.sales.patience.mean=\"6h\"", "warning: --set queues.[0].patience.mean: a mean of 21600 s" },
		{ "queues.sales.acw.value=[ 30.5, 18000.25 ]", "warning: --set queues.[0].acw.value: a "
		  "mean of 18000 s (5.0 h) is longer than any acw" },
		{ "queues.sales.service_level.threshold=\"25h\"", "warning: --set "
		  "queues.[0].service_level.threshold: 90000 s is longer than the horizon (86400 s)" },
		{ "channels.voice.offer_timeout=0.5", "warning: --set channels.voice.offer_timeout: an "
		  "offer that rings for 0.5 s (under a second)" },
		{ "channels.voice.offer_timeout=\"2h\"", "(over an hour) is never missed in practice" },
		{ "queues.sales.arrivals.per_hour=1000.0", "queues.[0]: the peak offered load of the "
		  "voice queues, 50.0 erlangs (this one 50.0), is more than 2 times what all their "
		  "agents can hold at once (7)" },
		{ "agents.team.answer.delay={dist=\"deterministic\";value=\"30s\";}", "warning: --set "
		  "agents.[0].answer.delay: a mean answer delay of 30 s is longer than the voice offer "
		  "timeout (18 s)" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct cc_scenario scn;
		char err[1024] = "";
		const char *sets[] = { cases[i].set };
		assert_int_equal(tu_load(base, sets, 1, &scn, err, sizeof err), CC_OK);
		int found = 0;
		for (size_t w = 0; w < scn.n_warnings; w++)
			found |= strstr(scn.warnings[w], cases[i].want) != NULL;
		if (!found)
			fail_msg("--set %s: %zu warnings, none with '%s'%s%s", cases[i].set, scn.n_warnings,
			         cases[i].want, scn.n_warnings ? "; first: " : "",
			         scn.n_warnings ? scn.warnings[0] : "");
		cc_scenario_fini(&scn);
	}
	/* A default is named at its place; channels no queue uses draw none. */
	{
		struct cc_scenario scn;
		char err[1024] = "";
		char *text = tu_erlang_scenario(100, 180, 7, 300, "horizon = \"10s\";");
		const char *email[] = { "channels.email.offer_timeout=0.5" };
		assert_int_equal(tu_load(text, email, 1, &scn, err, sizeof err), CC_OK);
		free(text);
		assert_int_equal(scn.n_warnings, 1);
		assert_non_null(strstr(scn.warnings[0], ": warning: queues.[0].service_level.threshold: "
		                                          "20 s is longer than the horizon (10 s)"));
		cc_scenario_fini(&scn);
	}
	/* A file's own settings are named by their line. */
	char edited[8192];
	tu_edit(edited, sizeof edited, base, "mean = \"180s\"", "mean = \"180000s\"");
	struct cc_scenario scn;
	char err[1024] = "";
	assert_int_equal(tu_load(edited, NULL, 0, &scn, err, sizeof err), CC_OK);
	assert_true(scn.n_warnings >= 1);
	assert_non_null(strstr(scn.warnings[0], ":10: warning: queues.[0].handle.mean: a mean of 180000 s"));
	cc_scenario_fini(&scn);
	/* None for the example, nor for shares written as shares. */
	assert_int_equal(tu_load(base, NULL, 0, &scn, err, sizeof err), CC_OK);
	assert_int_equal(scn.n_warnings, 0);
	cc_scenario_fini(&scn);
	/* A share written as a percentage is an error that says so. */
	expect_error_in(full, "share = 0.85", "share = 85", "must be a share from 0 to 1 (got 85: a "
	                "percentage? write 0.85)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plausible_warnings_flag_mistypes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
