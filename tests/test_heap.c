#include "testutil.h"

#include <gsl/gsl_rng.h>

#include "sim/heap.h"
#include "sim/macros.h"

/* An item as a model keeps one: a key, an id to break ties, and the heap's node inside. */
struct item {
	double key;
	int id;
	struct cc_heap_node node;
};

static int item_before(const struct cc_heap_node *a, const struct cc_heap_node *b)
{
	const struct item *x = CC_CONTAINER_OF(a, const struct item, node);
	const struct item *y = CC_CONTAINER_OF(b, const struct item, node);
	if (x->key != y->key)
		return x->key < y->key;
	return x->id < y->id;
}

static struct item *item_of(struct cc_heap_node *node)
{
	return CC_CONTAINER_OF(node, struct item, node);
}

/* Every node knows its index, and no child comes before its parent. */
static void check_heap(const struct cc_heap *h)
{
	for (size_t i = 0; i < cc_heap_size(h); i++) {
		const struct cc_heap_node *x = cc_heap_at(h, i);
		assert_true(cc_heap_contains(x));
		assert_int_equal(x->pos, i);
		if (i > 0)
			assert_false(item_before(x, cc_heap_at(h, (i - 1) / 2)));
	}
}

/* A key with frequent ties (coarse steps) and some spread. */
static double draw_key(gsl_rng *r)
{
	if (gsl_rng_uniform(r) < 0.5)
		return floor(gsl_rng_uniform(r) * 12) * 0.25;
	return 1000 * gsl_rng_uniform(r) - 17.3;
}

/* The item of POOL[0..N) in the heap that comes first, by a scan. */
static struct item *reference_first(struct item *pool, size_t n)
{
	struct item *best = NULL;
	for (size_t i = 0; i < n; i++)
		if (cc_heap_contains(&pool[i].node) && (!best || item_before(&pool[i].node, &best->node)))
			best = &pool[i];
	return best;
}

static void run_random_ops(unsigned long seed, size_t pool_n, int ops)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, seed);
	struct item *pool = calloc(pool_n, sizeof *pool);
	for (size_t i = 0; i < pool_n; i++) {
		pool[i].id = (int)i;
		cc_heap_node_init(&pool[i].node);
	}
	struct cc_heap h;
	cc_heap_init(&h, item_before);
	size_t in = 0, peak = 0;
	for (int op = 0; op < ops; op++) {
		/* Halves that mostly push alternate with halves that mostly pop. */
		double grow = op / (ops / 6) % 2 == 0 ? 0.6 : 0.35;
		double u = gsl_rng_uniform(r);
		struct item *x = &pool[gsl_rng_uniform_int(r, pool_n)];
		if (u < grow) {
			if (!cc_heap_contains(&x->node)) {
				x->key = draw_key(r);
				cc_heap_push(&h, &x->node);
				in++;
			}
		} else if (u < grow + 0.1) {
			/* Remove an item from anywhere. */
			if (cc_heap_contains(&x->node)) {
				cc_heap_remove(&h, &x->node);
				assert_false(cc_heap_contains(&x->node));
				in--;
			}
		} else if (u < grow + 0.2) {
			/* Change an item's key: out, and in again. */
			if (cc_heap_contains(&x->node)) {
				cc_heap_remove(&h, &x->node);
				x->key = draw_key(r);
				cc_heap_push(&h, &x->node);
			}
		} else {
			/* Pop: the top is the reference's first. */
			struct item *want = reference_first(pool, pool_n);
			struct cc_heap_node *top = cc_heap_top(&h);
			if (!want) {
				assert_null(top);
				continue;
			}
			assert_ptr_equal(item_of(top), want);
			cc_heap_remove(&h, top);
			in--;
		}
		assert_int_equal(cc_heap_size(&h), in);
		if (in > peak)
			peak = in;
		if (op % 97 == 0)
			check_heap(&h);
	}
	check_heap(&h);
	assert_true(peak > pool_n / 2);
	/* Drain: what is left comes out in sorted order. */
	struct item *prev = NULL;
	while (cc_heap_size(&h)) {
		struct item *x = item_of(cc_heap_top(&h));
		assert_ptr_equal(x, reference_first(pool, pool_n));
		if (prev)
			assert_true(item_before(&prev->node, &x->node));
		cc_heap_remove(&h, &x->node);
		prev = x;
	}
	assert_null(cc_heap_top(&h));
	cc_heap_fini(&h);
	free(pool);
	gsl_rng_free(r);
}

static void test_heap_matches_sorted_reference(void **state)
{
	(void)state;
	static const unsigned long seeds[] = { 2385, 77, 9001 };
	for (size_t i = 0; i < CC_ARRAY_SIZE(seeds); i++)
		run_random_ops(seeds[i], 300, 30000);
	/* Tiny heaps: the partial families at the bottom, every step. */
	run_random_ops(4242, 5, 4000);
}

static void test_heap_empty_and_single(void **state)
{
	(void)state;
	struct cc_heap h;
	cc_heap_init(&h, item_before);
	assert_null(cc_heap_top(&h));
	assert_int_equal(cc_heap_size(&h), 0);
	cc_heap_fini(&h); /* never used */
	cc_heap_init(&h, item_before);
	struct item a = { .key = 2.385, .id = 1 };
	cc_heap_node_init(&a.node);
	assert_false(cc_heap_contains(&a.node));
	cc_heap_push(&h, &a.node);
	assert_true(cc_heap_contains(&a.node));
	assert_ptr_equal(cc_heap_top(&h), &a.node);
	cc_heap_remove(&h, &a.node);
	assert_false(cc_heap_contains(&a.node));
	assert_int_equal(a.node.pos, CC_HEAP_OUT);
	assert_null(cc_heap_top(&h));
	cc_heap_fini(&h);
	cc_heap_fini(&h); /* twice */
}

/* Two heaps given the same calls hold their items at the same indexes: a caller that visits
 * the items by index (as the model does at the horizon) sees one order whatever else ran. */
static void test_heap_layout_is_reproducible(void **state)
{
	(void)state;
	enum { N = 200 };
	struct item a[N], b[N];
	struct cc_heap ha, hb;
	cc_heap_init(&ha, item_before);
	cc_heap_init(&hb, item_before);
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 31337);
	for (int i = 0; i < N; i++) {
		a[i] = b[i] = (struct item){ .key = draw_key(r), .id = i };
		cc_heap_node_init(&a[i].node);
		cc_heap_node_init(&b[i].node);
		cc_heap_push(&ha, &a[i].node);
		cc_heap_push(&hb, &b[i].node);
	}
	for (int i = 0; i < N; i += 3) {
		cc_heap_remove(&ha, &a[i].node);
		cc_heap_remove(&hb, &b[i].node);
	}
	assert_int_equal(cc_heap_size(&ha), cc_heap_size(&hb));
	for (size_t i = 0; i < cc_heap_size(&ha); i++)
		assert_int_equal(item_of(cc_heap_at(&ha, i))->id, item_of(cc_heap_at(&hb, i))->id);
	cc_heap_fini(&ha);
	cc_heap_fini(&hb);
	gsl_rng_free(r);
}

/* The sift code itself, 4-ary on inline keys (as the calendar uses it), against a sort. */
struct kv {
	double key;
	unsigned id;
};

static int kv_before(const struct kv *a, const struct kv *b)
{
	return a->key != b->key ? a->key < b->key : a->id < b->id;
}

#define CC_SIFT_NAME kv4
#define CC_SIFT_SLOT struct kv
#define CC_SIFT_ARITY 4
#define CC_SIFT_CTX size_t *
#define CC_SIFT_BEFORE(c, a, b) kv_before(a, b)
#define CC_SIFT_PLACED(c, s, i) ((c)[(s).id] = (i))
#include "sim/heap_sift.h"

static int kv_compare(const void *a, const void *b)
{
	return kv_before(a, b) ? -1 : kv_before(b, a) ? 1 : 0;
}

static void test_heap_sift_4ary_against_sort(void **state)
{
	(void)state;
	enum { N = 1000 };
	static struct kv v[N], sorted[N];
	static size_t pos[N]; /* each id's index, kept by CC_SIFT_PLACED */
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 1234);
	size_t n = 0, n_sorted;
	for (unsigned i = 0; i < N; i++)
		kv4_push(pos, v, n++, (struct kv){ draw_key(r), i });
	/* Remove a third from anywhere, found through their kept index. */
	for (unsigned i = 0; i < N; i += 3) {
		assert_int_equal(v[pos[i]].id, i);
		kv4_remove(pos, v, n--, pos[i]);
	}
	/* What is left, sorted: the order pops must follow. */
	memcpy(sorted, v, n * sizeof *v);
	n_sorted = n;
	qsort(sorted, n_sorted, sizeof *sorted, kv_compare);
	for (size_t i = 0; i < n_sorted; i++) {
		for (size_t j = 0; j < n; j++)
			assert_int_equal(pos[v[j].id], j);
		struct kv top = kv4_pop(pos, v, n--);
		assert_int_equal(top.id, sorted[i].id);
		assert_true(top.key == sorted[i].key);
	}
	assert_int_equal(n, 0);
	gsl_rng_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heap_matches_sorted_reference),
		cmocka_unit_test(test_heap_empty_and_single),
		cmocka_unit_test(test_heap_layout_is_reproducible),
		cmocka_unit_test(test_heap_sift_4ary_against_sort),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
