/*
 * The same results whatever the thread count, for every scenario in scenarios/ (listed when
 * the test runs, so a new scenario is covered without touching this file): each, shortened by
 * the rule below, is run by $CCSIM with --threads 1, 2 and 3, and the three results files
 * must hold the same groups, datasets and attributes, found by walking the files, with the
 * same bytes in every dataset and attribute; the --json outputs must be the same text but for
 * the run's own "performance". The comparator is tested as well: it finds one changed value,
 * string, attribute or object among thousands, and tells two seeds apart.
 */
#include "cliutil.h"
#include "h5util.h"

#include <errno.h>

/* The thread counts compared, the first being the reference. */
static const int thread_counts[] = { 1, 2, 3 };

/*
 * The shortening rule. Every scenario runs 4 replications, so that with 2 and 3 threads
 * some worker runs two and replications finish out of order. A run costs about its agents
 * times its simulated hours: a scenario over AGENT_HOURS per replication has its horizon cut
 * to AGENT_HOURS / agents, but to no less than the warm-up and two intervals, in whole
 * intervals. The cut is kept only if `ccsim check` accepts it (a shift, a planned status or
 * a change of the traffic shares past the new horizon is refused); otherwise the scenario
 * runs whole. So the small scenarios run whole, every break, shift and failover in them
 * happening, and large.cfg (5,000 agents for 10 h) runs 2 h.
 */
#define REPLICATIONS 4
#define AGENT_HOURS 2000.0

/*
 * Attributes of the results file allowed to differ between thread counts: none. The file's
 * provenance (version, scenario text and path, overrides, seed, replications, horizon...)
 * follows from the scenario and the command line; the thread count and the wall time are not
 * written to it. They are in --json's "performance", the one exception there (see
 * json_agree).
 */

/* --- The comparator ------------------------------------------------------------------- */

/* What two files differ in: how many differences; every one, a line each in walk order
 * ("PATH: what" for an object, "PATH @ATTRIBUTE: what" for an attribute); the first, and
 * the first that is not an attribute's (a dataset's values, or a missing object); and how
 * many datasets and attributes were compared. */
struct diffs {
	size_t n;
	char first[1300], first_object[1300];
	char *where;
	size_t where_len;
	size_t datasets, attributes;
};

static void differ(struct diffs *d, const char *path, const char *attr, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void differ(struct diffs *d, const char *path, const char *attr, const char *fmt, ...)
{
	char what[768], line[1300];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	size_t len = (size_t)snprintf(line, sizeof line, "%s%s%s: %s", path, attr ? " @" : "",
	                              attr ? attr : "", what);
	len = len < sizeof line ? len : sizeof line - 1;
	if (d->n++ == 0)
		memcpy(d->first, line, len + 1);
	if (!attr && !*d->first_object)
		memcpy(d->first_object, line, len + 1);
	d->where = realloc(d->where, d->where_len + len + 2);
	memcpy(d->where + d->where_len, line, len);
	d->where_len += len;
	d->where[d->where_len++] = '\n';
	d->where[d->where_len] = '\0';
}

static void diffs_fini(struct diffs *d)
{
	free(d->where);
}

/* A growing byte string. */
struct bytes {
	unsigned char *p;
	size_t n, cap;
};

static void put(struct bytes *b, const void *v, size_t n)
{
	if (b->n + n > b->cap) {
		b->cap = 2 * (b->n + n);
		b->p = realloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, v, n);
	b->n += n;
}

/* Whether a value of type T is its bytes: no variable-length part (whose bytes are a pointer)
 * and no reference (whose bytes are an address in one file). */
static int plain(hid_t t)
{
	int yes = 1;
	switch (H5Tget_class(t)) {
	case H5T_VLEN:
	case H5T_REFERENCE:
		return 0;
	case H5T_STRING:
		return H5Tis_variable_str(t) <= 0;
	case H5T_COMPOUND:
		for (int i = 0; yes && i < H5Tget_nmembers(t); i++) {
			hid_t m = H5Tget_member_type(t, (unsigned)i);
			yes = plain(m);
			H5Tclose(m);
		}
		return yes;
	case H5T_ARRAY: {
		hid_t s = H5Tget_super(t);
		yes = plain(s);
		H5Tclose(s);
		return yes;
	}
	default:
		return 1;
	}
}

/* Names, sorted. */
struct names {
	char **v;
	size_t n;
};

static void names_add(struct names *l, const char *name)
{
	l->v = realloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n++] = strdup(name);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void names_sort(struct names *l)
{
	if (l->n)
		qsort(l->v, l->n, sizeof *l->v, by_name);
}

static void names_free(struct names *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

static herr_t collect_attr(hid_t loc, const char *name, const H5A_info_t *info, void *ctx)
{
	(void)loc;
	(void)info;
	names_add(ctx, name);
	return 0;
}

static herr_t collect_link(hid_t g, const char *name, const H5L_info_t *info, void *ctx)
{
	(void)g;
	(void)info;
	names_add(ctx, name);
	return 0;
}

/* A file being compared, with the object references it can hold (each object's, made by
 * walking the file once) and their paths, sorted by reference. H5Rget_name would find a
 * reference's path too, but by walking the whole file for each one. */
struct file {
	hid_t id;
	struct ref_path {
		hobj_ref_t ref;
		char *path;
	} *refs;
	size_t n_refs;
};

static void file_walk(struct file *f, hid_t group, const char *path)
{
	struct names members = { 0 };
	assert_true(H5Literate(group, H5_INDEX_NAME, H5_ITER_INC, NULL, collect_link, &members) >= 0);
	for (size_t i = 0; i < members.n; i++) {
		char child[1024];
		snprintf(child, sizeof child, "%s%s%s", path, strcmp(path, "/") ? "/" : "", members.v[i]);
		f->refs = realloc(f->refs, (f->n_refs + 1) * sizeof *f->refs);
		struct ref_path *r = &f->refs[f->n_refs++];
		assert_true(H5Rcreate(&r->ref, f->id, child, H5R_OBJECT, -1) >= 0);
		r->path = strdup(child);
		hid_t o = H5Oopen(group, members.v[i], H5P_DEFAULT);
		assert_true(o >= 0);
		if (H5Iget_type(o) == H5I_GROUP)
			file_walk(f, o, child);
		H5Oclose(o);
	}
	names_free(&members);
}

static int by_ref(const void *a, const void *b)
{
	hobj_ref_t x = ((const struct ref_path *)a)->ref, y = ((const struct ref_path *)b)->ref;
	return x < y ? -1 : x > y;
}

static void file_open(struct file *f, const char *path)
{
	memset(f, 0, sizeof *f);
	f->id = H5Fopen(path, H5F_ACC_RDONLY, H5P_DEFAULT);
	if (f->id < 0)
		fail_msg("cannot open %s", path);
	file_walk(f, f->id, "/");
	if (f->n_refs)
		qsort(f->refs, f->n_refs, sizeof *f->refs, by_ref);
}

static void file_close(struct file *f)
{
	for (size_t i = 0; i < f->n_refs; i++)
		free(f->refs[i].path);
	free(f->refs);
	H5Fclose(f->id);
}

/* The path of the object REF points to in F. */
static const char *ref_path(const struct file *f, hobj_ref_t ref)
{
	struct ref_path key = { .ref = ref };
	const struct ref_path *r = f->n_refs ? bsearch(&key, f->refs, f->n_refs, sizeof key, by_ref) : NULL;
	return r ? r->path : "(an object outside the walk)";
}

/* Appends value V (of memory type T, read from F) to B in a form two files can
 * compare: plain parts as their bytes, variable-length ones by their length and content,
 * object references by the path of the object they point to. */
static void put_value(struct bytes *b, const struct file *f, hid_t t, const unsigned char *v)
{
	switch (H5Tget_class(t)) {
	case H5T_STRING:
		if (H5Tis_variable_str(t) > 0) {
			const char *s;
			memcpy(&s, v, sizeof s);
			put(b, s ? "s" : "n", 1); /* a NULL string is not "" */
			if (s)
				put(b, s, strlen(s) + 1);
			return;
		}
		break;
	case H5T_VLEN: {
		hvl_t h;
		memcpy(&h, v, sizeof h);
		put(b, &h.len, sizeof h.len);
		hid_t s = H5Tget_super(t);
		size_t size = H5Tget_size(s);
		for (size_t i = 0; i < h.len; i++)
			put_value(b, f, s, (const unsigned char *)h.p + i * size);
		H5Tclose(s);
		return;
	}
	case H5T_COMPOUND:
		for (int i = 0; i < H5Tget_nmembers(t); i++) {
			hid_t m = H5Tget_member_type(t, (unsigned)i);
			put_value(b, f, m, v + H5Tget_member_offset(t, (unsigned)i));
			H5Tclose(m);
		}
		return;
	case H5T_ARRAY: {
		hid_t s = H5Tget_super(t);
		size_t size = H5Tget_size(s), n = H5Tget_size(t) / size;
		for (size_t i = 0; i < n; i++)
			put_value(b, f, s, v + i * size);
		H5Tclose(s);
		return;
	}
	case H5T_REFERENCE: {
		if (H5Tequal(t, H5T_STD_REF_OBJ) <= 0)
			fail_msg("a dataset region reference: the comparator cannot compare it");
		hobj_ref_t ref;
		memcpy(&ref, v, sizeof ref);
		const char *path = ref_path(f, ref);
		put(b, path, strlen(path) + 1);
		return;
	}
	default:
		break;
	}
	put(b, v, H5Tget_size(t));
}

/* "4 x 46 x 1", "941/Inf" where a dimension may grow (as h5ls writes it), or "scalar". */
static const char *shape_text(hid_t space, char *buf, size_t len)
{
	hsize_t dims[H5S_MAX_RANK], max[H5S_MAX_RANK];
	int rank = H5Sget_simple_extent_dims(space, dims, max);
	snprintf(buf, len, "%s", rank > 0 ? "" : "scalar");
	for (int i = 0; i < rank; i++) {
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%llu", i ? " x " : "",
		         (unsigned long long)dims[i]);
		if (max[i] == H5S_UNLIMITED)
			snprintf(buf + strlen(buf), len - strlen(buf), "/Inf");
		else if (max[i] != dims[i])
			snprintf(buf + strlen(buf), len - strlen(buf), "/%llu", (unsigned long long)max[i]);
	}
	return buf;
}

/* Where plain values EA and EB of type T differ, in words: the field of a compound, or the
 * two numbers of a double or a signed integer stored as the machine's. */
static void describe(hid_t t, const unsigned char *ea, const unsigned char *eb, char *buf, size_t len)
{
	*buf = '\0';
	if (H5Tget_class(t) == H5T_COMPOUND) {
		for (int i = 0; i < H5Tget_nmembers(t); i++) {
			hid_t m = H5Tget_member_type(t, (unsigned)i);
			size_t off = H5Tget_member_offset(t, (unsigned)i), size = H5Tget_size(m);
			H5Tclose(m);
			if (memcmp(ea + off, eb + off, size) != 0) {
				char *name = H5Tget_member_name(t, (unsigned)i);
				snprintf(buf, len, ", field %s", name);
				H5free_memory(name);
				return;
			}
		}
	} else if (H5Tequal(t, H5T_NATIVE_DOUBLE) > 0) {
		double a, b;
		memcpy(&a, ea, sizeof a);
		memcpy(&b, eb, sizeof b);
		snprintf(buf, len, ": %.17g against %.17g", a, b);
	} else if (H5Tequal(t, H5T_NATIVE_INT64) > 0) {
		int64_t a, b;
		memcpy(&a, ea, sizeof a);
		memcpy(&b, eb, sizeof b);
		snprintf(buf, len, ": %lld against %lld", (long long)a, (long long)b);
	} else if (H5Tequal(t, H5T_NATIVE_INT32) > 0) {
		int32_t a, b;
		memcpy(&a, ea, sizeof a);
		memcpy(&b, eb, sizeof b);
		snprintf(buf, len, ": %d against %d", (int)a, (int)b);
	}
}

/* Compares the values of datasets (ATTR 0) or attributes (ATTR 1) A and B of files FA and
 * FB: type, shape, then element by element. */
static void compare_values(struct diffs *d, const struct file *fa, const struct file *fb, hid_t a,
                           hid_t b, int attr, const char *path, const char *aname)
{
	hid_t ta = attr ? H5Aget_type(a) : H5Dget_type(a), tb = attr ? H5Aget_type(b) : H5Dget_type(b);
	hid_t sa = attr ? H5Aget_space(a) : H5Dget_space(a), sb = attr ? H5Aget_space(b) : H5Dget_space(b);
	assert_true(ta >= 0 && tb >= 0 && sa >= 0 && sb >= 0);
	*(attr ? &d->attributes : &d->datasets) += 1;
	char sha[128], shb[128];
	shape_text(sa, sha, sizeof sha);
	shape_text(sb, shb, sizeof shb);
	if (H5Tequal(ta, tb) <= 0) {
		differ(d, path, aname, "the types differ");
	} else if (H5Sget_simple_extent_type(sa) != H5Sget_simple_extent_type(sb) || strcmp(sha, shb) != 0) {
		differ(d, path, aname, "the shapes differ: %s against %s", sha, shb);
	} else {
		size_t n = (size_t)H5Sget_simple_extent_npoints(sa);
		int raw = plain(ta);
		/* Plain values are read in the file's own type, unconverted: their bytes as stored. */
		hid_t mt = raw ? H5Tcopy(ta) : H5Tget_native_type(ta, H5T_DIR_ASCEND);
		size_t size = H5Tget_size(mt);
		unsigned char *va = calloc(n ? n : 1, size), *vb = calloc(n ? n : 1, size);
		if (n > 0) {
			herr_t ra = attr ? H5Aread(a, mt, va) : H5Dread(a, mt, H5S_ALL, H5S_ALL, H5P_DEFAULT, va);
			herr_t rb = attr ? H5Aread(b, mt, vb) : H5Dread(b, mt, H5S_ALL, H5S_ALL, H5P_DEFAULT, vb);
			if (ra < 0 || rb < 0)
				fail_msg("%s%s%s: cannot be read", path, aname ? " @" : "", aname ? aname : "");
		}
		struct bytes ca = { 0 }, cb = { 0 };
		for (size_t i = 0; i < n; i++) {
			const unsigned char *ea = va + i * size, *eb = vb + i * size;
			int same;
			if (raw) {
				same = memcmp(ea, eb, size) == 0;
			} else {
				ca.n = cb.n = 0;
				put_value(&ca, fa, mt, ea);
				put_value(&cb, fb, mt, eb);
				same = ca.n == cb.n && memcmp(ca.p, cb.p, ca.n) == 0;
			}
			if (!same) {
				char how[256] = "";
				if (raw)
					describe(mt, ea, eb, how, sizeof how);
				differ(d, path, aname, "element %zu of %zu (shape %s) differs%s", i, n, sha, how);
				break;
			}
		}
		free(ca.p);
		free(cb.p);
		if (!raw && n > 0) {
			H5Dvlen_reclaim(mt, sa, H5P_DEFAULT, va);
			H5Dvlen_reclaim(mt, sb, H5P_DEFAULT, vb);
		}
		free(va);
		free(vb);
		H5Tclose(mt);
	}
	H5Tclose(ta);
	H5Tclose(tb);
	H5Sclose(sa);
	H5Sclose(sb);
}

/* Two objects being compared, at PATH, in files FA and FB. */
struct pair {
	struct diffs *d;
	const struct file *fa, *fb;
	hid_t a, b;
	const char *path;
};

static const char *const side[] = { "in the first file only", "in the second file only" };

/* Walks the names of A and B (X and Y, sorted) together: ONE for a name in only one of them
 * (IN_B says which), BOTH for a name in both. */
static void merge(const struct pair *p, const struct names *x, const struct names *y,
                  void (*one)(const struct pair *p, const char *name, int in_b),
                  void (*both)(const struct pair *p, const char *name))
{
	size_t i = 0, j = 0;
	while (i < x->n || j < y->n) {
		int c = i == x->n ? 1 : j == y->n ? -1 : strcmp(x->v[i], y->v[j]);
		if (c < 0)
			one(p, x->v[i++], 0);
		else if (c > 0)
			one(p, y->v[j++], 1);
		else
			both(p, x->v[i++]), j++;
	}
}

static void attr_one(const struct pair *p, const char *name, int in_b)
{
	differ(p->d, p->path, name, "%s", side[in_b]);
}

static void attr_both(const struct pair *p, const char *name)
{
	hid_t a = H5Aopen(p->a, name, H5P_DEFAULT), b = H5Aopen(p->b, name, H5P_DEFAULT);
	assert_true(a >= 0 && b >= 0);
	compare_values(p->d, p->fa, p->fb, a, b, 1, p->path, name);
	H5Aclose(a);
	H5Aclose(b);
}

/* Compares the attributes of objects P->A and P->B: their names, then each one's values. */
static void compare_attrs(const struct pair *p)
{
	struct names na = { 0 }, nb = { 0 };
	assert_true(H5Aiterate2(p->a, H5_INDEX_NAME, H5_ITER_INC, NULL, collect_attr, &na) >= 0);
	assert_true(H5Aiterate2(p->b, H5_INDEX_NAME, H5_ITER_INC, NULL, collect_attr, &nb) >= 0);
	names_sort(&na);
	names_sort(&nb);
	merge(p, &na, &nb, attr_one, attr_both);
	names_free(&na);
	names_free(&nb);
}

/* The path of member NAME of P's group. */
static void child_path(const struct pair *p, const char *name, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s", p->path, strcmp(p->path, "/") ? "/" : "", name);
}

static void link_one(const struct pair *p, const char *name, int in_b)
{
	char path[1024];
	child_path(p, name, path, sizeof path);
	differ(p->d, path, NULL, "%s", side[in_b]);
}

static void compare_object(const struct pair *p);

static void link_both(const struct pair *p, const char *name)
{
	char path[1024];
	child_path(p, name, path, sizeof path);
	struct pair c = { p->d, p->fa, p->fb, H5Oopen(p->a, name, H5P_DEFAULT),
	                  H5Oopen(p->b, name, H5P_DEFAULT), path };
	assert_true(c.a >= 0 && c.b >= 0);
	compare_object(&c);
	H5Oclose(c.a);
	H5Oclose(c.b);
}

/* Compares objects P->A and P->B, whatever they are: a group's attributes, then its members
 * by name, each in turn; a dataset's attributes, then its values. */
static void compare_object(const struct pair *p)
{
	H5I_type_t ka = H5Iget_type(p->a), kb = H5Iget_type(p->b);
	if (ka != kb) {
		differ(p->d, p->path, NULL, "not the same kind of object");
		return;
	}
	compare_attrs(p);
	if (ka == H5I_GROUP) {
		struct names na = { 0 }, nb = { 0 };
		assert_true(H5Literate(p->a, H5_INDEX_NAME, H5_ITER_INC, NULL, collect_link, &na) >= 0);
		assert_true(H5Literate(p->b, H5_INDEX_NAME, H5_ITER_INC, NULL, collect_link, &nb) >= 0);
		names_sort(&na);
		names_sort(&nb);
		merge(p, &na, &nb, link_one, link_both);
		names_free(&na);
		names_free(&nb);
	} else if (ka == H5I_DATASET) {
		compare_values(p->d, p->fa, p->fb, p->a, p->b, 0, p->path, NULL);
	} else if (ka == H5I_DATATYPE && H5Tequal(p->a, p->b) <= 0) {
		differ(p->d, p->path, NULL, "the named types differ");
	}
}

/* Every difference between HDF5 files A and B, into D (zeroed first). */
static void compare_files(const char *a, const char *b, struct diffs *d)
{
	memset(d, 0, sizeof *d);
	struct file fa, fb;
	file_open(&fa, a);
	file_open(&fb, b);
	struct pair root = { d, &fa, &fb, H5Oopen(fa.id, "/", H5P_DEFAULT), H5Oopen(fb.id, "/", H5P_DEFAULT), "/" };
	compare_object(&root);
	H5Oclose(root.a);
	H5Oclose(root.b);
	file_close(&fa);
	file_close(&fb);
}

/* --- Runs ----------------------------------------------------------------------------- */

/* Runs SCENARIO with ARGS on THREADS threads: the results file becomes <dir>/<NAME>.h5 and
 * stdout <dir>/<NAME>.json. Every run writes <dir>/run.h5 first, so "results_file" is the
 * same in every --json. Fails the test, with what the run printed, unless it succeeds. */
static void run_to(const char *scenario, const char *args, int threads, const char *name)
{
	int rc = sh("'%s' run '%s' %s --threads %d --quiet --json -o '%s/run.h5' >'%s/%s.json' 2>'%s/run.err'",
	            ccsim(), scenario, args, threads, dir, dir, name, dir);
	char from[512], to[512];
	snprintf(from, sizeof from, "%s/run.err", dir);
	char *err = tu_read_file(from, NULL);
	if (rc != 0)
		fail_msg("%s %s --threads %d: exit %d: %s", scenario, args, threads, rc, err ? err : "");
	free(err);
	snprintf(from, sizeof from, "%s/run.h5", dir);
	snprintf(to, sizeof to, "%s/%s.h5", dir, name);
	if (rename(from, to) != 0)
		fail_msg("%s: %s", from, strerror(errno));
}

/* The number after "KEY": in TEXT, or -1. */
static double json_number(const char *text, const char *key)
{
	char k[64];
	snprintf(k, sizeof k, "\"%s\": ", key);
	const char *at = text ? strstr(text, k) : NULL;
	return at ? strtod(at + strlen(k), NULL) : -1;
}

/*
 * Whether the --json texts A and B agree, else the first difference in WHY. Everything must
 * be the same text up to the last member, "performance", which is the run's own: its thread
 * count, wall time, rates and peak memory. Of it, the counts of events and contacts are
 * results, and must agree too.
 */
static int json_agree(const char *a, const char *b, char *why, size_t len)
{
	static const char perf[] = ", \"performance\": {";
	const char *pa = strstr(a, perf), *pb = strstr(b, perf);
	if (!pa || !pb) {
		snprintf(why, len, "no \"performance\" in the %s --json", pa ? "second" : "first");
		return 0;
	}
	size_t na = (size_t)(pa - a), nb = (size_t)(pb - b), i = 0;
	while (i < na && i < nb && a[i] == b[i])
		i++;
	if (i < na || i < nb) {
		size_t from = i > 60 ? i - 60 : 0;
		snprintf(why, len, "--json differs at byte %zu: \"...%.80s\" against \"...%.80s\"", i,
		         a + from, b + from);
		return 0;
	}
	static const char *const results[] = { "events", "contacts" };
	for (size_t k = 0; k < 2; k++)
		if (json_number(pa, results[k]) != json_number(pb, results[k])) {
			snprintf(why, len, "--json performance.%s differs: %.17g against %.17g", results[k],
			         json_number(pa, results[k]), json_number(pb, results[k]));
			return 0;
		}
	return 1;
}

/* The arguments for SCENARIO by the shortening rule, into ARGS, and what they do in words
 * into NOTE. */
static void shortened(const char *scenario, char *args, size_t len, char *note, size_t note_len)
{
	struct cc_scenario scn;
	char err[1024] = "";
	if (cc_scenario_load(scenario, NULL, 0, &scn, err, sizeof err) != CC_OK)
		fail_msg("%s", err);
	double agents = (double)cc_scenario_agents(&scn), step = scn.interval_s;
	double want = fmax(AGENT_HOURS / fmax(agents, 1) * 3600, scn.warmup_s + 2 * step);
	want = ceil(want / step) * step;
	snprintf(args, len, "--set replications=%d", REPLICATIONS);
	snprintf(note, note_len, "%.0f agents, whole horizon of %.17g s", agents, scn.horizon_s);
	if (want < scn.horizon_s) {
		static char out[65536];
		char cut[64];
		snprintf(cut, sizeof cut, " --set horizon=%.17g", want);
		if (run(out, sizeof out, "check '%s' %s%s", scenario, args, cut) == 0) {
			snprintf(note, note_len, "%.0f agents, horizon cut from %.17g s to %.17g s", agents,
			         scn.horizon_s, want);
			snprintf(args + strlen(args), len - strlen(args), "%s", cut);
		} else {
			snprintf(note, note_len, "%.0f agents, whole horizon of %.17g s: the cut is refused: %.200s",
			         agents, scn.horizon_s, out);
		}
	}
	cc_scenario_fini(&scn);
}

/* --- Tests ---------------------------------------------------------------------------- */

/* Every scenario, shortened, gives the same results file and --json on 1, 2 and 3 threads. */
static void test_determinism_threads(void **state)
{
	(void)state;
	struct names scenarios = { 0 };
	DIR *folder = opendir("scenarios");
	assert_non_null(folder);
	for (struct dirent *e; (e = readdir(folder));) {
		size_t n = strlen(e->d_name);
		if (n > 4 && strcmp(e->d_name + n - 4, ".cfg") == 0)
			names_add(&scenarios, e->d_name);
	}
	closedir(folder);
	names_sort(&scenarios);
	if (scenarios.n == 0)
		fail_msg("no scenario in scenarios/");

	size_t bad = 0, n_threads = sizeof thread_counts / sizeof thread_counts[0];
	static char first_bad[16384];
	for (size_t s = 0; s < scenarios.n; s++) {
		char scenario[512], args[1024], note[512];
		snprintf(scenario, sizeof scenario, "scenarios/%s", scenarios.v[s]);
		shortened(scenario, args, sizeof args, note, sizeof note);
		static char out[65536];
		if (run(out, sizeof out, "check '%s' %s", scenario, args) != 0)
			fail_msg("%s %s does not check: %s", scenario, args, out);
		for (size_t t = 0; t < n_threads; t++) {
			char name[32];
			snprintf(name, sizeof name, "t%d", thread_counts[t]);
			run_to(scenario, args, thread_counts[t], name);
		}
		char ref_h5[512], ref_json[512];
		snprintf(ref_h5, sizeof ref_h5, "%s/t%d.h5", dir, thread_counts[0]);
		snprintf(ref_json, sizeof ref_json, "%s/t%d.json", dir, thread_counts[0]);
		char *json0 = tu_read_file(ref_json, NULL);
		assert_non_null(json0);
		size_t datasets = 0, attributes = 0;
		for (size_t t = 1; t < n_threads; t++) {
			char h5[512], json[512], why[1024] = "";
			snprintf(h5, sizeof h5, "%s/t%d.h5", dir, thread_counts[t]);
			snprintf(json, sizeof json, "%s/t%d.json", dir, thread_counts[t]);
			struct diffs d;
			compare_files(ref_h5, h5, &d);
			datasets = d.datasets;
			attributes = d.attributes;
			if (d.datasets == 0)
				fail_msg("%s: no dataset in %s", scenario, ref_h5);
			char *text = tu_read_file(json, NULL);
			assert_non_null(text);
			int json_ok = json_agree(json0, text, why, sizeof why);
			if (d.n > 0 || !json_ok) {
				static char msg[16384];
				snprintf(msg, sizeof msg,
				         "%s with %s: --threads %d differs from --threads %d: %zu differences in the results file; "
				         "the first dataset or object: %s; the first difference: %s; %s\n"
				         "    reproduce: %s run %s %s --threads %d -o a.h5 && %s run %s %s --threads %d -o b.h5 && h5diff a.h5 b.h5",
				         scenario, args, thread_counts[t], thread_counts[0], d.n,
				         *d.first_object ? d.first_object : "none", d.n ? d.first : "none",
				         json_ok ? "--json agrees" : why, ccsim(), scenario, args, thread_counts[0],
				         ccsim(), scenario, args, thread_counts[t]);
				print_error("%s\n", msg);
				if (bad++ == 0)
					memcpy(first_bad, msg, sizeof first_bad);
			}
			free(text);
			diffs_fini(&d);
		}
		free(json0);
		print_message("  %s: %s; %s: %zu datasets and %zu attributes compared across %zu thread counts\n",
		              scenarios.v[s], note, args, datasets, attributes, n_threads);
		assert_int_equal(sh("rm -f '%s'/t*.h5 '%s'/t*.json '%s/run.err'", dir, dir, dir), 0);
	}
	names_free(&scenarios);
	if (bad)
		fail_msg("%zu comparisons differ; the first: %s", bad, first_bad);
}

/* What tamper changed: the double it moved, and the number of contact records. */
struct tampered {
	double was;
	size_t records;
};

/* Changes the copy COPY of a results file in five places: a double a ulp away, one field of
 * contact record 500, a string, an attribute gone, and a group added. */
static struct tampered tamper(const char *copy)
{
	struct tampered t;
	hid_t f = H5Fopen(copy, H5F_ACC_RDWR, H5P_DEFAULT);
	assert_true(f >= 0);
	double *v = tu_read_doubles(f, "/summary/totals/queues/asa_s", 2); /* mean, half-width */
	t.was = v[1];
	v[1] = nextafter(v[1], INFINITY);
	hid_t ds = H5Dopen2(f, "/summary/totals/queues/asa_s", H5P_DEFAULT);
	assert_true(ds >= 0);
	assert_true(H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v) >= 0);
	H5Dclose(ds);
	free(v);

	/* The agent of record 500 only, through a compound of that one field. */
	ds = H5Dopen2(f, "/contacts/records", H5P_DEFAULT);
	assert_true(ds >= 0);
	hid_t space = H5Dget_space(ds);
	t.records = (size_t)H5Sget_simple_extent_npoints(space);
	assert_true(t.records > 500);
	hsize_t at = 500, one = 1;
	assert_true(H5Sselect_hyperslab(space, H5S_SELECT_SET, &at, NULL, &one, NULL) >= 0);
	hid_t mem = H5Screate_simple(1, &one, NULL), field = H5Tcreate(H5T_COMPOUND, sizeof(int32_t));
	assert_true(H5Tinsert(field, "agent", 0, H5T_NATIVE_INT32) >= 0);
	int32_t agent;
	assert_true(H5Dread(ds, field, mem, space, H5P_DEFAULT, &agent) >= 0);
	agent = agent + 1;
	assert_true(H5Dwrite(ds, field, mem, space, H5P_DEFAULT, &agent) >= 0);
	H5Tclose(field);
	H5Sclose(mem);
	H5Sclose(space);
	H5Dclose(ds);

	ds = H5Dopen2(f, "/entities/queue", H5P_DEFAULT);
	assert_true(ds >= 0);
	hid_t st = H5Tcopy(H5T_C_S1);
	H5Tset_size(st, H5T_VARIABLE);
	H5Tset_cset(st, H5T_CSET_UTF8);
	const char *name[1] = { "Sales" };
	assert_true(H5Dwrite(ds, st, H5S_ALL, H5S_ALL, H5P_DEFAULT, name) >= 0);
	H5Tclose(st);
	H5Dclose(ds);

	assert_true(H5Adelete(f, "layout") >= 0);
	hid_t g = H5Gcreate2(f, "/summary/extra", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
	assert_true(g >= 0);
	H5Gclose(g);
	H5Fclose(f);
	return t;
}

/* Changes the digit after KEY (the first one at or after FROM in TEXT) to another. */
static void bump_digit(char *text, const char *from, const char *key)
{
	char *at = strstr(strstr(text, from), key);
	assert_non_null(at);
	at += strlen(key);
	assert_true(*at >= '0' && *at <= '9');
	*at = *at == '9' ? '1' : (char)(*at + 1);
}

/* The comparator can fail: it finds one ulp in one dataset, one field of one contact record,
 * one changed string, a missing attribute and an extra group, each where it is and nothing else; two runs alike agree to
 * the byte (whatever HDF5's object timestamps), and two seeds differ, in the file and in the
 * --json. Of --json's "performance", only the thread count, wall and merge times, rates and
 * peak memory may differ. */
static void test_determinism_comparator(void **state)
{
	(void)state;
	const char *scenario = "scenarios/erlang-a.cfg",
	           *args = "--set replications=3 --set horizon=3h --set output.contact_records=true";
	run_to(scenario, args, 1, "a");
	run_to(scenario, args, 2, "again");
	char a[512], b[512], why[1024];
	snprintf(a, sizeof a, "%s/a.h5", dir);
	snprintf(b, sizeof b, "%s/again.h5", dir);
	struct diffs d;
	compare_files(a, b, &d);
	if (d.n)
		fail_msg("two runs alike differ: %s", d.first);
	assert_true(d.datasets > 400 && d.attributes > 1500);
	diffs_fini(&d);

	assert_int_equal(sh("cp '%s' '%s/tampered.h5'", a, dir), 0);
	snprintf(b, sizeof b, "%s/tampered.h5", dir);
	struct tampered t = tamper(b);
	compare_files(a, b, &d);
	char want[1024];
	snprintf(want, sizeof want,
	         "/ @layout: in the first file only\n"
	         "/contacts/records: element 500 of %zu (shape %zu/Inf) differs, field agent\n"
	         "/entities/queue: element 0 of 1 (shape 1) differs\n"
	         "/summary/extra: in the second file only\n"
	         "/summary/totals/queues/asa_s: element 1 of 2 (shape 1 x 2) differs: %.17g against %.17g\n",
	         t.records, t.records, t.was, nextafter(t.was, INFINITY));
	assert_string_equal(d.where, want);
	assert_int_equal(d.n, 5);
	assert_string_equal(d.first, "/ @layout: in the first file only");
	assert_non_null(strstr(d.first_object, "/contacts/records: element 500 of "));
	diffs_fini(&d);
	compare_files(b, a, &d); /* the other way round */
	assert_int_equal(d.n, 5);
	assert_string_equal(d.first, "/ @layout: in the second file only");
	assert_non_null(strstr(d.where, "\n/summary/extra: in the first file only\n"));
	diffs_fini(&d);

	/* Another seed: the seed attribute first, then the records and the figures. */
	char other[256];
	snprintf(other, sizeof other, "%s --seed 2385", args);
	run_to(scenario, other, 1, "seed");
	snprintf(b, sizeof b, "%s/seed.h5", dir);
	compare_files(a, b, &d);
	static const char seed[] = "/ @seed: element 0 of 1 (shape scalar) differs";
	if (strncmp(d.first, seed, strlen(seed)) != 0)
		fail_msg("the first difference: %s", d.first);
	if (strncmp(d.first_object, "/contacts/records: ", 19) != 0)
		fail_msg("the first dataset that differs: %s", d.first_object);
	assert_non_null(strstr(d.where, "\n/replications/counts/arrived: element "));
	assert_non_null(strstr(d.where, "\n/summary/totals/queues/asa_s: element "));
	assert_true(d.n > 100);
	diffs_fini(&d);

	snprintf(a, sizeof a, "%s/a.json", dir);
	snprintf(b, sizeof b, "%s/again.json", dir);
	char *ja = tu_read_file(a, NULL), *jb = tu_read_file(b, NULL);
	assert_non_null(ja);
	assert_non_null(jb);
	if (!json_agree(ja, jb, why, sizeof why))
		fail_msg("two runs alike: %s", why);
	bump_digit(jb, "\"performance\"", "\"threads\": ");
	bump_digit(jb, "\"performance\"", "\"wall_s\": 0.");
	bump_digit(jb, "\"performance\"", "\"peak_rss_kib\": ");
	assert_true(json_agree(ja, jb, why, sizeof why));
	bump_digit(jb, "\"performance\"", "\"contacts\": ");
	assert_false(json_agree(ja, jb, why, sizeof why));
	assert_non_null(strstr(why, "--json performance.contacts differs: "));
	free(jb);
	snprintf(b, sizeof b, "%s/seed.json", dir);
	jb = tu_read_file(b, NULL);
	assert_false(json_agree(ja, jb, why, sizeof why));
	assert_non_null(strstr(why, "--json differs at byte "));
	free(ja);
	free(jb);
	assert_int_equal(sh("rm -f '%s'/*.h5 '%s'/*.json '%s/run.err'", dir, dir, dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_determinism_comparator),
		cmocka_unit_test(test_determinism_threads),
	};
	return cmocka_run_group_tests(tests, setup_dir, teardown);
}
