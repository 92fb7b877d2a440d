/*
 * harness.h - running the grader from the tests: its path (WB_GRADER, by
 * default build/grader), a clean environment, captured output, scratch
 * folders, folder snapshots, and the processes it may have left behind.
 */
#ifndef TESTS_HARNESS_H
#define TESTS_HARNESS_H

#include <stdbool.h>
#include <stddef.h>

struct harness_run {
	int status;		/* exit status, or 128 + signal */
	char *out;		/* standard output */
	char *err;		/* standard error */
	double seconds;
	int leftover;		/* processes still running after it ended */
};

/* The grader under test: $WB_GRADER, or build/grader. */
const char *harness_grader(void);

/*
 * Runs the grader with args (NULL-terminated, without argv[0]); env adds
 * NAME=VALUE entries (NULL-terminated, may be NULL) to PATH and LANG.
 * Orphaned descendants are collected (the caller becomes a subreaper),
 * counted in leftover and killed.
 */
void harness_grade(struct harness_run *run, const char *const *args,
		   const char *const *env);
void harness_run_release(struct harness_run *run);

/* A fresh folder under /tmp (malloc'd path). */
char *harness_tempdir(void);
/* "dir/name" (malloc'd). */
char *harness_join(const char *dir, const char *name);
void harness_remove(const char *path);
/*
 * A fresh scratch folder for each test of a suite:
 * TestSuite(name, .init = harness_scratch_make, .fini =
 * harness_scratch_remove), then harness_scratch is its path.
 */
extern char *harness_scratch;
void harness_scratch_make(void);
void harness_scratch_remove(void);
/* Writes data into harness_scratch/name; returns that path (malloc'd). */
char *harness_scratch_write(const char *name, const void *data, size_t len);
/* Copies the regular files of src (not recursive) into dst. */
void harness_copy_files(const char *src, const char *dst);
void harness_copy_file(const char *src, const char *dst);
/* Copies the file src to dir/name. */
void harness_copy_into(const char *src, const char *dir, const char *name);
void harness_write_file(const char *path, const void *data, size_t len);
/* The whole file, NUL-terminated (malloc'd), or NULL. */
char *harness_read_file(const char *path);
/*
 * The whole file, or "" when it cannot be read (malloc'd either way), for
 * a caller that only searches it: a missing file then fails the search,
 * not the test program.
 */
char *harness_read_text(const char *path);
/* Writes text into dir/name. */
void harness_write_text(const char *dir, const char *name, const char *text);

/* Every entry below dir with its type, size, mode, mtime and a hash. */
char *harness_snapshot(const char *dir);
/* Number of entries in a folder (0 when empty or missing). */
size_t harness_count_entries(const char *dir);

/* Number of lines in text. */
size_t harness_lines(const char *text);
/* Whether text holds an ANSI escape. */
bool harness_has_escape(const char *text);

#endif /* TESTS_HARNESS_H */
