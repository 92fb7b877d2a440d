/*
 * batch_progress.c - the progress bar of a batch.
 */
#include "batch_progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/elapsed.h"
#include "util/sanitize.h"

enum { BAR_WIDTH = 24 };

bool batch_progress_needs_attention(const struct gradebook_row *row)
{
	return strcmp(row->status, "ok") != 0 || row->total == 0;
}

const char *batch_progress_plural(size_t n, const char *one,
				  const char *many)
{
	return n == 1 ? one : many;
}

void batch_progress_init(struct batch_progress *progress, size_t total)
{
	memset(progress, 0, sizeof *progress);
	progress->terminal = isatty(STDERR_FILENO);
	progress->total = total;
	progress->started = elapsed_now();
}

static void add_row(struct batch_progress *progress,
		    const struct gradebook_row *row)
{
	progress->done++;
	if (batch_progress_needs_attention(row))
		progress->attention++;
}

void batch_progress_count(struct batch_progress *progress,
			  const struct gradebook_row *row)
{
	add_row(progress, row);
	progress->done_at_start = progress->done;
}

static void draw(struct batch_progress *progress)
{
	size_t filled = progress->total ?
			BAR_WIDTH * progress->done / progress->total : 0;
	size_t graded = progress->done - progress->done_at_start;
	double elapsed = elapsed_now() - progress->started;
	char bar[BAR_WIDTH + 1];

	memset(bar, '#', filled);
	memset(bar + filled, '.', BAR_WIDTH - filled);
	bar[BAR_WIDTH] = '\0';
	fprintf(stderr, "\r\033[K[%s] %zu/%zu %s, %zu %s attention", bar,
		progress->done, progress->total,
		batch_progress_plural(progress->total, "student", "students"),
		progress->attention,
		batch_progress_plural(progress->attention, "needs", "need"));
	if (graded > 0) {
		unsigned long left = (unsigned long)(elapsed / (double)graded *
			(double)(progress->total - progress->done) + 0.5);

		fprintf(stderr, ", %lu:%02lu left", left / 60, left % 60);
	}
	fflush(stderr);
	progress->last_drawn = elapsed_now();
}

void batch_progress_finished(struct batch_progress *progress,
			     const struct gradebook_row *row)
{
	char *student;

	add_row(progress, row);
	if (progress->terminal) {
		draw(progress);
		return;
	}
	student = sanitize_dup(row->student);
	if (row->graded)
		fprintf(stderr, "graded %s %zu/%zu %s\n", student, row->total,
			row->max, row->status);
	else
		fprintf(stderr, "graded %s %s\n", student, row->status);
	free(student);
}

void batch_progress_tick(struct batch_progress *progress)
{
	if (progress->terminal && elapsed_now() - progress->last_drawn >= 0.5)
		draw(progress);
}

void batch_progress_end(struct batch_progress *progress)
{
	if (progress->terminal)
		fputs("\r\033[K", stderr);
}
