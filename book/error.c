/* error.c - formatting the builder's one-line diagnostics. */
#include <stdarg.h>
#include <stdio.h>

#include "error.h"

void book_error_set(struct book_error *err, const char *file, int line,
		    const char *fmt, ...)
{
	char message[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	if (!file)
		snprintf(err->text, sizeof(err->text), "%s", message);
	else if (line > 0)
		snprintf(err->text, sizeof(err->text), "%s:%d: %s", file, line,
			 message);
	else
		snprintf(err->text, sizeof(err->text), "%s: %s", file, message);
}
