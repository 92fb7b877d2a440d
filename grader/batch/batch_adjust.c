/*
 * batch_adjust.c - adjustments, extensions and late penalties in a batch.
 */
#include "batch_adjust.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "student_id.h"
#include "report/feedback.h"
#include "util/sanitize.h"

/* The most of a feedback page read to add the instructor's section to. */
#define PAGE_MAX_BYTES ((size_t)64 << 20)

int batch_adjust_load(struct adjust_file *file, const char *given,
		      const char *out, struct strbuf *error)
{
	char *path;
	int status = 0;

	adjust_file_init(file);
	if (given)
		return adjust_load(file, given, error);
	path = xstrfmt("%s/" ADJUST_DEFAULT_NAME, out);
	if (access(path, F_OK) == 0)
		status = adjust_load(file, path, error);
	free(path);
	return status;
}

static int by_id(const void *key, const void *item)
{
	return strcmp(key, ((const struct batch_entry *)item)->id);
}

void batch_adjust_check_ids(const struct adjust_file *file,
			    const struct batch_entries *entries)
{
	for (size_t i = 0; i < file->nr; i++) {
		const struct adjust_student *s = &file->students[i];
		char *id;

		/* Sorted by id (batch_entries_sort). */
		if (entries->nr && bsearch(s->id, entries->items, entries->nr,
					   sizeof *entries->items, by_id))
			continue;
		id = sanitize_dup(s->id);
		fprintf(stderr, "grader: warning: %s:%u: no student %s in "
			"this batch, so nothing of [student %s] applies; "
			"check the id against the gradebook\n", file->path,
			s->line, id, id);
		free(id);
	}
}

/*
 * The page as the worker wrote it, with the section from the instructor
 * (always last) put in anew.  Only the last mark counts: ours is last, and
 * a student's text cannot push anything after it.
 */
static int rewrite_page(const struct batch_context *context,
			const struct batch_entry *entry,
			const char *section)
{
	char *stem = student_id_file_name(entry->id);
	char *path = xstrfmt("%s/%s.md", context->feedback_dir, stem);
	struct strbuf page, updated;
	const char *mark = NULL;
	int status = 0;

	strbuf_init(&page);
	strbuf_init(&updated);
	if (strbuf_read_file(&page, path, PAGE_MAX_BYTES)) {
		for (const char *p = page.buf;
		     (p = strstr(p, ADJUST_SECTION_MARK)) != NULL; p++)
			mark = p;
		strbuf_add(&updated, page.buf,
			   mark ? (size_t)(mark - page.buf) : page.len);
		strbuf_addstr(&updated, section);
		if (strcmp(updated.buf, page.buf) != 0 &&
		    (status = feedback_write(context->feedback_dir, entry->id,
					     updated.buf)) != 0)
			fprintf(stderr, "grader: cannot add the instructor's "
				"section to %s (%s); free some space, then run "
				"the same command again\n", path,
				strerror(errno));
	} else if (*section) {
		/* A page must be there to add to. */
		struct strbuf why = STRBUF_INIT;

		strbuf_add_read_error(&why, PAGE_MAX_BYTES);
		fprintf(stderr, "grader: cannot add the instructor's section "
			"to %s (cannot read it: %s); leave the batch's "
			"feedback pages in place, then run the same command "
			"again\n", path, why.buf);
		strbuf_release(&why);
		status = -1;
	}
	strbuf_release(&updated);
	strbuf_release(&page);
	free(path);
	free(stem);
	return status;
}

int batch_adjust_row(const struct batch_context *context,
		     const struct batch_entry *entry,
		     const struct batch_time *submitted,
		     struct gradebook_row *row)
{
	const struct adjust_file *file = context->adjustments;
	const struct adjust_student *student = adjust_find(file, entry->id);
	struct adjust_outcome outcome;
	struct strbuf section;
	int status;

	/* A student not graded yet (an interrupted batch): nothing yet. */
	if (!strcmp(row->status, "pending"))
		return 0;
	adjust_apply(file, student, row->graded ? row->total : 0,
		     row->graded ? row->max : 0, submitted->known,
		     submitted->seconds, &outcome);
	row->adjusted = true;
	row->adjustment = outcome.adjustment;
	row->late_penalty = outcome.late_penalty;
	row->final = outcome.final;
	row->late_days = outcome.late_known ? outcome.late_days : -1;
	strbuf_init(&section);
	adjust_feedback_section(file, student, &outcome, submitted->seconds,
				&section);
	status = rewrite_page(context, entry, section.buf);
	strbuf_release(&section);
	return status;
}
