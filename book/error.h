/*
 * error.h - one-line diagnostics "file:line: message".
 *
 * Every failure in the book builder ends up as exactly one such line, so the
 * message is formatted once where the problem is found and carried up.
 */
#ifndef BOOK_ERROR_H
#define BOOK_ERROR_H

struct book_error {
	char text[1024];
};

#define BOOK_ERROR_INIT { { 0 } }

/* line <= 0 means "no line": the message reads "file: message". */
void book_error_set(struct book_error *err, const char *file, int line,
		    const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif /* BOOK_ERROR_H */
