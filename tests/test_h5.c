#include "testutil.h"

#include <dirent.h>
#include <sys/stat.h>

#include <hdf5.h>
#include <hdf5_hl.h>

#include "sim/h5.h"

/*
 * Files are written through the module and read back with the plain HDF5 C API, so the
 * tests check what any reader sees rather than the module's own idea of it.
 */

struct fixture {
	char dir[64];
	char path[128];
};

/* One record of the table under test: a row with padding after the last field, as in C. */
struct call_row {
	double wait;
	int64_t id;
	int32_t agent;
	uint8_t outcome;
};

static const char *const outcome_names[] = {"served", "abandoned", "blocked", NULL};

static const struct cc_h5_field call_fields[] = {
	{"wait", offsetof(struct call_row, wait), CC_H5_F64, "s", "time spent waiting", NULL},
	{"id", offsetof(struct call_row, id), CC_H5_I64, "1", "call number", NULL},
	{"agent", offsetof(struct call_row, agent), CC_H5_I32, "1", "agent index, -1 for none",
         NULL},
	{"outcome", offsetof(struct call_row, outcome), CC_H5_ENUM8, "1", "how the call ended",
         outcome_names},
};

#define NFIELDS (sizeof call_fields / sizeof call_fields[0])

static struct call_row make_row(size_t i)
{
	struct call_row r;
	memset(&r, 0, sizeof r);
	r.wait = 2.385 * (double)i + 0.0137 * (double)(i % 7);
	r.id = 1000003 * (int64_t)i - 7;
	r.agent = (int32_t)((i * 37) % 113) - 5;
	r.outcome = (uint8_t)(i % 3);
	return r;
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof fx->dir, "/tmp/test_h5-XXXXXX");
	if (!mkdtemp(fx->dir)) {
		free(fx);
		return -1;
	}
	snprintf(fx->path, sizeof fx->path, "%s/results.h5", fx->dir);
	*state = fx;
	return 0;
}

/* Removes every file the test left in its directory, then the directory. */
static int teardown(void **state)
{
	struct fixture *fx = *state;
	DIR *d = opendir(fx->dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char p[512];
			snprintf(p, sizeof p, "%s/%s", fx->dir, e->d_name);
			remove(p);
		}
		closedir(d);
	}
	int rc = rmdir(fx->dir);
	free(fx);
	return rc;
}

/* The number of entries in DIR, and the name of one of them in ONE. */
static int count_entries(const char *dir, char *one, size_t onelen)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (one)
			snprintf(one, onelen, "%s", e->d_name);
		n++;
	}
	closedir(d);
	return n;
}

static void assert_only_final_file(const struct fixture *fx)
{
	char name[256];
	assert_int_equal(count_entries(fx->dir, name, sizeof name), 1);
	assert_string_equal(name, "results.h5");
}

/* Reads the string attribute NAME of OBJ, checking that it is variable-length UTF-8. */
static void read_string_attr(hid_t obj, const char *name, char *out, size_t outlen)
{
	hid_t attr = H5Aopen(obj, name, H5P_DEFAULT);
	assert_true(attr >= 0);
	hid_t type = H5Aget_type(attr);
	assert_true(type >= 0);
	assert_int_equal(H5Tget_class(type), H5T_STRING);
	assert_true(H5Tis_variable_str(type) > 0);
	assert_int_equal(H5Tget_cset(type), H5T_CSET_UTF8);
	char *value = NULL;
	assert_true(H5Aread(attr, type, &value) >= 0);
	assert_non_null(value);
	snprintf(out, outlen, "%s", value);
	assert_true(H5free_memory(value) >= 0);
	assert_true(H5Tclose(type) >= 0);
	assert_true(H5Aclose(attr) >= 0);
}

static void assert_string_attr(hid_t obj, const char *name, const char *expected)
{
	char buf[256];
	read_string_attr(obj, name, buf, sizeof buf);
	assert_string_equal(buf, expected);
}

static void assert_units_description(hid_t obj, const char *units, const char *description)
{
	assert_string_attr(obj, "units", units);
	assert_string_attr(obj, "description", description);
}

static double read_double_attr(hid_t obj, const char *name)
{
	double v = 0;
	hid_t attr = H5Aopen(obj, name, H5P_DEFAULT);
	assert_true(attr >= 0);
	assert_true(H5Aread(attr, H5T_NATIVE_DOUBLE, &v) >= 0);
	assert_true(H5Aclose(attr) >= 0);
	return v;
}

static int64_t read_int64_attr(hid_t obj, const char *name)
{
	int64_t v = 0;
	hid_t attr = H5Aopen(obj, name, H5P_DEFAULT);
	assert_true(attr >= 0);
	assert_true(H5Aread(attr, H5T_NATIVE_INT64, &v) >= 0);
	assert_true(H5Aclose(attr) >= 0);
	return v;
}

/* Whether DSET's creation properties include shuffle and deflate, and its chunk length. */
static void assert_compressed(hid_t dset, int rank, const hsize_t *chunk)
{
	hid_t dcpl = H5Dget_create_plist(dset);
	assert_true(dcpl >= 0);
	assert_int_equal(H5Pget_layout(dcpl), H5D_CHUNKED);
	hsize_t got[H5S_MAX_RANK];
	assert_int_equal(H5Pget_chunk(dcpl, H5S_MAX_RANK, got), rank);
	for (int i = 0; chunk && i < rank; i++)
		assert_int_equal(got[i], chunk[i]);
	int nfilters = H5Pget_nfilters(dcpl);
	assert_true(nfilters >= 2);
	int shuffle_at = -1, deflate_at = -1;
	for (int i = 0; i < nfilters; i++) {
		unsigned flags, config;
		size_t nvalues = 0;
		H5Z_filter_t id = H5Pget_filter2(dcpl, (unsigned)i, &flags, &nvalues, NULL, 0, NULL,
		                                 &config);
		assert_true(id >= 0);
		if (id == H5Z_FILTER_SHUFFLE)
			shuffle_at = i;
		if (id == H5Z_FILTER_DEFLATE)
			deflate_at = i;
	}
	/* Shuffling only helps when it runs before deflate. */
	assert_true(shuffle_at >= 0);
	assert_true(deflate_at > shuffle_at);
	assert_true(H5Pclose(dcpl) >= 0);
}

/* Creates variable NAME of GROUP over DIMS and writes DATA whole; the variable is closed. */
static enum cc_status put_var(struct cc_h5_file *f, const char *group, const char *name, int rank,
                              const char *const *dims, const double *data, const char *units,
                              const char *description)
{
	struct cc_h5_var_spec spec = { name, CC_H5_VAR_F64, rank, dims, units, NULL, description,
	                               NULL, NULL };
	struct cc_h5_var *v = NULL;
	enum cc_status st = cc_h5_var_create(f, group, &spec, &v);
	if (st == CC_OK)
		st = cc_h5_var_write_all(v, data);
	enum cc_status closed = cc_h5_var_close(v);
	return st ? st : closed;
}

static void write_results(struct cc_h5_file *f, const double *cube)
{
	static const char *const queues[] = {"sales", "support-ñ", "billing"};
	static const int64_t intervals[] = {0, 900, 1800, 2700};
	static const double levels[] = {0.8, 0.85, 0.9, 0.95, 0.975};
	static const char *const dims[] = {"queue", "interval_start", "level"};

	assert_int_equal(cc_h5_attr_string(f, "/", "ccsim_version", "0.3.1-test"), CC_OK);
	assert_int_equal(cc_h5_attr_double(f, "/", "horizon", 28800.125), CC_OK);
	assert_int_equal(cc_h5_attr_int64(f, "/", "seed", INT64_C(-9007199254740993)), CC_OK);
	/* A second value replaces the first rather than failing. */
	assert_int_equal(cc_h5_attr_int64(f, "/", "replications", 3), CC_OK);
	assert_int_equal(cc_h5_attr_int64(f, "/", "replications", 17), CC_OK);
	assert_int_equal(cc_h5_group(f, "/queues", "per queue"), CC_OK);
	/* Dimensions in an ancestor serve the groups below it, as netCDF-4 allows. */
	assert_int_equal(cc_h5_dim_strings(f, "/queues", "queue", 3, queues, "queue", "queue names"),
	                 CC_OK);
	assert_int_equal(cc_h5_dim_int64(f, "/queues/stats", "interval_start", 4, intervals,
	                                 "start", "start of each reporting interval"),
	                 CC_OK);
	assert_int_equal(cc_h5_dim_doubles(f, "/queues/stats", "level", 5, levels, "1", "level",
	                                   "service level"),
	                 CC_OK);
	/* Written in two blocks from a buffer of another shape: the first two queues as rows
	 * 0-1 of a [3][20] array, then the last as the part of a [1][4][6] array that starts at
	 * column 1 of the last dimension. */
	struct cc_h5_var_spec spec = { "offered", CC_H5_VAR_F64, 3, dims, "calls/s", "offered load",
	                               "offered load per queue", NULL, NULL };
	struct cc_h5_var *v = NULL;
	assert_int_equal(cc_h5_var_create(f, "/queues/stats", &spec, &v), CC_OK);
	size_t start[3] = {0, 0, 0}, count[3] = {2, 4, 5}, mdims[2] = {3, 20};
	size_t mcount[2] = {2, 20};
	assert_int_equal(cc_h5_var_write(v, start, count, 2, mdims, NULL, mcount, cube), CC_OK);
	double last[24];
	for (int i = 0; i < 4; i++)
		for (int j = 0; j < 6; j++)
			last[i * 6 + j] = j == 0 ? -1 : cube[40 + i * 5 + j - 1];
	size_t start2[3] = {2, 0, 0}, count2[3] = {1, 4, 5}, md[3] = {1, 4, 6}, ms[3] = {0, 0, 1},
	       mc[3] = {1, 4, 5};
	assert_int_equal(cc_h5_var_write(v, start2, count2, 3, md, ms, mc, last), CC_OK);
	assert_int_equal(cc_h5_var_close(v), CC_OK);
	assert_int_equal(cc_h5_attr_string(f, "/queues/stats/offered", "note", "ünïcode ok"),
	                 CC_OK);
	static const char *const clock[] = {"07:00", "07:15", "07:30", "07:45"};
	assert_int_equal(cc_h5_var_strings(f, "/queues/stats", "clock", "interval_start", 4, clock,
	                                   "interval", NULL),
	                 CC_OK);
}

static void check_results(hid_t file, const double *cube)
{
	char buf[256];
	assert_string_attr(file, "ccsim_version", "0.3.1-test");
	assert_true(read_double_attr(file, "horizon") == 28800.125);
	assert_true(read_int64_attr(file, "seed") == INT64_C(-9007199254740993));
	assert_true(read_int64_attr(file, "replications") == 17);

	hid_t group = H5Gopen2(file, "/queues", H5P_DEFAULT);
	assert_true(group >= 0);
	assert_string_attr(group, "description", "per queue");
	assert_true(H5Gclose(group) >= 0);

	/* The string dimension: variable-length UTF-8 (netCDF's NC_STRING). */
	hid_t queue = H5Dopen2(file, "/queues/queue", H5P_DEFAULT);
	assert_true(queue >= 0);
	assert_true(H5DSis_scale(queue) > 0);
	assert_int_equal(H5DSget_scale_name(queue, buf, sizeof buf), strlen("queue"));
	assert_string_equal(buf, "queue");
	assert_string_attr(queue, "long_name", "queue");
	assert_string_attr(queue, "description", "queue names");
	hid_t qtype = H5Dget_type(queue);
	assert_true(qtype >= 0);
	assert_int_equal(H5Tget_class(qtype), H5T_STRING);
	assert_true(H5Tis_variable_str(qtype) > 0);
	assert_int_equal(H5Tget_cset(qtype), H5T_CSET_UTF8);
	char *names[3];
	assert_true(H5Dread(queue, qtype, H5S_ALL, H5S_ALL, H5P_DEFAULT, names) >= 0);
	assert_string_equal(names[0], "sales");
	assert_string_equal(names[1], "support-ñ");
	assert_string_equal(names[2], "billing");
	hid_t qspace = H5Dget_space(queue);
	assert_true(H5Dvlen_reclaim(qtype, qspace, H5P_DEFAULT, names) >= 0);
	assert_true(H5Sclose(qspace) >= 0);
	assert_true(H5Tclose(qtype) >= 0);

	hid_t interval = H5Dopen2(file, "/queues/stats/interval_start", H5P_DEFAULT);
	assert_true(interval >= 0);
	assert_string_attr(interval, "long_name", "start");
	int64_t starts[4];
	assert_true(H5Dread(interval, H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, starts) >=
	            0);
	assert_true(starts[0] == 0 && starts[3] == 2700);

	hid_t level = H5Dopen2(file, "/queues/stats/level", H5P_DEFAULT);
	assert_true(level >= 0);
	assert_units_description(level, "1", "service level");
	double levels[5];
	assert_true(H5Dread(level, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, levels) >= 0);
	assert_true(levels[1] == 0.85 && levels[4] == 0.975);

	hid_t offered = H5Dopen2(file, "/queues/stats/offered", H5P_DEFAULT);
	assert_true(offered >= 0);
	assert_units_description(offered, "calls/s", "offered load per queue");
	assert_string_attr(offered, "long_name", "offered load");
	assert_string_attr(offered, "note", "ünïcode ok");
	hid_t space = H5Dget_space(offered);
	assert_true(space >= 0);
	hsize_t dims[3];
	assert_int_equal(H5Sget_simple_extent_dims(space, dims, NULL), 3);
	assert_true(dims[0] == 3 && dims[1] == 4 && dims[2] == 5);
	assert_true(H5Sclose(space) >= 0);
	double got[60];
	assert_true(H5Dread(offered, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, got) >= 0);
	for (int i = 0; i < 60; i++) {
		if (isnan(cube[i]))
			assert_true(isnan(got[i]));
		else
			assert_true(got[i] == cube[i]);
	}

	hid_t scales[3] = {queue, interval, level};
	for (unsigned i = 0; i < 3; i++) {
		assert_true(H5DSis_attached(offered, scales[i], i) > 0);
		assert_int_equal(H5DSget_num_scales(offered, i), 1);
	}
	/* The wrong dimension must not claim the scale. */
	assert_true(H5DSis_attached(offered, queue, 1) == 0);

	hid_t clock = H5Dopen2(file, "/queues/stats/clock", H5P_DEFAULT);
	assert_true(clock >= 0);
	assert_true(H5DSis_attached(clock, interval, 0) > 0);
	assert_true(H5Dclose(clock) >= 0);

	assert_true(H5Dclose(offered) >= 0);
	assert_true(H5Dclose(level) >= 0);
	assert_true(H5Dclose(interval) >= 0);
	assert_true(H5Dclose(queue) >= 0);
}

/* Reads the whole table back and checks rows, the enum type and the per-field attributes. */
static void check_table(hid_t file, size_t nrows)
{
	hid_t dset = H5Dopen2(file, "/calls", H5P_DEFAULT);
	assert_true(dset >= 0);
	assert_string_attr(dset, "description", "one row per call");
	for (size_t i = 0; i < NFIELDS; i++) {
		char name[64];
		snprintf(name, sizeof name, "%s_units", call_fields[i].name);
		assert_string_attr(dset, name, call_fields[i].units);
		snprintf(name, sizeof name, "%s_description", call_fields[i].name);
		assert_string_attr(dset, name, call_fields[i].description);
	}
	hsize_t chunk = 512;
	assert_compressed(dset, 1, &chunk);

	hid_t space = H5Dget_space(dset);
	assert_true(space >= 0);
	hsize_t dim, maxdim;
	assert_int_equal(H5Sget_simple_extent_dims(space, &dim, &maxdim), 1);
	assert_int_equal(dim, nrows);
	assert_true(maxdim == H5S_UNLIMITED);
	assert_true(H5Sclose(space) >= 0);

	/* The file type is packed: no padding is stored. */
	hid_t ftype = H5Dget_type(dset);
	assert_true(ftype >= 0);
	assert_int_equal(H5Tget_class(ftype), H5T_COMPOUND);
	assert_int_equal(H5Tget_nmembers(ftype), NFIELDS);
	assert_int_equal(H5Tget_size(ftype), 8 + 8 + 4 + 1);
	int outcome_idx = H5Tget_member_index(ftype, "outcome");
	assert_true(outcome_idx >= 0);
	hid_t etype = H5Tget_member_type(ftype, (unsigned)outcome_idx);
	assert_true(etype >= 0);
	assert_int_equal(H5Tget_class(etype), H5T_ENUM);
	assert_int_equal(H5Tget_nmembers(etype), 3);
	assert_int_equal(H5Tget_size(etype), 1);
	for (uint8_t code = 0; code < 3; code++) {
		char name[32];
		assert_true(H5Tenum_nameof(etype, &code, name, sizeof name) >= 0);
		assert_string_equal(name, outcome_names[code]);
	}

	/* An independent memory type for the same struct; HDF5 matches members by name. */
	hid_t mtype = H5Tcreate(H5T_COMPOUND, sizeof(struct call_row));
	assert_true(mtype >= 0);
	assert_true(H5Tinsert(mtype, "wait", offsetof(struct call_row, wait), H5T_NATIVE_DOUBLE) >=
	            0);
	assert_true(H5Tinsert(mtype, "id", offsetof(struct call_row, id), H5T_NATIVE_INT64) >= 0);
	assert_true(H5Tinsert(mtype, "agent", offsetof(struct call_row, agent), H5T_NATIVE_INT32) >=
	            0);
	assert_true(H5Tinsert(mtype, "outcome", offsetof(struct call_row, outcome), etype) >= 0);

	struct call_row *rows = calloc(nrows, sizeof *rows);
	assert_non_null(rows);
	assert_true(H5Dread(dset, mtype, H5S_ALL, H5S_ALL, H5P_DEFAULT, rows) >= 0);
	for (size_t i = 0; i < nrows; i++) {
		struct call_row want = make_row(i);
		assert_true(rows[i].wait == want.wait);
		assert_true(rows[i].id == want.id);
		assert_int_equal(rows[i].agent, want.agent);
		assert_int_equal(rows[i].outcome, want.outcome);
	}
	free(rows);
	assert_true(H5Tclose(mtype) >= 0);
	assert_true(H5Tclose(etype) >= 0);
	assert_true(H5Tclose(ftype) >= 0);
	assert_true(H5Dclose(dset) >= 0);
}

static void fill_cube(double *cube)
{
	for (int i = 0; i < 60; i++)
		cube[i] = 0.731 * i - 3.1 / (i + 1.5);
	cube[17] = NAN;
}

static void test_h5_roundtrip(void **state)
{
	struct fixture *fx = *state;
	double cube[60];
	fill_cube(cube);
	/* The temporary file is named for the program, as the command sets it. */
	cc_status_set_program("ccsim");

	struct cc_h5_file *f = NULL;
	char err[256] = "unset";
	assert_int_equal(cc_h5_create(fx->path, &f, err, sizeof err), CC_OK);
	assert_non_null(f);
	assert_string_equal(err, "");
	write_results(f, cube);

	struct cc_h5_table *t = NULL;
	assert_int_equal(cc_h5_table_create(f, "/calls", call_fields, NFIELDS,
	                                    sizeof(struct call_row), 512, "one row per call", &t),
	                 CC_OK);
	assert_non_null(t);
	static const size_t blocks[] = {1000, 1, 2500};
	size_t total = 0;
	for (size_t b = 0; b < 3; b++) {
		struct call_row *rows = calloc(blocks[b], sizeof *rows);
		assert_non_null(rows);
		for (size_t i = 0; i < blocks[b]; i++)
			rows[i] = make_row(total + i);
		assert_int_equal(cc_h5_table_append(t, rows, blocks[b]), CC_OK);
		total += blocks[b];
		free(rows);
	}
	assert_int_equal(cc_h5_table_append(t, NULL, 0), CC_OK);
	assert_int_equal(cc_h5_table_close(t), CC_OK);
	assert_string_equal(cc_h5_error(f), "");

	/* Until the commit, only the temporary file exists. */
	char name[256];
	assert_int_equal(count_entries(fx->dir, name, sizeof name), 1);
	assert_non_null(strstr(name, ".ccsim-"));

	assert_int_equal(cc_h5_commit(f, err, sizeof err), CC_OK);
	assert_string_equal(err, "");
	assert_only_final_file(fx);

	hid_t file = H5Fopen(fx->path, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(file >= 0);
	check_results(file, cube);
	check_table(file, total);
	assert_true(H5Fclose(file) >= 0);
}

static void test_h5_create_missing_dir(void **state)
{
	struct fixture *fx = *state;
	char path[256];
	snprintf(path, sizeof path, "%s/no-such-dir/results.h5", fx->dir);
	struct cc_h5_file *f = (struct cc_h5_file *)&path; /* anything but NULL */
	char err[512] = "";
	assert_int_equal(cc_h5_create(path, &f, err, sizeof err), CC_ERR_IO);
	assert_null(f);
	assert_non_null(strstr(err, path));
	assert_non_null(strstr(err, "No such file or directory"));
	assert_int_equal(count_entries(fx->dir, NULL, 0), 0);
}

static void test_h5_abort_removes_temp(void **state)
{
	struct fixture *fx = *state;
	struct cc_h5_file *f = NULL;
	assert_int_equal(cc_h5_create(fx->path, &f, NULL, 0), CC_OK);
	double v[2] = {1.25, -7.5};
	static const double xs[] = {0.5, 1.5};
	static const char *const dims[] = {"x"};
	assert_int_equal(cc_h5_dim_doubles(f, "/a", "x", 2, xs, "m", NULL, NULL), CC_OK);
	assert_int_equal(put_var(f, "/a", "b", 1, dims, v, "m", "two values"), CC_OK);
	assert_int_equal(count_entries(fx->dir, NULL, 0), 1);
	cc_h5_abort(f);
	assert_int_equal(count_entries(fx->dir, NULL, 0), 0);
}

/* A table left open at abort is detached: appending fails, closing only frees it. */
static void test_h5_abort_with_open_table(void **state)
{
	struct fixture *fx = *state;
	struct cc_h5_file *f = NULL;
	assert_int_equal(cc_h5_create(fx->path, &f, NULL, 0), CC_OK);
	struct cc_h5_table *t = NULL;
	assert_int_equal(cc_h5_table_create(f, "/log/calls", call_fields, NFIELDS,
	                                    sizeof(struct call_row), 64, NULL, &t),
	                 CC_OK);
	struct call_row r = make_row(3);
	assert_int_equal(cc_h5_table_append(t, &r, 1), CC_OK);
	cc_h5_abort(f);
	assert_int_equal(count_entries(fx->dir, NULL, 0), 0);
	assert_int_equal(cc_h5_table_append(t, &r, 1), CC_ERR_IO);
	assert_int_equal(cc_h5_table_close(t), CC_OK);
}

/* A table left open at commit keeps the rows already appended. */
static void test_h5_commit_with_open_table(void **state)
{
	struct fixture *fx = *state;
	struct cc_h5_file *f = NULL;
	assert_int_equal(cc_h5_create(fx->path, &f, NULL, 0), CC_OK);
	struct cc_h5_table *t = NULL;
	assert_int_equal(cc_h5_table_create(f, "/calls", call_fields, NFIELDS,
	                                    sizeof(struct call_row), 512, "one row per call", &t),
	                 CC_OK);
	struct call_row rows[7];
	for (size_t i = 0; i < 7; i++)
		rows[i] = make_row(i);
	assert_int_equal(cc_h5_table_append(t, rows, 7), CC_OK);
	assert_int_equal(cc_h5_commit(f, NULL, 0), CC_OK);
	assert_int_equal(cc_h5_table_close(t), CC_OK);
	assert_only_final_file(fx);

	hid_t file = H5Fopen(fx->path, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(file >= 0);
	check_table(file, 7);
	assert_true(H5Fclose(file) >= 0);
}

/* Committing replaces an older file of the same name and leaves no temporary file. */
static void test_h5_commit_replaces(void **state)
{
	struct fixture *fx = *state;
	FILE *old = fopen(fx->path, "w");
	assert_non_null(old);
	fputs("not hdf5\n", old);
	assert_int_equal(fclose(old), 0);

	struct cc_h5_file *f = NULL;
	assert_int_equal(cc_h5_create(fx->path, &f, NULL, 0), CC_OK);
	assert_int_equal(cc_h5_attr_double(f, "/", "x", 4.75), CC_OK);
	assert_int_equal(count_entries(fx->dir, NULL, 0), 2);
	assert_int_equal(cc_h5_commit(f, NULL, 0), CC_OK);
	assert_only_final_file(fx);

	hid_t file = H5Fopen(fx->path, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(file >= 0);
	assert_true(read_double_attr(file, "x") == 4.75);
	assert_true(H5Fclose(file) >= 0);

	/* Over the file just written (the old one is exchanged out and removed). */
	assert_int_equal(cc_h5_create(fx->path, &f, NULL, 0), CC_OK);
	assert_int_equal(cc_h5_attr_double(f, "/", "x", 5.25), CC_OK);
	assert_int_equal(cc_h5_commit(f, NULL, 0), CC_OK);
	assert_only_final_file(fx);
	file = H5Fopen(fx->path, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(file >= 0);
	assert_true(read_double_attr(file, "x") == 5.25);
	assert_true(H5Fclose(file) >= 0);

	/* A directory in the way is never replaced, even an empty one. */
	assert_int_equal(remove(fx->path), 0);
	assert_int_equal(mkdir(fx->path, 0700), 0);
	char err[1024] = "";
	assert_int_equal(cc_h5_create(fx->path, &f, err, sizeof err), CC_ERR_IO);
	assert_non_null(strstr(err, "is not a regular file (a directory)"));
	struct stat sb;
	assert_int_equal(stat(fx->path, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	assert_int_equal(count_entries(fx->dir, NULL, 0), 1);
	assert_int_equal(rmdir(fx->path), 0);
}

/* After one failure every call fails at once, the first message stays, and nothing is left. */
static void test_h5_error_sticks(void **state)
{
	struct fixture *fx = *state;
	struct cc_h5_file *f = NULL;
	assert_int_equal(cc_h5_create(fx->path, &f, NULL, 0), CC_OK);
	double v = 3.5;
	size_t n = 1;
	assert_int_equal(put_var(f, "/", "a", 0, NULL, &v, "s", "a value"), CC_OK);
	assert_int_equal(put_var(f, "/a", "b", 0, NULL, &v, "s", "under a dataset"), CC_ERR_IO);
	char first[1024];
	snprintf(first, sizeof first, "%s", cc_h5_error(f));
	assert_non_null(strstr(first, "cannot create group /a in "));
	assert_non_null(strstr(first, "results.h5: "));
	assert_non_null(strstr(first, ": /a is not a group"));

	/* Calls that would succeed on a healthy file now fail without touching it. */
	assert_int_equal(cc_h5_attr_double(f, "/", "x", 1.5), CC_ERR_IO);
	assert_int_equal(cc_h5_attr_int64(f, "/", "x", 2), CC_ERR_IO);
	assert_int_equal(cc_h5_attr_string(f, "/", "x", "y"), CC_ERR_IO);
	assert_int_equal(cc_h5_group(f, "/g", NULL), CC_ERR_IO);
	assert_int_equal(cc_h5_dim_doubles(f, "/", "x1", 1, &v, "s", NULL, NULL), CC_ERR_IO);
	assert_int_equal(put_var(f, "/", "c", 0, NULL, &v, "s", "c"), CC_ERR_IO);
	struct cc_h5_table *t = (struct cc_h5_table *)&n; /* anything but NULL */
	assert_int_equal(cc_h5_table_create(f, "/calls", call_fields, NFIELDS,
	                                    sizeof(struct call_row), 16, NULL, &t),
	                 CC_ERR_IO);
	assert_null(t);
	assert_string_equal(cc_h5_error(f), first);

	char err[1024] = "";
	assert_int_equal(cc_h5_commit(f, err, sizeof err), CC_ERR_IO);
	assert_string_equal(err, first);
	assert_int_equal(count_entries(fx->dir, NULL, 0), 0);
}

/* A failure while a table is open makes its appends and its close report the error. */
static void test_h5_error_reaches_table(void **state)
{
	struct fixture *fx = *state;
	struct cc_h5_file *f = NULL;
	assert_int_equal(cc_h5_create(fx->path, &f, NULL, 0), CC_OK);
	struct cc_h5_table *t = NULL;
	assert_int_equal(cc_h5_table_create(f, "/calls", call_fields, NFIELDS,
	                                    sizeof(struct call_row), 16, NULL, &t),
	                 CC_OK);
	/* A variable cannot take the name of the table. */
	double v = 1.0;
	assert_int_equal(put_var(f, "/", "calls", 0, NULL, &v, "s", "clash"), CC_ERR_IO);
	assert_true(cc_h5_error(f)[0] != '\0');
	struct call_row r = make_row(5);
	assert_int_equal(cc_h5_table_append(t, &r, 1), CC_ERR_IO);
	assert_int_equal(cc_h5_table_close(t), CC_ERR_IO);
	cc_h5_abort(f);
	assert_int_equal(count_entries(fx->dir, NULL, 0), 0);
}

/* A symbolic link at the path is written through: the file it names is replaced, the link
 * stays; the temporary file's name stays short however long the final name. */
static void test_h5_symlink_and_long_names(void **state)
{
	struct fixture *fx = *state;
	char target[256], link[256];
	snprintf(target, sizeof target, "%s/real.h5", fx->dir);
	snprintf(link, sizeof link, "%s/results.h5", fx->dir);
	FILE *old = fopen(target, "w");
	assert_non_null(old);
	fputs("old\n", old);
	assert_int_equal(fclose(old), 0);
	assert_int_equal(symlink("real.h5", link), 0);
	struct cc_h5_file *f = NULL;
	assert_int_equal(cc_h5_create(link, &f, NULL, 0), CC_OK);
	assert_int_equal(cc_h5_attr_double(f, "/", "x", 2.385), CC_OK);
	assert_int_equal(cc_h5_commit(f, NULL, 0), CC_OK);
	struct stat st;
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	hid_t file = H5Fopen(target, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(file >= 0);
	assert_true(read_double_attr(file, "x") == 2.385);
	assert_true(H5Fclose(file) >= 0);
	remove(link);
	remove(target);

	char name[300];
	int len = snprintf(name, sizeof name, "%s/", fx->dir);
	memset(name + len, 'n', 250 - 3);
	snprintf(name + len + 247, sizeof name - (size_t)len - 247, ".h5");
	assert_int_equal(cc_h5_create(name, &f, NULL, 0), CC_OK);
	assert_int_equal(cc_h5_commit(f, NULL, 0), CC_OK);
	assert_int_equal(access(name, F_OK), 0);
	remove(name);

	char err[256] = "";
	assert_int_equal(cc_h5_create("", &f, err, sizeof err), CC_ERR_IO);
	assert_non_null(strstr(err, "its name is empty"));
}

/* Duplicate enum names or field names fail cleanly, with no table handed out. */
static void test_h5_table_bad_types(void **state)
{
	struct fixture *fx = *state;
	static const char *const twice[] = {"served", "served", NULL};
	struct cc_h5_field fields[2] = {call_fields[0], call_fields[3]};
	fields[1].enum_names = twice;

	struct cc_h5_file *f = NULL;
	assert_int_equal(cc_h5_create(fx->path, &f, NULL, 0), CC_OK);
	struct cc_h5_table *t = NULL;
	assert_int_equal(cc_h5_table_create(f, "/calls", fields, 2, sizeof(struct call_row), 8,
	                                    NULL, &t),
	                 CC_ERR_IO);
	assert_null(t);
	assert_non_null(strstr(cc_h5_error(f), "cannot add name served to field outcome"));
	cc_h5_abort(f);

	fields[1] = call_fields[0];
	assert_int_equal(cc_h5_create(fx->path, &f, NULL, 0), CC_OK);
	assert_int_equal(cc_h5_table_create(f, "/calls", fields, 2, sizeof(struct call_row), 8,
	                                    NULL, &t),
	                 CC_ERR_IO);
	assert_null(t);
	assert_non_null(strstr(cc_h5_error(f), "cannot add field wait to table /calls"));
	cc_h5_abort(f);
	assert_int_equal(count_entries(fx->dir, NULL, 0), 0);
}

static void test_h5_groups(void **state)
{
	struct fixture *fx = *state;
	struct cc_h5_file *f = NULL;
	assert_int_equal(cc_h5_create(fx->path, &f, NULL, 0), CC_OK);
	assert_int_equal(cc_h5_group(f, "/runs/r1/queues", NULL), CC_OK);
	/* An existing group is accepted and gains (or changes) its description. */
	assert_int_equal(cc_h5_group(f, "/runs/r1", "first replication"), CC_OK);
	assert_int_equal(cc_h5_group(f, "/runs/r1", "replication 1"), CC_OK);
	assert_int_equal(cc_h5_group(f, "/", "root"), CC_OK);
	assert_int_equal(cc_h5_attr_string(f, "/runs/r1/queues", "kind", "per-queue"), CC_OK);
	assert_int_equal(cc_h5_commit(f, NULL, 0), CC_OK);

	hid_t file = H5Fopen(fx->path, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(file >= 0);
	hid_t g = H5Gopen2(file, "/runs/r1", H5P_DEFAULT);
	assert_true(g >= 0);
	assert_string_attr(g, "description", "replication 1");
	assert_true(H5Gclose(g) >= 0);
	g = H5Gopen2(file, "/runs/r1/queues", H5P_DEFAULT);
	assert_true(g >= 0);
	assert_true(H5Aexists(g, "description") == 0);
	assert_string_attr(g, "kind", "per-queue");
	assert_true(H5Gclose(g) >= 0);
	assert_string_attr(file, "description", "root");
	assert_true(H5Fclose(file) >= 0);
}

static void test_h5_group_over_dataset(void **state)
{
	struct fixture *fx = *state;
	struct cc_h5_file *f = NULL;
	assert_int_equal(cc_h5_create(fx->path, &f, NULL, 0), CC_OK);
	double v = 0.5;
	assert_int_equal(put_var(f, "/", "d", 0, NULL, &v, "1", "d"), CC_OK);
	assert_int_equal(cc_h5_group(f, "/d", NULL), CC_ERR_IO);
	assert_non_null(strstr(cc_h5_error(f), "cannot create group /d"));
	cc_h5_abort(f);
}

static void test_h5_missing_object(void **state)
{
	struct fixture *fx = *state;
	struct cc_h5_file *f = NULL;
	assert_int_equal(cc_h5_create(fx->path, &f, NULL, 0), CC_OK);
	assert_int_equal(cc_h5_attr_double(f, "/nowhere", "x", 1.5), CC_ERR_IO);
	assert_non_null(strstr(cc_h5_error(f), "cannot open /nowhere to set attribute x"));
	cc_h5_abort(f);
}

/* A chunked variable is shuffled and deflated, written chunk by chunk, and NaN survives the
 * filters; one without a chunk shape is contiguous. */
static void test_h5_chunked_variable(void **state)
{
	struct fixture *fx = *state;
	enum { ROWS = 300, COLS = 97 };
	double *data = malloc(sizeof(double) * ROWS * COLS);
	assert_non_null(data);
	for (size_t i = 0; i < ROWS * COLS; i++)
		data[i] = (i % 11 == 3) ? NAN : 0.001 * (double)i * (double)(i % 13);
	double *rows = malloc(sizeof(double) * ROWS), *cols = malloc(sizeof(double) * COLS);
	for (size_t i = 0; i < ROWS; i++)
		rows[i] = (double)i;
	for (size_t i = 0; i < COLS; i++)
		cols[i] = (double)i * 0.5;

	struct cc_h5_file *f = NULL;
	assert_int_equal(cc_h5_create(fx->path, &f, NULL, 0), CC_OK);
	assert_int_equal(cc_h5_dim_doubles(f, "/", "row", ROWS, rows, "1", NULL, NULL), CC_OK);
	assert_int_equal(cc_h5_dim_doubles(f, "/", "col", COLS, cols, "1", NULL, NULL), CC_OK);
	static const char *const dims[] = {"row", "col"};
	size_t chunk[2] = {64, COLS};
	struct cc_h5_var_spec spec = { "big", CC_H5_VAR_F64, 2, dims, "s", "big", "big", NULL, chunk };
	struct cc_h5_var *v = NULL;
	assert_int_equal(cc_h5_var_create(f, "/", &spec, &v), CC_OK);
	for (size_t r0 = 0; r0 < ROWS; r0 += 64) {
		size_t n = ROWS - r0 < 64 ? ROWS - r0 : 64;
		size_t start[2] = {r0, 0}, count[2] = {n, COLS}, mdims[2] = {n, COLS};
		assert_int_equal(cc_h5_var_write(v, start, count, 2, mdims, NULL, NULL, data + r0 * COLS),
		                 CC_OK);
	}
	assert_int_equal(cc_h5_var_close(v), CC_OK);
	static const char *const one[] = {"col"};
	assert_int_equal(put_var(f, "/", "small", 1, one, cols, NULL, NULL), CC_OK);
	assert_int_equal(cc_h5_commit(f, NULL, 0), CC_OK);

	hid_t file = H5Fopen(fx->path, H5F_ACC_RDONLY, H5P_DEFAULT);
	assert_true(file >= 0);
	hid_t big = H5Dopen2(file, "/big", H5P_DEFAULT);
	assert_true(big >= 0);
	hsize_t want[2] = {64, COLS};
	assert_compressed(big, 2, want);
	double *got = malloc(sizeof(double) * ROWS * COLS);
	assert_non_null(got);
	assert_true(H5Dread(big, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, got) >= 0);
	for (size_t i = 0; i < ROWS * COLS; i++) {
		if (isnan(data[i]))
			assert_true(isnan(got[i]));
		else
			assert_true(got[i] == data[i]);
	}
	assert_true(H5Dclose(big) >= 0);
	hid_t sm = H5Dopen2(file, "/small", H5P_DEFAULT);
	assert_true(sm >= 0);
	hid_t dcpl = H5Dget_create_plist(sm);
	assert_true(dcpl >= 0);
	assert_int_equal(H5Pget_layout(dcpl), H5D_CONTIGUOUS);
	assert_true(H5Pclose(dcpl) >= 0);
	/* NULL units and descriptions are left out. */
	assert_true(H5Aexists(sm, "units") == 0);
	assert_true(H5Dclose(sm) >= 0);
	assert_true(H5Fclose(file) >= 0);
	free(got);
	free(data);
	free(rows);
	free(cols);
}

static void test_h5_null_is_fine(void **state)
{
	(void)state;
	cc_h5_abort(NULL);
	assert_int_equal(cc_h5_table_close(NULL), CC_OK);
	assert_int_equal(cc_h5_var_close(NULL), CC_OK);
	assert_string_equal(cc_h5_error(NULL), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_h5_roundtrip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_h5_create_missing_dir, setup, teardown),
		cmocka_unit_test_setup_teardown(test_h5_abort_removes_temp, setup, teardown),
		cmocka_unit_test_setup_teardown(test_h5_abort_with_open_table, setup, teardown),
		cmocka_unit_test_setup_teardown(test_h5_commit_with_open_table, setup, teardown),
		cmocka_unit_test_setup_teardown(test_h5_commit_replaces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_h5_error_sticks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_h5_error_reaches_table, setup, teardown),
		cmocka_unit_test_setup_teardown(test_h5_symlink_and_long_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_h5_table_bad_types, setup, teardown),
		cmocka_unit_test_setup_teardown(test_h5_groups, setup, teardown),
		cmocka_unit_test_setup_teardown(test_h5_group_over_dataset, setup, teardown),
		cmocka_unit_test_setup_teardown(test_h5_missing_object, setup, teardown),
		cmocka_unit_test_setup_teardown(test_h5_chunked_variable, setup, teardown),
		cmocka_unit_test(test_h5_null_is_fine),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
