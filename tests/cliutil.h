#ifndef CC_CLIUTIL_H
#define CC_CLIUTIL_H

/* Shared by the tests that run the ccsim command: a temporary directory for each binary,
 * spawning $CCSIM (default ./ccsim) and collecting what it prints. */

#include "testutil.h"

#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>

static char dir[] = "/tmp/ccsim-cli-XXXXXX";

static inline const char *ccsim(void)
{
	const char *p = getenv("CCSIM");
	return p && *p ? p : "./ccsim";
}

/* Runs "ccsim ARGS" with stderr into stdout; returns the exit code and keeps the output. */
static inline int run(char *out, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static inline int run(char *out, size_t len, const char *fmt, ...)
{
	char args[2048], cmd[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(args, sizeof args, fmt, ap);
	va_end(ap);
	snprintf(cmd, sizeof cmd, "'%s' %s 2>&1 </dev/null", ccsim(), args);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t n = fread(out, 1, len - 1, p);
	out[n] = '\0';
	int status = pclose(p);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* Runs a shell command line; returns its exit code. */
static inline int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline int sh(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	int status = system(cmd);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static inline int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Nothing but the scenario files in the test directory: no results, no temporary files. */
static inline void expect_no_results(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while ((e = readdir(d)))
		if (strstr(e->d_name, ".h5"))
			fail_msg("%s/%s was left behind", dir, e->d_name);
	closedir(d);
}

static inline void write_file(const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Makes the test directory (a cmocka group setup; teardown removes it). */
static inline int setup_dir(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static inline int teardown(void **state)
{
	(void)state;
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* A day from 07:00 with two queues, a shift table in clock times, and per-replication
 * interval figures (day.cfg of setup_day). */
static const char day_cfg[] =
	"name = \"day\"; seed = 2385; start = \"2026-12-01 07:00\"; horizon = \"10h\"; interval = \"30m\";\n"
	"replications = 6;\n"
	"statuses = [ \"Break\" ];\n"
	"queues = ( { name = \"sales\"; channel = \"voice\"; arrivals = { per_hour = [ 60.0, 90.0, 120.0, 80.0 ]; step = \"2h\"; };\n"
	"             handle = { dist = \"exponential\"; mean = \"200s\"; };\n"
	"             patience = { dist = \"exponential\"; mean = \"240s\"; };\n"
	"             service_level = { threshold = \"20s\"; target = 0.8; }; },\n"
	"           { name = \"help\"; channel = \"chat\"; arrivals = { per_hour = 30.0; };\n"
	"             handle = { dist = \"exponential\"; mean = \"400s\"; }; } );\n"
	"agents = ( { name = \"team\"; skills = [ \"sales\" ];\n"
	"             shifts = ( { start = \"07:00\"; end = \"17:00\"; count = 5; },\n"
	"                        { start = \"09:00\"; end = \"13:30\"; count = 2; } );\n"
	"             unplanned = ( { status = \"Break\"; per_hour = 0.5;\n"
	"                             duration = { dist = \"exponential\"; mean = \"5m\"; }; } ); },\n"
	"           { name = \"desk\"; count = 2; skills = [ \"help\" ]; } );\n"
	"output = { replications = \"intervals\"; };\n";

/* Makes the test directory with day_cfg in it as day.cfg (a cmocka group setup). */
static inline int setup_day(void **state)
{
	if (setup_dir(state) != 0)
		return -1;
	write_file("day.cfg", day_cfg);
	return 0;
}

#endif
