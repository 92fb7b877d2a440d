/*
 * chapter.c - chapters in, cmark-gfm trees out, and the book's rules checked
 * with cmark's source positions so every complaint names file:line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "chapter.h"
#include "alloc.h"
#include "plots.h"
#include "texmath.h"

const char book_chapter_fence_kinds[] = "c, c example, output, math, sh, console, text";

static const char *const fence_kinds[] = {
	"c", "c example", "output", "math", "sh", "console", "text",
};

void book_chapter_init(struct book_chapter *ch)
{
	memset(ch, 0, sizeof(*ch));
}

void book_chapter_release(struct book_chapter *ch)
{
	if (ch->doc)
		cmark_node_free(ch->doc);
	if (ch->parser)
		cmark_parser_free(ch->parser);
	free(ch->path);
	free(ch->slug);
	free(ch->title);
	free(ch->source);
	book_chapter_init(ch);
}

/* "chapters/02-bce.md" -> "02-bce": the page name and the print anchor. */
static char *slug_of(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t len;

	base = base ? base + 1 : path;
	len = strlen(base);
	if (len > 3 && !strcmp(base + len - 3, ".md"))
		len -= 3;
	return book_xstrndup(base, len);
}

char *book_chapter_plain_text(cmark_node *node)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = book_xopen_memstream(&text, &size);
	cmark_iter *iter = cmark_iter_new(node);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		cmark_node *cur = cmark_iter_get_node(iter);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(cur)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			fputs(cmark_node_get_literal(cur), out);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			fputc(' ', out);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(iter);
	fclose(out);
	return text;
}

/* The first level-1 heading is the chapter's title. */
static char *find_title(cmark_node *doc)
{
	cmark_node *node;

	for (node = cmark_node_first_child(doc); node;
	     node = cmark_node_next(node))
		if (cmark_node_get_type(node) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(node) == 1)
			return book_chapter_plain_text(node);
	return NULL;
}

int book_chapter_parse(struct book_chapter *ch, const char *path,
		       const char *text, size_t len, struct book_error *err)
{
	cmark_syntax_extension *table;

	book_chapter_release(ch);
	ch->path = book_xstrdup(path);
	ch->slug = slug_of(path);
	ch->source = book_xstrndup(text, len);
	ch->source_len = len;
	cmark_gfm_core_extensions_ensure_registered();
	table = cmark_find_syntax_extension("table");
	if (!table) {
		book_error_set(err, path, 0,
			       "cmark-gfm has no table extension (is libcmark-gfm-extensions installed?)");
		return -1;
	}
	ch->parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_SMART);
	cmark_parser_attach_syntax_extension(ch->parser, table);
	cmark_parser_feed(ch->parser, text, len);
	ch->doc = cmark_parser_finish(ch->parser);
	ch->title = find_title(ch->doc);
	return 0;
}

int book_chapter_load(struct book_chapter *ch, const char *path,
		      struct book_error *err)
{
	char *text = NULL;
	size_t size = 0, got;
	char chunk[65536];
	FILE *in = fopen(path, "rb");
	FILE *buf;
	int ret;

	if (!in) {
		book_error_set(err, path, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	buf = book_xopen_memstream(&text, &size);
	while ((got = fread(chunk, 1, sizeof(chunk), in)) > 0)
		fwrite(chunk, 1, got, buf);
	ret = ferror(in) ? -1 : 0;
	fclose(in);
	fclose(buf);
	if (ret)
		book_error_set(err, path, 0, "cannot read: %s",
			       strerror(errno));
	else
		ret = book_chapter_parse(ch, path, text, size, err);
	free(text);
	return ret;
}

int book_chapter_node_line(cmark_node *node)
{
	for (; node; node = cmark_node_parent(node))
		if (cmark_node_get_start_line(node) > 0)
			return cmark_node_get_start_line(node);
	return 0;
}

void book_chapter_fence_kind(cmark_node *code_block, char *buf, size_t size)
{
	const char *info = cmark_node_get_fence_info(code_block);
	size_t n = 0;
	int blank = 0;

	for (; info && *info && n + 1 < size; info++) {
		if (*info == ' ' || *info == '\t') {
			blank = n > 0;
			continue;
		}
		if (blank && n + 2 < size)
			buf[n++] = ' ';
		blank = 0;
		buf[n++] = *info;
	}
	buf[n] = '\0';
}

static int known_fence_kind(const char *kind)
{
	size_t i;

	for (i = 0; i < sizeof(fence_kinds) / sizeof(fence_kinds[0]); i++)
		if (!strcmp(kind, fence_kinds[i]))
			return 1;
	return 0;
}

/* Line number (1-based) -> its text in the source, length in *len. */
static const char *source_line(const struct book_chapter *ch, int line,
			       size_t *len)
{
	const char *p = ch->source, *end = ch->source + ch->source_len;
	const char *eol;

	for (; line > 1 && p < end; line--) {
		p = memchr(p, '\n', end - p);
		p = p ? p + 1 : end;
	}
	eol = memchr(p, '\n', end - p);
	*len = (eol ? eol : end) - p;
	return p;
}

/*
 * cmark closes a fence that never ends at the end of the document, which
 * would silently swallow the rest of the chapter: a fenced block is closed
 * only if its last line is a run of at least as many fence characters
 * (after the indentation or '>' of its container).
 */
static int fence_closed(const struct book_chapter *ch, cmark_node *block)
{
	int length, offset;
	char fence_char;
	size_t len, run = 0;
	const char *line;

	cmark_node_get_fenced(block, &length, &offset, &fence_char);
	line = source_line(ch, cmark_node_get_end_line(block), &len);
	if (cmark_node_get_end_line(block) == cmark_node_get_start_line(block))
		return 0;
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t' ||
			   line[len - 1] == '\r'))
		len--;
	while (run < len && line[len - 1 - run] == fence_char)
		run++;
	if (run < (size_t)length)
		return 0;
	for (len -= run; len > 0; len--)
		if (!strchr(" \t>", line[len - 1]))
			return 0;
	return 1;
}

static int next_is_output(cmark_node *block)
{
	cmark_node *next = cmark_node_next(block);
	char kind[64];

	if (!next || cmark_node_get_type(next) != CMARK_NODE_CODE_BLOCK)
		return 0;
	book_chapter_fence_kind(next, kind, sizeof(kind));
	return !strcmp(kind, "output");
}

static int check_code_block(const struct book_chapter *ch, cmark_node *block,
			    struct book_error *err)
{
	int line = book_chapter_node_line(block);
	int length, offset;
	char fence_char, kind[128];

	/* Indented code has no kind to check; the literate tests skip it. */
	if (!cmark_node_get_fenced(block, &length, &offset, &fence_char))
		return 0;
	book_chapter_fence_kind(block, kind, sizeof(kind));
	if (!kind[0]) {
		book_error_set(err, ch->path, line,
			       "code fence without a kind (allowed: %s)",
			       book_chapter_fence_kinds);
		return -1;
	}
	if (!known_fence_kind(kind)) {
		book_error_set(err, ch->path, line,
			       "unknown fence kind '%s' (allowed: %s)", kind,
			       book_chapter_fence_kinds);
		return -1;
	}
	if (!fence_closed(ch, block)) {
		book_error_set(err, ch->path, line,
			       "unterminated code fence '%c%c%c%s' (no closing fence before the end of the chapter)",
			       fence_char, fence_char, fence_char, kind);
		return -1;
	}
	if (!strcmp(kind, "c example") && !next_is_output(block)) {
		book_error_set(err, ch->path, line,
			       "a 'c example' block must be followed directly by an 'output' block");
		return -1;
	}
	return 0;
}

static int check_image(const struct book_chapter *ch, cmark_node *image,
		       struct book_error *err)
{
	const char *url = cmark_node_get_url(image);

	if (!url || strncmp(url, "plot:", 5))
		return 0;
	if (plots_find(url + 5))
		return 0;
	book_error_set(err, ch->path, book_chapter_node_line(image),
		       "unknown plot '%s' (known: %s)", url + 5,
		       plots_known_names());
	return -1;
}

/* One pass over every node: the first rule broken stops the walk. */
static int check_nodes(const struct book_chapter *ch, struct book_error *err)
{
	cmark_iter *iter = cmark_iter_new(ch->doc);
	cmark_event_type ev;
	int ret = 0;

	while (!ret && (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(iter);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK)
			ret = check_code_block(ch, node, err);
		else if (cmark_node_get_type(node) == CMARK_NODE_IMAGE)
			ret = check_image(ch, node, err);
	}
	cmark_iter_free(iter);
	return ret;
}

/* Counts how many times needle occurs in s (case-sensitive, as authored). */
static int count_tags(const char *s, const char *needle)
{
	int n = 0;

	while ((s = strstr(s, needle))) {
		n++;
		s += strlen(needle);
	}
	return n;
}

/*
 * A question left open (<details> without </details>) hides the rest of
 * the page in the browser, so it is reported at the line that opened it.
 */
static int check_details(const struct book_chapter *ch, struct book_error *err)
{
	cmark_iter *iter = cmark_iter_new(ch->doc);
	cmark_event_type ev;
	int depth = 0, open_line = 0;

	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(iter);
		cmark_node_type type = cmark_node_get_type(node);
		const char *html;
		int opens, closes;

		if (ev != CMARK_EVENT_ENTER || (type != CMARK_NODE_HTML_BLOCK &&
						type != CMARK_NODE_HTML_INLINE))
			continue;
		html = cmark_node_get_literal(node);
		opens = count_tags(html, "<details>") +
			count_tags(html, "<details ");
		closes = count_tags(html, "</details>");
		if (opens > 0 && depth == 0)
			open_line = book_chapter_node_line(node);
		depth += opens - closes;
		if (depth < 0) {
			book_error_set(err, ch->path, book_chapter_node_line(node),
				       "</details> without a matching <details>");
			break;
		}
	}
	cmark_iter_free(iter);
	if (depth > 0)
		book_error_set(err, ch->path, open_line,
			       "unterminated <details> (no </details> before the end of the chapter)");
	return depth != 0 ? -1 : 0;
}

int book_chapter_validate(const struct book_chapter *ch,
			  struct book_error *err)
{
	if (check_nodes(ch, err))
		return -1;
	if (texmath_check(ch->doc, ch->path, err))
		return -1;
	if (check_details(ch, err))
		return -1;
	if (!ch->title) {
		book_error_set(err, ch->path, 1,
			       "no title: a chapter starts with a level-1 heading ('# Title')");
		return -1;
	}
	return 0;
}
