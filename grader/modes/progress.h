/*
 * progress.h - build/grader --progress [DIR]: which exercises pass, with a
 * bar, and the next chapter and exercise to do.
 */
#ifndef GRADER_PROGRESS_H
#define GRADER_PROGRESS_H

#include <stdbool.h>

#include "options.h"
#include "core/resources.h"
#include "core/summary.h"
#include "util/strbuf.h"

/* Returns the grader's exit status: 0 all pass, 1 some fail, 2 trouble. */
int progress_main(const struct options *options,
		  const struct resources *resources);

/*
 * The table: a line per exercise graded with a bar, points and title, the
 * total, and "Next: chapter N, <title>: <file> — <function>" followed by
 * what to fix (watch mode shows it too).
 */
void progress_render(const struct summary *summary, bool color,
		     struct strbuf *out);

/* "missing", "does not compile", ...; NULL for a file that was graded. */
const char *progress_file_problem(enum results_file_status status);

/* Just the "Next: ..." lines of progress_render. */
void progress_render_next(const struct summary *summary, struct strbuf *out);

#endif /* GRADER_PROGRESS_H */
