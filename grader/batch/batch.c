/*
 * batch.c - build/grader --batch SUBMISSIONS and --merge DIR: the
 * coordinator.  It lists the students, skips those already graded (resume),
 * hands the rest to workers (batch_run.c), and when every student of the
 * batch or shard has a record writes the gradebook and a summary.
 */
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch_adjust.h"
#include "batch_entries.h"
#include "batch_log.h"
#include "batch_reports.h"
#include "batch_run.h"
#include "batch_state.h"
#include "batch_tally.h"
#include "lms_entries.h"
#include "roster.h"
#include "similarity.h"
#include "core/cache.h"
#include "core/run.h"
#include "report/gradebook.h"
#include "util/secret.h"

enum { EXIT_OK = 0, EXIT_TROUBLE = 2 };
#define DEFAULT_OUT "grades"
/* What OUT/.cache keeps after a batch: its least recently used go. */
#define BATCH_CACHE_MAX_MIB 256ULL

static int trouble(const char *message)
{
	fprintf(stderr, "grader: %s\n", message);
	return EXIT_TROUBLE;
}

/* Before anything is created or said: the folder must be readable. */
static int check_submissions(const char *dir, struct strbuf *error)
{
	DIR *handle = opendir(dir);

	if (!handle) {
		strbuf_addf(error, "--batch %s: cannot read the folder (%s); "
			    "give the folder holding one folder or archive "
			    "per student", dir, strerror(errno));
		return -1;
	}
	closedir(handle);
	return 0;
}

static int make_folder(const char *path, struct strbuf *error)
{
	struct stat st;

	if (mkdir(path, 0755) != 0 && errno != EEXIST) {
		strbuf_addf(error, "--out: cannot create %s (%s); give a "
			    "writable folder with --out", path,
			    strerror(errno));
		return -1;
	}
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode) ||
	    access(path, W_OK | X_OK) != 0) {
		strbuf_addf(error, "--out: %s is not a writable folder; give "
			    "another one with --out", path);
		return -1;
	}
	return 0;
}

static int prepare_out(struct batch_context *context,
		       const struct options *options, struct strbuf *error)
{
	const char *out = options->out ? options->out : DEFAULT_OUT;
	char *absolute;

	context->out = xstrdup(out);
	context->feedback_dir = xstrfmt("%s/feedback", out);
	context->json_dir = xstrfmt("%s/json", out);
	context->state_dir = xstrfmt("%s/.state", out);
	if (make_folder(out, error) || make_folder(context->feedback_dir, error) ||
	    make_folder(context->json_dir, error) ||
	    make_folder(context->state_dir, error))
		return -1;
	if (options->no_cache)
		return 0;
	absolute = realpath(out, NULL);
	if (!absolute) {
		strbuf_addf(error, "--out %s: cannot resolve it (%s)", out,
			    strerror(errno));
		return -1;
	}
	context->cache_dir = xstrfmt("%s/.cache", absolute);
	free(absolute);
	return make_folder(context->cache_dir, error);
}

static void release_context(struct batch_context *context)
{
	free(context->out);
	free(context->feedback_dir);
	free(context->json_dir);
	free(context->state_dir);
	free(context->cache_dir);
}

static int check_not_empty(const struct batch_entries *entries,
			   const char *dir, struct strbuf *error)
{
	if (entries->nr)
		return 0;
	strbuf_addf(error, "--batch %s: the folder holds no student (hidden "
		    "entries aside); expected one folder, or one .zip, .tar.gz "
		    "or .tgz archive, per student", dir);
	return -1;
}

static int load_entries(struct batch_entries *entries,
			const struct roster *roster,
			const struct options *options,
			const struct batch_context *context,
			struct strbuf *error)
{
	struct strbuf secret;
	struct stat st;
	int source;

	if (stat(context->out, &st) != 0)
		memset(&st, 0, sizeof st);
	strbuf_init(&secret);
	source = secret_load(options->secret_file, &secret, error);
	if (source == SECRET_NONE)
		fprintf(stderr, "grader: warning: %s\n",
			secret_missing_warning());
	if (source < 0 || lms_entries_list(entries, options->from,
					   options->batch, st.st_dev,
					   st.st_ino, error) ||
	    check_not_empty(entries, options->batch, error)) {
		strbuf_release(&secret);
		return -1;
	}
	if (options->roster)
		roster_apply(roster, entries);
	batch_entries_sort(entries);
	/* A shard holds some students only: the others are not misspelt. */
	if (options->shard_count <= 1)
		batch_adjust_check_ids(context->adjustments, entries);
	batch_entries_shard(entries, options->shard_index,
			    options->shard_count);
	batch_entries_seed(entries, secret.buf, secret.len);
	strbuf_release(&secret);
	return 0;
}

/*
 * The students still to grade; the others (resumed, or judged here: a
 * duplicate, a file that is no submission, a missing student) are counted
 * as done, the latter with their feedback pages written now.  SIZE_MAX
 * when a page cannot be written.
 */
static size_t plan(const struct batch_context *context,
		   const struct batch_entries *entries, struct batch_job *jobs,
		   struct batch_progress *progress)
{
	struct gradebook_fields fields;
	struct strbuf record;
	size_t count = 0, resumed = 0, gradable = 0;

	strbuf_init(&record);
	gradebook_fields_init(&fields);
	for (size_t i = 0; i < entries->nr; i++) {
		const struct batch_entry *entry = &entries->items[i];
		struct batch_job job = { .entry = entry };
		struct gradebook_row row;

		if (entry->status) {
			if (batch_worker_write_page(context, entry) != 0)
				break;
			batch_tally_synthetic_row(entry, &row);
			batch_progress_count(progress, &row);
			continue;
		}
		gradable++;
		job.fingerprint = batch_state_fingerprint(entry,
			context->options->disclosure);
		if (batch_run_read_row(context, &job, &record, &fields, &row,
				       NULL) == 0 &&
		    strcmp(row.status, "error") != 0) {
			batch_progress_count(progress, &row);
			resumed++;
			free(job.fingerprint);
			continue;
		}
		jobs[count++] = job;
	}
	gradebook_fields_release(&fields);
	strbuf_release(&record);
	if (progress->done + count < entries->nr) {	/* a page failed */
		for (size_t i = 0; i < count; i++)
			free(jobs[i].fingerprint);
		return SIZE_MAX;
	}
	if (resumed)
		fprintf(stderr, "grader: resuming: %zu of %zu already graded\n",
			resumed, gradable);
	return count;
}

static int interrupted(int signal, const struct batch_progress *progress)
{
	fprintf(stderr, "grader: interrupted after %zu of %zu %s; run the "
		"same command again to grade the rest\n", progress->done,
		progress->total, batch_progress_plural(progress->total,
						       "student", "students"));
	return 128 + signal;
}

/*
 * A gradebook from before this run no longer holds the class once anybody
 * is graded again: it goes, and comes back (byte for byte, when nothing
 * changed) when this run finishes.  An interrupted run leaves only the
 * partial gradebook, whose name says what it is.
 */
static void withdraw_gradebook(const struct batch_context *context,
			       const struct options *options)
{
	char *path = gradebook_path(context->out, options->shard_index,
				    options->shard_count);

	unlink(path);
	free(path);
}

static void prune_cache(const char *cache_dir)
{
	struct cache_prune_result result;

	if (!cache_dir)		/* --no-cache */
		return;
	cache_prune(cache_dir, BATCH_CACHE_MAX_MIB << 20, &result);
	if (result.removed)
		fprintf(stderr, "grader: removed the %zu least recently used "
			"%s (%llu MiB) of %s to keep it under %llu MiB\n",
			result.removed, batch_progress_plural(result.removed,
			"entry", "entries"), result.freed >> 20, cache_dir,
			BATCH_CACHE_MAX_MIB);
}

/* The entries a worker grades (the others are judged by the batch). */
static size_t gradable(const struct batch_entries *entries)
{
	size_t n = 0;

	for (size_t i = 0; i < entries->nr; i++)
		n += !entries->items[i].status;
	return n;
}

/* How the run ended, for the log: "finished", "interrupted by SIGINT". */
static char *ending(int signal)
{
	char name[32];

	return signal ? xstrfmt("interrupted by %s", run_signal_name(signal,
				name, sizeof name)) : xstrdup("finished");
}

static int grade_all(const struct batch_context *context,
		     const struct options *options,
		     const struct batch_entries *entries)
{
	struct batch_job *jobs = xcalloc(entries->nr + 1, sizeof *jobs);
	struct batch_progress progress;
	struct batch_log log;
	size_t count, done_before;
	char *end;
	int signal, status;

	/* Before anything is withdrawn: the log compares with it. */
	batch_log_init(&log, context->out, options->shard_index,
		       options->shard_count);
	batch_progress_init(&progress, entries->nr);
	count = plan(context, entries, jobs, &progress);
	if (count == SIZE_MAX) {
		batch_log_release(&log);
		free(jobs);
		return EXIT_TROUBLE;
	}
	done_before = progress.done;
	if (count)
		withdraw_gradebook(context, options);
	signal = batch_run_workers(context, jobs, count, options->jobs,
				   &progress);
	batch_progress_end(&progress);
	if (signal) {
		status = interrupted(signal, &progress);
		batch_tally_write(context, options, entries, false);
	} else {
		prune_cache(context->cache_dir);
		status = batch_tally_write(context, options, entries, true);
	}
	end = ending(signal);
	batch_log_append(&log, end, status, progress.done - done_before,
			 gradable(entries) - count);
	free(end);
	batch_log_release(&log);
	for (size_t i = 0; i < count; i++)
		free(jobs[i].fingerprint);
	free(jobs);
	return status;
}

int batch_main(const struct options *options,
	       const struct resources *resources)
{
	struct resources hidden = *resources;	/* borrowed, not released */
	struct batch_context context = {
		.options = options,
		.resources = &hidden,
	};
	struct batch_entries entries;
	struct adjust_file adjustments;
	struct roster roster;
	struct strbuf error;
	int status;

	hidden.hidden = true;
	context.adjustments = &adjustments;
	adjust_file_init(&adjustments);
	strbuf_init(&error);
	batch_entries_init(&entries);
	roster_init(&roster);
	if (check_submissions(options->batch, &error) != 0 ||
	    (options->similarity && similarity_check(&error) != 0) ||
	    (options->roster &&
	     roster_load(&roster, options->roster, &error) != 0) ||
	    batch_adjust_load(&adjustments, options->adjustments,
			      options->out ? options->out : DEFAULT_OUT,
			      &error) != 0 ||
	    prepare_out(&context, options, &error) != 0 ||
	    load_entries(&entries, &roster, options, &context, &error) != 0)
		status = trouble(error.buf);
	else
		status = grade_all(&context, options, &entries);
	roster_release(&roster);
	adjust_file_release(&adjustments);
	batch_entries_release(&entries);
	release_context(&context);
	strbuf_release(&error);
	return status;
}

int batch_merge_main(const struct options *options)
{
	struct strbuf out, error;
	int status = EXIT_OK;

	strbuf_init(&out);
	strbuf_init(&error);
	if ((options->similarity && similarity_check(&error) != 0) ||
	    gradebook_merge(options->merge, &out, &error) != 0 ||
	    batch_reports_write(options->merge, options->similarity, &out,
				&error) != 0)
		status = trouble(error.buf);
	fputs(out.buf, stdout);
	strbuf_release(&out);
	strbuf_release(&error);
	return status;
}
