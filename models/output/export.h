#ifndef CC_EXPORT_H
#define CC_EXPORT_H

#include <stddef.h>

#include "sim/status.h"

/*
 * Results files as tidy CSV tables for spreadsheets, pandas and R: one file per figure owner
 * and view, one row per (interval or replication, entity), a clock-time column, and every
 * figure as a column (its mean and, for summaries, its 95 % half-width "<figure>_ci95"), with
 * its units in the header ("asa_s [s]"; ratios and counts have none). Read from the file, so
 * `ccsim run --csv` and `ccsim export` write the same bytes.
 *
 * Files written in DIR (made if missing), for each owner (queues, groups, statuses,
 * channels, group_channels) in the file:
 *   <owner>_intervals.csv              per interval, mean and half-width across replications
 *   <owner>_totals.csv                 over the whole horizon after warm-up
 *   <owner>_replications.csv           each replication's totals
 *   <owner>_replication_intervals.csv  each replication's interval figures, when the file has
 *                                      them (output.replications = "intervals")
 * and counts.csv, each replication's whole-run counts. Values are written exactly (the
 * shortest decimal that reads back as the stored double); an undefined figure is an empty
 * field. Each file is written under a temporary name and renamed into place.
 */
enum cc_status cc_export_csv(const char *h5_path, const char *dir, char *err, size_t errlen);

#endif
