/*
 * bench_gen.c - generated submissions.  Everything is derived from
 * solutions/ and exercises/ at run time, so the batch follows the
 * reference as it changes and no generated file is ever committed.
 */
#include "bench_gen.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

const char *const bench_exercise_files[BENCH_EXERCISES + 1] = {
#define WB_EXERCISE(stem, ...) #stem ".c",
#define WB_FUNCTION(name, ...)
#define WB_EXERCISE_END(stem)
#include "curriculum.def"
#undef WB_EXERCISE
#undef WB_FUNCTION
#undef WB_EXERCISE_END
	NULL
};

/*
 * Planted bugs of the kinds the grader must catch (sign errors, missing
 * means, unstable formulas).  A pattern the solution no longer contains
 * turns the file into a compile error instead, so the mix stays usable.
 */
static const struct mutation {
	const char *file, *from, *to;
} mutations[] = {
	{ "01_sigmoid.c", "1.0 / (1.0 + exp(-z))", "1.0 / (1.0 + exp(z))" },
	{ "02_bce.c", "grad[i] = residual(y[i], z[i]) / (double)n;",
	  "grad[i] = residual(y[i], z[i]);" },
	{ "02_bce.c", "return sum / (double)n;", "return sum;" },
	{ "04_logreg.c", "*grad_b = gb / (double)n;", "*grad_b = gb;" },
	{ "05_mse.c", "return stable_sigmoid(z) - y;",
	  "return y - stable_sigmoid(z);" },
	{ "07_softmax.c", "return r.m + log1p(r.s);",
	  "return r.m + log(r.s);" },
};

static char *read_all(const char *path, size_t *length)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long size;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size + 1))) {
		*length = fread(buf, 1, (size_t)size, f);
		buf[*length] = '\0';
	}
	fclose(f);
	return buf;
}

static int write_all(const char *path, const char *a, size_t alen,
		     const char *b, size_t blen)
{
	FILE *f = fopen(path, "wb");
	int status = 0;

	if (!f)
		return -1;
	if (fwrite(a, 1, alen, f) != alen || fwrite(b, 1, blen, f) != blen)
		status = -1;
	if (fclose(f) != 0)
		status = -1;
	return status;
}

/* Copies src_dir/file to dst_dir/file with `extra` appended. */
static int copy_with(const char *src_dir, const char *dst_dir,
		     const char *file, const char *extra)
{
	char src[4096], dst[4096];
	size_t length;
	char *text;
	int status;

	snprintf(src, sizeof src, "%s/%s", src_dir, file);
	snprintf(dst, sizeof dst, "%s/%s", dst_dir, file);
	text = read_all(src, &length);
	if (!text)
		return -1;
	status = write_all(dst, text, length, extra, strlen(extra));
	free(text);
	return status;
}

int bench_fresh_dir(const char *path)
{
	char command[4200];
	int status;

	/* rm -rf through the shell: the generated trees are ours alone. */
	snprintf(command, sizeof command, "rm -rf '%s' && mkdir -p '%s'",
		 path, path);
	status = system(command);
	return status == 0 ? 0 : -1;
}

/* Copies the exercise files of src_dir into dst_dir, which exists. */
static int copy_files(const char *src_dir, const char *dst_dir)
{
	for (size_t i = 0; bench_exercise_files[i]; i++)
		if (copy_with(src_dir, dst_dir, bench_exercise_files[i], "") != 0)
			return -1;
	return 0;
}

int bench_copy_submission(const char *src_dir, const char *dst_dir)
{
	if (bench_fresh_dir(dst_dir) != 0)
		return -1;
	return copy_files(src_dir, dst_dir);
}

int bench_edit_file(const char *dir, const char *file, unsigned edit)
{
	char extra[64];

	snprintf(extra, sizeof extra, "/* bench edit %u */\n", edit);
	return copy_with("solutions", dir, file, extra);
}

/* Writes dir/m->file as the solution with m->from replaced by m->to. */
static int plant_bug(const char *dir, const struct mutation *m)
{
	char src[4096], dst[4096];
	size_t length;
	char *text, *at;
	int status;

	snprintf(src, sizeof src, "solutions/%s", m->file);
	snprintf(dst, sizeof dst, "%s/%s", dir, m->file);
	text = read_all(src, &length);
	if (!text)
		return -1;
	at = strstr(text, m->from);
	if (!at) {
		status = write_all(dst, text, length, "int broken = ;\n", 15);
	} else {
		size_t head = (size_t)(at - text), from = strlen(m->from);
		char *out = malloc(length + strlen(m->to) + 1);

		if (!out) {
			free(text);
			return -1;
		}
		memcpy(out, text, head);
		strcpy(out + head, m->to);
		strcat(out + head, at + from);
		status = write_all(dst, out, strlen(out), "", 0);
		free(out);
	}
	free(text);
	return status;
}

/* A broken submission: a compile error in one file, or files missing. */
static int make_broken(const char *dir, size_t i)
{
	const char *file = bench_exercise_files[i % BENCH_EXERCISES];
	char path[4096];

	if (i % 2 == 0)
		return copy_with("solutions", dir, file,
				 "\nint broken(void) { return }\n");
	/* Half of the files never handed in. */
	for (size_t j = 0; j < 4; j++) {
		snprintf(path, sizeof path, "%s/%s", dir,
			 bench_exercise_files[(i + 2 * j) % BENCH_EXERCISES]);
		if (unlink(path) != 0 && errno != ENOENT)
			return -1;
	}
	return 0;
}

/*
 * Appends a comment naming submission i to every file it has, so no two
 * files of the batch are alike and no cache is shared between students.
 */
static int make_distinct(const char *dir, size_t i)
{
	char path[4096];

	for (size_t j = 0; bench_exercise_files[j]; j++) {
		FILE *f;

		snprintf(path, sizeof path, "%s/%s", dir,
			 bench_exercise_files[j]);
		if (access(path, F_OK) != 0)
			continue;
		f = fopen(path, "a");
		if (!f || fprintf(f, "/* submission %zu */\n", i) < 0) {
			if (f)
				fclose(f);
			return -1;
		}
		if (fclose(f) != 0)
			return -1;
	}
	return 0;
}

int bench_make_batch(const char *batch_dir, size_t count, size_t kinds[4])
{
	size_t nmutations = sizeof mutations / sizeof mutations[0];

	memset(kinds, 0, 4 * sizeof *kinds);
	if (bench_fresh_dir(batch_dir) != 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		char dir[1024];
		/* 4 in 10 correct, 3 buggy, 2 broken, 1 untouched stubs. */
		size_t kind = i % 10 < 4 ? 0 : i % 10 < 7 ? 1 :
			      i % 10 < 9 ? 2 : 3;
		int status;

		snprintf(dir, sizeof dir, "%s/sub-%03zu", batch_dir, i);
		/* mkdir, not a shell per folder: the batch is made fresh. */
		status = mkdir(dir, 0755) != 0 ? -1 :
			 copy_files(kind == 3 ? "exercises" : "solutions", dir);
		if (status == 0 && kind == 1)
			status = plant_bug(dir, &mutations[(i / 10 + i) %
							   nmutations]);
		if (status == 0 && kind == 2)
			status = make_broken(dir, i / 10 + i);
		if (status == 0)
			status = make_distinct(dir, i);
		if (status != 0)
			return -1;
		kinds[kind]++;
	}
	return 0;
}
