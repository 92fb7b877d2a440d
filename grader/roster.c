/*
 * roster.c - reading --roster FILE and matching it with the entries.
 */
#include "roster.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "gradebook.h"
#include "student_id.h"

static const char *const header[] = { "id", "name", "email" };
enum { ROSTER_COLUMNS = 3 };

void roster_init(struct roster *roster)
{
	memset(roster, 0, sizeof *roster);
}

void roster_release(struct roster *roster)
{
	for (size_t i = 0; i < roster->nr; i++)
		free(roster->ids[i]);
	free(roster->ids);
	roster_init(roster);
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has(const struct roster *roster, const char *id)
{
	return roster->nr && bsearch(&id, roster->ids, roster->nr,
				     sizeof *roster->ids, by_text);
}

static bool blank(const struct gradebook_fields *fields)
{
	return fields->nr == 1 && !*fields->items[0];
}

/* What is wrong with one record (NULL: nothing); line 1 is the header. */
static char *check_record(const struct gradebook_fields *fields,
			  bool is_header)
{
	if (fields->nr != ROSTER_COLUMNS)
		return xstrfmt("%zu field%s, expected 3 (%s); quote a field "
			       "that holds a comma", fields->nr,
			       fields->nr == 1 ? "" : "s", is_header ?
			       "the header id,name,email" : "id,name,email");
	for (size_t i = 0; is_header && i < ROSTER_COLUMNS; i++)
		if (strcmp(fields->items[i], header[i]))
			return xstrfmt("the header is not id,name,email; make "
				       "that the first line");
	if (!is_header && !student_id_valid(fields->items[0]))
		return xstrfmt("the id \"%s\" cannot name a submission (it is "
			       "empty, \".\", \"..\" or holds a /); give the "
			       "name of the student's folder or archive",
			       fields->items[0]);
	return NULL;
}

static void add_id(struct roster *roster, const char *id)
{
	if (roster->nr == roster->alloc) {
		roster->alloc = roster->alloc ? 2 * roster->alloc : 64;
		roster->ids = xrealloc(roster->ids, roster->alloc *
				       sizeof *roster->ids);
	}
	roster->ids[roster->nr++] = xstrdup(id);
}

/* Before sorting: a linear look (rosters are hundreds of lines). */
static bool listed(const struct roster *roster, const char *id)
{
	for (size_t i = 0; i < roster->nr; i++)
		if (!strcmp(roster->ids[i], id))
			return true;
	return false;
}

/* Records, counting lines; 0, or -1 with the problem and its line. */
static int parse(struct roster *roster, const char *text, size_t *line,
		 char **problem)
{
	struct gradebook_fields fields;
	const char *cursor = text, *start;
	size_t records = 0;
	int got;

	gradebook_fields_init(&fields);
	*line = 1;
	for (start = cursor; !*problem &&
	     (got = gradebook_parse_record(&cursor, &fields)) != 0;
	     start = cursor) {
		if (got < 0)
			*problem = xstrdup("a quoted field is not closed; "
					   "close it with \"");
		else if (!(blank(&fields) && records))
			*problem = check_record(&fields, records == 0);
		if (!*problem && records && !blank(&fields) &&
		    listed(roster, fields.items[0]))
			*problem = xstrfmt("the id \"%s\" is listed on an "
					   "earlier line too; keep one line "
					   "per student", fields.items[0]);
		if (*problem)
			break;
		if (records++ && !blank(&fields))
			add_id(roster, fields.items[0]);
		for (const char *p = start; p < cursor; p++)
			*line += *p == '\n';
	}
	if (!records && !*problem)
		*problem = xstrdup("the file is empty; its first line must be "
				   "id,name,email");
	gradebook_fields_release(&fields);
	return *problem ? -1 : 0;
}

int roster_load(struct roster *roster, const char *path,
		struct strbuf *error)
{
	static const char bom[] = "\xEF\xBB\xBF";
	struct strbuf text;
	char *problem = NULL;
	size_t line = 0;
	int status = -1;

	strbuf_init(&text);
	errno = 0;
	if (!strbuf_read_file(&text, path, ROSTER_MAX_BYTES))
		strbuf_addf(error, "--roster %s: cannot read it (%s); give a "
			    "CSV file of at most %zu MiB", path,
			    errno ? strerror(errno) : "too large",
			    ROSTER_MAX_BYTES >> 20);
	else if (parse(roster, text.buf + (strncmp(text.buf, bom, 3) ? 0 : 3),
		       &line, &problem) != 0)
		strbuf_addf(error, "--roster %s line %zu: %s", path, line,
			    problem);
	else
		status = 0;
	if (roster->nr)	/* qsort wants a non-NULL array */
		qsort(roster->ids, roster->nr, sizeof *roster->ids, by_text);
	free(problem);
	strbuf_release(&text);
	return status;
}

void roster_apply(const struct roster *roster,
		  struct batch_entries *entries)
{
	size_t listed = entries->nr;
	struct roster present;

	roster_init(&present);
	for (size_t i = 0; i < listed; i++) {
		entries->items[i].off_roster = !has(roster, entries->items[i].id);
		add_id(&present, entries->items[i].id);
	}
	if (present.nr)
		qsort(present.ids, present.nr, sizeof *present.ids, by_text);
	for (size_t i = 0; i < roster->nr; i++)
		if (!has(&present, roster->ids[i]))
			batch_entries_add_missing(entries, roster->ids[i]);
	roster_release(&present);
}
