/*
 * Replays the fuzzing corpus (tests/fuzz/corpus/, one input per distinct path AFL found;
 * see tests/fuzz/README.md) through the ccsim command named by $CCSIM: for every input,
 * "ccsim check FILE" and, when one replication is within the fuzzing budget
 * (tests/fuzz/fuzzinput.h), "ccsim run FILE --replications 1 --threads 1 --quiet -o TMP",
 * each with the input's "#set " lines as --set=VALUE overrides. Each must exit 0 or 2 and print no
 * sanitizer report ("make check" runs it against the sanitizer build). One test per input,
 * named after it; an input that hangs is stopped by a CPU-time limit and fails.
 *
 * $CC_FUZZ_CORPUS names another directory of inputs to replay (default tests/fuzz/corpus).
 */
#include "cliutil.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>

#include "sim/alloc.h"
#include "tests/fuzz/fuzzinput.h"

/* CPU seconds one command may take: the budget's runs take well under one, sanitized. */
#define CPU_LIMIT_S 30

static const char *const sanitizer_marks[] = { "runtime error", "AddressSanitizer",
                                               "LeakSanitizer", "UndefinedBehaviorSanitizer" };

struct input {
	char path[512];
	char *text;
	size_t len;
	char *setbuf;                      /* the strings of SETS */
	const char *sets[CC_FUZZ_MAX_SETS]; /* its "#set " lines, as "--set=VALUE" */
	size_t n_sets;
};

/*
 * Runs ARGV[0] = $CCSIM with ARGV, stdout discarded, stderr into ERR (NUL-terminated).
 * Returns the exit code, or 128 + the signal that ended it.
 */
static int spawn(char **argv, char *err, size_t errlen)
{
	char errpath[300];
	snprintf(errpath, sizeof errpath, "%s/stderr", dir);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit cpu = { CPU_LIMIT_S, CPU_LIMIT_S + 1 };
		setrlimit(RLIMIT_CPU, &cpu);
		int in = open("/dev/null", O_RDONLY), out = open("/dev/null", O_WRONLY);
		int e = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (in < 0 || out < 0 || e < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(e, 2) < 0)
			_exit(127);
		execv(argv[0], argv);
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		assert_int_equal(errno, EINTR);
	size_t n = 0;
	char *text = tu_read_file(errpath, &n);
	snprintf(err, errlen, "%s", text ? text : "");
	cc_free(text);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Runs "ccsim CMD FILE [EXTRA...] [--set=S]..." and checks the rule; returns the exit code. */
static int replay(const struct input *in, const char *cmd, char *const *extra, size_t n_extra,
                  const char *const *sets, size_t n_sets)
{
	char *argv[8 + 16 + CC_FUZZ_MAX_SETS];
	size_t argc = 0;
	argv[argc++] = (char *)ccsim();
	argv[argc++] = (char *)cmd;
	argv[argc++] = (char *)in->path;
	for (size_t i = 0; i < n_extra; i++)
		argv[argc++] = extra[i];
	for (size_t i = 0; i < n_sets; i++)
		argv[argc++] = (char *)sets[i];
	argv[argc] = NULL;
	static char err[1 << 16];
	int rc = spawn(argv, err, sizeof err);
	if (rc != 0 && rc != 2)
		fail_msg("%s: ccsim %s exited %d%s; stderr:\n%s", in->path, cmd, rc,
		         rc == 128 + SIGXCPU ? " (over the CPU limit: a hang?)" : "", err);
	for (size_t i = 0; i < sizeof sanitizer_marks / sizeof sanitizer_marks[0]; i++)
		if (strstr(err, sanitizer_marks[i]))
			fail_msg("%s: ccsim %s printed a sanitizer report:\n%s", in->path, cmd, err);
	return rc;
}

static void test_fuzz_corpus_input(void **state)
{
	const struct input *in = *state;
	const char *const *sets = in->sets;
	size_t n_sets = in->n_sets;
	int checked = replay(in, "check", NULL, 0, sets, n_sets);
	/* The budget reads the scenario in this process: only once check has shown, in a
	 * process of its own, that loading it is clean. */
	int within = 1;
	if (checked == 0) {
		struct cc_scenario scn;
		char err[1024], why[128];
		const char *values[CC_FUZZ_MAX_SETS];
		for (size_t i = 0; i < n_sets; i++)
			values[i] = CC_FUZZ_SET_VALUE(sets[i]);
		if (cc_scenario_load(in->path, values, n_sets, &scn, err, sizeof err) != CC_OK)
			fail_msg("%s: ccsim check accepted it, the loader in process did not: %s",
			         in->path, err);
		within = cc_fuzz_within_budget(&scn, why, sizeof why);
		cc_scenario_fini(&scn);
	}
	if (within) {
		char out[300];
		snprintf(out, sizeof out, "%s/out.h5", dir);
		char *const extra[] = { "--replications", "1", "--threads", "1", "--quiet", "-o", out };
		replay(in, "run", extra, sizeof extra / sizeof extra[0], sets, n_sets);
		unlink(out);
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct input *)a)->path, ((const struct input *)b)->path);
}

int main(void)
{
	const char *corpus = getenv("CC_FUZZ_CORPUS");
	if (!corpus || !*corpus)
		corpus = "tests/fuzz/corpus";
	DIR *d = opendir(corpus);
	if (!d) {
		fprintf(stderr, "%s: %s\n", corpus, strerror(errno));
		return 1;
	}
	struct input *inputs = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap)
			inputs = cc_realloc(inputs, cap = cap ? 2 * cap : 256, sizeof *inputs);
		struct input *in = &inputs[n];
		snprintf(in->path, sizeof in->path, "%s/%s", corpus, e->d_name);
		if (!(in->text = tu_read_file(in->path, &in->len))) {
			fprintf(stderr, "%s: %s\n", in->path, strerror(errno));
			return 1;
		}
		in->setbuf = cc_malloc(cc_fuzz_sets_size(in->len));
		in->n_sets = cc_fuzz_sets(in->text, in->len, in->setbuf, in->sets);
		n++;
	}
	closedir(d);
	if (n == 0) {
		fprintf(stderr, "%s: no inputs to replay\n", corpus);
		return 1;
	}
	qsort(inputs, n, sizeof *inputs, by_name);
	/* One test per input, named after it, so a failure names the file. */
	struct CMUnitTest *tests = cc_calloc(n, sizeof *tests);
	char (*names)[300] = cc_calloc(n, sizeof *names);
	for (size_t i = 0; i < n; i++) {
		const char *base = strrchr(inputs[i].path, '/');
		snprintf(names[i], sizeof names[i], "test_fuzz_corpus_%s", base ? base + 1 : inputs[i].path);
		tests[i] = (struct CMUnitTest){ names[i], test_fuzz_corpus_input, NULL, NULL, &inputs[i] };
	}
	int failed = _cmocka_run_group_tests("fuzz_corpus", tests, n, setup_dir, teardown);
	for (size_t i = 0; i < n; i++) {
		cc_free(inputs[i].text);
		cc_free(inputs[i].setbuf);
	}
	cc_free(inputs);
	cc_free(tests);
	cc_free(names);
	return failed;
}
