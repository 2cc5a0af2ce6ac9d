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

/* Binary, entries the nodes' addresses, in the caller's order. */
#define CC_SIFT_NAME nodes
#define CC_SIFT_SLOT struct cc_heap_node *
#define CC_SIFT_ARITY 2
#define CC_SIFT_CTX const struct cc_heap *
#define CC_SIFT_BEFORE(h, a, b) ((h)->before(*(a), *(b)))
#define CC_SIFT_PLACED(h, x, i) ((x)->pos = (i))
#include "sim/heap_sift.h"

void cc_heap_push(struct cc_heap *h, struct cc_heap_node *x)
{
	CC_ASSERT(x->pos == CC_HEAP_OUT);
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 16;
		h->items = cc_realloc(h->items, h->cap, sizeof *h->items);
	}
	nodes_push(h, h->items, h->n++, x);
}

void cc_heap_remove(struct cc_heap *h, struct cc_heap_node *x)
{
	size_t i = x->pos;
	CC_ASSERT(i < h->n && h->items[i] == x);
	x->pos = CC_HEAP_OUT;
	nodes_remove(h, h->items, h->n--, i);
}
