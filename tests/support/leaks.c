/*
 * leaks.c - the hidden tests' names, and searching outputs for them.
 */
#define _GNU_SOURCE
#include "leaks.h"

#include <criterion/criterion.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

const char leaks_hidden_only_bug[] =
	"#include <math.h>\n#include \"workbook.h\"\n"
	"double sigmoid(double z)\n{\n\tdouble e;\n\n"
	"\tif (z != 0.0 && fabs(z) < 1e-200)\n\t\treturn 0.25;\n"
	"\tif (isnan(z) || z >= 0.0)\n\t\treturn 1.0 / (1.0 + exp(-z));\n"
	"\te = exp(z);\n\treturn e / (1.0 + e);\n}\n"
	"double sigmoid_grad(double z)\n{\n\tdouble s = sigmoid(-fabs(z));\n\n"
	"\tif (z != 0.0 && fabs(z) < 1e-200)\n\t\treturn 0.125;\n"
	"\treturn s * (1.0 - s);\n}\n";

void leaks_add(struct leaks *leaks, const char *text)
{
	if (leaks->count == leaks->alloc) {
		leaks->alloc = leaks->alloc ? 2 * leaks->alloc : 32;
		leaks->items = realloc(leaks->items,
				       leaks->alloc * sizeof *leaks->items);
		cr_assert_not_null(leaks->items);
	}
	leaks->items[leaks->count] = strdup(text);
	cr_assert_not_null(leaks->items[leaks->count]);
	leaks->count++;
}

/* Skips a C identifier and the blanks and comma after it. */
static const char *skip_argument(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	while (*p && *p != ',' && *p != ')')
		p++;
	return *p == ',' ? p + 1 : NULL;
}

/* Adjacent string literals up to the closing parenthesis, joined. */
static char *read_literals(const char *p)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	cr_assert_not_null(out);
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (*p != '"')
			break;
		for (p++; *p && *p != '"'; p++) {
			if (*p == '\\' && p[1])
				p++;
			fputc(*p, out);
		}
		if (*p)
			p++;
	}
	fclose(out);
	return text;
}

static void add_file(struct leaks *leaks, const char *path)
{
	char *source = harness_read_file(path);
	const char *p = source;

	cr_assert_not_null(source, "cannot read %s", path);
	while ((p = strstr(p, "WB_HIDDEN_TEST("))) {
		const char *function = p + strlen("WB_HIDDEN_TEST(");
		const char *after = skip_argument(function);
		const char *text = after ? skip_argument(after) : NULL;
		char *description, *name = NULL;

		cr_assert_not_null(text, "%s: a WB_HIDDEN_TEST without its "
				   "three arguments", path);
		description = read_literals(text);
		cr_assert(*description, "%s: a WB_HIDDEN_TEST without a "
			  "description", path);
		cr_assert_geq(asprintf(&name, "%.*s: %s",
				       (int)strcspn(function, ", \t"), function,
				       description), 0);
		leaks_add(leaks, name);
		free(name);
		free(description);
		p = text;
	}
	free(source);
}

void leaks_init_hidden(struct leaks *leaks)
{
	glob_t found;

	memset(leaks, 0, sizeof *leaks);
	cr_assert_eq(glob("grader/suites/[0-9][0-9]_*.c", 0, NULL, &found), 0,
		     "no suites: run from the top of the repository");
	for (size_t i = 0; i < found.gl_pathc; i++)
		add_file(leaks, found.gl_pathv[i]);
	globfree(&found);
	cr_assert_geq(leaks->count, 8, "only %zu hidden tests found",
		      leaks->count);
}

void leaks_release(struct leaks *leaks)
{
	for (size_t i = 0; i < leaks->count; i++)
		free(leaks->items[i]);
	free(leaks->items);
	memset(leaks, 0, sizeof *leaks);
}

const char *leaks_find(const struct leaks *leaks, const char *text)
{
	for (size_t i = 0; text && i < leaks->count; i++)
		if (strstr(text, leaks->items[i]))
			return leaks->items[i];
	return NULL;
}

const char *leaks_find_json(const struct leaks *leaks,
			    const struct json *value)
{
	const char *found = NULL;

	if (!value)
		return NULL;
	if (value->type == JSON_STRING)
		return leaks_find(leaks, value->string);
	for (size_t i = 0; !found && i < value->count; i++) {
		if (value->type == JSON_OBJECT)
			found = leaks_find(leaks, value->keys[i]);
		if (!found)
			found = leaks_find_json(leaks, value->items[i]);
	}
	return found;
}
