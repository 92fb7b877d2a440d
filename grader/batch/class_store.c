/*
 * class_store.c - the per-student results and files the class reports
 * read.
 */
#include "class_store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "student_id.h"
#include "core/run.h"

/*
 * A kept message is its first line, at most this long: the reports show
 * the diagnosis, not the inputs or a compiler's log.
 */
enum { KEPT_MESSAGE_BYTES = 300 };

static char *student_dir(const char *out, const char *id)
{
	char *stem = student_id_file_name(id);
	char *dir = xstrfmt("%s/" CLASS_STORE_DIR "/%s", out, stem);

	free(stem);
	return dir;
}

static char *kept_path(const char *out, const char *id,
		       const struct catalog_exercise *exercise, const char *ext)
{
	char *dir = student_dir(out, id);
	char *path = xstrfmt("%s/%s.%s", dir, exercise->name, ext);

	free(dir);
	return path;
}

char *class_store_source(const char *out, const char *id,
			 const struct catalog_exercise *exercise)
{
	return kept_path(out, id, exercise, "c");
}

static void first_line(const char *message, struct strbuf *line)
{
	size_t len = message ? strcspn(message, "\n") : 0;

	strbuf_reset(line);
	strbuf_add(line, message ? message : "",
		   len < KEPT_MESSAGE_BYTES ? len : KEPT_MESSAGE_BYTES);
}

/* results with each message cut to its first line, in the wb format. */
static int write_results(const struct results *results, const char *path)
{
	struct results kept;
	struct strbuf line, text;
	char *buf = NULL;
	size_t len = 0;
	FILE *out;
	int status = -1;

	results_init(&kept);
	strbuf_init(&line);
	strbuf_init(&text);
	first_line(results->file_message, &line);
	results_set_file(&kept, results->file_status, line.buf);
	for (size_t i = 0; i < results->nr; i++) {
		const struct results_test *test = &results->tests[i];
		struct results_test *copy = results_add(&kept, test->function,
			test->check, test->description);

		copy->outcome = test->outcome;
		copy->signal = test->signal;
		copy->exit_code = test->exit_code;
		copy->hidden = test->hidden;
		first_line(test->message, &line);
		results_set_message(copy, line.buf);
	}
	out = open_memstream(&buf, &len);
	if (out) {
		results_write(&kept, out);
		if (fclose(out) == 0) {
			strbuf_add(&text, buf, len);
			status = strbuf_write_file(&text, path);
		}
		free(buf);
	}
	strbuf_release(&text);
	strbuf_release(&line);
	results_release(&kept);
	return status;
}

/* A regular file (no link) of at most CLASS_STORE_SOURCE_BYTES, or none. */
static int copy_source(const char *folder, const char *file,
		       const char *path)
{
	char *from = xstrfmt("%s/%s", folder, file);
	struct strbuf text;
	struct stat st;
	int status = 0;

	strbuf_init(&text);
	if (lstat(from, &st) == 0 && S_ISREG(st.st_mode) &&
	    (size_t)st.st_size <= CLASS_STORE_SOURCE_BYTES &&
	    strbuf_read_file(&text, from, CLASS_STORE_SOURCE_BYTES))
		status = strbuf_write_file(&text, path);
	strbuf_release(&text);
	free(from);
	return status;
}

static const struct results *results_of(const struct summary *summary,
					const struct catalog_exercise *exercise)
{
	for (size_t j = 0; j < summary->count; j++)
		if (summary->exercises[j].exercise == exercise)
			return summary->exercises[j].results;
	return NULL;
}

static int make_dirs(const char *out, const char *id)
{
	char *top = xstrfmt("%s/" CLASS_STORE_DIR, out);
	char *dir = student_dir(out, id);
	int status = 0;

	if ((mkdir(top, 0755) != 0 && errno != EEXIST) ||
	    (mkdir(dir, 0755) != 0 && errno != EEXIST))
		status = -1;
	free(top);
	free(dir);
	return status;
}

/* One exercise: what an earlier grading kept goes first. */
static int store_exercise(const char *out, const char *id,
			  const struct catalog_exercise *exercise,
			  const struct summary *summary, const char *folder,
			  const char *file)
{
	const struct results *results = results_of(summary, exercise);
	char *wb = kept_path(out, id, exercise, "wb");
	char *source = kept_path(out, id, exercise, "c");
	int status = 0;

	if ((unlink(wb) != 0 && errno != ENOENT) ||
	    (unlink(source) != 0 && errno != ENOENT))
		status = -1;
	if (status == 0 && results)
		status = write_results(results, wb);
	if (status == 0 && folder && file)
		status = copy_source(folder, file, source);
	free(wb);
	free(source);
	return status;
}

int class_store_write(const char *out, const char *id,
		      const struct summary *summary, const char *folder,
		      char *const *files)
{
	if (make_dirs(out, id) != 0)
		return -1;
	for (size_t i = 0; i < catalog_count(); i++)
		if (store_exercise(out, id, catalog_exercise_at(i), summary,
				   folder, files ? files[i] : NULL) != 0)
			return -1;
	return 0;
}

int class_store_read(const char *out, const char *id,
		     const struct catalog_exercise *exercise,
		     struct results *results)
{
	char *path = kept_path(out, id, exercise, "wb");
	struct strbuf text;
	struct results_parse_info info;
	int status = -1;

	results_release(results);
	strbuf_init(&text);
	if (strbuf_read_file(&text, path, RUN_REPORT_BYTES) &&
	    results_parse_buffer(results, text.buf, text.len, &info) ==
	    RESULTS_PARSE_OK && !info.garbled)
		status = 0;
	strbuf_release(&text);
	free(path);
	return status;
}

static char *problem_path(const char *out, const char *id)
{
	char *dir = student_dir(out, id);
	char *path = xstrfmt("%s/problem", dir);

	free(dir);
	return path;
}

int class_store_write_problem(const char *out, const char *id,
			      const char *problem)
{
	char *path;
	struct strbuf text;
	int status;

	if (make_dirs(out, id) != 0)
		return -1;
	path = problem_path(out, id);
	strbuf_init(&text);
	first_line(problem, &text);
	strbuf_addch(&text, '\n');
	status = strbuf_write_file(&text, path);
	strbuf_release(&text);
	free(path);
	return status;
}

void class_store_read_problem(const char *out, const char *id,
			      struct strbuf *line)
{
	char *path = problem_path(out, id);
	struct strbuf text;

	strbuf_init(&text);
	/*
	 * The grader wrote at most a line of KEPT_MESSAGE_BYTES and its
	 * newline; of a longer file (not its own) the first line still says
	 * what the problem was.
	 */
	if (strbuf_read_file(&text, path, KEPT_MESSAGE_BYTES + 1) ||
	    (errno == EFBIG && text.len)) {
		text.len = strcspn(text.buf, "\n");
		text.buf[text.len] = '\0';
		strbuf_addstr(line, text.buf);
	}
	strbuf_release(&text);
	free(path);
}
