#ifndef CC_RANKS_H
#define CC_RANKS_H

#include <stdatomic.h>
#include <stddef.h>

/*
 * The processes of one run: one in the default build (sim/ranks.c), one per MPI rank in
 * ./ccsim-mpi (sim/mpi/ranks_mpi.c links in its place; the rest of the program is the same
 * object code). Every rank runs the same command, step for step, on the same inputs; the
 * replications of a run are shared out among the ranks (models/run/run.c), and every rank
 * sees every replication's figures in replication order, so that all hold the same
 * summaries and take the same decisions (a precision's stopping rule, a staffing search).
 * Rank 0 alone writes files and prints: the others print nothing (their stdout goes to
 * /dev/null; their stderr is kept back and shown, marked with the rank, only when that rank
 * fails).
 *
 * Messages are collective: every rank calls cc_ranks_bcast for the same data in the same
 * order. One thread at a time calls these functions (MPI_THREAD_SERIALIZED): a run's calling
 * thread, which may be a thread other than main's (a sweep's points run on a worker).
 */

/* Sets the ranks up (MPI_Init_thread); before anything else in main. */
void cc_ranks_init(int *argc, char ***argv);

/* Ends the process's part: returns the exit code for main to return. When RC is 0, or SHARED
 * (RC is an outcome every rank reaches together, such as a gate that failed), the ranks
 * finish together (MPI_Finalize). Any other code is a failure other ranks may not share (rank
 * 0 could not write its file): the whole job ends with that code (MPI_Abort), after the
 * failing rank's kept-back messages are shown marked "rank N:" (rank 0's came as they were
 * written). */
int cc_ranks_finish(int rc, int shared);

/* The number of ranks (1 without MPI) and this process's rank (0 without MPI). */
int cc_ranks_size(void);
int cc_ranks_rank(void);

/* Whether this process writes files and prints: rank 0. */
int cc_ranks_writer(void);

/* Copies BYTES bytes at BUF from rank ROOT to every rank's BUF (collective). Returns 0, or
 * -1 when rank 0 gave up waiting (see cc_ranks_watch). */
int cc_ranks_bcast(void *buf, size_t bytes, int root);

/* Rank ROOT's SEND holds a piece for every rank, one after another, rank K's BYTES[K] long;
 * each rank receives its own into RECV (collective). Returns as cc_ranks_bcast. */
int cc_ranks_scatter(const void *send, const size_t *bytes, void *recv, int root);

/* BUF holds a piece for every rank, one after another, rank K's BYTES[K] long; each rank's
 * own piece goes into every other rank's BUF at its place (collective). Returns as
 * cc_ranks_bcast. */
int cc_ranks_allgather(void *buf, const size_t *bytes);

/* Point to point: FROM sends BYTES at BUF to rank TO, which receives them into its BUF.
 * Return as cc_ranks_bcast. */
int cc_ranks_send(const void *buf, size_t bytes, int to);
int cc_ranks_recv(void *buf, size_t bytes, int from);

/* Rank 0 gives up a wait for a message once *STOP is set (a signal came: mpirun ends the
 * job so when a rank fails), so that it can still remove its temporary file. The other
 * ranks, which write nothing, wait until they are ended. */
void cc_ranks_watch(const atomic_int *stop);

#endif
