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
 * the temporary file. Every dataset carries "units" and "description" string attributes;
 * axes are HDF5 dimension scales, attached to the datasets that use them, so h5py, R and
 * Octave see labelled dimensions. Tables (one row per record) are chunked, shuffled and
 * deflated, and appended in blocks.
 *
 * Every function checks every HDF5 return. On failure it returns CC_ERR_IO and keeps a
 * message that cc_h5_error() returns; later calls on the same file return CC_ERR_IO at
 * once, so a writer may check only its last call. Paths are absolute HDF5 paths
 * ("/queues/offered"); missing parent groups are created.
 *
 * Large dense arrays (64 KiB and more) are chunked and compressed too. Tables carry a
 * "description" and, per field, "<name>_units" and "<name>_description"; string axes have
 * empty units. NULL units or descriptions are stored as "".
 *
 * Tables still open at cc_h5_commit or cc_h5_abort are closed with the file: rows appended
 * so far are kept (commit) and later appends fail; cc_h5_table_close then only frees.
 *
 * Bugs are asserts: relative paths, NULL values, more than 256 enum names, fields that
 * overrun the row. ERR arguments may be NULL or empty, and read "" on success.
 *
 * Not thread-safe: one thread writes a file. cc_h5_create turns off HDF5's own error
 * printing for the whole process; temporary names carry the process id, so two writers in
 * one process must not target the same path.
 */

struct cc_h5_file;

/* Opens PATH's temporary sibling for writing. On failure *OUT is NULL and ERR holds why. */
enum cc_status cc_h5_create(const char *path, struct cc_h5_file **out, char *err, size_t errlen);

/* Closes the file and renames it to its final path; frees F whatever happens. */
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

/* One-dimensional axes, made into dimension scales named by their last path component. */
enum cc_status cc_h5_axis_doubles(struct cc_h5_file *f, const char *path, size_t n,
                                  const double *values, const char *units,
                                  const char *description);
enum cc_status cc_h5_axis_int64(struct cc_h5_file *f, const char *path, size_t n,
                                const int64_t *values, const char *units,
                                const char *description);
enum cc_status cc_h5_axis_strings(struct cc_h5_file *f, const char *path, size_t n,
                                  const char *const *values, const char *description);

/*
 * A dense array of doubles of RANK dimensions DIMS (row-major, as C stores it). AXES, if not
 * NULL, holds RANK paths of axes made by the cc_h5_axis_* functions (an entry may be NULL for
 * an unlabelled dimension); each is attached as that dimension's scale. NaN is stored as is.
 */
enum cc_status cc_h5_write_doubles(struct cc_h5_file *f, const char *path, int rank,
                                   const size_t *dims, const double *data, const char *units,
                                   const char *description, const char *const *axes);

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
