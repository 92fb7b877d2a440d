/*
 * test_unit_digest.c - SipHash-2-4 against the reference test vectors, and
 * the students' seeds.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "util/digest.h"

static struct digest_key reference_key(void)
{
	struct digest_key key;

	for (int i = 0; i < 16; i++)
		key.bytes[i] = (uint8_t)i;
	return key;
}

/* From the SipHash paper, appendix A, and vectors.h of the reference. */
Test(digest, siphash_reference_vectors)
{
	struct digest_key key = reference_key();
	uint8_t message[64];

	for (int i = 0; i < 64; i++)
		message[i] = (uint8_t)i;
	cr_assert_eq(digest_siphash(&key, message, 0), 0x726fdb47dd0e0e31ULL);
	cr_assert_eq(digest_siphash(&key, message, 1), 0x74f839c593dc67fdULL);
	cr_assert_eq(digest_siphash(&key, message, 8), 0x93f5f5799a932462ULL);
	cr_assert_eq(digest_siphash(&key, message, 15), 0xa129ca6149be45e5ULL);
	cr_assert_eq(digest_siphash(&key, message, 63), 0x958a324ceb064572ULL);
}

Test(digest, student_seed_is_reproducible_and_in_range)
{
	uint64_t a = digest_student_seed("course secret", 13, "alice");

	cr_assert_eq(a, digest_student_seed("course secret", 13, "alice"));
	cr_assert(a >= 1 && a <= 1000000000u);
}

Test(digest, student_seed_depends_on_secret_and_student)
{
	uint64_t a = digest_student_seed("course secret", 13, "alice");

	cr_assert_neq(a, digest_student_seed("course secret", 13, "bob"));
	cr_assert_neq(a, digest_student_seed("other secret", 12, "alice"));
}
