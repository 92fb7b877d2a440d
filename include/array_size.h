/*
 * array_size.h - the number of elements of an array, for the project's own
 * code (the grader, the suites, the book, the tests); not part of the
 * exercise contract.  Given a pointer instead of an array it is wrong, so
 * use it only on an array in scope.
 */
#ifndef WB_ARRAY_SIZE_H
#define WB_ARRAY_SIZE_H

#define ARRAY_SIZE(array) (sizeof(array) / sizeof((array)[0]))

#endif /* WB_ARRAY_SIZE_H */
