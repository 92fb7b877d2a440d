/*
 * result_cache.c - an entry holds `results` (results_write's format: the
 * seed, the file's status and the tests) and `count` ("tests N"), which
 * tells a complete entry from one someone cut short.
 */
#define _GNU_SOURCE
#include "result_cache.h"

#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"

void result_cache_identity(const struct result_cache_key *key,
			   struct strbuf *identity)
{
	strbuf_addf(identity, "wb-results 1\nseed %" PRIu64 "\nhidden %d\n"
		    "sandbox %s\nselection", key->seed, key->hidden ? 1 : 0,
		    key->sandbox ? key->sandbox : "-");
	if (key->whole)
		strbuf_addstr(identity, " *");
	for (size_t i = 0; !key->whole && key->functions[i]; i++)
		strbuf_addf(identity, " %s", key->functions[i]);
	/* Last: it ends with the student's source, whatever bytes it holds. */
	strbuf_addf(identity, "\nbinary %zu\n", key->binary_key->len);
	strbuf_add(identity, key->binary_key->buf, key->binary_key->len);
}

/* Killed by the time or CPU limit: the machine's load decided. */
static bool killed_by_limits(const struct results_test *test)
{
	return test->outcome == RESULTS_CRASHED &&
	       (test->signal == SIGKILL || test->signal == SIGXCPU);
}

bool result_cache_repeatable(const struct results *results)
{
	if (results->file_status != RESULTS_FILE_OK || results->nr == 0)
		return false;
	for (size_t i = 0; i < results->nr; i++)
		if (results->tests[i].outcome == RESULTS_TIMED_OUT ||
		    killed_by_limits(&results->tests[i]))
			return false;
	return true;
}

int result_cache_fetch(const char *dir, const struct strbuf *identity,
		       uint64_t seed, struct results *results)
{
	char *entry = cache_lookup(dir, identity);
	struct strbuf text, count;
	size_t expected = 0;
	char end;
	int found = -1;

	if (!entry)
		return -1;
	strbuf_init(&text);
	strbuf_init(&count);
	if (cache_read(entry, "count", &count) &&
	    sscanf(count.buf, "tests %zu%c", &expected, &end) == 2 &&
	    end == '\n' && cache_read(entry, "results", &text)) {
		results_parse(results, text.buf);
		if (results->nr == expected && results->has_seed &&
		    results->seed == seed && result_cache_repeatable(results))
			found = 0;
	}
	if (found != 0) {
		/* Damaged: as if it were not there; the store replaces it. */
		results_release(results);
		results_init(results);
	}
	strbuf_release(&count);
	strbuf_release(&text);
	free(entry);
	return found;
}

void result_cache_store(const char *dir, const struct strbuf *identity,
			const struct results *results)
{
	struct cache_writer writer;
	char *buf = NULL, *count;
	size_t len = 0;
	FILE *out;

	if (!result_cache_repeatable(results) ||
	    !(out = open_memstream(&buf, &len)))
		return;
	results_write(results, out);
	if (fclose(out) == 0) {
		count = xstrfmt("tests %zu\n", results->nr);
		cache_writer_init(&writer, dir, identity);
		cache_writer_add(&writer, "results", buf, len);
		cache_writer_add(&writer, "count", count, strlen(count));
		cache_writer_commit(&writer);
		free(count);
	}
	free(buf);
}
