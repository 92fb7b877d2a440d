/*
 * test_unit_discover.c - finding the exercise files of a submission: at
 * any depth, the shallowest copy first, hidden entries and links left
 * out, misnamed files guessed ("did you mean") once per missing file,
 * other files noted, never an absolute path.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/discover.h"
#include "support/harness.h"

static void put(const char *root, const char *path)
{
	char *full = harness_join(root, path), *slash;

	for (slash = strchr(full + strlen(root) + 1, '/'); slash;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(full, 0755);
		*slash = '/';
	}
	harness_write_file(full, "int x;\n", 7);
	free(full);
}

static void discover(struct discovery *d, const char *root)
{
	struct strbuf error;

	strbuf_init(&error);
	discovery_init(d);
	cr_assert_eq(discover_exercises(d, root, &error), 0, "%s", error.buf);
	strbuf_release(&error);
}

static size_t count(const char *text, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(text, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

Test(discover, finds_files_at_any_depth_shallowest_first)
{
	char *root = harness_tempdir();
	struct discovery d;

	put(root, "workbook/exercises/01_sigmoid.c");
	put(root, "workbook/exercises/02_bce.c");
	put(root, "02_bce.c");
	put(root, "b/03_gradcheck.c");
	put(root, "a/03_gradcheck.c");
	put(root, ".git/04_logreg.c");
	put(root, "__MACOSX/05_mse.c");
	discover(&d, root);
	cr_assert_str_eq(d.files[0], "workbook/exercises/01_sigmoid.c");
	cr_assert_str_eq(d.files[1], "02_bce.c");
	cr_assert_str_eq(d.files[2], "a/03_gradcheck.c", "byte order breaks ties");
	cr_assert_null(d.files[3], "hidden folders are not looked into");
	cr_assert_null(d.files[4], "__MACOSX is not looked into");
	cr_assert_eq(d.found, 3);
	cr_assert_eq(d.copies_nr, 2);
	discovery_release(&d);
	harness_remove(root);
	free(root);
}

Test(discover, links_are_not_followed)
{
	char *root = harness_tempdir(), *link;
	struct discovery d;

	put(root, "real/x.txt");
	cr_assert(asprintf(&link, "%s/02_bce.c", root) > 0);
	cr_assert_eq(symlink("/etc/passwd", link), 0);
	discover(&d, root);
	cr_assert_eq(d.found, 0);
	discovery_release(&d);
	free(link);
	harness_remove(root);
	free(root);
}

Test(discover, guesses_misnamed_files)
{
	static const char *const names[] = {
		"bce.c", "02_BCE.c", "02_bce (1).c", "02_bce.c.txt", "02-bce.c",
		"x/2_bce.c",
	};

	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		const struct catalog_exercise *e = discover_guess(names[i]);

		cr_assert_not_null(e, "%s: no guess", names[i]);
		cr_assert_str_eq(e->file, "02_bce.c", "%s", names[i]);
	}
	cr_assert_null(discover_guess("data.bin"));
	cr_assert_null(discover_guess("main.c"));
	cr_assert_null(discover_guess("Makefile"));
}

Test(discover, one_did_you_mean_per_missing_file)
{
	char *root = harness_tempdir();
	struct discovery d;
	struct strbuf notes;

	put(root, "bce.c");
	put(root, "02_BCE.c");
	put(root, "02_bce (1).c");
	put(root, "02_bce.c.txt");
	put(root, "01_sigmoid.c");
	put(root, "sigmoid (1).c");	/* 01_sigmoid.c is there: just skipped */
	put(root, "data.bin");
	discover(&d, root);
	strbuf_init(&notes);
	discovery_notes(&d, &notes);
	cr_assert_eq(count(notes.buf, "did you mean 02_bce.c?"), 1, "%s",
		     notes.buf);
	cr_assert(strstr(notes.buf, "02_bce.c is missing, but found 02_BCE.c, "
			 "02_bce (1).c, 02_bce.c.txt, bce.c:"), "%s", notes.buf);
	cr_assert_eq(count(notes.buf, "did you mean"), 1, "%s", notes.buf);
	cr_assert(strstr(notes.buf, "Not graded (they are no exercise file): "
			 "data.bin, sigmoid (1).c."), "%s", notes.buf);
	cr_assert_null(strstr(notes.buf, root), "no absolute path: %s",
		       notes.buf);
	strbuf_release(&notes);
	discovery_release(&d);
	harness_remove(root);
	free(root);
}

Test(discover, skipped_names_from_an_archive_count_too)
{
	char *root = harness_tempdir();
	struct discovery d;
	struct strbuf notes;

	discover(&d, root);
	discovery_add_other(&d, "hw/bce.c");
	discovery_add_other(&d, ".git/config");
	discovery_add_other(&d, "__MACOSX/._bce.c");
	strbuf_init(&notes);
	discovery_notes(&d, &notes);
	cr_assert_str_eq(notes.buf, "02_bce.c is missing, but found hw/bce.c: "
			 "did you mean 02_bce.c? Rename the file to exactly "
			 "02_bce.c (only files named as in exercises/ are "
			 "graded).\n");
	strbuf_release(&notes);
	discovery_release(&d);
	harness_remove(root);
	free(root);
}

Test(discover, shown_root_is_never_absolute)
{
	cr_assert_str_eq(discover_shown_root("exercises"), "exercises");
	cr_assert_str_eq(discover_shown_root("/tmp/submission.abc"), "");
	cr_assert_str_eq(discover_shown_root("."), "");
}

Test(discover, the_walk_is_bounded_in_depth)
{
	char *root = harness_tempdir();
	struct strbuf path, notes;
	struct discovery d;

	strbuf_init(&path);
	for (int i = 0; i <= DISCOVER_MAX_DEPTH; i++)
		strbuf_addstr(&path, "d/");
	strbuf_addstr(&path, "02_bce.c");
	put(root, path.buf);
	discover(&d, root);
	cr_assert_eq(d.found, 0);
	cr_assert(d.cut_short);
	strbuf_init(&notes);
	discovery_notes(&d, &notes);
	cr_assert(strstr(notes.buf, "stopped looking"), "%s", notes.buf);
	strbuf_release(&notes);
	strbuf_release(&path);
	discovery_release(&d);
	harness_remove(root);
	free(root);
}
