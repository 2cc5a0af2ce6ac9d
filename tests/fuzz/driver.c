/*
 * The AFL++ driver: runs the ccsim command in-process on each input, many inputs per
 * process (persistent mode), as "ccsim check FILE" (target check) or "ccsim run FILE
 * --replications 1 --threads 1 --quiet -o SCRATCH.h5" (target run). Inputs are read as
 * fuzzinput.h says. The command's own main (models/main.c, renamed by the build) is called,
 * so what is fuzzed is exactly what a user runs, description and results file included.
 *
 * Each input and its results file go into a scratch directory, $CC_FUZZ_SCRATCH (the
 * Makefile's, removed after afl-fuzz) or /dev/shm/ccsim-fuzz-PID, emptied before each input:
 * an input that AFL kills for taking too long leaves its results' temporary file behind,
 * and thousands of them would fill the memory.
 *
 * Any exit code but 0 or 2 aborts, so AFL files the input as a crash; so does anything the
 * command itself aborts on (a failed assertion, running out of memory).
 *
 *   driver check|run            under afl-fuzz: inputs from AFL's shared memory
 *   driver check|run FILE...    anywhere else: each FILE once (to replay a finding)
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sim/alloc.h"
#include "tests/fuzz/fuzzinput.h"

/* models/main.c's main, compiled under this name for the driver. */
int cc_fuzz_ccsim_main(int argc, char **argv);

#ifdef __AFL_FUZZ_TESTCASE_LEN
__AFL_FUZZ_INIT();
#endif

/* The scratch directory; each input is written there for the loader, which reads a path,
 * and the run target's results go there. */
static char scratch[512], cfg_path[600], h5_path[600];

/* Removes what the scratch directory holds. */
static void empty_scratch(void)
{
	DIR *d = opendir(scratch);
	if (!d)
		return;
	struct dirent *e;
	char path[sizeof scratch + 256];
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			snprintf(path, sizeof path, "%s/%s", scratch, e->d_name);
			unlink(path);
		}
	closedir(d);
}

static int write_input(const unsigned char *data, size_t len)
{
	FILE *f = fopen(cfg_path, "wb");
	if (!f)
		return -1;
	size_t put = fwrite(data, 1, len, f);
	return fclose(f) == 0 && put == len ? 0 : -1;
}

/* One input through the command. */
static void fuzz_one(int run, const unsigned char *data, size_t len)
{
	if (mkdir(scratch, 0700) != 0 && errno != EEXIST) {
		perror(scratch);
		abort();
	}
	empty_scratch();
	if (write_input(data, len)) {
		perror(cfg_path);
		abort();
	}
	char *setbuf = cc_malloc(cc_fuzz_sets_size(len));
	const char *sets[CC_FUZZ_MAX_SETS];
	size_t n_sets = cc_fuzz_sets((const char *)data, len, setbuf, sets);
	if (run) {
		struct cc_scenario scn;
		char err[1024], why[128];
		const char *values[CC_FUZZ_MAX_SETS];
		for (size_t i = 0; i < n_sets; i++)
			values[i] = CC_FUZZ_SET_VALUE(sets[i]);
		if (cc_scenario_load(cfg_path, values, n_sets, &scn, err, sizeof err) == CC_OK) {
			int within = cc_fuzz_within_budget(&scn, why, sizeof why);
			cc_scenario_fini(&scn);
			if (!within) {
				fprintf(stderr, "fuzz driver: not run: %s\n", why);
				cc_free(setbuf);
				return;
			}
		}
	}
	char *argv[12 + CC_FUZZ_MAX_SETS];
	int argc = 0;
	argv[argc++] = "ccsim";
	argv[argc++] = run ? "run" : "check";
	argv[argc++] = cfg_path;
	if (run) {
		static char *const opts[] = { "--replications", "1", "--threads", "1", "--quiet", "-o" };
		for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
			argv[argc++] = opts[i];
		argv[argc++] = h5_path;
	}
	for (size_t i = 0; i < n_sets; i++)
		argv[argc++] = (char *)sets[i];
	argv[argc] = NULL;
	int rc = cc_fuzz_ccsim_main(argc, argv);
	cc_free(setbuf);
	if (rc != 0 && rc != 2) {
		fprintf(stderr, "fuzz driver: ccsim %s exited %d\n", argv[1], rc);
		abort();
	}
}

int main(int argc, char **argv)
{
	if (argc < 2 || (strcmp(argv[1], "check") != 0 && strcmp(argv[1], "run") != 0)) {
		fprintf(stderr, "usage: %s check|run [FILE...]\n", argv[0]);
		return 2;
	}
	int run = strcmp(argv[1], "run") == 0;
	const char *given = getenv("CC_FUZZ_SCRATCH");
	if (given && *given)
		snprintf(scratch, sizeof scratch, "%s", given);
	else
		snprintf(scratch, sizeof scratch, "%s/ccsim-fuzz-%ld",
		         access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", (long)getpid());
	snprintf(cfg_path, sizeof cfg_path, "%s/input.cfg", scratch);
	snprintf(h5_path, sizeof h5_path, "%s/results.h5", scratch);
	/* "check" describes the scenario on stdout: nobody reads it here. */
	if (!freopen("/dev/null", "w", stdout))
		return 1;
	int rc = 0;
#ifdef __AFL_FUZZ_TESTCASE_LEN
	if (argc == 2) {
		__AFL_INIT();
		const unsigned char *buf = __AFL_FUZZ_TESTCASE_BUF;
		while (__AFL_LOOP(1000))
			fuzz_one(run, buf, (size_t)__AFL_FUZZ_TESTCASE_LEN);
		/* The next process AFL forks makes the directory again. */
		empty_scratch();
		rmdir(scratch);
		return 0;
	}
#endif
	for (int i = 2; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			rc = 1;
			continue;
		}
		unsigned char *data = NULL;
		size_t len = 0, cap = 0, got;
		do {
			if (len == cap)
				data = cc_realloc(data, cap = cap ? 2 * cap : 65536, 1);
			got = fread(data + len, 1, cap - len, f);
			len += got;
		} while (got);
		fclose(f);
		fuzz_one(run, data, len);
		cc_free(data);
	}
	empty_scratch();
	rmdir(scratch);
	return rc;
}
