/*
 * digest.h - SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed 64-bit
 * pseudo-random function.  The grader uses it where an outsider must not be
 * able to steer the value: a student's seed from their identifier and the
 * course secret, and the names of cache entries (whose content is then
 * compared byte for byte, so a collision can never hand one file's results
 * to another).
 */
#ifndef GRADER_DIGEST_H
#define GRADER_DIGEST_H

#include <stddef.h>
#include <stdint.h>

struct digest_key {
	uint8_t bytes[16];
};

uint64_t digest_siphash(const struct digest_key *key, const void *data,
			size_t len);

/* A key from a text of any length (the SipHash of it under a fixed key). */
void digest_key_from_text(struct digest_key *key, const char *text,
			  size_t len);

/*
 * The seed of a student: 1 .. 10^9, from the course secret and the
 * student's identifier.  The same pair always gives the same seed.
 */
uint64_t digest_student_seed(const char *secret, size_t secret_len,
			     const char *student);

#endif /* GRADER_DIGEST_H */
