#ifndef CC_CMD_H
#define CC_CMD_H

#include <stddef.h>

#include "models/scenario/scenario.h"

/*
 * What the subcommands of ccsim share: option plumbing for scenarios, loading one with its
 * warnings, stopping on a signal, and running a loaded scenario as 'ccsim run' does. Every
 * function prints its own errors (cc_cli_error) and returns 0 or the process's exit code.
 */

#define CC_CMD_ERR_LEN 1024

/* Options that load a scenario: the file and its --set overrides. */
struct scenario_args {
	const char *path;
	const char **sets;
	size_t n_sets;
	int strict; /* --strict: a warning about the scenario is an error */
};

struct run_options {
	const char *output;
	const char *csv_dir;
	long long reps, seed, threads;
	int json, quiet, intervals;
};

/* The subcommands: argv[0] is the subcommand's name; each returns the exit code. */
int cc_cmd_run(int argc, char **argv);
int cc_cmd_check(int argc, char **argv);
int cc_cmd_erlang(int argc, char **argv);
int cc_cmd_export(int argc, char **argv);
int cc_cmd_compare(int argc, char **argv);
int cc_cmd_sweep(int argc, char **argv);

/* Whether --help or -h stands as an option: not as the value of one ("--set -h"). */
int cc_cmd_wants_help(int argc, char **argv);

/*
 * Takes argv[*I] if it belongs to the scenario: "--set PATH=VALUE", "--strict" or the
 * scenario's path (SA->sets has room for argc entries). Returns 1 when taken, 0 when it is
 * another option, -1 on an error (printed; CMD names the subcommand).
 */
int cc_cmd_scenario_arg(int argc, char **argv, int *i, const char *cmd, struct scenario_args *sa);

/*
 * Loads the scenario of A into SCN, printing its warnings (but those SHOWN, a scenario
 * loaded before, already printed) and refusing them with --strict. SIDE (NULL: none) names
 * what is loaded in messages ("the candidate side"). Returns 0, or the exit code.
 */
int cc_cmd_load(const struct scenario_args *a, const char *side, const struct cc_scenario *shown,
                struct cc_scenario *scn);

/* As cc_cmd_load, for subcommand CMD: a failure to load reads "CMD: SIDE: why". */
int cc_cmd_load_as(const struct scenario_args *a, const char *cmd, const char *side,
                   const struct cc_scenario *shown, struct cc_scenario *scn);

/* SIGINT, SIGTERM and SIGHUP set cc_cmd_stop_flag (which a run polls) once caught; a stopped
 * command exits with cc_cmd_stop_exit_code(), 128 + the signal's number. */
extern volatile int cc_cmd_stop_flag;
void cc_cmd_catch_signals(void);
const char *cc_cmd_signal_name(void);
int cc_cmd_stop_exit_code(void);

/* Flushes stdout; a failure to write it (a full disk, a closed pipe) is printed: returns 1. */
int cc_cmd_stdout_failed(void);

/* Runs SCN (its replications and seed as set) as 'ccsim run' does with options O: the
 * results file, then what O asks on stdout. */
int cc_cmd_run_scenario(struct cc_scenario *scn, const struct run_options *o);

#endif
