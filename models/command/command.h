#ifndef CC_CMD_H
#define CC_CMD_H

#include <stddef.h>

#include "models/output/results.h"

#include "models/run/precision.h"
#include "models/run/run.h"
#include "models/scenario/scenario.h"

/*
 * What the subcommands of ccsim share: option plumbing for scenarios, loading one with its
 * warnings, stopping on a signal, and running a loaded scenario as 'ccsim run' does. Every
 * function prints its own errors (cc_cli_error) and returns 0 or the process's exit code.
 */

#define CC_CMD_ERR_LEN 1024

/* Exit codes that are outcomes, not failures: a compare gate failed; ccsim staff found a
 * target unreachable, or its answer unconfirmed. Every MPI rank reaches them together. */
enum { CC_EXIT_GATE = 3, CC_EXIT_UNREACHABLE = 4, CC_EXIT_UNCONFIRMED = 5 };

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
	int progress;          /* show the progress line even when quiet */
	int keep_totals;       /* keep every replication's totals in memory (for comparisons) */
	const char *side;      /* names the run in its failures ("base"), or NULL */
	struct cc_precision *precision; /* run to these targets (bound to the scenario), or NULL */
};

/* The subcommands: argv[0] is the subcommand's name; each returns the exit code. */
int cc_cmd_run(int argc, char **argv);
int cc_cmd_check(int argc, char **argv);
int cc_cmd_erlang(int argc, char **argv);
int cc_cmd_export(int argc, char **argv);
int cc_cmd_compare(int argc, char **argv);
int cc_cmd_sweep(int argc, char **argv);
int cc_cmd_staff(int argc, char **argv);

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
extern atomic_int cc_cmd_stop_flag;
void cc_cmd_catch_signals(void);
const char *cc_cmd_signal_name(void);
int cc_cmd_stop_exit_code(void);

/* Flushes stdout; a failure to write it (a full disk, a closed pipe) is printed: returns 1. */
int cc_cmd_stdout_failed(void);

/* Runs SCN (its replications and seed as set) as 'ccsim run' does with options O: the
 * results file, then what O asks on stdout; to O's precision when it has one. */
int cc_cmd_run_scenario(struct cc_scenario *scn, const struct run_options *o);

/* The progress line of a run: LABEL (NULL: none) first, NOTE (where a run to a precision
 * stands) last. cc_cmd_show_progress is a cc_run's on_progress. */
struct cc_cmd_progress {
	const char *label;
	size_t replications;  /* the replications to run, as known now */
	double total_h;       /* simulated hours when they are done */
	char note[160];
	int shown;
};
void cc_cmd_show_progress(void *ctx, const struct cc_progress *p, double elapsed_s);

/*
 * A loaded scenario run into its results file as 'ccsim run' does, in steps for commands that
 * run several (compare, sweep). cc_cmd_job_open checks the memory the run needs, opens the
 * results file (STAGED: for a run in batches, to a precision) and sets up J->run (not begun);
 * the caller runs it (cc_run_execute, or cc_cmd_jobs_to_precision); cc_cmd_job_close takes the
 * run's status: on success it finishes the file, prints what the options ask and commits the
 * file, else it reports the failure (naming O->side) and leaves no file. Both return 0 or the
 * exit code (printed); cc_run_fini(&J->run) frees the run after the close.
 */
struct cc_cmd_job {
	struct cc_scenario *scn;
	const struct run_options *o;
	char path[4096];
	struct cc_results *results;
	struct cc_run run;
	struct cc_cmd_progress view;
	char precision[512];  /* the precision reached, printed after the table ("" for none) */
	char hint[512];       /* a hint for stderr after the table ("" for none) */
	char prefix[64];      /* "SIDE: " before its messages, or "" */
	int open;
};
int cc_cmd_job_open(struct cc_cmd_job *j, struct cc_scenario *scn, const struct run_options *o,
                    int staged);
int cc_cmd_job_close(struct cc_cmd_job *j, enum cc_status st);
/* Closes J quietly, leaving no file (another job's failure is being reported). */
void cc_cmd_job_discard(struct cc_cmd_job *j);

/* Runs RUNS[N] (set up, not begun) in lockstep batches to a precision: FIRST replications
 * each, then as CHECK(CTX) says after each batch (the total each should reach; no more than
 * they have to stop), then ends them (cc_run_end). A run whose on_progress is
 * cc_cmd_show_progress has its progress goal kept up to date. Returns the first failure, and
 * in *FAILED the index of the run it came from. */
enum cc_status cc_cmd_runs_to_precision(struct cc_run *const *runs, size_t n, size_t first,
                                        size_t (*check)(void *ctx), void *ctx, size_t *failed);

/* The first batch of a run of SCN to a precision: its replications, at least 5, at most a
 * trace's days. */
size_t cc_cmd_first_batch(const struct cc_scenario *scn);

/* Binds TARGETS[N] to SCN into *P, up to MAX replications (<= 0: the default); CMD names the
 * command in messages. Returns 0 or the exit code (printed). */
int cc_cmd_bind_precision(struct cc_precision *p, const struct cc_precision_target *targets,
                          size_t n, const struct cc_scenario *scn, long long max, const char *cmd);

/* The line that says what a run to precision P reached after N replications; OF (may be "")
 * says of what ("of the paired differences"). */
void cc_cmd_precision_summary(const struct cc_precision *p, const char *of, size_t n, char *buf,
                              size_t len);

#endif
