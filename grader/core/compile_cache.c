/*
 * compile_cache.c - an entry holds `verdict` ("status N"), `message`,
 * `warnings` and, for a file that links, `binary`.
 */
#include "compile_cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"

static bool parse_status(const struct strbuf *verdict,
			 enum results_file_status *status)
{
	int value;

	if (sscanf(verdict->buf, "status %d", &value) != 1 ||
	    value < RESULTS_FILE_OK || value > RESULTS_FILE_INTERNAL)
		return false;
	*status = (enum results_file_status)value;
	return true;
}

int compile_cache_fetch(const struct compile_job *job,
			const struct strbuf *identity,
			struct compile_result *result)
{
	char *entry = cache_lookup(job->cache_dir, identity);
	struct strbuf verdict;
	enum results_file_status status;
	char *binary = NULL;
	int found = -1;

	if (!entry)
		return -1;
	strbuf_init(&verdict);
	if (cache_read(entry, "verdict", &verdict) &&
	    parse_status(&verdict, &status) &&
	    status != RESULTS_FILE_INTERNAL &&
	    cache_read(entry, "message", &result->message) &&
	    cache_read(entry, "warnings", &result->warnings)) {
		found = 0;
		if (status == RESULTS_FILE_OK) {
			binary = xstrfmt("%s/%s.runner", job->workdir,
					 job->exercise->name);
			if (cache_copy_out(entry, "binary", binary) != 0)
				found = -1;
		}
	}
	if (found == 0) {
		result->status = status;
		result->binary = binary;
	} else {
		/* Damaged: as if it were not there; the store replaces it. */
		strbuf_reset(&result->message);
		strbuf_reset(&result->warnings);
		free(binary);
	}
	strbuf_release(&verdict);
	free(entry);
	return found;
}

void compile_cache_store(const struct compile_job *job,
			 const struct strbuf *identity,
			 const struct compile_result *result)
{
	struct cache_writer writer;
	char verdict[32];

	if (result->status == RESULTS_FILE_INTERNAL ||
	    (result->status == RESULTS_FILE_OK && !result->binary))
		return;
	snprintf(verdict, sizeof verdict, "status %d\n", (int)result->status);
	cache_writer_init(&writer, job->cache_dir, identity);
	cache_writer_add(&writer, "verdict", verdict, strlen(verdict));
	cache_writer_add(&writer, "message", result->message.buf,
			 result->message.len);
	cache_writer_add(&writer, "warnings", result->warnings.buf,
			 result->warnings.len);
	if (result->status == RESULTS_FILE_OK)
		cache_writer_add_copy(&writer, "binary", result->binary);
	cache_writer_commit(&writer);
}
