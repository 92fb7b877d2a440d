/*
 * batch_log.c - the record of the batch's runs (batch_log.h).
 */
#include "batch_log.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report/gradebook.h"
#include "util/sanitize.h"

void batch_log_rows_release(struct batch_log_rows *rows)
{
	for (size_t i = 0; i < rows->nr; i++) {
		free(rows->items[i].id);
		free(rows->items[i].status);
		free(rows->items[i].final);
	}
	free(rows->items);
	memset(rows, 0, sizeof *rows);
}

/* The index of column name in the header, or SIZE_MAX. */
static size_t column(const struct gradebook_fields *header, const char *name)
{
	for (size_t i = 0; i < header->nr; i++)
		if (!strcmp(header->items[i], name))
			return i;
	return SIZE_MAX;
}

static void add_row(struct batch_log_rows *rows,
		    const struct gradebook_fields *fields, size_t status,
		    size_t final)
{
	struct batch_log_row *row;

	if (rows->nr == rows->alloc) {
		rows->alloc = rows->alloc ? 2 * rows->alloc : 64;
		rows->items = xrealloc(rows->items,
				       rows->alloc * sizeof *rows->items);
	}
	row = &rows->items[rows->nr++];
	row->id = xstrdup(fields->items[0]);
	row->status = xstrdup(fields->items[status]);
	row->final = xstrdup(fields->items[final]);
}

int batch_log_read_rows(struct batch_log_rows *rows, const char *text)
{
	struct gradebook_fields fields;
	const char *cursor = text;
	size_t status, final;
	int got, result = -1;

	memset(rows, 0, sizeof *rows);
	gradebook_fields_init(&fields);
	if (gradebook_parse_record(&cursor, &fields) != 1)
		goto out;
	status = column(&fields, "status");
	final = column(&fields, "final");
	if (final == SIZE_MAX)
		final = column(&fields, "total");
	if (status == SIZE_MAX || final == SIZE_MAX)
		goto out;
	while ((got = gradebook_parse_record(&cursor, &fields)) == 1)
		if (fields.nr > status && fields.nr > final)
			add_row(rows, &fields, status, final);
	result = got == 0 ? 0 : -1;
out:
	gradebook_fields_release(&fields);
	if (result != 0)
		batch_log_rows_release(rows);
	return result;
}

/* "ok 95", "missing": what the log says a row is. */
static void add_state(struct strbuf *out, const struct batch_log_row *row)
{
	strbuf_addstr(out, row->status);
	if (*row->final && (!strcmp(row->status, "ok") ||
			    !strcmp(row->status, "not-on-roster")))
		strbuf_addf(out, " %s", row->final);
}

static void add_change(struct strbuf *out, const struct batch_log_row *was,
		       const struct batch_log_row *now)
{
	char *id = sanitize_dup((now ? now : was)->id);

	strbuf_addf(out, "  %s: ", id);
	if (was)
		add_state(out, was);
	else
		strbuf_addstr(out, "(new)");
	strbuf_addstr(out, " -> ");
	if (now)
		add_state(out, now);
	else
		strbuf_addstr(out, "(gone)");
	strbuf_addch(out, '\n');
	free(id);
}

size_t batch_log_changes(const struct batch_log_rows *before,
			 const struct batch_log_rows *after,
			 struct strbuf *out)
{
	size_t i = 0, j = 0, changes = 0;

	/* Both sorted by id in byte order: one walk, like a merge. */
	while (i < before->nr || j < after->nr) {
		const struct batch_log_row *was = i < before->nr ?
			&before->items[i] : NULL;
		const struct batch_log_row *now = j < after->nr ?
			&after->items[j] : NULL;
		int order = !was ? 1 : !now ? -1 : strcmp(was->id, now->id);

		if (order == 0) {
			i++;
			j++;
			if (!strcmp(was->status, now->status) &&
			    !strcmp(was->final, now->final))
				continue;
		} else if (order < 0) {
			i++;
			now = NULL;
		} else {
			j++;
			was = NULL;
		}
		add_change(out, was, now);
		changes++;
	}
	return changes;
}

/* The gradebook at path as rows; none when it is not there or garbled. */
static void read_gradebook(struct batch_log_rows *rows, const char *path)
{
	struct strbuf text;

	strbuf_init(&text);
	memset(rows, 0, sizeof *rows);
	/* Garbled: no rows (released), so every student shows as new. */
	if (strbuf_read_file(&text, path, GRADEBOOK_READ_BYTES))
		batch_log_read_rows(rows, text.buf);
	strbuf_release(&text);
}

void batch_log_init(struct batch_log *log, const char *out,
		    unsigned shard_index, unsigned shard_count)
{
	log->path = shard_count > 1 ?
		xstrfmt("%s/grading.shard-%u-of-%u.log", out, shard_index,
			shard_count) :
		xstrfmt("%s/grading.log", out);
	log->gradebook = gradebook_path(out, shard_index, shard_count);
	read_gradebook(&log->before, log->gradebook);
}

void batch_log_release(struct batch_log *log)
{
	batch_log_rows_release(&log->before);
	free(log->gradebook);
	free(log->path);
}

/* Drops the oldest runs (whole) until the log fits its limit. */
static void keep_newest(struct strbuf *text)
{
	const char *cut = text->buf;

	while (text->len - (size_t)(cut - text->buf) > BATCH_LOG_MAX_BYTES) {
		const char *next = strstr(cut + 1, "\n20");

		if (!next)
			break;
		cut = next + 1;
	}
	if (cut != text->buf) {
		size_t keep = text->len - (size_t)(cut - text->buf);

		memmove(text->buf, cut, keep);
		text->len = keep;
		text->buf[keep] = '\0';
	}
}

static void add_run(struct strbuf *out, const char *ending, int status,
		    size_t graded, size_t kept)
{
	char when[32];
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &tm);
	strbuf_addf(out, "%s  %s, exit %d: %zu graded in this run, %zu kept "
		    "from earlier runs\n", when, ending, status, graded, kept);
}

int batch_log_append(struct batch_log *log, const char *ending, int status,
		     size_t graded, size_t kept)
{
	struct batch_log_rows after;
	struct strbuf text;
	size_t changes = 0;
	int result;

	strbuf_init(&text);
	if (!strbuf_read_file(&text, log->path, BATCH_LOG_MAX_BYTES * 2)) {
		if (errno != ENOENT) {	/* ENOENT: the first run */
			struct strbuf why = STRBUF_INIT;

			strbuf_add_read_error(&why, BATCH_LOG_MAX_BYTES * 2);
			fprintf(stderr, "grader: cannot read %s (%s); it is "
				"written anew, beginning with this run\n",
				log->path, why.buf);
			strbuf_release(&why);
		}
		strbuf_reset(&text);
	}
	add_run(&text, ending, status, graded, kept);
	read_gradebook(&after, log->gradebook);
	if (after.nr)
		changes = batch_log_changes(&log->before, &after, &text);
	if (after.nr && !changes)
		strbuf_addstr(&text, "  no student's status or final score "
			      "changed\n");
	keep_newest(&text);
	result = strbuf_write_file(&text, log->path);
	if (result != 0)
		fprintf(stderr, "grader: cannot write %s (%s); the grades are "
			"written, only this record of the run is not\n",
			log->path, strerror(errno));
	batch_log_rows_release(&after);
	strbuf_release(&text);
	return result;
}
