/*
 * Dimensions and variables in the netCDF-4 data model (see h5.h): coordinate variables as
 * dimension scales, kept open while the file is written, and float or integer variables
 * attached to them, written whole or in blocks.
 *
 * Attachments follow the HDF5 dimension-scale specification, the layout H5DSattach_scale
 * writes: each variable's DIMENSION_LIST attribute (per dimension, a reference to its scale)
 * and each scale's REFERENCE_LIST (a record {dataset, dimension} per attachment). The
 * library call rewrites the scale's whole REFERENCE_LIST at every attachment, which made
 * attaching a results file's few hundred variables most of a short run's time; here each
 * scale's list is collected and written once, when the file closes.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <hdf5.h>
#include <hdf5_hl.h>

#include "alloc.h"
#include "h5_impl.h"

/* Chunks of resizable dimensions (elements), and the most values a chunk of a variable over
 * one holds (a mebibyte of doubles) when the variable does not choose its chunks. */
enum { INDEX_CHUNK = 4096, VAR_CHUNK_VALUES = 131072 };

/* PATH of GROUP's member NAME, in a new string. */
static char *join(const char *group, const char *name)
{
	size_t len = strlen(group) + strlen(name) + 2;
	char *p = cc_malloc(len);
	snprintf(p, len, "%s%s%s", group, strcmp(group, "/") == 0 ? "" : "/", name);
	return p;
}

/* The dimension NAME seen from GROUP: in GROUP, or the nearest ancestor that has it. */
static struct h5_dim *find_dim(struct cc_h5_file *f, const char *group, const char *name)
{
	char *scope = cc_strdup(group);
	struct h5_dim *found = NULL;
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

/* The types and dataspace every variable needs, made once per file. */
static enum cc_status shared_types(struct cc_h5_file *f)
{
	if (f->str_type >= 0)
		return CC_OK;
	f->str_type = H5Tcopy(H5T_C_S1);
	f->scalar = H5Screate(H5S_SCALAR);
	f->dimlist_type = H5Tvlen_create(H5T_STD_REF_OBJ);
	f->dxpl = H5Pcreate(H5P_DATASET_XFER);
	f->dcpl = H5Pcreate(H5P_DATASET_CREATE);
	f->dapl = H5Pcreate(H5P_DATASET_ACCESS);
	/* Every element is written before the file is committed, so no fill values, and no
	 * modification times (a file's bytes then depend only on what it holds). Blocks are
	 * written a whole chunk at a time: a chunk cache would only hold memory (a megabyte a
	 * variable by default, hundreds of variables). */
	if (f->str_type < 0 || f->scalar < 0 || f->dimlist_type < 0 || f->dxpl < 0 ||
	    f->dcpl < 0 || f->dapl < 0 || H5Pset_fill_time(f->dcpl, H5D_FILL_TIME_NEVER) < 0 ||
	    H5Pset_obj_track_times(f->dcpl, 0) < 0 || H5Pset_chunk_cache(f->dapl, 0, 0, 1.0) < 0 ||
	    H5Pset_buffer(f->dxpl, 64 * 1024, NULL, NULL) < 0 ||
	    H5Tset_size(f->str_type, H5T_VARIABLE) < 0 ||
	    H5Tset_cset(f->str_type, H5T_CSET_UTF8) < 0)
		return h5_fail(f, NULL, "cannot set up the types of variables");
	return CC_OK;
}

/* Group PATH, opened (made if missing, with its parents) and kept open until another group
 * is asked for; -1 after recording a failure. */
static hid_t open_group(struct cc_h5_file *f, const char *path)
{
	if (f->group >= 0 && strcmp(f->group_path, path) == 0)
		return f->group;
	if (f->group >= 0)
		H5Gclose(f->group);
	f->group = -1;
	cc_free(f->group_path);
	f->group_path = NULL;
	if (cc_h5_group(f, path, NULL) != CC_OK)
		return -1;
	f->group = H5Gopen2(f->file, path, H5P_DEFAULT);
	if (f->group < 0) {
		h5_fail(f, NULL, "cannot open group %s", path);
		return -1;
	}
	f->group_path = cc_strdup(path);
	return f->group;
}

/* A string attribute on an object just made (so none of that name exists yet). */
static enum cc_status new_attr(struct cc_h5_file *f, hid_t obj, const char *path, const char *name,
                               const char *value)
{
	hid_t a = H5Acreate2(obj, name, f->str_type, f->scalar, H5P_DEFAULT, H5P_DEFAULT);
	enum cc_status status = CC_OK;
	if (a < 0)
		return h5_fail(f, NULL, "cannot create attribute %s of %s", name, path);
	if (H5Awrite(a, f->str_type, &value) < 0)
		status = h5_fail(f, NULL, "cannot write attribute %s of %s", name, path);
	h5_release(f, a, H5Aclose, "attribute", name, &status);
	return status;
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
			status = new_attr(f, dset, path, names[i], values[i]);
	return status;
}

/* Attaches the RANK dimensions DIMS to dataset DSET at PATH: its DIMENSION_LIST now, each
 * scale's REFERENCE_LIST entry later (see h5_close_vars). */
static enum cc_status attach(struct cc_h5_file *f, hid_t dset, const char *path, int rank,
                             struct h5_dim *const *dims)
{
	hobj_ref_t self;
	if (H5Rcreate(&self, f->file, path, H5R_OBJECT, -1) < 0)
		return h5_fail(f, NULL, "cannot refer to %s", path);
	hvl_t list[CC_H5_MAX_RANK];
	for (int i = 0; i < rank; i++)
		list[i] = (hvl_t){ 1, &dims[i]->ref };
	hsize_t n = (hsize_t)rank;
	hid_t space = H5Screate_simple(1, &n, NULL);
	hid_t a = space < 0 ? -1
	                    : H5Acreate2(dset, "DIMENSION_LIST", f->dimlist_type, space, H5P_DEFAULT,
	                                 H5P_DEFAULT);
	enum cc_status status = CC_OK;
	if (a < 0 || H5Awrite(a, f->dimlist_type, list) < 0)
		status = h5_fail(f, NULL, "cannot attach the dimensions of %s", path);
	h5_release(f, a, H5Aclose, "dimension list of", path, &status);
	h5_release(f, space, H5Sclose, "dataspace of the dimension list of", path, &status);
	for (int i = 0; i < rank && status == CC_OK; i++) {
		struct h5_dim *d = dims[i];
		if (d->n_refs == d->cap_refs) {
			d->cap_refs = d->cap_refs ? 2 * d->cap_refs : 64;
			d->refs = cc_realloc(d->refs, d->cap_refs, sizeof *d->refs);
		}
		d->refs[d->n_refs++] = (struct h5_ref){ self, i };
	}
	return status;
}

/* Creates a one-dimensional dataset NAME in group G of N elements of FTYPE from VALUES (in
 * MTYPE). */
static hid_t create_1d(struct cc_h5_file *f, hid_t g, const char *name, const char *path,
                       size_t n, hid_t ftype, hid_t mtype, const void *values, bool resizable)
{
	hsize_t dim = n, maxdim = H5S_UNLIMITED, chunk = INDEX_CHUNK;
	hid_t space = H5Screate_simple(1, &dim, resizable ? &maxdim : NULL);
	if (space < 0) {
		h5_fail(f, NULL, "cannot create a dataspace for %s", path);
		return -1;
	}
	hid_t dcpl = H5P_DEFAULT;
	if (resizable && ((dcpl = H5Pcreate(H5P_DATASET_CREATE)) < 0 ||
	                  H5Pset_chunk(dcpl, 1, &chunk) < 0)) {
		h5_fail(f, NULL, "cannot set up the chunks of %s", path);
		if (dcpl >= 0)
			H5Pclose(dcpl);
		H5Sclose(space);
		return -1;
	}
	hid_t dset = H5Dcreate2(g, name, ftype, space, f->lcpl, dcpl, H5P_DEFAULT);
	if (dcpl != H5P_DEFAULT)
		H5Pclose(dcpl);
	enum cc_status status = CC_OK;
	if (dset < 0)
		status = h5_fail(f, NULL, "cannot create %s", path);
	else if (n > 0 && H5Dwrite(dset, mtype, H5S_ALL, H5S_ALL, f->dxpl, values) < 0)
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
                               const char *long_name, const char *description, bool resizable)
{
	CC_ASSERT(f != NULL && name != NULL && (values != NULL || n == 0));
	h5_check_path(group);
	if (f->failed || shared_types(f) != CC_OK)
		return CC_ERR_IO;
	hid_t g = open_group(f, group);
	if (g < 0)
		return CC_ERR_IO;
	char *path = join(group, name);
	enum cc_status status = CC_OK;
	hobj_ref_t ref;
	hid_t dset = create_1d(f, g, name, path, n, ftype, mtype, values, resizable);
	if (dset < 0)
		status = CC_ERR_IO;
	else if (H5DSset_scale(dset, name) < 0)
		status = h5_fail(f, NULL, "cannot make %s a dimension", path);
	else if (H5Rcreate(&ref, f->file, path, H5R_OBJECT, -1) < 0)
		status = h5_fail(f, NULL, "cannot refer to %s", path);
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
	f->dims[f->n_dims++] = (struct h5_dim){ .path = path, .dset = dset, .len = n, .ref = ref,
	                                         .resizable = resizable };
	return CC_OK;
}

enum cc_status cc_h5_dim_doubles(struct cc_h5_file *f, const char *group, const char *name,
                                 size_t n, const double *values, const char *units,
                                 const char *long_name, const char *description)
{
	return make_dim(f, group, name, n, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, values, units,
	                long_name, description, false);
}

enum cc_status cc_h5_dim_int64(struct cc_h5_file *f, const char *group, const char *name,
                               size_t n, const int64_t *values, const char *long_name,
                               const char *description)
{
	return make_dim(f, group, name, n, H5T_STD_I64LE, H5T_NATIVE_INT64, values, "1", long_name,
	                description, false);
}

/* Values 0, 1, ..., N - 1. */
static int64_t *index_values(size_t n)
{
	int64_t *v = cc_calloc(n ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = (int64_t)i;
	return v;
}

enum cc_status cc_h5_dim_index(struct cc_h5_file *f, const char *group, const char *name,
                               size_t n, const char *long_name, const char *description)
{
	int64_t *v = index_values(n);
	enum cc_status st = make_dim(f, group, name, n, H5T_STD_I64LE, H5T_NATIVE_INT64, v, "1",
	                             long_name, description, true);
	cc_free(v);
	return st;
}

enum cc_status cc_h5_dim_resize(struct cc_h5_file *f, const char *group, const char *name,
                                size_t n)
{
	CC_ASSERT(f != NULL);
	if (f->failed)
		return CC_ERR_IO;
	struct h5_dim *d = find_dim(f, group, name);
	CC_ASSERT(d != NULL && d->resizable);
	size_t index = (size_t)(d - f->dims);
	hsize_t len = n;
	if (H5Dset_extent(d->dset, &len) < 0)
		return h5_fail(f, NULL, "cannot resize %s", d->path);
	d->len = n;
	int64_t *v = index_values(n);
	herr_t w = n ? H5Dwrite(d->dset, H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, f->dxpl, v) : 0;
	cc_free(v);
	if (w < 0)
		return h5_fail(f, NULL, "cannot write %s", d->path);
	for (struct cc_h5_var *var = f->vars; var; var = var->next) {
		if (var->grows != index)
			continue;
		var->dims[var->axis] = n;
		if (H5Dset_extent(var->dset, var->dims) < 0)
			return h5_fail(f, NULL, "cannot resize %s", var->path);
	}
	return CC_OK;
}

enum cc_status cc_h5_dim_strings(struct cc_h5_file *f, const char *group, const char *name,
                                 size_t n, const char *const *values, const char *long_name,
                                 const char *description)
{
	if (f->failed || shared_types(f) != CC_OK)
		return CC_ERR_IO;
	return make_dim(f, group, name, n, f->str_type, f->str_type, values, NULL, long_name,
	                description, false);
}

enum cc_status cc_h5_var_strings(struct cc_h5_file *f, const char *group, const char *name,
                                 const char *dim, size_t n, const char *const *values,
                                 const char *long_name, const char *description)
{
	CC_ASSERT(f != NULL && (values != NULL || n == 0));
	h5_check_path(group);
	if (f->failed || shared_types(f) != CC_OK)
		return CC_ERR_IO;
	struct h5_dim *d = find_dim(f, group, dim);
	CC_ASSERT(d != NULL && d->len == n);
	hid_t g = open_group(f, group);
	if (g < 0)
		return CC_ERR_IO;
	char *path = join(group, name);
	enum cc_status status = CC_OK;
	hid_t dset = create_1d(f, g, name, path, n, f->str_type, f->str_type, values, false);
	if (dset < 0)
		status = CC_ERR_IO;
	if (status == CC_OK)
		status = describe_var(f, dset, path, NULL, long_name, description, NULL);
	if (status == CC_OK)
		status = attach(f, dset, path, 1, &d);
	h5_release(f, dset, H5Dclose, "variable", path, &status);
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
	if (f->failed || shared_types(f) != CC_OK)
		return CC_ERR_IO;

	struct h5_dim *dims[CC_H5_MAX_RANK];
	hsize_t hdims[CC_H5_MAX_RANK], maxdims[CC_H5_MAX_RANK], chunk[CC_H5_MAX_RANK];
	for (int i = 0; i < spec->rank; i++) {
		dims[i] = find_dim(f, group, spec->dims[i]);
		CC_ASSERT(dims[i] != NULL); /* a variable names dimensions made before it */
		hdims[i] = maxdims[i] = dims[i]->len;
		if (spec->chunk)
			chunk[i] = spec->chunk[i] < 1 ? 1 : spec->chunk[i];
	}
	/* Over a resizable dimension (one at most): chunked (uncompressed unless SPEC chunks), a
	 * chunk holding whole rows of the dimensions after it and one element of those before. */
	int axis = -1;
	for (int i = 0; i < spec->rank; i++)
		if (dims[i]->resizable) {
			CC_ASSERT(axis < 0);
			axis = i;
		}
	if (axis >= 0) {
		maxdims[axis] = H5S_UNLIMITED;
		hsize_t row = 1;
		for (int i = 0; i < spec->rank; i++) {
			if (!spec->chunk && i != axis)
				chunk[i] = i < axis || hdims[i] < 1 ? 1 : hdims[i];
			if (i > axis)
				row *= chunk[i];
		}
		/* Along the resizable dimension, its length when the variable is made (the rows a
		 * file is first sized for: it grows by as many), up to about a mebibyte a chunk. */
		hsize_t most = row >= VAR_CHUNK_VALUES ? 1 : VAR_CHUNK_VALUES / row;
		if (!spec->chunk)
			chunk[axis] = hdims[axis] < 1 ? 1 : hdims[axis] > most ? most : hdims[axis];
	}
	hid_t g = open_group(f, group);
	if (g < 0)
		return CC_ERR_IO;
	char *path = join(group, spec->name);
	hid_t ftype = spec->type == CC_H5_VAR_F64 ? H5T_IEEE_F64LE : H5T_STD_I64LE;
	hid_t mtype = spec->type == CC_H5_VAR_F64 ? H5T_NATIVE_DOUBLE : H5T_NATIVE_INT64;
	enum cc_status status = CC_OK;
	hid_t space = -1, dcpl = -1, dset = -1;
	space = spec->rank ? H5Screate_simple(spec->rank, hdims, maxdims) : H5Screate(H5S_SCALAR);
	if (space < 0) {
		status = h5_fail(f, NULL, "cannot set up variable %s", path);
		goto out;
	}
	if ((spec->chunk || axis >= 0) && spec->rank > 0) {
		dcpl = H5Pcopy(f->dcpl);
		if (dcpl < 0 || H5Pset_chunk(dcpl, spec->rank, chunk) < 0 ||
		    (spec->chunk && (H5Pset_shuffle(dcpl) < 0 ||
		                     H5Pset_deflate(dcpl, CC_H5_DEFLATE_LEVEL) < 0))) {
			status = h5_fail(f, NULL, "cannot set chunking and compression for %s", path);
			goto out;
		}
	}
	dset = H5Dcreate2(g, spec->name, ftype, space, f->lcpl, dcpl >= 0 ? dcpl : f->dcpl, f->dapl);
	if (dset < 0) {
		status = h5_fail(f, NULL, "cannot create variable %s", path);
		goto out;
	}
	status = describe_var(f, dset, path, spec->units, spec->long_name, spec->description,
	                      spec->coordinates);
	if (status == CC_OK && spec->rank > 0)
		status = attach(f, dset, path, spec->rank, dims);
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
	v->grows = axis >= 0 ? (size_t)(dims[axis] - f->dims) : SIZE_MAX;
	v->axis = axis;
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
	else if (H5Dwrite(v->dset, v->mem_type, mspace, fspace, f->dxpl, buf) < 0)
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
	if (H5Dwrite(v->dset, v->mem_type, H5S_ALL, H5S_ALL, f->dxpl, buf) < 0)
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

/* Writes dimension D's REFERENCE_LIST: every attachment made, in order. */
static enum cc_status write_references(struct cc_h5_file *f, struct h5_dim *d)
{
	if (!d->n_refs || f->failed)
		return f->failed ? CC_ERR_IO : CC_OK;
	hid_t type = H5Tcreate(H5T_COMPOUND, sizeof(struct h5_ref));
	hsize_t n = d->n_refs;
	hid_t space = H5Screate_simple(1, &n, NULL);
	enum cc_status status = CC_OK;
	if (type < 0 || space < 0 ||
	    H5Tinsert(type, "dataset", HOFFSET(struct h5_ref, dataset), H5T_STD_REF_OBJ) < 0 ||
	    H5Tinsert(type, "dimension", HOFFSET(struct h5_ref, dimension), H5T_NATIVE_INT) < 0) {
		status = h5_fail(f, NULL, "cannot make the reference list of %s", d->path);
	} else {
		hid_t a = H5Acreate2(d->dset, "REFERENCE_LIST", type, space, H5P_DEFAULT, H5P_DEFAULT);
		if (a < 0 || H5Awrite(a, type, d->refs) < 0)
			status = h5_fail(f, NULL, "cannot write the reference list of %s", d->path);
		h5_release(f, a, H5Aclose, "reference list of", d->path, &status);
	}
	h5_release(f, space, H5Sclose, "dataspace of the reference list of", d->path, &status);
	h5_release(f, type, H5Tclose, "type of the reference list of", d->path, &status);
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
		if (write_references(f, &f->dims[i]) != CC_OK)
			*status = CC_ERR_IO;
		h5_release(f, f->dims[i].dset, H5Dclose, "dimension", f->dims[i].path, status);
		cc_free(f->dims[i].path);
		cc_free(f->dims[i].refs);
	}
	cc_free(f->dims);
	f->dims = NULL;
	f->n_dims = f->cap_dims = 0;
	h5_release(f, f->group, H5Gclose, "group", f->group_path, status);
	h5_release(f, f->str_type, H5Tclose, "string type of", f->path, status);
	h5_release(f, f->scalar, H5Sclose, "scalar dataspace of", f->path, status);
	h5_release(f, f->dimlist_type, H5Tclose, "dimension list type of", f->path, status);
	h5_release(f, f->dxpl, H5Pclose, "transfer properties of", f->path, status);
	h5_release(f, f->dcpl, H5Pclose, "creation properties of", f->path, status);
	h5_release(f, f->dapl, H5Pclose, "access properties of", f->path, status);
	f->group = f->str_type = f->scalar = f->dimlist_type = f->dxpl = f->dcpl = f->dapl = -1;
	cc_free(f->group_path);
	f->group_path = NULL;
}
