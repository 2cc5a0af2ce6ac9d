#ifndef CC_H5READ_H
#define CC_H5READ_H

#include <stddef.h>
#include <stdint.h>

#include "status.h"

/*
 * Reading HDF5 files written in the netCDF-4 data model (see h5.h): groups and their
 * members, the shapes of datasets and the names of their dimensions, values as doubles or
 * strings, and string attributes. For exporting a results file; every call checks every
 * HDF5 return and reports a failure as "PATH: what".
 *
 * Arrays handed out are the caller's, freed with cc_free (string lists with
 * cc_h5_strings_free). Not thread-safe.
 */

struct cc_h5_reader;

enum cc_status cc_h5_reader_open(const char *path, struct cc_h5_reader **out, char *err,
                                 size_t errlen);
void cc_h5_reader_close(struct cc_h5_reader *r); /* accepts NULL */

/* The first error met, or "". */
const char *cc_h5_reader_error(const struct cc_h5_reader *r);

/* Whether PATH exists in the file and is a group (1), a dataset (2), or neither (0). */
int cc_h5_kind(struct cc_h5_reader *r, const char *path);

/* The names of GROUP's members, in name order. */
enum cc_status cc_h5_members(struct cc_h5_reader *r, const char *group, char ***names, size_t *n);

/* The rank and dimensions of dataset PATH (at most 8 dimensions). */
enum cc_status cc_h5_shape(struct cc_h5_reader *r, const char *path, int *rank, size_t *dims);

/* The names of the dimension scales attached to each dimension of PATH ("" where none). */
enum cc_status cc_h5_dim_names(struct cc_h5_reader *r, const char *path, char ***names, int *rank);

/* Dataset PATH whole, converted to doubles (numbers of any type) or to strings. */
enum cc_status cc_h5_read_doubles(struct cc_h5_reader *r, const char *path, double **values,
                                  size_t *n);
enum cc_status cc_h5_read_strings(struct cc_h5_reader *r, const char *path, char ***values,
                                  size_t *n);

/* String attribute NAME of object PATH, or NULL when it has none. */
char *cc_h5_read_attr(struct cc_h5_reader *r, const char *path, const char *name);

/* Numeric scalar attribute NAME of object PATH into *VALUE (converted, exactly for
 * integers into int64): 1, or 0 when it has none. */
int cc_h5_read_attr_double(struct cc_h5_reader *r, const char *path, const char *name,
                           double *value);
int cc_h5_read_attr_int64(struct cc_h5_reader *r, const char *path, const char *name,
                          int64_t *value);

void cc_h5_strings_free(char **values, size_t n);

#endif
