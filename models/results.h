#ifndef CC_RESULTS_H
#define CC_RESULTS_H

#include <stddef.h>

#include "models/run.h"

/*
 * The results file of a run (layout documented in results/README.md).
 *
 * cc_results_open creates the file under a temporary name before the run starts, so an
 * unwritable path fails at once, and prepares the contact-record table and the agent-event
 * table when the scenario asks for them; cc_results_append_records and
 * cc_results_append_events are the run's on_records and on_events callbacks;
 * cc_results_close writes the figures and axes and renames the file into place. cc_results_discard removes everything
 * after a failure: no partial file is left behind.
 */

struct cc_results;

enum cc_status cc_results_open(const char *path, const struct cc_scenario *scn,
                               struct cc_results **out, char *err, size_t errlen);

/* An on_records callback for struct cc_run; CTX is the struct cc_results. */
int cc_results_append_records(void *ctx, const struct cc_contact_record *rows, size_t n);

/* An on_events callback for struct cc_run; CTX is the struct cc_results. Does nothing when
 * the scenario did not ask for agent events. */
int cc_results_append_events(void *ctx, const struct cc_agent_event *rows, size_t n);

/* Writes everything RUN measured and commits the file; frees R whatever happens. */
enum cc_status cc_results_close(struct cc_results *r, const struct cc_run *run, char *err,
                                size_t errlen);

/* Removes the temporary file and frees R. Accepts NULL. */
void cc_results_discard(struct cc_results *r);

/* The default path of a scenario's results: results/<name>.h5. */
void cc_results_default_path(const struct cc_scenario *scn, char *buf, size_t len);

#endif
