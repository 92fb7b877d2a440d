/*
 * test_book_parse.c - the chapter rules of book/chapter.c on small inputs:
 * each broken rule gives one message with the right file and line.
 */
#include <string.h>

#include <criterion/criterion.h>

#include "../book/chapter.h"

/* Parses and validates text as "ch.md"; returns validate's result. */
static int check(const char *text, struct book_error *err)
{
	struct book_chapter ch = BOOK_CHAPTER_INIT;
	int ret = book_chapter_parse(&ch, "ch.md", text, strlen(text), err);

	if (!ret)
		ret = book_chapter_validate(&ch, err);
	book_chapter_release(&ch);
	return ret;
}

Test(parse, valid_chapter_passes)
{
	struct book_error err = BOOK_ERROR_INIT;

	cr_assert_eq(check("# Title\n\nText $`x`$.\n\n```c\nint x;\n```\n"
			   "\n```c example\nint main(void){return 0;}\n```\n"
			   "\n```output\n```\n\n![p](plot:sigmoid)\n", &err), 0,
		     "%s", err.text);
}

Test(parse, unknown_fence_kind_names_file_line_and_allowed_kinds)
{
	struct book_error err = BOOK_ERROR_INIT;

	cr_assert_eq(check("# T\n\ntext\n\n```python\nprint(1)\n```\n", &err), -1);
	cr_assert_str_eq(err.text,
			 "ch.md:5: unknown fence kind 'python' (allowed: c, c example, output, math, sh, console, text)");
}

Test(parse, fence_without_kind_is_an_error)
{
	struct book_error err = BOOK_ERROR_INIT;

	cr_assert_eq(check("# T\n\n```\nplain\n```\n", &err), -1);
	cr_assert(strstr(err.text, "ch.md:3: code fence without a kind"),
		  "%s", err.text);
}

Test(parse, fence_kind_blanks_are_squeezed)
{
	struct book_error err = BOOK_ERROR_INIT;

	cr_assert_eq(check("# T\n\n```c   example\nint main(void){return 0;}\n```\n"
			   "```output\n```\n", &err), 0, "%s", err.text);
}

Test(parse, unknown_plot_names_file_and_line)
{
	struct book_error err = BOOK_ERROR_INIT;

	cr_assert_eq(check("# T\n\nSome text.\n\nSee ![a plot](plot:nonesuch) here.\n",
			   &err), -1);
	cr_assert(!strncmp(err.text, "ch.md:5: unknown plot 'nonesuch' (known: sigmoid, ",
			   strlen("ch.md:5: unknown plot 'nonesuch' (known: sigmoid, ")),
		  "%s", err.text);
}

Test(parse, every_designed_plot_name_is_known)
{
	struct book_error err = BOOK_ERROR_INIT;

	cr_assert_eq(check("# T\n\n![](plot:sigmoid) ![](plot:bce_loss) ![](plot:gradcheck_error)\n"
			   "![](plot:logreg_loss) ![](plot:mse_vs_bce_loss) ![](plot:mse_vs_bce_grad)\n"
			   "![](plot:mse_curvature) ![](plot:saturated_start) ![](plot:cross_entropy_vs_q)\n"
			   "![](plot:softmax_temperature) ![](plot:smoothing_floor) ![](plot:focal_loss)\n",
			   &err), 0, "%s", err.text);
}

Test(parse, unterminated_fence_reports_its_opening_line)
{
	struct book_error err = BOOK_ERROR_INIT;

	cr_assert_eq(check("# T\n\n```c\nint x;\n\n## Lost heading\n", &err), -1);
	cr_assert(strstr(err.text, "ch.md:3: unterminated code fence"), "%s",
		  err.text);
}

Test(parse, longer_closing_fence_closes)
{
	struct book_error err = BOOK_ERROR_INIT;

	cr_assert_eq(check("# T\n\n```sh\nls\n`````\n", &err), 0, "%s", err.text);
	cr_assert_eq(check("# T\n\n- item\n\n  ```sh\n  ls\n  ```\n", &err), 0,
		     "%s", err.text);
	cr_assert_eq(check("# T\n\n> ```sh\n> ls\n> ```\n", &err), 0, "%s",
		     err.text);
}

Test(parse, example_needs_output_right_after)
{
	struct book_error err = BOOK_ERROR_INIT;

	cr_assert_eq(check("# T\n\n```c example\nint main(void){return 0;}\n```\n\nText.\n",
			   &err), -1);
	cr_assert(strstr(err.text, "ch.md:3: a 'c example' block must be followed"),
		  "%s", err.text);
}

Test(parse, unterminated_details_reports_opening_line)
{
	struct book_error err = BOOK_ERROR_INIT;

	cr_assert_eq(check("# T\n\n<details><summary>Question</summary>\n\nWhy?\n", &err), -1);
	cr_assert(strstr(err.text, "ch.md:3: unterminated <details>"), "%s",
		  err.text);
	cr_assert_eq(check("# T\n\n<details><summary>Q</summary>\n\nWhy?\n\n</details>\n",
			   &err), 0, "%s", err.text);
}

Test(parse, unterminated_inline_math)
{
	struct book_error err = BOOK_ERROR_INIT;

	cr_assert_eq(check("# T\n\nFirst line.\nOpen $`x` never closed.\n", &err), -1);
	cr_assert(strstr(err.text, "ch.md:") && strstr(err.text, "unterminated inline math"),
		  "%s", err.text);
}

Test(parse, dollars_in_prose_are_fine)
{
	struct book_error err = BOOK_ERROR_INIT;

	cr_assert_eq(check("# T\n\nIt costs $5, or $10 with `tax`.\n", &err), 0,
		     "%s", err.text);
}

Test(parse, missing_title)
{
	struct book_error err = BOOK_ERROR_INIT;

	cr_assert_eq(check("Text without a heading.\n", &err), -1);
	cr_assert(strstr(err.text, "ch.md:1: no title"), "%s", err.text);
}

Test(parse, title_and_slug)
{
	struct book_chapter ch = BOOK_CHAPTER_INIT;
	struct book_error err = BOOK_ERROR_INIT;
	const char *text = "Intro.\n\n# 2. Binary $`y`$ cross-entropy\n";

	cr_assert_eq(book_chapter_parse(&ch, "chapters/02-bce.md", text,
					strlen(text), &err), 0);
	cr_assert_str_eq(ch.slug, "02-bce");
	cr_assert_str_eq(ch.title, "2. Binary $y$ cross-entropy");
	book_chapter_release(&ch);
}

Test(parse, missing_file)
{
	struct book_chapter ch = BOOK_CHAPTER_INIT;
	struct book_error err = BOOK_ERROR_INIT;

	cr_assert_eq(book_chapter_load(&ch, "no/such/file.md", &err), -1);
	cr_assert(!strncmp(err.text, "no/such/file.md: cannot read", 28), "%s",
		  err.text);
	book_chapter_release(&ch);
}
