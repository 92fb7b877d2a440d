/*
 * test_unit_corpus_patch.c - the corpus patch applier
 * (tests/support/corpus_patch.h): the base of a solution, applying unified
 * diffs exactly, and refusing every patch that does not fit.  That every
 * patch of tests/corpus applies is checked by tests/test_corpus.c.
 */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#include "support/corpus_patch.h"

static const char base[] = "one\ntwo\nthree\nfour\nfive\nsix\nseven\n";

/* Applies patch to base; the result, or NULL with the error in error. */
static char *apply(const char *text, const char *patch, char *error)
{
	char *out;

	if (corpus_patch_apply(text, patch, &out, error, 300))
		return NULL;
	return out;
}

static void expect_result(const char *patch, const char *want)
{
	char error[300] = "", *out = apply(base, patch, error);

	cr_assert(out, "the patch was refused: %s", error);
	cr_expect_str_eq(out, want);
	free(out);
}

static void expect_refused(const char *patch, const char *says)
{
	char error[300] = "", *out = apply(base, patch, error);

	cr_expect_null(out, "the patch was applied: %s", out);
	cr_expect(strstr(error, says), "the error \"%s\" does not say \"%s\"",
		  error, says);
	free(out);
}

Test(corpus_patch, base_drops_markers_and_stubs)
{
	const char *solution =
		"/* BEGIN SOLUTION */\n/* about */\n/* END SOLUTION */\n"
		"double f(void)\n{\n\t/* BEGIN SOLUTION */\n\treturn 1.0;\n"
		"\t/* END SOLUTION */\n\t/* BEGIN STUB\n\t// TODO\n"
		"\treturn workbook_todo(__func__);\n\tEND STUB */\n}\n";
	char *text = corpus_patch_base(solution);

	cr_assert_str_eq(text, "/* about */\ndouble f(void)\n{\n"
			 "\treturn 1.0;\n}\n");
	free(text);
}

Test(corpus_patch, empty_patch_gives_the_base)
{
	expect_result("", base);
	expect_result("--- a\n+++ b\n", base);
}

Test(corpus_patch, replaces_inserts_and_removes)
{
	expect_result("--- solutions/x.c\n+++ x.c\n"
		      "@@ -1,3 +1,4 @@\n+zero\n one\n two\n three\n"
		      "@@ -4,4 +5,3 @@\n four\n-five\n+FIVE\n six\n-seven\n",
		      "zero\none\ntwo\nthree\nfour\nFIVE\nsix\n");
}

Test(corpus_patch, empty_old_range_inserts_after_its_line)
{
	expect_result("@@ -7,0 +8,1 @@\n+eight\n", "one\ntwo\nthree\nfour\n"
		      "five\nsix\nseven\neight\n");
	expect_result("@@ -0,0 +1 @@\n+zero\n", "zero\none\ntwo\nthree\nfour\n"
		      "five\nsix\nseven\n");
}

Test(corpus_patch, no_newline_at_end_of_file)
{
	expect_result("@@ -7 +7 @@\n-seven\n+seven\n\\ No newline at end of file\n",
		      "one\ntwo\nthree\nfour\nfive\nsix\nseven");
	expect_refused("@@ -7 +7 @@\n-seven\n\\ No newline at end of file\n"
		       "+SEVEN\n", "base line 7");
}

Test(corpus_patch, refuses_changed_context)
{
	expect_refused("@@ -1,2 +1,2 @@\n one\n-TWO\n+2\n",
		       "base line 2 is \"two\", the patch expects \"TWO\"");
}

Test(corpus_patch, refuses_a_hunk_at_another_line)
{
	/* The lines exist, one further down: no offsets are guessed. */
	expect_refused("@@ -2,2 +2,2 @@\n three\n-four\n+4\n", "base line 2");
}

Test(corpus_patch, refuses_malformed_patches)
{
	expect_refused("@@ -1,2 +1,2 @@\n one\n", "ends inside a hunk");
	expect_refused("@@ -1,1 +1,2 @@\n-one\n-two\n", "more lines than");
	expect_refused("@@ -1,1 +1,1 @@\n-one\n+1\n+2\n",
		       "\"+2\" is not a hunk header");
	expect_refused("@@ one @@\n", "is not a hunk header");
	expect_refused("@@ -1,1 +1,1 @@\n*one\n", "is not a line of a hunk");
	expect_refused("@@ -5,1 +5,1 @@\n-five\n+5\n@@ -1,1 +1,1 @@\n-one\n+1\n",
		       "outside lines 6 to 7");
	expect_refused("@@ -9,1 +9,1 @@\n-nine\n+9\n", "outside lines");
	expect_refused("@@ -1,1 +3,1 @@\n-one\n+1\n", "starts at line 3");
}
