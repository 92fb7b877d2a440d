/*
 * batch_tally.c - gradebook and summary of a finished batch.
 */
#include "batch_tally.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_run.h"
#include "batch_state.h"

static const char *const statuses[] = {
	"ok", "bad-archive", "bad-name", "duplicate", "no-files", "error",
};
enum { STATUS_COUNT = sizeof statuses / sizeof *statuses };

struct tally {
	size_t counts[STATUS_COUNT];
	size_t students, ok;
	double score_sum, max_sum;	/* of the ok students */
	size_t missing;			/* records that went away */
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
		      struct strbuf *gradebook)
{
	struct batch_job job = { .entry = entry };
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
				       &row) != 0) {
			fprintf(stderr, "grader: the record of %s is missing or "
				"changed (%s/%s); run the same command again\n",
				entry->id, context->state_dir, entry->id);
			tally->missing++;
			batch_tally_synthetic_row(entry, &row);
			row.status = "error";
		}
		free(job.fingerprint);
	}
	gradebook_format_row(&row, gradebook);
	count_row(tally, &row);
	gradebook_fields_release(&fields);
	strbuf_release(&record);
}

static void print_summary(const struct tally *tally, const char *out,
			  const char *gradebook, bool instructor_view)
{
	size_t attention = tally->students - tally->ok;

	printf("graded %zu students:", tally->students);
	for (size_t i = 0, shown = 0; i < STATUS_COUNT; i++)
		if (tally->counts[i])
			printf("%s %zu %s", shown++ ? "," : "",
			       tally->counts[i], statuses[i]);
	printf("\n");
	if (tally->ok)
		printf("mean score of the ok students: %.1f of %.1f points "
		       "(%.1f%%)\n", tally->score_sum / (double)tally->ok,
		       tally->max_sum / (double)tally->ok,
		       tally->max_sum > 0 ? 100.0 * tally->score_sum /
					    tally->max_sum : 0.0);
	printf("gradebook: %s\nfeedback: %s/feedback/ID.html and ID.md; "
	       "Gradescope results: %s/json/ID.json\n", gradebook, out, out);
	if (instructor_view)
		printf("Next: keep the feedback and JSON to yourself: with "
		       "--instructor-view they show the hidden tests in full; "
		       "run the same command without it for pages to hand "
		       "out\n");
	else if (tally->counts[5])
		printf("Next: run the same command again to retry the %zu "
		       "students with status error, then look at the "
		       "gradebook\n", tally->counts[5]);
	else if (attention)
		printf("Next: look at the %zu students whose status is not ok "
		       "in the gradebook (their feedback says why), then hand "
		       "out the feedback\n", attention);
	else
		printf("Next: hand out the feedback pages and upload the "
		       "gradebook\n");
}

int batch_tally_write(const struct batch_context *context,
		      const struct options *options,
		      const struct batch_entries *entries)
{
	char *path = gradebook_path(context->out, options->shard_index,
				    options->shard_count);
	struct tally tally;
	struct strbuf gradebook;
	int status = 0;

	memset(&tally, 0, sizeof tally);
	strbuf_init(&gradebook);
	gradebook_header(&gradebook);
	for (size_t i = 0; i < entries->nr; i++)
		add_entry(context, &entries->items[i], &tally, &gradebook);
	if (tally.missing) {
		fprintf(stderr, "grader: no gradebook written: %zu students "
			"have no record; run the same command again\n",
			tally.missing);
		status = 2;
	} else if (strbuf_write_file(&gradebook, path) != 0) {
		fprintf(stderr, "grader: cannot write %s (%s); free some space "
			"or choose another --out\n", path, strerror(errno));
		status = 2;
	} else {
		print_summary(&tally, context->out, path,
			      options->disclosure == DISCLOSURE_INSTRUCTOR);
	}
	strbuf_release(&gradebook);
	free(path);
	return status;
}
