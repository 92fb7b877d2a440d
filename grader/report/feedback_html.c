/*
 * feedback_html.c - Markdown to a standalone page with cmark-gfm and its
 * table extension.  CMARK_OPT_UNSAFE stays off: raw HTML and dangerous
 * links in the text are dropped, not passed through.
 */
#include "feedback.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>

#include "util/sanitize.h"

static const char style[] =
	"body{font-family:sans-serif;max-width:50em;margin:2em auto;"
	"padding:0 1em;line-height:1.45;color:#222}"
	"table{border-collapse:collapse}"
	"th,td{border:1px solid #bbb;padding:.25em .7em}"
	/* Long lines (hints, compiler messages) wrap: no side-scrolling. */
	"pre{background:#f4f4f4;padding:.6em;white-space:pre-wrap;"
	"overflow-wrap:anywhere}"
	"h3{font-size:1em}";

void feedback_add_html_text(struct strbuf *out, const char *text)
{
	char *clean = sanitize_dup(text);

	for (const char *p = clean; *p; p++) {
		switch (*p) {
		case '<': strbuf_addstr(out, "&lt;"); break;
		case '>': strbuf_addstr(out, "&gt;"); break;
		case '&': strbuf_addstr(out, "&amp;"); break;
		case '"': strbuf_addstr(out, "&quot;"); break;
		default: strbuf_addch(out, *p);
		}
	}
	free(clean);
}

static char *render(const char *markdown)
{
	cmark_parser *parser;
	cmark_node *document;
	char *html;

	cmark_gfm_core_extensions_ensure_registered();
	parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	cmark_parser_attach_syntax_extension(parser,
		cmark_find_syntax_extension("table"));
	cmark_parser_feed(parser, markdown, strlen(markdown));
	document = cmark_parser_finish(parser);
	html = cmark_render_html(document, CMARK_OPT_DEFAULT,
				 cmark_parser_get_syntax_extensions(parser));
	cmark_node_free(document);
	cmark_parser_free(parser);
	return html;
}

void feedback_html_open(const char *title, const char *extra_style,
			struct strbuf *out)
{
	strbuf_addstr(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		      "<meta charset=\"utf-8\">\n<title>");
	feedback_add_html_text(out, title);
	strbuf_addf(out, "</title>\n<style>%s%s</style>\n</head>\n<body>\n",
		    style, extra_style ? extra_style : "");
}

void feedback_html_body(const char *markdown, struct strbuf *out)
{
	char *body = render(markdown);

	strbuf_addstr(out, body ? body : "");
	free(body);
}

void feedback_html_close(struct strbuf *out)
{
	strbuf_addstr(out, "</body>\n</html>\n");
}

void feedback_html(const char *markdown, const char *title,
		   struct strbuf *out)
{
	feedback_html_open(title, NULL, out);
	feedback_html_body(markdown, out);
	feedback_html_close(out);
}
