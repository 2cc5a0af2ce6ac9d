/*
 * The maintainers' tool behind `make results-doc`: rewrites the generated parts of a Markdown
 * file (results/README.md) from the descriptors, or prints one part.
 *
 *   results_doc FILE        rewrite FILE's stale parts; say how many there were
 *   results_doc --check FILE  exit 1 when a part is stale, naming the first
 *   results_doc --part NAME   print part NAME
 */
#include <stdio.h>
#include <string.h>

#include "models/output/doc.h"

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--part") == 0)
		return cc_doc_part(stdout, argv[2]) ? 0 : 2;
	int check = argc == 3 && strcmp(argv[1], "--check") == 0;
	if (argc != 2 && !check) {
		fprintf(stderr, "usage: results_doc [--check] FILE | --part NAME\n");
		return 2;
	}
	const char *path = argv[argc - 1];
	char err[512];
	int stale;
	if (cc_doc_update(path, !check, &stale, err, sizeof err) != CC_OK) {
		fprintf(stderr, "results_doc: %s\n", err);
		return 1;
	}
	if (check && stale) {
		fprintf(stderr, "results_doc: %s\n", err);
		return 1;
	}
	if (!check)
		printf("%s: %d generated part%s rewritten\n", path, stale, stale == 1 ? "" : "s");
	return 0;
}
