/*
 * secret.h - the course secret that, with a student's identifier, gives
 * the student's seed (digest_student_seed): from --secret-file FILE, else
 * from the environment variable WB_COURSE_SECRET.
 */
#ifndef GRADER_SECRET_H
#define GRADER_SECRET_H

#include "strbuf.h"

enum secret_source {
	SECRET_FILE,		/* --secret-file */
	SECRET_ENVIRONMENT,	/* WB_COURSE_SECRET */
	SECRET_NONE,		/* neither: seeds follow from the ids alone */
};

/*
 * Loads the secret into secret (a trailing newline of the file is not part
 * of it).  Returns its source, or -1 with a one-line message in error when
 * the file cannot be read or is empty.
 */
int secret_load(const char *secret_file, struct strbuf *secret,
		struct strbuf *error);

/* The warning to print when there is no secret. */
const char *secret_missing_warning(void);

#endif /* GRADER_SECRET_H */
