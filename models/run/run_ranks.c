/* Replications on MPI ranks (sim/ranks.h): which rank runs which, and the messages that
 * give every rank every replication in order (see run_impl.h). */
#include "models/run/run_impl.h"

#include <string.h>

#include "sim/alloc.h"
#include "sim/ranks.h"

/*
 * Ranks (sim/ranks.h). Replication REP is run by rank REP % ranks, and every rank adds every
 * replication, in replication order, with the arithmetic of one thread; so the summaries are
 * those of one thread, bit for bit. Adding is shared out by figure cell: every rank adds
 * every replication's totals (all cells: decisions between batches read them), but only its
 * own slice of the cells of its interval rows, [lo, hi). At the end of each batch the ranks
 * gather the slices, and every rank holds every interval summary again.
 *
 * A rank's own replication goes to the others as it is added, in messages of a head (struct
 * msg, then the totals: the same size every time) to every rank, then, when the head says so,
 * the rows of intervals [first, first + n), each rank getting its slice of them (or, when
 * every replication's interval figures are kept or written, the whole rows). A long
 * replication's rows go in MSG_ROWS blocks while it runs; its MSG_END has the rest, its totals
 * and counts; MSG_STALLED, the reason it stalled. Its contact records and agent events go to
 * rank 0 alone, the one that writes them. Every other rank takes the messages of each
 * replication before its own next one is added; each costs a wait, so a short replication is
 * two. Nothing is sent with one rank.
 */
enum msg_kind { MSG_ROWS, MSG_END, MSG_STALLED };
struct msg {
	uint64_t kind;          /* enum msg_kind */
	uint64_t first, n;      /* the rows of intervals [first, first + n) follow */
	uint64_t records, events; /* MSG_END: how many go to rank 0 after it */
	struct cc_rep_counts counts; /* MSG_END: then the totals [cells] */
};

size_t cc_run_first_own(const struct cc_run_private *p)
{
	size_t r = (size_t)p->rank, k = (size_t)p->ranks;
	return p->rep0 + (r + k - p->rep0 % k) % k;
}

size_t cc_run_rep_of_task(const struct cc_run_private *p, size_t task)
{
	return cc_run_first_own(p) + task * (size_t)p->ranks;
}

size_t cc_run_own_tasks(const struct cc_run_private *p)
{
	size_t f = cc_run_first_own(p);
	return f >= p->end ? 0 : (p->end - 1 - f) / (size_t)p->ranks + 1;
}

/* The first cell of rank K's slice (K = ranks: the end of the last). */
static size_t slice_lo(const struct cc_run_private *p, int k)
{
	return cc_run_cells(p->run) * (size_t)k / (size_t)p->ranks;
}

/* Makes *BUF hold at least N elements of SIZE bytes (*CAP counts them). */
static void *reserve_buf(void *buf, size_t *cap, size_t n, size_t size)
{
	if (n <= *cap)
		return buf;
	*cap = n;
	return cc_realloc(buf, n, size);
}

/* The bytes of a message's head between ranks: struct msg, then the totals. */
static size_t head_bytes(const struct cc_run *run)
{
	return sizeof(struct msg) + cc_run_cells(run) * sizeof(double);
}

/* The bytes of each rank's slice of N rows, in P->piece_bytes. */
static const size_t *piece_sizes(struct cc_run_private *p, size_t n)
{
	for (int k = 0; k < p->ranks; k++)
		p->piece_bytes[k] = n * (slice_lo(p, k + 1) - slice_lo(p, k)) * sizeof(double);
	return p->piece_bytes;
}

int cc_run_gather(struct cc_run_private *p)
{
	struct cc_run *run = p->run;
	size_t rows = 0, cells = cc_run_cells(run);
	for (size_t r = 0; r < run->grid.count; r++)
		rows += p->acc[r] != NULL; /* the same rows on every rank: every head reaches all */
	if (p->ranks == 1 || rows == 0)
		return 0;
	struct cc_running *all = cc_calloc(rows * cells, sizeof *all), *at = all;
	for (int k = 0; k < p->ranks; k++) { /* [rank][row][its slice] */
		size_t lo = slice_lo(p, k), w = slice_lo(p, k + 1) - lo;
		p->piece_bytes[k] = rows * w * sizeof *all;
		for (size_t r = 0; r < run->grid.count; r++) {
			if (!p->acc[r])
				continue;
			if (k == p->rank)
				memcpy(at, p->acc[r] + lo, w * sizeof *at);
			at += w;
		}
	}
	int rc = cc_ranks_allgather(all, p->piece_bytes);
	at = all;
	for (int k = 0; k < p->ranks && rc == 0; k++) {
		size_t lo = slice_lo(p, k), w = slice_lo(p, k + 1) - lo;
		for (size_t r = 0; r < run->grid.count; r++) {
			if (!p->acc[r])
				continue;
			memcpy(p->acc[r] + lo, at, w * sizeof *at);
			at += w;
		}
	}
	cc_free(all);
	return rc;
}

/* Takes replication REP from rank FROM, which runs it, and adds it. Returns non-zero to stop
 * (it stalled, or a sink failed). */
static int receive(struct cc_run_private *p, size_t rep, int from)
{
	size_t cells = cc_run_cells(p->run);
	for (;;) {
		struct msg m;
		if (cc_ranks_bcast(p->head_msg, head_bytes(p->run), from))
			return 1;
		memcpy(&m, p->head_msg, sizeof m);
		if (m.n) {
			p->received = reserve_buf(p->received, &p->received_cap, m.n * cells,
			                          sizeof *p->received);
			if (p->full_rows ? cc_ranks_bcast(p->received, m.n * cells * sizeof *p->received,
			                                  from)
			                 : cc_ranks_scatter(NULL, piece_sizes(p, m.n), p->received, from))
				return 1;
			cc_run_add_rows(p, rep, m.first, m.n, p->received, p->full_rows);
		}
		if (m.kind == MSG_ROWS)
			continue;
		if (m.kind == MSG_STALLED) {
			if (cc_ranks_bcast(p->run->error, sizeof p->run->error, from) == 0)
				p->stalled = 1;
			return 1;
		}
		CC_ASSERT(m.kind == MSG_END);
		size_t n_records = 0, n_events = 0;
		if (p->rank == 0 && m.records) {
			n_records = m.records;
			p->received_records = cc_realloc(p->received_records, n_records,
			                                 sizeof *p->received_records);
			if (cc_ranks_recv(p->received_records, n_records * sizeof *p->received_records,
			                  from))
				return 1;
		}
		if (p->rank == 0 && m.events) {
			n_events = m.events;
			p->received_events = cc_realloc(p->received_events, n_events,
			                                sizeof *p->received_events);
			if (cc_ranks_recv(p->received_events, n_events * sizeof *p->received_events, from))
				return 1;
		}
		double *totals = (double *)(void *)(p->head_msg + sizeof m);
		return cc_run_add_replication(p, rep, totals, &m.counts, p->received_records, n_records,
		                       p->received_events, n_events);
	}
}

int cc_run_catch_up(struct cc_run_private *p, size_t upto)
{
	if (upto > p->end)
		upto = p->end;
	while (p->next < upto) {
		size_t rep = p->next;
		int from = (int)(rep % (size_t)p->ranks);
		CC_ASSERT(from != p->rank);
		if (receive(p, rep, from))
			return 1;
	}
	return p->sink_failed;
}

/* Sends the other ranks a message of this rank's replication being added: M (with TOTALS,
 * when not NULL), then ROWS (its M.n rows) when there are any; or, stalled, the reason.
 * Returns non-zero when rank 0 gave up (cc_ranks_watch). */
static int send_msg(struct cc_run_private *p, struct msg m, const double *totals, double *rows)
{
	if (p->ranks == 1)
		return 0;
	size_t cells = cc_run_cells(p->run);
	memset(p->head_msg, 0, head_bytes(p->run));
	memcpy(p->head_msg, &m, sizeof m);
	if (totals)
		memcpy(p->head_msg + sizeof m, totals, cells * sizeof *totals);
	if (cc_ranks_bcast(p->head_msg, head_bytes(p->run), p->rank))
		return 1;
	if (m.n && p->full_rows && cc_ranks_bcast(rows, m.n * cells * sizeof *rows, p->rank))
		return 1;
	if (m.n && !p->full_rows) {
		/* Rank K's piece: the cells of its slice of every row. This rank's own comes back to
		 * it, unused (it added its slice from the whole rows). */
		p->packed = reserve_buf(p->packed, &p->packed_cap, m.n * cells, sizeof *p->packed);
		double *at = p->packed;
		for (int k = 0; k < p->ranks; k++) {
			size_t lo = slice_lo(p, k), w = slice_lo(p, k + 1) - lo;
			for (size_t i = 0; i < m.n; i++, at += w)
				memcpy(at, rows + i * cells + lo, w * sizeof *at);
		}
		p->received = reserve_buf(p->received, &p->received_cap, m.n * cells,
		                          sizeof *p->received);
		if (cc_ranks_scatter(p->packed, piece_sizes(p, m.n), p->received, p->rank))
			return 1;
	}
	if (m.kind == MSG_STALLED)
		return cc_ranks_bcast(p->run->error, sizeof p->run->error, p->rank) != 0;
	return 0;
}

int cc_run_send_rows(struct cc_run_private *p, size_t first, size_t n, double *rows)
{
	return send_msg(p, (struct msg){ .kind = MSG_ROWS, .first = first, .n = n }, NULL, rows);
}

int cc_run_send_end(struct cc_run_private *p, const struct task *t, size_t first, size_t n,
                    double *rows)
{
	if (p->ranks == 1)
		return 0;
	/* Rank 0 writes the records and events: another rank's go to it alone. */
	const struct cc_run_sink *sink = &p->run->sink;
	int to_writer = p->rank != 0;
	struct msg m = { .kind = MSG_END, .first = first, .n = n,
	                 .records = to_writer && sink->records ? t->res.n_records : 0,
	                 .events = to_writer && sink->events ? t->res.n_events : 0,
	                 .counts = t->res.counts };
	return send_msg(p, m, t->totals, rows) ||
	       (m.records && cc_ranks_send(t->res.records, m.records * sizeof *t->res.records, 0)) ||
	       (m.events && cc_ranks_send(t->res.events, m.events * sizeof *t->res.events, 0));
}

void cc_run_send_stalled(struct cc_run_private *p)
{
	(void)send_msg(p, (struct msg){ .kind = MSG_STALLED }, NULL, NULL);
}

void cc_run_ranks_begin(struct cc_run_private *p)
{
	struct cc_run *run = p->run;
	p->ranks = cc_ranks_size();
	p->rank = cc_ranks_rank();
	p->lo = slice_lo(p, p->rank);
	p->hi = slice_lo(p, p->rank + 1);
	p->full_rows = run->keep_rep_intervals || (run->scn->rep_intervals && run->sink.rep_intervals);
	p->piece_bytes = cc_calloc((size_t)p->ranks, sizeof *p->piece_bytes);
	p->head_msg = cc_calloc(1, head_bytes(run));
}

void cc_run_ranks_release(struct cc_run_private *p)
{
	CC_FREE_NULL(p->received);
	CC_FREE_NULL(p->packed);
	CC_FREE_NULL(p->piece_bytes);
	CC_FREE_NULL(p->head_msg);
	CC_FREE_NULL(p->received_records);
	CC_FREE_NULL(p->received_events);
	p->received_cap = p->packed_cap = 0;
}
