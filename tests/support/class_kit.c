/*
 * class_kit.c - classes for the class reports' tests.
 */
#define _GNU_SOURCE
#include "class_kit.h"

#include <criterion/criterion.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "corpus_patch.h"
#include "harness.h"

char *class_kit_read(const char *dir, const char *name)
{
	char *path = harness_join(dir, name);
	char *text = harness_read_file(path);

	free(path);
	return text;
}

size_t class_kit_count(const char *text, const char *needle)
{
	size_t n = 0;

	for (const char *p = text; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

void class_kit_batch(const char *subs, const char *out, const char *extra,
		     const char *says)
{
	const char *args[] = { "--batch", subs, "--out", out, extra, NULL };
	struct harness_run run;

	harness_grade(&run, args, NULL);
	cr_assert_eq(run.status, 0, "%s", run.err);
	cr_assert(!says || strstr(run.out, says), "no %s in:\n%s", says,
		  run.out);
	harness_run_release(&run);
}

void class_kit_expect_offline(const char *html)
{
	static const char *const fetches[] = { "src=\"http", "href=\"http",
		"url(", "@import", "<link", "<script", "<iframe", "<img" };

	for (size_t i = 0; i < sizeof fetches / sizeof *fetches; i++)
		cr_assert_null(strstr(html, fetches[i]), "the page has %s",
			       fetches[i]);
}

static void put(const char *subs, const char *id, const char *file,
		const char *text)
{
	char *dir = harness_join(subs, id), *path;

	mkdir(dir, 0755);
	path = harness_join(dir, file);
	harness_write_file(path, text, strlen(text));
	free(path);
	free(dir);
}

static void copy(const char *subs, const char *id, const char *from,
		 const char *file)
{
	char *src = harness_join(from, file);
	char *text = harness_read_file(src);

	cr_assert_not_null(text, "cannot read %s", src);
	put(subs, id, file, text);
	free(text);
	free(src);
}

static char *make_subs(const char *root)
{
	char *subs = harness_join(root, "subs");

	cr_assert_eq(mkdir(subs, 0755), 0);
	return subs;
}

/* The reference with the naive sigmoid in the left tail: some tests fail. */
static void put_naive_sigmoid(const char *subs, const char *id)
{
	static const char good[] = "return e / (1.0 + e);";
	static const char naive[] = "return 1.0 / (1.0 + exp(-z));";
	char *text = harness_read_file("solutions/01_sigmoid.c"), *at, *bad;

	cr_assert_not_null(text);
	at = strstr(text, good);
	cr_assert_not_null(at, "solutions/01_sigmoid.c changed: update %s",
			   __FILE__);
	cr_assert(asprintf(&bad, "%.*s%s%s", (int)(at - text), text, naive,
			   at + strlen(good)) >= 0);
	put(subs, id, "01_sigmoid.c", bad);
	free(bad);
	free(text);
}

char *class_kit_known_class(const char *root)
{
	char *subs = make_subs(root), *notes;

	copy(subs, "alice", "solutions", "01_sigmoid.c");
	copy(subs, "alice", "solutions", "02_bce.c");
	copy(subs, "bob", "exercises", "01_sigmoid.c");
	put_naive_sigmoid(subs, "carol");
	put(subs, "dave", "02_bce.c", "int x = ;\n");
	notes = harness_join(subs, "notes.txt");
	harness_write_file(notes, "notes\n", 6);
	free(notes);
	return subs;
}

/* Two students' own 02_bce.c, written apart from the reference. */
static const char bob_bce[] =
	"#include <math.h>\n#include \"workbook.h\"\n\n"
	"double bce_loss(const double *y, const double *p, size_t n)\n{\n"
	"\tdouble total = 0;\n\tsize_t k = n;\n\n\twhile (k-- > 0) {\n"
	"\t\tif (y[k] > 0) total -= y[k] * log(p[k]);\n"
	"\t\tif (y[k] < 1) total -= (1 - y[k]) * log(1 - p[k]);\n\t}\n"
	"\treturn total / n;\n}\n\n"
	"double bce_with_logits(const double *y, const double *z, size_t n)\n"
	"{\n\tdouble total = 0;\n\n\tfor (size_t k = 0; k < n; ++k) {\n"
	"\t\tdouble m = z[k] > 0 ? z[k] : 0;\n"
	"\t\ttotal += m - z[k] * y[k] + log(exp(-m) + exp(z[k] - m));\n"
	"\t}\n\treturn total / n;\n}\n\n"
	"void bce_with_logits_grad(const double *y, const double *z, size_t n,"
	"\n\t\t\t  double *grad)\n{\n\tfor (size_t k = 0; k < n; ++k)\n"
	"\t\tgrad[k] = (1 / (1 + exp(-z[k])) - y[k]) / n;\n}\n";

static const char carol_bce[] =
	"#include <math.h>\n#include \"workbook.h\"\n\n"
	"static double softplus(double x)\n{\n"
	"\treturn x > 30 ? x : log1p(exp(x));\n}\n\n"
	"double bce_loss(const double *y, const double *p, size_t n)\n{\n"
	"\tdouble s = 0.0;\n\n\tfor (size_t i = 0; i < n; i++)\n"
	"\t\ts += -(y[i] ? y[i] * log(p[i]) : 0.0) -\n"
	"\t\t     (y[i] != 1.0 ? (1.0 - y[i]) * log1p(-p[i]) : 0.0);\n"
	"\treturn s / (double)n;\n}\n\n"
	"double bce_with_logits(const double *y, const double *z, size_t n)\n"
	"{\n\tdouble s = 0.0;\n\n\tfor (size_t i = 0; i < n; i++)\n"
	"\t\ts += y[i] * softplus(-z[i]) + (1.0 - y[i]) * softplus(z[i]);\n"
	"\treturn s / (double)n;\n}\n\n"
	"void bce_with_logits_grad(const double *y, const double *z, size_t n,"
	"\n\t\t\t  double *grad)\n{\n\tsize_t i;\n\n\tfor (i = 0; i < n; i++)"
	" {\n\t\tdouble e = exp(-fabs(z[i]));\n"
	"\t\tdouble s = z[i] >= 0 ? 1 / (1 + e) : e / (1 + e);\n\n"
	"\t\tgrad[i] = (s - y[i]) / (double)n;\n\t}\n}\n";

/* The planted copy's renames: whole identifiers of the reference. */
static const char *const renames[][2] = {
	{ "loss", "acc" }, { "sigma_z", "s_pos" }, { "sigma_minus_z", "s_neg" },
	{ "big", "hi" }, { "small", "lo" }, { "sum", "running" },
	{ "bce_term", "term_of" }, { "e", "ex" },
};

static void add_word(FILE *out, const char *word, size_t len)
{
	for (size_t i = 0; i < sizeof renames / sizeof *renames; i++)
		if (strlen(renames[i][0]) == len &&
		    !strncmp(word, renames[i][0], len)) {
			fputs(renames[i][1], out);
			return;
		}
	fwrite(word, 1, len, out);
}

/* One line of the copy: reindented, renamed, "{" on a line of its own. */
static void add_copied_line(FILE *out, const char *line, size_t len)
{
	size_t i = 0;

	for (; i < len && line[i] == '\t'; i++)
		fputs("   ", out);
	while (i < len) {
		size_t start = i;

		if (isalpha((unsigned char)line[i]) || line[i] == '_') {
			while (i < len && (isalnum((unsigned char)line[i]) ||
					   line[i] == '_'))
				i++;
			add_word(out, line + start, i - start);
		} else if (line[i] == '{' && i + 1 == len && i > 0) {
			fputs("\n{", out);
			i++;
		} else {
			fputc(line[i++], out);
		}
	}
	fputc('\n', out);
}

/* text without its block comments (their line breaks kept). */
static char *drop_comments(const char *text)
{
	char *out = strdup(text), *o = out;

	cr_assert_not_null(out);
	for (const char *p = text; *p;) {
		if (p[0] == '/' && p[1] == '*') {
			const char *end = strstr(p + 2, "*/");

			for (p += 2; *p && (!end || p < end); p++)
				if (*p == '\n')
					*o++ = '\n';
			p = end ? end + 2 : p;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	return out;
}

/*
 * The reference's 02_bce.c, disguised as a copier would: comments and
 * blank lines dropped, a comment of their own added, then reindented and
 * renamed with braces moved.
 */
static char *disguise(const char *text)
{
	char *bare = drop_comments(text), *copy = NULL;
	size_t size = 0, n = 0;
	FILE *out = open_memstream(&copy, &size);

	for (const char *p = bare; *p;) {
		size_t len = strcspn(p, "\n");

		if (strspn(p, " \t") < len) {
			add_copied_line(out, p, len);
			if (++n == 40)
				fputs("   /* <script>alert(1)</script> \x1b[2J */\n",
				      out);
		}
		p += len + (p[len] == '\n');
	}
	fclose(out);
	free(bare);
	return copy;
}

char *class_kit_copying_class(const char *root)
{
	char *subs = make_subs(root);
	char *solution = harness_read_file("solutions/02_bce.c");
	char *reference, *copied;

	cr_assert_not_null(solution);
	/* As a student hands it in: no release markers, no stubs. */
	reference = corpus_patch_base(solution);
	cr_assert_not_null(reference);
	copied = disguise(reference);
	put(subs, "alice", "02_bce.c", reference);
	put(subs, "zed", "02_bce.c", copied);
	put(subs, "bob", "02_bce.c", bob_bce);
	put(subs, "carol", "02_bce.c", carol_bce);
	copy(subs, "stub1", "exercises", "02_bce.c");
	copy(subs, "stub2", "exercises", "02_bce.c");
	free(copied);
	free(reference);
	free(solution);
	return subs;
}
