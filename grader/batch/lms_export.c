/*
 * lms_export.c - writing a gradebook for an LMS to import.
 */
#include "lms_export.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "adjust.h"

void lms_export_init(struct lms_export *export, enum lms_kind kind,
		     enum lms_kind from, const char *assignment)
{
	memset(export, 0, sizeof *export);
	export->kind = kind;
	export->from = from;
	export->assignment = assignment ? assignment : LMS_EXPORT_ASSIGNMENT;
}

void lms_export_release(struct lms_export *export)
{
	for (size_t i = 0; i < export->nr; i++)
		free(export->rows[i].score);
	free(export->rows);
	memset(export, 0, sizeof *export);
}

/*
 * No grade for a student with nothing handed in, two entries, or a
 * grader failure: an empty cell leaves the LMS's grade alone, where a 0
 * would be a grade.  Every other student gets their points.
 */
static bool no_grade(const char *status)
{
	return !strcmp(status, "missing") || !strcmp(status, "error") ||
	       !strcmp(status, "duplicate");
}

/*
 * What the LMS gets: the gradebook's final column (the adjustments and
 * late penalty applied, adjust.h), or nothing for a student with no grade.
 */
static char *export_score(const struct gradebook_row *row)
{
	struct strbuf sb;

	if (no_grade(row->status))
		return xstrdup("");
	if (!row->adjusted)
		return xstrfmt("%zu", row->graded ? row->total : 0);
	strbuf_init(&sb);
	adjust_format_centi(&sb, row->final);
	return strbuf_detach(&sb);
}

void lms_export_add(struct lms_export *export,
		    const struct batch_entry *entry,
		    const struct gradebook_row *row)
{
	struct lms_export_row *out;

	if (export->nr == export->alloc) {
		export->alloc = export->alloc ? 2 * export->alloc : 64;
		export->rows = xrealloc(export->rows, export->alloc *
					sizeof *export->rows);
	}
	out = &export->rows[export->nr++];
	out->entry = entry;
	out->score = export_score(row);
	out->max = row->graded ? row->max : 0;
}

static size_t points_possible(const struct lms_export *export)
{
	size_t max = 0;

	for (size_t i = 0; i < export->nr; i++)
		if (export->rows[i].max > max)
			max = export->rows[i].max;
	return max;
}

static const char *text(const char *value)
{
	return value ? value : "";
}

/*
 * The LMS's own key of a student (Canvas user id, Moodle participant,
 * Gradescope SID) when the ids came from that LMS: from its layout, or
 * for a roster student with no submission, the roster's id.
 */
static const char *own_key(const struct lms_export *export,
			   const struct batch_entry *entry)
{
	if (export->from != export->kind)
		return "";
	if (entry->lms_id)
		return entry->lms_id;
	return entry->path ? "" : entry->id;
}

/* The institution's id: a plain batch's ids (named by the instructor). */
static const char *plain_id(const struct lms_export *export,
			    const struct batch_entry *entry)
{
	return export->from == LMS_NONE ? entry->id : "";
}

/* A name to show: the roster's or the layout's, else the id. */
static const char *display_name(const struct batch_entry *entry)
{
	return entry->name && *entry->name ? entry->name : entry->id;
}

static void fields(struct strbuf *out, const char *const *values, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_addch(out, ',');
		gradebook_add_field(out, values[i]);
	}
	strbuf_addch(out, '\n');
}

/*
 * Canvas matches a row by ID (its user id) or, without one, by SIS
 * Login ID: a plain batch's ids go there.
 */
static void write_canvas(const struct lms_export *export, size_t possible,
			 struct strbuf *out)
{
	char *points = xstrfmt("%zu", possible);
	const char *header[] = { "Student", "ID", "SIS User ID",
				 "SIS Login ID", "Section",
				 export->assignment };
	const char *second[] = { "Points Possible", "", "", "", "", points };

	fields(out, header, 6);
	fields(out, second, 6);
	for (size_t i = 0; i < export->nr; i++) {
		const struct batch_entry *e = export->rows[i].entry;
		const char *row[] = {
			display_name(e), own_key(export, e), "",
			plain_id(export, e), "", export->rows[i].score,
		};

		fields(out, row, 6);
	}
	free(points);
}

/* Moodle's grading worksheet: "Participant N" is its own identifier. */
static void write_moodle(const struct lms_export *export, size_t possible,
			 struct strbuf *out)
{
	char *points = xstrfmt("%zu", possible);
	const char *header[] = { "Identifier", "Full name", "Email address",
				 "ID number", "Grade", "Maximum Grade" };

	fields(out, header, 6);
	for (size_t i = 0; i < export->nr; i++) {
		const struct batch_entry *e = export->rows[i].entry;
		const char *key = own_key(export, e);
		char *identifier = *key ? xstrfmt("Participant %s", key) :
				   xstrdup("");
		const char *row[] = {
			identifier, display_name(e), text(e->email),
			plain_id(export, e), export->rows[i].score, points,
		};

		fields(out, row, 6);
		free(identifier);
	}
	free(points);
}

/* Gradescope matches by email, else SID. */
static void write_gradescope(const struct lms_export *export,
			     size_t possible, struct strbuf *out)
{
	char *points = xstrfmt("%zu", possible);
	const char *header[] = { "Name", "SID", "Email", "Total Score",
				 "Max Points" };

	fields(out, header, 5);
	for (size_t i = 0; i < export->nr; i++) {
		const struct batch_entry *e = export->rows[i].entry;
		const char *row[] = {
			display_name(e), export->from == LMS_NONE ? e->id :
			own_key(export, e), text(e->email),
			export->rows[i].score, points,
		};

		fields(out, row, 5);
	}
	free(points);
}

int lms_export_write(const struct lms_export *export, const char *path,
		     struct strbuf *error)
{
	size_t possible = points_possible(export);
	struct strbuf out;
	int status = 0;

	if (!possible) {
		strbuf_addf(error, "--export %s %s: no student was graded, so "
			    "the points possible are unknown; nothing written",
			    lms_kind_name(export->kind), path);
		return -1;
	}
	strbuf_init(&out);
	if (export->kind == LMS_CANVAS)
		write_canvas(export, possible, &out);
	else if (export->kind == LMS_MOODLE)
		write_moodle(export, possible, &out);
	else
		write_gradescope(export, possible, &out);
	if (strbuf_write_file(&out, path) != 0) {
		strbuf_addf(error, "--export %s %s: cannot write it (%s); give "
			    "a file in a writable folder",
			    lms_kind_name(export->kind), path, strerror(errno));
		status = -1;
	}
	strbuf_release(&out);
	return status;
}
