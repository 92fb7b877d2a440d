/*
 * test_unit_limits_table.c - the table of limits in docs/instructors.md is
 * the one limits_table() makes from the constants, and it names the limits
 * an instructor meets (the 1 MiB source limit among them).
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "batch/limits_table.h"
#include "support/harness.h"

Test(limits_table, docs_hold_the_table_made_from_the_constants)
{
	struct strbuf table;
	char *docs = harness_read_file("docs/instructors.md");

	strbuf_init(&table);
	limits_table(&table);
	cr_assert_not_null(docs, "run the tests from the top of the repository");
	cr_assert_not_null(strstr(docs, table.buf),
			   "docs/instructors.md, \"Limits\", must hold this "
			   "table exactly (paste it there):\n%s", table.buf);
	strbuf_release(&table);
	free(docs);
}

Test(limits_table, names_each_limit_with_its_value)
{
	struct strbuf table;

	strbuf_init(&table);
	limits_table(&table);
	cr_assert_not_null(strstr(table.buf, "| an exercise file (`.c`) | 1 MiB |"));
	cr_assert_not_null(strstr(table.buf, "exercise files unpacked | 64 |"));
	cr_assert_not_null(strstr(table.buf, "read through and skipped | 256 MiB |"));
	cr_assert_not_null(strstr(table.buf, "(`WB_BATCH_TIMEOUT`) | 300 s |"));
	strbuf_release(&table);
}
