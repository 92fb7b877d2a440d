/*
 * student_id.h - a student's id is the name of their entry in SUBMISSIONS
 * (or of a roster row): any name a file system allows, e.g. "Mary Jane",
 * "张伟" or Moodle's "John Smith_12345_assignsubmission_file_".  Where it
 * names a file of the grader's own (feedback pages, JSON, resume records)
 * it is percent-encoded; in a shell command it is quoted.
 */
#ifndef GRADER_STUDENT_ID_H
#define GRADER_STUDENT_ID_H

#include <stdbool.h>

#include "util/strbuf.h"

/* The longest file-name stem made from an id, before ".html" and such. */
enum { STUDENT_ID_FILE_MAX = 200 };

/* Not empty, no '/', no NUL, not "." or "..". */
bool student_id_valid(const char *id);

/*
 * The id as a file-name stem (malloc'd): bytes of A-Z a-z 0-9 _ @ + - and
 * '.' (but not a leading one) stay, every other byte is %XX (upper-case
 * hex), so "Mary Jane" is "Mary%20Jane".  A stem longer than
 * STUDENT_ID_FILE_MAX is cut and ends in "~" and 16 hex digits of a digest
 * of the whole id; '~' never occurs otherwise, so distinct ids give
 * distinct stems.
 */
char *student_id_file_name(const char *id);

/* Appends the id as one word of a POSIX shell command. */
void student_id_shell_quote(struct strbuf *out, const char *id);

/*
 * "build/grader --student ID --secret-file FILE --hidden DIR", the command
 * that grades the student again as a batch did (malloc'd).
 */
char *student_id_reproduce_command(const char *id);

#endif /* GRADER_STUDENT_ID_H */
