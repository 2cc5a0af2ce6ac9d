#include "calendar.h"

#include <math.h>
#include <string.h>

#include "alloc.h"
#include "status.h"

/*
 * Two structures, each where it is fastest.
 *
 * A small calendar (a few dozen events: a queue and its handful of agents) is a 4-ary heap
 * by (time, class, sequence): each event's time is kept beside its pointer, so that
 * comparisons read no event unless the times are equal, and the four children of a node
 * are compared in a tournament computed rather than branched on (the order of random times
 * cannot be predicted). Popping is bottom-up (Floyd): the hole at the root goes down along
 * the least children to a leaf, and the last entry is sifted up from there.
 *
 * A large calendar (thousands of events: thousands of agents) is a radix heap (Ahuja,
 * Mehlhorn, Orlin and Tarjan, "Faster Algorithms for the Shortest Path Problem", 1990),
 * which serves because time never goes back. An event's key is its time's bit pattern,
 * which for times >= 0 orders as the times do. LAST is the key of the last event popped.
 * The heap above then holds only the events at time LAST (bucket 0, ordered by class and
 * sequence); bucket b (1 to 64) holds those whose key first differs from LAST at bit b - 1.
 * Scheduling is O(1): a leading-zero count and an append. When bucket 0 is empty, the least
 * key of the lowest bucket in use becomes LAST and that bucket's events are dealt again into
 * lower buckets (they share its high bits, so every move is down): an event moves a few
 * times in its life, so a pop is amortised O(1), against the heap's O(log n) mispredicted
 * comparisons, which on thousands of events cost twice as much. On a handful of events the
 * heap's few comparisons cost less than the dealing.
 *
 * The calendar turns radix when it grows past RADIX_FROM events and back when it shrinks
 * below HEAP_BELOW; the gap keeps it from switching back and forth.
 */

/* Events are carved out of slabs of this many; slabs are never freed before destroy. */
enum { SLAB_EVENTS = 256 };

enum { BUCKETS = 65, RADIX_FROM = 256, HEAP_BELOW = 64 };

/* An entry of the heap. */
struct slot {
	double time;
	struct cc_event *ev;
};

/* An entry of bucket b >= 1, with its key, so that dealing a bucket reads no event. */
struct kslot {
	uint64_t key;
	struct cc_event *ev;
};

struct bucket {
	struct kslot *v;
	size_t n, cap;
};

struct slab {
	struct slab *next;
	struct cc_event events[SLAB_EVENTS];
};

struct cc_calendar {
	struct slot *heap;        /* every event, or in radix mode bucket 0 */
	size_t n_heap, cap_heap;
	size_t size;              /* events scheduled */
	int radix;                /* the buckets are in use */
	uint64_t last;            /* radix mode: the key of the last event popped */
	double last_time;         /* the time of the last event popped (0 at first) */
	uint64_t used;            /* bit b - 1 set: bucket b >= 1 holds events */
	struct bucket buckets[BUCKETS]; /* [0] unused: bucket 0 is the heap */
	uint64_t next_seq;
	/* Free events are chained through their subject pointer. */
	struct cc_event *free_list;
	struct slab *slabs;
	size_t allocated;
};

/* An event's place, in its heap_pos: the bucket in the high half (0: the heap), the index
 * in the low. */
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

static inline double time_of(uint64_t key)
{
	double time;
	memcpy(&time, &key, sizeof time);
	return time;
}

/* The bucket of KEY relative to LAST (KEY >= LAST). */
static inline int bucket_of(uint64_t key, uint64_t last)
{
	uint64_t x = key ^ last;
	return x ? 64 - __builtin_clzll(x) : 0;
}

struct cc_calendar *cc_calendar_create(void)
{
	struct cc_calendar *cal = cc_calloc(1, sizeof *cal);
	cal->cap_heap = 64;
	cal->heap = cc_calloc(cal->cap_heap, sizeof *cal->heap);
	return cal;
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
	cc_free(cal->heap);
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

/* ---- the heap ---- */

/* The ordering: true when A happens strictly before B. Sequences are unique, so it is total.
 * Equal times are rare (but for bucket 0): the common case is one comparison of times. */
static inline int before(const struct slot *a, const struct slot *b)
{
	if (__builtin_expect(a->time == b->time, 0)) {
		if (a->ev->cls != b->ev->cls)
			return a->ev->cls < b->ev->cls;
		return a->ev->seq < b->ev->seq;
	}
	return a->time < b->time;
}

/* The sift code shared with the generic heap, 4-ary on the slots above. */
#define CC_SIFT_NAME cal_heap
#define CC_SIFT_SLOT struct slot
#define CC_SIFT_ARITY 4
#define CC_SIFT_CTX const struct cc_calendar *
#define CC_SIFT_BEFORE(cal, a, b) before(a, b)
#define CC_SIFT_PLACED(cal, s, pos) ((s).ev->heap_pos = (pos)) /* pos_of(0, pos) */
#include "heap_sift.h"

static inline void heap_push(struct cc_calendar *cal, struct cc_event *ev)
{
	if (cal->n_heap == cal->cap_heap) {
		cal->cap_heap *= 2;
		cal->heap = cc_realloc(cal->heap, cal->cap_heap, sizeof *cal->heap);
	}
	cal_heap_push(cal, cal->heap, cal->n_heap++, (struct slot){ ev->time, ev });
}

/* Removes the entry at POS. */
static void heap_remove(struct cc_calendar *cal, size_t pos)
{
	cal_heap_remove(cal, cal->heap, cal->n_heap--, pos);
}

/* Removes the first event and returns it. */
static struct cc_event *heap_pop(struct cc_calendar *cal)
{
	return cal_heap_pop(cal, cal->heap, cal->n_heap--).ev;
}

/* ---- buckets 1 to 64 ---- */

static inline void bucket_push(struct cc_calendar *cal, int b, struct kslot s)
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

/* Puts EV in its bucket (radix mode). */
static inline void bucket_put(struct cc_calendar *cal, struct cc_event *ev)
{
	uint64_t key = key_of(ev->time);
	int b = bucket_of(key, cal->last);
	if (b == 0)
		heap_push(cal, ev);
	else
		bucket_push(cal, b, (struct kslot){ key, ev });
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
		struct kslot s = bk->v[i];
		int to = bucket_of(s.key, m);
		if (to == 0)
			heap_push(cal, s.ev);
		else
			bucket_push(cal, to, s);
	}
}

/* ---- switching ---- */

/* The heap holds every event; it turns into bucket 0, the rest dealt into the buckets. */
static void to_radix(struct cc_calendar *cal)
{
	cal->radix = 1;
	cal->last = key_of(cal->last_time);
	size_t n = cal->n_heap;
	cal->n_heap = 0;
	for (size_t i = 0; i < n; i++) {
		struct slot s = cal->heap[i];
		uint64_t key = key_of(s.time);
		int b = bucket_of(key, cal->last);
		if (b == 0) /* at the time of the last pop: kept, in heap order again */
			cal_heap_push(cal, cal->heap, cal->n_heap++, s);
		else
			bucket_push(cal, b, (struct kslot){ key, s.ev });
	}
}

/* Every event goes back into the heap. */
static void to_heap(struct cc_calendar *cal)
{
	cal->radix = 0;
	while (cal->used) {
		int b = __builtin_ctzll(cal->used) + 1;
		struct bucket *bk = &cal->buckets[b];
		for (size_t i = 0; i < bk->n; i++)
			heap_push(cal, bk->v[i].ev);
		bk->n = 0;
		cal->used &= ~(UINT64_C(1) << (b - 1));
	}
}

/* ---- the calendar ---- */

__attribute__((noinline)) static void insert_radix(struct cc_calendar *cal, struct cc_event *ev)
{
	cal->size++;
	bucket_put(cal, ev);
}

static inline void insert(struct cc_calendar *cal, struct cc_event *ev)
{
	/* Time never goes back: what is scheduled happens at or after what was popped. */
	CC_ASSERT(ev->time >= cal->last_time);
	ev->seq = cal->next_seq++;
	if (cal->radix) {
		insert_radix(cal, ev);
		return;
	}
	heap_push(cal, ev);
	if (++cal->size > RADIX_FROM)
		to_radix(cal);
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

/* Takes EV, scheduled, out of the heap or its bucket. */
static void unlink_event(struct cc_calendar *cal, struct cc_event *ev)
{
	CC_ASSERT(ev->heap_pos != CC_EVENT_IDLE);
	int b = (int)(ev->heap_pos >> 32);
	size_t i = ev->heap_pos & 0xffffffffu;
	if (b == 0) {
		CC_ASSERT(i < cal->n_heap && cal->heap[i].ev == ev);
		heap_remove(cal, i);
	} else {
		CC_ASSERT(b < BUCKETS && i < cal->buckets[b].n && cal->buckets[b].v[i].ev == ev);
		bucket_remove(cal, b, i);
	}
	ev->heap_pos = CC_EVENT_IDLE;
	cal->size--;
}

void cc_calendar_move(struct cc_calendar *cal, struct cc_event *ev, double time)
{
	CC_ASSERT(!isnan(time));
	unlink_event(cal, ev);
	ev->time = time;
	insert(cal, ev);
}

void cc_calendar_cancel(struct cc_calendar *cal, struct cc_event *ev)
{
	unlink_event(cal, ev);
	cc_calendar_release(cal, ev);
}

/* pop_first in radix mode: from bucket 0, or else from the lowest bucket in use. */
__attribute__((noinline)) static struct cc_event *pop_radix(struct cc_calendar *cal, int bounded,
                                                            double limit)
{
	struct cc_event *ev;
	if (cal->n_heap) {
		if (bounded && !(cal->heap[0].time < limit))
			return NULL;
		ev = heap_pop(cal);
	} else {
		if (!cal->used)
			return NULL;
		uint64_t m;
		int b = lowest(cal, &m);
		if (bounded && !(time_of(m) < limit))
			return NULL;
		struct bucket *bk = &cal->buckets[b];
		if (bk->n == 1) { /* alone in its bucket (the common case): no dealing */
			ev = bk->v[0].ev;
			bucket_remove(cal, b, 0);
			cal->last = m;
		} else {
			deal(cal, b, m);
			ev = heap_pop(cal);
		}
	}
	ev->heap_pos = CC_EVENT_IDLE;
	cal->size--;
	cal->last_time = ev->time;
	if (cal->size < HEAP_BELOW)
		to_heap(cal);
	return ev;
}

/* The first event, removed, if it happens before LIMIT or if BOUNDED is 0; else NULL. The
 * heap's case is kept apart from the radix's, so that it stays short. */
static inline struct cc_event *pop_first(struct cc_calendar *cal, int bounded, double limit)
{
	if (cal->radix)
		return pop_radix(cal, bounded, limit);
	if (!cal->n_heap || (bounded && !(cal->heap[0].time < limit)))
		return NULL;
	struct cc_event *ev = heap_pop(cal);
	ev->heap_pos = CC_EVENT_IDLE;
	cal->size--;
	cal->last_time = ev->time;
	return ev;
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
	if (cal->n_heap)
		return cal->heap[0].ev;
	if (!cal->used)
		return NULL;
	uint64_t m;
	int b = lowest(cal, &m);
	/* The first of the events at key M, by (class, sequence). */
	const struct cc_event *first = NULL;
	const struct bucket *bk = &cal->buckets[b];
	for (size_t i = 0; i < bk->n; i++) {
		const struct cc_event *ev = bk->v[i].ev;
		if (bk->v[i].key == m &&
		    (!first || ev->cls < first->cls || (ev->cls == first->cls && ev->seq < first->seq)))
			first = ev;
	}
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
