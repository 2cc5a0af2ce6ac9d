#include "sim/heap.h"

#include "sim/alloc.h"
#include "sim/status.h"

void cc_heap_init(struct cc_heap *h, cc_heap_before before)
{
	h->items = NULL;
	h->n = h->cap = 0;
	h->before = before;
}

void cc_heap_fini(struct cc_heap *h)
{
	cc_free(h->items);
	h->items = NULL;
	h->n = h->cap = 0;
}

static void place(struct cc_heap *h, size_t i, struct cc_heap_node *x)
{
	h->items[i] = x;
	x->pos = i;
}

static void sift_up(struct cc_heap *h, size_t i, struct cc_heap_node *x)
{
	while (i > 0) {
		size_t parent = (i - 1) / 2;
		if (!h->before(x, h->items[parent]))
			break;
		place(h, i, h->items[parent]);
		i = parent;
	}
	place(h, i, x);
}

static void sift_down(struct cc_heap *h, size_t i, struct cc_heap_node *x)
{
	for (;;) {
		size_t child = 2 * i + 1;
		if (child >= h->n)
			break;
		if (child + 1 < h->n && h->before(h->items[child + 1], h->items[child]))
			child++;
		if (!h->before(h->items[child], x))
			break;
		place(h, i, h->items[child]);
		i = child;
	}
	place(h, i, x);
}

void cc_heap_push(struct cc_heap *h, struct cc_heap_node *x)
{
	CC_ASSERT(x->pos == CC_HEAP_OUT);
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 16;
		h->items = cc_realloc(h->items, h->cap, sizeof *h->items);
	}
	sift_up(h, h->n++, x);
}

void cc_heap_remove(struct cc_heap *h, struct cc_heap_node *x)
{
	size_t i = x->pos;
	CC_ASSERT(i < h->n && h->items[i] == x);
	x->pos = CC_HEAP_OUT;
	struct cc_heap_node *last = h->items[--h->n];
	if (i == h->n)
		return;
	if (i > 0 && h->before(last, h->items[(i - 1) / 2]))
		sift_up(h, i, last);
	else
		sift_down(h, i, last);
}
