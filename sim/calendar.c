#include "calendar.h"

#include <math.h>
#include <string.h>

#include "alloc.h"
#include "status.h"

/*
 * A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan, "Faster Algorithms for the Shortest Path
 * Problem", 1990), which serves a calendar because time never goes back: every event
 * scheduled is at or after the last one popped.
 *
 * An event's key is its time's bit pattern, which for times >= 0 orders as the times do.
 * LAST is the key of the last event popped. Bucket 0 holds the events at time LAST; bucket
 * b (1 to 64) those whose key first differs from LAST at bit b - 1, counting from the least
 * significant. Scheduling is O(1): a leading-zero count and an append. Popping takes from
 * bucket 0; when it is empty, the least key of the lowest bucket in use becomes LAST and that
 * bucket's events are dealt again into lower buckets (they share its high bits, so each move
 * is down). An event moves at most 64 times and in practice a few, so a pop is amortised
 * O(1) with no comparison of keys outside the bucket being dealt; a binary heap pays
 * O(log n) mispredicted comparisons, which on a center of thousands of agents (thousands of
 * events) cost twice as much.
 *
 * Bucket 0 is itself a binary heap, by (class, sequence): its events share their time, and
 * at the start of a run there may be thousands of them (every login at time 0).
 */

/* Events are carved out of slabs of this many; slabs are never freed before destroy. */
enum { SLAB_EVENTS = 256 };

enum { BUCKETS = 65 };

/* An event in bucket b >= 1, with its key, so that dealing a bucket reads no event. */
struct slot {
	uint64_t key;
	struct cc_event *ev;
};

struct bucket {
	struct slot *v;
	size_t n, cap;
};

struct slab {
	struct slab *next;
	struct cc_event events[SLAB_EVENTS];
};

struct cc_calendar {
	uint64_t last;            /* the key of the last event popped (0.0 at first) */
	double last_time;
	uint64_t used;            /* bit b - 1 set: bucket b >= 1 holds events */
	size_t size;
	struct cc_event **now;    /* bucket 0, a heap by (class, sequence) */
	size_t n_now, cap_now;
	struct bucket buckets[BUCKETS]; /* [0] unused: bucket 0 is NOW */
	uint64_t next_seq;
	/* Free events are chained through their subject pointer. */
	struct cc_event *free_list;
	struct slab *slabs;
	size_t allocated;
};

/* An event's place, in its heap_pos: the bucket in the high half, the index in the low. */
static inline size_t pos_of(int bucket, size_t i)
{
	return (size_t)bucket << 32 | i;
}

static inline uint64_t key_of(double time)
{
	uint64_t key;
	time += 0.0; /* -0 becomes +0 */
	memcpy(&key, &time, sizeof key);
	return key;
}

/* The bucket of KEY relative to LAST (KEY >= LAST). */
static inline int bucket_of(uint64_t key, uint64_t last)
{
	uint64_t x = key ^ last;
	return x ? 64 - __builtin_clzll(x) : 0;
}

struct cc_calendar *cc_calendar_create(void)
{
	return cc_calloc(1, sizeof(struct cc_calendar));
}

void cc_calendar_destroy(struct cc_calendar *cal)
{
	if (!cal)
		return;
	struct slab *s = cal->slabs;
	while (s) {
		struct slab *next = s->next;
		cc_free(s);
		s = next;
	}
	for (int b = 1; b < BUCKETS; b++)
		cc_free(cal->buckets[b].v);
	cc_free(cal->now);
	cc_free(cal);
}

static struct cc_event *event_get(struct cc_calendar *cal)
{
	if (!cal->free_list) {
		struct slab *s = cc_malloc(sizeof *s);
		s->next = cal->slabs;
		cal->slabs = s;
		for (size_t i = SLAB_EVENTS; i-- > 0;) {
			s->events[i].subject = cal->free_list;
			cal->free_list = &s->events[i];
		}
		cal->allocated += SLAB_EVENTS;
	}
	struct cc_event *ev = cal->free_list;
	cal->free_list = ev->subject;
	return ev;
}

/* ---- bucket 0: the events at the time of the last pop, by (class, sequence) ---- */

static inline int now_before(const struct cc_event *a, const struct cc_event *b)
{
	if (a->cls != b->cls)
		return a->cls < b->cls;
	return a->seq < b->seq;
}

static inline void now_place(struct cc_calendar *cal, size_t i, struct cc_event *ev)
{
	cal->now[i] = ev;
	ev->heap_pos = pos_of(0, i);
}

static void now_up(struct cc_calendar *cal, size_t i, struct cc_event *ev)
{
	while (i > 0) {
		size_t parent = (i - 1) / 2;
		if (!now_before(ev, cal->now[parent]))
			break;
		now_place(cal, i, cal->now[parent]);
		i = parent;
	}
	now_place(cal, i, ev);
}

static void now_down(struct cc_calendar *cal, size_t i, struct cc_event *ev)
{
	size_t n = cal->n_now;
	for (;;) {
		size_t child = 2 * i + 1;
		if (child >= n)
			break;
		if (child + 1 < n && now_before(cal->now[child + 1], cal->now[child]))
			child++;
		if (!now_before(cal->now[child], ev))
			break;
		now_place(cal, i, cal->now[child]);
		i = child;
	}
	now_place(cal, i, ev);
}

static void now_push(struct cc_calendar *cal, struct cc_event *ev)
{
	if (cal->n_now == cal->cap_now) {
		cal->cap_now = cal->cap_now ? 2 * cal->cap_now : 16;
		cal->now = cc_realloc(cal->now, cal->cap_now, sizeof *cal->now);
	}
	now_up(cal, cal->n_now++, ev);
}

static void now_remove(struct cc_calendar *cal, size_t i)
{
	struct cc_event *last = cal->now[--cal->n_now];
	if (i == cal->n_now)
		return;
	if (i > 0 && now_before(last, cal->now[(i - 1) / 2]))
		now_up(cal, i, last);
	else
		now_down(cal, i, last);
}

/* ---- buckets 1 to 64 ---- */

static inline void bucket_push(struct cc_calendar *cal, int b, struct slot s)
{
	struct bucket *bk = &cal->buckets[b];
	if (bk->n == bk->cap) {
		bk->cap = bk->cap ? 2 * bk->cap : 16;
		bk->v = cc_realloc(bk->v, bk->cap, sizeof *bk->v);
	}
	s.ev->heap_pos = pos_of(b, bk->n);
	bk->v[bk->n++] = s;
	cal->used |= UINT64_C(1) << (b - 1);
}

/* Removes the event at I of bucket B, the bucket's last event taking its place. */
static inline void bucket_remove(struct cc_calendar *cal, int b, size_t i)
{
	struct bucket *bk = &cal->buckets[b];
	if (i != --bk->n) {
		bk->v[i] = bk->v[bk->n];
		bk->v[i].ev->heap_pos = pos_of(b, i);
	}
	if (!bk->n)
		cal->used &= ~(UINT64_C(1) << (b - 1));
}

static void put(struct cc_calendar *cal, struct cc_event *ev)
{
	/* Time never goes back: what is scheduled happens at or after what was popped. */
	CC_ASSERT(ev->time >= cal->last_time);
	uint64_t key = key_of(ev->time);
	int b = bucket_of(key, cal->last);
	if (b == 0)
		now_push(cal, ev);
	else
		bucket_push(cal, b, (struct slot){ key, ev });
}

static void insert(struct cc_calendar *cal, struct cc_event *ev)
{
	ev->seq = cal->next_seq++;
	cal->size++;
	put(cal, ev);
}

struct cc_event *cc_calendar_schedule(struct cc_calendar *cal, double time, uint32_t cls,
                                      int32_t kind, void *subject)
{
	CC_ASSERT(!isnan(time));
	struct cc_event *ev = event_get(cal);
	ev->time = time;
	ev->cls = cls;
	ev->kind = kind;
	ev->subject = subject;
	insert(cal, ev);
	return ev;
}

void cc_calendar_reschedule(struct cc_calendar *cal, struct cc_event *ev, double time)
{
	CC_ASSERT(ev->heap_pos == CC_EVENT_IDLE && !isnan(time));
	ev->time = time;
	insert(cal, ev);
}

/* Takes EV, scheduled, out of its bucket. */
static void unlink_event(struct cc_calendar *cal, struct cc_event *ev)
{
	CC_ASSERT(ev->heap_pos != CC_EVENT_IDLE);
	int b = (int)(ev->heap_pos >> 32);
	size_t i = ev->heap_pos & 0xffffffffu;
	if (b == 0) {
		CC_ASSERT(i < cal->n_now && cal->now[i] == ev);
		now_remove(cal, i);
	} else {
		CC_ASSERT(b < BUCKETS && i < cal->buckets[b].n && cal->buckets[b].v[i].ev == ev);
		bucket_remove(cal, b, i);
	}
	ev->heap_pos = CC_EVENT_IDLE;
}

void cc_calendar_move(struct cc_calendar *cal, struct cc_event *ev, double time)
{
	CC_ASSERT(!isnan(time));
	unlink_event(cal, ev);
	ev->time = time;
	ev->seq = cal->next_seq++;
	put(cal, ev);
}

void cc_calendar_cancel(struct cc_calendar *cal, struct cc_event *ev)
{
	unlink_event(cal, ev);
	cal->size--;
	cc_calendar_release(cal, ev);
}

/* The lowest bucket in use (bucket 0 being empty), and the least key there. */
static int lowest(const struct cc_calendar *cal, uint64_t *key)
{
	int b = __builtin_ctzll(cal->used) + 1;
	const struct bucket *bk = &cal->buckets[b];
	uint64_t m = bk->v[0].key;
	for (size_t i = 1; i < bk->n; i++)
		if (bk->v[i].key < m)
			m = bk->v[i].key;
	*key = m;
	return b;
}

/* Makes M, the least key of bucket B, the new LAST, and deals bucket B's events into the
 * lower buckets (those at M into bucket 0). */
static void deal(struct cc_calendar *cal, int b, uint64_t m)
{
	struct bucket *bk = &cal->buckets[b];
	size_t n = bk->n;
	bk->n = 0;
	cal->used &= ~(UINT64_C(1) << (b - 1));
	cal->last = m;
	for (size_t i = 0; i < n; i++) {
		struct slot s = bk->v[i];
		int to = bucket_of(s.key, m);
		if (to == 0)
			now_push(cal, s.ev);
		else
			bucket_push(cal, to, s);
	}
}

/* Pops the first event of bucket 0 (which holds one). */
static struct cc_event *take(struct cc_calendar *cal)
{
	struct cc_event *ev = cal->now[0];
	now_remove(cal, 0);
	ev->heap_pos = CC_EVENT_IDLE;
	cal->size--;
	cal->last_time = ev->time;
	return ev;
}

/* The first event, removed, if it happens before LIMIT or if BOUNDED is 0; else NULL. */
static struct cc_event *pop_first(struct cc_calendar *cal, int bounded, double limit)
{
	if (!cal->n_now) {
		if (!cal->used)
			return NULL;
		uint64_t m;
		int b = lowest(cal, &m);
		double t;
		memcpy(&t, &m, sizeof t);
		if (bounded && !(t < limit))
			return NULL;
		deal(cal, b, m);
	} else if (bounded && !(cal->now[0]->time < limit)) {
		return NULL;
	}
	return take(cal);
}

struct cc_event *cc_calendar_pop_before(struct cc_calendar *cal, double limit)
{
	return pop_first(cal, 1, limit);
}

struct cc_event *cc_calendar_pop(struct cc_calendar *cal)
{
	return pop_first(cal, 0, 0);
}

const struct cc_event *cc_calendar_peek(const struct cc_calendar *cal)
{
	if (cal->n_now)
		return cal->now[0];
	if (!cal->used)
		return NULL;
	uint64_t m;
	int b = lowest(cal, &m);
	/* The first of the events at key M, by (class, sequence). */
	const struct cc_event *first = NULL;
	const struct bucket *bk = &cal->buckets[b];
	for (size_t i = 0; i < bk->n; i++)
		if (bk->v[i].key == m && (!first || now_before(bk->v[i].ev, first)))
			first = bk->v[i].ev;
	return first;
}

void cc_calendar_release(struct cc_calendar *cal, struct cc_event *ev)
{
	CC_ASSERT(ev->heap_pos == CC_EVENT_IDLE);
	ev->subject = cal->free_list;
	cal->free_list = ev;
}

size_t cc_calendar_size(const struct cc_calendar *cal)
{
	return cal->size;
}

size_t cc_calendar_capacity(const struct cc_calendar *cal)
{
	return cal->allocated;
}
