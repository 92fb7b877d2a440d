/*
 * fuzz.h - shared by the libFuzzer targets (tests/fuzz/fuzz_*.c).
 */
#ifndef TESTS_FUZZ_H
#define TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* libFuzzer calls it once per input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * A broken promise of the code under test: abort, which libFuzzer reports
 * as a crash (and saves the input).
 */
#define REQUIRE(condition) do { \
		if (!(condition)) { \
			fprintf(stderr, "%s:%d: broken: %s\n", __FILE__, \
				__LINE__, #condition); \
			abort(); \
		} \
	} while (0)

#endif /* TESTS_FUZZ_H */
