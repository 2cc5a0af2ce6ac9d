#ifndef CC_RUN_IMPL_H
#define CC_RUN_IMPL_H

/*
 * The inside of a run, shared by models/run/run.c (replications on threads, their figures
 * folded into the summaries in order) and models/run/run_ranks.c (replications on MPI
 * ranks: who runs which, and the messages between ranks). Nothing else includes it.
 */

#include <pthread.h>
#include <stddef.h>

#include "models/center/center.h"
#include "models/run/run.h"

/* A replication in flight, in one of the run's slots. */
struct task {
	size_t rep;
	struct cc_rep_result res;
	double *totals;         /* [cells]: its figures over the whole horizon */
	double *scratch;        /* [cells]: a row being derived */
	/* Rows derived but not yet added: intervals [first, first + n), [cap * cells]. */
	double *rows;
	size_t first, n, cap;
	struct cc_run_private *p;
	struct cc_progress *progress;
};

struct cc_run_private {
	struct cc_run *run;
	pthread_mutex_t lock;   /* guards the slots' row buffers, HEAD and NEXT */
	pthread_cond_t drained; /* the head's rows were taken for adding */
	struct task *slots;     /* the batch's Kth replication of this rank is in slot
	                           K % n_slots */
	size_t n_slots, threads;
	size_t head;            /* this rank's replication whose rows are added as they come:
	                           every one of its own before it is committed */
	size_t head_task;       /* its task in the batch (the runner's numbering) */
	size_t next;            /* the next replication to add, of whichever rank: every one
	                           before it is added; the head's rows are added as they come
	                           only once NEXT is the head */
	int ranks, rank;
	size_t lo, hi;          /* the cells of interval rows this rank adds: all with one rank */
	int full_rows;          /* every rank gets whole rows (every replication's intervals
	                           are kept or written), not its slice */
	size_t *piece_bytes;    /* [ranks]: a message's piece for each rank */
	double *received;       /* rows from another rank, being added: [received_cap] */
	size_t received_cap;
	double *packed;         /* rows cut into the ranks' slices, one after another */
	size_t packed_cap;
	unsigned char *head_msg;/* a head: struct msg, then the totals [cells] */
	struct cc_contact_record *received_records;
	struct cc_agent_event *received_events;
	double *taken;          /* rows taken from the head, being added */
	size_t taken_cap;
	struct cc_running **acc;/* [grid.count]: per interval, made when its first row comes */
	size_t acc_bytes;       /* what they hold now */
	double *final;          /* summaries waiting for the sink: [final_cap][cells][stats] */
	size_t final_first, final_n, final_cap;
	double t_df, t;         /* the last Student t quantile used, by degrees of freedom */
	struct cc_progress progress;
	size_t rep0, end;       /* the batch running: replications [rep0, end) */
	size_t final_reps;      /* the replication count, once known: its last replication's rows
	                           are final as they come; SIZE_MAX in stages (final at the end) */
	int sink_failed;
	int stalled;            /* a replication's clock stopped advancing */
};

static inline size_t cc_run_cells(const struct cc_run *run)
{
	return run->layout.cells;
}

static inline struct task *cc_run_slot(const struct cc_run_private *p, size_t task)
{
	return &p->slots[task % p->n_slots];
}

/* ---- run.c ---- */

/* Adds replication REP's figures of intervals [FIRST, FIRST + N) into the summaries: the
 * cells of this rank's slice. ROWS are whole rows ([N * cells]) when FULL, else this rank's
 * slice of them ([N * (hi - lo)]); every replication's intervals are kept and written from
 * whole rows only. */
void cc_run_add_rows(struct cc_run_private *p, size_t rep, size_t first, size_t n,
                     const double *rows, int full);

/* Replication REP, its rows added: its totals and counts into the run, then to the sink
 * with its records and events (rank 0's only: the others write nothing). Returns non-zero
 * when the sink failed. */
int cc_run_add_replication(struct cc_run_private *p, size_t rep, const double *totals,
                           const struct cc_rep_counts *counts,
                           const struct cc_contact_record *records, size_t n_records,
                           const struct cc_agent_event *events, size_t n_events);

/* ---- run_ranks.c ---- */

/* Sets P's ranks up (P->run's layout made), and frees what they used. */
void cc_run_ranks_begin(struct cc_run_private *p);
void cc_run_ranks_release(struct cc_run_private *p);

/* This rank's replications of the batch [rep0, end): the first (END or beyond when it has
 * none), that of its task TASK, and how many. */
size_t cc_run_first_own(const struct cc_run_private *p);
size_t cc_run_rep_of_task(const struct cc_run_private *p, size_t task);
size_t cc_run_own_tasks(const struct cc_run_private *p);

/* Adds every other rank's replications before UPTO (at most the batch's end) not added yet.
 * Returns non-zero to stop: one stalled, a sink failed, or rank 0 gave up waiting. */
int cc_run_catch_up(struct cc_run_private *p, size_t upto);

/* This rank's replication being added, to the others (nothing with one rank); each returns
 * non-zero when rank 0 gave up waiting. Rows of intervals [FIRST, FIRST + N) added while it
 * runs; its end: the rows not sent yet, the totals and counts of T, its records and events
 * to rank 0; or that it stalled (the reason in P->run->error). */
int cc_run_send_rows(struct cc_run_private *p, size_t first, size_t n, double *rows);
int cc_run_send_end(struct cc_run_private *p, const struct task *t, size_t first, size_t n,
                    double *rows);
void cc_run_send_stalled(struct cc_run_private *p);

/* The batch's end, with ranks: every rank's slice of every interval's summaries goes to every
 * other, so all hold them whole. Returns non-zero when rank 0 gave up waiting. */
int cc_run_gather(struct cc_run_private *p);

#endif
