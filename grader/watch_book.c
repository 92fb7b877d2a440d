/*
 * watch_book.c - comparing a file's new results with its last ones, test
 * by test (a test is known by its function and check).
 */
#include "watch_book.h"

#include <string.h>

#include "progress.h"
#include "sanitize.h"

/* Enough of a compiler's complaint to act on; the rest is one run away. */
enum { FILE_MESSAGE_LINES = 12 };

void watch_book_init(struct watch_book *book, const char *dir, uint64_t seed,
		     enum disclosure_mode disclosure)
{
	memset(book, 0, sizeof *book);
	book->dir = dir;
	book->seed = seed;
	book->disclosure = disclosure;
	for (size_t i = 0; i < OPTIONS_MAX_EXERCISES; i++)
		results_init(&book->results[i]);
	summary_init(&book->summary, dir, seed);
}

void watch_book_release(struct watch_book *book)
{
	for (size_t i = 0; i < OPTIONS_MAX_EXERCISES; i++)
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

/* "  <mark> function: description", and the first feedback line. */
static void add_test_line(struct strbuf *out, char mark,
			  const struct results_test *test)
{
	const char *message = test->message ? test->message : "";
	const char *end = strchr(message, '\n');

	strbuf_addf(out, "  %c ", mark);
	sanitize_add(out, test->function);
	strbuf_addstr(out, ": ");
	sanitize_add(out, test->description);
	if (mark == '-' && *message) {
		strbuf_addstr(out, " - ");
		sanitize_add_len(out, message, end ? (size_t)(end - message) :
						     strlen(message));
	}
	strbuf_addch(out, '\n');
}

static void add_file_message(struct strbuf *out, const struct results *now)
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
	if (line && *line)
		strbuf_addstr(out, "    ...\n");
}

/*
 * The tests of one function that changed verdict; a function whose every
 * test now passes for the first time gets one line instead of a list.
 */
static size_t describe_function(struct strbuf *out, const char *function,
				const struct results *old,
				const struct results *now)
{
	size_t total = 0, newly = 0, changed = 0;

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

		if (!strcmp(test->function, function) &&
		    passes != was_passing(old, test)) {
			add_test_line(out, passes ? '+' : '-', test);
			changed++;
		}
	}
	return changed;
}

static void describe_change(struct strbuf *out,
			    const struct catalog_exercise *exercise,
			    const struct results *old,
			    const struct results *now)
{
	size_t changed = 0;

	strbuf_addf(out, "%s: %zu/%zu -> %zu/%zu points\n", exercise->file,
		    passed_count(old), old->nr, passed_count(now), now->nr);
	if (now->file_status != RESULTS_FILE_OK) {
		strbuf_addf(out, "  the file %s:\n",
			    progress_file_problem(now->file_status));
		add_file_message(out, now);
	}
	for (const char *const *f = exercise->functions; *f; f++)
		changed += describe_function(out, *f, old, now);
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
			describe_change(changes, item->task.exercise,
					&book->results[i], &item->results);
		results_release(&book->results[i]);
		book->results[i] = item->results;
		book->graded[i] = true;
		results_init(&item->results);
	}
	rebuild_summary(book);
}
