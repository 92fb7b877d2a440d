/*
 * adjust.h - the instructor's adjustments file (docs/instructors.md,
 * "Adjustments, extensions and late penalties"): per-student score
 * adjustments with a reason, comments for the feedback page, extensions,
 * and a late policy.  It is read at the end of every batch, when the
 * gradebook is written, so nothing of it is ever baked into a student's
 * resume record or the cache: editing it and running the batch again
 * changes the gradebook and pages without grading anybody again.
 *
 *     [late]
 *     due = 2027-03-01 23:59 +01:00
 *     grace = 15m
 *     penalty = 10%
 *     cap = 50%
 *
 *     [student alice]
 *     adjust = +5 02_bce graded by hand: the test input was ambiguous
 *     comment = Good work on the gradient check.
 *     extension = 2027-03-04 23:59 +01:00
 *
 * Amounts are kept in hundredths (of a point, or of a percent) so that the
 * arithmetic is exact and the gradebook byte-identical between runs.
 */
#ifndef GRADER_ADJUST_H
#define GRADER_ADJUST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

/* The file the batch reads when --adjustments is not given: OUT/NAME. */
#define ADJUST_DEFAULT_NAME "adjustments"
/* The largest file read, and the largest amount (points or percent). */
#define ADJUST_MAX_FILE_BYTES ((size_t)1 << 20)
#define ADJUST_MAX_AMOUNT 100000

/* Hundredths of a point, or of a percent when percent is set. */
struct adjust_amount {
	int64_t centi;
	bool percent;
};

struct adjust_change {
	int64_t centi;		/* hundredths of a point, signed */
	char *reason;
};

struct adjust_student {
	char *id;
	unsigned line;		/* of its first section, for messages */
	struct adjust_change *changes;
	size_t nr_changes, alloc_changes;
	char **comments;
	size_t nr_comments, alloc_comments;
	bool has_extension;
	int64_t extension;	/* the student's due time (epoch seconds) */
};

struct adjust_late {
	bool set;		/* a [late] section was given */
	int64_t due;		/* epoch seconds */
	int due_offset;		/* the due time's zone, seconds east of UTC */
	int64_t grace;		/* seconds */
	struct adjust_amount penalty;	/* per day started */
	bool has_cap;
	struct adjust_amount cap;
};

struct adjust_file {
	char *path;			/* for messages */
	struct adjust_late late;
	struct adjust_student *students;	/* sorted by id once loaded */
	size_t nr, alloc;
};

void adjust_file_init(struct adjust_file *file);
void adjust_file_release(struct adjust_file *file);

/*
 * Parses text (len bytes, may hold NUL bytes, which are refused) as the
 * file `path`.  Returns 0, or -1 with one line "PATH:LINE: what; what to
 * do" in error; the file is then left empty.
 */
int adjust_parse(struct adjust_file *file, const char *path,
		 const char *text, size_t len, struct strbuf *error);

/* Reads and parses path; 0, or -1 with one line in error. */
int adjust_load(struct adjust_file *file, const char *path,
		struct strbuf *error);

/*
 * For adjust.c: sorts the students by id and merges the sections of one
 * student in file order.  0, or -1 with *line the section giving a second
 * extension (a contradiction).
 */
int adjust_students_merge(struct adjust_file *file, unsigned *line);
void adjust_student_release(struct adjust_student *s);

/* The student's adjustments, or NULL when the file names none. */
const struct adjust_student *adjust_find(const struct adjust_file *file,
					 const char *id);

/*
 * "YYYY-MM-DD HH:MM[:SS[.fraction]] ZONE" (a 'T' may stand for the space; ZONE is Z,
 * UTC or +HH:MM, -HH:MM, +HHMM) to epoch seconds and the zone's offset in
 * seconds.  0, or -1 when text is not such a time.
 */
int adjust_parse_time(const char *text, int64_t *seconds, int *offset);
/* "15m", "1h30m", "2d", "90s", "0": seconds.  0, or -1. */
int adjust_parse_duration(const char *text, int64_t *seconds);
/*
 * "+5", "-2.5", "10%": hundredths, at most two decimals and max_whole
 * before the point (at most INT64_MAX / 1000); *end is set past the
 * number (and '%').  0, or -1.
 */
int adjust_parse_amount(const char *text, int64_t max_whole,
			struct adjust_amount *amount, const char **end);

/* What the file makes of one student's row; points in hundredths. */
struct adjust_outcome {
	int64_t raw;			/* the tests passed */
	int64_t adjustment;		/* the sum of the student's adjusts */
	bool late_known;		/* a late policy and a submission time */
	int64_t due;			/* the student's: extension or due */
	int64_t late_days;		/* days started after due, past grace */
	int64_t late_penalty;		/* what the late days took */
	int64_t final;			/* raw + adjustment - late_penalty */
};

/*
 * The outcome for a row of raw points out of max (max 0: not graded, no
 * late penalty) handed in at `submitted` (epoch seconds, when timed).
 * student may be NULL.  The adjusted score stops at 0, and the late
 * penalty takes no more than it: the columns always add up.
 */
void adjust_apply(const struct adjust_file *file,
		  const struct adjust_student *student, size_t raw, size_t max,
		  bool timed, int64_t submitted, struct adjust_outcome *out);

/*
 * The section of the student's feedback page that explains the outcome,
 * or nothing when there is nothing to explain (no adjustment, comment or
 * extension, not late).  Starts with ADJUST_SECTION_MARK.
 */
#define ADJUST_SECTION_MARK "\n---\n\n## From your instructor\n"
void adjust_feedback_section(const struct adjust_file *file,
			     const struct adjust_student *student,
			     const struct adjust_outcome *outcome,
			     int64_t submitted, struct strbuf *out);

/* Appends seconds as "2027-03-01 23:59:00 +01:00" in the zone offset. */
void adjust_format_time(struct strbuf *out, int64_t seconds, int offset);
/* Appends hundredths as the shortest decimal: "5", "-2.5", "11.75". */
void adjust_format_centi(struct strbuf *out, int64_t centi);

#endif /* GRADER_ADJUST_H */
