/*
 * test_unit_hints.c - the hint texts: every contract function has at least
 * three of its own, every check with hints is a check some suite has, and
 * every hint cites a section of a chapter its student has read.  Reads
 * grader/suites/ from the project's root (where make runs the tests).
 * Well under a second.
 */
#define _GNU_SOURCE /* asprintf */
#include <criterion/criterion.h>

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "hints/hints_table.h"
#include "support/harness.h"

enum { MIN_FUNCTION_HINTS = 3 };

Test(hints, every_contract_function_has_three_hints)
{
	for (size_t i = 0; i < catalog_count(); i++)
		for (const char *const *f = catalog_exercise_at(i)->functions;
		     *f; f++) {
			const struct hints_entry *entry = hints_find(*f, NULL);

			cr_expect(entry && !entry->check, "%s has no hints", *f);
			if (entry)
				cr_expect_geq(hints_length(entry),
					      MIN_FUNCTION_HINTS,
					      "%s has %zu hints", *f,
					      hints_length(entry));
		}
}

Test(hints, entries_are_unique_and_name_contract_functions)
{
	const struct hints_entry *a, *b;

	for (size_t i = 0; (a = hints_at(i)); i++) {
		cr_expect(catalog_find_function(a->function),
			  "hints for %s, which is no contract function",
			  a->function);
		cr_expect_geq(hints_length(a), 1, "%s/%s has no hint",
			      a->function, a->check ? a->check : "*");
		for (size_t j = i + 1; (b = hints_at(j)); j++)
			cr_expect(strcmp(a->function, b->function) ||
				  (a->check ? !b->check ||
					      strcmp(a->check, b->check) :
					      b->check != NULL),
				  "%s/%s is listed twice", a->function,
				  a->check ? a->check : "*");
	}
}

/* Every "WB_TEST(function, check" and "WB_HIDDEN_TEST(..." of the suites. */
static char *suite_checks(void)
{
	glob_t found;
	size_t len = 0;
	char *all = calloc(1, 1);

	cr_assert_eq(glob("grader/suites/[0-9][0-9]_*.c", 0, NULL, &found), 0,
		     "no suites: run the test from the project's root");
	for (size_t i = 0; i < found.gl_pathc; i++) {
		char *text = harness_read_file(found.gl_pathv[i]);
		size_t n = strlen(text);

		all = realloc(all, len + n + 1);
		memcpy(all + len, text, n + 1);
		len += n;
		free(text);
	}
	globfree(&found);
	return all;
}

static bool suite_has(const char *suites, const char *function,
		      const char *check)
{
	char needle[256];

	snprintf(needle, sizeof needle, "TEST(%s, %s,", function, check);
	return strstr(suites, needle) != NULL;
}

Test(hints, every_check_with_hints_exists_in_a_suite)
{
	char *suites = suite_checks();
	const struct hints_entry *entry;

	for (size_t i = 0; (entry = hints_at(i)); i++)
		if (entry->check)
			cr_expect(suite_has(suites, entry->function,
					    entry->check),
				  "hints for %s/%s, a check no suite has",
				  entry->function, entry->check);
	free(suites);
}

/*
 * Each "chapter N, \"Title\"" of a hint points at the chapter of the
 * hint's exercise or an earlier one (the book teaches a mistake before the
 * exercise that asks the student to avoid it), or at the chapter the
 * manifest names for the function (02_bce.c's gradient is derived in
 * chapter 3, and chapter 2's exercise says so).  That the section exists
 * and says what the hint names is test_unit_fairness.c's to check, against
 * the chapters themselves.
 */
static void check_citations(const struct hints_entry *e, const char *hint)
{
	const struct catalog_exercise *exercise =
		catalog_exercise_of(e->function);
	const struct catalog_function *function =
		catalog_find_function(e->function);
	const char *p = hint;
	int cited = 0, last;

	cr_assert(exercise && function, "hints for %s, which is no contract "
		  "function", e->function);
	last = exercise->chapter > function->chapter ? exercise->chapter :
						       function->chapter;
	while ((p = strstr(p, "chapter "))) {
		int chapter;
		char title[200];

		if (sscanf(p, "chapter %d, \"%199[^\"]\"", &chapter, title) != 2) {
			p++;
			continue;
		}
		cited++;
		cr_expect(chapter >= 1 && chapter <= last,
			  "%s/%s cites chapter %d, \"%s\", which %s's students "
			  "have not read yet (it is chapter %d's exercise, and "
			  "include/curriculum.def points %s at chapter %d)",
			  e->function, e->check ? e->check : "*", chapter,
			  title, exercise->file, exercise->chapter,
			  e->function, function->chapter);
		p++;
	}
	cr_expect_geq(cited, 1, "%s/%s: a hint cites no section: %s",
		      e->function, e->check ? e->check : "*", hint);
}

Test(hints, every_hint_cites_a_chapter_already_read)
{
	const struct hints_entry *entry;

	for (size_t i = 0; (entry = hints_at(i)); i++)
		for (size_t h = 0; entry->hints[h]; h++)
			check_citations(entry, entry->hints[h]);
}

Test(hints, a_check_without_hints_falls_back_to_the_function)
{
	const struct hints_entry *entry = hints_find("sigmoid", "no_such_check");

	cr_assert(entry);
	cr_expect_null(entry->check);
	cr_expect_str_eq(entry->function, "sigmoid");
	entry = hints_find("sigmoid_grad", "right_tail");
	cr_assert(entry);
	cr_expect_str_eq(entry->check, "right_tail");
	cr_expect_null(hints_find("no_such_function", NULL));
}

Test(hints, the_sequence_starts_with_the_failing_check_then_goes_general)
{
	const char *out[HINTS_MAX_SEQUENCE];
	const struct hints_entry *own = hints_find("sigmoid_grad", "right_tail");
	const struct hints_entry *general = hints_find("sigmoid_grad", NULL);
	const char *first = "the check's own hint (chapter 1, \"Saturation\")";
	size_t n = hints_sequence("sigmoid_grad", "right_tail", first, out);
	size_t mine = hints_length(own);

	cr_assert_eq(n, 1 + mine + hints_length(general));
	cr_expect_eq(out[0], first);
	for (size_t i = 0; i < mine; i++)
		cr_expect_eq(out[1 + i], own->hints[i], "hint %zu", i + 1);
	for (size_t i = 0; i < hints_length(general); i++)
		cr_expect_eq(out[1 + mine + i], general->hints[i]);
	/* The check's own hint given again is not shown twice. */
	n = hints_sequence("sigmoid_grad", "right_tail", own->hints[0], out);
	cr_expect_eq(n, mine + hints_length(general));
	/* Not written yet: the general hints only. */
	n = hints_sequence("sigmoid_grad", NULL, NULL, out);
	cr_expect_eq(n, hints_length(general));
	cr_expect_eq(out[0], general->hints[0]);
	cr_expect_eq(hints_sequence("no_such_function", NULL, NULL, out), 0);
}
