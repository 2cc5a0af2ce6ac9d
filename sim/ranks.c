/* One process, no MPI: the ranks of sim/ranks.h in the default build. ./ccsim-mpi links
 * sim/mpi/ranks_mpi.c in its place. */
#include "ranks.h"

#include <string.h>

#include "status.h"

void cc_ranks_init(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
}

int cc_ranks_finish(int rc, int shared)
{
	(void)shared;
	return rc;
}

int cc_ranks_size(void)
{
	return 1;
}

int cc_ranks_rank(void)
{
	return 0;
}

int cc_ranks_writer(void)
{
	return 1;
}

int cc_ranks_bcast(void *buf, size_t bytes, int root)
{
	(void)buf;
	(void)bytes;
	CC_ASSERT(root == 0);
	return 0;
}

int cc_ranks_scatter(const void *send, const size_t *bytes, void *recv, int root)
{
	CC_ASSERT(root == 0);
	memmove(recv, send, bytes[0]);
	return 0;
}

int cc_ranks_allgather(void *buf, const size_t *bytes)
{
	(void)buf;
	(void)bytes;
	return 0;
}

int cc_ranks_send(const void *buf, size_t bytes, int to)
{
	(void)buf;
	(void)bytes;
	(void)to;
	CC_ASSERT(!"a message to another rank with one rank");
	return -1;
}

int cc_ranks_recv(void *buf, size_t bytes, int from)
{
	(void)buf;
	(void)bytes;
	(void)from;
	CC_ASSERT(!"a message from another rank with one rank");
	return -1;
}

void cc_ranks_watch(const atomic_int *stop)
{
	(void)stop;
}
