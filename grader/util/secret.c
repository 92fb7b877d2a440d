/*
 * secret.c - reading the course secret.
 */
#include "secret.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* A secret is a short line of text, not a file's worth. */
#define SECRET_MAX_BYTES 4096

int secret_load(const char *secret_file, struct strbuf *secret,
		struct strbuf *error)
{
	const char *environment = getenv("WB_COURSE_SECRET");
	bool too_long = false;

	strbuf_reset(secret);
	if (!secret_file) {
		if (!environment || !*environment)
			return SECRET_NONE;
		strbuf_addstr(secret, environment);
		return SECRET_ENVIRONMENT;
	}
	/* Room for the secret and its line ending. */
	if (!strbuf_read_file(secret, secret_file, SECRET_MAX_BYTES + 2) &&
	    !(too_long = errno == EFBIG)) {
		strbuf_addf(error, "--secret-file %s: cannot read it (%s); give "
			    "the file that holds the course secret", secret_file,
			    strerror(errno));
		return -1;
	}
	while (secret->len && (secret->buf[secret->len - 1] == '\n' ||
			       secret->buf[secret->len - 1] == '\r'))
		secret->buf[--secret->len] = '\0';
	if (too_long || secret->len > SECRET_MAX_BYTES) {
		strbuf_addf(error, "--secret-file %s: longer than %d bytes; put "
			    "one line of random text in it, e.g. head -c 24 "
			    "/dev/urandom | base64 > %s", secret_file,
			    SECRET_MAX_BYTES, secret_file);
		return -1;
	}
	if (secret->len == 0) {
		strbuf_addf(error, "--secret-file %s: the file is empty; put "
			    "one line of random text in it, e.g. head -c 24 "
			    "/dev/urandom | base64 > %s", secret_file,
			    secret_file);
		return -1;
	}
	return SECRET_FILE;
}

const char *secret_missing_warning(void)
{
	return "no course secret (--secret-file FILE or WB_COURSE_SECRET): "
	       "each seed follows from the student's id alone, so students "
	       "can predict theirs; create one with head -c 24 /dev/urandom "
	       "| base64 > course.secret";
}
