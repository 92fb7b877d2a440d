/*
 * grader.c - build/grader: grades a folder of exercise files.
 *
 * Exit status: 0 every test passed, 1 some test failed, 2 the grader could
 * not run (bad arguments, unreadable folder, missing tools or files); in the
 * last case one line on stderr says what and what to do.
 */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "jobs.h"
#include "options.h"
#include "report_json.h"
#include "report_text.h"
#include "resources.h"
#include "sandbox.h"
#include "summary.h"
#include "workspace.h"

#ifndef GRADER_VERSION
#define GRADER_VERSION "1.0"
#endif

enum { EXIT_PASSED = 0, EXIT_FAILED = 1, EXIT_TROUBLE = 2 };

static int trouble(const char *message)
{
	fprintf(stderr, "grader: %s\n", message);
	return EXIT_TROUBLE;
}

/* The folder must be readable and hold at least one exercise file. */
static int check_folder(const char *dir, struct strbuf *error)
{
	DIR *handle = opendir(dir);
	struct stat st;
	bool any = false;

	if (!handle) {
		strbuf_addf(error, "cannot read the folder %s (%s): give the "
			    "folder that holds your exercise files", dir,
			    strerror(errno));
		return -1;
	}
	closedir(handle);
	for (size_t i = 0; i < catalog_count() && !any; i++) {
		char *path = xstrfmt("%s/%s", dir, catalog_exercise_at(i)->file);

		any = lstat(path, &st) == 0;
		free(path);
	}
	if (!any) {
		strbuf_addf(error, "%s holds no exercise files (01_sigmoid.c "
			    "... 08_variants.c): give the folder that holds "
			    "them, e.g. build/grader exercises", dir);
		return -1;
	}
	return 0;
}

/* --json FILE must be writable where it is going. */
static int check_json_target(const char *path, struct strbuf *error)
{
	const char *slash = strrchr(path, '/');
	char *folder = slash ? xstrfmt("%.*s", (int)(slash - path), path) :
			       xstrdup(".");
	struct stat st;
	int status = 0;

	if (!*folder) {
		free(folder);
		folder = xstrdup("/");
	}
	if (stat(folder, &st) != 0 || !S_ISDIR(st.st_mode)) {
		strbuf_addf(error, "--json %s: the folder %s does not exist; "
			    "create it or write the report elsewhere", path,
			    folder);
		status = -1;
	} else if (access(folder, W_OK | X_OK) != 0) {
		strbuf_addf(error, "--json %s: cannot write into the folder %s "
			    "(%s); write the report elsewhere", path, folder,
			    strerror(errno));
		status = -1;
	} else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		strbuf_addf(error, "--json %s is a folder; give a file name "
			    "such as %s/results.json", path, path);
		status = -1;
	}
	free(folder);
	return status;
}

static uint64_t fresh_seed(void)
{
	uint32_t value = 0;

	if (getrandom(&value, sizeof value, GRND_NONBLOCK) != sizeof value)
		value = (uint32_t)time(NULL) ^ (uint32_t)getpid();
	return value % 1000000000u + 1;
}

static char *reproduce_command(const char *program,
			       const struct options *options)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_addf(&sb, "%s --seed %" PRIu64, program, options->seed);
	for (size_t i = 0; options->only_given && i < catalog_count(); i++) {
		const struct catalog_exercise *e = catalog_exercise_at(i);

		if (options_whole_exercise(options, i)) {
			strbuf_addf(&sb, " --only %s", e->file);
			continue;
		}
		for (unsigned f = 0; e->functions[f]; f++)
			if (options->selected[i] & (1u << f))
				strbuf_addf(&sb, " --only %s", e->functions[f]);
	}
	strbuf_addf(&sb, " %s", options->dir);
	return strbuf_detach(&sb);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool use_color(const struct options *options)
{
	const char *no_color = getenv("NO_COLOR");

	return !options->no_color && !(no_color && *no_color) &&
	       isatty(STDOUT_FILENO);
}

struct run {
	struct options options;
	struct resources resources;
	struct workspace workspace;
	struct jobs_item items[OPTIONS_MAX_EXERCISES];
	size_t count;
	struct summary summary;
	double started;
};

static int grade(struct run *run, struct strbuf *error)
{
	for (size_t i = 0; i < catalog_count(); i++) {
		struct jobs_item *item = &run->items[run->count];
		const struct catalog_exercise *e = catalog_exercise_at(i);

		if (!run->options.selected[i])
			continue;
		memset(item, 0, sizeof *item);
		results_init(&item->results);
		item->task.resources = &run->resources;
		item->task.exercise = e;
		item->task.dir = run->options.dir;
		item->task.seed = run->options.seed;
		item->task.selected = run->options.selected[i];
		item->task.whole = options_whole_exercise(&run->options, i);
		item->task.workdir = workspace_subfolder(&run->workspace,
							 e->name);
		run->count++;
		if (!item->task.workdir) {
			strbuf_addf(error, "cannot create a scratch folder in "
				    "%s (%s); set TMPDIR to a writable folder",
				    run->workspace.path, strerror(errno));
			return -1;
		}
	}
	return jobs_run(run->items, run->count, run->options.jobs, error);
}

static int report(struct run *run, const char *program)
{
	char *reproduce = reproduce_command(program, &run->options);
	struct report_text_style style = {
		.color = use_color(&run->options),
		.verbose = run->options.verbose,
		.reproduce = reproduce,
		.sandbox = sandbox_mode(),
	};
	struct strbuf text, json;
	int status = EXIT_PASSED;

	strbuf_init(&text);
	strbuf_init(&json);
	summary_init(&run->summary, run->options.dir, run->options.seed);
	for (size_t i = 0; i < run->count; i++)
		summary_add(&run->summary, run->items[i].task.exercise,
			    &run->items[i].results);
	run->summary.elapsed_seconds = now() - run->started;
	if (run->options.quiet)
		report_text_summary_line(&run->summary, &style, &text);
	else
		report_text_render(&run->summary, &style, &text);
	fputs(text.buf, stdout);
	fflush(stdout);
	if (run->options.json) {
		struct report_text_style plain = style;

		plain.color = false;
		strbuf_reset(&text);
		report_text_render(&run->summary, &plain, &text);
		report_json_render(&run->summary, text.buf, &json);
		if (report_json_write_file(run->options.json, &json) != 0) {
			fprintf(stderr, "grader: cannot write --json %s (%s); "
				"write the report elsewhere\n",
				run->options.json, strerror(errno));
			status = EXIT_TROUBLE;
		}
	}
	if (run->summary.internal_error) {
		status = trouble(run->summary.internal_error);
	} else if (status == EXIT_PASSED &&
		   run->summary.passed < run->summary.total) {
		status = EXIT_FAILED;
	}
	strbuf_release(&text);
	strbuf_release(&json);
	free(reproduce);
	return status;
}

static void release(struct run *run)
{
	for (size_t i = 0; i < run->count; i++) {
		results_release(&run->items[i].results);
		free((char *)run->items[i].task.workdir);
	}
	workspace_release(&run->workspace);
	resources_release(&run->resources);
	options_release(&run->options);
}

static int setup(struct run *run, int argc, char **argv,
		 struct strbuf *error)
{
	if (options_parse(&run->options, argc, argv, error) != 0)
		return -1;
	if (run->options.help || run->options.version)
		return 0;
	if (check_folder(run->options.dir, error) != 0 ||
	    (run->options.json &&
	     check_json_target(run->options.json, error) != 0) ||
	    resources_locate(&run->resources, error) != 0 ||
	    workspace_create(&run->workspace, error) != 0)
		return -1;
	for (size_t i = 0; i < catalog_count(); i++)
		if (run->options.selected[i] &&
		    resources_check_suite(&run->resources,
					  catalog_exercise_at(i), error) != 0)
			return -1;
	if (!run->options.seed_given)
		run->options.seed = fresh_seed();
	/* Probe the sandbox once, here, so every worker inherits the answer. */
	(void)sandbox_mode();
	return 0;
}

int main(int argc, char **argv)
{
	static struct run run;
	const char *program = argc > 0 && argv[0] ? argv[0] : "grader";
	struct strbuf error;
	int status;

	strbuf_init(&error);
	options_init(&run.options);
	resources_init(&run.resources);
	workspace_init(&run.workspace);
	run.started = now();
	if (setup(&run, argc, argv, &error) != 0) {
		status = trouble(error.buf);
	} else if (run.options.help) {
		options_print_help(program);
		status = EXIT_PASSED;
	} else if (run.options.version) {
		printf("grader (the Cross-Entropy Workbook) %s\n",
		       GRADER_VERSION);
		status = EXIT_PASSED;
	} else if (grade(&run, &error) != 0) {
		status = trouble(error.buf);
	} else {
		status = report(&run, program);
	}
	release(&run);
	strbuf_release(&error);
	return status;
}
