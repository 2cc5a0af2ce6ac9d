#include "models/output/export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "models/figures/metrics.h"
#include "models/output/schema.h"
#include "sim/alloc.h"
#include "sim/csv.h"
#include "sim/h5read.h"

/* A dimension of a table: its name, length and, per index, the label columns. */
struct dim {
	char *name;
	size_t len;
	char **labels;      /* [len]: the coordinate as text */
	double *start;      /* interval only: the start in seconds */
};

/* A figure: a variable of the group, and its values. */
struct column {
	char *name, *units;
	double *values;
};

struct table {
	struct dim dims[8];
	int rank;            /* the variables' rank */
	int stat_dim;        /* index of the "statistic" dimension, or -1 */
	struct column *cols;
	size_t n_cols;
};

static void table_free(struct table *t)
{
	for (int i = 0; i < t->rank; i++) {
		cc_free(t->dims[i].name);
		cc_h5_strings_free(t->dims[i].labels, t->dims[i].len);
		cc_free(t->dims[i].start);
	}
	for (size_t i = 0; i < t->n_cols; i++) {
		cc_free(t->cols[i].name);
		cc_free(t->cols[i].units);
		cc_free(t->cols[i].values);
	}
	cc_free(t->cols);
}

/* Whether NAME is a coordinate of the group (a dimension or a label beside one). */
static int is_coordinate(struct cc_h5_reader *r, const char *path, const char *name)
{
	if (strcmp(name, "clock") == 0 || strcmp(name, "interval_length_s") == 0)
		return 1;
	char *cls = cc_h5_read_attr(r, path, "CLASS");
	int scale = cls && strcmp(cls, "DIMENSION_SCALE") == 0;
	cc_free(cls);
	return scale;
}

/* The position of NAME in ccsim's figure table (unknown names after, in name order). */
static size_t figure_rank(const char *name)
{
	size_t n;
	const struct cc_figure *f = cc_figures(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i].name, name) == 0)
			return i;
	return n;
}

static int by_figure_order(const void *a, const void *b)
{
	const struct column *x = a, *y = b;
	size_t rx = figure_rank(x->name), ry = figure_rank(y->name);
	if (rx != ry)
		return rx < ry ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Reads dimension NAME of GROUP: its labels as text (numbers printed exactly). */
static enum cc_status read_dim(struct cc_h5_reader *r, const char *group, struct dim *d)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", group, d->name);
	int rank;
	size_t len[8];
	enum cc_status st = cc_h5_shape(r, path, &rank, len);
	if (st)
		return st;
	d->len = rank == 1 ? len[0] : 0;
	if (strcmp(d->name, "interval") == 0) {
		size_t n;
		if ((st = cc_h5_read_doubles(r, path, &d->start, &n)))
			return st;
		snprintf(path, sizeof path, "%s/clock", group);
		return cc_h5_read_strings(r, path, &d->labels, &n);
	}
	char **text = NULL;
	size_t n = 0;
	if (cc_h5_read_strings(r, path, &text, &n) == CC_OK) {
		d->labels = text;
		return CC_OK;
	}
	double *v;
	if ((st = cc_h5_read_doubles(r, path, &v, &n)))
		return st;
	d->labels = cc_calloc(n ? n : 1, sizeof *d->labels);
	for (size_t i = 0; i < n; i++) {
		char buf[64];
		snprintf(buf, sizeof buf, "%.17g", v[i]);
		d->labels[i] = cc_strdup(buf);
	}
	cc_free(v);
	return CC_OK;
}

/* Reads every figure of GROUP into T. */
static enum cc_status read_table(struct cc_h5_reader *r, const char *group, struct table *t)
{
	char **names;
	size_t n;
	enum cc_status st = cc_h5_members(r, group, &names, &n);
	if (st)
		return st;
	t->stat_dim = -1;
	t->cols = cc_calloc(n ? n : 1, sizeof *t->cols);
	for (size_t i = 0; i < n && st == CC_OK; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", group, names[i]);
		if (cc_h5_kind(r, path) != 2 || is_coordinate(r, path, names[i]))
			continue;
		char **dn;
		int rank;
		if ((st = cc_h5_dim_names(r, path, &dn, &rank)))
			break;
		if (t->rank == 0) {
			t->rank = rank;
			for (int k = 0; k < rank && st == CC_OK; k++) {
				t->dims[k].name = cc_strdup(dn[k]);
				if (strcmp(dn[k], "statistic") == 0)
					t->stat_dim = k;
				st = read_dim(r, group, &t->dims[k]);
			}
		}
		if (st) {
			cc_h5_strings_free(dn, (size_t)rank);
			break;
		}
		int same = rank == t->rank;
		for (int k = 0; k < rank && same; k++)
			same = strcmp(dn[k], t->dims[k].name) == 0;
		cc_h5_strings_free(dn, (size_t)rank);
		if (!same)
			continue; /* not a figure of this table */
		struct column *c = &t->cols[t->n_cols];
		size_t count;
		if ((st = cc_h5_read_doubles(r, path, &c->values, &count)))
			break;
		c->name = cc_strdup(names[i]);
		c->units = cc_h5_read_attr(r, path, "units");
		t->n_cols++;
	}
	cc_h5_strings_free(names, n);
	qsort(t->cols, t->n_cols, sizeof *t->cols, by_figure_order);
	return st;
}

/* The header of a value column: "asa_s [s]", "service_level_ci95". */
static void header(FILE *out, const struct column *c, const char *suffix)
{
	char buf[256];
	int unitless = !c->units || !c->units[0] || strcmp(c->units, "1") == 0;
	snprintf(buf, sizeof buf, unitless ? "%s%s" : "%s%s [%s]", c->name, suffix,
	         unitless ? "" : c->units);
	fputc(',', out);
	cc_csv_field(out, buf);
}

/* Writes T as CSV: a row per index of the dimensions other than the statistic. */
static void write_table(FILE *out, const struct table *t)
{
	int first = 1;
	for (int k = 0; k < t->rank; k++) {
		if (k == t->stat_dim)
			continue;
		fputs(first ? "" : ",", out);
		first = 0;
		cc_csv_field(out, t->dims[k].name);
		if (t->dims[k].start)
			fputs(",start_s", out);
	}
	size_t n_stats = t->stat_dim >= 0 ? t->dims[t->stat_dim].len : 1;
	for (size_t c = 0; c < t->n_cols; c++)
		for (size_t s = 0; s < n_stats; s++)
			header(out, &t->cols[c], s == 0 ? "" : "_ci95");
	fputc('\n', out);
	size_t rows = 1;
	for (int k = 0; k < t->rank; k++)
		if (k != t->stat_dim)
			rows *= t->dims[k].len;
	size_t idx[8] = { 0 };
	for (size_t row = 0; row < rows; row++) {
		/* Row-major position of this row, the statistic dimension at 0. */
		size_t pos = 0;
		first = 1;
		for (int k = 0; k < t->rank; k++) {
			pos = pos * t->dims[k].len + (k == t->stat_dim ? 0 : idx[k]);
			if (k == t->stat_dim)
				continue;
			fputs(first ? "" : ",", out);
			first = 0;
			cc_csv_field(out, t->dims[k].labels[idx[k]]);
			if (t->dims[k].start) {
				fputc(',', out);
				cc_csv_number(out, t->dims[k].start[idx[k]]);
			}
		}
		size_t stride = 1;
		for (int k = t->rank - 1; k > t->stat_dim && t->stat_dim >= 0; k--)
			stride *= t->dims[k].len;
		for (size_t c = 0; c < t->n_cols; c++)
			for (size_t s = 0; s < n_stats; s++) {
				fputc(',', out);
				cc_csv_number(out, t->cols[c].values[pos + s * stride]);
			}
		fputc('\n', out);
		for (int k = t->rank - 1; k >= 0; k--) {
			if (k == t->stat_dim)
				continue;
			if (++idx[k] < t->dims[k].len)
				break;
			idx[k] = 0;
		}
	}
}

/* Writes GROUP of the file as DIR/NAME.csv, through a temporary file. */
static enum cc_status export_group(struct cc_h5_reader *r, const char *group, const char *dir,
                                   const char *name, char *err, size_t errlen)
{
	struct table t = { 0 };
	enum cc_status st = read_table(r, group, &t);
	if (st) {
		snprintf(err, errlen, "%s", cc_h5_reader_error(r));
		table_free(&t);
		return st;
	}
	char path[4096], tmp[4200];
	snprintf(path, sizeof path, "%s/%s.csv", dir, name);
	snprintf(tmp, sizeof tmp, "%s/.%s.csv.tmp-%ld", dir, name, (long)getpid());
	FILE *out = fopen(tmp, "w");
	if (!out) {
		snprintf(err, errlen, "cannot create %s: %s", path, strerror(errno));
		table_free(&t);
		return CC_ERR_IO;
	}
	write_table(out, &t);
	table_free(&t);
	int bad = ferror(out);
	int saved = errno;
	if (fclose(out) != 0 && !bad) {
		bad = 1;
		saved = errno;
	}
	if (!bad && rename(tmp, path) != 0) {
		bad = 1;
		saved = errno;
	}
	if (bad) {
		remove(tmp);
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(saved ? saved : EIO));
		return CC_ERR_IO;
	}
	return CC_OK;
}

enum cc_status cc_export_csv(const char *h5_path, const char *dir, char *err, size_t errlen)
{
	struct stat st_dir;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		snprintf(err, errlen, "cannot create directory %s: %s", dir, strerror(errno));
		return CC_ERR_IO;
	}
	if (stat(dir, &st_dir) != 0 || !S_ISDIR(st_dir.st_mode)) {
		snprintf(err, errlen, "cannot write CSV files into %s: it is not a directory", dir);
		return CC_ERR_IO;
	}
	struct cc_h5_reader *r;
	enum cc_status st = cc_h5_reader_open(h5_path, &r, err, errlen);
	if (st)
		return st;
	if (cc_h5_kind(r, "/summary/totals") != 1) {
		snprintf(err, errlen, "%s: not a ccsim results file (it has no /summary/totals)",
		         h5_path);
		cc_h5_reader_close(r);
		return CC_ERR_IO;
	}
	int64_t points;
	if (cc_h5_read_attr_int64(r, "/", "sweep_points", &points)) {
		snprintf(err, errlen, "%s: a sweep's file (ccsim sweep), whose figures have a dimension point: export takes a run's file; read a sweep with xarray or h5py (results/README.md)",
		         h5_path);
		cc_h5_reader_close(r);
		return CC_ERR_USAGE;
	}
	for (size_t v = 0; v < CC_VIEW_COUNT && st == CC_OK; v++) {
		if (cc_h5_kind(r, cc_views[v].dir) != 1)
			continue;
		char **owners;
		size_t n;
		if ((st = cc_h5_members(r, cc_views[v].dir, &owners, &n))) {
			snprintf(err, errlen, "%s", cc_h5_reader_error(r));
			break;
		}
		for (size_t i = 0; i < n && st == CC_OK; i++) {
			char group[512], name[256];
			snprintf(group, sizeof group, "%s/%s", cc_views[v].dir, owners[i]);
			if (cc_h5_kind(r, group) != 1 || strcmp(owners[i], "counts") == 0)
				continue;
			snprintf(name, sizeof name, "%s_%s", owners[i], cc_views[v].suffix);
			st = export_group(r, group, dir, name, err, errlen);
		}
		cc_h5_strings_free(owners, n);
	}
	if (st == CC_OK && cc_h5_kind(r, "/replications/counts") == 1)
		st = export_group(r, "/replications/counts", dir, "counts", err, errlen);
	cc_h5_reader_close(r);
	return st;
}
