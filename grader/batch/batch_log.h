/*
 * batch_log.h - OUT/grading.log, what each run of the batch did, appended
 * run after run so that an instructor can answer "what changed when I
 * graded again?": when the run ended and how, how many students it graded
 * and how many it kept from earlier runs, and every student whose status
 * or final score differs from the gradebook as it was before the run.
 * A shard keeps its own log (grading.shard-K-of-N.log).
 */
#ifndef GRADER_BATCH_LOG_H
#define GRADER_BATCH_LOG_H

#include <stddef.h>

#include "util/strbuf.h"

/* The log keeps its newest runs within this size. */
#define BATCH_LOG_MAX_KIB 512
#define BATCH_LOG_MAX_BYTES ((size_t)BATCH_LOG_MAX_KIB << 10)

/* A student's row as the log compares it. */
struct batch_log_row {
	char *id, *status, *final;
};

struct batch_log_rows {
	struct batch_log_row *items;
	size_t nr, alloc;
};

struct batch_log {
	char *path;			/* OUT/grading.log */
	char *gradebook;		/* the gradebook the run writes */
	struct batch_log_rows before;	/* that gradebook before the run */
};

/* Reads the gradebook as it is before the run (none: no rows). */
void batch_log_init(struct batch_log *log, const char *out,
		    unsigned shard_index, unsigned shard_count);
void batch_log_release(struct batch_log *log);

/*
 * Appends the run: ending ("finished", "interrupted by SIGINT"), the exit
 * status, the students graded now and kept, and, when the gradebook was
 * written, the students whose row changed.  0, or -1 with a line on
 * stderr (the grades themselves are written: the log is a record).
 */
int batch_log_append(struct batch_log *log, const char *ending, int status,
		     size_t graded, size_t kept);

/*
 * The rows of a gradebook's text (id, status, final; "total" when an old
 * gradebook has no final column), in its order.  0, or -1 (rows left
 * empty) when it is no gradebook.
 */
int batch_log_read_rows(struct batch_log_rows *rows, const char *text);
void batch_log_rows_release(struct batch_log_rows *rows);

/*
 * Appends one line per student whose row differs between before and after
 * (both sorted by id in byte order, as gradebooks are); returns how many.
 */
size_t batch_log_changes(const struct batch_log_rows *before,
			 const struct batch_log_rows *after,
			 struct strbuf *out);

#endif /* GRADER_BATCH_LOG_H */
