/*
 * roster.c - reading --roster FILE and matching it with the entries.
 */
#include "roster.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "student_id.h"
#include "report/gradebook.h"

static const char *const header[] = { "id", "name", "email" };
enum { ROSTER_COLUMNS = 3 };

void roster_init(struct roster *roster)
{
	memset(roster, 0, sizeof *roster);
}

void roster_release(struct roster *roster)
{
	for (size_t i = 0; i < roster->nr; i++) {
		free(roster->students[i].id);
		free(roster->students[i].name);
		free(roster->students[i].email);
	}
	free(roster->students);
	roster_init(roster);
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct roster_student *)a)->id,
		      ((const struct roster_student *)b)->id);
}

static const struct roster_student *find(const struct roster *roster,
					 const char *id)
{
	struct roster_student key = { .id = (char *)id };

	return roster->nr ? bsearch(&key, roster->students, roster->nr,
				    sizeof *roster->students, by_id) : NULL;
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

static void add_student(struct roster *roster, const char *id,
			const char *name, const char *email)
{
	struct roster_student *student;

	if (roster->nr == roster->alloc) {
		roster->alloc = roster->alloc ? 2 * roster->alloc : 64;
		roster->students = xrealloc(roster->students, roster->alloc *
					    sizeof *roster->students);
	}
	student = &roster->students[roster->nr++];
	student->id = xstrdup(id);
	student->name = xstrdup(name);
	student->email = xstrdup(email);
}

static void sort(struct roster *roster)
{
	if (roster->nr)	/* qsort wants a non-NULL array */
		qsort(roster->students, roster->nr, sizeof *roster->students,
		      by_id);
}

/* Before sorting: a linear look (rosters are hundreds of lines). */
static bool listed(const struct roster *roster, const char *id)
{
	for (size_t i = 0; i < roster->nr; i++)
		if (!strcmp(roster->students[i].id, id))
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
			add_student(roster, fields.items[0], fields.items[1],
				    fields.items[2]);
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
	if (!strbuf_read_file(&text, path, ROSTER_MAX_BYTES)) {
		strbuf_addf(error, "--roster %s: cannot read it (", path);
		strbuf_add_read_error(error, ROSTER_MAX_BYTES);
		strbuf_addstr(error, "); give a CSV file of at most ");
		strbuf_add_bytes(error, ROSTER_MAX_BYTES);
	} else if (parse(roster, text.buf + (strncmp(text.buf, bom, 3) ? 0 : 3),
		       &line, &problem) != 0)
		strbuf_addf(error, "--roster %s line %zu: %s", path, line,
			    problem);
	else
		status = 0;
	sort(roster);
	free(problem);
	strbuf_release(&text);
	return status;
}

/* The roster's name and email win over an LMS layout's, unless empty. */
static void take_identity(struct batch_entry *entry,
			  const struct roster_student *student)
{
	if (*student->name) {
		free(entry->name);
		entry->name = xstrdup(student->name);
	}
	if (*student->email) {
		free(entry->email);
		entry->email = xstrdup(student->email);
	}
}

void roster_apply(const struct roster *roster,
		  struct batch_entries *entries)
{
	size_t listed = entries->nr;
	struct roster present;

	roster_init(&present);
	for (size_t i = 0; i < listed; i++) {
		struct batch_entry *entry = &entries->items[i];
		const struct roster_student *student = find(roster, entry->id);

		entry->off_roster = !student;
		if (student)
			take_identity(entry, student);
		add_student(&present, entry->id, "", "");
	}
	sort(&present);
	for (size_t i = 0; i < roster->nr; i++) {
		const struct roster_student *student = &roster->students[i];

		if (!find(&present, student->id))
			take_identity(batch_entries_add_missing(entries,
				student->id), student);
	}
	roster_release(&present);
}
