/*
 * submissions.c - the batch tests' generated class.
 */
#define _GNU_SOURCE
#include "submissions.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus_folder.h"
#include "harness.h"

/* A copy of solutions/ into dir (created). */
static void correct_copy(const char *dir)
{
	mkdir(dir, 0755);
	for (size_t f = 0; f < SUBMISSIONS_EXERCISES; f++) {
		char *src = harness_join("solutions", test_exercises[f].file);
		char *dst = harness_join(dir, test_exercises[f].file);

		harness_copy_file(src, dst);
		free(src);
		free(dst);
	}
}

static void remove_file(const char *dir, const char *file)
{
	char *path = harness_join(dir, file);

	unlink(path);
	free(path);
}

static void append(const char *dir, const char *file, const char *text)
{
	char *path = harness_join(dir, file);
	FILE *out = fopen(path, "a");

	if (out) {
		fputs(text, out);
		fclose(out);
	}
	free(path);
}

static void run(const char *command)
{
	if (system(command) != 0)
		fprintf(stderr, "submissions: failed: %s\n", command);
}

/* A row: graded ones expect full points in every file ('F') until told. */
static void set(struct submission_expect *e, const char *id,
		const char *status, bool graded)
{
	snprintf(e->id, sizeof e->id, "%s", id);
	e->status = status;
	memset(e->points, graded ? 'F' : '\0', SUBMISSIONS_EXERCISES);
	e->points[SUBMISSIONS_EXERCISES] = '\0';
}

/* What one file of a graded row gets: '0' none, 'L' fewer than full. */
static void expect_file(struct submission_expect *e, const char *file,
			char points)
{
	const struct test_exercise *exercise = test_exercise_of(file);

	if (!exercise)
		abort();	/* a file the manifest does not have */
	e->points[exercise - test_exercises] = points;
}

/*
 * A corpus folder's files (its patches applied) over a correct copy; a
 * corpus that no longer builds ends the test run with the reason.
 */
static void from_corpus(const char *dir, const char *folder)
{
	char error[1200];

	if (corpus_folder_copy(folder, dir, error, sizeof error) != 0) {
		fprintf(stderr, "submissions: %s\n", error);
		abort();
	}
	remove_file(dir, "expect");
}

static void hostile(const char *dir, const char *name)
{
	char *src = harness_join("tests/corpus/hostile", name);

	from_corpus(dir, src);
	free(src);
}

static void make_kind(const char *root, const char *dir, const char *id,
		      size_t i, struct submission_expect *e, char *command,
		      size_t size);

/* Student i: its files and what to expect. */
static void make_one(const char *root, size_t i, struct submission_expect *e)
{
	char id[32], command[4096];
	char *dir;

	snprintf(id, sizeof id, "s%03u", (unsigned)(i % 1000));
	dir = harness_join(root, id);
	make_kind(root, dir, id, i, e, command, sizeof command);
	free(dir);
}

static void make_kind(const char *root, const char *dir, const char *id,
		      size_t i, struct submission_expect *e, char *command,
		      size_t size)
{
	set(e, id, "ok", true);
	switch (i) {
	case 10: correct_copy(dir); hostile(dir, "infinite_loop");
		set(e, id, "ok", true); expect_file(e, "02_bce.c", 'L'); return;
	case 20: correct_copy(dir); hostile(dir, "fork_bomb");
		set(e, id, "ok", true); expect_file(e, "02_bce.c", '0'); return;
	case 30: correct_copy(dir); hostile(dir, "exit_in_function");
		set(e, id, "ok", true); expect_file(e, "02_bce.c", '0'); return;
	case 40: correct_copy(dir); hostile(dir, "output_flood");
		set(e, id, "ok", true); expect_file(e, "02_bce.c", 'L'); return;
	case 50: mkdir(dir, 0755); append(dir, "README", "nothing here\n");
		set(e, id, "no-files", false); return;
	case 60: snprintf(command, size, "head -c 3000 /dev/urandom "
			  "> %s/%s.tar.gz", root, id);
		run(command); set(e, id, "bad-archive", false); return;
	case 70: correct_copy(dir);
		snprintf(command, size, "cd %s && zip -qr ../%s.zip . "
			 "&& cd .. && rm -r %s && truncate -s 600 %s.zip", dir,
			 id, id, id);
		run(command); set(e, id, "bad-archive", false); return;
	}
	correct_copy(dir);
	switch (i % 10) {
	case 5: from_corpus(dir, "tests/corpus/buggy/02_bce_log10");
		expect_file(e, "02_bce.c", 'L'); break;
	case 6: harness_copy_into("exercises/03_gradcheck.c", dir,
				  "03_gradcheck.c");
		expect_file(e, "03_gradcheck.c", '0'); break;
	case 7: append(dir, "05_mse.c", "\nthis is not C;\n");
		remove_file(dir, "08_variants.c");
		expect_file(e, "05_mse.c", '0');
		expect_file(e, "08_variants.c", '0'); break;
	case 8: snprintf(command, size, "cd %s && tar czf %s.tar.gz "
			 "%s && rm -r %s", root, id, id, id);
		run(command); break;
	case 9: snprintf(command, size, "cd %s && zip -qr ../%s.zip . "
			 "&& cd .. && rm -r %s", dir, id, id);
		run(command); break;
	}
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct submission_expect *)a)->id,
		      ((const struct submission_expect *)b)->id);
}

size_t submissions_make(const char *dir, size_t count,
			struct submission_expect *expect)
{
	char command[4096];
	char *path;
	size_t n = 0;

	for (size_t i = 0; i < count; i++)
		make_one(dir, i, &expect[n++]);
	/* UTF-8 sorts after s000, whose points the test takes as full. */
	path = harness_join(dir, "张伟 Li");
	correct_copy(path);
	free(path);
	set(&expect[n++], "张伟 Li", "ok", true);
	path = harness_join(dir, "dup");
	correct_copy(path);
	free(path);
	snprintf(command, sizeof command, "cd %s/dup && zip -q ../dup.zip *.c",
		 dir);
	run(command);
	set(&expect[n++], "dup", "duplicate", false);
	path = harness_join(dir, "README.txt");
	harness_write_file(path, "not a student\n", 14);
	free(path);
	set(&expect[n++], "README.txt", "loose-file", false);
	path = harness_join(dir, ".hidden");
	correct_copy(path);
	free(path);
	qsort(expect, n, sizeof *expect, by_id);
	return n;
}
