/*
 * policy.h - what a student's object file may define and reference.
 *
 * Before linking, the grader reads the student's relocatable ELF object and
 * rejects it when it defines a global symbol that is not one of its
 * exercise's contract functions, defines main, has constructors or
 * destructors (.init_array, .fini_array, .ctors, .dtors, .preinit_array),
 * or references a symbol outside the allowlist of C library and libm
 * functions (plus workbook_todo).  Only that file's points are lost.
 */
#ifndef GRADER_POLICY_H
#define GRADER_POLICY_H

#include <stddef.h>

struct policy_verdict {
	int allowed;		/* 1: may be linked; 0: rejected */
	char message[512];	/* why, naming the symbol, in a student's words */
};

/*
 * Checks the object at path; contract is the NULL-terminated list of the
 * functions this exercise file may define.  Returns 0 when the object could
 * be read (see verdict), -1 when it is not a readable ELF object.
 */
int policy_check_object(const char *path, const char *const *contract,
			struct policy_verdict *verdict);

/*
 * Inline assembly leaves no trace a symbol check can see (it can make system
 * calls, change the floating-point control word, ...), so the source is
 * checked too: rejects the tokens `asm`, `__asm` and `__asm__` outside
 * comments, strings and character constants, naming the line.
 *
 * Run it on the preprocessed file (cc -E, with line markers), so that a
 * macro or token pasting cannot hide the keyword; only tokens that come
 * from the main file count (system headers use __asm__ for their own
 * purposes).  On a file without line markers every token counts.
 * Returns 0 when the file was read (see verdict), -1 when it could not be.
 */
int policy_check_source(const char *path, struct policy_verdict *verdict);

#endif /* GRADER_POLICY_H */
