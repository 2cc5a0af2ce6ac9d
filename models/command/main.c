/*
 * The ccsim command: wires the contact-center model into the engine's CLI plumbing.
 * Subcommands: run (simulate and write results), check (validate a scenario), erlang
 * (analytic Erlang B, C and A), export (results to CSV), compare (two results files, with
 * regression gates), sweep (a scenario over a grid of settings, into one results file),
 * staff (the fewest agents per interval that meet targets, by simulation).
 */

#include "models/command/command.h"
#include "models/output/version.h"
#include "sim/cli.h"
#include "sim/macros.h"

static const char usage[] =
	"usage: ccsim COMMAND [OPTIONS]\n"
	"\n"
	"ccsim simulates contact centers (queues, agents, abandonment, after-contact work) over\n"
	"independent replications and writes per-interval figures with confidence intervals to HDF5.\n";

int main(int argc, char **argv)
{
	cc_status_set_program("ccsim");
	static const struct cc_cli_command cmds[] = {
		{ "run", "simulate a scenario and write its results", cc_cmd_run },
		{ "check", "validate a scenario without running it", cc_cmd_check },
		{ "erlang", "analytic Erlang B, C and A figures", cc_cmd_erlang },
		{ "export", "write a results file as CSV tables", cc_cmd_export },
		{ "compare", "compare two results files, with regression gates", cc_cmd_compare },
		{ "sweep", "run a scenario over a grid of settings into one results file", cc_cmd_sweep },
		{ "staff", "the fewest agents per interval that meet targets, by simulation", cc_cmd_staff },
	};
	return cc_cli_dispatch("ccsim", CC_VERSION, usage, cmds, CC_ARRAY_SIZE(cmds),
	                       argc, argv);
}

