/*
 * test_unit_fairness.c - the fairness rule of docs/design.md ("Fairness:
 * the grader fails only what the book teaches"), checked against the text
 * of the chapters: every section a hint, a suite's message or a stub cites
 * exists in chapters/NN-title.md; every idea a hint names (a term of GLOSSARY) is
 * in the section it cites; every trap (HINTS_TRAPS, grader/hints/) names
 * a section that holds its key term and a check some suite has, and every
 * exercise has one.  Reads the
 * files from the project's root (where make runs the tests).  Well under a
 * second.
 */
#define _GNU_SOURCE /* asprintf, strcasestr */
#include <criterion/criterion.h>

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "hints/hints_table.h"
#include "support/harness.h"

/*
 * The ideas a hint may name.  A hint that uses one cites a section that
 * says it too (matched without case, as a part of a word: "cancel" finds
 * "cancellation").
 */
static const char *const GLOSSARY[] = {
	"subnormal", "DBL_MIN", "overflow", "underflow", "cancel", "log1p",
	"clip", "epsilon", "central", "symmetr", "saturat", "convex", "Gibbs",
	"one-hot", "log-sum-exp", "chain rule", "product rule", "0 log 0",
	"maximum", "simultaneous", NULL,
};

static void squeeze(char *title);

/* True when text opens with "# N. title", the chapter's own title. */
static bool chapter_title_is(const char *text, int chapter, const char *title)
{
	char *first;
	bool same;

	cr_assert(asprintf(&first, "# %d. %s\n", chapter, title) > 0);
	same = !strncmp(text, first, strlen(first));
	free(first);
	return same;
}

/* The text of chapter `chapter`'s section `title`: from its "## " heading
 * to the next one (malloc'd), or NULL when there is no such section. */
static char *section_text(int chapter, const char *title)
{
	char pattern[32], *heading, *text, *start, *end, *section = NULL;
	glob_t found;

	snprintf(pattern, sizeof pattern, "chapters/%02d-*.md", chapter);
	if (glob(pattern, 0, NULL, &found) != 0)
		return NULL;
	text = harness_read_file(found.gl_pathv[0]);
	globfree(&found);
	cr_assert(text, "cannot read chapter %d", chapter);
	cr_assert(asprintf(&heading, "\n## %s\n", title) > 0);
	start = strstr(text, heading);
	if (chapter_title_is(text, chapter, title))
		section = strdup(text);	/* the chapter as a whole */
	else if (start) {
		start += strlen("\n## ");	/* the title is part of it */
		end = strstr(start, "\n## ");
		section = strndup(start, end ? (size_t)(end - start) :
					       strlen(start));
	}
	free(heading);
	free(text);
	if (section)
		squeeze(section);
	return section;
}

/* A title broken over lines, in prose or a C comment, as one line:
 * "The gradient,\n * step by step" -> "The gradient, step by step". */
static void squeeze(char *title)
{
	char *out = title;

	for (const char *in = title; *in; in++) {
		if (*in != '\n') {
			*out++ = *in;
			continue;
		}
		while (in[1] && strchr(" \t*/", in[1]))
			in++;
		if (out > title && out[-1] != ' ')
			*out++ = ' ';
	}
	*out = '\0';
	/* "Computing the " "sigmoid safely": C's string concatenation. */
	for (char *cut; (cut = strstr(title, "\" \""));)
		memmove(cut, cut + 3, strlen(cut + 3) + 1);
}

/*
 * Calls `visit` for each `chapter N, "Title"` in text, where `quote` is how
 * a quote is written there (`"` in plain text, `\"` in C source); returns
 * how many there were.
 */
typedef void citation_fn(int chapter, const char *title, const char *where,
			 const char *context);

static int each_citation(const char *text, const char *quote,
			 const char *where, citation_fn *visit)
{
	size_t qlen = strlen(quote);
	int count = 0;

	for (const char *p = text; (p = strcasestr(p, "chapter ")); p++) {
		char *end;
		long chapter = strtol(p + 8, &end, 10);
		const char *title, *close;
		char *copy;

		if (end == p + 8 || strncmp(end, ", ", 2) ||
		    strncmp(end + 2, quote, qlen))
			continue;
		title = end + 2 + qlen;
		close = strstr(title, quote);
		if (!close)
			continue;
		copy = strndup(title, (size_t)(close - title));
		squeeze(copy);
		visit((int)chapter, copy, where, text);
		free(copy);
		count++;
	}
	return count;
}

static void expect_section(int chapter, const char *title, const char *where,
			   const char *context)
{
	char *section = section_text(chapter, title);

	cr_expect(section, "%s cites chapter %d, \"%s\", which chapters/ has "
		  "no \"## %s\" heading for (in: %.200s)", where, chapter,
		  title, title, context);
	free(section);
}

/* The hint's glossary terms, in its text before the first citation, are
 * all in the section it cites (its title included). */
static void expect_terms(int chapter, const char *title, const char *where,
			 const char *hint)
{
	char *section = section_text(chapter, title);
	char *body = strndup(hint, (size_t)(strcasestr(hint, "chapter ") -
					    hint));

	cr_expect(section, "%s cites chapter %d, \"%s\", which does not "
		  "exist", where, chapter, title);
	for (size_t i = 0; section && GLOSSARY[i]; i++)
		if (strcasestr(body, GLOSSARY[i]))
			cr_expect(strcasestr(section, GLOSSARY[i]),
				  "%s: the hint names \"%s\" but chapter %d, "
				  "\"%s\" never does: %s", where, GLOSSARY[i],
				  chapter, title, hint);
	free(body);
	free(section);
}

Test(fairness, every_hint_cites_a_section_with_its_ideas)
{
	const struct hints_entry *entry;

	for (size_t i = 0; (entry = hints_at(i)); i++)
		for (size_t h = 0; entry->hints[h]; h++) {
			char *where;

			cr_assert(asprintf(&where, "hint %zu of %s/%s", h + 1,
					   entry->function, entry->check ?
					   entry->check : "*") > 0);
			cr_expect_geq(each_citation(entry->hints[h], "\"",
						    where, expect_terms), 1,
				      "%s cites no section", where);
			free(where);
		}
}

/* Every citation in the files `pattern` finds, quotes written `quote`. */
static void expect_sections_of(const char *pattern, const char *quote)
{
	glob_t found;

	cr_assert_eq(glob(pattern, 0, NULL, &found), 0, "no %s: run the test "
		     "from the project's root", pattern);
	for (size_t i = 0; i < found.gl_pathc; i++) {
		char *text = harness_read_file(found.gl_pathv[i]);

		each_citation(text, quote, found.gl_pathv[i], expect_section);
		free(text);
	}
	globfree(&found);
}

Test(fairness, every_section_a_suite_or_a_stub_cites_exists)
{
	expect_sections_of("grader/suites/*.[ch]", "\\\"");
	expect_sections_of("solutions/[0-9][0-9]_*.c", "\"");
	expect_sections_of("chapters/0[0-9]-*.md", "\"");
}

/* One trap (hints_table.h): taught where it says, and checked. */
static void expect_trap(const struct hints_trap *trap, const char *suites)
{
	char *needle, *section = section_text(trap->chapter, trap->section);

	cr_expect(section, "trap \"%s\": chapter %d has no section \"%s\"",
		  trap->mistake, trap->chapter, trap->section);
	cr_expect(section && strcasestr(section, trap->term), "trap \"%s\": "
		  "chapter %d, \"%s\" never says \"%s\"", trap->mistake,
		  trap->chapter, trap->section, trap->term);
	free(section);
	cr_assert(asprintf(&needle, "TEST(%s, %s,", trap->function,
			   trap->check) > 0);
	cr_expect(strstr(suites, needle), "trap \"%s\": no suite has the "
		  "check %s: %s", trap->mistake, trap->function, trap->check);
	free(needle);
}

/* Every suite's source, one string. */
static char *all_suites(void)
{
	glob_t found;
	struct { char *buf; size_t len; } all = { calloc(1, 1), 0 };

	cr_assert_eq(glob("grader/suites/[0-9][0-9]_*.c", 0, NULL, &found), 0);
	for (size_t i = 0; i < found.gl_pathc; i++) {
		char *text = harness_read_file(found.gl_pathv[i]);
		size_t n = strlen(text);

		all.buf = realloc(all.buf, all.len + n + 1);
		memcpy(all.buf + all.len, text, n + 1);
		all.len += n;
		free(text);
	}
	globfree(&found);
	return all.buf;
}

Test(fairness, every_trap_is_taught_and_checked)
{
	char *suites = all_suites();
	const struct hints_trap *trap;
	size_t traps = 0;

	for (; (trap = hints_trap_at(traps)); traps++)
		expect_trap(trap, suites);
	/* Every exercise's chapter warns of at least one mistake. */
	for (size_t i = 0; i < catalog_count(); i++) {
		const struct catalog_exercise *e = catalog_exercise_at(i);
		bool found = false;

		for (size_t t = 0; (trap = hints_trap_at(t)) && !found; t++)
			found = catalog_exercise_of(trap->function) == e;
		cr_expect(found, "%s has no trap (HINTS_TRAPS in "
			  "grader/hints/%s)", e->file, e->file);
	}
	free(suites);
}
