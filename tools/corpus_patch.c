/*
 * corpus_patch.c - the helper of tools/corpus_patch.sh:
 *
 *   corpus-patch SOLUTION          prints the base that corpus patches are
 *                                  taken against
 *   corpus-patch SOLUTION PATCH    prints the corpus file the patch rebuilds
 *
 * Both use tests/support/corpus_patch.c, as tests/test_corpus.c does, so a
 * patch made with the script applies in the test.
 */
#include <stdio.h>
#include <stdlib.h>

#include "support/corpus_patch.h"
#include "support/harness.h"

int main(int argc, char **argv)
{
	char *solution, *base, *patch = NULL, *out = NULL, error[300];
	int status = 0;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: corpus-patch SOLUTION [PATCH]\n");
		return 2;
	}
	if (!(solution = harness_read_file(argv[1]))) {
		fprintf(stderr, "%s: cannot read it; name a file of solutions/\n",
			argv[1]);
		return 1;
	}
	base = corpus_patch_base(solution);
	if (argc == 3 && !(patch = harness_read_file(argv[2]))) {
		fprintf(stderr, "%s: cannot read it; name a .patch file of a "
			"corpus folder\n", argv[2]);
		status = 1;
	} else if (patch && corpus_patch_apply(base, patch, &out, error,
					       sizeof error)) {
		fprintf(stderr, "%s: does not apply to %s: %s\n", argv[2],
			argv[1], error);
		status = 1;
	} else {
		fputs(out ? out : base, stdout);
	}
	free(out);
	free(patch);
	free(base);
	free(solution);
	return status;
}
