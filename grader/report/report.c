/*
 * report.c - the table of report formats.
 */
#include "report.h"

#include "array_size.h"
#include "report_json.h"
#include "report_text.h"

/* The plain text report with every failure in full. */
static void render_text(const struct summary *summary,
			const struct report_context *context,
			struct strbuf *out)
{
	struct report_text_style style = {
		.verbose = context->verbose,
		.reproduce = context->reproduce,
		.sandbox = context->sandbox,
	};

	report_text_render(summary, &style, out);
}

/* results.json, with the plain text report as its output. */
static void render_json(const struct summary *summary,
			const struct report_context *context,
			struct strbuf *out)
{
	struct strbuf text;

	strbuf_init(&text);
	render_text(summary, context, &text);
	report_json_render(summary, text.buf, out);
	strbuf_release(&text);
}

static const struct {
	void (*render)(const struct summary *summary,
		       const struct report_context *context,
		       struct strbuf *out);
} formats[] = {
	[REPORT_FORMAT_TEXT] = { render_text },
	[REPORT_FORMAT_JSON] = { render_json },
};
_Static_assert(ARRAY_SIZE(formats) == REPORT_FORMAT_JSON + 1,
	       "a renderer for every format");

void report_render(const struct summary *summary, enum report_format format,
		   const struct report_context *context, struct strbuf *out)
{
	formats[format].render(summary, context, out);
}

int report_write(const struct summary *summary, enum report_format format,
		 const struct report_context *context, const char *path)
{
	struct strbuf out;
	int status;

	strbuf_init(&out);
	report_render(summary, format, context, &out);
	status = strbuf_write_file(&out, path);
	strbuf_release(&out);
	return status;
}
