/* "ccsim check": validate and describe a scenario; the settings reference. */
#include <stdio.h>
#include <string.h>

#include "models/command/command.h"
#include "models/output/describe.h"
#include "models/scenario/schema.h"
#include "sim/alloc.h"
#include "sim/cli.h"

static const char check_usage[] =
	"usage: ccsim check SCENARIO [--set PATH=VALUE]... [--strict]\n"
	"       ccsim check --settings [--markdown]\n"
	"\n"
	"Validates SCENARIO as 'run' would and describes it; writes nothing. Settings that load\n"
	"but are almost surely mistyped (a handle mean of hours, an offer timeout under a second,\n"
	"offered load beyond twice the agents) draw a warning on stderr, as in 'run';\n"
	"--strict refuses the scenario then (exit 2), for CI.\n"
	"--settings prints every setting a scenario may hold, with its type, default and unit\n"
	"(--markdown: the tables of scenarios/README.md).\n"
	"exit codes: 0 valid; 2 bad usage or scenario (the message says file:line: setting: problem)\n";

/* "ccsim check --settings [--markdown]": the settings reference, from the schema (with
 * --markdown, the tables of scenarios/README.md between their markers). */
static int check_settings(int argc, char **argv)
{
	int markdown = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--markdown") == 0) {
			markdown = 1;
		} else if (strcmp(argv[i], "--settings") != 0) {
			cc_cli_error("check: --settings takes no scenario and no option but --markdown "
			             "(got '%s')", argv[i]);
			return cc_status_exit_code(CC_ERR_USAGE);
		}
	}
	cc_schema_print(stdout, markdown);
	return 0;
}

int cc_cmd_check(int argc, char **argv)
{
	if (cc_cmd_wants_help(argc, argv)) {
		fputs(check_usage, stdout);
		return 0;
	}
	/* --settings as an option, not as the value of --set. */
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--settings") == 0)
			return check_settings(argc, argv);
		i += strcmp(argv[i], "--set") == 0;
	}
	struct scenario_args sa = { 0 };
	sa.sets = cc_calloc((size_t)argc, sizeof *sa.sets);
	int bad = 0;
	for (int i = 1; i < argc && !bad; i++) {
		int m = cc_cmd_scenario_arg(argc, argv, &i, "check", &sa);
		if (m == 0)
			cc_cli_error("check: unknown option '%s' (try 'ccsim check --help')", argv[i]);
		bad = m <= 0;
	}
	if (!bad && !sa.path)
		cc_cli_error("check: which scenario? (usage: ccsim check SCENARIO)"), bad = 1;
	if (bad) {
		cc_free(sa.sets);
		return cc_status_exit_code(CC_ERR_USAGE);
	}
	struct cc_scenario scn;
	int rc = cc_cmd_load(&sa, NULL, NULL, &scn);
	cc_free(sa.sets);
	if (rc)
		return rc;
	cc_describe_scenario(&scn, stdout);
	cc_scenario_fini(&scn);
	return 0;
}

