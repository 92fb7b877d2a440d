/*
 * gradebook_lookup.h - reading a gradebook CSV in the tests by column
 * name, so that a test states what it checks ("status", "seed", "final")
 * and keeps passing when columns are added.
 */
#ifndef TESTS_GRADEBOOK_LOOKUP_H
#define TESTS_GRADEBOOK_LOOKUP_H

/*
 * The field named column of student id's row in the gradebook text
 * (malloc'd, unquoted), or NULL when there is no such row.  Fails the
 * test when the header has no such column.
 */
char *gradebook_lookup(const char *book, const char *id, const char *column);

/*
 * The header the gradebook must have, from the curriculum's manifest:
 * "student,01_sigmoid,...,total,max,seed,status,adjustment,late_days,
 * late_penalty,final", without a line end (malloc'd).
 */
char *gradebook_expected_header(void);

/*
 * A batch's feedback page OUT/feedback/STEM.EXT (ext "md" or "html"),
 * malloc'd; fails the test when it is not there.  STEM is the id as the
 * batch encodes it in file names (the same for plain ids).
 */
char *batch_feedback_page(const char *out, const char *stem, const char *ext);

#endif
