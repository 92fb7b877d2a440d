/*
 * test_book_plots.c - book/plots.c: every plot in the table renders to an
 * SVG with gnuplot, and plot: links are rewritten.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "support/harness.h"

#include "../book/chapter.h"
#include "../book/plots.h"

Test(plots, every_plot_renders_an_svg, .timeout = 60)
{
	char *dir = harness_tempdir();
	struct book_error err = BOOK_ERROR_INIT;
	size_t i;

	for (i = 0; i < plots_table_len; i++) {
		char name[128], *path, *svg;

		cr_expect_eq(plots_render(&plots_table[i], dir, &err), 0, "%s",
			     err.text);
		snprintf(name, sizeof(name), "%s.svg", plots_table[i].name);
		path = harness_join(dir, name);
		svg = harness_read_text(path);
		cr_expect(strstr(svg, "<svg") && strstr(svg, "<path"),
			  "%s is not a drawn SVG", path);
		cr_expect(!strstr(svg, "NaN") && !strstr(svg, "nan"),
			  "%s has NaN in it", path);
		free(svg);
		free(path);
	}
	harness_remove(dir);
	free(dir);
}

Test(plots, fifteen_designed_plots)
{
	cr_expect_eq(plots_table_len, 15);
	cr_expect_not_null(plots_find("logreg_boundary"));
	cr_expect_not_null(plots_find("softreg_regions"));
	cr_expect_not_null(plots_find("reliability"));
	cr_expect_null(plots_find("nonesuch"));
	cr_expect_not_null(plots_find("focal_loss"));
}

Test(plots, links_rewritten_and_names_collected)
{
	struct book_chapter ch = BOOK_CHAPTER_INIT;
	struct book_error err = BOOK_ERROR_INIT;
	const char *text = "![a](plot:sigmoid) ![b](plot:bce_loss) ![c](plot:sigmoid) ![d](x.png)\n";
	struct plots_names names = PLOTS_NAMES_INIT;
	char *html;

	book_chapter_parse(&ch, "p.md", text, strlen(text), &err);
	cr_assert_eq(plots_link(ch.doc, "plots", &names), 2);
	cr_expect_str_eq(names.v[0], "sigmoid");
	cr_expect_str_eq(names.v[1], "bce_loss");
	html = cmark_render_html(ch.doc, 0, NULL);
	cr_expect(strstr(html, "<img src=\"plots/sigmoid.svg\" alt=\"a\" />"), "%s", html);
	cr_expect(strstr(html, "<img src=\"x.png\""), "%s", html);
	free(html);
	book_chapter_release(&ch);
	/* A second chapter adds only the names not seen yet. */
	text = "![e](plot:bce_loss) ![f](plot:reliability)\n";
	book_chapter_parse(&ch, "q.md", text, strlen(text), &err);
	cr_assert_eq(plots_link(ch.doc, "plots", &names), 3);
	cr_expect_str_eq(names.v[2], "reliability");
	book_chapter_release(&ch);
	plots_names_release(&names);
	cr_expect_eq(names.n, 0);
}
