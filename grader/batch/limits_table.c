/*
 * limits_table.c - the table of limits, from the constants.  It lives in
 * batch/ because a class's limit (BATCH_RUN_SECONDS) is among them, and
 * batch/ is the room that may see core/'s and util/'s as well.
 */
#include "limits_table.h"

#include "batch_run.h"
#include "core/compile.h"
#include "core/discover.h"
#include "core/run.h"
#include "util/unpack.h"

static void row_bytes(struct strbuf *out, const char *what, size_t bytes,
		      const char *beyond)
{
	strbuf_addf(out, "| %s | ", what);
	strbuf_add_bytes(out, bytes);
	strbuf_addf(out, " | %s |\n", beyond);
}

static void row_count(struct strbuf *out, const char *what, size_t count,
		      const char *beyond)
{
	strbuf_addf(out, "| %s | %zu | %s |\n", what, count, beyond);
}

static void row_seconds(struct strbuf *out, const char *what, double seconds,
			const char *beyond)
{
	strbuf_addf(out, "| %s | %.0f s | %s |\n", what, seconds, beyond);
}

void limits_table(struct strbuf *out)
{
	const struct unpack_limits *u = &unpack_default_limits;

	strbuf_addstr(out, "| limit | value | beyond it |\n|---|---|---|\n");
	row_bytes(out, "an exercise file (`.c`)", COMPILE_MAX_SOURCE_BYTES,
		  "that file scores 0 (`not_text`), the others are graded");
	row_count(out, "folders below the submission looked into",
		  DISCOVER_MAX_DEPTH, "deeper files are not found; a note "
		  "says so");
	row_count(out, "entries of a submission looked at",
		  DISCOVER_MAX_ENTRIES, "the rest are not looked at; a note "
		  "says so");
	row_count(out, "archive: exercise files unpacked", u->max_files,
		  "`bad-archive`");
	row_bytes(out, "archive: one exercise file, unpacked",
		  u->max_file_bytes, "`bad-archive`");
	row_bytes(out, "archive: exercise files in all, unpacked",
		  u->max_total_bytes, "`bad-archive`");
	row_count(out, "archive: entries (files and folders) read",
		  u->max_entries, "`bad-archive`");
	row_bytes(out, "archive: other files, read through and skipped",
		  u->max_skipped_bytes, "`bad-archive`");
	row_seconds(out, "compiling or linking one file", RUN_TOOL_SECONDS,
		    "that file scores 0 (`compile_error`)");
	row_seconds(out, "the tests of one file, all together",
		    RUN_SUITE_SECONDS, "the tests not finished fail");
	row_seconds(out, "one student of a batch (`WB_BATCH_TIMEOUT`)",
		    BATCH_RUN_SECONDS, "graded once more, then `error`");
}
