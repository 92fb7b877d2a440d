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
#include "class_store.h"
#include "student_id.h"
#include "core/catalog.h"
#include "core/disclosure.h"
#include "core/discover.h"
#include "core/jobs.h"
#include "core/session.h"
#include "core/workspace.h"
#include "report/feedback.h"
#include "report/gradebook.h"
#include "report/report.h"
#include "sandbox/sandbox.h"
#include "util/unpack.h"

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
	struct report_context report = {
		.reproduce = reproduce,
		.sandbox = sandbox_mode(),
	};
	char *stem = student_id_file_name(entry->id);
	char *path = xstrfmt("%s/%s.json", context->json_dir, stem);
	int status = report_write(summary, REPORT_FORMAT_JSON, &report, path);

	if (status != 0)
		fprintf(stderr, "grader: cannot write %s (%s); free some space "
			"or choose another --out\n", path, strerror(errno));
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

char *batch_worker_grader_failed(const char *why)
{
	return xstrfmt("the grader itself failed on this submission, and "
		       "again when it tried once more (%s). This is no verdict "
		       "on your work and nothing for you to fix: your "
		       "instructor grades it again.", why);
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
	result = class_store_write_problem(context->out, entry->id, problem);
	if (result == 0)
		result = write_outputs(context, entry, fingerprint, &untimed,
				       &row, markdown.buf);
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
	result = class_store_write_problem(context->out, entry->id,
					   entry->problem);
	if (result == 0)
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

/* What the class reports read (class_store.h), before the record. */
static int store_for_class(const struct batch_context *context,
			   const struct batch_entry *entry,
			   const struct summary *summary, const char *folder,
			   char *const *files)
{
	if (class_store_write(context->out, entry->id, summary, folder,
			      files) == 0)
		return 0;
	fprintf(stderr, "grader: %s: cannot write into %s/" CLASS_STORE_DIR
		" (%s); free some space or choose another --out\n", entry->id,
		context->out, strerror(errno));
	return -1;
}

/* No exercise file found: what was there, and what was expected. */
static int record_no_files(const struct batch_context *context,
			   const struct batch_entry *entry,
			   const char *fingerprint, const char *notes)
{
	char *problem = xstrfmt("the submission holds no exercise file (%s) "
				"at any depth.%s%s", catalog_file_range(),
				*notes ? "\n" : "", notes);
	int status = batch_worker_record_problem(context, entry, fingerprint,
						 "no-files", problem);

	free(problem);
	return status;
}

static void report_session_error(const struct batch_entry *entry,
				 const struct strbuf *error)
{
	/* Interrupted: the batch itself says so, once. */
	if (!jobs_interrupted_by())
		fprintf(stderr, "grader: %s: %s\n", entry->id, error->buf);
}

/*
 * When the student handed in: an LMS layout's time, else the newest of
 * the exercise files found (archives keep their entries' times).
 */
static struct batch_time submission_time(const struct batch_entry *entry,
					 const char *folder,
					 const struct discovery *found)
{
	struct batch_time submitted = entry->submitted;

	if (!submitted.known)
		submitted.known = discovery_newest_mtime(found, folder,
							 &submitted.seconds);
	return submitted;
}

/* Grades what discovery finds in folder (skipped: an archive's notes). */
static int grade_folder(const struct batch_context *context,
			const struct batch_entry *entry,
			const char *fingerprint, const char *folder,
			const char *skipped)
{
	struct session_config config = {
		.resources = context->resources,
		.dir = folder,
		/* Feedback names the files as "alice/02_bce.c". */
		.shown_dir = entry->id,
		.skipped = skipped,
		.seed = entry->seed,
		.selected = session_select_all(),
		.jobs = 1,
		.hidden = true,
		.seed_chosen = true,	/* derived from the secret */
		.cache_dir = context->cache_dir,
	};
	struct gradebook_row row = { .student = entry->id, .seed = entry->seed,
				     .status = "ok" };
	struct batch_time submitted;
	struct session session;
	struct strbuf error;
	int status = -1;

	session_init(&session);
	strbuf_init(&error);
	if (session_discover(&session, &config, &error) != 0 ||
	    (session.discovery.found &&
	     session_grade(&session, &config, &error) != 0)) {
		report_session_error(entry, &error);
	} else if (!session.discovery.found) {
		status = record_no_files(context, entry, fingerprint,
					 session.notes.buf);
	} else if (session.summary.internal_error) {
		char *problem = batch_worker_grader_failed(
			session.summary.internal_error);

		status = batch_worker_record_problem(context, entry,
			fingerprint, "error", problem);
		free(problem);
	} else {
		submitted = submission_time(entry, folder, &session.discovery);
		/* The gradebook is the instructor's; the rest the student's. */
		row_from_summary(&session.summary, &row);
		status = store_for_class(context, entry, &session.summary,
					 folder, session.discovery.files);
		if (status == 0)
			status = write_student_files(context, entry,
				fingerprint, &submitted, &session.summary,
				&row);
	}
	strbuf_release(&error);
	session_release(&session);
	return status;
}

static int record_empty(const struct batch_context *context,
			const struct batch_entry *entry,
			const char *fingerprint)
{
	char *problem = xstrfmt("found %s that holds no file; expected the "
				"exercise files (%s) in it",
				entry->archive ? "an archive" : "a folder",
				catalog_file_range());
	int status = batch_worker_record_problem(context, entry, fingerprint,
						 "empty", problem);

	free(problem);
	return status;
}

/*
 * Puts a student's files into dest, noting in skipped the ones left out;
 * 0, or -1 with one line in error and *status the gradebook status that
 * says why.
 */
typedef int fill_fn(const struct batch_entry *entry, const char *dest,
		    struct strbuf *skipped, const char **status,
		    struct strbuf *error);

/* Only exercise files are unpacked; the rest are read through, noted. */
static int fill_unpack(const struct batch_entry *entry, const char *dest,
		       struct strbuf *skipped, const char **status,
		       struct strbuf *error)
{
	*status = "bad-archive";
	return unpack_archive_wanted(entry->path, dest, &unpack_default_limits,
				     discover_is_exercise_path, skipped,
				     error);
}

static int fill_parts(const struct batch_entry *entry, const char *dest,
		      struct strbuf *skipped, const char **status,
		      struct strbuf *error)
{
	(void)skipped;	/* every part is copied; discovery notes the rest */
	*status = "unreadable";
	return batch_parts_copy(entry, dest, &unpack_default_limits, error);
}

/* In a scratch folder the worker removes, whatever happens. */
static int grade_in_scratch(const struct batch_context *context,
			    const struct batch_entry *entry,
			    const char *fingerprint, fill_fn *fill)
{
	struct workspace workspace;
	struct strbuf error, skipped;
	const char *problem_status = "error";
	char *dest = NULL;
	int status;

	workspace_init(&workspace);
	strbuf_init(&error);
	strbuf_init(&skipped);
	if (workspace_create(&workspace, &error) != 0 ||
	    !(dest = workspace_subfolder(&workspace, "submission"))) {
		fprintf(stderr, "grader: %s: %s\n", entry->id,
			error.len ? error.buf : "cannot create a scratch "
			"folder; set TMPDIR to a writable folder");
		status = -1;
	} else if (fill(entry, dest, &skipped, &problem_status, &error) != 0) {
		status = batch_worker_record_problem(context, entry,
			fingerprint, problem_status, error.buf);
	} else if (!skipped.len && batch_folder_is_empty(dest)) {
		status = record_empty(context, entry, fingerprint);
	} else {
		status = grade_folder(context, entry, fingerprint, dest,
				      skipped.buf);
	}
	free(dest);
	strbuf_release(&skipped);
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
	else if (batch_folder_is_empty(entry->path))
		status = record_empty(context, entry, fingerprint);
	else
		status = grade_folder(context, entry, fingerprint,
				      entry->path, NULL);
	return status == 0 ? 0 : 3;
}
