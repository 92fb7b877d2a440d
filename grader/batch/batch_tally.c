/*
 * batch_tally.c - gradebook and summary of a finished batch.
 */
#include "batch_tally.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch_adjust.h"
#include "batch_reports.h"
#include "batch_run.h"
#include "batch_state.h"
#include "lms_export.h"

/* Every status a row can have, in the order the summary counts them. */
enum { STATUS_ERROR = 10, STATUS_COUNT = 11 };
static const char *const statuses[STATUS_COUNT] = {
	"ok", "bad-archive", "unsupported-archive", "loose-file", "empty",
	"unreadable", "duplicate", "no-files", "missing", "not-on-roster",
	[STATUS_ERROR] = "error",
};

struct tally {
	size_t counts[STATUS_COUNT];
	size_t students, ok, attention;
	size_t entries, loose;		/* of SUBMISSIONS; single files */
	size_t off_roster;		/* entries whose id it lacks */
	double score_sum, max_sum;	/* of the ok students */
	size_t lost;			/* records that went away */
	bool finished;			/* else: pending, not lost */
	size_t pending;			/* not graded yet (unfinished) */
	size_t adjusted, late;		/* by the adjustments file */
	size_t page_errors;		/* pages that could not be updated */
};

void batch_tally_synthetic_row(const struct batch_entry *entry,
			       struct gradebook_row *row)
{
	memset(row, 0, sizeof *row);
	row->student = entry->id;
	row->seed = entry->seed;
	row->status = entry->status;
}

static void count_row(struct tally *tally, const struct gradebook_row *row)
{
	tally->students++;
	tally->attention += batch_progress_needs_attention(row);
	for (size_t i = 0; i < STATUS_COUNT; i++)
		if (!strcmp(row->status, statuses[i]))
			tally->counts[i]++;
	if (!strcmp(row->status, "ok")) {
		tally->ok++;
		tally->score_sum += (double)row->total;
		tally->max_sum += (double)row->max;
	}
}

/* Appends the entry's row; the record of a graded one must be there. */
static void add_entry(const struct batch_context *context,
		      const struct batch_entry *entry, struct tally *tally,
		      struct strbuf *gradebook, struct lms_export *export)
{
	struct batch_job job = { .entry = entry };
	struct batch_time submitted = { .known = false };
	struct gradebook_fields fields;
	struct gradebook_row row;
	struct strbuf record;

	strbuf_init(&record);
	gradebook_fields_init(&fields);
	if (entry->status) {
		batch_tally_synthetic_row(entry, &row);
	} else {
		job.fingerprint = batch_state_fingerprint(entry,
			context->options->disclosure);
		if (batch_run_read_row(context, &job, &record, &fields,
				       &row, &submitted) == 0) {
			/* graded, or judged by its worker */
		} else if (!tally->finished) {
			tally->pending++;
			batch_tally_synthetic_row(entry, &row);
			row.status = "pending";
		} else {
			fprintf(stderr, "grader: the record of %s is missing or "
				"changed (%s/%s); run the same command again\n",
				entry->id, context->state_dir, entry->id);
			tally->lost++;
			batch_tally_synthetic_row(entry, &row);
			row.status = "error";
		}
		free(job.fingerprint);
	}
	tally->entries += entry->path != NULL;
	tally->loose += entry->status && !strcmp(entry->status, "loose-file");
	/*
	 * The flag is the coordinator's, so records stay valid across
	 * rosters; a status that is not ok already asks for a look.
	 */
	tally->off_roster += entry->off_roster;
	if (entry->off_roster && !strcmp(row.status, "ok"))
		row.status = "not-on-roster";
	tally->page_errors += batch_adjust_row(context, entry, &submitted,
					       &row) != 0;
	tally->adjusted += row.adjustment != 0;
	tally->late += row.late_days > 0;
	gradebook_format_row(&row, gradebook);
	lms_export_add(export, entry, &row);
	count_row(tally, &row);
	gradebook_fields_release(&fields);
	strbuf_release(&record);
}

static void print_counts(const struct tally *tally)
{
	printf("%zu %s in the gradebook:", tally->students,
	       batch_progress_plural(tally->students, "student", "students"));
	for (size_t i = 0, shown = 0; i < STATUS_COUNT; i++)
		if (tally->counts[i])
			printf("%s %zu %s", shown++ ? "," : "",
			       tally->counts[i], statuses[i]);
	printf("\n");
	if (tally->attention)
		printf("%zu %s attention (status not ok, or 0 points)\n",
		       tally->attention, batch_progress_plural(tally->attention,
			       "needs", "need"));
	if (tally->off_roster)
		printf("%zu %s not on the roster (status not-on-roster when "
		       "graded, else their own status): check %s names\n",
		       tally->off_roster, batch_progress_plural(
			       tally->off_roster, "entry is", "entries are"),
		       batch_progress_plural(tally->off_roster, "its",
					     "their"));
	if (tally->ok)
		printf("mean score of the ok students: %.1f of %.1f points "
		       "(%.1f%%)\n", tally->score_sum / (double)tally->ok,
		       tally->max_sum / (double)tally->ok,
		       tally->max_sum > 0 ? 100.0 * tally->score_sum /
					    tally->max_sum : 0.0);
}

/* A flat download (Canvas): every entry a single file, none a folder. */
static bool all_loose(const struct tally *tally)
{
	return tally->loose && tally->loose == tally->entries;
}

static void print_summary(const struct tally *tally, const char *out,
			  const char *gradebook, const char *reports,
			  bool instructor_view)
{
	size_t errors = tally->counts[STATUS_ERROR];

	print_counts(tally);
	printf("gradebook: %s\nfeedback: %s/feedback/ID.html and ID.md; "
	       "Gradescope results: %s/json/ID.json\n%s", gradebook, out, out,
	       reports);
	if (all_loose(tally))
		printf("Next: every entry is a single file, as in an LMS "
		       "download of loose files: put each student's files in "
		       "a folder named by their id, then run the same command "
		       "again\n");
	else if (instructor_view)
		printf("Next: keep the feedback and JSON to yourself: with "
		       "--instructor-view they show the hidden tests in full; "
		       "run the same command without it for pages to hand "
		       "out\n");
	else if (errors)
		printf("Next: run the same command again to retry the %zu %s "
		       "with status error, then look at the gradebook\n",
		       errors, batch_progress_plural(errors, "student",
						     "students"));
	else if (tally->attention)
		printf("Next: look at the %zu %s attention in the gradebook "
		       "(the feedback says why), then hand out the "
		       "feedback\n", tally->attention,
		       batch_progress_plural(tally->attention,
					     "student who needs",
					     "students who need"));
	else
		printf("Next: hand out the feedback pages and upload the "
		       "gradebook\n");
}

/* --export: the same rows in the LMS's format.  0 or 2. */
static int write_export(const struct options *options,
			const struct lms_export *export)
{
	struct strbuf error;
	int status = 0;

	if (!options->export_file)
		return 0;
	strbuf_init(&error);
	if (lms_export_write(export, options->export_file, &error) != 0) {
		fprintf(stderr, "grader: %s\n", error.buf);
		status = 2;
	} else {
		printf("%s gradebook: %s\n",
		       lms_kind_name(options->export_kind),
		       options->export_file);
	}
	strbuf_release(&error);
	return status;
}

/* What the adjustments file did, when it did anything. */
static void print_adjusted(const struct tally *tally,
			   const struct adjust_file *file)
{
	if (!tally->adjusted && !tally->late)
		return;
	printf("adjustments (%s): %zu %s adjusted, %zu late; the gradebook's "
	       "final column has the score to upload\n", file->path,
	       tally->adjusted, batch_progress_plural(tally->adjusted,
						      "student", "students"),
	       tally->late);
}

/* An unfinished batch: what it has, under a name that says so. */
static int write_partial(const struct batch_context *context,
			 const struct options *options,
			 const struct tally *tally,
			 const struct strbuf *gradebook)
{
	char *path = gradebook_partial_path(context->out, options->shard_index,
					    options->shard_count);
	int status = strbuf_write_file(gradebook, path);

	if (status != 0)
		fprintf(stderr, "grader: cannot write %s (%s); free some space "
			"or choose another --out\n", path, strerror(errno));
	else
		fprintf(stderr, "grader: partial gradebook: %s (%zu %s status "
			"pending); it is not the gradebook: run the same "
			"command again to finish\n", path, tally->pending,
			batch_progress_plural(tally->pending, "student has",
					      "students have"));
	free(path);
	return status;
}

/* A finished batch: the gradebook, and no partial one beside it. */
static int write_final(const struct batch_context *context,
		       const struct options *options,
		       const struct tally *tally,
		       const struct strbuf *gradebook,
		       const struct lms_export *export)
{
	char *path = gradebook_path(context->out, options->shard_index,
				    options->shard_count);
	char *partial = gradebook_partial_path(context->out,
					       options->shard_index,
					       options->shard_count);
	struct strbuf reports, error;
	int status = 0;

	strbuf_init(&reports);
	strbuf_init(&error);
	if (tally->lost) {
		fprintf(stderr, "grader: no gradebook written: %zu %s no "
			"record; run the same command again\n", tally->lost,
			batch_progress_plural(tally->lost, "student has",
					      "students have"));
		status = 2;
	} else if (strbuf_write_file(gradebook, path) != 0) {
		fprintf(stderr, "grader: cannot write %s (%s); free some space "
			"or choose another --out\n", path, strerror(errno));
		status = 2;
	} else if (options->shard_count <= 1 &&
		   batch_reports_write(context->out, options->similarity,
				       &reports, &error) != 0) {
		fprintf(stderr, "grader: %s\n", error.buf);
		status = 2;
	} else {
		unlink(partial);
		print_summary(tally, context->out, path, reports.buf,
			      options->disclosure == DISCLOSURE_INSTRUCTOR);
		print_adjusted(tally, context->adjustments);
		status = write_export(options, export);
	}
	strbuf_release(&reports);
	strbuf_release(&error);
	free(partial);
	free(path);
	return status;
}

int batch_tally_write(const struct batch_context *context,
		      const struct options *options,
		      const struct batch_entries *entries, bool finished)
{
	struct lms_export export;
	struct tally tally;
	struct strbuf gradebook;
	int status;

	memset(&tally, 0, sizeof tally);
	tally.finished = finished;
	strbuf_init(&gradebook);
	lms_export_init(&export, options->export_kind, options->from,
			options->assignment);
	gradebook_header(&gradebook);
	for (size_t i = 0; i < entries->nr; i++)
		add_entry(context, &entries->items[i], &tally, &gradebook,
			  &export);
	status = finished ?
		 write_final(context, options, &tally, &gradebook, &export) :
		 write_partial(context, options, &tally, &gradebook);
	if (tally.page_errors)
		status = 2;
	lms_export_release(&export);
	strbuf_release(&gradebook);
	return status;
}
