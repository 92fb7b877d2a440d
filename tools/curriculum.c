/*
 * curriculum.c - writes the parts of the contract that people read from
 * the curriculum's manifest (include/curriculum.def), so they cannot
 * drift from what the grader compiles:
 *
 *   build/tools/curriculum write FILE...   regenerate the marked part
 *   build/tools/curriculum check FILE...   exit 1 when it is out of date
 *
 * A FILE ending in .h gets the declarations of every exercise (the
 * contract header, include/workbook.h), one ending in .md the tables of
 * docs/contract.md.  Only the text between the two marker lines is
 * written; the rest of the file (conventions, prose) stays as it is.
 * `make contract` runs the first, `make check-release` the second.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "array_size.h"
#include "wire_map.h"
#include "util/strbuf.h"

/* The most of a header or page with a generated part that is read. */
#define GENERATED_MAX_BYTES ((size_t)1 << 20)

#define STR(x) STR_(x)
#define STR_(x) #x

/* The declaration of a scalar_fn parameter needs the typedef before it. */
#define CALLBACK_TYPEDEF \
	"typedef double (*scalar_fn)(const double *x, size_t n, void *ctx);"

struct function {
	const char *name;	/* NULL ends an exercise's list */
	const char *returns;	/* "double" */
	int chapter;
	const char *section;
	const char *meaning;
	const char *parameters[WIRE_MAX_ARGS + 1]; /* "const double *y" */
};

struct exercise {
	const char *stem;
	int number, chapter;
	const char *chapter_file, *title;
	int points, hidden_points;
	const struct function *functions;
};

#define PARAMETER(kind, name, length) STR(WIRE_DECL_##kind(name)),

static const struct exercise exercises[] = {
#define WB_EXERCISE(stem, number, chapter, chapter_file, title, points,      \
		    hidden_points)                                            \
	{ #stem, number, chapter, chapter_file, title, points, hidden_points, \
	  (const struct function[]){
#define WB_FUNCTION(name, chapter, section, meaning, returns, ...)           \
	{ #name, STR(WIRE_TYPE_##returns), chapter, section, meaning,         \
	  { WIRE_MAP(PARAMETER, __VA_ARGS__) } },
#define WB_EXERCISE_END(stem) { .name = NULL } } },
#include "curriculum.def"
#undef WB_EXERCISE
#undef WB_FUNCTION
#undef WB_EXERCISE_END
};

/* ---- the contract header ---------------------------------------------- */

static size_t column_after(const struct strbuf *sb)
{
	size_t column = 0;

	for (size_t i = sb->len; i > 0 && sb->buf[i - 1] != '\n'; i--)
		column += sb->buf[i - 1] == '\t' ? 8 : 1;
	return column;
}

/* Tabs then spaces up to column (the kernel's style for continuations). */
static void indent_to(struct strbuf *sb, size_t column)
{
	for (size_t i = 0; i < column / 8; i++)
		strbuf_addch(sb, '\t');
	for (size_t i = 0; i < column % 8; i++)
		strbuf_addch(sb, ' ');
}

/*
 * "double f(const double *y, size_t n);", wrapped before a parameter that
 * would make the line longer than WIDTH, continued under the first one.
 */
static void add_declaration(struct strbuf *sb, const struct function *f)
{
	enum { WIDTH = 79 };
	size_t start = sb->len, align;

	strbuf_addf(sb, "%s %s(", f->returns, f->name);
	align = sb->len - start;
	for (size_t p = 0; f->parameters[p]; p++) {
		/* ", " before it, "," or ");" after it */
		size_t end = column_after(sb) + 2 + strlen(f->parameters[p]) +
			     (f->parameters[p + 1] ? 1 : 2);

		if (p > 0 && end > WIDTH) {
			strbuf_addstr(sb, ",\n");
			indent_to(sb, align);
		} else if (p > 0) {
			strbuf_addstr(sb, ", ");
		}
		strbuf_addstr(sb, f->parameters[p]);
	}
	strbuf_addstr(sb, ");\n");
}

static bool takes_callback(const struct function *f)
{
	for (size_t p = 0; f->parameters[p]; p++)
		if (strstr(f->parameters[p], "scalar_fn "))
			return true;
	return false;
}

/* "probabilities and the sigmoid", but "KL ..." keeps its capitals. */
static void add_title_in_sentence(struct strbuf *sb, const char *title)
{
	bool acronym = title[0] && title[1] >= 'A' && title[1] <= 'Z';

	if (title[0] >= 'A' && title[0] <= 'Z' && !acronym) {
		strbuf_addch(sb, (char)(title[0] - 'A' + 'a'));
		title++;
	}
	strbuf_addstr(sb, title);
}

static void make_header(struct strbuf *sb)
{
	bool typedef_written = false;

	for (size_t e = 0; e < ARRAY_SIZE(exercises); e++) {
		const struct exercise *ex = &exercises[e];

		strbuf_addf(sb, "\n/* %s.c - chapter %d, ", ex->stem,
			    ex->chapter);
		add_title_in_sentence(sb, ex->title);
		strbuf_addstr(sb, " */\n");
		for (const struct function *f = ex->functions; f->name; f++) {
			if (takes_callback(f) && !typedef_written) {
				strbuf_addstr(sb, CALLBACK_TYPEDEF "\n");
				typedef_written = true;
			}
			add_declaration(sb, f);
		}
	}
	strbuf_addch(sb, '\n');
}

/* ---- docs/contract.md ---------------------------------------------------- */

/* The declaration on one line, for a table cell. */
static void add_signature(struct strbuf *sb, const struct function *f)
{
	strbuf_addf(sb, "`%s %s(", f->returns, f->name);
	for (size_t p = 0; f->parameters[p]; p++)
		strbuf_addf(sb, "%s%s", p ? ", " : "", f->parameters[p]);
	strbuf_addstr(sb, ")`");
}

static void make_tables(struct strbuf *sb)
{
	strbuf_addstr(sb, "\n| file | chapter | points | hidden points |\n"
			  "|---|---|---|---|\n");
	for (size_t e = 0; e < ARRAY_SIZE(exercises); e++)
		strbuf_addf(sb, "| `%s.c` | %d. %s (`chapters/%s`) | %d | %d |\n",
			    exercises[e].stem, exercises[e].chapter,
			    exercises[e].title, exercises[e].chapter_file,
			    exercises[e].points, exercises[e].hidden_points);
	strbuf_addstr(sb, "\n| file | function | meaning | taught in |\n"
			  "|---|---|---|---|\n");
	for (size_t e = 0; e < ARRAY_SIZE(exercises); e++) {
		const struct exercise *ex = &exercises[e];

		for (const struct function *f = ex->functions; f->name; f++) {
			if (f == ex->functions)
				strbuf_addf(sb, "| `%s.c` | ", ex->stem);
			else
				strbuf_addstr(sb, "| | ");
			if (takes_callback(f))
				strbuf_addstr(sb, "`" CALLBACK_TYPEDEF "` "
						  "(declared in the header) "
						  "and ");
			add_signature(sb, f);
			strbuf_addf(sb, " | %s | chapter %d, \"%s\" |\n",
				    f->meaning, f->chapter, f->section);
		}
	}
	strbuf_addch(sb, '\n');
}

/* ---- the marked part of a file ------------------------------------------- */

struct markers {
	const char *begin, *end;
	void (*make)(struct strbuf *sb);
};

static const struct markers header_markers = {
	"/* BEGIN curriculum (make contract writes it from "
	"include/curriculum.def) */\n",
	"/* END curriculum */\n", make_header
};
static const struct markers markdown_markers = {
	"<!-- BEGIN curriculum: make contract writes these tables from "
	"include/curriculum.def -->\n",
	"<!-- END curriculum -->\n", make_tables
};

static const struct markers *markers_for(const char *path)
{
	size_t n = strlen(path);

	if (n > 2 && !strcmp(path + n - 2, ".h"))
		return &header_markers;
	if (n > 3 && !strcmp(path + n - 3, ".md"))
		return &markdown_markers;
	return NULL;
}

/*
 * The file as it should be into *want.  0, or -1 after saying why on
 * stderr.
 */
static int regenerate(const char *path, struct strbuf *have,
		      struct strbuf *want)
{
	const struct markers *m = markers_for(path);
	const char *begin, *end;

	if (!m) {
		fprintf(stderr, "curriculum: %s: give a .h or .md file\n",
			path);
		return -1;
	}
	if (!strbuf_read_file(have, path, GENERATED_MAX_BYTES)) {
		struct strbuf why = STRBUF_INIT;

		strbuf_add_read_error(&why, GENERATED_MAX_BYTES);
		fprintf(stderr, "curriculum: cannot read %s (%s); give the "
			"file with the generated part\n", path, why.buf);
		strbuf_release(&why);
		return -1;
	}
	begin = strstr(have->buf, m->begin);
	end = begin ? strstr(begin, m->end) : NULL;
	if (!end) {
		fprintf(stderr, "curriculum: %s lacks the line %s"
			"or the line %s: put both where the generated part "
			"goes\n", path, m->begin, m->end);
		return -1;
	}
	begin += strlen(m->begin);
	strbuf_add(want, have->buf, (size_t)(begin - have->buf));
	m->make(want);
	strbuf_addstr(want, end);
	return 0;
}

/* 0 when current (or written), 1 when out of date, 2 on an error. */
static int process(const char *path, bool write)
{
	struct strbuf have = STRBUF_INIT, want = STRBUF_INIT;
	int status = 2;

	if (regenerate(path, &have, &want) != 0)
		goto out;
	if (have.len == want.len && !memcmp(have.buf, want.buf, have.len)) {
		status = 0;
	} else if (!write) {
		fprintf(stderr, "curriculum: %s is not what "
			"include/curriculum.def makes of it: run make "
			"contract\n", path);
		status = 1;
	} else if (strbuf_write_file(&want, path) != 0) {
		fprintf(stderr, "curriculum: cannot write %s: %s\n", path,
			strerror(errno));
	} else {
		printf("curriculum: wrote %s\n", path);
		status = 0;
	}
out:
	strbuf_release(&have);
	strbuf_release(&want);
	return status;
}

int main(int argc, char **argv)
{
	bool write = argc > 1 && !strcmp(argv[1], "write");
	int status = 0;

	if (argc < 3 || (!write && strcmp(argv[1], "check"))) {
		fprintf(stderr, "usage: curriculum write|check FILE...\n");
		return 2;
	}
	for (int i = 2; i < argc; i++) {
		int s = process(argv[i], write);

		if (s > status)
			status = s;
	}
	return status;
}
