/*
 * lms_internal.h - what lms_entries.c and lms_gradescope.c share.
 */
#ifndef GRADER_LMS_INTERNAL_H
#define GRADER_LMS_INTERNAL_H

#include <sys/types.h>

#include "batch_entries.h"

/* The names in a folder, sorted in byte order. */
struct lms_names {
	char **items;
	size_t nr;
};

/* 0, or -1 with one line in error. */
int lms_read_names(const char *dir, struct lms_names *names,
		   struct strbuf *error);
void lms_names_release(struct lms_names *names);

int lms_gradescope_list(struct batch_entries *entries, const char *dir,
			dev_t skip_dev, ino_t skip_ino, struct strbuf *error);

#endif /* GRADER_LMS_INTERNAL_H */
