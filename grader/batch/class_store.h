/*
 * class_store.h - what the class reports (class_report.h, similarity.h)
 * are made from, kept per student beside the resume records:
 * OUT/.results/ID/NN_name.wb holds the results of each exercise file (the
 * wb format of results.h, every test's message cut to its first line, so
 * a compiler's log is not kept), OUT/.results/ID/NN_name.c a copy of
 * the file the student handed in, and for a student with no grade
 * OUT/.results/ID/problem, why.  A batch worker writes them before the
 * student's resume record, so every student with a record has them, and a
 * merge of shards or a regrade reads them again instead of grading.
 */
#ifndef GRADER_CLASS_STORE_H
#define GRADER_CLASS_STORE_H

#include "core/catalog.h"
#include "core/results.h"
#include "core/summary.h"
#include "util/strbuf.h"

/* The folder below OUT. */
#define CLASS_STORE_DIR ".results"
/* The largest exercise file kept for the similarity check. */
#define CLASS_STORE_SOURCE_MIB 1
#define CLASS_STORE_SOURCE_BYTES ((size_t)CLASS_STORE_SOURCE_MIB << 20)

/*
 * Replaces what is kept of student id in out: the results of summary (full,
 * hidden tests included) and the exercise files found in folder, files[i]
 * being exercise i's path below it (catalog order, NULL: not found; the
 * discovery's, discover.h).  0, or -1 with errno set.
 */
int class_store_write(const char *out, const char *id,
		      const struct summary *summary, const char *folder,
		      char *const *files);

/*
 * Reads the results of one exercise of student id (results emptied
 * first).  0, or -1 when they are not there or garbled.
 */
int class_store_read(const char *out, const char *id,
		     const struct catalog_exercise *exercise,
		     struct results *results);

/*
 * Keeps why student id got no grade (OUT/.results/ID/problem), for the
 * class report's list of students who need attention.  0, or -1 (errno).
 */
int class_store_write_problem(const char *out, const char *id,
			      const char *problem);
/* Appends the first line of what class_store_write_problem kept, or "". */
void class_store_read_problem(const char *out, const char *id,
			      struct strbuf *line);

/* OUT/.results/ID/NN_name.c (malloc'd), whether it exists or not. */
char *class_store_source(const char *out, const char *id,
			 const struct catalog_exercise *exercise);

#endif /* GRADER_CLASS_STORE_H */
