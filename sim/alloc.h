#ifndef CC_ALLOC_H
#define CC_ALLOC_H

#include <stddef.h>

/*
 * Allocation wrappers. They never return NULL: on exhaustion they print one line and abort,
 * so no caller checks. cc_free accepts NULL. Sizes are multiplied with an overflow check.
 */

void *cc_malloc(size_t size);
void *cc_calloc(size_t count, size_t size);
void *cc_realloc(void *ptr, size_t count, size_t size);
char *cc_strdup(const char *s);
void cc_free(void *ptr);

/* Allocates an array of COUNT objects of the pointee type of P, zeroed. */
#define CC_NEW_ARRAY(p, count) ((p) = cc_calloc((count), sizeof *(p)))
/* Frees P and sets it to NULL. */
#define CC_FREE_NULL(p) (cc_free(p), (p) = NULL)

#endif
