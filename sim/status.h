#ifndef CC_STATUS_H
#define CC_STATUS_H

/*
 * One error policy for the whole program.
 *
 * - A bug (a broken invariant) is an assert: CC_ASSERT calls cc_fail(), one function to
 *   break on in a debugger.
 * - Bad input and I/O failures are values of enum cc_status, returned to the caller, with a
 *   human-readable message in a caller-provided buffer where there is more to say.
 * - Running out of memory aborts inside the allocation wrappers (alloc.h): callers never
 *   check for NULL.
 */

enum cc_status {
	CC_OK = 0,
	CC_ERR_USAGE,    /* bad command line */
	CC_ERR_SCENARIO, /* the scenario file (or an override) is wrong */
	CC_ERR_IO,       /* reading or writing a file failed */
	CC_ERR_RANGE,    /* a numeric argument is outside the domain of a formula */
	CC_ERR_STOPPED,  /* the user stopped the run (a signal) */
	CC_ERR_STALLED   /* the simulated clock stopped advancing */
};

/* A fixed English description of a status; never NULL. */
const char *cc_strerror(enum cc_status status);

/* The process exit code for a status: 0 success, 2 usage or scenario error, 1 anything else. */
int cc_status_exit_code(enum cc_status status);

/*
 * The program whose messages these are: the command sets its name once at start, before any
 * thread, and the engine's messages begin "NAME: " (out of memory, internal errors, CLI
 * errors); temporary files carry it too. Unset, messages have no prefix. The name is kept
 * (up to 31 bytes), not the pointer. This is the engine's only process-wide setting.
 */
void cc_status_set_program(const char *name);

/* The name set, or NULL. */
const char *cc_status_program(void);

/* "NAME: " when a name is set, else "": what an engine message starts with. */
const char *cc_status_prefix(void);

/* Reports a broken invariant and aborts. Never returns. */
_Noreturn void cc_fail(const char *file, int line, const char *expr);

#define CC_ASSERT(expr) ((expr) ? (void)0 : cc_fail(__FILE__, __LINE__, #expr))

#endif
