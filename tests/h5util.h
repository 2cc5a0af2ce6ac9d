#ifndef CC_H5UTIL_H
#define CC_H5UTIL_H

/* Shared by the test binaries that read results files with the plain HDF5 C API (kept out of
 * testutil.h, which the others include without HDF5). */

#include "testutil.h"

#include <hdf5.h>

/* The whole dataset PATH of file F as doubles, which must be N values (free it with free()). */
static inline double *tu_read_doubles(hid_t f, const char *path, size_t n)
{
	hid_t d = H5Dopen2(f, path, H5P_DEFAULT);
	if (d < 0)
		fail_msg("%s is missing", path);
	hid_t s = H5Dget_space(d);
	assert_true(s >= 0);
	if ((size_t)H5Sget_simple_extent_npoints(s) != n)
		fail_msg("%s holds %lld values, not %zu", path, (long long)H5Sget_simple_extent_npoints(s), n);
	double *v = malloc(n * sizeof *v);
	assert_true(H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v) >= 0);
	H5Sclose(s);
	H5Dclose(d);
	return v;
}

#endif
