/*
 * test_book_browser.c - the built site in a real browser: headless
 * Chromium opens every page (from file://) and dumps the DOM after the
 * scripts ran.  Checked: KaTeX rendered every math element without error,
 * no console errors, every image is an existing file (plots: SVG), the
 * index lists each chapter title once, unnumbered by the list, and the
 * slider (loss and gradient panels) at p = 0.001, 0.3, 0.999 shows what the C
 * reference computes, with every marker inside its chart.
 *
 * The site is $BOOK_SITE (default build/book).  Chromium runs are started
 * in parallel so the whole check stays well under a minute.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "support/harness.h"

#include "workbook.h"
#include "../book/proc.h"

#define MAX_PAGES 64
#define PARALLEL 2

struct visit {
	char url[2 * PATH_MAX + 400];
	char dom[PATH_MAX];	/* file holding the dumped DOM */
	char log[PATH_MAX];	/* chromium's stderr */
	pid_t pid;
};

static char workdir[] = "/tmp/book-browser-XXXXXX";
static char site[PATH_MAX];

static void setup(void)
{
	const char *dir = getenv("BOOK_SITE");

	cr_assert(mkdtemp(workdir));
	cr_assert(realpath(dir && *dir ? dir : "build/book", site),
		  "no built site at %s (run make book)", dir ? dir : "build/book");
}

static void teardown(void)
{
	struct book_error err = BOOK_ERROR_INIT;

	proc_remove_tree(workdir, &err);
}


/* Starts chromium on v->url; stdout (the DOM) and stderr go to files. */
static void start(struct visit *v, int n)
{
	char profile[PATH_MAX];

	snprintf(v->dom, sizeof(v->dom), "%s/dom-%d.html", workdir, n);
	snprintf(v->log, sizeof(v->log), "%s/log-%d.txt", workdir, n);
	snprintf(profile, sizeof(profile), "--user-data-dir=%s/profile-%d",
		 workdir, n);
	v->pid = fork();
	cr_assert_geq(v->pid, 0);
	if (v->pid == 0) {
		int out = open(v->dom, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int err = open(v->log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		char *argv[] = { "chromium", "--headless", "--no-sandbox",
			"--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync",
			"--no-first-run", profile, "--enable-logging=stderr",
			"--v=0", "--virtual-time-budget=5000", "--dump-dom",
			v->url, NULL };

		dup2(out, 1);
		dup2(err, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
}

/* Runs all visits, PARALLEL at a time. */
static void run_all(struct visit *visits, int n)
{
	int next = 0, running = 0, status, i;
	pid_t pid;

	while (next < n || running > 0) {
		if (next < n && running < PARALLEL) {
			start(&visits[next], next);
			next++;
			running++;
			continue;
		}
		pid = wait(&status);
		for (i = 0; pid > 0 && i < n; i++)
			if (visits[i].pid == pid)
				running--;
	}
}

/* The site's *.html files, sorted, as file:// URLs + fragment. */
static int list_pages(struct visit *visits, const char *fragment,
		      const char *must_contain)
{
	struct dirent **names;
	int n = scandir(site, &names, NULL, alphasort), count = 0, i;

	cr_assert_geq(n, 0, "cannot list %s", site);
	for (i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		size_t len = strlen(name);
		char path[PATH_MAX + 260];
		char *text;

		if (len > 5 && !strcmp(name + len - 5, ".html") && count < MAX_PAGES) {
			snprintf(path, sizeof(path), "%s/%s", site, name);
			text = harness_read_text(path);
			/* The print page repeats the chapters' sliders. */
			if (!must_contain || (strstr(text, must_contain) &&
					      strcmp(name, "print.html")))
				snprintf(visits[count++].url, sizeof(visits[0].url),
					 "file://%s%s", path, fragment);
			free(text);
		}
		free(names[i]);
	}
	free(names);
	return count;
}

static int count(const char *text, const char *needle)
{
	int n = 0;

	while ((text = strstr(text, needle))) {
		n++;
		text += strlen(needle);
	}
	return n;
}

/* Every console message is a failure: the book's JS logs nothing. */
static void check_console(const struct visit *v)
{
	char *log = harness_read_text(v->log), *line;

	for (line = strstr(log, "INFO:CONSOLE"); line;
	     line = strstr(line + 1, "INFO:CONSOLE")) {
		char *eol = strchr(line, '\n');

		cr_expect_fail("%s: console: %.*s", v->url,
			       (int)(eol ? eol - line : (long)strlen(line)), line);
	}
	free(log);
}

static void check_math(const struct visit *v, const char *dom)
{
	int math = count(dom, "class=\"math inline\"") +
		   count(dom, "class=\"math display\"");

	cr_expect_eq(count(dom, "<span class=\"katex\">"), math,
		     "%s: %d math elements but %d rendered by KaTeX", v->url,
		     math, count(dom, "<span class=\"katex\">"));
	cr_expect_eq(count(dom, "katex-error"), 0, "%s: KaTeX reported errors",
		     v->url);
	cr_expect_null(strstr(dom, "plot:"), "%s: a plot: link is left", v->url);
}

/* Each <img src="..."> names a file of the site; plots are real SVG. */
static void check_images(const struct visit *v, const char *dom)
{
	const char *p = dom;

	while ((p = strstr(p, "<img "))) {
		const char *src = strstr(p, "src=\"");
		const char *end = src ? strchr(src + 5, '"') : NULL;
		char path[PATH_MAX * 2];
		char *svg;

		cr_assert(src && end, "%s: <img> without src", v->url);
		snprintf(path, sizeof(path), "%s/%.*s", site, (int)(end - src - 5),
			 src + 5);
		svg = harness_read_text(path);
		cr_expect(strstr(svg, "<svg"), "%s: image %s is missing or not SVG",
			  v->url, path);
		free(svg);
		p = end;
	}
}

/* Chapter titles carry their own numbers ("2. Binary ..."): the list of
 * contents must not number them again, and names each chapter once. */
static void check_index(const struct visit *v, const char *dom)
{
	const char *list = strstr(dom, "<ul class=\"contents\">"), *a;

	cr_expect_null(strstr(dom, "<ol class=\"contents\">"),
		       "%s: the contents are a numbered list again", v->url);
	cr_assert(list, "%s: no list of contents", v->url);
	for (a = strstr(list, "<li><a href=\""); a;
	     a = strstr(a + 1, "<li><a href=\"")) {
		const char *text = strchr(a + 13, '>') + 1;
		const char *end = strstr(text, "</a>");
		char title[256];

		if (memchr(a, '#', text - a))	/* a section, not a chapter */
			continue;
		snprintf(title, sizeof(title), ">%.*s</a>", (int)(end - text), text);
		cr_expect_eq(count(list, title), 1, "%s: %s listed %d times",
			     v->url, title, count(list, title));
	}
}

Test(browser, every_page_renders_cleanly, .init = setup, .fini = teardown,
     .timeout = 180)
{
	static struct visit visits[MAX_PAGES];
	int n = list_pages(visits, "", NULL), i;

	cr_assert_gt(n, 0, "no pages in %s", site);
	run_all(visits, n);
	for (i = 0; i < n; i++) {
		char *dom = harness_read_text(visits[i].dom);

		cr_expect(strstr(dom, "</html>"), "%s: no DOM dumped", visits[i].url);
		check_console(&visits[i]);
		check_math(&visits[i], dom);
		check_images(&visits[i], dom);
		if (strstr(visits[i].url, "/index.html"))
			check_index(&visits[i], dom);
		free(dom);
	}
}

/* The data-value of the element with data-quantity="name" (NAN if none). */
static double quantity(const char *dom, const char *name)
{
	char key[64];
	const char *at, *end, *value;

	snprintf(key, sizeof(key), "data-quantity=\"%s\"", name);
	at = strstr(dom, key);
	end = at ? strchr(at, '>') : NULL;
	value = at ? strstr(at, "data-value=\"") : NULL;
	if (!value || value > end)
		return NAN;
	return strtod(value + 12, NULL);
}

static void expect_close(const char *url, const char *name, double got,
			 double want)
{
	cr_expect(fabs(got - want) <= 1e-12 + 1e-9 * fabs(want),
		  "%s: %s shows %.17g, the C reference says %.17g", url, name,
		  got, want);
}

/* The number in attribute name="..." of the tag starting at tag. */
static double attribute(const char *tag, const char *name)
{
	char key[64];
	const char *end = strchr(tag, '>'), *at;

	snprintf(key, sizeof(key), " %s=\"", name);
	at = strstr(tag, key);
	return at && at < end ? strtod(at + strlen(key), NULL) : NAN;
}

/* The slider's two panels: each marker sits inside the plot area of the
 * chart it belongs to (data-left ... data-bottom of its <svg>). */
static void check_markers(const char *url, const char *dom)
{
	const char *circle = dom, *svg;
	int markers = 0, panels = count(dom, "data-panel=\"");

	cr_expect_eq(panels, 2, "%s: the slider has %d panels, not loss and gradient",
		     url, panels);
	cr_expect(strstr(dom, "data-panel=\"grad\""), "%s: no gradient panel", url);
	while ((circle = strstr(circle, "<circle "))) {
		double x = attribute(circle, "cx"), y = attribute(circle, "cy");

		for (svg = circle; svg > dom && strncmp(svg, "<svg ", 5); svg--)
			;
		cr_expect(x >= attribute(svg, "data-left") &&
			  x <= attribute(svg, "data-right") &&
			  y >= attribute(svg, "data-top") &&
			  y <= attribute(svg, "data-bottom"),
			  "%s: a marker at (%g, %g) is off its chart", url, x, y);
		markers++;
		circle++;
	}
	cr_expect_eq(markers, 8, "%s: %d markers, expected 8", url, markers);
}

/* The slider's numbers against the reference solutions at its own p. */
static void check_slider(const char *url, const char *dom, double requested)
{
	double p = quantity(dom, "p"), z = log(p / (1.0 - p));
	double y, loss, grad;
	char name[32];

	cr_expect_eq(p, requested, "%s: slider p is %g", url, p);
	expect_close(url, "z", quantity(dom, "z"), z);
	check_markers(url, dom);
	for (int label = 1; label >= 0; label--) {
		y = label;
		snprintf(name, sizeof(name), "bce-y%d", label);
		expect_close(url, name, quantity(dom, name), bce_loss(&y, &p, 1));
		snprintf(name, sizeof(name), "mse-y%d", label);
		loss = mse_sigmoid_loss(&y, &z, 1);
		expect_close(url, name, quantity(dom, name), loss);
		snprintf(name, sizeof(name), "bce-grad-y%d", label);
		bce_with_logits_grad(&y, &z, 1, &grad);
		expect_close(url, name, quantity(dom, name), grad);
		snprintf(name, sizeof(name), "mse-grad-y%d", label);
		mse_sigmoid_grad(&y, &z, 1, &grad);
		expect_close(url, name, quantity(dom, name), grad);
	}
}

Test(browser, slider_agrees_with_the_c_reference, .init = setup,
     .fini = teardown, .timeout = 180)
{
	/* The ends are the confidently wrong region the chapters send the
	 * reader to, where a clipped chart would lose its markers. */
	static const double ps[] = { 0.001, 0.3, 0.999 };
	enum { NP = sizeof(ps) / sizeof(ps[0]) };
	static struct visit visits[NP * MAX_PAGES];
	int pages = 0, n = 0, i, j;

	for (i = 0; i < NP; i++) {
		char fragment[32];

		snprintf(fragment, sizeof(fragment), "#p=%g", ps[i]);
		pages = list_pages(visits + n, fragment, "class=\"wb-slider\"");
		n += pages;
	}
	cr_assert_gt(pages, 0, "no page of %s has a slider", site);
	run_all(visits, n);
	for (i = 0; i < NP; i++)
		for (j = 0; j < pages; j++) {
			struct visit *v = &visits[i * pages + j];
			char *dom = harness_read_text(v->dom);

			cr_expect(strstr(dom, "data-quantity=\"bce-y1\""),
				  "%s: the slider was not built", v->url);
			check_slider(v->url, dom, ps[i]);
			check_console(v);
			free(dom);
		}
}
