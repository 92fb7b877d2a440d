/*
 * class_stats.h - what the class report (class_report.h) shows, counted
 * from a gradebook and the per-student results kept beside it
 * (class_store.h): a histogram of the points of each exercise file and of
 * the totals, the tests most students fail, the commonest first diagnosis
 * of each file (the first failing message, or why the file could not be
 * graded) and the students who need attention.
 */
#ifndef GRADER_CLASS_STATS_H
#define GRADER_CLASS_STATS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/catalog.h"
#include "util/strbuf.h"

/* Bins of the totals' histogram: 0-9 %, ..., 90-99 %, 100 %. */
enum { CLASS_TOTAL_BINS = 11 };

/* counts[k]: students with k points (0 <= k <= max). */
struct class_histogram {
	size_t max;
	size_t *counts;
};

struct class_failure {
	const struct catalog_exercise *exercise;
	char *function, *check, *description;
	bool hidden;
	size_t count;		/* graded students whose test failed */
};

struct class_diagnosis {
	const struct catalog_exercise *exercise;
	char *text;		/* sanitized, one line */
	size_t count;
};

struct class_student {
	char *id, *status;
	bool graded;
	size_t total, max;
	char *reason;		/* why they need attention, one line */
};

struct class_stats {
	size_t students, graded;	/* rows; rows with points */
	struct class_histogram exercises[CATALOG_EXERCISES];
	size_t handed_in[CATALOG_EXERCISES];	/* graded, file present */
	size_t total_bins[CLASS_TOTAL_BINS];
	struct class_failure *failures;	/* most failed first */
	size_t failures_nr, failures_alloc;
	struct class_diagnosis *diagnoses; /* by exercise, commonest first */
	size_t diagnoses_nr, diagnoses_alloc;
	struct class_student *attention;	/* in gradebook order */
	size_t attention_nr, attention_alloc;
};

void class_stats_init(struct class_stats *stats);
void class_stats_release(struct class_stats *stats);

/*
 * Counts the gradebook text (gradebook.csv's) of the batch in out.  0, or
 * -1 with one line in error when the gradebook is damaged.
 */
int class_stats_collect(struct class_stats *stats, const char *out,
			const char *gradebook, struct strbuf *error);

/* The totals' bin of total of max points. */
size_t class_stats_total_bin(size_t total, size_t max);
/* "0-9", ..., "90-99", "100": the bin's share of the points, in %. */
const char *class_stats_total_bin_name(size_t bin);

#endif /* GRADER_CLASS_STATS_H */
