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

#endif
