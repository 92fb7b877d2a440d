/*
 * compile_cache.h - compile verdicts and linked suite programs kept in the
 * cache (cache.h), keyed by the source bytes and everything the grader
 * builds them with, so an unchanged file (or one many students share, such
 * as an untouched stub or a broken file) is compiled and linked once.
 */
#ifndef GRADER_COMPILE_CACHE_H
#define GRADER_COMPILE_CACHE_H

#include "compile.h"

/*
 * 0 when the entry of `identity` filled result (a verdict; for a file that
 * links, its suite program copied into the workdir, to run exactly as a
 * fresh one), -1 on a miss.
 */
int compile_cache_fetch(const struct compile_job *job,
			const struct strbuf *identity,
			struct compile_result *result);

/* Keeps result for `identity`; failing to is not an error (a miss later). */
void compile_cache_store(const struct compile_job *job,
			 const struct strbuf *identity,
			 const struct compile_result *result);

#endif /* GRADER_COMPILE_CACHE_H */
