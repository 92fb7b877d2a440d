/*
 * test_grader_regrade.c - a regrade with a chosen seed is served from the
 * cache (build/cache), and gives exactly the report of a fresh run: the
 * JSON of `--no-cache` and of two cached runs differ only in the time.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/harness.h"

/* The JSON report without its one line that may differ: the time. */
static char *json_without_time(const char *path)
{
	char *text = harness_read_file(path), *line;

	cr_assert(text, "no JSON written to %s", path);
	line = strstr(text, "\"execution_time\":");
	cr_assert(line);
	memmove(line, strchr(line, '\n'), strlen(strchr(line, '\n')) + 1);
	return text;
}

Test(regrade, json_identical_when_cached, .timeout = 120)
{
	char *dir = harness_tempdir(), *out = harness_tempdir();
	static const char naive[] = "#include <math.h>\n"
		"#include \"workbook.h\"\n"
		"double sigmoid(double z) { return 1.0 / (1.0 + exp(-z)); }\n";
	char *json[3], *path[3], *sigmoid = harness_join(dir, "01_sigmoid.c");
	struct harness_run run;

	harness_copy_files("solutions", dir);
	/* Failures too: their messages must come back byte for byte. */
	remove(sigmoid);
	harness_write_file(sigmoid, naive, strlen(naive));
	/* Fresh, then kept (or served), then certainly served. */
	for (int i = 0; i < 3; i++) {
		char name[16];

		snprintf(name, sizeof name, "run%d.json", i);
		path[i] = harness_join(out, name);
		harness_grade(&run, (const char *[]){ "--seed", "11", "--json",
			      path[i], i ? dir : "--no-cache", i ? NULL : dir,
			      NULL }, NULL);
		cr_assert_leq(run.status, 1, "%s", run.err);
		harness_run_release(&run);
		json[i] = json_without_time(path[i]);
	}
	cr_assert(strstr(json[0], "expected:"), "no failure: %s", json[0]);
	cr_assert_str_eq(json[0], json[1]);
	cr_assert_str_eq(json[0], json[2]);
	for (int i = 0; i < 3; i++) {
		free(json[i]);
		free(path[i]);
	}
	free(sigmoid);
	harness_remove(dir);
	harness_remove(out);
	free(dir);
	free(out);
}
