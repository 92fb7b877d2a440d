/*
 * render.c - laying chapters out as pages.  The pages are plain HTML that
 * works from file:// with no network: KaTeX and the book's CSS and JS are
 * copied next to them.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-extension_api.h>

#include "plots.h"
#include "render.h"
#include "texmath.h"

void render_chapter_init(struct render_chapter *out, struct book_chapter *ch,
			 const char *prefix, struct plots_names *plot_names)
{
	out->slug = ch->slug;
	toc_init(&out->toc);
	/* Anchors first (from the TeX source), then math, then ids. */
	toc_collect(&out->toc, ch->doc, prefix);
	texmath_transform(ch->doc, TEXMATH_HTML);
	plots_link(ch->doc, "plots", plot_names);
	toc_apply(&out->toc);
	out->body = cmark_render_html(ch->doc, CMARK_OPT_UNSAFE | CMARK_OPT_SMART,
				      cmark_parser_get_syntax_extensions(ch->parser));
}

void render_chapter_release(struct render_chapter *rc)
{
	free(rc->body);
	toc_release(&rc->toc);
	rc->body = NULL;
}

/* The chapter's title: its first level-1 heading (validated to exist). */
static const struct toc_entry *chapter_title(const struct render_chapter *rc)
{
	size_t i;

	for (i = 0; i < rc->toc.n; i++)
		if (rc->toc.entries[i].level == 1)
			return &rc->toc.entries[i];
	return NULL;
}

static void put_escaped(FILE *out, const char *text)
{
	char *escaped = texmath_escape_html(text);

	fputs(escaped, out);
	free(escaped);
}

static void page_head(FILE *out, const char *title, const char *body_class)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<title>", out);
	if (title) {
		put_escaped(out, title);
		fputs(" — ", out);
	}
	fputs(BOOK_TITLE "</title>\n"
	      "<link rel=\"stylesheet\" href=\"katex/katex.min.css\">\n"
	      "<link rel=\"stylesheet\" href=\"book.css\">\n"
	      "<script defer src=\"katex/katex.min.js\"></script>\n"
	      "<script defer src=\"book.js\"></script>\n"
	      "</head>\n", out);
	fprintf(out, "<body class=\"%s\">\n", body_class);
}

static void page_tail(FILE *out)
{
	fputs("</body>\n</html>\n", out);
}

/* Level-2 sections of a chapter as links; page is "" on the same page. */
static void section_list(FILE *out, const struct render_chapter *rc,
			 const char *page)
{
	size_t i;

	fputs("<ol class=\"sections\">\n", out);
	for (i = 0; i < rc->toc.n; i++)
		if (rc->toc.entries[i].level == 2)
			fprintf(out, "<li><a href=\"%s#%s\">%s</a></li>\n", page,
				rc->toc.entries[i].anchor,
				rc->toc.entries[i].html);
	fputs("</ol>\n", out);
}

static void chapter_link(FILE *out, const struct render_chapter *rc,
			 const char *rel, const char *text_before,
			 const char *text_after)
{
	const struct toc_entry *title = chapter_title(rc);

	fprintf(out, "<a %s%s%shref=\"%s.html\">%s%s%s</a>", rel ? "rel=\"" : "",
		rel ? rel : "", rel ? "\" " : "", rc->slug, text_before,
		title ? title->html : rc->slug, text_after);
}

static void sidebar(FILE *out, const struct render_book *book, size_t current)
{
	size_t i;

	fputs("<nav class=\"sidebar\" aria-label=\"contents\">\n"
	      "<p class=\"book-title\"><a href=\"index.html\">" BOOK_TITLE
	      "</a></p>\n<ol class=\"chapters\">\n", out);
	for (i = 0; i < book->n; i++) {
		fputs(i == current ? "<li class=\"current\">" : "<li>", out);
		chapter_link(out, &book->chapters[i], NULL, "", "");
		if (i == current)
			section_list(out, &book->chapters[i], "");
		fputs("</li>\n", out);
	}
	fputs("</ol>\n<p class=\"print-link\"><a href=\"print.html\">The whole book on one page (for printing)</a></p>\n"
	      "</nav>\n", out);
}

static void pager(FILE *out, const struct render_book *book, size_t current)
{
	fputs("<nav class=\"pager\" aria-label=\"previous and next chapter\">\n",
	      out);
	if (current > 0)
		chapter_link(out, &book->chapters[current - 1], "prev",
			     "<span class=\"dir\">← Previous</span> ", "");
	else
		fputs("<a rel=\"prev\" href=\"index.html\"><span class=\"dir\">← Contents</span></a>",
		      out);
	fputs("\n", out);
	if (current + 1 < book->n)
		chapter_link(out, &book->chapters[current + 1], "next",
			     "<span class=\"dir\">Next →</span> ", "");
	fputs("\n</nav>\n", out);
}

void render_chapter_page(FILE *out, const struct render_book *book,
			 size_t index)
{
	const struct render_chapter *rc = &book->chapters[index];
	const struct toc_entry *title = chapter_title(rc);

	page_head(out, title ? title->text : rc->slug, "chapter");
	sidebar(out, book, index);
	fputs("<main>\n<article>\n", out);
	fputs(rc->body, out);
	fputs("</article>\n", out);
	pager(out, book, index);
	fputs("</main>\n", out);
	page_tail(out);
}

static void contents(FILE *out, const struct render_book *book, int print)
{
	size_t i;

	/* A <ul>: the titles carry their own numbers ("2. Binary ..."). */
	fputs("<ul class=\"contents\">\n", out);
	for (i = 0; i < book->n; i++) {
		const struct render_chapter *rc = &book->chapters[i];
		const struct toc_entry *title = chapter_title(rc);
		char page[256];

		fputs("<li>", out);
		if (print)
			fprintf(out, "<a href=\"#%s\">%s</a>",
				title ? title->anchor : rc->slug,
				title ? title->html : rc->slug);
		else
			chapter_link(out, rc, NULL, "", "");
		snprintf(page, sizeof(page), "%s.html", rc->slug);
		section_list(out, rc, print ? "" : page);
		fputs("</li>\n", out);
	}
	fputs("</ul>\n", out);
}

void render_index_page(FILE *out, const struct render_book *book)
{
	page_head(out, NULL, "index");
	fputs("<main class=\"cover\">\n<h1>" BOOK_TITLE "</h1>\n"
	      "<p class=\"subtitle\">Cross-entropy, from maximum likelihood to focal loss, in C.</p>\n"
	      "<h2 id=\"contents\">Contents</h2>\n", out);
	contents(out, book, 0);
	fputs("<p class=\"print-link\"><a href=\"print.html\">The whole book on one page (for printing)</a></p>\n",
	      out);
	if (book->n > 0)
		chapter_link(out, &book->chapters[0], "next",
			     "<span class=\"dir\">Start reading →</span> ", "");
	fputs("\n</main>\n", out);
	page_tail(out);
}

void render_print_page(FILE *out, const struct render_book *print)
{
	size_t i;

	page_head(out, "Print", "print");
	fputs("<main>\n<section class=\"cover\">\n<h1>" BOOK_TITLE "</h1>\n"
	      "<h2>Contents</h2>\n", out);
	contents(out, print, 1);
	fputs("</section>\n", out);
	for (i = 0; i < print->n; i++)
		fprintf(out, "<section class=\"chapter\" id=\"%s\">\n%s</section>\n",
			print->chapters[i].slug, print->chapters[i].body);
	fputs("</main>\n", out);
	page_tail(out);
}
