/*
 * The sift code of every heap in sim/: one implementation, instantiated by the generic heap
 * (binary, pointers to intrusive nodes, a caller's order) and by the event calendar (4-ary,
 * each event's time inline beside its pointer, the order (time, class, sequence)). It is a
 * template: the includer defines the parameters below, then includes this file, which
 * defines static inline functions named after CC_SIFT_NAME and undefines the parameters. It
 * may be included several times with different parameters. Not a public header.
 *
 *   CC_SIFT_NAME           prefix of the functions defined (NAME_sift_up, ...)
 *   CC_SIFT_SLOT           type of an entry, copied by value (a pointer, or a small struct)
 *   CC_SIFT_ARITY          children per node: 2 or 4
 *   CC_SIFT_CTX            type of the context passed to every function (e.g. the heap)
 *   CC_SIFT_BEFORE(c,a,b)  nonzero when the entry at A comes strictly before the one at B
 *                          (pointers to entries; C the context); a total order
 *   CC_SIFT_PLACED(c,s,i)  statement run when entry S is stored at index I, to keep its
 *                          holder's position
 *
 * Every function works on V, the array of N entries, and leaves it in heap order. The
 * resulting layout depends only on the arity and the order, so two heaps built by the same
 * calls hold their entries at the same indexes (callers may visit them by index).
 *
 * Functions defined:
 *   NAME_sift_up(c, v, pos, s)       stores S at POS or above it (POS a hole)
 *   NAME_least_child(c, v, pos, n)   the least of POS's children (POS has one at least)
 *   NAME_sift_down(c, v, n, pos, s)  stores S at POS or below it (POS a hole)
 *   NAME_push(c, v, n, s)            appends S to the N entries (room for it is the caller's)
 *   NAME_remove(c, v, n, pos)        removes the entry at POS (N counts it; N - 1 remain)
 *   NAME_pop(c, v, n)                removes the root (N counts it) and returns it, bottom-up
 */

#if !defined(CC_SIFT_NAME) || !defined(CC_SIFT_SLOT) || !defined(CC_SIFT_ARITY) || \
    !defined(CC_SIFT_CTX) || !defined(CC_SIFT_BEFORE) || !defined(CC_SIFT_PLACED)
#error "define the CC_SIFT_ parameters before including heap_sift.h"
#endif

#if CC_SIFT_ARITY != 2 && CC_SIFT_ARITY != 4
#error "CC_SIFT_ARITY must be 2 or 4"
#endif

#include <stddef.h>

#define CC_SIFT_CAT2(a, b) a##_##b
#define CC_SIFT_CAT(a, b) CC_SIFT_CAT2(a, b)
#define CC_SIFT_FN(f) CC_SIFT_CAT(CC_SIFT_NAME, f)

/* A name for the entry's type, so that "const" applies to the entry itself. */
typedef CC_SIFT_SLOT CC_SIFT_FN(slot);

static inline void CC_SIFT_FN(place)(CC_SIFT_CTX c, CC_SIFT_SLOT *v, size_t pos, CC_SIFT_SLOT s)
{
	(void)c;
	v[pos] = s;
	CC_SIFT_PLACED(c, s, pos);
}

static inline void CC_SIFT_FN(sift_up)(CC_SIFT_CTX c, CC_SIFT_SLOT *v, size_t pos, CC_SIFT_SLOT s)
{
	while (pos > 0) {
		size_t parent = (pos - 1) / CC_SIFT_ARITY;
		if (!CC_SIFT_BEFORE(c, &s, &v[parent]))
			break;
		CC_SIFT_FN(place)(c, v, pos, v[parent]);
		pos = parent;
	}
	CC_SIFT_FN(place)(c, v, pos, s);
}

/* A full family is compared in a tournament computed rather than branched on (the order of
 * random times cannot be predicted); on equal entries the leftmost wins, as in the loop. */
static inline size_t CC_SIFT_FN(least_child)(CC_SIFT_CTX c, const CC_SIFT_FN(slot) *v, size_t pos,
                                             size_t n)
{
	(void)c;
	size_t first = CC_SIFT_ARITY * pos + 1;
	if (first + CC_SIFT_ARITY <= n) {
		size_t a = first + (size_t)CC_SIFT_BEFORE(c, &v[first + 1], &v[first]);
#if CC_SIFT_ARITY == 2
		return a;
#else
		size_t b = first + 2 + (size_t)CC_SIFT_BEFORE(c, &v[first + 3], &v[first + 2]);
		return CC_SIFT_BEFORE(c, &v[b], &v[a]) ? b : a;
#endif
	}
	size_t best = first;
	for (size_t i = first + 1; i < n; i++)
		if (CC_SIFT_BEFORE(c, &v[i], &v[best]))
			best = i;
	return best;
}

static inline void CC_SIFT_FN(sift_down)(CC_SIFT_CTX c, CC_SIFT_SLOT *v, size_t n, size_t pos,
                                         CC_SIFT_SLOT s)
{
	while (CC_SIFT_ARITY * pos + 1 < n) {
		size_t child = CC_SIFT_FN(least_child)(c, v, pos, n);
		if (!CC_SIFT_BEFORE(c, &v[child], &s))
			break;
		CC_SIFT_FN(place)(c, v, pos, v[child]);
		pos = child;
	}
	CC_SIFT_FN(place)(c, v, pos, s);
}

static inline void CC_SIFT_FN(push)(CC_SIFT_CTX c, CC_SIFT_SLOT *v, size_t n, CC_SIFT_SLOT s)
{
	CC_SIFT_FN(sift_up)(c, v, n, s);
}

/* The last entry takes the place of the one removed, and moves up or down from there. */
static inline void CC_SIFT_FN(remove)(CC_SIFT_CTX c, CC_SIFT_SLOT *v, size_t n, size_t pos)
{
	CC_SIFT_SLOT last = v[--n];
	if (pos == n)
		return;
	if (pos > 0 && CC_SIFT_BEFORE(c, &last, &v[(pos - 1) / CC_SIFT_ARITY]))
		CC_SIFT_FN(sift_up)(c, v, pos, last);
	else
		CC_SIFT_FN(sift_down)(c, v, n, pos, last);
}

/* Bottom-up (Floyd): the hole at the root goes down along the least children to a leaf, and
 * the last entry is sifted up from there. The last entry usually belongs near the bottom, so
 * this takes fewer comparisons than sifting it down from the root. */
static inline CC_SIFT_SLOT CC_SIFT_FN(pop)(CC_SIFT_CTX c, CC_SIFT_SLOT *v, size_t n)
{
	CC_SIFT_SLOT top = v[0];
	if (--n == 0)
		return top;
	CC_SIFT_SLOT last = v[n];
	size_t pos = 0;
	while (CC_SIFT_ARITY * pos + 1 < n) {
		size_t child = CC_SIFT_FN(least_child)(c, v, pos, n);
		CC_SIFT_FN(place)(c, v, pos, v[child]);
		pos = child;
	}
	CC_SIFT_FN(sift_up)(c, v, pos, last);
	return top;
}

#undef CC_SIFT_FN
#undef CC_SIFT_CAT
#undef CC_SIFT_CAT2
#undef CC_SIFT_NAME
#undef CC_SIFT_SLOT
#undef CC_SIFT_ARITY
#undef CC_SIFT_CTX
#undef CC_SIFT_BEFORE
#undef CC_SIFT_PLACED
