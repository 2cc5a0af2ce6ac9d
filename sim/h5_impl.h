#ifndef CC_H5_IMPL_H
#define CC_H5_IMPL_H

/*
 * The inside of the HDF5 writer, shared by h5.c (files, errors, attributes, groups, tables)
 * and h5var.c (dimensions and variables in the netCDF-4 data model) and by nothing else.
 */

#include <stdbool.h>

#include <hdf5.h>

#include "h5.h"

/* Deflate level after shuffling: 1 gets most of the gain at a small part of the cost. */
#define CC_H5_DEFLATE_LEVEL 1

/* A dimension: a one-dimensional dimension scale, kept open while the file is written so
 * that variables can be attached to it without looking it up again. */
struct h5_ref {
	hobj_ref_t dataset;
	int dimension;
};

struct h5_dim {
	char *path;
	hid_t dset;
	hsize_t len;
	bool resizable;  /* an index dimension whose length may change (cc_h5_dim_resize) */
	hobj_ref_t ref;
	/* The variables attached to it so far: its REFERENCE_LIST, written once when the file
	 * closes rather than rewritten at every attachment. */
	struct h5_ref *refs;
	size_t n_refs, cap_refs;
};

struct cc_h5_file {
	hid_t file;
	/* Link creation properties shared by every create call: missing parents are made. */
	hid_t lcpl;
	char *path;
	char *tmp_path;
	/* Open tables and variables, so that commit and abort can close their datasets before
	 * the file. */
	struct cc_h5_table *tables;
	struct cc_h5_var *vars;
	struct h5_dim *dims;
	size_t n_dims, cap_dims;
	/* The group variables were last made in, kept open, and the types every variable
	 * needs: a UTF-8 string for attributes, a scalar dataspace, the DIMENSION_LIST type. */
	char *group_path;
	hid_t group;
	hid_t str_type, scalar, dimlist_type;
	/* Transfers with a small conversion buffer: HDF5 clears its whole buffer (1 MiB by
	 * default) for every write that converts, strings included. */
	hid_t dxpl;
	/* Creation properties of contiguous variables, access properties of every variable. */
	hid_t dcpl, dapl;
	bool failed;
	/* Not this process's to write (a rank other than 0, sim/ranks.h): the file is made in
	 * memory only, and nothing of it reaches the disk. */
	bool discard;
	char error[1024];
};

struct cc_h5_table {
	/* NULL once the file was committed or aborted while the table was still open. */
	struct cc_h5_file *file;
	struct cc_h5_table *next;
	char *path;
	hid_t dset;
	/* The C struct's layout; the file holds a packed copy of it. */
	hid_t mem_type;
	hsize_t rows;
};

struct cc_h5_var {
	/* NULL once the file was committed or aborted while the variable was still open. */
	struct cc_h5_file *file;
	struct cc_h5_var *next;
	char *path;
	hid_t dset;
	hid_t mem_type;
	int rank;
	hsize_t dims[CC_H5_MAX_RANK];
	/* The index in the file's dimensions of its resizable dimension (the variable follows its
	 * length), else SIZE_MAX; and which of the variable's dimensions it is. */
	size_t grows;
	int axis;
};

#if defined(__GNUC__)
#define CC_H5_PRINTF_LIKE(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define CC_H5_PRINTF_LIKE(fmt, args)
#endif

/*
 * Records a failure on F and returns CC_ERR_IO. The message is the action FMT describes, the
 * file, and REASON or else the innermost cause on HDF5's error stack. Only the first message
 * is kept. It must be called straight after the failing HDF5 call.
 */
enum cc_status h5_fail(struct cc_h5_file *f, const char *reason, const char *fmt, ...)
	CC_H5_PRINTF_LIKE(3, 4);
/* Closes ID, if it is open, with CLOSER; a failure is recorded on F like any other. */
void h5_release(struct cc_h5_file *f, hid_t id, herr_t (*closer)(hid_t), const char *what,
                const char *path, enum cc_status *status);
void h5_check_path(const char *path);
const char *h5_last_component(const char *path);
const char *h5_or_empty(const char *s);
/* Checks the groups above PATH (each a group or missing); see h5.c. */
enum cc_status h5_check_parents(struct cc_h5_file *f, const char *path, const char *what,
                                bool *all_exist);
enum cc_status h5_put_string_attr(struct cc_h5_file *f, hid_t obj, const char *objpath,
                                  const char *name, const char *value);
/* Closes every open variable and dimension of F (h5var.c). */
void h5_close_vars(struct cc_h5_file *f, enum cc_status *status);

#endif
