/*
 * proc.h - running helper programs (gnuplot, cp, rm) without a shell.
 *
 * argv goes straight to execvp, so file names never need quoting.
 */
#ifndef BOOK_PROC_H
#define BOOK_PROC_H

#include "error.h"

/*
 * Runs argv[0] with the given arguments in directory cwd (NULL: ours) and
 * waits.  Returns 0 when it exited with status 0; otherwise fills err.
 */
int proc_run(char *const argv[], const char *cwd, struct book_error *err);

/* rm -rf path; failures are reported in err. */
int proc_remove_tree(const char *path, struct book_error *err);

#endif /* BOOK_PROC_H */
