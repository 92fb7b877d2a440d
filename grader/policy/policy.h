/*
 * policy.h - what a student's object file may define and reference.
 *
 * Before linking, the grader reads the student's relocatable ELF object and
 * rejects it when it has a section outside the allowlist of what the
 * compiler produces for plain C (policy_sections.c: no constructors, no
 * Criterion registration sections, no executable stack), an ifunc, a
 * global symbol that is not one of its exercise's contract functions
 * (main included), or a reference outside the allowlist of C library and
 * libm functions (plus workbook_todo).  Only that file's points are lost.
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
 * What the object check cannot see: assembly in the source, or carried
 * into the compiler's output by a string (policy_source.c says how).
 *
 * path is the preprocessed file NAME.i that `cc -c -save-temps=obj` left
 * beside NAME.o; the check also reads the student's file as written
 * (NAME.c, beside it, as the grader stages it) and the assembly (NAME.s).
 * All three must be there.  Given any other path (a .c), it checks that
 * one file as both the written and the preprocessed text.
 * Returns 0 when the files were read (see verdict), -1 when one could not
 * be.  Messages name the file and line.
 */
int policy_check_source(const char *path, struct policy_verdict *verdict);

#endif /* GRADER_POLICY_H */
