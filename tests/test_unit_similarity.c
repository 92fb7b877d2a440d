/*
 * test_unit_similarity.c - reading sim_c's output (similarity_parse.h):
 * the two line forms the grader asks for are read, anything else (a
 * student's text, a damaged or hostile line, names the grader did not
 * give) is ignored and counted, never trusted.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "batch/similarity_internal.h"
#include "batch/similarity_parse.h"

static const char sample[] =
	"File s00000.c: 462 tokens, 223 lines\n"
	"File s00001.c: 1 token, 1 line\n"
	"File s00002.c: 324 tokens, 164 lines\r\n"
	"Total input: 3 files (3 new, 0 old), 787 tokens\n"
	"\n"
	"s00000.c: line 40-223                       |s00002.c: line 38-219"
	"                  [462]\n"
	"\n"
	"s00002.c: line 125-144                      |s00000.c: line 144-176"
	"                  [60]\n";

static void parse(struct similarity_output *output, size_t files,
		  const char *text)
{
	similarity_output_init(output, files);
	similarity_parse(output, text, strlen(text));
}

Test(similarity_parse, reads_files_and_runs)
{
	struct similarity_output output;

	parse(&output, 3, sample);
	cr_assert_eq(output.tokens[0], 462);
	cr_assert_eq(output.tokens[1], 1);
	cr_assert_eq(output.tokens[2], 324);
	cr_assert_eq(output.nr, 2);
	cr_assert_eq(output.runs[0].a, 0);
	cr_assert_eq(output.runs[0].b, 2);
	cr_assert_eq(output.runs[0].a_first, 40);
	cr_assert_eq(output.runs[0].a_last, 223);
	cr_assert_eq(output.runs[0].b_first, 38);
	cr_assert_eq(output.runs[0].b_last, 219);
	cr_assert_eq(output.runs[0].tokens, 462);
	cr_assert_eq(output.runs[1].a, 2);
	cr_assert_eq(output.runs[1].tokens, 60);
	cr_assert_eq(output.ignored, 0);
	similarity_output_release(&output);
}

Test(similarity_parse, ignores_what_it_did_not_ask_for)
{
	static const char *const bad[] = {
		/* a file the grader did not name, or past the count */
		"s00003.c: line 1-2 |s00000.c: line 1-2 [30]",
		"s0001.c: line 1-2 |s00000.c: line 1-2 [30]",
		"s000001.c: line 1-2 |s00000.c: line 1-2 [30]",
		"alice.c: line 1-2 |s00000.c: line 1-2 [30]",
		"File ../etc/passwd: 3 tokens, 1 line",
		/* a file against itself, backwards or empty ranges */
		"s00001.c: line 1-2 |s00001.c: line 3-4 [30]",
		"s00000.c: line 5-2 |s00001.c: line 1-2 [30]",
		"s00000.c: line 0-2 |s00001.c: line 1-2 [30]",
		"s00000.c: line 1-2 |s00001.c: line 1-2 [0]",
		/* numbers too large, signs, trailing text, cut short */
		"s00000.c: line 1-999999999999 |s00001.c: line 1-2 [30]",
		"s00000.c: line -1-2 |s00001.c: line 1-2 [30]",
		"s00000.c: line 1-2 |s00001.c: line 1-2 [30] <script>",
		"s00000.c: line 1-2 |s00001.c: line 1-2 [30",
		"s00000.c: line 1-2 |",
		"File s00000.c: 12 tokens",
		"int main(void) { return 0; }",
		"\x1b[2J 12/12 points",
	};
	struct similarity_output output;

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		parse(&output, 3, bad[i]);
		cr_assert_eq(output.nr, 0, "%s", bad[i]);
		cr_assert_eq(output.ignored, 1, "%s", bad[i]);
		for (size_t f = 0; f < 3; f++)
			cr_assert_eq(output.tokens[f], 0, "%s", bad[i]);
		similarity_output_release(&output);
	}
}

Test(similarity_parse, a_text_without_newline_or_with_nul_stays_in_bounds)
{
	static const char text[] = "File s00000.c: 7 tokens, 2 lines\0junk";
	struct similarity_output output;

	similarity_output_init(&output, 1);
	similarity_parse(&output, text, sizeof text - 1);
	/* The NUL ends nothing: the line is read as it is, and refused. */
	cr_assert_eq(output.tokens[0], 0);
	cr_assert_eq(output.ignored, 1);
	similarity_output_release(&output);
	similarity_output_init(&output, 1);
	similarity_parse(&output, text, strlen(text));
	cr_assert_eq(output.tokens[0], 7);
	similarity_output_release(&output);
}

Test(similarity, percent_of_a_file_is_bounded)
{
	cr_assert_eq(similarity_percent(50, 200), 25);
	cr_assert_eq(similarity_percent(300, 200), 100);
	cr_assert_eq(similarity_percent(5, 0), 0);
}

/*
 * The stub's lines are blanked wherever they are, whatever the spaces;
 * lines of braces alone and the student's own lines stay, and so does
 * every line number.
 */
Test(similarity_stub, blanks_the_stub_lines_and_keeps_the_numbering)
{
	static const char stub[] =
		"double bce_loss(const double *y, const double *p, size_t n)\n"
		"{\n\t(void)y;\n\treturn workbook_todo(__func__);\n}\n";
	static const char student[] =
		"double  bce_loss(const double *y,const double *p,size_t n)\n"
		"{\n\tdouble s = 0;\n\t(void) y;\n"
		"\treturn workbook_todo(__func__);\n}\n"
		"static double own(double y) { return y; }";
	static const char want[] =
		"\n{\n\tdouble s = 0;\n\n\n}\n"
		"static double own(double y) { return y; }\n";
	struct strbuf lines, out;

	strbuf_init(&lines);
	strbuf_init(&out);
	similarity_stub_lines(stub, &lines);
	similarity_blank_stub(student, strlen(student), lines.buf, &out);
	cr_assert_str_eq(out.buf, want);
	strbuf_release(&lines);
	strbuf_release(&out);
}
