/*
 * summary.c - counting points and choosing what to fix next.
 */
#include "summary.h"

#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

void summary_init(struct summary *summary, const char *dir, uint64_t seed)
{
	memset(summary, 0, sizeof *summary);
	summary->dir = dir;
	summary->seed = seed;
}

static struct summary_function *function_of(struct summary_exercise *entry,
					    const char *name)
{
	struct summary_function *function;

	for (size_t i = 0; i < entry->function_count; i++)
		if (!strcmp(entry->functions[i].name, name))
			return &entry->functions[i];
	if (entry->function_count == CATALOG_MAX_FUNCTIONS)
		return NULL;
	function = &entry->functions[entry->function_count++];
	memset(function, 0, sizeof *function);
	function->name = name;
	function->where = catalog_find_function(name);
	return function;
}

/* Functions in curriculum order, whatever order the suite ran them in. */
static void add_functions_in_order(struct summary_exercise *entry)
{
	for (const char *const *f = entry->exercise->functions; *f; f++)
		for (size_t i = 0; i < entry->results->nr; i++)
			if (!strcmp(entry->results->tests[i].function, *f)) {
				function_of(entry, *f);
				break;
			}
}

/* check.c's own words for a value that is only described: "SUMMARY:
 * returned NaN" and "SUMMARY: returned +inf (overflow?)". */
static const char *const described_only[] = { "returned NaN",
					       "(overflow?)" };

/* text[0..len) ends with suffix. */
static bool ends_with(const char *text, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len >= n && !memcmp(text + len - n, suffix, n);
}

/*
 * A value failure whose first line names the mistake (docs/design.md,
 * "Diagnoses"): check.h words it "SUMMARY: DIAGNOSIS", the summary maybe
 * led by "FUNCTION: " and followed by " (element N)"; a bare summary, or
 * one check.c only described ("returned NaN"), names none.
 */
bool summary_names_mistake(const struct results_test *test)
{
	const char *line = test->message ? test->message : "";
	size_t len = strcspn(line, "\n"), prefix = strlen(test->function);
	bool colon = false;

	if (test->outcome != RESULTS_FAILED)
		return false;
	if (len > prefix + 2 && !strncmp(line, test->function, prefix) &&
	    !strncmp(line + prefix, ": ", 2)) {
		line += prefix + 2;
		len -= prefix + 2;
	}
	if (len && line[len - 1] == ')' && memchr(line, '(', len)) {
		const char *open = line + len - 1;

		while (*open != '(')
			open--;
		if (open > line && !strncmp(open, "(element ", 9))
			len = (size_t)(open - line) - (open[-1] == ' ');
	}
	for (size_t i = 0; i + 1 < len && !colon; i++)
		colon = line[i] == ':' && line[i + 1] == ' ';
	if (!colon)
		return false;
	for (size_t i = 0; i < sizeof described_only / sizeof *described_only;
	     i++)
		if (ends_with(line, len, described_only[i]))
			return false;
	return true;
}

bool summary_ranks_before(const struct results_test *test,
			  const struct results_test *shown)
{
	return shown->outcome == RESULTS_FAILED &&
	       !summary_names_mistake(shown) && summary_names_mistake(test);
}

void summary_add(struct summary *summary,
		 const struct catalog_exercise *exercise,
		 const struct results *results)
{
	struct summary_exercise *entry;

	if (summary->count == SUMMARY_MAX_EXERCISES)
		return;
	entry = &summary->exercises[summary->count++];
	memset(entry, 0, sizeof *entry);
	entry->exercise = exercise;
	entry->results = results;
	if (results->file_status == RESULTS_FILE_INTERNAL &&
	    !summary->internal_error)
		summary->internal_error = results->file_message ?
					  results->file_message :
					  "the grader failed";
	add_functions_in_order(entry);
	for (size_t i = 0; i < results->nr; i++) {
		const struct results_test *test = &results->tests[i];
		struct summary_function *function =
			function_of(entry, test->function);

		if (!function)
			continue;
		function->total++;
		entry->total++;
		if (test->outcome == RESULTS_PASSED) {
			function->passed++;
			entry->passed++;
			continue;
		}
		if (test->outcome == RESULTS_NOT_IMPLEMENTED)
			function->not_implemented++;
		if (!function->first_failure ||
		    summary_ranks_before(test, function->first_failure))
			function->first_failure = test;
	}
	summary->passed += entry->passed;
	summary->total += entry->total;
	if (entry->total && entry->passed == entry->total &&
	    results->file_status == RESULTS_FILE_OK)
		summary->complete++;
}

void summary_add_hidden(struct summary *summary, size_t passed,
			size_t total)
{
	summary->hidden_passed += passed;
	summary->hidden_total += total;
	summary->passed += passed;
	summary->total += total;
}

bool summary_function_absent(const struct summary_function *function)
{
	return function->passed == 0 &&
	       function->not_implemented == function->total;
}

char *summary_where(const struct catalog_function *where)
{
	if (!where)
		return xstrdup("");
	return xstrfmt("chapter %d, \"%s\"", where->chapter, where->section);
}

static char *first_line(const char *text)
{
	const char *end = strchr(text, '\n');

	return end ? xstrfmt("%.*s", (int)(end - text), text) : xstrdup(text);
}

char *summary_file_shown(const struct summary *summary,
			 const struct catalog_exercise *exercise)
{
	size_t i = 0;

	while (i < catalog_count() && catalog_exercise_at(i) != exercise)
		i++;
	if (summary->shown && i < catalog_count() && summary->shown[i])
		return xstrdup(summary->shown[i]);
	if (summary->dir && *summary->dir)
		return xstrfmt("%s/%s", summary->dir, exercise->file);
	return xstrdup(exercise->file);
}

/* The folder, for "copy ... into": "your submission" when not shown. */
static const char *folder_shown(const struct summary *summary)
{
	return summary->dir && *summary->dir ? summary->dir :
	       "your submission";
}

/* Whether discovery found a file that is likely `file` misnamed. */
static bool misnamed(const struct summary *summary, const char *file)
{
	char *needle = xstrfmt("did you mean %s?", file);
	bool found = summary->notes && strstr(summary->notes, needle);

	free(needle);
	return found;
}

static char *next_for_file(const struct summary *summary,
			   const struct summary_exercise *entry)
{
	const char *file = entry->exercise->file;
	const struct results *results = entry->results;
	char *shown = summary_file_shown(summary, entry->exercise);
	char *line, *next;

	switch (results->file_status) {
	case RESULTS_FILE_MISSING:
		if (misnamed(summary, file)) {
			next = xstrfmt("rename the file the note above names "
				       "to exactly %s", file);
			break;
		}
		next = xstrfmt("copy exercises/%s into %s and fill it in "
			       "(chapter %d, \"%s\")", file,
			       folder_shown(summary), entry->exercise->chapter,
			       entry->exercise->title);
		break;
	case RESULTS_FILE_COMPILE_ERROR:
		next = xstrfmt("fix the compile errors in %s (shown above)",
			       shown);
		break;
	case RESULTS_FILE_LINK_ERROR:
		next = xstrfmt("fix %s so it links (errors shown above)",
			       shown);
		break;
	default:
		line = first_line(results->file_message ?
				  results->file_message : "cannot be graded");
		next = xstrfmt("%s: %s", shown, line);
		free(line);
	}
	free(shown);
	return next;
}

static char *next_for_function(const struct summary *summary,
			       const struct summary_exercise *entry,
			       const struct summary_function *function)
{
	char *where = summary_where(function->where);
	char *shown = summary_file_shown(summary, entry->exercise);
	char *next, *line;

	if (summary_function_absent(function)) {
		next = xstrfmt("write %s in %s - %s", function->name, shown,
			       where);
	} else {
		line = first_line(function->first_failure->message);
		next = xstrfmt("fix %s in %s (%s) - %s", function->name,
			       shown, line, where);
		free(line);
	}
	free(shown);
	free(where);
	return next;
}

/* Every test graded passes, but --only left files out. */
static char *next_ungraded(const struct summary *summary)
{
	const struct catalog_exercise *e = summary->ungraded.exercise;
	const char *dir = summary->dir && *summary->dir ? summary->dir : "DIR";
	char *shown = e ? summary_file_shown(summary, e) : NULL;
	char *next;

	switch (summary->ungraded.state) {
	case SUMMARY_UNGRADED_MISSING:
		next = xstrfmt("every test graded here passes; %s is missing: "
			       "copy exercises/%s into %s and fill it in "
			       "(chapter %d, \"%s\")", shown, e->file,
			       folder_shown(summary), e->chapter, e->title);
		break;
	case SUMMARY_UNGRADED_TODO:
		next = xstrfmt("every test graded here passes; %s is not "
			       "finished (it still calls workbook_todo()): "
			       "build/grader --only %s %s grades it (chapter "
			       "%d, \"%s\")", shown, e->file, dir, e->chapter,
			       e->title);
		break;
	default:
		next = xstrfmt("every test graded here passes; build/grader "
			       "%s grades the files --only left out", dir);
	}
	free(shown);
	return next;
}

char *summary_next_step(const struct summary *summary)
{
	for (size_t i = 0; i < summary->count; i++) {
		const struct summary_exercise *entry = &summary->exercises[i];

		if (entry->results->file_status != RESULTS_FILE_OK)
			return next_for_file(summary, entry);
		for (size_t f = 0; f < entry->function_count; f++)
			if (entry->functions[f].passed <
			    entry->functions[f].total)
				return next_for_function(summary, entry,
							 &entry->functions[f]);
	}
	/* A student's view: the hidden tests are all that fails. */
	if (summary->hidden_passed < summary->hidden_total)
		return summary->hidden_quiet ?
		       xstrdup("nothing shown here: every test listed passes") :
		       xstrfmt("every visible test passes, but %zu of the %zu "
			       "hidden tests fail: they check cases the visible "
			       "tests leave out, so try your functions on the "
			       "edge cases and extreme inputs their chapters "
			       "describe", summary->hidden_total -
			       summary->hidden_passed, summary->hidden_total);
	if (summary->ungraded.state != SUMMARY_UNGRADED_NONE)
		return next_ungraded(summary);
	return xstrdup("nothing: every test passes");
}
