/*
 * test_unit_feedback.c - feedback Markdown and its HTML page: fences that
 * hold any text, no raw HTML from students, a standalone page; hidden
 * tests counted in one row of a student's view, never named.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "core/disclosure.h"
#include "report/feedback.h"
#include "support/results_fixture.h"

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

/*
 * 01_sigmoid.c with two visible tests (one failing) and three hidden ones
 * (two failing, with feedback that must stay the instructor's).
 */
static void sigmoid_results(struct results *results)
{
	struct results_test *t;

	results_fixture_sigmoid(results);
	t = results_add(results, "sigmoid", "secret_zero", "SECRET-ZERO near 0");
	t->hidden = true;
	results_set_message(t, "SECRET-MESSAGE\ninput: z = 1e-300");
	t = results_add(results, "sigmoid_grad", "secret_range",
			"SECRET-RANGE everywhere");
	t->hidden = true;
	results_set_message(t, "SECRET-MESSAGE-2");
	t = results_add(results, "sigmoid_grad", "secret_even", "SECRET-EVEN");
	t->hidden = true;
	t->outcome = RESULTS_PASSED;
}

/* The feedback of a student's view of sigmoid_results (a fixture). */
static struct strbuf md, html;

static void release_pages(void)
{
	strbuf_release(&md);
	strbuf_release(&html);
}

static void render_view(enum disclosure_mode mode)
{
	struct feedback_info info = { .student = "alice", .seed = 1,
				      .status = "ok" };
	struct disclosure_view view;
	struct summary full;
	struct results results;

	strbuf_init(&md);
	strbuf_init(&html);
	sigmoid_results(&results);
	summary_init(&full, "alice", 1);
	summary_add(&full, catalog_find_exercise("01_sigmoid.c"), &results);
	disclosure_view_init(&view, &full, mode);
	results_release(&results);	/* the view keeps its own copies */
	feedback_markdown(&view.summary, &info, &md);
	feedback_html(md.buf, "Feedback for alice", &html);
	disclosure_view_release(&view);
}

Test(feedback, hidden_tests_are_one_row, .fini = release_pages)
{
	render_view(DISCLOSURE_LINE);
	cr_expect_null(strstr(md.buf, "SECRET"), "%s", md.buf);
	cr_expect_null(strstr(html.buf, "SECRET"), "%s", html.buf);
	cr_expect_null(strstr(md.buf, "1e-300"), "%s", md.buf);
	cr_expect(strstr(md.buf, "| 01_sigmoid.c | 1/2 |"), "%s", md.buf);
	cr_expect(strstr(md.buf, "| 3 hidden tests: 1 passed | 1/3 |"), "%s",
		  md.buf);
	cr_expect(strstr(md.buf, "**2/5**"), "the total counts them: %s",
		  md.buf);
	cr_expect(strstr(md.buf, "wrong in the tails"), "%s", md.buf);
	cr_expect(strstr(html.buf, "3 hidden tests: 1 passed"), "%s", html.buf);
}

Test(feedback, hidden_tests_unmentioned_with_none, .fini = release_pages)
{
	render_view(DISCLOSURE_NONE);
	cr_expect_null(strstr(md.buf, "SECRET"), "%s", md.buf);
	cr_expect_null(strstr(md.buf, "hidden test"), "%s", md.buf);
	cr_expect(strstr(md.buf, "**2/5**"), "%s", md.buf);
}

Test(feedback, instructor_view_shows_them, .fini = release_pages)
{
	render_view(DISCLOSURE_INSTRUCTOR);
	cr_expect(strstr(md.buf, "SECRET-MESSAGE"), "%s", md.buf);
	cr_expect(strstr(md.buf, "SECRET-RANGE"), "%s", md.buf);
	cr_expect_null(strstr(md.buf, "hidden tests:"), "%s", md.buf);
	cr_expect(strstr(md.buf, "| 01_sigmoid.c | 2/5 |"), "%s", md.buf);
}

Test(feedback, only_hidden_failures_next_step)
{
	struct summary full;
	struct disclosure_view view;
	struct results results;
	char *next;

	results_init(&results);
	results_add(&results, "sigmoid", "ordinary", "ordinary")->outcome =
		RESULTS_PASSED;
	results_add(&results, "sigmoid", "secret", "SECRET")->hidden = true;
	summary_init(&full, "alice", 1);
	summary_add(&full, catalog_find_exercise("01_sigmoid.c"), &results);
	disclosure_view_init(&view, &full, DISCLOSURE_LINE);
	next = summary_next_step(&view.summary);
	cr_expect(strstr(next, "every visible test passes, but 1 of the 1 "
		  "hidden tests fail"), "%s", next);
	cr_expect_null(strstr(next, "SECRET"), "%s", next);
	free(next);
	disclosure_view_release(&view);
	results_release(&results);
}
