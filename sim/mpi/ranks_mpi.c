/* The ranks of sim/ranks.h over MPI, for ./ccsim-mpi: linked in place of sim/ranks.c. */
#include "sim/ranks.h"

#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <mpi.h>

#include "sim/alloc.h"
#include "sim/status.h"

/* Messages go in pieces of at most this many bytes (MPI counts are ints). */
#define PIECE ((size_t)1 << 30)
/* How long a rank that fails alone waits before ending the job, so that a failure every
 * rank shares (a bad scenario) is reported once, by rank 0, whose end comes first. */
#define GRACE_S 2

static int rank, size = 1;
static int kept_fd = -1;     /* a rank other than 0: its stderr, kept back in a file */
static int real_stderr = -1; /* ... and where stderr went before */
static char marker[64];      /* "ccsim: rank N: ", before each line shown */
static size_t marker_len;
static const atomic_int *watched;

static void put(const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(real_stderr, s, n);
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

/* Shows what this rank kept back of its stderr on the real one, each line marked with the
 * rank. Called from cc_ranks_finish or from a fatal signal's handler: read(2) and write(2)
 * only. */
static void show_kept(void)
{
	if (kept_fd < 0 || real_stderr < 0)
		return;
	char buf[4096];
	ssize_t n;
	int start = 1, any = 0;
	lseek(kept_fd, 0, SEEK_SET);
	while ((n = read(kept_fd, buf, sizeof buf)) > 0) {
		for (ssize_t i = 0, j; i < n; i = j) {
			for (j = i; j < n && buf[j] != '\n'; j++)
				;
			j += j < n; /* the newline goes with its line */
			if (start)
				put(marker, marker_len);
			put(buf + i, (size_t)(j - i));
			start = buf[j - 1] == '\n';
			any = 1;
		}
	}
	if (!any) {
		static const char none[] = "failed (no message)\n";
		put(marker, marker_len);
		put(none, sizeof none - 1);
	}
}

/* The signals a rank dies of (an internal error's abort, a crash), and what handled them
 * before (the default, MPI's or a sanitizer's backtrace). */
static const int fatal[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL };
static struct sigaction before[sizeof fatal / sizeof fatal[0]];

/* A rank other than 0 dying of a signal shows what it kept back, then dies as it would have,
 * the handler before writing to the real stderr. */
static void on_fatal(int sig)
{
	show_kept();
	dup2(real_stderr, STDERR_FILENO);
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		if (fatal[i] == sig)
			sigaction(sig, &before[i], NULL);
	raise(sig);
}

void cc_ranks_init(int *argc, char ***argv)
{
	int provided;
	MPI_Init_thread(argc, argv, MPI_THREAD_SERIALIZED, &provided);
	MPI_Comm_rank(MPI_COMM_WORLD, &rank);
	MPI_Comm_size(MPI_COMM_WORLD, &size);
	if (provided < MPI_THREAD_SERIALIZED) {
		fprintf(stderr, "%sthis MPI library cannot be called from a thread other than main's "
		        "(it provides level %d, and ccsim-mpi needs MPI_THREAD_SERIALIZED)\n",
		        cc_status_prefix(), provided);
		MPI_Abort(MPI_COMM_WORLD, 1);
	}
	if (rank == 0)
		return;
	if (!freopen("/dev/null", "w", stdout))
		return;
	fflush(stderr);
	FILE *kept = tmpfile();
	if (!kept)
		return;
	snprintf(marker, sizeof marker, "%srank %d: ", cc_status_prefix(), rank);
	marker_len = strlen(marker);
	kept_fd = fileno(kept);
	real_stderr = dup(STDERR_FILENO);
	dup2(kept_fd, STDERR_FILENO);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &sa, &before[i]);
}

int cc_ranks_finish(int rc, int shared)
{
	if (rc == 0 || shared) {
		fflush(stdout);
		fflush(stderr);
		MPI_Finalize();
		return rc;
	}
	if (rank != 0) {
		sleep(GRACE_S); /* mpirun's SIGTERM ends this rank first when rank 0 fails too */
		show_kept();
	}
	fflush(stdout);
	fflush(stderr);
	MPI_Abort(MPI_COMM_WORLD, rc);
	return rc;
}

int cc_ranks_size(void)
{
	return size;
}

int cc_ranks_rank(void)
{
	return rank;
}

int cc_ranks_writer(void)
{
	return rank == 0;
}

enum op { BCAST, SEND, RECV };

/* A rank waiting for a message sleeps NAP_NS between looks: MPI's blocking calls spin on a
 * core while they wait, and this rank's worker threads need that core to simulate. (Measured
 * on 2 cores, 2 ranks: spinning, or yielding, doubled the time of 2,000 replications; naps of
 * 20 to 50 us cost least; a millisecond, four times as much.) */
#define NAP_NS 50000L

/* Waits for REQ: 0, or -1 when rank 0 gives up (cc_ranks_watch). */
static int wait_for(MPI_Request *req)
{
	const struct timespec nap = { 0, NAP_NS };
	int done = 0;
	for (MPI_Test(req, &done, MPI_STATUS_IGNORE); !done; MPI_Test(req, &done, MPI_STATUS_IGNORE)) {
		if (rank == 0 && watched && atomic_load(watched))
			return -1;
		nanosleep(&nap, NULL);
	}
	return 0;
}

/* One message (OP with PEER: the root, the receiver or the sender), in pieces. */
static int message(enum op op, char *buf, size_t bytes, int peer)
{
	for (size_t at = 0; at < bytes; at += PIECE) {
		int n = (int)(bytes - at < PIECE ? bytes - at : PIECE);
		MPI_Request req;
		if (op == BCAST)
			MPI_Ibcast(buf + at, n, MPI_BYTE, peer, MPI_COMM_WORLD, &req);
		else if (op == SEND)
			MPI_Isend(buf + at, n, MPI_BYTE, peer, 0, MPI_COMM_WORLD, &req);
		else
			MPI_Irecv(buf + at, n, MPI_BYTE, peer, 0, MPI_COMM_WORLD, &req);
		if (wait_for(&req))
			return -1;
	}
	return 0;
}

/* The counts and offsets of pieces of BYTES[k] bytes, one per rank, for MPI's v-collectives
 * (which count in ints: a piece over 2 GiB is refused). */
static void pieces(const size_t *bytes, int *counts, int *offsets)
{
	size_t at = 0;
	for (int k = 0; k < size; k++) {
		if (bytes[k] > INT_MAX || at > INT_MAX) {
			fprintf(stderr, "%sa message of over 2 GiB between ranks\n", cc_status_prefix());
			MPI_Abort(MPI_COMM_WORLD, 1);
		}
		counts[k] = (int)bytes[k];
		offsets[k] = (int)at;
		at += bytes[k];
	}
}

int cc_ranks_scatter(const void *send, const size_t *bytes, void *recv, int root)
{
	int *counts = cc_calloc((size_t)size * 2, sizeof *counts), *offsets = counts + size;
	pieces(bytes, counts, offsets);
	MPI_Request req;
	MPI_Iscatterv(send, counts, offsets, MPI_BYTE, recv, counts[rank], MPI_BYTE, root,
	              MPI_COMM_WORLD, &req);
	int rc = wait_for(&req);
	cc_free(counts);
	return rc;
}

int cc_ranks_allgather(void *buf, const size_t *bytes)
{
	int *counts = cc_calloc((size_t)size * 2, sizeof *counts), *offsets = counts + size;
	pieces(bytes, counts, offsets);
	MPI_Request req;
	MPI_Iallgatherv(MPI_IN_PLACE, 0, MPI_BYTE, buf, counts, offsets, MPI_BYTE, MPI_COMM_WORLD,
	                &req);
	int rc = wait_for(&req);
	cc_free(counts);
	return rc;
}

int cc_ranks_bcast(void *buf, size_t bytes, int root)
{
	return message(BCAST, buf, bytes, root);
}

int cc_ranks_send(const void *buf, size_t bytes, int to)
{
	return message(SEND, (char *)buf, bytes, to);
}

int cc_ranks_recv(void *buf, size_t bytes, int from)
{
	return message(RECV, buf, bytes, from);
}

void cc_ranks_watch(const atomic_int *stop)
{
	watched = stop;
}
