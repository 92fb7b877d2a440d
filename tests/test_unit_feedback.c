/*
 * test_unit_feedback.c - feedback Markdown and its HTML page: fences that
 * hold any text, no raw HTML from students, a standalone page.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "feedback.h"

Test(feedback, fence_is_longer_than_any_backtick_run)
{
	char *fence = feedback_fence("plain");

	cr_assert_str_eq(fence, "```");
	free(fence);
	fence = feedback_fence("a ```` b `` c");
	cr_assert_str_eq(fence, "`````");
	free(fence);
}

Test(feedback, problem_page_keeps_student_text_inert)
{
	struct feedback_info info = {
		.student = "alice", .seed = 42, .status = "bad-archive",
		.problem = "entry \"<script>alert(1)</script>\" ```` broke",
	};
	struct strbuf md, html;

	strbuf_init(&md);
	strbuf_init(&html);
	feedback_problem_markdown(&info, &md);
	cr_assert(strstr(md.buf, "`````"), "a fence longer than the text's");
	cr_assert(strstr(md.buf, "Seed: 42"));
	cr_assert(strstr(md.buf, "--student alice --secret-file FILE --hidden"));
	feedback_html(md.buf, "Feedback for alice", &html);
	cr_assert(strstr(html.buf, "<meta charset=\"utf-8\">"));
	cr_assert(strstr(html.buf, "<title>Feedback for alice</title>"));
	cr_assert_null(strstr(html.buf, "<script>"));
	cr_assert(strstr(html.buf, "&lt;script&gt;"));
	cr_assert_null(strstr(html.buf, "http"), "no external resources");
	strbuf_release(&md);
	strbuf_release(&html);
}

Test(feedback, raw_html_outside_code_is_dropped)
{
	struct strbuf html;

	strbuf_init(&html);
	feedback_html("Hello <img src=x onerror=alert(1)>\n\n"
		      "| a | b |\n|---|---|\n| 1 | 2 |\n", "t", &html);
	cr_assert_null(strstr(html.buf, "<img"));
	cr_assert(strstr(html.buf, "<table>"), "GFM tables are rendered");
	strbuf_release(&html);
}
