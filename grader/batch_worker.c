/*
 * batch_worker.c - grading one student of a batch.
 */
#include "batch_worker.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_folder.h"
#include "batch_parts.h"
#include "batch_state.h"
#include "disclosure.h"
#include "feedback.h"
#include "gradebook.h"
#include "jobs.h"
#include "report_json.h"
#include "report_text.h"
#include "sandbox.h"
#include "session.h"
#include "student_id.h"
#include "unpack.h"
#include "workspace.h"

static void row_from_summary(const struct summary *summary,
			     struct gradebook_row *row)
{
	row->graded = true;
	for (size_t i = 0; i < catalog_count(); i++)
		for (size_t j = 0; j < summary->count; j++)
			if (summary->exercises[j].exercise ==
			    catalog_exercise_at(i))
				row->points[i] = summary->exercises[j].passed;
	row->total = summary->passed;
	row->max = summary->total;
}

static int write_json(const struct batch_context *context,
		      const struct batch_entry *entry,
		      const struct summary *summary)
{
	char *reproduce = student_id_reproduce_command(
		batch_entry_seed_key(entry));
	struct report_text_style style = {
		.reproduce = reproduce,
		.sandbox = sandbox_mode(),
	};
	char *stem = student_id_file_name(entry->id);
	char *path = xstrfmt("%s/%s.json", context->json_dir, stem);
	struct strbuf text, json;
	int status;

	strbuf_init(&text);
	strbuf_init(&json);
	report_text_render(summary, &style, &text);
	report_json_render(summary, text.buf, &json);
	status = strbuf_write_file(&json, path);
	if (status != 0)
		fprintf(stderr, "grader: cannot write %s (%s); free some space "
			"or choose another --out\n", path, strerror(errno));
	strbuf_release(&text);
	strbuf_release(&json);
	free(path);
	free(stem);
	free(reproduce);
	return status;
}

/* The feedback files, then the record that says the student is done. */
static int write_outputs(const struct batch_context *context,
			 const struct batch_entry *entry,
			 const char *fingerprint,
			 const struct batch_time *submitted,
			 const struct gradebook_row *row, const char *markdown)
{
	struct strbuf record;
	int status;

	strbuf_init(&record);
	gradebook_format_row(row, &record);
	status = feedback_write(context->feedback_dir, entry->id, markdown);
	if (status == 0)
		status = batch_state_write(context->state_dir, entry->id,
					   fingerprint, submitted, record.buf);
	if (status != 0)
		fprintf(stderr, "grader: %s: cannot write the results into %s "
			"(%s); free some space or choose another --out\n",
			entry->id, context->out, strerror(errno));
	strbuf_release(&record);
	return status;
}

static void problem_markdown(const struct batch_entry *entry,
			     const char *status, const char *problem,
			     struct strbuf *markdown)
{
	struct feedback_info info = {
		.student = entry->id,
		.seed_key = batch_entry_seed_key(entry),
		.seed = entry->seed,
		.status = status,
		.problem = problem,
	};

	feedback_problem_markdown(&info, markdown);
}

int batch_worker_record_problem(const struct batch_context *context,
				const struct batch_entry *entry,
				const char *fingerprint, const char *status,
				const char *problem)
{
	struct gradebook_row row = {
		.student = entry->id,
		.seed = entry->seed,
		.status = status,
	};
	struct batch_time untimed = { .known = false };
	struct strbuf markdown;
	int result;

	strbuf_init(&markdown);
	problem_markdown(entry, status, problem, &markdown);
	/* Not graded: no late penalty, so no time. */
	result = write_outputs(context, entry, fingerprint, &untimed, &row,
			       markdown.buf);
	strbuf_release(&markdown);
	return result;
}

int batch_worker_write_page(const struct batch_context *context,
			    const struct batch_entry *entry)
{
	struct strbuf markdown;
	int result;

	strbuf_init(&markdown);
	problem_markdown(entry, entry->status, entry->problem, &markdown);
	result = feedback_write(context->feedback_dir, entry->id,
				markdown.buf);
	if (result != 0)
		fprintf(stderr, "grader: cannot write the feedback of %s into "
			"%s (%s); free some space or choose another --out\n",
			entry->id, context->feedback_dir, strerror(errno));
	strbuf_release(&markdown);
	return result;
}

/* The feedback pages and the JSON, from a student's view of full. */
static int write_student_files(const struct batch_context *context,
			       const struct batch_entry *entry,
			       const char *fingerprint,
			       const struct batch_time *submitted,
			       const struct summary *full,
			       const struct gradebook_row *row)
{
	struct feedback_info info = { .student = entry->id,
				      .seed_key = batch_entry_seed_key(entry),
				      .seed = entry->seed, .status = "ok" };
	struct disclosure_view *view = xmalloc(sizeof *view);
	struct strbuf markdown;
	int status;

	disclosure_view_init(view, full, context->options->disclosure);
	strbuf_init(&markdown);
	feedback_markdown(&view->summary, &info, &markdown);
	status = write_json(context, entry, &view->summary);
	if (status == 0)
		status = write_outputs(context, entry, fingerprint, submitted,
				       row, markdown.buf);
	strbuf_release(&markdown);
	disclosure_view_release(view);
	free(view);
	return status;
}

static int grade_folder(const struct batch_context *context,
			const struct batch_entry *entry,
			const char *fingerprint, const char *folder)
{
	struct session_config config = {
		.resources = context->resources,
		.dir = folder,
		.seed = entry->seed,
		.selected = session_select_all(),
		.jobs = 1,
		.hidden = true,
		.seed_chosen = true,	/* derived from the secret */
		.cache_dir = context->cache_dir,
	};
	struct gradebook_row row = { .student = entry->id, .seed = entry->seed,
				     .status = "ok" };
	struct batch_time submitted = entry->submitted;
	struct session session;
	struct strbuf error;
	int status = -1;

	/* An LMS layout's time wins over the files' (archives keep theirs). */
	if (!submitted.known)
		submitted.known = batch_folder_newest_mtime(folder,
							    &submitted.seconds);
	session_init(&session);
	strbuf_init(&error);
	if (session_grade(&session, &config, &error) != 0) {
		/* Interrupted: the batch itself says so, once. */
		if (!jobs_interrupted_by())
			fprintf(stderr, "grader: %s: %s\n", entry->id,
				error.buf);
	} else if (session.summary.internal_error) {
		status = batch_worker_record_problem(context, entry,
			fingerprint, "error", session.summary.internal_error);
	} else {
		/* Feedback names the files as "alice/02_bce.c". */
		session.summary.dir = entry->id;
		/* The gradebook is the instructor's; the rest the student's. */
		row_from_summary(&session.summary, &row);
		status = write_student_files(context, entry, fingerprint,
					     &submitted, &session.summary,
					     &row);
	}
	strbuf_release(&error);
	session_release(&session);
	return status;
}

static int grade_located(const struct batch_context *context,
			 const struct batch_entry *entry,
			 const char *fingerprint, const char *dir)
{
	char *folder;
	int status;

	if (batch_folder_is_empty(dir))
		return batch_worker_record_problem(context, entry, fingerprint,
			"empty", entry->archive ? "found an archive that holds "
			"no file; expected the exercise files (01_sigmoid.c "
			"... 08_variants.c) in it" : "found a folder that "
			"holds no file; expected the exercise files "
			"(01_sigmoid.c ... 08_variants.c) in it");
	folder = batch_folder_locate(dir);
	if (!folder)
		return batch_worker_record_problem(context, entry, fingerprint,
			"no-files", "the submission holds no exercise file "
			"(01_sigmoid.c ... 08_variants.c), neither at its top "
			"nor in a single top folder");
	status = grade_folder(context, entry, fingerprint, folder);
	free(folder);
	return status;
}

/*
 * Puts a student's files into dest; 0, or -1 with one line in error and
 * *status the gradebook status that says why.
 */
typedef int fill_fn(const struct batch_entry *entry, const char *dest,
		    const char **status, struct strbuf *error);

static int fill_unpack(const struct batch_entry *entry, const char *dest,
		       const char **status, struct strbuf *error)
{
	*status = "bad-archive";
	return unpack_archive(entry->path, dest, &unpack_default_limits,
			      error);
}

static int fill_parts(const struct batch_entry *entry, const char *dest,
		      const char **status, struct strbuf *error)
{
	*status = "unreadable";
	return batch_parts_copy(entry, dest, &unpack_default_limits, error);
}

/* In a scratch folder the worker removes, whatever happens. */
static int grade_in_scratch(const struct batch_context *context,
			    const struct batch_entry *entry,
			    const char *fingerprint, fill_fn *fill)
{
	struct workspace workspace;
	struct strbuf error;
	const char *problem_status = "error";
	char *dest = NULL;
	int status;

	workspace_init(&workspace);
	strbuf_init(&error);
	if (workspace_create(&workspace, &error) != 0 ||
	    !(dest = workspace_subfolder(&workspace, "submission"))) {
		fprintf(stderr, "grader: %s: %s\n", entry->id,
			error.len ? error.buf : "cannot create a scratch "
			"folder; set TMPDIR to a writable folder");
		status = -1;
	} else if (fill(entry, dest, &problem_status, &error) != 0) {
		status = batch_worker_record_problem(context, entry,
			fingerprint, problem_status, error.buf);
	} else {
		status = grade_located(context, entry, fingerprint, dest);
	}
	free(dest);
	strbuf_release(&error);
	workspace_release(&workspace);
	return status;
}

int batch_worker_run(const struct batch_context *context,
		     const struct batch_entry *entry, const char *fingerprint)
{
	int status;

	if (entry->nr_parts)
		status = grade_in_scratch(context, entry, fingerprint,
					  fill_parts);
	else if (entry->archive)
		status = grade_in_scratch(context, entry, fingerprint,
					  fill_unpack);
	else
		status = grade_located(context, entry, fingerprint,
				       entry->path);
	return status == 0 ? 0 : 3;
}
