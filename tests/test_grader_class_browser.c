/*
 * test_grader_class_browser.c - class.html in a real browser: headless
 * Chromium lays the page out (from file://, with no network) inside a
 * frame of a probe page whose script measures it, and --dump-dom gives
 * back what it found.  Checked: one drawing for the totals and one per
 * exercise file, each laid out at a readable size inside the page, as many
 * boxes drawn as the page's tables count non-empty bins, no side-scrolling
 * and no console message.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/catalog.h"
#include "support/class_kit.h"
#include "support/harness.h"

/* The class totals and one histogram per exercise (CLASS_PLOTS). */
enum { DRAWINGS = 1 + CURRICULUM_EXERCISES };

/* Measures the framed report and writes the result into data-result. */
static const char probe[] =
	"<!DOCTYPE html><html><body>"
	"<iframe id=\"f\" src=\"%s\" style=\"width:1000px;height:800px\">"
	"</iframe><script>\n"
	"document.getElementById('f').onload = function () {\n"
	"  var d = this.contentDocument, e = d.documentElement, drawn = 0,\n"
	"      boxes = 0;\n"
	"  d.querySelectorAll('svg').forEach(function (s) {\n"
	"    var r = s.getBoundingClientRect();\n"
	"    if (r.width >= 300 && r.height >= 150 && r.right <= e.clientWidth)\n"
	"      drawn++;\n"
	"    s.querySelectorAll('polygon').forEach(function (p) {\n"
	"      if (p.getBBox().height > 0) boxes++; });\n"
	"  });\n"
	"  document.body.setAttribute('data-result', 'svgs=' +\n"
	"    d.querySelectorAll('svg').length + ';drawn=' + drawn +\n"
	"    ';boxes=' + boxes + ';overflow=' +\n"
	"    (e.scrollWidth > e.clientWidth) + ';');\n"
	"};\n</script></body></html>\n";

/* Runs chromium on url; its DOM and its log go to files in dir. */
static void chromium(const char *dir, const char *url)
{
	char *dom = harness_join(dir, "dom.html");
	char *log = harness_join(dir, "chromium.log");
	char *profile;
	int status;
	pid_t pid;

	cr_assert(asprintf(&profile, "--user-data-dir=%s/profile", dir) >= 0);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		int out = open(dom, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int err = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		char *argv[] = { "chromium", "--headless", "--no-sandbox",
			"--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync",
			"--no-first-run", "--allow-file-access-from-files",
			profile, "--enable-logging=stderr", "--v=0",
			"--virtual-time-budget=5000", "--dump-dom",
			(char *)url, NULL };

		dup2(out, 1);
		dup2(err, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		  "chromium failed (status %d); see %s", status, log);
	free(profile);
	free(dom);
	free(log);
}

/* Non-empty bins of the report's tables: cells of its "students" rows. */
static size_t counted_bins(const char *md)
{
	size_t bins = 0;

	for (const char *p = md; (p = strstr(p, "\n| students |")) != NULL;
	     p++) {
		const char *end = strchr(p + 1, '\n');

		for (const char *q = p + 13; q < end; q++)
			bins += *q == '|';
	}
	return bins;
}

Test(class_browser, the_report_renders_offline_with_its_drawings,
     .timeout = 300)
{
	char *root = harness_tempdir();
	char *subs = class_kit_known_class(root);
	char *out = harness_join(root, "out");
	char *report, *probe_text, *probe_path, *url, *dom, *log, *md, *want;

	class_kit_batch(subs, out, NULL, "class report: ");
	report = realpath(out, NULL);
	cr_assert_not_null(report);
	cr_assert(asprintf(&url, "file://%s/class.html", report) >= 0);
	cr_assert(asprintf(&probe_text, probe, url) >= 0);
	free(url);
	probe_path = harness_join(root, "probe.html");
	harness_write_file(probe_path, probe_text, strlen(probe_text));
	cr_assert(asprintf(&url, "file://%s", probe_path) >= 0);
	chromium(root, url);
	dom = class_kit_read(root, "dom.html");
	log = class_kit_read(root, "chromium.log");
	md = class_kit_read(out, "class.md");
	cr_assert(asprintf(&want, "data-result=\"svgs=%d;drawn=%d;boxes=%zu;"
			   "overflow=false;\"", DRAWINGS, DRAWINGS,
			   counted_bins(md)) >= 0);
	cr_assert(strstr(dom, want), "want %s in:\n%.2000s", want, dom);
	cr_assert_null(strstr(log, "CONSOLE"), "%s", log);
	free(want);
	free(md);
	free(log);
	free(dom);
	free(url);
	free(probe_path);
	free(probe_text);
	free(report);
	free(out);
	free(subs);
	harness_remove(root);
}
