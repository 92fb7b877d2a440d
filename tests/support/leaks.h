/*
 * leaks.h - whether a student-facing output gives a hidden test away: the
 * descriptions of the hidden tests, read from the suites' sources
 * (WB_HIDDEN_TEST(function, check, "description")), as the reports name
 * them ("function: description"), and a search for any of them (or any
 * other string the caller adds) in text or in every string of a JSON value.
 * Run from the top of the repository.
 */
#ifndef TESTS_LEAKS_H
#define TESTS_LEAKS_H

#include <stddef.h>

#include "json.h"

struct leaks {
	char **items;		/* what must not appear */
	size_t count, alloc;
};

/*
 * A 01_sigmoid.c right wherever the visible tests look and wrong for tiny
 * nonzero z, where only the hidden near_zero tests of sigmoid and
 * sigmoid_grad look: with the other files the solutions, exactly two hidden
 * tests fail (their feedback says "wrong value near 0") and every visible
 * test passes.
 */
extern const char leaks_hidden_only_bug[];

/* Every hidden test of grader/suites/NN_*.c, as "function: description". */
void leaks_init_hidden(struct leaks *leaks);
void leaks_add(struct leaks *leaks, const char *text);
void leaks_release(struct leaks *leaks);

/* The first item found in text, or NULL. */
const char *leaks_find(const struct leaks *leaks, const char *text);
/* The same, in every string (keys included) of a JSON value. */
const char *leaks_find_json(const struct leaks *leaks,
			    const struct json *value);

#endif /* TESTS_LEAKS_H */
