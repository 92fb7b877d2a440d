/*
 * test_unit_batch_log.c - the grading log's comparison of two gradebooks:
 * rows read by column name (old gradebooks without "final" too), and one
 * line per student who is new, gone, or whose status or final changed.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "batch/batch_log.h"

static const char before_text[] =
	"student,01_sigmoid,total,max,seed,status,adjustment,late_days,"
	"late_penalty,final\n"
	"alice,15,15,15,1,ok,0,,0,15\n"
	"\"b,ob\",0,0,15,2,ok,0,,0,0\n"
	"dave,0,0,,4,missing,0,,0,0\n";
static const char after_text[] =
	"student,01_sigmoid,total,max,seed,status,adjustment,late_days,"
	"late_penalty,final\n"
	"alice,15,15,15,1,ok,0,,0,15\n"
	"\"b,ob\",15,15,15,2,ok,0,1,1.5,13.5\n"
	"carol,0,0,,3,empty,0,,0,0\n";

Test(batch_log, changes_are_one_line_each)
{
	struct batch_log_rows before, after;
	struct strbuf out;

	strbuf_init(&out);
	cr_assert_eq(batch_log_read_rows(&before, before_text), 0);
	cr_assert_eq(batch_log_read_rows(&after, after_text), 0);
	cr_assert_eq(before.nr, 3);
	cr_assert_str_eq(before.items[1].id, "b,ob");
	cr_assert_eq(batch_log_changes(&before, &after, &out), 3, "%s", out.buf);
	cr_assert_str_eq(out.buf, "  b,ob: ok 0 -> ok 13.5\n"
			 "  carol: (new) -> empty\n"
			 "  dave: missing -> (gone)\n");
	batch_log_rows_release(&before);
	batch_log_rows_release(&after);
	strbuf_release(&out);
}

Test(batch_log, an_old_gradebook_is_read_by_its_total)
{
	struct batch_log_rows rows;

	cr_assert_eq(batch_log_read_rows(&rows, "student,total,max,seed,"
					 "status\nal,9,15,1,ok\n"), 0);
	cr_assert_eq(rows.nr, 1);
	cr_assert_str_eq(rows.items[0].final, "9");
	batch_log_rows_release(&rows);
	cr_assert_eq(batch_log_read_rows(&rows, "no,header,here\n"), -1);
	cr_assert_eq(batch_log_read_rows(&rows, "student,final,status\n"
					 "\"never closed\n"), -1);
}
