#ifndef CC_RESULTS_H
#define CC_RESULTS_H

#include <stddef.h>

#include "models/run/run.h"

/*
 * The results file of a run (layout documented in results/README.md), in the netCDF-4 data
 * model so that xarray, netCDF, h5py and R read it with no ccsim code.
 *
 * cc_results_open creates the file under a temporary name before the run starts, so an
 * unwritable path fails at once, with every group, dimension and variable the run will fill;
 * cc_results_sink is the run's sink, which writes figures, counts, contact records and agent
 * events in blocks as the run hands them over; cc_results_finish writes the summaries over
 * the whole horizon and the provenance, and cc_results_commit renames the file into place
 * (cc_results_close does both). cc_results_discard removes everything after a failure: no
 * partial file is left behind.
 */

struct cc_results;

enum cc_status cc_results_open(const char *path, const struct cc_scenario *scn,
                               struct cc_results **out, char *err, size_t errlen);

/* As cc_results_open, for a run whose replication count is decided as it goes (a run to a
 * precision): the replication dimensions start at the scenario's count, grow as replications
 * come, and are cut to the count run by cc_results_finish (netCDF sees them as unlimited). */
enum cc_status cc_results_open_growing(const char *path, const struct cc_scenario *scn,
                                       struct cc_results **out, char *err, size_t errlen);

/* The sink that writes a run into R. */
struct cc_run_sink cc_results_sink(struct cc_results *r);

/* Why writing failed, once the sink has stopped a run ("" when nothing failed). */
const char *cc_results_error(const struct cc_results *r);

/* Writes the rest of what RUN measured and closes the file, complete, under its temporary
 * name; then cc_results_commit puts it in place (and frees R), or cc_results_discard throws
 * it away (on failure too: after a failed finish R holds nothing more). */
enum cc_status cc_results_finish(struct cc_results *r, const struct cc_run *run, char *err,
                                 size_t errlen);
enum cc_status cc_results_commit(struct cc_results *r, char *err, size_t errlen);

/* Finish and commit; frees R whatever happens. */
enum cc_status cc_results_close(struct cc_results *r, const struct cc_run *run, char *err,
                                size_t errlen);

/* Removes the temporary file and frees R. Accepts NULL. */
void cc_results_discard(struct cc_results *r);

/* The default path of a scenario's results: results/<name>.h5. */
void cc_results_default_path(const struct cc_scenario *scn, char *buf, size_t len);

#endif
