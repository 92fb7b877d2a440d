/*
 * policy_internal.h - shared by the policy's modules: policy.c (the object
 * check), policy_allowed.c (the allowlist of C library and libm
 * references), policy_sections.c (the allowlist of ELF sections),
 * policy_text.c (reading and tokenising C text, declared in policy_text.h
 * for core/unfinished.c too), policy_directives.c (the student's own
 * directives), policy_source.c (the preprocessed source) and
 * policy_assembly.c (the assembly gcc wrote).
 */
#ifndef GRADER_POLICY_INTERNAL_H
#define GRADER_POLICY_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy.h"
#include "policy_text.h"

/* Whether an exercise object may reference (call or read) this symbol. */
bool policy_reference_allowed(const char *name);

/* What to do instead of calling a refused function, in a student's words. */
const char *policy_reference_hint(const char *name);

/* Sets verdict to "refused" with the formatted message. */
void policy_refuse(struct policy_verdict *verdict, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Copies n bytes of untrusted text (a section name, a header name) into out
 * as one printable line: control and non-ASCII bytes become \n, \t or \xHH,
 * and a long text is cut with "...".  Messages reach terminals and HTML.
 */
void policy_quote(char *out, size_t cap, const char *text, size_t n);

/* ---- sections (policy_sections.c) ---------------------------------------- */

/*
 * Checks one section of an exercise object; file names it in the message.
 * Returns true, with verdict refused, when the section is not one gcc or
 * clang produce for plain C at the grader's flags.
 */
bool policy_section_refused(const char *file, const char *name, uint32_t type,
			    uint64_t flags, struct policy_verdict *verdict);

/* "cr_tst", "cr_pot", ...: the sections Criterion registers from. */
bool policy_criterion_section(const char *name, size_t n);

/* ---- the checks on text -------------------------------------------------- */

/*
 * The student's own source (not preprocessed): refuses line directives and
 * line markers, and #include of anything but <header.h> and "workbook.h".
 * Returns true when refused.
 */
bool policy_directives_refused(const char *text, const char *file,
			       struct policy_verdict *verdict);

/*
 * The assembly gcc wrote: refuses #APP blocks (inline assembly, whatever
 * produced it).  Returns true when refused.
 */
bool policy_assembly_refused(const char *text, const char *file,
			     struct policy_verdict *verdict);

#endif /* GRADER_POLICY_INTERNAL_H */
