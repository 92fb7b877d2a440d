/*
 * gradebook.c - gradebook rows to CSV and back.
 */
#include "gradebook.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch/adjust.h"
#include "core/catalog.h"

/*
 * After the exercise columns.  Consumers read columns by position: new
 * ones are appended, never inserted.
 */
static const char *const tail_columns[] = {
	"total", "max", "seed", "status",
	"adjustment", "late_days", "late_penalty", "final",
};
enum { TAIL_COLUMNS = sizeof tail_columns / sizeof *tail_columns };

void gradebook_fields_init(struct gradebook_fields *fields)
{
	memset(fields, 0, sizeof *fields);
}

static void fields_clear(struct gradebook_fields *fields)
{
	for (size_t i = 0; i < fields->nr; i++)
		free(fields->items[i]);
	fields->nr = 0;
}

void gradebook_fields_release(struct gradebook_fields *fields)
{
	fields_clear(fields);
	free(fields->items);
	gradebook_fields_init(fields);
}

static void fields_push(struct gradebook_fields *fields, char *item)
{
	if (fields->nr == fields->alloc) {
		fields->alloc = fields->alloc ? 2 * fields->alloc : 16;
		fields->items = xrealloc(fields->items, fields->alloc *
					 sizeof *fields->items);
	}
	fields->items[fields->nr++] = item;
}

void gradebook_add_field(struct strbuf *out, const char *text)
{
	if (!text[strcspn(text, ",\"\r\n")]) {
		strbuf_addstr(out, text);
		return;
	}
	strbuf_addch(out, '"');
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			strbuf_addch(out, '"');
		strbuf_addch(out, *p);
	}
	strbuf_addch(out, '"');
}

void gradebook_header(struct strbuf *out)
{
	strbuf_addstr(out, "student");
	for (size_t i = 0; i < catalog_count(); i++)
		strbuf_addf(out, ",%s", catalog_exercise_at(i)->name);
	for (size_t i = 0; i < TAIL_COLUMNS; i++)
		strbuf_addf(out, ",%s", tail_columns[i]);
	strbuf_addch(out, '\n');
}

/* ",adjustment,late_days,late_penalty,final" */
static void add_adjusted(const struct gradebook_row *row, struct strbuf *out)
{
	int64_t total = row->graded ? (int64_t)row->total * 100 : 0;

	strbuf_addch(out, ',');
	adjust_format_centi(out, row->adjusted ? row->adjustment : 0);
	strbuf_addch(out, ',');
	if (row->adjusted && row->late_days >= 0)
		strbuf_addf(out, "%" PRId64, row->late_days);
	strbuf_addch(out, ',');
	adjust_format_centi(out, row->adjusted ? row->late_penalty : 0);
	strbuf_addch(out, ',');
	adjust_format_centi(out, row->adjusted ? row->final : total);
}

void gradebook_format_row(const struct gradebook_row *row,
			  struct strbuf *out)
{
	gradebook_add_field(out, row->student);
	for (size_t i = 0; i < catalog_count(); i++)
		strbuf_addf(out, ",%zu", row->graded ? row->points[i] : 0);
	strbuf_addf(out, ",%zu,", row->graded ? row->total : 0);
	if (row->graded)
		strbuf_addf(out, "%zu", row->max);
	strbuf_addch(out, ',');
	if (row->seed)
		strbuf_addf(out, "%" PRIu64, row->seed);
	strbuf_addch(out, ',');
	gradebook_add_field(out, row->status);
	add_adjusted(row, out);
	strbuf_addch(out, '\n');
}

/* One field at p; returns where it ended (at ',', line end or NUL). */
static const char *parse_field(const char *p, struct strbuf *field, int *bad)
{
	if (*p != '"') {
		size_t len = strcspn(p, ",\r\n");

		strbuf_add(field, p, len);
		return p + len;
	}
	for (p++; *p; p++) {
		if (*p == '"' && p[1] == '"') {
			strbuf_addch(field, '"');
			p++;
		} else if (*p == '"') {
			return p + 1;
		} else {
			strbuf_addch(field, *p);
		}
	}
	*bad = 1;
	return p;
}

int gradebook_parse_record(const char **cursor,
			   struct gradebook_fields *fields)
{
	const char *p = *cursor;
	struct strbuf field;
	int bad = 0;

	fields_clear(fields);
	if (!*p)
		return 0;
	strbuf_init(&field);
	for (;;) {
		p = parse_field(p, &field, &bad);
		fields_push(fields, strbuf_detach(&field));
		if (*p != ',')
			break;
		p++;
	}
	strbuf_release(&field);
	if (*p == '\r')
		p++;
	if (*p == '\n')
		p++;
	*cursor = p;
	return bad ? -1 : 1;
}

static int parse_count(const char *text, size_t *value)
{
	char *end;
	unsigned long long v;

	if (!*text || *text < '0' || *text > '9')
		return -1;
	v = strtoull(text, &end, 10);
	*value = (size_t)v;
	return *end ? -1 : 0;
}

/* Hundredths as adjust_format_centi writes them; 0 or -1. */
static int parse_centi(const char *text, int64_t *centi)
{
	struct adjust_amount amount;
	const char *end;

	if (adjust_parse_amount(text, INT64_MAX / 1000, &amount, &end) ||
	    *end || amount.percent)
		return -1;
	*centi = amount.centi;
	return 0;
}

/* The four columns after status. */
static int parse_adjusted(char *const *f, struct gradebook_row *row)
{
	size_t days = 0;

	row->adjusted = true;
	row->late_days = -1;
	if (*f[1]) {
		if (parse_count(f[1], &days) != 0 || days > INT64_MAX)
			return -1;
		row->late_days = (int64_t)days;
	}
	return parse_centi(f[0], &row->adjustment) ||
	       parse_centi(f[2], &row->late_penalty) ||
	       parse_centi(f[3], &row->final) ? -1 : 0;
}

int gradebook_row_parse(const struct gradebook_fields *fields,
			struct gradebook_row *row)
{
	size_t n = catalog_count();
	char *const *f = fields->items;
	size_t seed = 0;

	memset(row, 0, sizeof *row);
	if (fields->nr != 1 + n + TAIL_COLUMNS || !*f[0] || !*f[n + 4])
		return -1;
	row->student = f[0];
	for (size_t i = 0; i < n; i++)
		if (parse_count(f[1 + i], &row->points[i]) != 0)
			return -1;
	if (parse_count(f[n + 1], &row->total) != 0 ||
	    (*f[n + 3] && parse_count(f[n + 3], &seed) != 0))
		return -1;
	row->graded = *f[n + 2] != '\0';
	if (row->graded && parse_count(f[n + 2], &row->max) != 0)
		return -1;
	row->seed = seed;
	row->status = f[n + 4];
	return parse_adjusted(f + n + 5, row);
}

char *gradebook_path(const char *dir, unsigned shard_index,
		     unsigned shard_count)
{
	if (shard_count <= 1)
		return xstrfmt("%s/gradebook.csv", dir);
	return xstrfmt("%s/gradebook.shard-%u-of-%u.csv", dir, shard_index,
		       shard_count);
}

char *gradebook_partial_path(const char *dir, unsigned shard_index,
			     unsigned shard_count)
{
	if (shard_count <= 1)
		return xstrfmt("%s/gradebook.partial.csv", dir);
	return xstrfmt("%s/gradebook.shard-%u-of-%u.partial.csv", dir,
		       shard_index, shard_count);
}

int gradebook_read(const char *out, struct strbuf *text, struct strbuf *error)
{
	char *path = gradebook_path(out, 1, 1);
	int status = 0;

	if (!strbuf_read_file(text, path, GRADEBOOK_READ_BYTES)) {
		strbuf_addf(error, "cannot read %s (", path);
		strbuf_add_read_error(error, GRADEBOOK_READ_BYTES);
		strbuf_addstr(error, errno == EFBIG ? "); split the class into "
			      "several batches" : "); run the batch first");
		status = -1;
	}
	free(path);
	return status;
}
