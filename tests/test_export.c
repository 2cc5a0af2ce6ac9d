/*
 * The CSV export (models/output/export.c) as users meet it: `run --csv` and `ccsim export`
 * write the same bytes, the tables agree with the results file as xarray (both engines),
 * h5py and R read it, with clock times and units in the header, and bad uses of export are
 * refused. Python checks run with Debian's /usr/bin/python3 (tests/check_results.py); the
 * R check runs when Rscript and hdf5r are installed.
 */
#include "cliutil.h"

/* The file, read by xarray and h5py, by the CSV export (run --csv and export give the same
 * bytes), by the JSON summary, and by R. */
static void test_export_readers_agree(void **state)
{
	(void)state;
	static char out[65536];
	assert_int_equal(run(out, sizeof out, "run %s/day.cfg -o %s/day.h5 --csv %s/csv --json > %s/day.json", dir, dir, dir, dir), 0);
	assert_int_equal(run(out, sizeof out, "export %s/day.h5 --csv %s/again", dir, dir), 0);
	assert_int_equal(sh("diff -r '%s/csv' '%s/again' >/dev/null", dir, dir), 0);
	assert_int_equal(sh("/usr/bin/python3 tests/check_results.py xarray '%s/day.h5'", dir), 0);
	assert_int_equal(sh("/usr/bin/python3 tests/check_results.py csv '%s/csv' '%s/day.h5'", dir, dir), 0);
	assert_int_equal(sh("/usr/bin/python3 tests/check_results.py json '%s/day.json' '%s/day.h5'", dir, dir), 0);
	/* Clock times in the CSV and JSON: the first interval is 07:00, with a start_s of 0. */
	char *csv = tu_read_file_or_fail(strcat(strcpy(out, dir), "/csv/queues_intervals.csv"));
	assert_non_null(strstr(csv, "\n07:00,0,sales,"));
	assert_non_null(strstr(csv, "\n16:30,34200,help,"));
	assert_non_null(strstr(csv, ",asa_s [s],asa_s_ci95 [s],"));
	free(csv);
	if (sh("command -v Rscript >/dev/null && Rscript -e 'library(hdf5r)' >/dev/null 2>&1") == 0)
		assert_int_equal(sh("Rscript tests/check_results.R '%s/day.h5' '%s/csv'", dir, dir), 0);
	else
		print_message("  R with hdf5r is not installed: the R reading is not checked\n");
	/* Bad uses of export. */
	assert_int_equal(run(out, sizeof out, "export %s/day.h5", dir), 2);
	assert_non_null(strstr(out, "usage: ccsim export FILE.h5 --csv DIR"));
	assert_int_equal(run(out, sizeof out, "export %s/day.cfg --csv %s/x", dir, dir), 1);
	assert_non_null(strstr(out, "not an HDF5 file"));
	assert_int_equal(run(out, sizeof out, "export %s/none.h5 --csv %s/x", dir, dir), 1);
	assert_non_null(strstr(out, "cannot open it"));
	unlink(strcat(strcpy(out, dir), "/day.h5"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_export_readers_agree),
	};
	return cmocka_run_group_tests(tests, setup_day, teardown);
}
