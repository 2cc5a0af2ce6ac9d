#include "calendar.h"

#include <math.h>

#include "alloc.h"
#include "status.h"

/* Events are carved out of slabs of this many; slabs are never freed before destroy. */
enum { SLAB_EVENTS = 256 };

struct slab {
	struct slab *next;
	struct cc_event events[SLAB_EVENTS];
};

struct cc_calendar {
	struct cc_event **heap;
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
		for (size_t i = 0; i < SLAB_EVENTS; i++) {
			s->events[i].subject = cal->free_list;
			cal->free_list = &s->events[i];
		}
		cal->allocated += SLAB_EVENTS;
	}
	struct cc_event *ev = cal->free_list;
	cal->free_list = ev->subject;
	return ev;
}

/* The ordering: true when A happens strictly before B. Sequences are unique, so it is total. */
static inline int before(const struct cc_event *a, const struct cc_event *b)
{
	if (a->time != b->time)
		return a->time < b->time;
	if (a->cls != b->cls)
		return a->cls < b->cls;
	return a->seq < b->seq;
}

static inline void place(struct cc_calendar *cal, size_t pos, struct cc_event *ev)
{
	cal->heap[pos] = ev;
	ev->heap_pos = pos;
}

static void sift_up(struct cc_calendar *cal, size_t pos, struct cc_event *ev)
{
	while (pos > 0) {
		size_t parent = (pos - 1) / 2;
		struct cc_event *p = cal->heap[parent];
		if (!before(ev, p))
			break;
		place(cal, pos, p);
		pos = parent;
	}
	place(cal, pos, ev);
}

static void sift_down(struct cc_calendar *cal, size_t pos, struct cc_event *ev)
{
	size_t n = cal->size;
	for (;;) {
		size_t child = 2 * pos + 1;
		if (child >= n)
			break;
		if (child + 1 < n && before(cal->heap[child + 1], cal->heap[child]))
			child++;
		if (!before(cal->heap[child], ev))
			break;
		place(cal, pos, cal->heap[child]);
		pos = child;
	}
	place(cal, pos, ev);
}

static void insert(struct cc_calendar *cal, struct cc_event *ev)
{
	if (cal->size == cal->cap) {
		cal->cap *= 2;
		cal->heap = cc_realloc(cal->heap, cal->cap, sizeof *cal->heap);
	}
	ev->seq = cal->next_seq++;
	sift_up(cal, cal->size++, ev);
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

/* Removes the event at POS, filling the hole with the last event. */
static void remove_at(struct cc_calendar *cal, size_t pos)
{
	struct cc_event *ev = cal->heap[pos];
	struct cc_event *last = cal->heap[--cal->size];
	ev->heap_pos = CC_EVENT_IDLE;
	if (pos == cal->size)
		return;
	if (pos > 0 && before(last, cal->heap[(pos - 1) / 2]))
		sift_up(cal, pos, last);
	else
		sift_down(cal, pos, last);
}

void cc_calendar_move(struct cc_calendar *cal, struct cc_event *ev, double time)
{
	CC_ASSERT(ev->heap_pos < cal->size && cal->heap[ev->heap_pos] == ev && !isnan(time));
	size_t pos = ev->heap_pos;
	ev->time = time;
	ev->seq = cal->next_seq++;
	if (pos > 0 && before(ev, cal->heap[(pos - 1) / 2]))
		sift_up(cal, pos, ev);
	else
		sift_down(cal, pos, ev);
}

void cc_calendar_cancel(struct cc_calendar *cal, struct cc_event *ev)
{
	CC_ASSERT(ev->heap_pos < cal->size && cal->heap[ev->heap_pos] == ev);
	remove_at(cal, ev->heap_pos);
	cc_calendar_release(cal, ev);
}

/*
 * Pops the root bottom-up (Floyd): the hole left at the root goes down along the smaller
 * children to a leaf, one comparison per level, and the last event is sifted up from there.
 * The last event usually belongs near the bottom, so this takes about half the comparisons
 * of sifting it down from the root; the resulting order is the same.
 */
struct cc_event *cc_calendar_pop(struct cc_calendar *cal)
{
	if (cal->size == 0)
		return NULL;
	struct cc_event *ev = cal->heap[0];
	ev->heap_pos = CC_EVENT_IDLE;
	struct cc_event *last = cal->heap[--cal->size];
	size_t n = cal->size;
	if (n == 0)
		return ev;
	size_t pos = 0;
	for (;;) {
		size_t child = 2 * pos + 1;
		if (child >= n)
			break;
		if (child + 1 < n && before(cal->heap[child + 1], cal->heap[child]))
			child++;
		place(cal, pos, cal->heap[child]);
		pos = child;
	}
	sift_up(cal, pos, last);
	return ev;
}

const struct cc_event *cc_calendar_peek(const struct cc_calendar *cal)
{
	return cal->size ? cal->heap[0] : NULL;
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
