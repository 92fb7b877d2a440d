/*
 * options_internal.h - what options.c and options_names.c share.
 */
#ifndef GRADER_OPTIONS_INTERNAL_H
#define GRADER_OPTIONS_INTERNAL_H

#include "options.h"

/* Each takes an option's value; 0, or -1 with a one-line error. */
int options_select_only(struct options *options, const char *text,
			struct strbuf *error);
int options_take_hint(struct options *options, const char *text,
		      struct strbuf *error);
int options_take_resolve(struct options *options, const char *text,
			 struct strbuf *error);

/* --from LMS, --assignment NAME (options_lms.c). */
int options_take_from(struct options *options, const char *value,
		      struct strbuf *error);
int options_take_assignment(struct options *options, const char *value,
			    struct strbuf *error);
/*
 * --export LMS FILE (or --export=LMS FILE) at argv[*i]: takes two
 * arguments and moves *i past them.
 */
int options_take_export(struct options *options, int argc, char **argv,
			int *i, struct strbuf *error);
/* The LMS options only apply to --batch. */
int options_check_lms(const struct options *options, struct strbuf *error);

#endif /* GRADER_OPTIONS_INTERNAL_H */
