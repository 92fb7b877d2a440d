/*
 * unfinished.h - which exercise file a student has yet to finish, among
 * those a run did not grade (--only), without grading them: a missing file
 * or one still calling workbook_todo() is surely unfinished.
 */
#ifndef GRADER_UNFINISHED_H
#define GRADER_UNFINISHED_H

#include "summary.h"

/*
 * Looks at the exercises `selected` (per exercise a bit per function) does
 * not grade whole, in curriculum order, in the folder dir; fills *out.
 * Reads only regular files (no links) of at most COMPILE_MAX_SOURCE_BYTES.
 */
void unfinished_find(const char *dir, const unsigned *selected,
		     struct summary_ungraded *out);

#endif /* GRADER_UNFINISHED_H */
