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

#endif /* GRADER_OPTIONS_INTERNAL_H */
