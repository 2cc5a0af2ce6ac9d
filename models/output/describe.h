#ifndef CC_DESCRIBE_H
#define CC_DESCRIBE_H

#include <stdio.h>

#include "models/scenario/scenario.h"

/*
 * What `ccsim check` prints of a valid scenario: its horizon, clock and routing, then each
 * queue line (as written, whatever its site), agent group, routing profile in use, the
 * statuses, offer timeouts and slowdowns, and the memory a run will take at its peak.
 */
void cc_describe_scenario(const struct cc_scenario *scn, FILE *out);

#endif
