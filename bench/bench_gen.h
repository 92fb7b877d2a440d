/*
 * bench_gen.h - the submissions the benchmark grades, under build/bench/.
 */
#ifndef BENCH_GEN_H
#define BENCH_GEN_H

#include <stddef.h>

#include "curriculum.h"

/* The exercise files, in curriculum order (include/curriculum.def),
 * NULL-terminated after BENCH_EXERCISES of them. */
enum { BENCH_EXERCISES = CURRICULUM_EXERCISES };
extern const char *const bench_exercise_files[BENCH_EXERCISES + 1];

/* rm -rf path; mkdir -p path.  Returns 0 or -1. */
int bench_fresh_dir(const char *path);

/* Copies every exercise file of src_dir into dst_dir (made fresh). */
int bench_copy_submission(const char *src_dir, const char *dst_dir);

/*
 * Rewrites dir/file as solutions/file plus a comment naming `edit`, so its
 * contents and mtime both change, as a student's save would.
 */
int bench_edit_file(const char *dir, const char *file, unsigned edit);

/*
 * Fills batch_dir with `count` submission folders sub-000 … : a mix of
 * correct (copies of solutions/), buggy (one planted bug each), broken
 * (compile errors, missing files) and untouched stubs (exercises/), every
 * file distinct (a comment naming its submission), so no two students
 * share a cache entry.
 * Writes the number of each kind into kinds[4] (correct, buggy, broken,
 * stub).  Returns 0 or -1.
 */
int bench_make_batch(const char *batch_dir, size_t count, size_t kinds[4]);

#endif /* BENCH_GEN_H */
