/*
 * similarity.c - the class's files through sim_c, pair by pair.
 */
#include "similarity_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "class_store.h"
#include "core/resources.h"
#include "core/run.h"
#include "core/workspace.h"
#include "report/gradebook.h"
#include "util/sanitize.h"

/* The largest stub read: the stubs are a few KiB. */
#define STUB_BYTES ((size_t)1 << 20)

static char *stub_relative(const struct catalog_exercise *exercise)
{
	return xstrfmt("stubs/%s", exercise->file);
}

int similarity_check(struct strbuf *error)
{
	char *sim = resources_find_program("sim_c");

	if (!sim) {
		strbuf_addstr(error, "--similarity: sim_c is not installed; "
			      "install the Debian package similarity-tester "
			      "(sh scripts/install-deps.sh) or leave out "
			      "--similarity");
		return -1;
	}
	free(sim);
	for (size_t i = 0; i < catalog_count(); i++) {
		char *relative = stub_relative(catalog_exercise_at(i));
		char *path = resources_beside(relative, error);

		free(relative);
		if (!path)
			return -1;
		free(path);
	}
	return 0;
}

/* The files of one exercise handed to sim_c: members[i] is "s%05zu.c". */
struct exercise_run {
	const struct catalog_exercise *exercise;
	char *dir;			/* scratch folder of the files */
	size_t *members;		/* student index of each file */
	size_t nr;
};

/* Writes each graded student's kept file, stub lines blanked. */
static void write_members(const struct similarity_class *class,
			  struct exercise_run *run, const char *stub)
{
	struct strbuf text, blanked;

	strbuf_init(&text);
	strbuf_init(&blanked);
	run->members = xcalloc(class->students + 1, sizeof *run->members);
	for (size_t s = 0; s < class->students &&
	     run->nr < SIMILARITY_MAX_FILES; s++) {
		char *source = class_store_source(class->out, class->ids[s],
						  run->exercise);
		char *name, *path;

		strbuf_reset(&text);
		strbuf_reset(&blanked);
		if (strbuf_read_file(&text, source, CLASS_STORE_SOURCE_BYTES)) {
			similarity_blank_stub(text.buf, text.len, stub,
					      &blanked);
			name = xstrfmt(SIMILARITY_NAME_FORMAT, run->nr);
			path = xstrfmt("%s/%s", run->dir, name);
			if (strbuf_write_file(&blanked, path) == 0)
				run->members[run->nr++] = s;
			free(path);
			free(name);
		}
		free(source);
	}
	strbuf_release(&text);
	strbuf_release(&blanked);
}

/* What sim_c said, cleaned: it may quote a student's text. */
static void failed(const struct exercise_run *run,
		   const struct sandbox_result *result, struct strbuf *error)
{
	char *said = sanitize_dup(result->output_length ? result->output :
				  "no message");

	said[strcspn(said, "\n")] = '\0';
	strbuf_addf(error, "--similarity: sim_c failed on %s (%.200s); the "
		    "report is not written", run->exercise->file, said);
	free(said);
}

static int run_sim(const struct exercise_run *run, struct strbuf *output,
		   struct strbuf *error)
{
	char *sim = resources_find_program("sim_c");
	char **argv = xcalloc(run->nr + 8, sizeof *argv);
	const char *readable[] = { sim, NULL };
	struct sandbox_result result;
	char *path = xstrfmt("%s/sim.out", run->dir);
	size_t argc = 0, names;
	int status = -1;

	argv[argc++] = sim;
	/*
	 * Not a file against itself; positions only.  Not -e (each pair in
	 * isolation): it takes minutes where this takes a second for 300
	 * files, and each stretch of a file is still matched with its
	 * longest copy in the files after it, which is what ranks pairs.
	 */
	argv[argc++] = "-s";
	argv[argc++] = "-n";
	argv[argc++] = "-o";
	argv[argc++] = "sim.out";
	names = argc;
	for (size_t i = 0; i < run->nr; i++)
		argv[argc++] = xstrfmt(SIMILARITY_NAME_FORMAT, i);
	sandbox_result_init(&result);
	if (!sim || run_tool_limited(argv, run->dir, readable,
				     SIMILARITY_SECONDS, &result) != 0) {
		strbuf_addf(error, "--similarity: cannot run sim_c for %s; "
			    "install similarity-tester (sh "
			    "scripts/install-deps.sh)", run->exercise->file);
	} else if (result.timed_out) {
		strbuf_addf(error, "--similarity: sim_c took longer than %.0f s "
			    "on %s and was stopped; run --merge DIR "
			    "--similarity on a quieter machine",
			    SIMILARITY_SECONDS, run->exercise->file);
	} else if (!WIFEXITED(result.wait_status) ||
		   WEXITSTATUS(result.wait_status) != 0) {
		failed(run, &result, error);
	} else if (!strbuf_read_file(output, path, SIMILARITY_OUTPUT_BYTES)) {
		strbuf_addf(error, "--similarity: cannot read what sim_c wrote "
			    "on %s (", run->exercise->file);
		strbuf_add_read_error(error, SIMILARITY_OUTPUT_BYTES);
		strbuf_addstr(error, "); run --similarity again, with fewer "
			      "students if it was too long");
	} else {
		status = 0;
	}
	sandbox_result_release(&result);
	for (size_t i = names; i < argc; i++)
		free(argv[i]);
	free(argv);
	free(path);
	free(sim);
	return status;
}

static int compare_exercise(struct similarity_class *class,
			    const struct catalog_exercise *exercise,
			    const struct workspace *workspace,
			    struct strbuf *error)
{
	struct exercise_run run = { .exercise = exercise };
	char *relative = stub_relative(exercise);
	char *stub_path = resources_beside(relative, error);
	struct strbuf stub, lines, output;
	struct similarity_output parsed;
	int status = -1;

	strbuf_init(&stub);
	strbuf_init(&lines);
	strbuf_init(&output);
	run.dir = workspace_subfolder(workspace, exercise->name);
	if (stub_path && !strbuf_read_file(&stub, stub_path, STUB_BYTES)) {
		strbuf_addf(error, "--similarity: cannot read %s (",
			    stub_path);
		strbuf_add_read_error(error, STUB_BYTES);
		strbuf_addstr(error, "); run make build-all");
	} else if (stub_path && !run.dir) {
		strbuf_addf(error, "--similarity: cannot create a scratch "
			    "folder (%s); set TMPDIR to a writable folder",
			    strerror(errno));
	} else if (stub_path) {
		similarity_stub_lines(stub.buf, &lines);
		write_members(class, &run, lines.buf);
		class->compared[exercise - catalog_exercise_at(0)] = run.nr;
		status = run.nr < 2 ? 0 : run_sim(&run, &output, error);
	}
	if (status == 0 && run.nr >= 2) {
		similarity_output_init(&parsed, run.nr);
		similarity_parse(&parsed, output.buf, output.len);
		similarity_add_pairs(class, exercise, run.members, &parsed);
		similarity_output_release(&parsed);
	}
	free(run.members);
	free(run.dir);
	free(stub_path);
	free(relative);
	strbuf_release(&stub);
	strbuf_release(&lines);
	strbuf_release(&output);
	return status;
}

static void read_students(struct similarity_class *class,
			  const char *gradebook)
{
	struct gradebook_fields fields;
	struct gradebook_row row;
	const char *cursor = strchr(gradebook, '\n');
	size_t alloc = 0;
	int r;

	gradebook_fields_init(&fields);
	cursor = cursor ? cursor + 1 : "";
	while ((r = gradebook_parse_record(&cursor, &fields)) > 0) {
		if (gradebook_row_parse(&fields, &row) != 0 || !row.graded)
			continue;
		if (class->students == alloc) {
			alloc = alloc ? 2 * alloc : 64;
			class->ids = xrealloc(class->ids,
					      alloc * sizeof *class->ids);
		}
		class->ids[class->students++] = xstrdup(row.student);
	}
	gradebook_fields_release(&fields);
}

static int write_report(const struct similarity_class *class,
			struct strbuf *error)
{
	char *md_path = xstrfmt("%s/similarity.md", class->out);
	char *html_path = xstrfmt("%s/similarity.html", class->out);
	struct strbuf md, html;
	int status = 0;

	strbuf_init(&md);
	strbuf_init(&html);
	similarity_report(class, &md, &html);
	if (strbuf_write_file(&md, md_path) != 0 ||
	    strbuf_write_file(&html, html_path) != 0) {
		strbuf_addf(error, "cannot write %s (%s); free some space and "
			    "run the same command again", html_path,
			    strerror(errno));
		status = -1;
	}
	strbuf_release(&md);
	strbuf_release(&html);
	free(md_path);
	free(html_path);
	return status;
}

static int compare_all(struct similarity_class *class, struct strbuf *error)
{
	struct workspace workspace;
	int status;

	workspace_init(&workspace);
	status = workspace_create(&workspace, error);
	for (size_t i = 0; status == 0 && i < catalog_count(); i++)
		status = compare_exercise(class, catalog_exercise_at(i),
					  &workspace, error);
	workspace_release(&workspace);
	return status;
}

int similarity_write(const char *out, struct strbuf *error)
{
	struct similarity_class class = { .out = out };
	struct strbuf gradebook, why = STRBUF_INIT;
	int status = -1;

	strbuf_init(&gradebook);
	if (gradebook_read(out, &gradebook, &why) != 0) {
		strbuf_addf(error, "--similarity: %s", why.buf);
	} else {
		read_students(&class, gradebook.buf);
		if (compare_all(&class, error) == 0)
			status = write_report(&class, error);
	}
	for (size_t i = 0; i < class.students; i++)
		free(class.ids[i]);
	free(class.ids);
	free(class.pairs);
	strbuf_release(&gradebook);
	strbuf_release(&why);
	return status;
}
