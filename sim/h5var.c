/*
 * Dimensions and variables in the netCDF-4 data model (see h5.h): coordinate variables as
 * dimension scales, kept open while the file is written, and float or integer variables
 * attached to them, written whole or in blocks.
 */
#include <stdio.h>
#include <string.h>

#include <hdf5.h>
#include <hdf5_hl.h>

#include "alloc.h"
#include "h5_impl.h"

/* PATH of GROUP's member NAME, in a new string. */
static char *join(const char *group, const char *name)
{
	size_t len = strlen(group) + strlen(name) + 2;
	char *p = cc_malloc(len);
	snprintf(p, len, "%s%s%s", group, strcmp(group, "/") == 0 ? "" : "/", name);
	return p;
}

/* The dimension NAME seen from GROUP: in GROUP, or the nearest ancestor that has it. */
static const struct h5_dim *find_dim(const struct cc_h5_file *f, const char *group,
                                     const char *name)
{
	char *scope = cc_strdup(group);
	const struct h5_dim *found = NULL;
	for (;;) {
		char *path = join(scope[0] ? scope : "/", name);
		for (size_t i = 0; i < f->n_dims && !found; i++)
			if (strcmp(f->dims[i].path, path) == 0)
				found = &f->dims[i];
		cc_free(path);
		char *slash = strrchr(scope, '/');
		if (found || !slash || scope[0] == '\0')
			break;
		*slash = '\0'; /* "/a/b" -> "/a" -> "" (the root) */
	}
	cc_free(scope);
	return found;
}

/* A variable-length UTF-8 string type, or -1 after recording the failure. */
static hid_t string_type(struct cc_h5_file *f, const char *path)
{
	hid_t type = H5Tcopy(H5T_C_S1);
	if (type < 0 || H5Tset_size(type, H5T_VARIABLE) < 0 ||
	    H5Tset_cset(type, H5T_CSET_UTF8) < 0) {
		if (type >= 0)
			H5Tclose(type);
		h5_fail(f, NULL, "cannot make a string type for %s", path);
		return -1;
	}
	return type;
}

/* Sets the attributes a variable carries (NULL values are left out). */
static enum cc_status describe_var(struct cc_h5_file *f, hid_t dset, const char *path,
                                   const char *units, const char *long_name,
                                   const char *description, const char *coordinates)
{
	const char *const names[4] = { "units", "long_name", "description", "coordinates" };
	const char *const values[4] = { units, long_name, description, coordinates };
	enum cc_status status = CC_OK;
	for (int i = 0; i < 4 && status == CC_OK; i++)
		if (values[i])
			status = h5_put_string_attr(f, dset, path, names[i], values[i]);
	return status;
}

/* Creates a one-dimensional dataset PATH of N elements of FTYPE from VALUES (in MTYPE). */
static hid_t create_1d(struct cc_h5_file *f, const char *path, size_t n, hid_t ftype, hid_t mtype,
                       const void *values)
{
	if (h5_check_parents(f, path, "dimension", NULL) != CC_OK)
		return -1;
	hsize_t dim = n;
	hid_t space = H5Screate_simple(1, &dim, NULL);
	if (space < 0) {
		h5_fail(f, NULL, "cannot create a dataspace for %s", path);
		return -1;
	}
	hid_t dset = H5Dcreate2(f->file, path, ftype, space, f->lcpl, H5P_DEFAULT, H5P_DEFAULT);
	enum cc_status status = CC_OK;
	if (dset < 0)
		status = h5_fail(f, NULL, "cannot create %s", path);
	else if (n > 0 && H5Dwrite(dset, mtype, H5S_ALL, H5S_ALL, H5P_DEFAULT, values) < 0)
		status = h5_fail(f, NULL, "cannot write %s", path);
	h5_release(f, space, H5Sclose, "dataspace of", path, &status);
	if (status != CC_OK && dset >= 0) {
		H5Dclose(dset);
		dset = -1;
	}
	return dset;
}

static enum cc_status make_dim(struct cc_h5_file *f, const char *group, const char *name, size_t n,
                               hid_t ftype, hid_t mtype, const void *values, const char *units,
                               const char *long_name, const char *description)
{
	CC_ASSERT(f != NULL && name != NULL && (values != NULL || n == 0));
	h5_check_path(group);
	if (f->failed)
		return CC_ERR_IO;
	char *path = join(group, name);
	enum cc_status status = CC_OK;
	hid_t dset = create_1d(f, path, n, ftype, mtype, values);
	if (dset < 0)
		status = CC_ERR_IO;
	else if (H5DSset_scale(dset, name) < 0)
		status = h5_fail(f, NULL, "cannot make %s a dimension", path);
	else
		status = describe_var(f, dset, path, units, long_name, description, NULL);
	if (status != CC_OK) {
		if (dset >= 0)
			H5Dclose(dset);
		cc_free(path);
		return status;
	}
	if (f->n_dims == f->cap_dims) {
		f->cap_dims = f->cap_dims ? 2 * f->cap_dims : 32;
		f->dims = cc_realloc(f->dims, f->cap_dims, sizeof *f->dims);
	}
	f->dims[f->n_dims++] = (struct h5_dim){ path, dset, n };
	return CC_OK;
}

enum cc_status cc_h5_dim_doubles(struct cc_h5_file *f, const char *group, const char *name,
                                 size_t n, const double *values, const char *units,
                                 const char *long_name, const char *description)
{
	return make_dim(f, group, name, n, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, values, units,
	                long_name, description);
}

enum cc_status cc_h5_dim_int64(struct cc_h5_file *f, const char *group, const char *name,
                               size_t n, const int64_t *values, const char *long_name,
                               const char *description)
{
	return make_dim(f, group, name, n, H5T_STD_I64LE, H5T_NATIVE_INT64, values, "1", long_name,
	                description);
}

enum cc_status cc_h5_dim_strings(struct cc_h5_file *f, const char *group, const char *name,
                                 size_t n, const char *const *values, const char *long_name,
                                 const char *description)
{
	if (f->failed)
		return CC_ERR_IO;
	hid_t type = string_type(f, name);
	if (type < 0)
		return CC_ERR_IO;
	enum cc_status status = make_dim(f, group, name, n, type, type, values, NULL, long_name,
	                                 description);
	H5Tclose(type);
	return status;
}

enum cc_status cc_h5_var_strings(struct cc_h5_file *f, const char *group, const char *name,
                                 const char *dim, size_t n, const char *const *values,
                                 const char *long_name, const char *description)
{
	CC_ASSERT(f != NULL && (values != NULL || n == 0));
	h5_check_path(group);
	if (f->failed)
		return CC_ERR_IO;
	const struct h5_dim *d = find_dim(f, group, dim);
	CC_ASSERT(d != NULL && d->len == n);
	char *path = join(group, name);
	enum cc_status status = CC_OK;
	hid_t type = string_type(f, path), dset = -1;
	if (type < 0)
		status = CC_ERR_IO;
	if (status == CC_OK && (dset = create_1d(f, path, n, type, type, values)) < 0)
		status = CC_ERR_IO;
	if (status == CC_OK)
		status = describe_var(f, dset, path, NULL, long_name, description, NULL);
	if (status == CC_OK && H5DSattach_scale(dset, d->dset, 0) < 0)
		status = h5_fail(f, NULL, "cannot attach dimension %s to %s", dim, path);
	h5_release(f, dset, H5Dclose, "variable", path, &status);
	h5_release(f, type, H5Tclose, "string type of", path, &status);
	cc_free(path);
	return status;
}

enum cc_status cc_h5_var_create(struct cc_h5_file *f, const char *group,
                                const struct cc_h5_var_spec *spec, struct cc_h5_var **out)
{
	CC_ASSERT(f != NULL && spec != NULL && out != NULL);
	CC_ASSERT(spec->rank >= 0 && spec->rank <= CC_H5_MAX_RANK);
	h5_check_path(group);
	*out = NULL;
	if (f->failed)
		return CC_ERR_IO;

	char *path = join(group, spec->name);
	const struct h5_dim *dims[CC_H5_MAX_RANK];
	hsize_t hdims[CC_H5_MAX_RANK], chunk[CC_H5_MAX_RANK];
	for (int i = 0; i < spec->rank; i++) {
		dims[i] = find_dim(f, group, spec->dims[i]);
		CC_ASSERT(dims[i] != NULL); /* a variable names dimensions made before it */
		hdims[i] = dims[i]->len;
		if (spec->chunk)
			chunk[i] = spec->chunk[i] < 1 ? 1 : spec->chunk[i];
	}
	hid_t ftype = spec->type == CC_H5_VAR_F64 ? H5T_IEEE_F64LE : H5T_STD_I64LE;
	hid_t mtype = spec->type == CC_H5_VAR_F64 ? H5T_NATIVE_DOUBLE : H5T_NATIVE_INT64;
	enum cc_status status = h5_check_parents(f, path, "variable", NULL);
	hid_t space = -1, dcpl = -1, dset = -1;
	if (status != CC_OK)
		goto out;
	space = spec->rank ? H5Screate_simple(spec->rank, hdims, NULL) : H5Screate(H5S_SCALAR);
	dcpl = H5Pcreate(H5P_DATASET_CREATE);
	if (space < 0 || dcpl < 0) {
		status = h5_fail(f, NULL, "cannot set up variable %s", path);
		goto out;
	}
	/* Every element is written before the file is committed, so no fill values, and no
	 * modification times (a file's bytes then depend only on what it holds). */
	if (H5Pset_fill_time(dcpl, H5D_FILL_TIME_NEVER) < 0 || H5Pset_obj_track_times(dcpl, 0) < 0) {
		status = h5_fail(f, NULL, "cannot set the properties of variable %s", path);
		goto out;
	}
	if (spec->chunk && spec->rank > 0 &&
	    (H5Pset_chunk(dcpl, spec->rank, chunk) < 0 || H5Pset_shuffle(dcpl) < 0 ||
	     H5Pset_deflate(dcpl, CC_H5_DEFLATE_LEVEL) < 0)) {
		status = h5_fail(f, NULL, "cannot set chunking and compression for %s", path);
		goto out;
	}
	dset = H5Dcreate2(f->file, path, ftype, space, f->lcpl, dcpl, H5P_DEFAULT);
	if (dset < 0) {
		status = h5_fail(f, NULL, "cannot create variable %s", path);
		goto out;
	}
	status = describe_var(f, dset, path, spec->units, spec->long_name, spec->description,
	                      spec->coordinates);
	for (int i = 0; i < spec->rank && status == CC_OK; i++)
		if (H5DSattach_scale(dset, dims[i]->dset, (unsigned)i) < 0)
			status = h5_fail(f, NULL, "cannot attach dimension %s to %s", spec->dims[i], path);
	if (status != CC_OK)
		goto out;
	struct cc_h5_var *v = cc_calloc(1, sizeof *v);
	v->file = f;
	v->next = f->vars;
	v->path = path;
	v->dset = dset;
	v->mem_type = mtype;
	v->rank = spec->rank;
	memcpy(v->dims, hdims, sizeof hdims);
	f->vars = v;
	*out = v;
	path = NULL;
	dset = -1;
out:
	h5_release(f, dset, H5Dclose, "variable", path, &status);
	h5_release(f, dcpl, H5Pclose, "properties of variable", spec->name, &status);
	h5_release(f, space, H5Sclose, "dataspace of variable", spec->name, &status);
	cc_free(path);
	return status;
}

enum cc_status cc_h5_var_write(struct cc_h5_var *v, const size_t *start, const size_t *count,
                               int mem_rank, const size_t *mem_dims, const size_t *mem_start,
                               const size_t *mem_count, const void *buf)
{
	CC_ASSERT(v != NULL && buf != NULL && mem_rank >= 1 && mem_rank <= CC_H5_MAX_RANK);
	struct cc_h5_file *f = v->file;
	if (!f || f->failed)
		return CC_ERR_IO;
	hsize_t fs[CC_H5_MAX_RANK], fc[CC_H5_MAX_RANK], md[CC_H5_MAX_RANK], ms[CC_H5_MAX_RANK],
		mc[CC_H5_MAX_RANK];
	hsize_t n_file = 1, n_mem = 1;
	for (int i = 0; i < v->rank; i++) {
		fs[i] = start[i];
		fc[i] = count[i];
		CC_ASSERT(fs[i] + fc[i] <= v->dims[i]);
		n_file *= fc[i];
	}
	for (int i = 0; i < mem_rank; i++) {
		md[i] = mem_dims[i];
		ms[i] = mem_start ? mem_start[i] : 0;
		mc[i] = mem_count ? mem_count[i] : md[i];
		CC_ASSERT(ms[i] + mc[i] <= md[i]);
		n_mem *= mc[i];
	}
	CC_ASSERT(n_file == n_mem);
	if (n_file == 0)
		return CC_OK;
	enum cc_status status = CC_OK;
	hid_t fspace = H5Dget_space(v->dset);
	hid_t mspace = H5Screate_simple(mem_rank, md, NULL);
	if (fspace < 0 || mspace < 0 ||
	    (v->rank && H5Sselect_hyperslab(fspace, H5S_SELECT_SET, fs, NULL, fc, NULL) < 0) ||
	    H5Sselect_hyperslab(mspace, H5S_SELECT_SET, ms, NULL, mc, NULL) < 0)
		status = h5_fail(f, NULL, "cannot select a block of %s", v->path);
	else if (H5Dwrite(v->dset, v->mem_type, mspace, fspace, H5P_DEFAULT, buf) < 0)
		status = h5_fail(f, NULL, "cannot write %s", v->path);
	h5_release(f, mspace, H5Sclose, "memory dataspace of", v->path, &status);
	h5_release(f, fspace, H5Sclose, "dataspace of", v->path, &status);
	return status;
}

enum cc_status cc_h5_var_write_all(struct cc_h5_var *v, const void *buf)
{
	CC_ASSERT(v != NULL);
	struct cc_h5_file *f = v->file;
	if (!f || f->failed)
		return CC_ERR_IO;
	if (H5Dwrite(v->dset, v->mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf) < 0)
		return h5_fail(f, NULL, "cannot write %s", v->path);
	return CC_OK;
}

/* Unlinks V from its file's open list. */
static void detach(struct cc_h5_var *v)
{
	struct cc_h5_var **link = &v->file->vars;
	while (*link != v)
		link = &(*link)->next;
	*link = v->next;
	v->next = NULL;
}

enum cc_status cc_h5_var_close(struct cc_h5_var *v)
{
	if (!v)
		return CC_OK;
	enum cc_status status = CC_OK;
	struct cc_h5_file *f = v->file;
	if (f) {
		detach(v);
		if (f->failed)
			status = CC_ERR_IO;
		h5_release(f, v->dset, H5Dclose, "variable", v->path, &status);
	}
	cc_free(v->path);
	cc_free(v);
	return status;
}

void h5_close_vars(struct cc_h5_file *f, enum cc_status *status)
{
	while (f->vars) {
		struct cc_h5_var *v = f->vars;
		f->vars = v->next;
		v->next = NULL;
		v->file = NULL;
		h5_release(f, v->dset, H5Dclose, "variable", v->path, status);
		v->dset = -1;
	}
	for (size_t i = 0; i < f->n_dims; i++) {
		h5_release(f, f->dims[i].dset, H5Dclose, "dimension", f->dims[i].path, status);
		cc_free(f->dims[i].path);
	}
	cc_free(f->dims);
	f->dims = NULL;
	f->n_dims = f->cap_dims = 0;
}
