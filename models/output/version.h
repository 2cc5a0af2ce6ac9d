#ifndef CC_VERSION_H
#define CC_VERSION_H

/* The version written into every results file and printed by --version. */
#define CC_VERSION "0.1.0"

#endif
