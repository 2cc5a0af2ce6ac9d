#include "h5read.h"

#include <stdio.h>
#include <string.h>

#include <hdf5.h>
#include <hdf5_hl.h>

#include "alloc.h"
#include "h5.h"

struct cc_h5_reader {
	hid_t file;
	char *path;
	char error[1024];
};

static enum cc_status failed(struct cc_h5_reader *r, const char *what, const char *obj)
{
	if (!r->error[0])
		snprintf(r->error, sizeof r->error, "%s: cannot %s %s", r->path, what, obj);
	return CC_ERR_IO;
}

enum cc_status cc_h5_reader_open(const char *path, struct cc_h5_reader **out, char *err,
                                 size_t errlen)
{
	*out = NULL;
	cc_h5_library_init();
	htri_t is = H5Fis_hdf5(path);
	if (is <= 0) {
		FILE *probe = fopen(path, "rb");
		snprintf(err, errlen, "%s: %s", path,
		         probe ? "not an HDF5 file" : "cannot open it (no such file, or no permission)");
		if (probe)
			fclose(probe);
		return CC_ERR_IO;
	}
	hid_t f = H5Fopen(path, H5F_ACC_RDONLY, H5P_DEFAULT);
	if (f < 0) {
		snprintf(err, errlen, "%s: cannot open it as an HDF5 file", path);
		return CC_ERR_IO;
	}
	struct cc_h5_reader *r = cc_calloc(1, sizeof *r);
	r->file = f;
	r->path = cc_strdup(path);
	*out = r;
	return CC_OK;
}

void cc_h5_reader_close(struct cc_h5_reader *r)
{
	if (!r)
		return;
	H5Fclose(r->file);
	cc_free(r->path);
	cc_free(r);
}

const char *cc_h5_reader_error(const struct cc_h5_reader *r)
{
	return r ? r->error : "";
}

int cc_h5_kind(struct cc_h5_reader *r, const char *path)
{
	if (strcmp(path, "/") != 0) {
		/* Each parent must exist before H5Lexists may be asked about the child. */
		char *p = cc_strdup(path);
		for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
			*s = '\0';
			htri_t e = H5Lexists(r->file, p, H5P_DEFAULT);
			*s = '/';
			if (e <= 0) {
				cc_free(p);
				return 0;
			}
		}
		cc_free(p);
		if (H5Lexists(r->file, path, H5P_DEFAULT) <= 0)
			return 0;
	}
	H5O_info_t info;
	if (H5Oget_info_by_name(r->file, path, &info, H5P_DEFAULT) < 0)
		return 0;
	return info.type == H5O_TYPE_GROUP ? 1 : info.type == H5O_TYPE_DATASET ? 2 : 0;
}

struct name_list {
	char **names;
	size_t n, cap;
};

static herr_t collect(hid_t g, const char *name, const H5L_info_t *info, void *data)
{
	(void)g;
	(void)info;
	struct name_list *l = data;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->names = cc_realloc(l->names, l->cap, sizeof *l->names);
	}
	l->names[l->n++] = cc_strdup(name);
	return 0;
}

enum cc_status cc_h5_members(struct cc_h5_reader *r, const char *group, char ***names, size_t *n)
{
	struct name_list l = { 0 };
	*names = NULL;
	*n = 0;
	hid_t g = H5Gopen2(r->file, group, H5P_DEFAULT);
	if (g < 0)
		return failed(r, "open group", group);
	herr_t e = H5Literate(g, H5_INDEX_NAME, H5_ITER_INC, NULL, collect, &l);
	H5Gclose(g);
	if (e < 0) {
		cc_h5_strings_free(l.names, l.n);
		return failed(r, "list group", group);
	}
	*names = l.names;
	*n = l.n;
	return CC_OK;
}

enum cc_status cc_h5_shape(struct cc_h5_reader *r, const char *path, int *rank, size_t *dims)
{
	hid_t d = H5Dopen2(r->file, path, H5P_DEFAULT);
	if (d < 0)
		return failed(r, "open", path);
	hid_t s = H5Dget_space(d);
	hsize_t hd[8];
	int k = s < 0 ? -1 : H5Sget_simple_extent_ndims(s);
	if (k >= 0 && k <= 8 && H5Sget_simple_extent_dims(s, hd, NULL) >= 0) {
		*rank = k;
		for (int i = 0; i < k; i++)
			dims[i] = hd[i];
	} else {
		k = -1;
	}
	if (s >= 0)
		H5Sclose(s);
	H5Dclose(d);
	return k < 0 ? failed(r, "read the shape of", path) : CC_OK;
}

/* Copies the name of the first scale attached to a dimension. */
static herr_t scale_name(hid_t dset, unsigned dim, hid_t scale, void *data)
{
	(void)dset;
	(void)dim;
	char *buf = data;
	if (H5DSget_scale_name(scale, buf, 256) <= 0)
		buf[0] = '\0';
	return 1; /* the first is enough */
}

enum cc_status cc_h5_dim_names(struct cc_h5_reader *r, const char *path, char ***names, int *rank)
{
	size_t dims[8];
	enum cc_status st = cc_h5_shape(r, path, rank, dims);
	if (st)
		return st;
	hid_t d = H5Dopen2(r->file, path, H5P_DEFAULT);
	if (d < 0)
		return failed(r, "open", path);
	*names = cc_calloc((size_t)*rank + 1, sizeof **names);
	for (int i = 0; i < *rank; i++) {
		char buf[256] = "";
		if (H5DSget_num_scales(d, (unsigned)i) > 0)
			(void)H5DSiterate_scales(d, (unsigned)i, NULL, scale_name, buf);
		(*names)[i] = cc_strdup(buf);
	}
	H5Dclose(d);
	return CC_OK;
}

enum cc_status cc_h5_read_doubles(struct cc_h5_reader *r, const char *path, double **values,
                                  size_t *n)
{
	*values = NULL;
	*n = 0;
	hid_t d = H5Dopen2(r->file, path, H5P_DEFAULT);
	if (d < 0)
		return failed(r, "open", path);
	hid_t s = H5Dget_space(d);
	hssize_t count = s >= 0 ? H5Sget_simple_extent_npoints(s) : -1;
	enum cc_status st = CC_OK;
	if (count < 0) {
		st = failed(r, "read the size of", path);
	} else {
		*values = cc_calloc(count ? (size_t)count : 1, sizeof **values);
		*n = (size_t)count;
		if (count && H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, *values) < 0)
			st = failed(r, "read", path);
	}
	if (s >= 0)
		H5Sclose(s);
	H5Dclose(d);
	if (st) {
		cc_free(*values);
		*values = NULL;
		*n = 0;
	}
	return st;
}

enum cc_status cc_h5_read_strings(struct cc_h5_reader *r, const char *path, char ***values,
                                  size_t *n)
{
	*values = NULL;
	*n = 0;
	hid_t d = H5Dopen2(r->file, path, H5P_DEFAULT);
	if (d < 0)
		return failed(r, "open", path);
	hid_t s = H5Dget_space(d), ft = H5Dget_type(d);
	hssize_t count = s >= 0 ? H5Sget_simple_extent_npoints(s) : -1;
	enum cc_status st = CC_OK;
	if (count < 0 || ft < 0 || H5Tget_class(ft) != H5T_STRING) {
		st = failed(r, "read strings from", path);
	} else if (H5Tis_variable_str(ft) > 0) {
		char **raw = cc_calloc(count ? (size_t)count : 1, sizeof *raw);
		hid_t mt = H5Tcopy(H5T_C_S1);
		H5Tset_size(mt, H5T_VARIABLE);
		H5Tset_cset(mt, H5Tget_cset(ft)); /* HDF5 converts no character sets */
		if (count && H5Dread(d, mt, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw) < 0) {
			st = failed(r, "read", path);
		} else {
			*values = cc_calloc(count ? (size_t)count : 1, sizeof **values);
			for (hssize_t i = 0; i < count; i++)
				(*values)[i] = cc_strdup(raw[i] ? raw[i] : "");
			*n = (size_t)count;
			H5Dvlen_reclaim(mt, s, H5P_DEFAULT, raw);
		}
		H5Tclose(mt);
		cc_free(raw);
	} else {
		size_t width = H5Tget_size(ft);
		char *raw = cc_calloc(count ? (size_t)count : 1, width + 1);
		hid_t mt = H5Tcopy(H5T_C_S1);
		H5Tset_size(mt, width + 1);
		H5Tset_cset(mt, H5Tget_cset(ft));
		if (count && H5Dread(d, mt, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw) < 0) {
			st = failed(r, "read", path);
		} else {
			*values = cc_calloc(count ? (size_t)count : 1, sizeof **values);
			for (hssize_t i = 0; i < count; i++)
				(*values)[i] = cc_strdup(raw + (size_t)i * (width + 1));
			*n = (size_t)count;
		}
		H5Tclose(mt);
		cc_free(raw);
	}
	if (ft >= 0)
		H5Tclose(ft);
	if (s >= 0)
		H5Sclose(s);
	H5Dclose(d);
	return st;
}

char *cc_h5_read_attr(struct cc_h5_reader *r, const char *path, const char *name)
{
	if (H5Aexists_by_name(r->file, path, name, H5P_DEFAULT) <= 0)
		return NULL;
	hid_t a = H5Aopen_by_name(r->file, path, name, H5P_DEFAULT, H5P_DEFAULT);
	if (a < 0)
		return NULL;
	hid_t ft = H5Aget_type(a);
	char *out = NULL;
	if (ft >= 0 && H5Tget_class(ft) == H5T_STRING) {
		if (H5Tis_variable_str(ft) > 0) {
			char *v = NULL;
			hid_t mt = H5Tcopy(H5T_C_S1);
			H5Tset_size(mt, H5T_VARIABLE);
			H5Tset_cset(mt, H5Tget_cset(ft));
			if (H5Aread(a, mt, &v) >= 0 && v) {
				out = cc_strdup(v);
				H5free_memory(v);
			}
			H5Tclose(mt);
		} else {
			size_t width = H5Tget_size(ft);
			out = cc_calloc(width + 1, 1);
			hid_t mt = H5Tcopy(H5T_C_S1);
			H5Tset_size(mt, width + 1);
			H5Tset_cset(mt, H5Tget_cset(ft));
			if (H5Aread(a, mt, out) < 0) {
				cc_free(out);
				out = NULL;
			}
			H5Tclose(mt);
		}
	}
	if (ft >= 0)
		H5Tclose(ft);
	H5Aclose(a);
	return out;
}

/* Reads numeric scalar attribute NAME of PATH into *VALUE, converted to memory type MT. */
static int read_attr_number(struct cc_h5_reader *r, const char *path, const char *name,
                            hid_t mt, void *value)
{
	if (H5Aexists_by_name(r->file, path, name, H5P_DEFAULT) <= 0)
		return 0;
	hid_t a = H5Aopen_by_name(r->file, path, name, H5P_DEFAULT, H5P_DEFAULT);
	if (a < 0)
		return 0;
	hid_t ft = H5Aget_type(a), sp = H5Aget_space(a);
	int ok = ft >= 0 && sp >= 0 &&
	         (H5Tget_class(ft) == H5T_INTEGER || H5Tget_class(ft) == H5T_FLOAT) &&
	         H5Sget_simple_extent_npoints(sp) == 1 && H5Aread(a, mt, value) >= 0;
	if (sp >= 0)
		H5Sclose(sp);
	if (ft >= 0)
		H5Tclose(ft);
	H5Aclose(a);
	return ok;
}

int cc_h5_read_attr_double(struct cc_h5_reader *r, const char *path, const char *name,
                           double *value)
{
	return read_attr_number(r, path, name, H5T_NATIVE_DOUBLE, value);
}

int cc_h5_read_attr_int64(struct cc_h5_reader *r, const char *path, const char *name,
                          int64_t *value)
{
	return read_attr_number(r, path, name, H5T_NATIVE_INT64, value);
}

void cc_h5_strings_free(char **values, size_t n)
{
	if (!values)
		return;
	for (size_t i = 0; i < n; i++)
		cc_free(values[i]);
	cc_free(values);
}
