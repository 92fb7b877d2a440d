/*
 * test_grader_class.c - the reports on a whole class: class.md and
 * class.html count a small class with known results right (histograms
 * against the gradebook, attention list, first diagnoses, most failed
 * tests), a merge of shards makes the same report as one run, and
 * --similarity ranks a planted copy (identifiers renamed, layout and
 * comments changed) first, leaves the stub out and escapes what students
 * wrote.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support/catalog.h"
#include "support/class_kit.h"
#include "support/harness.h"

/* Ten bins of 10 % and one of 100 %, as the report counts totals; the
 * gradebook's columns, one per exercise of the manifest. */
enum { TOTAL_BINS = 11, EXERCISES = CURRICULUM_EXERCISES };

static void expect_in(const char *text, const char *needle)
{
	cr_assert(strstr(text, needle), "missing:\n%s\n--- in:\n%s", needle,
		  text);
}

/* The report's histogram table of counts[0..n-1] (empty bins left out). */
static char *bins_table(const char *label, const size_t *counts, size_t n,
			const char *const *names)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	fprintf(out, "| %s |", label);
	for (size_t i = 0; i < n; i++)
		if (counts[i])
			names ? fprintf(out, " %s |", names[i]) :
				fprintf(out, " %zu |", i);
	fprintf(out, "\n|---|");
	for (size_t i = 0; i < n; i++)
		if (counts[i])
			fprintf(out, "---:|");
	fprintf(out, "\n| students |");
	for (size_t i = 0; i < n; i++)
		if (counts[i])
			fprintf(out, " %zu |", counts[i]);
	fclose(out);
	return text;
}

/* Histograms counted from gradebook.csv itself (ok rows, no quoting). */
static void check_histograms(const char *md, const char *gradebook)
{
	static const char *const names[TOTAL_BINS] = { "0-9", "10-19",
		"20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80-89",
		"90-99", "100" };
	size_t points[EXERCISES][64] = { { 0 } }, totals[TOTAL_BINS] = { 0 };
	size_t top[EXERCISES] = { 0 };
	const char *line = strchr(gradebook, '\n') + 1;

	for (; *line; line = strchr(line, '\n') + 1) {
		long f[EXERCISES + 2];
		const char *p = strchr(line, ',') + 1, *status = line;

		/* id, the exercises, total, max, seed, then the status */
		for (size_t i = 0; i < EXERCISES + 4; i++)
			status = strchr(status, ',') + 1;
		if (strncmp(status, "ok,", 3) && strncmp(status, "ok\n", 3))
			continue;
		for (size_t i = 0; i < EXERCISES + 2; i++) {
			f[i] = strtol(p, NULL, 10);
			p = strchr(p, ',') + 1;
		}
		for (size_t i = 0; i < EXERCISES; i++) {
			points[i][f[i]]++;
			if ((size_t)f[i] > top[i])
				top[i] = (size_t)f[i];
		}
		totals[f[EXERCISES] >= f[EXERCISES + 1] ? 10 :
		       f[EXERCISES] * 10 / f[EXERCISES + 1]]++;
	}
	char *table = bins_table("share of the points (%)", totals,
				 TOTAL_BINS, names);
	expect_in(md, table);
	free(table);
	for (size_t i = 0; i < EXERCISES; i++) {
		table = bins_table("points", points[i], top[i] + 1, NULL);
		expect_in(md, table);
		free(table);
	}
}

static void check_known_class(const char *out)
{
	char *md = class_kit_read(out, "class.md");
	char *html = class_kit_read(out, "class.html");
	char *gradebook = class_kit_read(out, "gradebook.csv");

	expect_in(md, "5 students in the gradebook, 4 graded (status ok or "
		  "not-on-roster), 3 need attention.");
	expect_in(md, "### 01_sigmoid.c\n\nHanded in by 3 of the 4 graded "
		  "students;");
	expect_in(md, "### 02_bce.c\n\nHanded in by 2 of the 4 graded "
		  "students;");
	expect_in(md, "### 03_gradcheck.c\n\nHanded in by 0 of the 4 graded "
		  "students;");
	check_histograms(md, gradebook);
	/* Attention: 0 points (a stub, a file that does not compile) and a
	 * loose file, each linked to its page; the others are not listed. */
	expect_in(md, "| [bob](feedback/bob.html) | ok | 0/");
	expect_in(md, "| [dave](feedback/dave.html) | ok | 0/");
	expect_in(md, "| [notes.txt](feedback/notes.txt.html) | loose-file | "
		  "- | found the single file notes.txt");
	cr_assert_null(strstr(md, "[alice]"));
	cr_assert_null(strstr(md, "[carol]"));
	expect_in(md, "| 02_bce.c | the file does not compile | 1 |");
	expect_in(md, "| 01_sigmoid.c | sigmoid: not implemented: sigmoid() "
		  "still calls workbook\\_todo()");
	/* bob and carol both fail sigmoid's tests; nobody else does. */
	expect_in(md, "| file | test | failed by |\n|---|---|---:|\n"
		  "| 01_sigmoid.c | sigmoid: ");
	cr_assert_null(strstr(md, " | 3 |\n"), "%s", md);
	cr_assert_eq(class_kit_count(html, "<svg"), 1 + EXERCISES);
	class_kit_expect_offline(html);
	free(md);
	free(html);
	free(gradebook);
}

Test(class_report, counts_a_class_with_known_results, .timeout = 300)
{
	char *root = harness_tempdir();
	char *subs = class_kit_known_class(root);
	char *out = harness_join(root, "out");

	class_kit_batch(subs, out, NULL, "class report: ");
	check_known_class(out);
	free(out);
	free(subs);
	harness_remove(root);
}

static void shard(const char *subs, const char *out, const char *which)
{
	const char *args[] = { "--batch", subs, "--out", out, "--shard",
			       which, NULL };
	struct harness_run run;

	harness_grade(&run, args, NULL);
	cr_assert_eq(run.status, 0, "%s", run.err);
	cr_assert_null(strstr(run.out, "class report"), "%s", run.out);
	harness_run_release(&run);
}

Test(class_report, a_merge_of_shards_makes_the_same_report, .timeout = 300)
{
	char *root = harness_tempdir();
	char *subs = class_kit_known_class(root);
	char *whole = harness_join(root, "whole");
	char *parts = harness_join(root, "parts");
	const char *merge[] = { "--merge", parts, NULL };
	struct harness_run run;
	char *one, *merged;

	class_kit_batch(subs, whole, NULL, NULL);
	shard(subs, parts, "1/2");
	shard(subs, parts, "2/2");
	cr_assert_null(class_kit_read(parts, "class.md"),
		       "a shard alone wrote a class report");
	harness_grade(&run, merge, NULL);
	cr_assert_eq(run.status, 0, "%s", run.err);
	expect_in(run.out, "class report: ");
	harness_run_release(&run);
	one = class_kit_read(whole, "class.md");
	merged = class_kit_read(parts, "class.md");
	cr_assert_str_eq(merged, one);
	free(one);
	free(merged);
	free(whole);
	free(parts);
	free(subs);
	harness_remove(root);
}

Test(similarity, ranks_a_planted_copy_first, .timeout = 300)
{
	char *root = harness_tempdir();
	char *subs = class_kit_copying_class(root);
	char *out = harness_join(root, "out");
	char *md, *html;

	class_kit_batch(subs, out, "--similarity", "similar files: ");
	md = class_kit_read(out, "similarity.md");
	html = class_kit_read(out, "similarity.html");
	cr_assert_not_null(md);
	expect_in(md, "| 1 | 02_bce.c | alice | zed | ");
	expect_in(md, "### 1. 02_bce.c: alice and zed");
	expect_in(md, "not a verdict");
	/* Two untouched stubs share only the stub: no pair. */
	cr_assert_null(strstr(md, "stub1"), "%s", md);
	/* What students wrote is shown escaped, never as markup. */
	cr_assert_null(strstr(html, "<script"));
	cr_assert_null(strchr(html, '\x1b'));
	expect_in(html, "&lt;script&gt;");
	class_kit_expect_offline(html);
	free(md);
	free(html);
	free(out);
	free(subs);
	harness_remove(root);
}

Test(similarity, is_refused_for_a_shard_and_a_single_folder)
{
	const char *shard_args[] = { "--batch", "x", "--similarity", "--shard",
				     "1/2", NULL };
	const char *folder_args[] = { "--similarity", "exercises", NULL };
	struct harness_run run;

	harness_grade(&run, shard_args, NULL);
	cr_assert_eq(run.status, 2);
	expect_in(run.err, "give it to --merge DIR once every shard is done");
	harness_run_release(&run);
	harness_grade(&run, folder_args, NULL);
	cr_assert_eq(run.status, 2);
	expect_in(run.err, "--similarity compares a class");
	harness_run_release(&run);
}
