/*
 * class_kit.h - small classes for the tests of the class reports
 * (test_grader_class.c, test_grader_class_browser.c), and what those tests
 * look for in the reports.  Run from the top of the repository.
 */
#ifndef TESTS_CLASS_KIT_H
#define TESTS_CLASS_KIT_H

#include <stddef.h>

/* The text of dir/name (malloc'd), or NULL when it is not there. */
char *class_kit_read(const char *dir, const char *name);
/* How often needle occurs in text. */
size_t class_kit_count(const char *text, const char *needle);
/*
 * build/grader --batch subs --out out [extra]: exits 0 and says says (may
 * be NULL) on its standard output.
 */
void class_kit_batch(const char *subs, const char *out, const char *extra,
		     const char *says);
/* Fails the test when a page would fetch anything (no network). */
void class_kit_expect_offline(const char *html);

/*
 * root/subs (malloc'd) holding: alice (solutions of 01 and 02, full
 * points), bob (the 01 stub: 0 points), carol (01 with a naive sigmoid:
 * some points), dave (an 02 that does not compile: 0 points) and
 * notes.txt (a loose file).
 */
char *class_kit_known_class(const char *root);

/*
 * root/subs (malloc'd) holding 02_bce.c of: alice (the reference
 * solution), zed (alice's copied: identifiers renamed, reindented, braces
 * moved, comments dropped, and a comment with markup and a terminal escape
 * added), bob and carol (their own solutions), stub1 and stub2 (the stub).
 */
char *class_kit_copying_class(const char *root);

#endif /* TESTS_CLASS_KIT_H */
