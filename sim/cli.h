#ifndef CC_CLI_H
#define CC_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "status.h"

/*
 * Command-line plumbing shared by every subcommand: subcommand dispatch, options of the form
 * "--name VALUE" or "--name=VALUE", number parsing with range checks, error lines, and a
 * progress line on stderr that shows only when stderr is a terminal.
 *
 * Errors go to stderr as "PROG: message"; the exit codes are those of cc_status_exit_code.
 */

struct cc_cli_command {
	const char *name;
	const char *summary;
	int (*main)(int argc, char **argv); /* argv[0] is the subcommand's name */
};

/* Runs the subcommand named by argv[1]; handles --help, --version and unknown names. */
int cc_cli_dispatch(const char *prog, const char *version, const char *usage,
                    const struct cc_cli_command *cmds, size_t n, int argc, char **argv);

/*
 * Reads option NAME at argv[*I]. Returns 1 with *VALUE set (and *I advanced past a separate
 * value) when it matches, 0 when argv[*I] is not NAME, and -1 when NAME lacks its value
 * (after printing an error).
 */
int cc_cli_option(int argc, char **argv, int *i, const char *name, const char **value);

/* Parses TEXT as a whole number in [LO, HI] or a finite real in [LO, HI] for option OPT; prints an error on failure. */
enum cc_status cc_cli_long(const char *opt, const char *text, long long lo, long long hi,
                           long long *out);
enum cc_status cc_cli_double(const char *opt, const char *text, double lo, double hi,
                             double *out);

/* Writes TEXT and a newline to F with its control characters escaped (\n, \t, \x1b...), so
 * that text from a scenario or the command line cannot drive the terminal. */
void cc_cli_put_line(FILE *f, const char *text);

/* Prints "PROG: message" to stderr (PROG as set by cc_status_set_program), escaped as by
 * cc_cli_put_line. */
void cc_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Whether a progress line should be shown: stderr is a terminal and QUIET is 0. */
int cc_cli_progress_wanted(int quiet);

/* Rewrites the progress line in place; cc_cli_progress_end clears it. */
void cc_cli_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cc_cli_progress_end(void);

#endif
