#ifndef CC_H5_H
#define CC_H5_H

#include <stddef.h>
#include <stdint.h>

#include "status.h"

/*
 * Writing self-describing HDF5 results files.
 *
 * A file is written under a temporary name beside its final path and renamed into place by
 * cc_h5_commit, so a failed run never leaves a partial results file: cc_h5_abort removes
 * the temporary file. Variables carry "units", "long_name" and "description" string
 * attributes; dimensions are HDF5 dimension scales, attached to the variables that use them
 * (the netCDF-4 data model, below). Tables (one row per record) are chunked, shuffled and
 * deflated, and appended in blocks.
 *
 * Every function checks every HDF5 return. On failure it returns CC_ERR_IO and keeps a
 * message that cc_h5_error() returns; later calls on the same file return CC_ERR_IO at
 * once, so a writer may check only its last call. Paths are absolute HDF5 paths
 * ("/queues/offered"); missing parent groups are created.
 *
 * Tables carry a "description" and, per field, "<name>_units" and "<name>_description"; NULL
 * units or descriptions are stored as "".
 *
 * Tables still open at cc_h5_commit or cc_h5_abort are closed with the file: rows appended
 * so far are kept (commit) and later appends fail; cc_h5_table_close then only frees.
 *
 * Bugs are asserts: relative paths, NULL values, more than 256 enum names, fields that
 * overrun the row. ERR arguments may be NULL or empty, and read "" on success.
 *
 * Not thread-safe: one thread writes a file. The temporary name is hidden and short
 * (".ccsim-<pid>-<n>.h5.tmp" beside the file), whatever the final name's length. A symbolic
 * link at PATH is written through: the file it points to is replaced, not the link.
 */

struct cc_h5_file;

/* Sets up the HDF5 library for this program (no exit handler, no printed error stacks):
 * called by every function here that starts using a file, and to be called before any other
 * HDF5 call a program makes. */
void cc_h5_library_init(void);

/* Opens PATH's temporary sibling for writing. On failure *OUT is NULL and ERR holds why. On a
 * rank that does not write (cc_ranks_writer), the file is made in memory and dropped: every
 * call works the same and nothing reaches the disk. */
enum cc_status cc_h5_create(const char *path, struct cc_h5_file **out, char *err, size_t errlen);

/* Closes the file, complete, under its temporary name; F stays, for cc_h5_commit or
 * cc_h5_abort (a failure is kept on F too). Nothing can be written to F after it. */
enum cc_status cc_h5_close(struct cc_h5_file *f, char *err, size_t errlen);

/* Closes the file (if cc_h5_close has not) and renames it to its final path; frees F
 * whatever happens. */
enum cc_status cc_h5_commit(struct cc_h5_file *f, char *err, size_t errlen);

/* Closes the file, removes the temporary file and frees F. Accepts NULL. */
void cc_h5_abort(struct cc_h5_file *f);

/* The first error met on F, or "" when there was none. */
const char *cc_h5_error(const struct cc_h5_file *f);

/* Creates group PATH (and its parents) if missing, with a description attribute if not NULL. */
enum cc_status cc_h5_group(struct cc_h5_file *f, const char *path, const char *description);

/* Attributes on the object at OBJ ("/" for the root). */
enum cc_status cc_h5_attr_string(struct cc_h5_file *f, const char *obj, const char *name,
                                 const char *value);
enum cc_status cc_h5_attr_double(struct cc_h5_file *f, const char *obj, const char *name,
                                 double value);
enum cc_status cc_h5_attr_int64(struct cc_h5_file *f, const char *obj, const char *name,
                                int64_t value);

/*
 * The netCDF-4 data model: a group's dimensions are one-dimensional dimension scales (their
 * coordinate variables: names, times, indexes) in that group or an ancestor, and its
 * variables are datasets whose dimensions are attached to those scales, so that xarray,
 * netCDF, h5py and R see named dimensions with coordinates. Strings are variable-length
 * UTF-8 (netCDF's NC_STRING).
 */

#define CC_H5_MAX_RANK 5

/* Makes dimension NAME of group GROUP ("/summary/totals/queues"), of length N, with its
 * coordinate values: doubles, whole numbers or strings. UNITS, LONG_NAME and DESCRIPTION
 * (any may be NULL) become the coordinate's attributes. */
enum cc_status cc_h5_dim_doubles(struct cc_h5_file *f, const char *group, const char *name,
                                 size_t n, const double *values, const char *units,
                                 const char *long_name, const char *description);
enum cc_status cc_h5_dim_int64(struct cc_h5_file *f, const char *group, const char *name,
                               size_t n, const int64_t *values, const char *long_name,
                               const char *description);
enum cc_status cc_h5_dim_strings(struct cc_h5_file *f, const char *group, const char *name,
                                 size_t n, const char *const *values, const char *long_name,
                                 const char *description);

/* Makes dimension NAME of GROUP an index (coordinate values 0, 1, ..., N - 1, units "1")
 * whose length may change after variables are made over it: cc_h5_dim_resize sets its length
 * and values, and the length of every open variable over it. A variable may have one
 * resizable dimension; such variables are chunked (compressed only when their spec chunks
 * them), so that readers (netCDF: an unlimited dimension) see the length last set. */
enum cc_status cc_h5_dim_index(struct cc_h5_file *f, const char *group, const char *name,
                               size_t n, const char *long_name, const char *description);
enum cc_status cc_h5_dim_resize(struct cc_h5_file *f, const char *group, const char *name,
                                size_t n);

/* A variable being written: created whole, filled in blocks, closed (or closed with the
 * file). */
struct cc_h5_var;

/* Element types of variables. */
enum cc_h5_var_type { CC_H5_VAR_F64, CC_H5_VAR_I64 };

struct cc_h5_var_spec {
	const char *name;
	enum cc_h5_var_type type;
	int rank;
	const char *const *dims;  /* RANK dimension names, found in the group or an ancestor */
	const char *units, *long_name, *description; /* attributes; NULL leaves one out */
	const char *coordinates;  /* the "coordinates" attribute (e.g. "clock"), or NULL */
	/* NULL: contiguous and uncompressed. Else the chunk shape, shuffled and deflated; blocks
	 * written should cover whole chunks. */
	const size_t *chunk;
};

/* Creates variable SPEC in GROUP; on failure *OUT is NULL and the error is kept on F. */
enum cc_status cc_h5_var_create(struct cc_h5_file *f, const char *group,
                                const struct cc_h5_var_spec *spec, struct cc_h5_var **out);

/*
 * Writes a block of V: the file elements from START, COUNT along each of V's dimensions,
 * taken from BUF, an array of MEM_RANK dimensions MEM_DIMS of which the block is the part
 * from MEM_START with MEM_COUNT elements along each (row-major; elements are matched in
 * row-major order on both sides, so the two shapes need only hold as many elements).
 * BUF holds doubles or int64_t as V's type says. MEM_START may be NULL (zeros), and
 * MEM_COUNT NULL (all of MEM_DIMS).
 */
enum cc_status cc_h5_var_write(struct cc_h5_var *v, const size_t *start, const size_t *count,
                               int mem_rank, const size_t *mem_dims, const size_t *mem_start,
                               const size_t *mem_count, const void *buf);

/* Writes all of V from BUF, laid out as V's dimensions. */
enum cc_status cc_h5_var_write_all(struct cc_h5_var *v, const void *buf);

/* Closes V and frees it. Accepts NULL. */
enum cc_status cc_h5_var_close(struct cc_h5_var *v);

/* A one-dimensional variable of N strings over dimension DIM of GROUP (e.g. clock labels). */
enum cc_status cc_h5_var_strings(struct cc_h5_file *f, const char *group, const char *name,
                                 const char *dim, size_t n, const char *const *values,
                                 const char *long_name, const char *description);

/* Field types of a table row. CC_H5_ENUM8 is a uint8_t stored as an HDF5 enum type. */
enum cc_h5_type { CC_H5_F64, CC_H5_I64, CC_H5_I32, CC_H5_ENUM8 };

/*
 * One field of a table row: this descriptor table drives the HDF5 compound type, the
 * per-field attributes ("<name>_units", "<name>_description" on the dataset) and the
 * documentation. ENUM_NAMES lists the names of codes 0..n-1 (NULL-terminated) for
 * CC_H5_ENUM8 fields and is NULL otherwise.
 */
struct cc_h5_field {
	const char *name;
	size_t offset;
	enum cc_h5_type type;
	const char *units;
	const char *description;
	const char *const *enum_names;
};

struct cc_h5_table;

/*
 * Creates an empty, extendible table at PATH whose rows are C structs of ROW_SIZE bytes laid
 * out as FIELDS says. Rows are chunked CHUNK_ROWS at a time, shuffled and deflated. On
 * failure *OUT is NULL and the error is kept on F.
 */
enum cc_status cc_h5_table_create(struct cc_h5_file *f, const char *path,
                                  const struct cc_h5_field *fields, size_t nfields,
                                  size_t row_size, size_t chunk_rows, const char *description,
                                  struct cc_h5_table **out);

/* Appends N rows (an array of row structs) at the end of the table in one write. */
enum cc_status cc_h5_table_append(struct cc_h5_table *t, const void *rows, size_t n);

/* Closes the table and frees T. Accepts NULL. */
enum cc_status cc_h5_table_close(struct cc_h5_table *t);

#endif
