/*
 * hint.c - build/grader --hint NAME [DIR]: grades that one function (or,
 * for a file, its functions, taking the first that fails), and shows one
 * more hint each time it is asked, chosen by the first test it fails.  A
 * passing function gets the name of the next one instead.
 */
#include "hint.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/disclosure.h"
#include "core/session.h"
#include "hints/hints_state.h"
#include "hints/hints_table.h"
#include "util/sanitize.h"

/*
 * Without --seed or --student, hints use one fixed seed, so asking twice
 * meets the same first failure and continues the same list.
 */
#define HINT_SEED 1

enum { EXIT_PASSED = 0, EXIT_FAILED = 1, EXIT_TROUBLE = 2 };

static const struct summary_function *
find_function(const struct summary *summary, const char *name)
{
	for (size_t i = 0; i < summary->count; i++)
		for (size_t f = 0; f < summary->exercises[i].function_count; f++)
			if (!strcmp(summary->exercises[i].functions[f].name,
				    name))
				return &summary->exercises[i].functions[f];
	return NULL;
}

/* The contract function after `name` in curriculum order, or NULL. */
static const char *next_function(const char *name)
{
	bool seen = false;

	for (size_t i = 0; i < catalog_count(); i++)
		for (const char *const *f = catalog_exercise_at(i)->functions;
		     *f; f++) {
			if (seen)
				return *f;
			seen = !strcmp(*f, name);
		}
	return NULL;
}

/* Text that quotes a suite's report or a file's problem, made safe. */
static void print_sanitized(const char *before, const char *text,
			    const char *after)
{
	struct strbuf out;

	strbuf_init(&out);
	strbuf_addstr(&out, before);
	sanitize_add(&out, text);
	strbuf_addstr(&out, after);
	fputs(out.buf, stdout);
	strbuf_release(&out);
}

static int say_passed(const struct options *options,
		      const struct summary *summary,
		      const struct summary_function *function)
{
	const char *next = next_function(function->name);
	char *step;

	/* Only this function was graded: the hidden tests are its own. */
	if (summary->hidden_passed < summary->hidden_total &&
	    !summary->hidden_quiet) {
		step = summary_next_step(summary);
		printf("%s passes all %zu tests shown; %s.\n", function->name,
		       function->total, step);
		free(step);
		return EXIT_FAILED;
	}
	printf("%s passes all %zu tests%s.\n", function->name, function->total,
	       summary->hidden_total ? " shown" : "");
	if (next)
		printf("Next: %s in %s (build/grader --hint %s %s when you "
		       "are stuck).\n", next, catalog_exercise_of(next)->file,
		       next, options->dir);
	else
		printf("That was the last function of the workbook: "
		       "build/grader --progress %s shows them all.\n",
		       options->dir);
	return EXIT_PASSED;
}

/* A file that is missing or does not build: no hint helps yet. */
static int say_file_problem(const struct options *options,
			    const struct summary *summary,
			    const struct summary_exercise *entry)
{
	enum results_file_status status = entry->results->file_status;
	char *next;

	if (status == RESULTS_FILE_COMPILE_ERROR ||
	    status == RESULTS_FILE_LINK_ERROR) {
		printf("%s/%s does not %s yet; build/grader --only %s %s shows "
		       "the errors: fix them, then ask for a hint again.\n",
		       options->dir, entry->exercise->file,
		       status == RESULTS_FILE_COMPILE_ERROR ? "compile" :
							      "link",
		       entry->exercise->file, options->dir);
		return EXIT_FAILED;
	}
	next = summary_next_step(summary);
	print_sanitized("Next: ", next, "\n");
	free(next);
	return EXIT_FAILED;
}

/* The state key: the folder as an absolute path, so `cd` does not matter. */
static char *state_key(const struct options *options, const char *function,
		       const char *check)
{
	char *folder = realpath(options->dir, NULL);
	char *key = hints_state_key(folder ? folder : options->dir, function,
				    check);

	free(folder);
	return key;
}

/* The "hint:" line of a failed test's message (check.h's format), or "". */
static void message_hint(const char *message, struct strbuf *out)
{
	static const char label[] = "hint:";
	const char *line = message;

	while (line && *line) {
		const char *end = line + strcspn(line, "\n");

		if (!strncmp(line, label, sizeof label - 1)) {
			line += sizeof label - 1;
			line += strspn(line, " ");
			strbuf_add(out, line, (size_t)(end - line));
			return;
		}
		line = *end ? end + 1 : NULL;
	}
}

/* The first `chapter N, "Title"` a hint cites, as that text; false if none. */
static bool cited_section(const char *hint, struct strbuf *out)
{
	for (const char *p = hint; (p = strstr(p, "chapter ")); p++) {
		int chapter, length = 0;

		if (sscanf(p, "chapter %d, \"%*[^\"]\"%n", &chapter,
			   &length) >= 1 && length > 0) {
			strbuf_add(out, p, (size_t)length);
			return true;
		}
	}
	return false;
}

/* Asked once more after the last hint: no repetition, the section instead. */
static void say_last(const struct options *options, const char *function,
		     const char *first)
{
	struct strbuf section;

	strbuf_init(&section);
	printf("That was the last hint for %s. ", function);
	if (cited_section(first, &section))
		print_sanitized("Read ", section.buf, " again; ");
	printf("build/grader --only %s %s shows the failing test's full "
	       "feedback.\n", function, options->dir);
	strbuf_release(&section);
}

static void show_hints(const struct options *options,
		       const struct summary_function *function,
		       const char *check, const char **hints, size_t total)
{
	struct hints_state state;
	struct strbuf why;
	size_t seen = 0, shown;
	char *key = state_key(options, function->name, check);
	bool remembered;

	hints_state_init(&state);
	strbuf_init(&why);
	remembered = hints_state_load(&state, &why) == 0;
	if (remembered)
		seen = hints_state_get(&state, key);
	if (seen >= total) {
		say_last(options, function->name, hints[0]);
		goto out;
	}
	shown = seen + 1;
	for (size_t i = 0; i < shown; i++) {
		printf("Hint %zu: ", i + 1);
		print_sanitized("", hints[i], "\n");
	}
	if (remembered && hints_state_set(&state, key, (unsigned)shown) != 0) {
		strbuf_addf(&why, "cannot write %s (%s)", state.path,
			    strerror(errno));
		remembered = false;
	}
	if (!remembered)
		printf("hint %zu of %zu; cannot remember which hints you have "
		       "seen (%s): set XDG_STATE_HOME to a writable folder to "
		       "get the next one.\n", shown, total, why.buf);
	else if (shown < total)
		printf("hint %zu of %zu; run the same command for the next.\n",
		       shown, total);
	else
		printf("hint %zu of %zu, the last; build/grader --only %s %s "
		       "shows the test's full feedback.\n", shown, total,
		       function->name, options->dir);
out:
	hints_state_release(&state);
	strbuf_release(&why);
	free(key);
}

static int say_hints(const struct options *options,
		     const struct summary_function *function)
{
	const struct results_test *test = function->first_failure;
	bool absent = summary_function_absent(function);
	const char *check = absent ? NULL : test->check;
	const char *hints[HINTS_MAX_SEQUENCE];
	struct strbuf first;
	size_t total;

	strbuf_init(&first);
	if (absent)
		printf("%s is not written yet.\n", function->name);
	else {
		printf("%s fails %zu of %zu tests; the first: ",
		       function->name, function->total - function->passed,
		       function->total);
		print_sanitized("", test->description, ".\n");
		if (test->message)
			message_hint(test->message, &first);
	}
	total = hints_sequence(function->name, check, first.buf, hints);
	if (total)
		show_hints(options, function, check, hints, total);
	else
		printf("No hints for %s; build/grader --only %s %s shows the "
		       "test's feedback.\n", function->name, function->name,
		       options->dir);
	strbuf_release(&first);
	return EXIT_FAILED;
}

/*
 * The function asked about: --hint's function, or for a whole file the
 * first of its functions that fails a test (the last when all pass).
 */
static const struct summary_function *
asked_function(const struct options *options, const struct summary *summary)
{
	const struct summary_exercise *entry = &summary->exercises[0];

	if (options->hint)
		return find_function(summary, options->hint);
	if (summary->count != 1 || !entry->function_count)
		return NULL;
	for (size_t f = 0; f < entry->function_count; f++)
		if (entry->functions[f].passed < entry->functions[f].total)
			return &entry->functions[f];
	return &entry->functions[entry->function_count - 1];
}

static int report(const struct options *options,
		  const struct summary *summary)
{
	const struct summary_function *function =
		asked_function(options, summary);
	const char *name = options->hint ? options->hint :
			   options->hint_exercise->file;

	if (summary->internal_error) {
		fprintf(stderr, "grader: %s\n", summary->internal_error);
		return EXIT_TROUBLE;
	}
	if (summary->count == 1 &&
	    summary->exercises[0].results->file_status != RESULTS_FILE_OK)
		return say_file_problem(options, summary,
					&summary->exercises[0]);
	if (!function || !function->total) {
		fprintf(stderr, "grader: --hint %s: the suite ran no test of "
			"it; run build/grader --only %s %s to see why\n",
			name, name, options->dir);
		return EXIT_TROUBLE;
	}
	if (function->passed == function->total)
		return say_passed(options, summary, function);
	return say_hints(options, function);
}

int hint_main(const struct options *options,
	      const struct resources *resources)
{
	const struct catalog_exercise *exercise = options->hint_exercise;
	unsigned selected[OPTIONS_MAX_EXERCISES] = { 0 };
	struct session_config config = {
		.resources = resources,
		.dir = options->dir,
		.seed = options->seed_given || options->student ?
			options->seed : HINT_SEED,
		.selected = selected,
		.jobs = 1,
		.hidden = options->hidden,
	};
	struct session session;
	struct strbuf error;
	int status;

	/* The function's bit, or every function of the file. */
	for (size_t i = 0; i < catalog_count(); i++)
		if (catalog_exercise_at(i) == exercise)
			for (unsigned f = 0; exercise->functions[f]; f++)
				if (!options->hint ||
				    !strcmp(exercise->functions[f],
					    options->hint))
					selected[i] |= 1u << f;
	session_init(&session);
	strbuf_init(&error);
	if (session_grade(&session, &config, &error) != 0) {
		fprintf(stderr, "grader: %s\n", error.buf);
		status = EXIT_TROUBLE;
	} else {
		/* Hints are for students: hidden tests stay out of them. */
		struct disclosure_view *view = xmalloc(sizeof *view);

		disclosure_view_init(view, &session.summary,
				     options->disclosure);
		status = report(options, &view->summary);
		disclosure_view_release(view);
		free(view);
	}
	fflush(stdout);
	session_release(&session);
	strbuf_release(&error);
	return status;
}
