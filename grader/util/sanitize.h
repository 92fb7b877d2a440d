/*
 * sanitize.h - text that came from a student (compiler diagnostics of their
 * file, test feedback quoting their values, advice, archive entry names)
 * made safe to print on a terminal, in Markdown and in HTML.
 *
 * A terminal obeys escape sequences in what it prints: a diagnostic that
 * echoes a source line holding ESC [2J could clear the screen and draw a
 * fake "12/12 points".  So every writer passes such text through here:
 * ANSI escape sequences (CSI, OSC and the other string controls, and the
 * short ESC forms; a lone ESC too) are removed whole, CR before LF is
 * dropped, and every
 * other control character but newline and tab -- C0, DEL, C1 (U+0080 to
 * U+009F) and bytes that are not valid UTF-8 -- becomes one '?', which
 * keeps a diagnostic's caret line in its column.  The result is valid
 * UTF-8, and sanitizing it again changes nothing.
 */
#ifndef GRADER_SANITIZE_H
#define GRADER_SANITIZE_H

#include <stddef.h>

#include "strbuf.h"

/* Appends text (NULL reads as ""), sanitized. */
void sanitize_add(struct strbuf *out, const char *text);
/* The same for len bytes of text. */
void sanitize_add_len(struct strbuf *out, const char *text, size_t len);
/* A sanitized copy (malloc'd). */
char *sanitize_dup(const char *text);

/* Length of the valid UTF-8 sequence at s (at most len bytes), or 0. */
size_t sanitize_utf8_length(const unsigned char *s, size_t len);

#endif /* GRADER_SANITIZE_H */
