/*
 * The ccsim command: wires the contact-center model into the engine's CLI plumbing.
 * Subcommands: run (simulate and write results), check (validate a scenario), erlang
 * (analytic Erlang B, C and A), export (results to CSV), compare (two results files, with
 * regression gates), sweep (a scenario over a grid of settings, into one results file),
 * staff (the fewest agents per interval that meet targets, by simulation).
 */

#include <string.h>

#include "models/command/command.h"
#include "models/output/version.h"
#include "sim/cli.h"
#include "sim/macros.h"
#include "sim/ranks.h"

static const char usage[] =
	"usage: ccsim COMMAND [OPTIONS]\n"
	"\n"
	"ccsim simulates contact centers (queues, agents, abandonment, after-contact work) over\n"
	"independent replications and writes per-interval figures with confidence intervals to HDF5.\n"
	"\n"
	"ccsim-mpi (make mpi) takes the same commands under mpirun or srun: run, sweep, compare and\n"
	"staff share their replications out among the ranks (--threads inside each), and write\n"
	"the files ./ccsim writes on one thread, byte for byte; rank 0 writes and prints.\n";

/* The commands that simulate: under MPI (./ccsim-mpi) every rank runs them, sharing out the
 * replications; the others are rank 0's alone. */
static int simulates(const char *command)
{
	static const char *const which[] = { "run", "sweep", "compare", "staff" };
	for (size_t i = 0; i < CC_ARRAY_SIZE(which); i++)
		if (strcmp(command, which[i]) == 0)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	cc_status_set_program("ccsim");
	cc_ranks_init(&argc, &argv);
	static const struct cc_cli_command cmds[] = {
		{ "run", "simulate a scenario and write its results", cc_cmd_run },
		{ "check", "validate a scenario without running it", cc_cmd_check },
		{ "erlang", "analytic Erlang B, C and A figures", cc_cmd_erlang },
		{ "export", "write a results file as CSV tables", cc_cmd_export },
		{ "compare", "compare two results files, with regression gates", cc_cmd_compare },
		{ "sweep", "run a scenario over a grid of settings into one results file", cc_cmd_sweep },
		{ "staff", "the fewest agents per interval that meet targets, by simulation", cc_cmd_staff },
	};
	if (cc_ranks_rank() != 0 && (argc < 2 || !simulates(argv[1])))
		return cc_ranks_finish(0, 1);
	int rc = cc_cli_dispatch("ccsim", CC_VERSION, usage, cmds, CC_ARRAY_SIZE(cmds), argc, argv);
	return cc_ranks_finish(rc, rc == CC_EXIT_GATE || rc == CC_EXIT_UNREACHABLE ||
	                               rc == CC_EXIT_UNCONFIRMED);
}

