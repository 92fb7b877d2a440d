/*
 * watch_book.c - comparing a file's new results with its last ones, test
 * by test (a test is known by its function and check).
 */
#include "watch_book.h"

#include <inttypes.h>
#include <string.h>

#include "progress.h"
#include "report/report_text.h"
#include "util/sanitize.h"

/* Enough of a compiler's complaint to act on; the rest is one run away. */
enum { FILE_MESSAGE_LINES = 12 };

void watch_book_init(struct watch_book *book, const char *dir, uint64_t seed,
		     enum disclosure_mode disclosure)
{
	memset(book, 0, sizeof *book);
	book->dir = dir;
	book->seed = seed;
	book->disclosure = disclosure;
	for (size_t i = 0; i < CATALOG_EXERCISES; i++)
		results_init(&book->results[i]);
	summary_init(&book->summary, dir, seed);
}

void watch_book_release(struct watch_book *book)
{
	for (size_t i = 0; i < CATALOG_EXERCISES; i++)
		results_release(&book->results[i]);
	memset(book, 0, sizeof *book);
}

static size_t passed_count(const struct results *results)
{
	size_t n = 0;

	for (size_t i = 0; i < results->nr; i++)
		n += results->tests[i].outcome == RESULTS_PASSED;
	return n;
}

static const struct results_test *same_test(const struct results *results,
					    const struct results_test *test)
{
	for (size_t i = 0; i < results->nr; i++)
		if (!strcmp(results->tests[i].function, test->function) &&
		    !strcmp(results->tests[i].check, test->check))
			return &results->tests[i];
	return NULL;
}

static bool was_passing(const struct results *old,
			const struct results_test *test)
{
	const struct results_test *before = same_test(old, test);

	return before && before->outcome == RESULTS_PASSED;
}

/*
 * "  <mark> function: description"; a new failure with its whole feedback
 * (expected, got, hint) and what the student's code printed.
 */
static void add_test_line(struct strbuf *out, char mark,
			  const struct results_test *test, bool details)
{
	const char *line = test->message ? test->message : "";

	strbuf_addf(out, "  %c ", mark);
	sanitize_add(out, test->function);
	strbuf_addstr(out, ": ");
	sanitize_add(out, test->description);
	strbuf_addch(out, '\n');
	if (mark != '-' || !details)
		return;
	while (*line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);

		strbuf_addstr(out, "      ");
		sanitize_add_len(out, line, len);
		strbuf_addch(out, '\n');
		line += len + (end ? 1 : 0);
	}
	report_text_add_output(out, "      ", test, true);
}

/*
 * The first lines of what the compiler (or linker) said, which begin by
 * saying what is wrong; when there is more, the command that shows it.
 */
static void add_file_message(struct strbuf *out, const char *dir,
			     const struct catalog_exercise *exercise,
			     const struct results *now)
{
	const char *line = now->file_message;

	for (int n = 0; line && *line && n < FILE_MESSAGE_LINES; n++) {
		const char *end = strchr(line, '\n');

		strbuf_addstr(out, "    ");
		sanitize_add_len(out, line, end ? (size_t)(end - line) :
						  strlen(line));
		strbuf_addch(out, '\n');
		line = end ? end + 1 : NULL;
	}
	if (!line || !*line)
		return;
	strbuf_addf(out, "    ... (the rest: build/grader --only %s ",
		    exercise->file);
	sanitize_add(out, dir);
	strbuf_addstr(out, ")\n");
}

void watch_book_add_problem(struct strbuf *out, const char *dir,
			    const struct catalog_exercise *exercise,
			    const struct results *now)
{
	const char *problem = progress_file_problem(now->file_status);

	if (!problem || now->file_status == RESULTS_FILE_MISSING)
		return;
	if (!now->file_message || !*now->file_message)
		strbuf_addf(out, "    %s %s\n", exercise->file, problem);
	add_file_message(out, dir, exercise, now);
}

/*
 * The tests of one function that changed verdict; a function whose every
 * test now passes for the first time gets one line instead of a list.
 */
static size_t describe_function(const struct watch_book *book,
				struct strbuf *out, const char *function,
				const struct results *old,
				const struct results *now)
{
	size_t total = 0, newly = 0, changed = 0, failing = 0;

	for (size_t i = 0; i < now->nr; i++) {
		const struct results_test *test = &now->tests[i];

		if (strcmp(test->function, function))
			continue;
		total++;
		newly += test->outcome == RESULTS_PASSED &&
			 !was_passing(old, test);
	}
	if (total > 1 && newly == total) {
		strbuf_addf(out, "  + %s: all %zu tests pass now\n", function,
			    total);
		return total;
	}
	for (size_t i = 0; i < now->nr; i++) {
		const struct results_test *test = &now->tests[i];
		bool passes = test->outcome == RESULTS_PASSED;

		/* After a file that did not compile, every failure is news. */
		if (!strcmp(test->function, function) &&
		    (passes != was_passing(old, test) ||
		     (!passes && old->file_status != RESULTS_FILE_OK))) {
			/* In full as in the report: the first few. */
			add_test_line(out, passes ? '+' : '-', test,
				      failing < REPORT_TEXT_SHOWN_FAILURES);
			failing += !passes;
			changed++;
		}
	}
	if (failing > REPORT_TEXT_SHOWN_FAILURES) {
		strbuf_addf(out, "    (details of these %zu failures: "
			    "build/grader --seed %" PRIu64 " --only %s --all ",
			    failing - REPORT_TEXT_SHOWN_FAILURES, book->seed,
			    function);
		sanitize_add(out, book->dir);
		strbuf_addstr(out, ")\n");
	}
	return changed;
}

static void describe_change(const struct watch_book *book,
			    struct strbuf *out, const char *dir,
			    const struct catalog_exercise *exercise,
			    const struct results *old,
			    const struct results *now)
{
	size_t changed = 0;

	strbuf_addf(out, "%s: %zu/%zu -> %zu/%zu points\n", exercise->file,
		    passed_count(old), old->nr, passed_count(now), now->nr);
	/* Once for the file, not once for each test it stops. */
	if (now->file_status != RESULTS_FILE_OK) {
		watch_book_add_problem(out, dir, exercise, now);
		return;
	}
	for (const char *const *f = exercise->functions; *f; f++)
		changed += describe_function(book, out, *f, old, now);
	if (!changed)
		strbuf_addstr(out, "  no test changed\n");
}

static void rebuild_summary(struct watch_book *book)
{
	struct summary *summary = &book->summary;

	summary_init(summary, book->dir, book->seed);
	summary->hidden_quiet = book->disclosure == DISCLOSURE_NONE;
	for (size_t i = 0; i < catalog_count(); i++) {
		if (!book->graded[i])
			continue;
		summary_add(summary, catalog_exercise_at(i),
			    &book->results[i]);
		summary_add_hidden(summary, book->hidden_passed[i],
				   book->hidden_total[i]);
	}
}

void watch_book_take(struct watch_book *book, struct session *session,
		     struct strbuf *changes)
{
	for (size_t k = 0; k < session->count; k++) {
		struct jobs_item *item = &session->items[k];
		size_t i = (size_t)(item->task.exercise - catalog_exercise_at(0));

		book->hidden_passed[i] = book->hidden_total[i] = 0;
		disclosure_strip(&item->results, book->disclosure,
				 &book->hidden_passed[i],
				 &book->hidden_total[i]);
		if (changes && book->graded[i])
			describe_change(book, changes, book->dir,
					item->task.exercise,
					&book->results[i], &item->results);
		results_release(&book->results[i]);
		book->results[i] = item->results;
		book->graded[i] = true;
		results_init(&item->results);
	}
	rebuild_summary(book);
}
