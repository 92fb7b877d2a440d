/*
 * batch_reports.c - the class reports after a gradebook.
 */
#include "batch_reports.h"

#include "class_report.h"
#include "similarity.h"

int batch_reports_write(const char *out, bool similarity,
			struct strbuf *lines, struct strbuf *error)
{
	struct strbuf note;
	int status;

	strbuf_init(&note);
	status = class_report_write(out, &note, error);
	if (status == 0)
		strbuf_addf(lines, "class report: %s/class.html and "
			    "class.md\n", out);
	if (status == 0 && similarity) {
		status = similarity_write(out, error);
		if (status == 0)
			strbuf_addf(lines, "similar files: %s/similarity.html "
				    "and similarity.md (a signal to look at, "
				    "not a verdict)\n", out);
	}
	if (note.len)
		strbuf_addf(lines, "note: %s\n", note.buf);
	strbuf_release(&note);
	return status;
}
