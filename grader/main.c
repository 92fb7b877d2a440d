/*
 * main.c - build/grader: grades a folder of exercise files.
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

#include "options.h"
#include "batch/batch.h"
#include "core/cache.h"
#include "core/catalog.h"
#include "core/disclosure.h"
#include "core/discover.h"
#include "core/resources.h"
#include "core/session.h"
#include "modes/hint.h"
#include "modes/progress.h"
#include "modes/watch.h"
#include "report/report.h"
#include "report/report_text.h"
#include "sandbox/sandbox.h"
#include "util/digest.h"
#include "util/secret.h"
#include "util/terminal.h"

#ifndef GRADER_VERSION
#define GRADER_VERSION "1.0"
#endif

enum { EXIT_PASSED = 0, EXIT_FAILED = 1, EXIT_TROUBLE = 2 };

static int trouble(const char *message)
{
	fprintf(stderr, "grader: %s\n", message);
	return EXIT_TROUBLE;
}

/* A file given where the folder goes: grading it alone is --only. */
static int not_a_folder(const char *path, struct strbuf *error)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	const struct catalog_exercise *exercise = catalog_find_exercise(base);

	if (!exercise || strcmp(exercise->file, base)) {
		strbuf_addf(error, "%s is a file, not a folder: give the folder "
			    "that holds your exercise files, e.g. build/grader "
			    "exercises", path);
		return -1;
	}
	/* Its folder: "exercises" of "exercises/01_sigmoid.c", or "." */
	strbuf_addf(error, "%s is a file, not a folder: to grade only it, run "
		    "build/grader --only %s %.*s", path, base,
		    !slash ? 1 : slash == path ? 1 : (int)(slash - path),
		    !slash ? "." : slash == path ? "/" : path);
	return -1;
}

/* No exercise file at any depth: say so, with the discovery's notes. */
static void explain_no_files(const char *dir, const char *notes,
			     struct strbuf *error)
{
	strbuf_addf(error, "%s holds no exercise file (%s) at any depth: "
		    "give the folder that holds them, e.g. build/grader "
		    "exercises%s", dir, catalog_file_range(),
		    *notes ? ". " : "");
	/* The message is one line: the notes follow on it. */
	for (const char *p = notes; *p; p++)
		if (*p != '\n')
			strbuf_addch(error, *p);
		else if (p[1])
			strbuf_addch(error, ' ');
}

/* The folder must be readable and hold at least one exercise file. */
static int check_folder(const char *dir, struct strbuf *error)
{
	DIR *handle = opendir(dir);
	struct discovery found;
	struct strbuf notes;
	int status = 0;

	if (!handle) {
		if (errno == ENOTDIR)
			return not_a_folder(dir, error);
		strbuf_addf(error, "cannot read the folder %s (%s): give the "
			    "folder that holds your exercise files", dir,
			    strerror(errno));
		return -1;
	}
	closedir(handle);
	discovery_init(&found);
	strbuf_init(&notes);
	if (discover_exercises(&found, dir, error) != 0) {
		status = -1;
	} else if (!found.found) {
		discovery_notes(&found, &notes);
		explain_no_files(dir, notes.buf, error);
		status = -1;
	}
	strbuf_release(&notes);
	discovery_release(&found);
	return status;
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

/*
 * "PROGRAM --seed N [--hidden] --only ... DIR": the run again, with its own
 * --only list, or (function given) that function alone with --all.
 */
static char *command_line(const char *program, const struct options *options,
			  const char *function)
{
	struct strbuf sb;

	strbuf_init(&sb);
	/* An absolute path is the grading machine's, not the student's. */
	strbuf_addf(&sb, "%s --seed %" PRIu64 "%s", *program == '/' ?
		    "build/grader" : program, options->seed,
		    options->hidden ? " --hidden" : "");
	if (function)
		strbuf_addf(&sb, " --only %s --all", function);
	for (size_t i = 0; !function && options->only_given &&
			   i < catalog_count(); i++) {
		const struct catalog_exercise *e = catalog_exercise_at(i);

		if (options_whole_exercise(options, i)) {
			strbuf_addf(&sb, " --only %s", e->file);
			continue;
		}
		for (unsigned f = 0; e->functions[f]; f++)
			if (options->selected[i] & (1u << f))
				strbuf_addf(&sb, " --only %s", e->functions[f]);
	}
	/*
	 * The folder as the user typed it: their own machine's.  Gradescope's
	 * run_autograder grades "." from inside the submission, so no path of
	 * the grading machine reaches a student this way.
	 */
	strbuf_addf(&sb, " %s", options->dir);
	return strbuf_detach(&sb);
}

/* What report_text needs to point at the failures it leaves out. */
struct details_context {
	const char *program;
	const struct options *options;
};

static char *details_command(const char *function, const void *context)
{
	const struct details_context *c = context;

	return command_line(c->program, c->options, function);
}

struct run {
	struct options options;
	struct resources resources;
	struct session session;
};

static int grade(struct run *run, struct strbuf *error)
{
	/* Unchanged files are not compiled again (build/cache, cache.h). */
	char *cache = run->options.no_cache ? NULL :
		      cache_default_dir(&run->resources);
	int status;
	struct session_config config = {
		.resources = &run->resources,
		.dir = run->options.dir,
		.seed = run->options.seed,
		.selected = run->options.selected,
		.jobs = run->options.jobs,
		.hidden = run->options.hidden,
		.seed_chosen = run->options.seed_given ||
			       run->options.student != NULL,
		.cache_dir = cache,
	};

	status = session_grade(&run->session, &config, error);
	free(cache);
	return status;
}

static int report(struct run *run, const char *program)
{
	char *reproduce = command_line(program, &run->options, NULL);
	struct details_context details = { program, &run->options };
	bool all = run->options.all || run->options.verbose;
	struct report_text_style style = {
		.color = terminal_use_color(run->options.no_color),
		.verbose = run->options.verbose,
		.shown_failures = all ? 0 : REPORT_TEXT_SHOWN_FAILURES,
		.details_command = all ? NULL : details_command,
		.details_context = &details,
		.reproduce = reproduce,
		.sandbox = sandbox_mode(),
	};
	struct strbuf text;
	int status = EXIT_PASSED;
	/* Both reports may reach a student (Gradescope shows them). */
	struct disclosure_view *view = xmalloc(sizeof *view);
	const struct summary *summary = &view->summary;

	disclosure_view_init(view, &run->session.summary,
			     run->options.disclosure);
	strbuf_init(&text);
	if (run->options.quiet)
		report_text_summary_line(summary, &style, &text);
	else
		report_text_render(summary, &style, &text);
	fputs(text.buf, stdout);
	fflush(stdout);
	if (run->options.json) {
		struct report_context file = {
			.reproduce = reproduce,
			.sandbox = style.sandbox,
			.verbose = run->options.verbose,
		};

		if (report_write(summary, REPORT_FORMAT_JSON, &file,
				 run->options.json) != 0) {
			fprintf(stderr, "grader: cannot write --json %s (%s); "
				"write the report elsewhere\n",
				run->options.json, strerror(errno));
			status = EXIT_TROUBLE;
		}
	}
	if (summary->internal_error) {
		status = trouble(summary->internal_error);
	} else if (status == EXIT_PASSED &&
		   summary->passed < summary->total) {
		status = EXIT_FAILED;
	}
	strbuf_release(&text);
	disclosure_view_release(view);
	free(view);
	free(reproduce);
	return status;
}

static void release(struct run *run)
{
	session_release(&run->session);
	resources_release(&run->resources);
	options_release(&run->options);
}

/* --student ID: the seed follows from the course secret and ID. */
static int student_seed(struct options *options, struct strbuf *error)
{
	struct strbuf secret;
	int source;

	strbuf_init(&secret);
	source = secret_load(options->secret_file, &secret, error);
	if (source == SECRET_NONE)
		fprintf(stderr, "grader: warning: %s\n", secret_missing_warning());
	if (source >= 0)
		options->seed = digest_student_seed(secret.buf, secret.len,
						    options->student);
	strbuf_release(&secret);
	return source < 0 ? -1 : 0;
}

static int setup(struct run *run, int argc, char **argv,
		 struct strbuf *error)
{
	if (options_parse(&run->options, argc, argv, error) != 0)
		return -1;
	if (run->options.help || run->options.version ||
	    run->options.mode == OPTIONS_MERGE ||
	    run->options.mode == OPTIONS_RESOLVE)
		return 0;
	/* Batches are the instructor's: they always count hidden tests. */
	resources_use_hidden(&run->resources, run->options.hidden ||
			     run->options.mode == OPTIONS_BATCH);
	if ((run->options.mode != OPTIONS_BATCH &&
	     check_folder(run->options.dir, error) != 0) ||
	    (run->options.json &&
	     check_json_target(run->options.json, error) != 0) ||
	    resources_locate(&run->resources, error) != 0)
		return -1;
	for (size_t i = 0; i < catalog_count(); i++)
		if (run->options.selected[i] &&
		    resources_check_suite(&run->resources,
					  catalog_exercise_at(i), error) != 0)
			return -1;
	if (run->options.student && student_seed(&run->options, error) != 0)
		return -1;
	if (!run->options.seed_given && !run->options.student)
		run->options.seed = fresh_seed();
	/* Probe the sandbox once, here, so every worker inherits the answer. */
	(void)sandbox_mode();
	return 0;
}

/* The modes other than grading one folder, each in its own module. */
static int run_mode(const struct options *options,
		    const struct resources *resources)
{
	switch (options->mode) {
	case OPTIONS_BATCH:
		return batch_main(options, resources);
	case OPTIONS_MERGE:
		return batch_merge_main(options);
	case OPTIONS_WATCH:
		return watch_main(options, resources);
	case OPTIONS_HINT:
		return hint_main(options, resources);
	case OPTIONS_PROGRESS:
		return progress_main(options, resources);
	case OPTIONS_RESOLVE:
		/* For make check EX= and make read CH=: one rule for names. */
		printf("%s\n", options->resolved->name);
		return EXIT_PASSED;
	case OPTIONS_GRADE:
		break;
	}
	return EXIT_TROUBLE;
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
	session_init(&run.session);
	if (setup(&run, argc, argv, &error) != 0) {
		status = trouble(error.buf);
	} else if (run.options.help) {
		options_print_help(program);
		status = EXIT_PASSED;
	} else if (run.options.version) {
		printf("grader (the Cross-Entropy Workbook) %s\n",
		       GRADER_VERSION);
		status = EXIT_PASSED;
	} else if (run.options.mode != OPTIONS_GRADE) {
		status = run_mode(&run.options, &run.resources);
	} else if (grade(&run, &error) != 0) {
		status = trouble(error.buf);
	} else {
		status = report(&run, program);
	}
	release(&run);
	strbuf_release(&error);
	return status;
}
