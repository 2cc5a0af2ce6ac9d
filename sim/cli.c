#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cc_cli_dispatch(const char *prog, const char *version, const char *usage,
                    const struct cc_cli_command *cmds, size_t n, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		FILE *out = argc < 2 ? stderr : stdout;
		fputs(usage, out);
		fputs("\nCommands:\n", out);
		for (size_t i = 0; i < n; i++)
			fprintf(out, "  %-8s %s\n", cmds[i].name, cmds[i].summary);
		fprintf(out, "\nRun '%s COMMAND --help' for a command's options.\n", prog);
		return argc < 2 ? cc_status_exit_code(CC_ERR_USAGE) : 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("%s %s\n", prog, version);
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		if (strcmp(argv[1], cmds[i].name) == 0)
			return cmds[i].main(argc - 1, argv + 1);
	cc_cli_error("unknown command '%s' (try '%s --help')", argv[1], prog);
	return cc_status_exit_code(CC_ERR_USAGE);
}

int cc_cli_option(int argc, char **argv, int *i, const char *name, const char **value)
{
	const char *arg = argv[*i];
	size_t len = strlen(name);
	if (strncmp(arg, name, len) != 0)
		return 0;
	if (arg[len] == '=') {
		*value = arg + len + 1;
		return 1;
	}
	if (arg[len] != '\0')
		return 0;
	if (*i + 1 >= argc) {
		cc_cli_error("%s needs a value", name);
		return -1;
	}
	*value = argv[++*i];
	return 1;
}

enum cc_status cc_cli_long(const char *opt, const char *text, long long lo, long long hi,
                           long long *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(text, &end, 10);
	if (end == text || *end || errno || v < lo || v > hi) {
		cc_cli_error("%s: '%s' is not a whole number from %lld to %lld", opt, text, lo, hi);
		return CC_ERR_USAGE;
	}
	*out = v;
	return CC_OK;
}

enum cc_status cc_cli_double(const char *opt, const char *text, double lo, double hi,
                             double *out)
{
	char *end;
	errno = 0;
	double v = strtod(text, &end);
	if (end == text || *end || errno || !isfinite(v) || v < lo || v > hi) {
		cc_cli_error("%s: '%s' is not a number from %g to %g", opt, text, lo, hi);
		return CC_ERR_USAGE;
	}
	*out = v;
	return CC_OK;
}

void cc_cli_put_line(FILE *f, const char *text)
{
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p >= 0x20 && *p != 0x7f)
			fputc(*p, f);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p == '\t')
			fputs("\\t", f);
		else
			fprintf(f, "\\x%02x", *p);
	}
	fputc('\n', f);
}

void cc_cli_error(const char *fmt, ...)
{
	char msg[4096];
	va_list ap;
	va_start(ap, fmt);
	int n = snprintf(msg, sizeof msg, "%s", cc_status_prefix());
	vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
	va_end(ap);
	cc_cli_put_line(stderr, msg);
}

int cc_cli_progress_wanted(int quiet)
{
	return !quiet && isatty(STDERR_FILENO);
}

void cc_cli_progress(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputc('\r', stderr);
	vfprintf(stderr, fmt, ap);
	fputs("\033[K", stderr);
	fflush(stderr);
	va_end(ap);
}

void cc_cli_progress_end(void)
{
	fputs("\r\033[K", stderr);
	fflush(stderr);
}
