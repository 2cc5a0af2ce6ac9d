#include "calendar.h"

#include <math.h>

#include "alloc.h"
#include "status.h"

/* Events are carved out of slabs of this many; slabs are never freed before destroy. */
enum { SLAB_EVENTS = 256 };

/*
 * The heap is 4-ary: half the levels of a binary heap, and the four children of a node lie
 * side by side in one or two cache lines, so a level costs little more than in a binary
 * heap while there are half as many of them. Against a binary heap it is as fast on the
 * handful of events of a small center and faster on the thousands of a large one.
 */
enum { ARITY = 4 };

/*
 * An entry of the heap: the event's time is kept beside its pointer, so that comparing two
 * entries reads no event unless their times are equal (the class and the sequence number,
 * in the events, then settle it).
 */
struct slot {
	double time;
	struct cc_event *ev;
};

struct slab {
	struct slab *next;
	struct cc_event events[SLAB_EVENTS];
};

struct cc_calendar {
	struct slot *heap;
	size_t size;
	size_t cap;
	uint64_t next_seq;
	/* Free events are chained through their subject pointer. */
	struct cc_event *free_list;
	struct slab *slabs;
	size_t allocated;
};

struct cc_calendar *cc_calendar_create(void)
{
	struct cc_calendar *cal = cc_calloc(1, sizeof *cal);
	cal->cap = 64;
	cal->heap = cc_calloc(cal->cap, sizeof *cal->heap);
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

/* The ordering: true when A happens strictly before B. Sequences are unique, so it is total.
 * Equal times are rare: the common case is one comparison of the times in the heap. */
static inline int before(const struct slot *a, const struct slot *b)
{
	if (__builtin_expect(a->time == b->time, 0)) {
		if (a->ev->cls != b->ev->cls)
			return a->ev->cls < b->ev->cls;
		return a->ev->seq < b->ev->seq;
	}
	return a->time < b->time;
}

static inline void place(struct slot *heap, size_t pos, struct slot s)
{
	heap[pos] = s;
	s.ev->heap_pos = pos;
}

static void sift_up(struct slot *heap, size_t pos, struct slot s)
{
	while (pos > 0) {
		size_t parent = (pos - 1) / ARITY;
		if (!before(&s, &heap[parent]))
			break;
		place(heap, pos, heap[parent]);
		pos = parent;
	}
	place(heap, pos, s);
}

/*
 * The first of the children of POS (it has one at least) among the N entries. A full family
 * is settled by a tournament whose pairings are computed rather than branched on, as the
 * order of random times cannot be predicted.
 */
static inline size_t least_child(const struct slot *heap, size_t pos, size_t n)
{
	size_t first = ARITY * pos + 1;
	if (first + ARITY <= n) {
		size_t a = first + (size_t)before(&heap[first + 1], &heap[first]);
		size_t b = first + 2 + (size_t)before(&heap[first + 3], &heap[first + 2]);
		return before(&heap[b], &heap[a]) ? b : a;
	}
	size_t best = first;
	for (size_t c = first + 1; c < n; c++)
		if (before(&heap[c], &heap[best]))
			best = c;
	return best;
}

static void sift_down(struct slot *heap, size_t n, size_t pos, struct slot s)
{
	while (ARITY * pos + 1 < n) {
		size_t child = least_child(heap, pos, n);
		if (!before(&heap[child], &s))
			break;
		place(heap, pos, heap[child]);
		pos = child;
	}
	place(heap, pos, s);
}

/* Puts S at POS, up or down as its key says. */
static void settle(struct cc_calendar *cal, size_t pos, struct slot s)
{
	if (pos > 0 && before(&s, &cal->heap[(pos - 1) / ARITY]))
		sift_up(cal->heap, pos, s);
	else
		sift_down(cal->heap, cal->size, pos, s);
}

static void insert(struct cc_calendar *cal, struct cc_event *ev)
{
	if (cal->size == cal->cap) {
		cal->cap *= 2;
		cal->heap = cc_realloc(cal->heap, cal->cap, sizeof *cal->heap);
	}
	ev->seq = cal->next_seq++;
	sift_up(cal->heap, cal->size++, (struct slot){ ev->time, ev });
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

void cc_calendar_move(struct cc_calendar *cal, struct cc_event *ev, double time)
{
	size_t pos = ev->heap_pos;
	CC_ASSERT(pos < cal->size && cal->heap[pos].ev == ev && !isnan(time));
	ev->time = time;
	ev->seq = cal->next_seq++;
	settle(cal, pos, (struct slot){ time, ev });
}

void cc_calendar_cancel(struct cc_calendar *cal, struct cc_event *ev)
{
	size_t pos = ev->heap_pos;
	CC_ASSERT(pos < cal->size && cal->heap[pos].ev == ev);
	ev->heap_pos = CC_EVENT_IDLE;
	struct slot last = cal->heap[--cal->size];
	if (pos < cal->size)
		settle(cal, pos, last);
	cc_calendar_release(cal, ev);
}

/*
 * Pops the root bottom-up (Floyd): the hole left at the root goes down along the least
 * children to a leaf, and the last entry is sifted up from there. The last entry usually
 * belongs near the bottom, so this takes fewer comparisons than sifting it down from the
 * root, and the descent's branches (is there a child? a full family?) are predictable; the
 * resulting order is the same.
 */
static struct cc_event *pop_root(struct cc_calendar *cal)
{
	struct slot *heap = cal->heap;
	struct cc_event *ev = heap[0].ev;
	ev->heap_pos = CC_EVENT_IDLE;
	struct slot last = heap[--cal->size];
	size_t n = cal->size;
	if (n == 0)
		return ev;
	size_t pos = 0;
	while (ARITY * pos + 1 < n) {
		size_t child = least_child(heap, pos, n);
		place(heap, pos, heap[child]);
		pos = child;
	}
	sift_up(heap, pos, last);
	return ev;
}

struct cc_event *cc_calendar_pop(struct cc_calendar *cal)
{
	return cal->size ? pop_root(cal) : NULL;
}

struct cc_event *cc_calendar_pop_before(struct cc_calendar *cal, double limit)
{
	return cal->size && cal->heap[0].time < limit ? pop_root(cal) : NULL;
}

const struct cc_event *cc_calendar_peek(const struct cc_calendar *cal)
{
	return cal->size ? cal->heap[0].ev : NULL;
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
