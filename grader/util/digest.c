/*
 * digest.c - SipHash-2-4, after the reference implementation
 * (https://github.com/veorq/SipHash), checked against its test vectors in
 * tests/test_unit_digest.c.
 */
#include "digest.h"

#include <string.h>

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

static uint64_t load64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

struct sip_state {
	uint64_t v0, v1, v2, v3;
};

static void sip_round(struct sip_state *s)
{
	s->v0 += s->v1;
	s->v1 = ROTL(s->v1, 13);
	s->v1 ^= s->v0;
	s->v0 = ROTL(s->v0, 32);
	s->v2 += s->v3;
	s->v3 = ROTL(s->v3, 16);
	s->v3 ^= s->v2;
	s->v0 += s->v3;
	s->v3 = ROTL(s->v3, 21);
	s->v3 ^= s->v0;
	s->v2 += s->v1;
	s->v1 = ROTL(s->v1, 17);
	s->v1 ^= s->v2;
	s->v2 = ROTL(s->v2, 32);
}

static void sip_absorb(struct sip_state *s, uint64_t m)
{
	s->v3 ^= m;
	sip_round(s);
	sip_round(s);
	s->v0 ^= m;
}

uint64_t digest_siphash(const struct digest_key *key, const void *data,
			size_t len)
{
	const uint8_t *in = data;
	uint64_t k0 = load64(key->bytes), k1 = load64(key->bytes + 8);
	struct sip_state s = {
		0x736f6d6570736575ULL ^ k0, 0x646f72616e646f6dULL ^ k1,
		0x6c7967656e657261ULL ^ k0, 0x7465646279746573ULL ^ k1,
	};
	uint8_t tail[8] = { 0 };
	size_t whole = len - len % 8;

	for (size_t i = 0; i < whole; i += 8)
		sip_absorb(&s, load64(in + i));
	memcpy(tail, in + whole, len - whole);
	sip_absorb(&s, load64(tail) | (uint64_t)(len & 0xff) << 56);
	s.v2 ^= 0xff;
	for (int i = 0; i < 4; i++)
		sip_round(&s);
	return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

void digest_key_from_text(struct digest_key *key, const char *text,
			  size_t len)
{
	static const struct digest_key fixed = { "wb-course-secret" };
	uint64_t low = digest_siphash(&fixed, text, len);
	struct digest_key second = fixed;
	uint64_t high;

	second.bytes[15] ^= 1;
	high = digest_siphash(&second, text, len);
	for (int i = 0; i < 8; i++) {
		key->bytes[i] = (uint8_t)(low >> (8 * i));
		key->bytes[8 + i] = (uint8_t)(high >> (8 * i));
	}
}

uint64_t digest_student_seed(const char *secret, size_t secret_len,
			     const char *student)
{
	struct digest_key key;

	digest_key_from_text(&key, secret, secret_len);
	return digest_siphash(&key, student, strlen(student)) % 1000000000u + 1;
}
