#include "status.h"

#include <stdio.h>
#include <stdlib.h>

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
	fprintf(stderr, "ccsim: internal error at %s:%d: %s\n", file, line, expr);
	fflush(stderr);
	abort();
}
