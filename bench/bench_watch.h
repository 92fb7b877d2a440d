/*
 * bench_watch.h - `build/grader --watch`: how long after a save its verdict
 * appears, as a student waits for it.
 */
#ifndef BENCH_WATCH_H
#define BENCH_WATCH_H

#include "bench_grader.h"

/* Measure 1b of `make bench`: save-to-verdict latency; prints its row. */
void bench_watch(const struct bench_config *config);

#endif /* BENCH_WATCH_H */
