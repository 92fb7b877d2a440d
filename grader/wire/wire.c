/*
 * wire.c - encoding and decoding the frames of wire.h.
 *
 * Linked into both the judge and the runner, so it uses nothing but
 * memcpy: no allocation, no I/O.  Every read is bounds-checked against the
 * frame; a reader that ran short or broke a bound is marked bad and reads
 * zeros from then on, so a caller checks once, at the end.
 */
#include "wire.h"

#include <string.h>

#include "wire_map.h"

static const char *const function_names[] = {
#define WIRE_FUNCTION(name, returns, ...) #name,
#include "wire_contract.def"
#undef WIRE_FUNCTION
};

#define WIRE_KIND(kind, name, length) WIRE_ARG_##kind,
#define WIRE_RETURNS_DOUBLE true
#define WIRE_RETURNS_VOID false
static const struct wire_signature signatures[] = {
#define WIRE_FUNCTION(name, returns, ...)                                    \
	{ WIRE_COUNT(__VA_ARGS__), { WIRE_MAP(WIRE_KIND, __VA_ARGS__) },     \
	  WIRE_RETURNS_##returns },
#include "wire_contract.def"
#undef WIRE_FUNCTION
};

const char *wire_function_name(unsigned id)
{
	return id < WIRE_FUNCTIONS ? function_names[id] : NULL;
}

const struct wire_signature *wire_signature_of(unsigned id)
{
	return id < WIRE_FUNCTIONS ? &signatures[id] : NULL;
}

bool wire_arg_writable(enum wire_arg_kind kind)
{
	return kind == WIRE_ARG_OUT || kind == WIRE_ARG_OPT ||
	       kind == WIRE_ARG_INOUT;
}

/*
 * The scalars of a frame, each sent as its bytes in the host's order (both
 * ends run on this machine): X(name, type) defines wire_put_NAME and
 * wire_get_NAME, declared in wire.h.
 */
#define WIRE_SCALARS(X)                                                      \
	X(u8, uint8_t)                                                       \
	X(u32, uint32_t)                                                     \
	X(u64, uint64_t)                                                     \
	X(f64, double)

/* ---- encoding ------------------------------------------------------------ */

void wire_writer_init(struct wire_writer *w, unsigned char *buf, size_t cap)
{
	w->buf = buf;
	w->cap = cap;
	w->len = 0;
	w->overflow = false;
}

static void put(struct wire_writer *w, const void *data, size_t size)
{
	if (w->overflow || size > w->cap - w->len) {
		w->overflow = true;
		return;
	}
	memcpy(w->buf + w->len, data, size);
	w->len += size;
}

#define WIRE_PUT(name, type)                                                 \
	void wire_put_##name(struct wire_writer *w, type v)                  \
	{                                                                    \
		put(w, &v, sizeof v);                                        \
	}
WIRE_SCALARS(WIRE_PUT)
#undef WIRE_PUT

/* The element count is checked before multiplying, so size never wraps. */
static void put_array(struct wire_writer *w, const void *data, size_t n,
		      size_t element)
{
	wire_put_u8(w, data != NULL);
	wire_put_u64(w, data != NULL ? n : 0);
	if (data == NULL)
		return;
	if (n > WIRE_MAX_ELEMENTS) {
		w->overflow = true;
		return;
	}
	put(w, data, n * element);
}

void wire_put_doubles(struct wire_writer *w, const double *data, size_t n)
{
	put_array(w, data, n, sizeof *data);
}

void wire_put_sizes(struct wire_writer *w, const size_t *data, size_t n)
{
	_Static_assert(sizeof(size_t) == sizeof(uint64_t),
		       "labels travel as u64");
	put_array(w, data, n, sizeof *data);
}

void wire_encode_output(struct wire_writer *w, uint64_t printed,
			const char *text, size_t n)
{
	if (n > WIRE_OUTPUT_KEPT_BYTES)
		n = WIRE_OUTPUT_KEPT_BYTES;
	wire_put_u8(w, WIRE_OUTPUT);
	wire_put_u64(w, printed);
	wire_put_u64(w, n);
	put(w, text, n);
}

bool wire_encode_call(struct wire_writer *w, const struct wire_call *call)
{
	wire_put_u8(w, WIRE_CALL);
	wire_put_u8(w, (uint8_t)call->function);
	wire_put_u8(w, (uint8_t)call->nargs);
	for (unsigned i = 0; i < call->nargs; i++) {
		const struct wire_arg *a = &call->args[i];

		wire_put_u8(w, (uint8_t)a->kind);
		switch (a->kind) {
		case WIRE_ARG_DOUBLE:
			wire_put_f64(w, a->number);
			break;
		case WIRE_ARG_SIZE:
		case WIRE_ARG_CTX:
			wire_put_u64(w, a->size);
			break;
		case WIRE_ARG_LABELS:
			wire_put_sizes(w, a->in, a->count);
			break;
		case WIRE_ARG_FN:
			break;
		default:	/* the arrays */
			wire_put_doubles(w, a->kind == WIRE_ARG_IN ?
					 a->in : a->out, a->count);
			break;
		}
	}
	return !w->overflow;
}

/* ---- decoding ------------------------------------------------------------ */

void wire_reader_init(struct wire_reader *r, const void *frame, size_t len)
{
	r->p = frame;
	r->left = len;
	r->bad = false;
}

static void get(struct wire_reader *r, void *data, size_t size)
{
	if (r->bad || size > r->left) {
		r->bad = true;
		memset(data, 0, size);
		return;
	}
	memcpy(data, r->p, size);
	r->p += size;
	r->left -= size;
}

#define WIRE_GET(name, type)                                                 \
	type wire_get_##name(struct wire_reader *r)                          \
	{                                                                    \
		type v;                                                      \
									     \
		get(r, &v, sizeof v);                                        \
		return v;                                                    \
	}
WIRE_SCALARS(WIRE_GET)
#undef WIRE_GET

bool wire_reader_done(const struct wire_reader *r)
{
	return !r->bad && r->left == 0;
}

void wire_get_doubles_exact(struct wire_reader *r, bool present,
			    uint64_t count, double *dst)
{
	uint8_t sent = wire_get_u8(r);
	uint64_t n = wire_get_u64(r);

	if (r->bad || sent != present || n != (present ? count : 0) ||
	    n > WIRE_MAX_ELEMENTS || n * sizeof *dst > r->left) {
		r->bad = true;
		return;
	}
	if (n)
		get(r, dst, n * sizeof *dst);
}

int wire_decode_return(struct wire_reader *r, const struct wire_call *call,
		       struct wire_return *ret)
{
	ret->flags = wire_get_u8(r);
	ret->value = wire_get_f64(r);
	ret->overrun = wire_get_u32(r);
	ret->modified = wire_get_u32(r);
	for (unsigned i = 0; i < call->nargs && !r->bad; i++) {
		const struct wire_arg *a = &call->args[i];

		if (wire_arg_writable(a->kind))
			wire_get_doubles_exact(r, a->out != NULL, a->count,
					       a->out);
	}
	if (ret->flags & ~WIRE_RETURN_TODO || call->nargs > WIRE_MAX_ARGS ||
	    ret->overrun >> call->nargs || ret->modified >> call->nargs)
		r->bad = true;
	return wire_reader_done(r) ? 0 : -1;
}

int wire_decode_callback(struct wire_reader *r, uint64_t token, uint64_t n,
			 double *x)
{
	uint64_t sent_token = wire_get_u64(r);

	if (sent_token != token)
		r->bad = true;
	wire_get_doubles_exact(r, true, n, x);
	return wire_reader_done(r) ? 0 : -1;
}

int wire_decode_output(struct wire_reader *r, char *text, size_t *n,
		       uint64_t *printed)
{
	uint64_t count;

	*printed = wire_get_u64(r);
	count = wire_get_u64(r);
	if (count > WIRE_OUTPUT_KEPT_BYTES || count > *printed)
		r->bad = true;
	*n = r->bad ? 0 : (size_t)count;
	get(r, text, *n);
	return wire_reader_done(r) ? 0 : -1;
}
