/*
 * adjust.c - reading the adjustments file: lines, sections and keys.  A
 * hand-edited file gets one line per problem, naming the file and line and
 * saying what would be right; nothing of a file with a problem is used.
 */
#include "adjust.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct parser {
	struct adjust_file *file;
	const char *path;
	unsigned line;
	enum { IN_NOTHING, IN_LATE, IN_STUDENT } section;
	bool late_seen, due_seen, grace_seen, penalty_seen;
	struct strbuf *error;
};

void adjust_file_init(struct adjust_file *file)
{
	memset(file, 0, sizeof *file);
}

void adjust_student_release(struct adjust_student *s)
{
	free(s->id);
	for (size_t i = 0; i < s->nr_changes; i++)
		free(s->changes[i].reason);
	free(s->changes);
	for (size_t i = 0; i < s->nr_comments; i++)
		free(s->comments[i]);
	free(s->comments);
}

void adjust_file_release(struct adjust_file *file)
{
	for (size_t i = 0; i < file->nr; i++)
		adjust_student_release(&file->students[i]);
	free(file->students);
	free(file->path);
	adjust_file_init(file);
}

static int problem(struct parser *p, const char *what, const char *todo)
{
	strbuf_addf(p->error, "%s:%u: %s; %s", p->path, p->line, what, todo);
	return -1;
}

static struct adjust_student *current(struct parser *p)
{
	return &p->file->students[p->file->nr - 1];
}

static int open_student(struct parser *p, const char *id)
{
	struct adjust_file *file = p->file;
	struct adjust_student *s;

	while (*id == ' ' || *id == '\t')
		id++;
	if (!*id)
		return problem(p, "[student] without an id",
			       "write [student ID] with the student's id as "
			       "in the gradebook");
	if (file->nr == file->alloc) {
		file->alloc = file->alloc ? 2 * file->alloc : 16;
		file->students = xrealloc(file->students, file->alloc *
					  sizeof *file->students);
	}
	s = &file->students[file->nr++];
	memset(s, 0, sizeof *s);
	s->id = xstrdup(id);
	s->line = p->line;
	p->section = IN_STUDENT;
	return 0;
}

/* "[late]" or "[student ID]" (ID up to the last ']'). */
static int open_section(struct parser *p, char *line)
{
	size_t len = strlen(line);

	if (line[len - 1] != ']')
		return problem(p, "a section header without its closing ']'",
			       "write [late] or [student ID]");
	line[len - 1] = '\0';
	if (!strcmp(line + 1, "late")) {
		if (p->late_seen)
			return problem(p, "a second [late] section",
				       "keep one late policy per file");
		p->late_seen = true;
		p->file->late.set = true;
		p->section = IN_LATE;
		return 0;
	}
	if (!strncmp(line + 1, "student", 7) &&
	    (line[8] == ' ' || line[8] == '\t' || !line[8]))
		return open_student(p, line + 8);
	return problem(p, "an unknown section",
		       "the sections are [late] and [student ID]");
}

/* Once per key: the flag says it was seen. */
static int once(struct parser *p, bool *seen, const char *key)
{
	char *what;
	int status;

	if (!*seen) {
		*seen = true;
		return 0;
	}
	what = xstrfmt("%s given twice in this section", key);
	status = problem(p, what, "keep one of them");
	free(what);
	return status;
}

static int take_amount(struct parser *p, const char *value,
		       struct adjust_amount *amount, const char *key)
{
	const char *end;

	if (adjust_parse_amount(value, ADJUST_MAX_AMOUNT, amount, &end) ||
	    *end || amount->centi < 0)
		return problem(p, key, "give points (e.g. 5 or 2.5) or a "
			       "percent of the points possible (e.g. 10%)");
	return 0;
}

static int take_late(struct parser *p, const char *key, const char *value)
{
	struct adjust_late *late = &p->file->late;

	if (!strcmp(key, "due"))
		return once(p, &p->due_seen, key) ? -1 :
		       adjust_parse_time(value, &late->due,
					 &late->due_offset) == 0 ? 0 :
		       problem(p, "due is not a time with its zone",
			       "write e.g. due = 2027-03-01 23:59 +01:00 "
			       "(or Z for UTC)");
	if (!strcmp(key, "grace"))
		return once(p, &p->grace_seen, key) ? -1 :
		       adjust_parse_duration(value, &late->grace) == 0 ? 0 :
		       problem(p, "grace is not a duration",
			       "write e.g. grace = 15m (s, m, h, d; 0 for "
			       "none)");
	if (!strcmp(key, "penalty"))
		return once(p, &p->penalty_seen, key) ? -1 :
		       take_amount(p, value, &late->penalty,
				   "penalty is not an amount per day");
	if (!strcmp(key, "cap"))
		return once(p, &late->has_cap, key) ? -1 :
		       take_amount(p, value, &late->cap,
				   "cap is not an amount");
	return problem(p, "an unknown key in [late]",
		       "the keys are due, grace, penalty and cap");
}

static int take_change(struct parser *p, const char *value)
{
	struct adjust_student *s = current(p);
	struct adjust_amount amount;
	const char *reason;

	if (adjust_parse_amount(value, ADJUST_MAX_AMOUNT, &amount, &reason) ||
	    amount.percent || (*reason != ' ' && *reason != '\t'))
		return problem(p, "adjust needs points and a reason",
			       "write e.g. adjust = +5 02_bce graded by hand");
	while (*reason == ' ' || *reason == '\t')
		reason++;
	if (s->nr_changes == s->alloc_changes) {
		s->alloc_changes = s->alloc_changes ? 2 * s->alloc_changes : 4;
		s->changes = xrealloc(s->changes, s->alloc_changes *
				      sizeof *s->changes);
	}
	s->changes[s->nr_changes].centi = amount.centi;
	s->changes[s->nr_changes++].reason = xstrdup(reason);
	return 0;
}

static int take_student(struct parser *p, const char *key, const char *value)
{
	struct adjust_student *s = current(p);
	int offset;

	if (!strcmp(key, "adjust"))
		return take_change(p, value);
	if (!strcmp(key, "comment")) {
		if (s->nr_comments == s->alloc_comments) {
			s->alloc_comments = s->alloc_comments ?
					    2 * s->alloc_comments : 4;
			s->comments = xrealloc(s->comments, s->alloc_comments *
					       sizeof *s->comments);
		}
		s->comments[s->nr_comments++] = xstrdup(value);
		return 0;
	}
	if (!strcmp(key, "extension"))
		return once(p, &s->has_extension, key) ? -1 :
		       adjust_parse_time(value, &s->extension, &offset) == 0 ?
		       0 : problem(p, "extension is not a time with its zone",
				   "write e.g. extension = 2027-03-04 23:59 "
				   "+01:00");
	return problem(p, "an unknown key in [student]",
		       "the keys are adjust, comment and extension");
}

static int take_pair(struct parser *p, char *line)
{
	char *equals = strchr(line, '=');
	char *key = line, *value, *end;

	if (!equals)
		return problem(p, "a line that is neither KEY = VALUE nor a "
			       "[section]", "write e.g. adjust = +5 REASON, "
			       "or start the line with # for a comment");
	value = equals + 1;
	for (end = equals; end > key && (end[-1] == ' ' || end[-1] == '\t');)
		end--;
	*end = '\0';
	while (*value == ' ' || *value == '\t')
		value++;
	if (p->section == IN_NOTHING)
		return problem(p, "a key before any section",
			       "put it under [late] or [student ID]");
	if (!*value)
		return problem(p, "a key without a value",
			       "write KEY = VALUE, or delete the line");
	return p->section == IN_LATE ? take_late(p, key, value) :
	       take_student(p, key, value);
}

static int take_line(struct parser *p, char *line)
{
	size_t len = strlen(line);

	while (len && (line[len - 1] == ' ' || line[len - 1] == '\t' ||
		       line[len - 1] == '\r'))
		line[--len] = '\0';
	while (*line == ' ' || *line == '\t')
		line++;
	if (!*line || *line == '#' || *line == ';')
		return 0;
	if (*line == '[')
		return open_section(p, line);
	return take_pair(p, line);
}

static int check_late(struct parser *p)
{
	if (!p->late_seen || (p->due_seen && p->penalty_seen))
		return 0;
	strbuf_addf(p->error, "%s: the [late] section needs both due and "
		    "penalty; add them, or delete the section", p->path);
	return -1;
}

/* Splits text into lines; a NUL byte stops at its line. */
static int take_text(struct parser *p, const char *text, size_t len)
{
	const char *cursor = text, *end = text + len;
	int status = 0;

	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		cursor += 3;
	while (status == 0 && cursor < end) {
		const char *nl = memchr(cursor, '\n', (size_t)(end - cursor));
		size_t line_len = (nl ? nl : end) - cursor;
		char *line = xstrfmt("%.*s", (int)line_len, cursor);

		p->line++;
		if (memchr(cursor, '\0', line_len))
			status = problem(p, "a NUL byte",
					 "save the file as plain UTF-8 text");
		else
			status = take_line(p, line);
		free(line);
		cursor += line_len + (nl != NULL);
	}
	return status;
}

int adjust_parse(struct adjust_file *file, const char *path,
		 const char *text, size_t len, struct strbuf *error)
{
	struct parser p = { .file = file, .path = path, .error = error };
	int status;

	adjust_file_release(file);
	file->path = xstrdup(path);
	status = take_text(&p, text, len);
	if (status == 0 && adjust_students_merge(file, &p.line) != 0)
		status = problem(&p, "a second extension for this student",
				 "keep one of them");
	if (status == 0)
		status = check_late(&p);
	if (status != 0) {
		adjust_file_release(file);
		return -1;
	}
	return 0;
}

int adjust_load(struct adjust_file *file, const char *path,
		struct strbuf *error)
{
	struct strbuf text;
	int status;

	strbuf_init(&text);
	if (!strbuf_read_file(&text, path, ADJUST_MAX_FILE_BYTES)) {
		strbuf_addf(error, "%s: cannot read it (", path);
		strbuf_add_read_error(error, ADJUST_MAX_FILE_BYTES);
		strbuf_addstr(error, "); give a readable file of at most ");
		strbuf_add_bytes(error, ADJUST_MAX_FILE_BYTES);
		strbuf_addstr(error, " with --adjustments");
		strbuf_release(&text);
		return -1;
	}
	status = adjust_parse(file, path, text.buf, text.len, error);
	strbuf_release(&text);
	return status;
}
