/*
 * result_cache.h - the verdicts of an unchanged file kept in the cache
 * (cache.h), so a regrade runs only the suites of the files that changed.
 *
 * A suite program run with a seed the user chose (--seed, --student, a
 * batch's derived seeds) gives the same verdicts every time: they follow
 * from the linked program (its compile key), the seed, the functions
 * selected and whether hidden tests count.  A fresh random seed is never
 * asked for again, so its verdicts are not kept.  Verdicts that depend on
 * time or load (a timeout, a kill by the kernel's limits, a lost run, an
 * output flood) are never kept: they run again.
 */
#ifndef GRADER_RESULT_CACHE_H
#define GRADER_RESULT_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "results.h"
#include "util/strbuf.h"

/* What the verdicts follow from; the selection is a NULL-terminated list. */
struct result_cache_key {
	const struct strbuf *binary_key;	/* the compile cache's identity */
	uint64_t seed;
	const char *const *functions;		/* the functions selected */
	bool whole;				/* the whole suite ran */
	bool hidden;
	const char *sandbox;			/* sandbox_mode() */
};

/* Appends the identity of the entry (see cache.h) of `key`. */
void result_cache_identity(const struct result_cache_key *key,
			   struct strbuf *identity);

/*
 * Whether `results` (a file's verdicts after its suite ran) would come out
 * the same on every run: no test timed out or was killed by SIGKILL or
 * SIGXCPU, and the file was graded (no run error or internal failure).
 */
bool result_cache_repeatable(const struct results *results);

/*
 * 0 when the entry of `identity` filled `results` (initialised, empty) with
 * the tests stored for `seed`, -1 on a miss; a damaged entry is a miss.
 */
int result_cache_fetch(const char *dir, const struct strbuf *identity,
		       uint64_t seed, struct results *results);

/*
 * Keeps `results` for `identity` when result_cache_repeatable; failing to
 * is not an error (a miss later).
 */
void result_cache_store(const char *dir, const struct strbuf *identity,
			const struct results *results);

#endif /* GRADER_RESULT_CACHE_H */
