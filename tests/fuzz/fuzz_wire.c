/*
 * fuzz_wire.c - libFuzzer target for the judge's decoders of what a runner
 * sends (grader/wire/wire.c): RETURN and CALLBACK frames, checked against
 * the call they answer, and OUTPUT frames (what the student's code
 * printed).
 *
 * The first two bytes choose a contract function and the element count of
 * its arrays (and whether an optional output is absent); the rest is the
 * frame.  Every output buffer is exactly as long as the call says, so
 * AddressSanitizer catches a decoder that writes one element too many.
 * A frame the decoder accepts must have been read to its last byte.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "wire.h"

#define FUZZ_TOKEN UINT64_C(0x5eedc0de)

static double fn(const double *x, size_t n, void *ctx)
{
	(void)x, (void)n, (void)ctx;
	return 0.0;
}

/* A call of function id with arrays of n elements; buffers malloc'd. */
static void build_call(struct wire_call *call, unsigned id, uint64_t n,
		       bool drop_optional)
{
	const struct wire_signature *sig = wire_signature_of(id);

	REQUIRE(sig && sig->nargs <= WIRE_MAX_ARGS);
	memset(call, 0, sizeof *call);
	call->function = id;
	call->nargs = sig->nargs;
	for (unsigned i = 0; i < sig->nargs; i++) {
		struct wire_arg *a = &call->args[i];

		a->kind = sig->kinds[i];
		a->name = "x";
		a->count = a->kind == WIRE_ARG_DOUBLE ||
			   a->kind == WIRE_ARG_SIZE ||
			   a->kind == WIRE_ARG_CTX ? 0 : n;
		if (a->kind == WIRE_ARG_CTX)
			a->size = FUZZ_TOKEN;
		if (a->kind == WIRE_ARG_FN)
			a->fn = fn;
		if (wire_arg_writable(a->kind) &&
		    !(a->kind == WIRE_ARG_OPT && drop_optional)) {
			a->out = malloc(n * sizeof *a->out + 1);
			REQUIRE(a->out);
		}
	}
}

static void release_call(struct wire_call *call)
{
	for (unsigned i = 0; i < call->nargs; i++)
		free(call->args[i].out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wire_call call;
	struct wire_reader r;
	struct wire_return ret;
	uint64_t n;
	double *x;

	if (size < 3)
		return 0;
	n = data[1] & 0x1f;
	build_call(&call, data[0] % WIRE_FUNCTIONS, n, data[1] & 0x80);
	wire_reader_init(&r, data + 2, size - 2);
	switch (wire_get_u8(&r)) {
	case WIRE_RETURN:
		if (wire_decode_return(&r, &call, &ret) == 0)
			REQUIRE(wire_reader_done(&r) && !(ret.overrun >>
				call.nargs) && !(ret.modified >> call.nargs));
		break;
	case WIRE_CALLBACK:
		x = malloc(n * sizeof *x + 1);
		REQUIRE(x);
		if (wire_decode_callback(&r, FUZZ_TOKEN, n, x) == 0)
			REQUIRE(wire_reader_done(&r));
		free(x);
		break;
	case WIRE_OUTPUT: {
		/* Exactly as long as the decoder may fill: ASan sees more. */
		char *text = malloc(WIRE_OUTPUT_KEPT_BYTES);
		size_t got;
		uint64_t printed;

		REQUIRE(text);
		if (wire_decode_output(&r, text, &got, &printed) == 0)
			REQUIRE(wire_reader_done(&r) &&
				got <= WIRE_OUTPUT_KEPT_BYTES && got <= printed);
		free(text);
		break;
	}
	default:
		(void)wire_get_u64(&r);	/* HELLO and STATUS: one field */
		break;
	}
	release_call(&call);
	return 0;
}
