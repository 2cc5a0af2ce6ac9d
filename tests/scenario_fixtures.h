#ifndef CC_TEST_SCENARIO_FIXTURES_H
#define CC_TEST_SCENARIO_FIXTURES_H

/* The scenarios and helpers the scenario layer's tests share (test_scenario.c,
 * test_load_*.c, test_overrides.c, test_plausible.c, test_scenario_text.c). */

#include "testutil.h"
#include "models/policies/policy.h"

static const char base[] =
	"name = \"erlang-a\";\n"                                          /* 1 */
	"seed = 20261121;\n"                                              /* 2 */
	"horizon = \"24h\";\n"                                            /* 3 */
	"warmup = \"1h\";\n"                                              /* 4 */
	"interval = \"30m\";\n"                                           /* 5 */
	"replications = 20;\n"                                            /* 6 */
	"queues = (\n"                                                    /* 7 */
	"  { name = \"sales\"; channel = \"voice\";\n"                    /* 8 */
	"    arrivals = { process = \"poisson\"; per_hour = 100.0; };\n"  /* 9 */
	"    handle = { dist = \"exponential\"; mean = \"180s\"; };\n"    /* 10 */
	"    patience = { dist = \"exponential\"; mean = \"300s\"; };\n"  /* 11 */
	"    acw = { dist = \"deterministic\"; value = \"0s\"; };\n"      /* 12 */
	"    service_level = { threshold = \"20s\"; target = 0.80; };\n"  /* 13 */
	"  }\n"                                                           /* 14 */
	");\n"                                                            /* 15 */
	"agents = ( { name = \"team\"; count = 7; skills = [ \"sales\" ]; } );\n"; /* 16 */

/* A day of a blended center, with every agent-group setting. */
static const char full[] =
	"name = \"blend\";\n"                                                                     /* 1 */
	"horizon = \"24h\"; interval = \"15m\";\n"                                                /* 2 */
	"statuses = [ \"Break\", \"Lunch\", \"Training\", \"Outbound\" ];\n"                      /* 3 */
	"channels = { chat = { offer_timeout = \"45s\"; }; };\n"                                  /* 4 */
	"queues = (\n"                                                                            /* 5 */
	"  { name = \"sales\"; arrivals = { per_hour = 120.0; };\n"                               /* 6 */
	"    handle = { dist = \"exponential\"; mean = \"240s\"; }; rona_requeue = \"tail\"; },\n"  /* 7 */
	"  { name = \"web\"; channel = \"chat\"; arrivals = { per_hour = 30.0; };\n"              /* 8 */
	"    handle = { dist = \"lognormal\"; mean = \"420s\"; sd = \"300s\"; }; }\n"             /* 9 */
	");\n"                                                                                    /* 10 */
	"agents = (\n"                                                                            /* 11 */
	"  { name = \"front\"; skills = [ \"sales\", \"web\" ];\n"                                /* 12 */
	"    shifts = ( { start = \"8h\"; end = \"16h30m\"; count = 12; },\n"                     /* 13 */
	"               { start = \"12h\"; end = \"26h\"; count = 5; } );\n"                      /* 14 */
	"    login = \"Offline\";\n"                                                              /* 15 */
	"    login_delay = { dist = \"uniform\"; min = \"30s\"; max = \"2m30s\"; };\n"            /* 16 */
	"    idle_reason = \"Training\";\n"                                                       /* 17 */
	"    acw_limit = \"2m15s\";\n"                                                            /* 18 */
	"    planned = ( { status = \"Lunch\"; at = \"12h\"; window = \"2h\"; share = 0.85;\n"    /* 19 */
	"                  duration = { dist = \"deterministic\"; value = \"30m\"; }; },\n"       /* 20 */
	"                { status = \"Break\"; after = \"2h15m\"; duration = { dist = \"deterministic\"; value = \"15m\"; }; } );\n" /* 21 */
	"    unplanned = ( { status = \"Break\"; per_hour = 0.35; duration = { dist = \"exponential\"; mean = \"7m\"; }; } );\n" /* 22 */
	"    answer = { delay = { dist = \"uniform\"; min = \"2s\"; max = \"9s\"; }; miss = 0.025;\n" /* 23 */
	"               away = { per_hour = 0.45; duration = { dist = \"exponential\"; mean = \"95s\"; }; }; };\n" /* 24 */
	"    rona = { reaction = { dist = \"exponential\"; mean = \"40s\"; }; available = 0.7; idle = { dist = \"deterministic\"; value = \"65s\"; }; };\n" /* 25 */
	"    outbound = { per_hour = 2.5; from = \"10h\"; until = \"12h\"; status = \"Outbound\"; reach = 0.8;\n" /* 26 */
	"                 dial = { dist = \"deterministic\"; value = \"25s\"; }; handle = { dist = \"exponential\"; mean = \"210s\"; };\n" /* 27 */
	"                 acw = { dist = \"deterministic\"; value = \"45s\"; }; available_after = false; idle_after = { dist = \"deterministic\"; value = \"10s\"; }; };\n" /* 28 */
	"  },\n"                                                                                  /* 29 */
	"  { name = \"back\"; skills = [ \"web\" ]; profile = { step = \"1h\"; counts = [ 0, 4, 9, 6, 0 ]; }; }\n" /* 30 */
	");\n"                                                                                    /* 31 */
	"output = { agent_events = true; };\n";                                                   /* 32 */

/* Loads TEXT with FROM replaced by TO; expects an error that contains WANT. */
static inline void expect_error_in(const char *text, const char *from, const char *to, const char *want)
{
	char edited[8192];
	tu_edit(edited, sizeof edited, text, from, to);
	struct cc_scenario scn;
	char err[1024] = "";
	enum cc_status st = tu_load(edited, NULL, 0, &scn, err, sizeof err);
	if (st != CC_ERR_SCENARIO || !strstr(err, want) || strstr(err, "--set"))
		fail_msg("replacing '%s' by '%s': status %d, message '%s', wanted '%s'", from, to, st,
		         err, want);
}

/* Loads BASE with the text FROM replaced by TO; expects an error that contains WANT. */
static inline void expect_error(const char *from, const char *to, const char *want)
{
	expect_error_in(base, from, to, want);
}

/* Loads TEXT with FROM replaced by TO into SCN, which must succeed. */
static inline void load_edited(const char *text, const char *from, const char *to,
                        struct cc_scenario *scn)
{
	char edited[8192], err[1024] = "";
	tu_edit(edited, sizeof edited, text, from, to);
	if (tu_load(edited, NULL, 0, scn, err, sizeof err) != CC_OK)
		fail_msg("replacing '%s' by '%s': %s", from, to, err);
}

/* A constant-0 distribution: what every optional distribution left out must be. */
static inline void assert_zero_dist(const struct cc_dist *d)
{
	assert_int_equal(d->kind, CC_DIST_DETERMINISTIC);
	assert_near(d->mean, 0, 0);
}

/* Routing profiles, a policy, and every queue extra: head starts, callbacks, dialing,
 * pauses, rings and slowdowns. */
static const char routed[] =
	"name = \"routed\";\n"                                                                    /* 1 */
	"horizon = \"8h\";\n"                                                                     /* 2 */
	"routing = { policy = \"bullseye\"; idle_timer = \"inbound\"; };\n"                       /* 3 */
	"channels = { chat = { slowdown = [ 1.0, 1.2, 1.45 ]; }; email = { slowdown = ( 1, 1.125 ); }; };\n" /* 4 */
	"queues = (\n"                                                                            /* 5 */
	"  { name = \"sales\"; arrivals = { per_hour = 60.5; }; handle = { dist = \"exponential\"; mean = \"3m\"; };\n" /* 6 */
	"    patience = { dist = \"exponential\"; mean = \"4m\"; };\n"                            /* 7 */
	"    priorities = ( { share = 0.125; head_start = \"2m\"; }, { share = 0.0625; head_start = \"5m30s\"; } );\n" /* 8 */
	"    callback = { queue = \"cb\"; threshold = \"2m15s\"; accept = 0.45; estimate = \"oldest\"; };\n" /* 9 */
	"    rings = ( { after = \"5s\"; level = 8; }, { after = \"20s\"; level = 5; }, { after = \"1m\"; level = 1; } ); },\n" /* 10 */
	"  { name = \"web\"; channel = \"chat\"; arrivals = { per_hour = 30.0; }; handle = { dist = \"exponential\"; mean = \"6m\"; }; },\n" /* 11 */
	"  { name = \"mail\"; channel = \"email\"; arrivals = { per_hour = 10.0; }; handle = { dist = \"exponential\"; mean = \"7m\"; };\n" /* 12 */
	"    service_level = { threshold = \"24h\"; target = 0.9; }; },\n"                       /* 13 */
	"  { name = \"work\"; channel = \"task\"; arrivals = { per_hour = 5.0; }; handle = { dist = \"exponential\"; mean = \"10m\"; };\n" /* 14 */
	"    pause = { share = 0.35; duration = { dist = \"deterministic\"; value = \"45m\"; }; }; },\n" /* 15 */
	"  { name = \"cb\"; channel = \"callback\"; arrivals = { per_hour = 0.0; }; handle = { dist = \"exponential\"; mean = \"3m\"; };\n" /* 16 */
	"    dialing = { pending = { dist = \"uniform\"; min = \"1m\"; max = \"5m\"; }; dial = { dist = \"deterministic\"; value = \"20s\"; };\n" /* 17 */
	"                reach = 0.8; retries = 2; retry_delay = \"10m\"; }; },\n"                /* 18 */
	"  { name = \"cb2\"; channel = \"callback\"; arrivals = { per_hour = 0.0; }; handle = { dist = \"exponential\"; mean = \"3m\"; }; }\n" /* 19 */
	");\n"                                                                                    /* 20 */
	"routing_profiles = (\n"                                                                  /* 21 */
	"  { name = \"blended\"; concurrency = { voice = 1; chat = 3; email = 2; }; cross_channel = true;\n" /* 22 */
	"    queues = ( { queue = \"sales\"; priority = 2; delay = \"30s\"; level = 5; }, \"web\", { queue = \"mail\"; level = 7; } ); },\n" /* 23 */
	"  { name = \"back\"; concurrency = { task = 4; callback = 1; }; queues = [ \"work\", \"cb\", \"cb2\" ]; },\n" /* 24 */
	"  { name = \"spare\"; concurrency = { voice = 1; }; queues = ( \"sales\" ); }\n"         /* 25 */
	");\n"                                                                                    /* 26 */
	"agents = (\n"                                                                            /* 27 */
	"  { name = \"front\"; count = 5; skills = [ \"web\", \"sales\" ]; },\n"                  /* 28 */
	"  { name = \"mixed\"; count = 4; routing_profile = \"blended\"; },\n"                    /* 29 */
	"  { name = \"office\"; count = 2; routing_profile = \"back\"; }\n"                        /* 30 */
	");\n";                                                                                   /* 31 */

/* Quick connects of every kind and mode. */
static const char xfer[] =
	"name = \"xfer\";\n"                                                                      /* 1 */
	"horizon = \"8h\";\n"                                                                     /* 2 */
	"queues = (\n"                                                                            /* 3 */
	"  { name = \"support\"; arrivals = { per_hour = 40.5; }; handle = { dist = \"empirical\"; values = [ \"2m\", \"6m\" ]; weights = [ 3.0, 1.0 ]; };\n" /* 4 */
	"    acw = { dist = \"deterministic\"; value = \"25s\"; };\n"                             /* 5 */
	"    callback = { queue = \"cb\"; };\n"                                                   /* 6 */
	"    transfer = { flow = \"4s\"; agent_whisper = { dist = \"uniform\"; min = \"1s\"; max = \"3s\"; }; customer_whisper = \"1500ms\";\n" /* 7 */
	"      to = (\n"                                                                          /* 8 */
	"        { share = 0.2; queue = \"billing\"; },\n"                                        /* 9 */
	"        { share = 0.125; group = \"tier2\"; mode = \"consult\"; consult = { dist = \"exponential\"; mean = \"1m\"; }; reject = 0.1; fallback = \"billing\"; },\n" /* 10 */
	"        { share = 0.0625; group = \"tier2\"; agent = 2; mode = \"conference\"; conference = \"2m\"; handle = { dist = \"exponential\"; mean = \"5m\"; }; flow = \"0s\"; },\n" /* 11 */
	"        { share = 0.05; external = true; mode = \"consult\"; consult = \"45s\"; },\n"   /* 12 */
	"        { share = 0.03125; queue = \"billing\"; mode = \"conference\"; }\n"             /* 13 */
	"      ); }; },\n"                                                                        /* 14 */
	"  { name = \"billing\"; arrivals = { per_hour = 20.0; }; handle = { dist = \"exponential\"; mean = \"4m\"; };\n" /* 15 */
	"    transfer = { to = ( { share = 0.5; queue = \"support\"; mode = \"consult\"; } ); }; },\n" /* 16 */
	"  { name = \"web\"; channel = \"chat\"; arrivals = { per_hour = 10.0; }; handle = { dist = \"exponential\"; mean = \"6m\"; }; },\n" /* 17 */
	"  { name = \"cb\"; channel = \"callback\"; arrivals = { per_hour = 0.0; }; handle = { dist = \"exponential\"; mean = \"3m\"; }; }\n" /* 18 */
	");\n"                                                                                    /* 19 */
	"agents = (\n"                                                                            /* 20 */
	"  { name = \"front\"; count = 6; skills = [ \"support\", \"billing\", \"cb\" ]; },\n"    /* 21 */
	"  { name = \"tier2\"; count = 3; skills = [ \"support\" ]; },\n"                         /* 22 */
	"  { name = \"chat\"; count = 2; skills = [ \"web\" ]; }\n"                               /* 23 */
	");\n";                                                                                   /* 24 */

/* Two sites; support's and support-cb's queues in both; a group moves there and back. */
static const char sites[] =
	"name = \"sites\";\n"                                                                     /* 1 */
	"horizon = \"10h\";\n"                                                                    /* 2 */
	"regions = {\n"                                                                           /* 3 */
	"  sites = ( { name = \"east\"; share = 0.7; }, { name = \"west\"; share = 0.3; } );\n"   /* 4 */
	"  changes = ( { at = \"3h\"; shares = { east = 0.0; west = 1.0; };\n"                    /* 5 */
	"                move = ( { group = \"east-team\"; to = \"west\"; } ); },\n"              /* 6 */
	"              { at = \"6h\"; move = ( { group = \"east-team\"; to = \"east\"; }, { group = \"west-team\"; to = \"east\"; } ); } );\n" /* 7 */
	"  move = { available_after = { dist = \"uniform\"; min = \"30s\"; max = \"90s\"; }; automatic = true; restart = 0.625; restart_delay = \"2m\"; };\n" /* 8 */
	"};\n"                                                                                    /* 9 */
	"queues = (\n"                                                                            /* 10 */
	"  { name = \"support\"; arrivals = { per_hour = 40.0; }; handle = { dist = \"exponential\"; mean = \"4m\"; };\n" /* 11 */
	"    callback = { queue = \"support-cb\"; threshold = \"1m\"; };\n"                      /* 12 */
	"    transfer = { to = ( { share = 0.25; queue = \"billing\"; }, { share = 0.125; group = \"west-team\"; fallback = \"billing\"; } ); }; },\n" /* 13 */
	"  { name = \"billing\"; arrivals = { per_hour = 12.0; }; handle = { dist = \"exponential\"; mean = \"5m\"; }; },\n" /* 14 */
	"  { name = \"support-cb\"; channel = \"callback\"; arrivals = { per_hour = 0.0; }; handle = { dist = \"exponential\"; mean = \"3m\"; }; }\n" /* 15 */
	");\n"                                                                                    /* 16 */
	"agents = (\n"                                                                            /* 17 */
	"  { name = \"east-team\"; count = 5; skills = [ \"support\", \"support-cb\" ]; },\n"    /* 18 */
	"  { name = \"west-team\"; region = \"west\"; count = 4; skills = [ \"billing\", \"support\" ]; }\n" /* 19 */
	");\n";                                                                                   /* 20 */

/* Loads BASE with override SET; expects STATUS and an error that contains WANT. */
static inline void expect_set_error(const char *set, enum cc_status status, const char *want)
{
	struct cc_scenario scn;
	char err[1024] = "";
	const char *sets[] = { set };
	enum cc_status st = tu_load(base, sets, 1, &scn, err, sizeof err);
	if (st != status || !strstr(err, want))
		fail_msg("--set %s: status %d, message '%s', wanted %d and '%s'", set, st, err, status,
		         want);
}

#endif
