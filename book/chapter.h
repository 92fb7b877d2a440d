/*
 * chapter.h - reading a chapter into a cmark-gfm tree and checking the book's
 * rules on it (fence kinds, plot names, things left open).
 */
#ifndef BOOK_CHAPTER_H
#define BOOK_CHAPTER_H

#include <stddef.h>
#include <cmark-gfm.h>

#include "error.h"

struct book_chapter {
	char *path;		/* as given, used in every message */
	char *slug;		/* file name without directory and ".md" */
	char *title;		/* plain text of the first level-1 heading */
	char *source;		/* the Markdown text, NUL-terminated */
	size_t source_len;
	cmark_parser *parser;	/* owns the syntax extensions the HTML needs */
	cmark_node *doc;
};

#define BOOK_CHAPTER_INIT { 0 }

/* The fence kinds a chapter may use, for messages: "c, c example, ...". */
extern const char book_chapter_fence_kinds[];

void book_chapter_init(struct book_chapter *ch);
void book_chapter_release(struct book_chapter *ch);

/* Parses text (a chapter's content) under the name path. */
int book_chapter_parse(struct book_chapter *ch, const char *path,
		       const char *text, size_t len, struct book_error *err);

/* Reads the file path and parses it. */
int book_chapter_load(struct book_chapter *ch, const char *path,
		      struct book_error *err);

/* Checks the book's rules; the first broken one is reported in err. */
int book_chapter_validate(const struct book_chapter *ch,
			  struct book_error *err);

/* The line of node, or of the nearest ancestor that knows its line. */
int book_chapter_node_line(cmark_node *node);

/* The fence info with surrounding blanks trimmed and inner runs squeezed:
 * "c   example " -> "c example".  Writes at most size bytes to buf. */
void book_chapter_fence_kind(cmark_node *code_block, char *buf, size_t size);

/* Plain text of a node's inline content (text and code literals). */
char *book_chapter_plain_text(cmark_node *node);

#endif /* BOOK_CHAPTER_H */
