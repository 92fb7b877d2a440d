/*
 * wire.h - the protocol between the judge (a suite program: Criterion, the
 * checks, the reference) and the runner (the student's object, a call loop,
 * libc and libm).  The two never share a process: the judge's proxies send
 * a contract function's inputs as a CALL frame and read its outputs back
 * from a RETURN frame (docs/design.md, "The judge and the runner").
 *
 * Frames travel over AF_UNIX SOCK_SEQPACKET sockets, so each arrives whole
 * or not at all.  A frame is one kind byte and a payload of native-endian
 * fixed-width fields (both ends run on the same machine):
 *
 *   SPAWN    judge -> zygote   u32 cpu, with one socket in SCM_RIGHTS
 *   HELLO    runner -> judge   u64 mask of the contract functions defined
 *   CALL     judge -> runner   u8 function, u8 nargs, nargs arguments
 *   CALLBACK runner -> judge   u64 token, the array x (f(x, n, ctx))
 *   VALUE    judge -> runner   f64 (what f returned)
 *   RETURN   runner -> judge   u8 flags, f64 value, u32 overrun mask, u32
 *                              modified mask, then every writable array
 *                              argument in order
 *   STATUS   zygote -> judge   u64 wait status of the runner that ended
 *   OUTPUT   runner -> judge   u64 bytes printed, u64 count, count bytes:
 *                              what the student's code printed during a
 *                              call (before its RETURN; from the zygote,
 *                              before the STATUS of a child that ended)
 *
 * An argument is its kind byte and its payload: DOUBLE f64; SIZE u64; an
 * array (IN, OUT, OPT, INOUT) u8 present, u64 count, count f64; LABELS u8
 * present, u64 count, count u64; FN nothing; CTX u64 token.
 *
 * Everything a runner sends is untrusted: the decoders bound every count
 * by the caller's buffers and by the frame, and a frame with bytes left
 * over is malformed.  The decoder is fuzzed (tests/fuzz/fuzz_wire.c).
 */
#ifndef GRADER_WIRE_H
#define GRADER_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "workbook.h"
#include "wire_map.h"

/* The largest frame either side sends or accepts. */
#define WIRE_MAX_FRAME ((size_t)64 << 10)
/* Doubles in one array argument (what fits in a frame with room). */
#define WIRE_MAX_ELEMENTS ((WIRE_MAX_FRAME - 256) / sizeof(double))
/*
 * Arguments of a contract signature (WIRE_MAX_ARGS, wire_map.h): within
 * the 32-bit overrun and modified masks of a RETURN frame.
 */
_Static_assert(WIRE_MAX_ARGS <= 32, "RETURN masks are 32 bits");

/*
 * What the student's code prints goes to a pipe of this size (stdout and
 * stderr both, docs/design.md); the runner drains it after every call.
 * Writes that find it full are lost, so a call that filled it up to the
 * last atomic write (PIPE_BUF, 4 KiB) printed too much: it flooded.
 */
#define WIRE_OUTPUT_PIPE_BYTES ((size_t)64 << 10)
#define WIRE_OUTPUT_FLOOD_BYTES (WIRE_OUTPUT_PIPE_BYTES - ((size_t)4 << 10))
/*
 * What one test keeps of it, and shows under the test: the first bytes
 * only, so a chatty loop cannot bury the verdicts.
 */
#define WIRE_OUTPUT_KEPT_BYTES ((size_t)2 << 10)

enum wire_frame_kind {
	WIRE_SPAWN = 1,
	WIRE_HELLO,
	WIRE_CALL,
	WIRE_CALLBACK,
	WIRE_VALUE,
	WIRE_RETURN,
	WIRE_STATUS,
	WIRE_OUTPUT,
};

enum wire_arg_kind {
	WIRE_ARG_DOUBLE = 1,
	WIRE_ARG_SIZE,
	WIRE_ARG_IN,		/* const double *, read only */
	WIRE_ARG_OUT,		/* double *, written, never NULL */
	WIRE_ARG_OPT,		/* double *, written, may be NULL */
	WIRE_ARG_INOUT,		/* double *, read and written */
	WIRE_ARG_LABELS,	/* const size_t * */
	WIRE_ARG_FN,		/* scalar_fn: the runner passes a trampoline */
	WIRE_ARG_CTX,		/* void *: an opaque token in the runner */
};

/* RETURN flags. */
#define WIRE_RETURN_TODO 1u	/* the function called workbook_todo() */

/* The contract functions, numbered in curriculum order. */
enum wire_function {
#define WIRE_FUNCTION(name, returns, ...) WIRE_ID_##name,
#include "wire_contract.def"
#undef WIRE_FUNCTION
	WIRE_FUNCTIONS
};
_Static_assert(WIRE_FUNCTIONS <= 64, "HELLO's mask has a bit per function");

/* "sigmoid" for WIRE_ID_sigmoid, NULL past the end. */
const char *wire_function_name(unsigned id);

/* A contract function's parameters, from wire_contract.def. */
struct wire_signature {
	unsigned nargs;
	unsigned char kinds[WIRE_MAX_ARGS];	/* enum wire_arg_kind */
	bool returns_double;
};

/* The signature of function id, or NULL past the end. */
const struct wire_signature *wire_signature_of(unsigned id);

/* ---- one call, as the judge describes it ------------------------------- */

struct wire_arg {
	enum wire_arg_kind kind;
	const char *name;	/* the parameter's name, for messages; not sent */
	double number;		/* DOUBLE */
	uint64_t size;		/* SIZE; CTX: the token */
	const void *in;		/* IN, INOUT: the data sent; LABELS */
	double *out;		/* OUT, OPT, INOUT: where results go */
	uint64_t count;		/* elements of an array; FN: callback n */
	scalar_fn fn;		/* FN */
	void *ctx;		/* CTX: the judge's pointer */
};

struct wire_call {
	unsigned function;
	unsigned nargs;
	struct wire_arg args[WIRE_MAX_ARGS];
};

/* Whether an argument's array comes back in RETURN. */
bool wire_arg_writable(enum wire_arg_kind kind);

/* ---- encoding ------------------------------------------------------------ */

struct wire_writer {
	unsigned char *buf;
	size_t cap;
	size_t len;
	bool overflow;		/* something did not fit: send nothing */
};

void wire_writer_init(struct wire_writer *w, unsigned char *buf, size_t cap);
void wire_put_u8(struct wire_writer *w, uint8_t v);
void wire_put_u32(struct wire_writer *w, uint32_t v);
void wire_put_u64(struct wire_writer *w, uint64_t v);
void wire_put_f64(struct wire_writer *w, double v);
/* u8 present, u64 count, the elements (none when data is NULL). */
void wire_put_doubles(struct wire_writer *w, const double *data, size_t n);
void wire_put_sizes(struct wire_writer *w, const size_t *data, size_t n);
/*
 * An OUTPUT frame: `printed` bytes were printed, of which the first
 * n (at most WIRE_OUTPUT_KEPT_BYTES) are in text.
 */
void wire_encode_output(struct wire_writer *w, uint64_t printed,
			const char *text, size_t n);

/* A CALL frame for call; false when it does not fit. */
bool wire_encode_call(struct wire_writer *w, const struct wire_call *call);

/* ---- decoding ------------------------------------------------------------ */

struct wire_reader {
	const unsigned char *p;
	size_t left;
	bool bad;		/* short, or a bound was broken: malformed */
};

void wire_reader_init(struct wire_reader *r, const void *frame, size_t len);
uint8_t wire_get_u8(struct wire_reader *r);
uint32_t wire_get_u32(struct wire_reader *r);
uint64_t wire_get_u64(struct wire_reader *r);
double wire_get_f64(struct wire_reader *r);
/* True when the whole frame was read and nothing was malformed. */
bool wire_reader_done(const struct wire_reader *r);

/*
 * An array written as by wire_put_doubles, whose presence and count must be
 * exactly `present` and `count` (the judge knows both): its elements go to
 * dst (count of them).  Marks the reader bad otherwise.
 */
void wire_get_doubles_exact(struct wire_reader *r, bool present,
			    uint64_t count, double *dst);

/* What a RETURN frame says, once checked against the call it answers. */
struct wire_return {
	unsigned flags;		/* WIRE_RETURN_TODO */
	double value;
	uint32_t overrun;	/* bit i: argument i was written out of bounds */
	uint32_t modified;	/* bit i: read-only argument i was changed */
};

/*
 * Decodes the payload of a RETURN frame (after its kind byte) for call:
 * every writable array must come back with the presence and the count the
 * call sent, its elements written to that argument's `out`.  0, or -1 when
 * the frame is malformed (some outputs may have been written).
 */
int wire_decode_return(struct wire_reader *r, const struct wire_call *call,
		       struct wire_return *ret);

/*
 * Decodes the payload of a CALLBACK frame: the token must be `token` and n
 * must be `n`; x receives the n doubles.  0, or -1 when malformed.
 */
int wire_decode_callback(struct wire_reader *r, uint64_t token, uint64_t n,
			 double *x);

/*
 * Decodes the payload of an OUTPUT frame: text (at least
 * WIRE_OUTPUT_KEPT_BYTES) receives *n bytes of the *printed.  0, or -1
 * when malformed (more bytes than kept or than printed).
 */
int wire_decode_output(struct wire_reader *r, char *text, size_t *n,
		       uint64_t *printed);

#endif /* GRADER_WIRE_H */
