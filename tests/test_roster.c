/*
 * A group's roster (models/center/roster.c): the spans of each agent built from a day
 * profile of counts.
 */
#include "testutil.h"

#include "models/center/roster.h"

/* A day profile becomes per-agent spans: agent i works the steps whose count exceeds i. */
static void test_roster_from_profile(void **state)
{
	(void)state;
	int counts[] = { 1, 3, 0, 2 };
	struct cc_group_cfg g = { .count = 3, .profile = counts, .n_profile = 4, .profile_step_s = 100 };
	struct cc_roster r;
	cc_roster_build(&g, 1000, &r);
	assert_int_equal(r.agents, 3);
	/* Agent 0: [0, 200) and [300, inf); agent 1: [100, 200) and [300, inf); agent 2: [100, 200). */
	assert_int_equal(r.first[1] - r.first[0], 2);
	assert_near(r.spans[r.first[0]].end_s, 200, 0);
	assert_near(r.spans[r.first[0] + 1].start_s, 300, 0);
	assert_true(isinf(r.spans[r.first[0] + 1].end_s));
	assert_near(r.spans[r.first[1]].start_s, 100, 0);
	assert_int_equal(r.first[3] - r.first[2], 1);
	assert_near(r.spans[r.first[2]].end_s, 200, 0);
	cc_roster_fini(&r);
	cc_roster_fini(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roster_from_profile),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
