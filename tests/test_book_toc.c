/* test_book_toc.c - book/toc.c: heading anchors and ids. */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "../book/chapter.h"
#include "../book/texmath.h"
#include "../book/toc.h"

static void expect_anchor(const char *title, const char *anchor)
{
	char *got = toc_anchor(title);

	cr_expect_str_eq(got, anchor, "title \"%s\"", title);
	free(got);
}

Test(toc, anchors_follow_the_design_rule)
{
	expect_anchor("1. Probabilities and the sigmoid",
		      "1-probabilities-and-the-sigmoid");
	expect_anchor("Exact conventions: 0 log 0 and infinity",
		      "exact-conventions-0-log-0-and-infinity");
	expect_anchor("What maximum likelihood buys, and where it fails",
		      "what-maximum-likelihood-buys-and-where-it-fails");
	expect_anchor("Gibbs' inequality", "gibbs-inequality");
	expect_anchor("Gibbs\u2019 inequality", "gibbs-inequality");
	expect_anchor("Could MSE work anyway?", "could-mse-work-anyway");
	expect_anchor("Softmax", "softmax");
}

Test(toc, ids_prefix_repeats_and_math)
{
	struct book_chapter ch = BOOK_CHAPTER_INIT;
	struct book_error err = BOOK_ERROR_INIT;
	struct toc toc = TOC_INIT;
	const char *text = "# 5. Title\n\n## Questions\n\n## Questions\n\n## Loss $`\\ell`$\n";

	book_chapter_parse(&ch, "c.md", text, strlen(text), &err);
	toc_collect(&toc, ch.doc, "p--");
	texmath_transform(ch.doc, TEXMATH_HTML);
	toc_apply(&toc);
	cr_assert_eq(toc.n, 4);
	cr_expect_str_eq(toc.entries[0].anchor, "p--5-title");
	cr_expect_str_eq(toc.entries[1].anchor, "p--questions");
	cr_expect_str_eq(toc.entries[2].anchor, "p--questions-2");
	cr_expect_str_eq(toc.entries[3].anchor, "p--loss-ell");
	cr_expect_str_eq(toc.entries[3].html,
			 "Loss <span class=\"math inline\">\\ell</span>");
	toc_release(&toc);
	book_chapter_release(&ch);
}
