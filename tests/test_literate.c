/*
 * test_literate.c - the chapters' code cannot drift from the library:
 * every ```c block compiles (-fsyntax-only, workbook.h first), and every
 * ```c example is linked with the reference solutions, run, and its
 * output compared with the ```output block after it.
 *
 * The chapters come from $BOOK_LITERATE (space-separated paths; make
 * test-book passes the chapters and the fixtures), the library from
 * $BOOK_SOLUTIONS (default build/libbook.a build/libsolutions.a: the
 * book's helpers of chapter 9, book/softreg.h and friends, then the
 * reference solutions).  Run from the top of the repository
 * (include/workbook.h and the headers in book/).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "support/harness.h"

#include "../book/literate.h"

#define CC "cc -std=gnu11 -Wall -Iinclude -Ibook -include include/workbook.h"

static char workdir[] = "/tmp/book-literate-XXXXXX";

static void make_workdir(void)
{
	cr_assert(mkdtemp(workdir), "cannot create a temporary folder");
}

static void remove_workdir(void)
{
	harness_remove(workdir);
}

/* A work file's content ("" if missing), malloc'd. */
static char *read_file(const char *name)
{
	char *path = harness_join(workdir, name), *text;

	text = harness_read_text(path);
	free(path);
	return text;
}

/* Returns NULL when the block compiles, else the compiler's messages. */
static char *compile_block(const struct literate_block *block)
{
	char command[1024];

	harness_write_text(workdir, "block.c", block->code);
	snprintf(command, sizeof(command),
		 CC " -fsyntax-only %s/block.c 2>%s/log", workdir, workdir);
	return system(command) == 0 ? NULL : read_file("log");
}

/* Returns NULL when the example prints exactly the expected output, else
 * what went wrong: the compiler's messages or a unified diff. */
static char *run_example(const struct literate_block *block,
			 const char *solutions)
{
	char command[1536];
	char *actual, *expected;

	harness_write_text(workdir, "example.c", block->code);
	harness_write_text(workdir, "expected",
			   block->expected ? block->expected : "");
	snprintf(command, sizeof(command),
		 CC " -o %s/example %s/example.c %s -lm 2>%s/log", workdir,
		 workdir, solutions, workdir);
	if (system(command) != 0)
		return read_file("log");
	snprintf(command, sizeof(command),
		 "timeout 10 %s/example >%s/actual 2>%s/log", workdir, workdir,
		 workdir);
	if (system(command) != 0)
		return read_file("log");
	actual = read_file("actual");
	expected = read_file("expected");
	if (!strcmp(actual, expected)) {
		free(actual);
		free(expected);
		return NULL;
	}
	free(actual);
	free(expected);
	snprintf(command, sizeof(command),
		 "cd %s && diff -u --label expected --label actual expected actual >log",
		 workdir);
	if (system(command) == -1)
		return strdup("the output differs (diff failed to run)");
	return read_file("log");
}

static const char *solutions_library(void)
{
	const char *lib = getenv("BOOK_SOLUTIONS");

	return lib && *lib ? lib : "build/libbook.a build/libsolutions.a";
}

/* Checks every block of kind in one chapter; returns the failures. */
static int check_chapter(const char *path, enum literate_kind kind)
{
	struct book_chapter ch = BOOK_CHAPTER_INIT;
	struct book_error err = BOOK_ERROR_INIT;
	struct literate lit = LITERATE_INIT;
	int failures = 0;
	size_t i;

	if (book_chapter_load(&ch, path, &err) ||
	    book_chapter_validate(&ch, &err)) {
		cr_log_error("%s", err.text);
		book_chapter_release(&ch);
		return 1;
	}
	literate_extract(&lit, &ch);
	for (i = 0; i < lit.n; i++) {
		const struct literate_block *b = &lit.blocks[i];
		char *problem;

		if (b->kind != kind)
			continue;
		problem = kind == LITERATE_C ? compile_block(b) :
			run_example(b, solutions_library());
		if (problem) {
			cr_log_error("%s:%d: %s\n%s", path, b->line,
				     kind == LITERATE_C ?
				     "this ```c block does not compile" :
				     "this ```c example does not print its ```output block",
				     problem);
			failures++;
		}
		free(problem);
	}
	literate_release(&lit);
	book_chapter_release(&ch);
	return failures;
}

/* Every chapter named in $BOOK_LITERATE. */
static int check_all(enum literate_kind kind)
{
	const char *list = getenv("BOOK_LITERATE");
	char *copy = strdup(list ? list : ""), *save = NULL, *path;
	int failures = 0, chapters = 0;

	for (path = strtok_r(copy, " \t\n", &save); path;
	     path = strtok_r(NULL, " \t\n", &save), chapters++)
		failures += check_chapter(path, kind);
	free(copy);
	cr_expect_gt(chapters, 0, "BOOK_LITERATE names no chapters");
	return failures;
}

TestSuite(literate, .init = make_workdir, .fini = remove_workdir,
	  .timeout = 120);

Test(literate, c_blocks_compile)
{
	int failures = check_all(LITERATE_C);

	cr_expect_eq(failures, 0, "%d ```c block(s) do not compile (see above)",
		     failures);
}

Test(literate, examples_print_their_output)
{
	int failures = check_all(LITERATE_EXAMPLE);

	cr_expect_eq(failures, 0,
		     "%d ```c example(s) do not print their ```output (see above)",
		     failures);
}

/* The checker itself: a wrong output block must be caught, with a diff. */
Test(literate, a_drifted_example_is_caught)
{
	struct book_chapter ch = BOOK_CHAPTER_INIT;
	struct book_error err = BOOK_ERROR_INIT;
	struct literate lit = LITERATE_INIT;
	const char *text =
		"# T\n\n```c example\n#include <stdio.h>\nint main(void)\n"
		"{\n\tprintf(\"%.3f\\n\", sigmoid(0.0));\n\treturn 0;\n}\n```\n"
		"\n```output\n0.250\n```\n\n```c\nint broken(void) { return }\n```\n";
	char *problem;

	cr_assert_eq(book_chapter_parse(&ch, "drift.md", text, strlen(text), &err), 0);
	cr_assert_eq(book_chapter_validate(&ch, &err), 0, "%s", err.text);
	literate_extract(&lit, &ch);
	cr_assert_eq(lit.n, 2);
	cr_expect_eq(lit.blocks[0].kind, LITERATE_EXAMPLE);
	cr_expect_eq(lit.blocks[0].line, 3);
	cr_expect_eq(lit.blocks[0].expected_line, 12);
	problem = run_example(&lit.blocks[0], solutions_library());
	cr_expect(problem && strstr(problem, "-0.250") && strstr(problem, "+0.500"),
		  "expected a diff, got: %s", problem ? problem : "(nothing)");
	free(problem);
	problem = compile_block(&lit.blocks[1]);
	cr_expect_not_null(problem, "a broken ```c block compiled");
	free(problem);
	literate_release(&lit);
	book_chapter_release(&ch);
}
