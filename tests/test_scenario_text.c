/* The scenario text scanner: syntax errors that say what was expected. */
#include "scenario_fixtures.h"

/* libconfig says "syntax error" and nothing else; the loader says what was expected where. */
static void test_scenario_text_syntax_errors_say_what_was_expected(void **state)
{
	(void)state;
	static const struct { const char *from, *to, *want; } cases[] = {
		{ "horizon = \"24h\";", "horizon = ;", ":3: horizon: expected a value after '=' (a "
		  "number, a \"string\", true, false, { }, ( ) or [ ]) (found ';')" },
		{ "horizon = \"24h\";", "horizon = 24h;", ":3: horizon: 24h is text: write it in double "
		  "quotes (\"24h\")" },
		{ "channel = \"voice\";", "channel = voice;", ":8: queues.[0].channel: voice is text" },
		{ "horizon = \"24h\";", "horizon \"24h\";", ":3: expected '=' after horizon (found the "
		  "string \"24h\")" },
		{ "  }\n);", "  }\n  { name = \"b\"; }\n);", ":15: queues: expected ',' or ')' after "
		  "element 0 (found '{'): the elements of a list are separated by ','" },
		{ "skills = [ \"sales\" ]", "skills = [ \"sales\", 2 ]", ":16: agents.[0].skills: the "
		  "elements of an array [ ] must all be of one kind: element 1 is a whole number, the "
		  "first a string" },
		{ "skills = [ \"sales\" ]", "skills = [ { a = 1; } ]", ":16: agents.[0].skills: an "
		  "array [ ] holds numbers, strings or true/false; write a list ( ) to hold groups" },
		{ "skills = [ \"sales\" ]", "skills = [ \"sales\", ]", ":16: agents.[0].skills: a ',' "
		  "before the closing ']'" },
		{ "mean = \"300s\"; };", "mean = \"300s\"; );", ":11: queues.[0].patience: found ')', "
		  "but the '{' of line 11 is still open (expected '}')" },
		{ "mean = \"300s\"; };", "mean = \"300s\";", ":15: queues.[0]: found ')', but the '{' of "
		  "line 8 is still open (expected '}')" },
		{ "agents = ( {", "agents = ( { {", ":16: agents.[0]: expected the name of a setting, or "
		  "'}' (found '{')" },
		{ "replications = 20;", "replications = 20; q = { a = 1;", ":6: q: the '{' opened here "
		  "is never closed" },
		{ "seed = 20261121;", "seed = 20261121; seed = 3;", ":2: seed is set twice (first at line 2)" },
		{ "seed = 20261121;", "2seed = 20261121;", ":2: expected the name of a setting (found "
		  "the number 2): names start with a letter" },
		{ "name = \"erlang-a\";", "name = \"erlang-a;", ":3: expected the name of a setting (found "
		  "the number 24): names start with a letter; the string that opens on line 1 runs over "
		  "several lines: a missing \" there?" },
		{ "agents = ( { name = \"team\"; count = 7; skills = [ \"sales\" ]; } );", "agents = \"team",
		  ":16: agents: a string opened here is never closed (a missing \")" },
		{ "seed = 20261121;", "seed = 20261121; }", ":2: found '}', with nothing open to close" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		expect_error(cases[i].from, cases[i].to, cases[i].want);
	/* Nesting is bounded (the reading recurses). */
	char deep[1024] = "seed = 1; q = ";
	for (int i = 0; i < 150; i++)
		strcat(deep, "(");
	for (int i = 0; i < 150; i++)
		strcat(deep, ")");
	expect_error("seed = 20261121;", deep, ":2: ...");
	expect_error("seed = 20261121;", deep, ": nested more than 100 deep");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scenario_text_syntax_errors_say_what_was_expected),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
