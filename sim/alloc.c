#include "alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"

static _Noreturn void out_of_memory(size_t size)
{
	fprintf(stderr, "%sout of memory (asked for %zu bytes)\n", cc_status_prefix(), size);
	abort();
}

void *cc_malloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *cc_calloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory(count * size);
	return p;
}

void *cc_realloc(void *ptr, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	size_t bytes = count * size;
	void *p = realloc(ptr, bytes ? bytes : 1);
	if (!p)
		out_of_memory(bytes);
	return p;
}

char *cc_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = cc_malloc(n);
	memcpy(p, s, n);
	return p;
}

void cc_free(void *ptr)
{
	free(ptr);
}
