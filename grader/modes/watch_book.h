/*
 * watch_book.h - watch mode's memory: the latest results of every exercise
 * file, the summary over all of them, and what changed when one file was
 * graded again.
 */
#ifndef GRADER_WATCH_BOOK_H
#define GRADER_WATCH_BOOK_H

#include <stdbool.h>
#include <stdint.h>

#include "core/catalog.h"
#include "core/disclosure.h"
#include "core/results.h"
#include "core/session.h"
#include "core/summary.h"
#include "util/strbuf.h"

struct watch_book {
	const char *dir;
	uint64_t seed;
	/* What the student sees of hidden tests (disclosure.h): unless the
	 * instructor's view, they are taken out of results and counted. */
	enum disclosure_mode disclosure;
	struct results results[CATALOG_EXERCISES];	/* catalog order */
	size_t hidden_passed[CATALOG_EXERCISES];
	size_t hidden_total[CATALOG_EXERCISES];
	bool graded[CATALOG_EXERCISES];
	struct summary summary;	/* over every graded file; refers to results */
};

void watch_book_init(struct watch_book *book, const char *dir,
		     uint64_t seed, enum disclosure_mode disclosure);
void watch_book_release(struct watch_book *book);

/*
 * Takes over the results of a finished session (which keeps none of them)
 * and rebuilds the summary.  When changes is not NULL, appends for each
 * file that was graded before: points before -> after, the tests newly
 * passing and newly failing, and the file's own problem if it has one.
 */
void watch_book_take(struct watch_book *book, struct session *session,
		     struct strbuf *changes);

/*
 * For a file that does not compile (or link, or run): one line saying so
 * and the first lines of what the compiler said; nothing otherwise.
 */
void watch_book_add_problem(struct strbuf *out, const char *dir,
			    const struct catalog_exercise *exercise,
			    const struct results *now);

#endif /* GRADER_WATCH_BOOK_H */
