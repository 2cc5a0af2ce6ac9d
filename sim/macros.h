#ifndef CC_MACROS_H
#define CC_MACROS_H

#include <stddef.h>

/* The number of elements of array A (an array, not a pointer). */
#define CC_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* The TYPE object whose MEMBER is at PTR (an intrusive node back to its holder). */
#define CC_CONTAINER_OF(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))

#endif
