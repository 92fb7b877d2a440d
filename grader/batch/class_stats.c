/*
 * class_stats.c - counting a finished batch for the class report.
 */
#include "class_stats.h"

#include <stdlib.h>
#include <string.h>

#include "batch_progress.h"
#include "class_store.h"
#include "core/results.h"
#include "report/gradebook.h"
#include "util/sanitize.h"

void class_stats_init(struct class_stats *stats)
{
	memset(stats, 0, sizeof *stats);
}

void class_stats_release(struct class_stats *stats)
{
	for (size_t i = 0; i < CATALOG_EXERCISES; i++)
		free(stats->exercises[i].counts);
	for (size_t i = 0; i < stats->failures_nr; i++) {
		free(stats->failures[i].function);
		free(stats->failures[i].check);
		free(stats->failures[i].description);
	}
	free(stats->failures);
	for (size_t i = 0; i < stats->diagnoses_nr; i++)
		free(stats->diagnoses[i].text);
	free(stats->diagnoses);
	for (size_t i = 0; i < stats->attention_nr; i++) {
		free(stats->attention[i].id);
		free(stats->attention[i].status);
		free(stats->attention[i].reason);
	}
	free(stats->attention);
	class_stats_init(stats);
}

size_t class_stats_total_bin(size_t total, size_t max)
{
	size_t bin;

	if (!max)
		return 0;
	if (total >= max)
		return CLASS_TOTAL_BINS - 1;
	bin = total * (CLASS_TOTAL_BINS - 1) / max;
	return bin < CLASS_TOTAL_BINS - 1 ? bin : CLASS_TOTAL_BINS - 2;
}

const char *class_stats_total_bin_name(size_t bin)
{
	static const char *const names[CLASS_TOTAL_BINS] = {
		"0-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69",
		"70-79", "80-89", "90-99", "100" };

	return bin < CLASS_TOTAL_BINS ? names[bin] : "";
}

/* Grows an array of nr items by one; the new item is zeroed. */
static void *grow(void *items, size_t *nr, size_t *alloc, size_t size)
{
	if (*nr == *alloc) {
		*alloc = *alloc ? 2 * *alloc : 16;
		items = xrealloc(items, *alloc * size);
	}
	memset((char *)items + *nr * size, 0, size);
	++*nr;
	return items;
}

static void count_failure(struct class_stats *stats,
			  const struct catalog_exercise *exercise,
			  const struct results_test *test)
{
	struct class_failure *f;

	for (size_t i = 0; i < stats->failures_nr; i++) {
		f = &stats->failures[i];
		if (f->exercise == exercise && !strcmp(f->function,
						       test->function) &&
		    !strcmp(f->check, test->check)) {
			f->count++;
			return;
		}
	}
	stats->failures = grow(stats->failures, &stats->failures_nr,
			       &stats->failures_alloc, sizeof *f);
	f = &stats->failures[stats->failures_nr - 1];
	f->exercise = exercise;
	f->function = sanitize_dup(test->function);
	f->check = sanitize_dup(test->check);
	f->description = sanitize_dup(test->description);
	f->hidden = test->hidden;
	f->count = 1;
}

static void count_diagnosis(struct class_stats *stats,
			    const struct catalog_exercise *exercise,
			    const char *text)
{
	struct class_diagnosis *d;
	char *clean = sanitize_dup(text);

	for (size_t i = 0; i < stats->diagnoses_nr; i++) {
		d = &stats->diagnoses[i];
		if (d->exercise == exercise && !strcmp(d->text, clean)) {
			d->count++;
			free(clean);
			return;
		}
	}
	stats->diagnoses = grow(stats->diagnoses, &stats->diagnoses_nr,
				&stats->diagnoses_alloc, sizeof *d);
	d = &stats->diagnoses[stats->diagnoses_nr - 1];
	d->exercise = exercise;
	d->text = clean;
	d->count = 1;
}

/* Why a file as a whole got no points, in the report's words. */
static const char *file_diagnosis(enum results_file_status status)
{
	switch (status) {
	case RESULTS_FILE_MISSING: return "the file is missing";
	case RESULTS_FILE_NOT_TEXT: return "the file is not C text";
	case RESULTS_FILE_COMPILE_ERROR: return "the file does not compile";
	case RESULTS_FILE_REJECTED: return "the file was refused (a "
		"forbidden call or directive)";
	case RESULTS_FILE_LINK_ERROR: return "the file does not link";
	case RESULTS_FILE_RUN_ERROR: return "the tests could not run";
	default: return "the grader failed on the file";
	}
}

/* The first failing test's "function: first line", or NULL: all pass. */
static void first_diagnosis(const struct results *results,
			    struct strbuf *text)
{
	strbuf_reset(text);
	if (results->file_status != RESULTS_FILE_OK) {
		strbuf_addstr(text, file_diagnosis(results->file_status));
		return;
	}
	for (size_t i = 0; i < results->nr; i++) {
		const struct results_test *test = &results->tests[i];

		size_t len = strlen(test->function);

		if (test->outcome == RESULTS_PASSED)
			continue;
		/* Most messages name their function already. */
		if (strncmp(test->message, test->function, len) ||
		    test->message[len] != ':')
			strbuf_addf(text, "%s: ", test->function);
		strbuf_addstr(text, *test->message ? test->message :
			      results_outcome_name(test->outcome));
		return;
	}
}

static void count_exercise(struct class_stats *stats, size_t index,
			   const struct results *results)
{
	const struct catalog_exercise *exercise = catalog_exercise_at(index);
	struct class_histogram *h = &stats->exercises[index];
	struct strbuf text;

	if (results->nr > h->max)
		h->max = results->nr;
	if (results->file_status != RESULTS_FILE_MISSING)
		stats->handed_in[index]++;
	for (size_t i = 0; results->file_status == RESULTS_FILE_OK &&
	     i < results->nr; i++)
		if (results->tests[i].outcome != RESULTS_PASSED)
			count_failure(stats, exercise, &results->tests[i]);
	strbuf_init(&text);
	first_diagnosis(results, &text);
	/* A missing file is counted as not handed in, not diagnosed. */
	if (text.len && results->file_status != RESULTS_FILE_MISSING)
		count_diagnosis(stats, exercise, text.buf);
	strbuf_release(&text);
}

/* Points per exercise, kept until every maximum is known. */
struct graded_points {
	size_t (*points)[CATALOG_EXERCISES];
	size_t nr, alloc;
};

static void count_graded(struct class_stats *stats, const char *out,
			 const struct gradebook_row *row,
			 struct graded_points *kept)
{
	struct results results;

	stats->graded++;
	stats->total_bins[class_stats_total_bin(row->total, row->max)]++;
	kept->points = grow(kept->points, &kept->nr, &kept->alloc,
			    sizeof *kept->points);
	results_init(&results);
	for (size_t i = 0; i < catalog_count(); i++) {
		kept->points[kept->nr - 1][i] = row->points[i];
		if (class_store_read(out, row->student, catalog_exercise_at(i),
				     &results) == 0)
			count_exercise(stats, i, &results);
	}
	results_release(&results);
}

static void add_attention(struct class_stats *stats, const char *out,
			  const struct gradebook_row *row)
{
	struct class_student *s;
	struct strbuf reason;

	stats->attention = grow(stats->attention, &stats->attention_nr,
				&stats->attention_alloc, sizeof *s);
	s = &stats->attention[stats->attention_nr - 1];
	s->id = xstrdup(row->student);
	s->status = sanitize_dup(row->status);
	s->graded = row->graded;
	s->total = row->total;
	s->max = row->max;
	strbuf_init(&reason);
	if (row->graded)
		strbuf_addstr(&reason, row->total ? "graded; not on the roster"
			      : "0 points");
	else
		class_store_read_problem(out, row->student, &reason);
	s->reason = sanitize_dup(reason.buf);
	strbuf_release(&reason);
}

static void fill_histograms(struct class_stats *stats,
			    const struct graded_points *kept)
{
	for (size_t i = 0; i < catalog_count(); i++) {
		struct class_histogram *h = &stats->exercises[i];

		for (size_t k = 0; k < kept->nr; k++)
			if (kept->points[k][i] > h->max)
				h->max = kept->points[k][i];
		h->counts = xcalloc(h->max + 1, sizeof *h->counts);
		for (size_t k = 0; k < kept->nr; k++)
			h->counts[kept->points[k][i]]++;
	}
}

static int by_count(const void *a, const void *b)
{
	const struct class_failure *x = a, *y = b;

	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	if (x->exercise != y->exercise)
		return x->exercise < y->exercise ? -1 : 1;
	if (strcmp(x->function, y->function))
		return strcmp(x->function, y->function);
	return strcmp(x->check, y->check);
}

/* By exercise (catalog order), then commonest first, then by text. */
static int by_exercise_count(const void *a, const void *b)
{
	const struct class_diagnosis *x = a, *y = b;

	if (x->exercise != y->exercise)
		return x->exercise < y->exercise ? -1 : 1;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->text, y->text);
}

int class_stats_collect(struct class_stats *stats, const char *out,
			const char *gradebook, struct strbuf *error)
{
	struct graded_points kept = { 0 };
	struct gradebook_fields fields;
	struct gradebook_row row;
	const char *cursor = strchr(gradebook, '\n');
	int r, status = 0;

	gradebook_fields_init(&fields);
	cursor = cursor ? cursor + 1 : "";
	while ((r = gradebook_parse_record(&cursor, &fields)) != 0) {
		if (r < 0 || gradebook_row_parse(&fields, &row) != 0) {
			strbuf_addf(error, "%s/gradebook.csv has a damaged row; "
				    "run the batch again", out);
			status = -1;
			break;
		}
		stats->students++;
		if (row.graded)
			count_graded(stats, out, &row, &kept);
		if (batch_progress_needs_attention(&row))
			add_attention(stats, out, &row);
	}
	fill_histograms(stats, &kept);
	if (stats->failures_nr)		/* qsort wants no NULL array */
		qsort(stats->failures, stats->failures_nr,
		      sizeof *stats->failures, by_count);
	if (stats->diagnoses_nr)
		qsort(stats->diagnoses, stats->diagnoses_nr,
		      sizeof *stats->diagnoses, by_exercise_count);
	free(kept.points);
	gradebook_fields_release(&fields);
	return status;
}
