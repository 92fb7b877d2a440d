/*
 * lms_names.c - the names Canvas and Moodle give the files of a bulk
 * download.  Both put the student before the file's own name, joined by
 * '_'; the file's own name may hold '_' too, so each is split at the
 * first place the platform's pattern fits, as the platform itself does
 * when it reads such names back.
 */
#include "lms.h"

#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = {
	[LMS_NONE] = "none",
	[LMS_CANVAS] = "canvas",
	[LMS_MOODLE] = "moodle",
	[LMS_GRADESCOPE] = "gradescope",
};

int lms_kind_parse(const char *text)
{
	for (int i = LMS_CANVAS; i <= LMS_GRADESCOPE; i++)
		if (!strcmp(text, kind_names[i]))
			return i;
	return -1;
}

const char *lms_kind_name(enum lms_kind kind)
{
	return kind_names[kind];
}

/* The '_'-separated fields of a name (pointers into a copy). */
struct fields {
	char *copy;
	char **items;
	size_t nr;
};

static void split(struct fields *f, const char *name)
{
	size_t n = 1;

	for (const char *p = name; *p; p++)
		n += *p == '_';
	f->copy = xstrdup(name);
	f->items = xcalloc(n, sizeof *f->items);
	f->nr = 0;
	f->items[f->nr++] = f->copy;
	for (char *p = f->copy; *p; p++)
		if (*p == '_') {
			*p = '\0';
			f->items[f->nr++] = p + 1;
		}
}

static void fields_release(struct fields *f)
{
	free(f->items);
	free(f->copy);
}

/* Fields [from, nr) joined by '_' again (malloc'd). */
static char *join_from(const struct fields *f, size_t from)
{
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t i = from; i < f->nr; i++) {
		if (i > from)
			strbuf_addch(&sb, '_');
		strbuf_addstr(&sb, f->items[i]);
	}
	return strbuf_detach(&sb);
}

/* Fields [0, to) joined by '_' (malloc'd). */
static char *join_to(const struct fields *f, size_t to)
{
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t i = 0; i < to; i++) {
		if (i)
			strbuf_addch(&sb, '_');
		strbuf_addstr(&sb, f->items[i]);
	}
	return strbuf_detach(&sb);
}

static bool digits(const char *text)
{
	if (!*text)
		return false;
	for (; *text; text++)
		if (*text < '0' || *text > '9')
			return false;
	return true;
}

static bool alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/*
 * Where Canvas's extension starts (it matches
 * (\.[A-Za-z][A-Za-z0-9]*)*\.[A-Za-z0-9]*$), or NULL.
 */
static const char *canvas_extension(const char *file)
{
	for (const char *start = strchr(file, '.'); start;
	     start = strchr(start + 1, '.')) {
		const char *p = start;

		/* Inner parts start with a letter; the last may not. */
		while (*p == '.') {
			const char *q = p + 1;

			while (alnum(*q))
				q++;
			if (!*q)
				return start;
			if (*q != '.' || !((p[1] >= 'a' && p[1] <= 'z') ||
					   (p[1] >= 'A' && p[1] <= 'Z')))
				break;
			p = q;
		}
	}
	return NULL;
}

char *lms_canvas_unrepeat(const char *file)
{
	const char *ext = canvas_extension(file);
	size_t base = ext ? (size_t)(ext - file) : strlen(file);
	size_t cut = base;

	while (cut > 0 && file[cut - 1] >= '0' && file[cut - 1] <= '9')
		cut--;
	/* A '-' and at least one digit, with something before them. */
	if (cut == base || cut < 2 || file[cut - 1] != '-')
		return xstrdup(file);
	return xstrfmt("%.*s%s", (int)(cut - 1), file, file + base);
}

/*
 * The user at field i: a Canvas user id (digits, with a name before it)
 * or "anon" and an anonymous id.  Returns the number of fields it takes.
 */
static size_t canvas_user(const struct fields *f, size_t i)
{
	if (!strcmp(f->items[i], "anon") && i + 1 < f->nr &&
	    *f->items[i + 1])
		return 2;
	return i > 0 && digits(f->items[i]) ? 1 : 0;
}

/* After the user: ATTACHMENTID_FILE, or text.html / link.html. */
static bool canvas_rest(const struct fields *f, size_t j,
			struct lms_canvas_name *out)
{
	if (j + 1 == f->nr && (!strcmp(f->items[j], "text.html") ||
			       !strcmp(f->items[j], "link.html"))) {
		out->file = xstrdup(f->items[j]);
		return true;
	}
	/* FILE is not empty; 18 digits fit an unsigned long long. */
	if (j + 1 >= f->nr || !digits(f->items[j]) ||
	    strlen(f->items[j]) > 18 || (j + 2 == f->nr && !*f->items[j + 1]))
		return false;
	out->attachment = strtoull(f->items[j], NULL, 10);
	out->file = join_from(f, j + 1);
	return true;
}

int lms_canvas_parse(const char *name, struct lms_canvas_name *out)
{
	struct lms_canvas_name got = { 0 };
	struct fields f;
	int status = -1;

	split(&f, name);
	for (size_t i = 0; i < f.nr && status; i++) {
		size_t taken = canvas_user(&f, i), login_end = i;

		if (!taken || !canvas_rest(&f, i + taken, &got))
			continue;
		if (login_end && !strcmp(f.items[login_end - 1], "LATE")) {
			got.late = true;
			login_end--;
		}
		got.login = join_to(&f, login_end);
		got.user = taken == 2 ? xstrfmt("anon_%s", f.items[i + 1]) :
			   xstrdup(f.items[i]);
		status = 0;
	}
	fields_release(&f);
	if (status == 0) {
		char *file = got.file;

		got.file = lms_canvas_unrepeat(file);
		free(file);
		*out = got;
	}
	return status;
}

void lms_canvas_name_release(struct lms_canvas_name *name)
{
	free(name->login);
	free(name->user);
	free(name->file);
	memset(name, 0, sizeof *name);
}

int lms_moodle_parse(const char *name, struct lms_moodle_name *out)
{
	struct fields f;
	int status = -1;

	split(&f, name);
	/* Moodle turns '_' in the name into ' ': the id is field 1. */
	if (f.nr >= 5 && digits(f.items[1]) &&
	    !strncmp(f.items[2], "assign", 6) && *f.items[3]) {
		out->full_name = xstrdup(f.items[0]);
		out->participant = xstrdup(f.items[1]);
		out->plugin = xstrdup(f.items[3]);
		out->file = join_from(&f, 4);
		status = 0;
	}
	fields_release(&f);
	return status;
}

void lms_moodle_name_release(struct lms_moodle_name *name)
{
	free(name->full_name);
	free(name->participant);
	free(name->plugin);
	free(name->file);
	memset(name, 0, sizeof *name);
}
