#ifndef CC_HEAP_H
#define CC_HEAP_H

#include <stddef.h>
#include <stdint.h>

/*
 * An intrusive binary min-heap. The caller embeds a struct cc_heap_node in each item and
 * gives an order; the heap stores pointers to the nodes and keeps each node's position,
 * so removing or re-placing any item is O(log n) with no search. The order must be total
 * (break ties with a sequence number) for runs to be reproducible. Pushing allocates only
 * when the heap outgrows its largest size so far. The sift code is the engine's one, shared
 * with the event calendar's heap, a template of static inline functions.
 */

struct cc_heap_node {
	size_t pos;          /* index in the heap, or CC_HEAP_OUT; managed by the heap */
};

#define CC_HEAP_OUT SIZE_MAX

/* Nonzero when A comes before B. */
typedef int (*cc_heap_before)(const struct cc_heap_node *a, const struct cc_heap_node *b);

struct cc_heap {
	struct cc_heap_node **items;
	size_t n, cap;
	cc_heap_before before;
};

/* Caller storage: init, then fini (which accepts a heap never used). */
void cc_heap_init(struct cc_heap *h, cc_heap_before before);
void cc_heap_fini(struct cc_heap *h);

/* Marks a node as in no heap; do it once before its first push. */
static inline void cc_heap_node_init(struct cc_heap_node *x) { x->pos = CC_HEAP_OUT; }

static inline int cc_heap_contains(const struct cc_heap_node *x) { return x->pos != CC_HEAP_OUT; }

void cc_heap_push(struct cc_heap *h, struct cc_heap_node *x);

/* Removes X, which must be in H. */
void cc_heap_remove(struct cc_heap *h, struct cc_heap_node *x);

/* The first node, or NULL when the heap is empty. */
static inline struct cc_heap_node *cc_heap_top(const struct cc_heap *h)
{
	return h->n ? h->items[0] : NULL;
}

static inline size_t cc_heap_size(const struct cc_heap *h) { return h->n; }

/* The node at position I (0 <= I < size), in no particular order: for visiting every item. */
static inline struct cc_heap_node *cc_heap_at(const struct cc_heap *h, size_t i)
{
	return h->items[i];
}

#endif
