#include "status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Written once at start, before any thread; read only afterwards. */
static char program[32];
static char prefix[sizeof program + 2];

void cc_status_set_program(const char *name)
{
	snprintf(program, sizeof program, "%s", name ? name : "");
	snprintf(prefix, sizeof prefix, "%s%s", program, program[0] ? ": " : "");
}

const char *cc_status_program(void)
{
	return program[0] ? program : NULL;
}

const char *cc_status_prefix(void)
{
	return prefix;
}

const char *cc_strerror(enum cc_status status)
{
	switch (status) {
	case CC_OK: return "success";
	case CC_ERR_USAGE: return "usage error";
	case CC_ERR_SCENARIO: return "scenario error";
	case CC_ERR_IO: return "input/output error";
	case CC_ERR_RANGE: return "argument out of range";
	case CC_ERR_STOPPED: return "stopped";
	case CC_ERR_STALLED: return "the simulated clock stopped advancing";
	}
	return "unknown error";
}

int cc_status_exit_code(enum cc_status status)
{
	switch (status) {
	case CC_OK: return 0;
	case CC_ERR_USAGE:
	case CC_ERR_SCENARIO:
	case CC_ERR_RANGE: return 2;
	case CC_ERR_IO:
	case CC_ERR_STOPPED:
	case CC_ERR_STALLED: return 1;
	}
	return 1;
}

void cc_fail(const char *file, int line, const char *expr)
{
	fprintf(stderr, "%sinternal error at %s:%d: %s\n", prefix, file, line, expr);
	fflush(stderr);
	abort();
}
