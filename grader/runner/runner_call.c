/*
 * runner_call.c - one CALL frame: its arguments copied into guarded
 * arrays, the student's function called through a thunk generated from
 * wire_contract.def, and the RETURN frame.
 *
 * Every array lives in the arena between two runs of RUNNER_GUARD canary
 * values; after the call a damaged run marks that argument in the overrun
 * mask, which the judge reports as "wrote outside the array", and a
 * read-only array that differs from what was sent marks it in the
 * modified mask ("modified its input").  The
 * floating-point environment (rounding, exception masks, flush-to-zero in
 * MXCSR and the x87 control word) is reset before every call, so nothing a
 * call changed outlives it.
 */
#include "runner.h"

#include <fenv.h>
#include <math.h>
#include <string.h>

#include "wire_map.h"

/* Canary values on each side of every array. */
#define RUNNER_GUARD 8
#define RUNNER_ARENA (WIRE_MAX_ELEMENTS + WIRE_MAX_ARGS * 2 * RUNNER_GUARD)

/* A pattern no computation produces by accident. */
static const double canary = -0x1.badc0ffee0ddp+1000;
static double arena[RUNNER_ARENA];
static size_t labels_arena[WIRE_MAX_ELEMENTS];
static int todo_called;

struct runner_arg {
	unsigned kind;
	double number;		/* DOUBLE */
	uint64_t size;		/* SIZE, CTX */
	double *array;		/* arrays, NULL when absent */
	size_t *labels;		/* LABELS */
	uint64_t count;
	const unsigned char *sent; /* IN, LABELS: the values in the frame */
};

struct runner_frame {
	struct runner_arg args[WIRE_MAX_ARGS];
	unsigned nargs;
	unsigned next;		/* the thunk takes arguments in order */
	double value;
	size_t used;		/* of the arena */
	size_t labels_used;
};

double workbook_todo(const char *function)
{
	(void)function;
	todo_called = 1;
	return NAN;
}

/* ---- the thunks ---------------------------------------------------------- */

static struct runner_arg *take(struct runner_frame *c)
{
	return &c->args[c->next++];
}

#define RUNNER_LOCAL(kind, name, length) RUNNER_LOCAL_##kind(name)
#define RUNNER_LOCAL_DOUBLE(name) double name = take(c)->number;
#define RUNNER_LOCAL_SIZE(name) size_t name = (size_t)take(c)->size;
#define RUNNER_LOCAL_IN(name) const double *name = take(c)->array;
#define RUNNER_LOCAL_OUT(name) double *name = take(c)->array;
#define RUNNER_LOCAL_OPT(name) double *name = take(c)->array;
#define RUNNER_LOCAL_INOUT(name) double *name = take(c)->array;
#define RUNNER_LOCAL_LABELS(name) const size_t *name = take(c)->labels;
#define RUNNER_LOCAL_FN(name) scalar_fn name = (take(c), runner_callback);
#define RUNNER_LOCAL_CTX(name) void *name = (void *)(uintptr_t)take(c)->size;
#define RUNNER_NAME(kind, name, length) name
#define RUNNER_RESULT_DOUBLE(call) c->value = call
#define RUNNER_RESULT_VOID(call) (call, c->value = 0.0)

/* A missing function is never called: HELLO said it was missing. */
#define WIRE_FUNCTION(name, returns, ...)                                     \
	extern __typeof__(name) name __attribute__((weak));                   \
	static int call_##name(struct runner_frame *c)                        \
	{                                                                     \
		if (!name)                                                    \
			return -1;                                            \
		WIRE_MAP(RUNNER_LOCAL, __VA_ARGS__)                           \
		RUNNER_RESULT_##returns(                                      \
			name(WIRE_MAP_LIST(RUNNER_NAME, __VA_ARGS__)));       \
		return 0;                                                     \
	}
#include "wire_contract.def"
#undef WIRE_FUNCTION

static int (*const thunks[])(struct runner_frame *) = {
#define WIRE_FUNCTION(name, returns, ...) call_##name,
#include "wire_contract.def"
#undef WIRE_FUNCTION
};

uint64_t runner_defined_functions(void)
{
	uint64_t mask = 0;

#define WIRE_FUNCTION(name, returns, ...)                                     \
	if (name)                                                             \
		mask |= UINT64_C(1) << WIRE_ID_##name;
#include "wire_contract.def"
#undef WIRE_FUNCTION
	return mask;
}

/* ---- decoding the arguments ---------------------------------------------- */

static void fill(double *from, size_t n)
{
	for (size_t i = 0; i < n; i++)
		from[i] = canary;
}

/* An array argument into the arena, guarded on both sides. */
static void get_array(struct wire_reader *r, struct runner_frame *c,
		      struct runner_arg *a)
{
	bool present = wire_get_u8(r) != 0;
	uint64_t n = wire_get_u64(r);
	double *guard = arena + c->used;

	a->count = n;
	if (!present) {
		r->bad = r->bad || n != 0;
		return;
	}
	if (r->bad || n > RUNNER_ARENA - c->used - 2 * RUNNER_GUARD) {
		r->bad = true;
		return;
	}
	fill(guard, RUNNER_GUARD);
	a->sent = r->p;
	a->array = guard + RUNNER_GUARD;
	for (uint64_t i = 0; i < n; i++)
		a->array[i] = wire_get_f64(r);
	fill(a->array + n, RUNNER_GUARD);
	c->used += (size_t)n + 2 * RUNNER_GUARD;
}

static void get_labels(struct wire_reader *r, struct runner_frame *c,
		       struct runner_arg *a)
{
	bool present = wire_get_u8(r) != 0;
	uint64_t n = wire_get_u64(r);

	a->count = n;
	if (!present || r->bad ||
	    n > WIRE_MAX_ELEMENTS - c->labels_used) {
		r->bad = true;
		return;
	}
	a->sent = r->p;
	a->labels = labels_arena + c->labels_used;
	for (uint64_t i = 0; i < n; i++)
		a->labels[i] = (size_t)wire_get_u64(r);
	c->labels_used += (size_t)n;
}

static int decode(struct wire_reader *r, struct runner_frame *c,
		  unsigned *function)
{
	const struct wire_signature *sig;

	*function = wire_get_u8(r);
	c->nargs = wire_get_u8(r);
	sig = wire_signature_of(*function);
	if (!sig || c->nargs != sig->nargs)
		return -1;
	for (unsigned i = 0; i < c->nargs && !r->bad; i++) {
		struct runner_arg *a = &c->args[i];

		a->kind = wire_get_u8(r);
		if (a->kind != sig->kinds[i])
			return -1;
		if (a->kind == WIRE_ARG_DOUBLE)
			a->number = wire_get_f64(r);
		else if (a->kind == WIRE_ARG_SIZE || a->kind == WIRE_ARG_CTX)
			a->size = wire_get_u64(r);
		else if (a->kind == WIRE_ARG_LABELS)
			get_labels(r, c, a);
		else if (a->kind != WIRE_ARG_FN)
			get_array(r, c, a);
	}
	return wire_reader_done(r) ? 0 : -1;
}

/* ---- the call and its answer --------------------------------------------- */

static bool intact(const double *run)
{
	for (size_t i = 0; i < RUNNER_GUARD; i++)
		if (memcmp(&run[i], &canary, sizeof canary) != 0)
			return false;
	return true;
}

static uint32_t overruns(const struct runner_frame *c)
{
	uint32_t mask = 0;

	for (unsigned i = 0; i < c->nargs; i++) {
		const struct runner_arg *a = &c->args[i];

		if (a->array && (!intact(a->array - RUNNER_GUARD) ||
				 !intact(a->array + a->count)))
			mask |= UINT32_C(1) << i;
	}
	return mask;
}

/*
 * Read-only arguments the call changed (const cast away): compared with
 * the values still in the frame, which the call never sees.
 */
static uint32_t modified(const struct runner_frame *c)
{
	uint32_t mask = 0;

	for (unsigned i = 0; i < c->nargs; i++) {
		const struct runner_arg *a = &c->args[i];
		const void *now = a->kind == WIRE_ARG_IN ? (const void *)a->array
				  : (const void *)a->labels;

		if ((a->kind == WIRE_ARG_IN || a->kind == WIRE_ARG_LABELS) &&
		    now && memcmp(now, a->sent, (size_t)a->count * 8) != 0)
			mask |= UINT32_C(1) << i;
	}
	return mask;
}

int runner_call(struct wire_reader *r, struct wire_writer *w)
{
	struct runner_frame c;
	unsigned function;

	memset(&c, 0, sizeof c);
	if (decode(r, &c, &function) != 0)
		return -1;
	todo_called = 0;
	fesetenv(FE_DFL_ENV);
	if (thunks[function](&c) != 0)
		return -1;
	wire_put_u8(w, WIRE_RETURN);
	wire_put_u8(w, todo_called ? WIRE_RETURN_TODO : 0);
	wire_put_f64(w, c.value);
	wire_put_u32(w, overruns(&c));
	wire_put_u32(w, modified(&c));
	for (unsigned i = 0; i < c.nargs; i++)
		if (wire_arg_writable(c.args[i].kind))
			wire_put_doubles(w, c.args[i].array,
					 (size_t)c.args[i].count);
	return w->overflow ? -1 : 0;
}
