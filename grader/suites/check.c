/*
 * check.c - random inputs, tolerant comparisons and feedback for the suites.
 *
 * Everything here runs inside a Criterion worker of the judge, which never
 * maps the student's code (proxy.h); it keeps no state between tests and
 * records failures only through Criterion's assertions, which the reporter
 * turns into the grader's report.
 */
#include "check.h"
#include "proxy.h"

#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *wb_current_function = "";
bool wb_probing = false;
bool wb_subnormals_count = false;
int wb_hidden_tag;

/* ---- random inputs --------------------------------------------------- */

uint64_t wb_seed(void)
{
	const char *text = getenv("WB_SEED");
	char *end;
	unsigned long long seed;

	if (!text || !*text)
		return 1;
	seed = strtoull(text, &end, 10);
	return *end ? 1 : (uint64_t)seed;
}

/* FNV-1a: a stable hash of the test's name, so each test draws its own
 * stream and adding a test does not change the inputs of the others. */
static uint64_t hash_text(uint64_t hash, const char *text)
{
	for (; *text; text++) {
		hash ^= (unsigned char)*text;
		hash *= UINT64_C(0x100000001b3);
	}
	return hash;
}

void wb_rng_init(struct wb_rng *rng)
{
	uint64_t hash = UINT64_C(0xcbf29ce484222325);

	hash = hash_text(hash, criterion_current_suite->name);
	hash = hash_text(hash, "/");
	hash = hash_text(hash, criterion_current_test->name);
	rng->state = wb_seed() ^ hash;
}

/* splitmix64 (Steele, Lea and Flood 2014): tiny, fast, well mixed. */
uint64_t wb_rng_next(struct wb_rng *rng)
{
	uint64_t z = (rng->state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

double wb_rng_uniform(struct wb_rng *rng, double lo, double hi)
{
	/* 53 random bits give every double in [0, 1) on the 2^-53 grid. */
	double unit = (double)(wb_rng_next(rng) >> 11) * 0x1p-53;

	return lo + (hi - lo) * unit;
}

size_t wb_rng_index(struct wb_rng *rng, size_t n)
{
	return (size_t)(wb_rng_next(rng) % n);
}

void wb_rng_fill(struct wb_rng *rng, double *x, size_t n, double lo,
		 double hi)
{
	for (size_t i = 0; i < n; i++)
		x[i] = wb_rng_uniform(rng, lo, hi);
}

void wb_rng_distribution(struct wb_rng *rng, double *p, size_t k)
{
	double total = 0.0;

	for (size_t i = 0; i < k; i++) {
		p[i] = wb_rng_uniform(rng, 0.05, 1.0);
		total += p[i];
	}
	for (size_t i = 0; i < k; i++)
		p[i] /= total;
}

/* ---- tolerances -------------------------------------------------------- */

bool wb_close(double got, double want, struct wb_tol tol)
{
	if (isnan(got) || isnan(want))
		return false;
	if (isinf(want) || isinf(got))
		return got == want;
	if (!wb_subnormals_count && fabs(got - want) < DBL_MIN)
		return true;
	return fabs(got - want) <= tol.abs + tol.rel * fabs(want);
}

size_t wb_first_mismatch(const double *got, const double *want, size_t n,
			 struct wb_tol tol)
{
	for (size_t i = 0; i < n; i++)
		if (!wb_close(got[i], want[i], tol))
			return i;
	return n;
}

/* ---- feedback ---------------------------------------------------------- */

enum { SHOWN_ELEMENTS = 6, MESSAGE_SIZE = 2048 };

/* Writes element i of a list into buf; returns what snprintf returns. */
typedef int (*format_item)(char *buf, size_t size, const void *list,
			   size_t i);

/* "(a, b, c)", or "(a, b, c, d, e, ... 995 more)" past SHOWN_ELEMENTS. */
static const char *format_list(char *buf, size_t size, const void *list,
			       size_t n, format_item item)
{
	size_t used = (size_t)snprintf(buf, size, "(");
	size_t shown = n <= SHOWN_ELEMENTS ? n : SHOWN_ELEMENTS - 1;

	for (size_t i = 0; i < shown && used < size; i++) {
		if (i)
			used += (size_t)snprintf(buf + used, size - used, ", ");
		if (used < size)
			used += (size_t)item(buf + used, size - used, list, i);
	}
	if (shown < n && used < size)
		used += (size_t)snprintf(buf + used, size - used,
					 ", ... %zu more", n - shown);
	if (used < size)
		snprintf(buf + used, size - used, ")");
	return buf;
}

static int format_double(char *buf, size_t size, const void *list, size_t i)
{
	return snprintf(buf, size, "%.10g", ((const double *)list)[i]);
}

static int format_label(char *buf, size_t size, const void *list, size_t i)
{
	return snprintf(buf, size, "%zu", ((const size_t *)list)[i]);
}

const char *wb_format_vector(char *buf, size_t size, const double *x,
			     size_t n)
{
	return format_list(buf, size, x, n, format_double);
}

const char *wb_format_labels(char *buf, size_t size, const size_t *labels,
			     size_t n)
{
	return format_list(buf, size, labels, n, format_label);
}

static void format_error(char *buf, size_t size, double want, double got,
			 struct wb_tol tol)
{
	double absolute = fabs(got - want);

	if (isnan(got) || isinf(got) || isinf(want)) {
		snprintf(buf, size, "not comparable (allowed %.3g + %.3g relative)",
			 tol.abs, tol.rel);
		return;
	}
	snprintf(buf, size, "absolute %.3g, relative %.3g (allowed %.3g + %.3g relative)",
		 absolute, want != 0.0 ? absolute / fabs(want) : absolute,
		 tol.abs, tol.rel);
}

/* The first line names the failure in a student's words: a NaN or an
 * infinity says so before any number does. */
static const char *describe(const char *summary, double want, double got,
			    char *buf, size_t size)
{
	if (isnan(got))
		snprintf(buf, size, "%s: returned NaN", summary);
	else if (isinf(got) && !isinf(want))
		snprintf(buf, size, "%s: returned %s (overflow?)", summary,
			 got > 0 ? "+inf" : "-inf");
	else
		snprintf(buf, size, "%s", summary);
	return buf;
}

static void record(const char *message)
{
	cr_expect(0, "%s", message);
}

void wb_fail_element(const char *summary, const char *input, size_t index,
		     double want, double got, struct wb_tol tol,
		     const char *hint)
{
	char first[512], at[600];

	describe(summary, want, got, first, sizeof first);
	if (index != (size_t)-1)
		snprintf(at, sizeof at, "%s (element %zu)", first, index);
	wb_fail_element_as(index == (size_t)-1 ? first : at, input, index,
			   want, got, tol, hint);
}

void wb_fail_element_as(const char *first, const char *input, size_t index,
			double want, double got, struct wb_tol tol,
			const char *hint)
{
	char message[MESSAGE_SIZE], error[160];

	format_error(error, sizeof error, want, got, tol);
	if (index == (size_t)-1)
		snprintf(message, sizeof message,
			 "%s\ninput:    %s\nexpected: %.17g\ngot:      %.17g\n"
			 "error:    %s\nhint:     %s",
			 first, input, want, got, error, hint);
	else
		snprintf(message, sizeof message,
			 "%s\ninput:    %s\nexpected: [%zu] = %.17g\n"
			 "got:      [%zu] = %.17g\nerror:    %s\nhint:     %s",
			 first, input, index, want, index, got, error, hint);
	record(message);
}

void wb_fail_value(const char *summary, const char *input, double want,
		   double got, struct wb_tol tol, const char *hint)
{
	wb_fail_element(summary, input, (size_t)-1, want, got, tol, hint);
}

void wb_fail(const char *summary, const char *input, const char *hint)
{
	char message[MESSAGE_SIZE];

	snprintf(message, sizeof message, "%s\ninput:    %s\nhint:     %s",
		 summary, input, hint);
	record(message);
}

bool wb_check_value(const char *summary, const char *input, double want,
		    double got, struct wb_tol tol, const char *hint)
{
	if (wb_close(got, want, tol))
		return true;
	wb_fail_value(summary, input, want, got, tol, hint);
	return false;
}

bool wb_check_vector(const char *summary, const char *input,
		     const double *want, const double *got, size_t n,
		     struct wb_tol tol, const char *hint)
{
	size_t i = wb_first_mismatch(got, want, n, tol);

	if (i == n)
		return true;
	wb_fail_element(summary, input, i, want[i], got[i], tol, hint);
	return false;
}

bool wb_function_missing(const char *function)
{
	char message[MESSAGE_SIZE];

	if (wb_proxy_defined(function))
		return false;
	snprintf(message, sizeof message,
		 WB_NOT_IMPLEMENTED ": %s() is not defined in your file "
		 "(missing, misspelled, or declared static?)", function);
	record(message);
	return true;
}

/* ---- guarded output arrays ------------------------------------------- */

enum { GUARD = 8 };
/* A signalling-looking pattern no computation produces by accident. */
static const double canary = -0x1.badc0ffee0ddp+1000;

void wb_guarded_init(struct wb_guarded *g, size_t n, double fill)
{
	g->n = n;
	g->block = malloc((n + 2 * GUARD) * sizeof *g->block);
	cr_assert(g->block, "out of memory in the test itself");
	g->data = g->block + GUARD;
	for (size_t i = 0; i < n + 2 * GUARD; i++)
		g->block[i] = canary;
	for (size_t i = 0; i < n; i++)
		g->data[i] = fill;
}

bool wb_guarded_intact(const struct wb_guarded *g, const char *input)
{
	for (size_t i = 0; i < GUARD; i++) {
		if (g->block[i] != canary || g->data[g->n + i] != canary) {
			wb_fail("wrote outside the output array", input,
				"write only indices 0 .. n-1 (or n*k-1) of the "
				"output; check your loop bounds");
			return false;
		}
	}
	return true;
}

void wb_guarded_release(struct wb_guarded *g)
{
	free(g->block);
	g->block = NULL;
	g->data = NULL;
	g->n = 0;
}

/* ---- finite differences ------------------------------------------------- */

/*
 * Central differences with h = cbrt(eps) * max(|x_i|, 1): the truncation
 * error h^2 f'''/6 and the rounding error eps f / h balance near there, which
 * leaves about 1e-10 relative error on smooth functions.
 */
void wb_finite_differences(double (*f)(const double *x, size_t n, void *ctx),
			   void *ctx, double *x, size_t n, double *grad)
{
	const double scale = cbrt(DBL_EPSILON);

	for (size_t i = 0; i < n; i++) {
		double saved = x[i];
		double h = scale * fmax(fabs(saved), 1.0);
		double plus, minus;

		x[i] = saved + h;
		plus = f(x, n, ctx);
		x[i] = saved - h;
		minus = f(x, n, ctx);
		grad[i] = (plus - minus) / ((saved + h) - (saved - h));
		x[i] = saved;
	}
}
