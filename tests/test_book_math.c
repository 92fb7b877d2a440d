/*
 * test_book_math.c - book/texmath.c: where $`...`$ is found in the tree
 * and what it becomes.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-extension_api.h>
#include <criterion/criterion.h>

#include "../book/chapter.h"
#include "../book/texmath.h"

/* text -> HTML after the math transform; *count gets texmath_transform's. */
static char *to_html(const char *text, enum texmath_output output, int *count)
{
	struct book_chapter ch = BOOK_CHAPTER_INIT;
	struct book_error err = BOOK_ERROR_INIT;
	char *html;
	int n;

	cr_assert_eq(book_chapter_parse(&ch, "t.md", text, strlen(text), &err), 0);
	n = texmath_transform(ch.doc, output);
	if (count)
		*count = n;
	html = cmark_render_html(ch.doc, CMARK_OPT_UNSAFE,
				 cmark_parser_get_syntax_extensions(ch.parser));
	book_chapter_release(&ch);
	return html;
}

static void expect_html(const char *text, const char *expected)
{
	char *html = to_html(text, TEXMATH_HTML, NULL);

	cr_expect_str_eq(html, expected);
	free(html);
}

static void expect_contains(const char *text, const char *part)
{
	char *html = to_html(text, TEXMATH_HTML, NULL);

	cr_expect(strstr(html, part), "expected %s in:\n%s", part, html);
	free(html);
}

Test(math, at_start_of_paragraph)
{
	expect_html("$`x_i`$ starts it\n",
		    "<p><span class=\"math inline\">x_i</span> starts it</p>\n");
}

Test(math, at_end_of_paragraph)
{
	expect_html("it ends with $`y`$\n",
		    "<p>it ends with <span class=\"math inline\">y</span></p>\n");
}

Test(math, whole_paragraph_and_punctuation)
{
	expect_html("$`a`$\n", "<p><span class=\"math inline\">a</span></p>\n");
	expect_html("so $`a`$, then $`b`$.\n",
		    "<p>so <span class=\"math inline\">a</span>, then <span class=\"math inline\">b</span>.</p>\n");
}

Test(math, dollars_in_ordinary_text_stay)
{
	int count = -1;
	char *html = to_html("It costs $5, or $10 with `tax`.\n", TEXMATH_HTML, &count);

	cr_expect_str_eq(html, "<p>It costs $5, or $10 with <code>tax</code>.</p>\n");
	cr_expect_eq(count, 0);
	free(html);
}

Test(math, plain_code_is_not_math)
{
	expect_html("run `make` now\n", "<p>run <code>make</code> now</p>\n");
	expect_html("$ `ls` $\n", "<p>$ <code>ls</code> $</p>\n");
}

Test(math, inside_emphasis_and_nested_emphasis)
{
	expect_html("*see $`x`$ here*\n",
		    "<p><em>see <span class=\"math inline\">x</span> here</em></p>\n");
	expect_html("**bold *and $`x^2`$***\n",
		    "<p><strong>bold <em>and <span class=\"math inline\">x^2</span></em></strong></p>\n");
}

Test(math, in_table_cells)
{
	int count = 0;
	char *html = to_html("| a | b |\n|---|---|\n| $`x_i`$ | is $`y`$ |\n",
			     TEXMATH_HTML, &count);

	cr_expect(strstr(html, "<td><span class=\"math inline\">x_i</span></td>"),
		  "%s", html);
	cr_expect(strstr(html, "<td>is <span class=\"math inline\">y</span></td>"),
		  "%s", html);
	cr_expect_eq(count, 2);
	free(html);
}

Test(math, in_headings_and_links)
{
	expect_contains("## The loss $`\\ell`$\n",
			"<h2>The loss <span class=\"math inline\">\\ell</span></h2>");
	expect_contains("[about $`p`$](x.html)\n",
			"<a href=\"x.html\">about <span class=\"math inline\">p</span></a>");
}

Test(math, tex_is_html_escaped)
{
	expect_html("$`a<b & c>d`$\n",
		    "<p><span class=\"math inline\">a&lt;b &amp; c&gt;d</span></p>\n");
}

Test(math, math_fence_becomes_display)
{
	expect_html("```math\n\\frac{a}{b} < 1\n```\n",
		    "<div class=\"math display\">\\frac{a}{b} &lt; 1</div>\n");
}

Test(math, other_fences_untouched)
{
	expect_contains("```c\nint a = b < c;\n```\n",
			"<pre><code class=\"language-c\">int a = b &lt; c;\n</code></pre>");
}

Test(math, plain_output_keeps_code_drops_dollars)
{
	char *html = to_html("with $`x`$ and\n\n```math\nE=mc^2\n```\n",
			     TEXMATH_PLAIN, NULL);

	cr_expect(strstr(html, "<p>with <code>x</code> and</p>"), "%s", html);
	cr_expect(strstr(html, "<code class=\"language-math\">E=mc^2"), "%s", html);
	free(html);
}

Test(math, check_accepts_balanced_and_rejects_open)
{
	struct book_chapter ch = BOOK_CHAPTER_INIT;
	struct book_error err = BOOK_ERROR_INIT;
	const char *text = "# T\n\nfine $`x`$\n\nbad `y`$ here\n";

	book_chapter_parse(&ch, "m.md", text, strlen(text), &err);
	cr_assert_eq(texmath_check(ch.doc, ch.path, &err), -1);
	cr_expect(strstr(err.text, "m.md:5: unterminated inline math"), "%s",
		  err.text);
	book_chapter_release(&ch);
}
