/* Option plumbing, scenario loading and signals shared by the subcommands. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "models/command/command.h"
#include "sim/cli.h"
#include "sim/ranks.h"

/* Whether --help or -h stands as an option: not as the value of one ("--set -h", "-o --help"). */
int cc_cmd_wants_help(int argc, char **argv)
{
	static const char *const flags[] = { "--json", "--intervals", "--quiet", "--strict",
	                                     "--markdown", "--zip" };
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
		int takes_value = argv[i][0] == '-' && argv[i][1] && !strchr(argv[i], '=');
		for (size_t f = 0; f < sizeof flags / sizeof flags[0]; f++)
			takes_value &= strcmp(argv[i], flags[f]) != 0;
		i += takes_value; /* skip its value */
	}
	return 0;
}

/*
 * Takes argv[*I] if it belongs to the scenario: "--set PATH=VALUE" or the scenario's path.
 * Returns 1 when taken, 0 when it is another option, -1 on an error (printed).
 */
int cc_cmd_scenario_arg(int argc, char **argv, int *i, const char *cmd, struct scenario_args *sa)
{
	const char *v;
	int m = cc_cli_option(argc, argv, i, "--set", &v);
	if (m > 0)
		sa->sets[sa->n_sets++] = v;
	if (m != 0)
		return m;
	if (strcmp(argv[*i], "--strict") == 0) {
		sa->strict = 1;
		return 1;
	}
	if (argv[*i][0] == '-' && argv[*i][1])
		return 0;
	if (sa->path) {
		cc_cli_error("%s: one scenario at a time ('%s' is extra)", cmd, argv[*i]);
		return -1;
	}
	sa->path = argv[*i];
	return 1;
}

/* Whether SCN (NULL: none) has the warning TEXT. */
static int has_warning(const struct cc_scenario *scn, const char *text)
{
	for (size_t i = 0; scn && i < scn->n_warnings; i++)
		if (strcmp(scn->warnings[i], text) == 0)
			return 1;
	return 0;
}

/*
 * Loads the scenario of A into SCN, printing its warnings (but those SHOWN, a scenario
 * loaded before, already printed) and refusing them with --strict. SIDE (NULL: none) names
 * what is loaded in messages ("the candidate side"). Returns 0, or the exit code of a
 * failure (printed).
 */
int cc_cmd_load(const struct scenario_args *a, const char *side, const struct cc_scenario *shown,
                struct cc_scenario *scn)
{
	return cc_cmd_load_as(a, "compare", side, shown, scn);
}

int cc_cmd_load_as(const struct scenario_args *a, const char *cmd, const char *side,
                   const struct cc_scenario *shown, struct cc_scenario *scn)
{
	char err[CC_CMD_ERR_LEN];
	enum cc_status st = cc_scenario_load(a->path, a->sets, a->n_sets, scn, err, sizeof err);
	if (st) {
		if (side)
			cc_cli_error("%s: %s: %s", cmd, side, err);
		else
			cc_cli_put_line(stderr, err);
		return cc_status_exit_code(st == CC_ERR_IO ? CC_ERR_SCENARIO : st);
	}
	for (size_t i = 0; i < scn->n_warnings; i++)
		if (!has_warning(shown, scn->warnings[i]))
			cc_cli_put_line(stderr, scn->warnings[i]);
	if (a->strict && scn->n_warnings) {
		cc_cli_error("%s: %zu warning%s, refused with --strict", side ? side : a->path,
		             scn->n_warnings, scn->n_warnings == 1 ? "" : "s");
		cc_scenario_fini(scn);
		return cc_status_exit_code(CC_ERR_SCENARIO);
	}
	return 0;
}

/* The signal that asked the run to stop, or 0. */
static volatile sig_atomic_t stop_signal;
atomic_int cc_cmd_stop_flag;

static void on_stop_signal(int sig)
{
	stop_signal = sig;
	cc_cmd_stop_flag = 1;
}

/* SIGINT, SIGTERM and SIGHUP stop a run cleanly: the temporary file goes, the exit code is
 * 128 + the signal's number. An MPI rank other than 0 has no file: a signal ends it at once,
 * and mpirun ends the others (rank 0 then stopping as here). */
void cc_cmd_catch_signals(void)
{
	if (!cc_ranks_writer())
		return;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	cc_ranks_watch(&cc_cmd_stop_flag);
}

const char *cc_cmd_signal_name(void)
{
	int sig = stop_signal;
	return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : sig == SIGHUP ? "SIGHUP" : "a signal";
}

int cc_cmd_stop_exit_code(void)
{
	return 128 + stop_signal;
}

/* Output to stdout that could not be written (a full disk, a closed pipe) is a failure. */
int cc_cmd_stdout_failed(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	cc_cli_error("cannot write to standard output: %s", strerror(errno ? errno : EIO));
	return 1;
}

