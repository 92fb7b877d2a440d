/*
 * kernels.c - the reference kernels in ns per element, beside one libm
 * exp per element on the same data: the floor any exact implementation
 * pays, since each of these losses needs e^x of every logit at least once.
 *
 * Linked with build/libsolutions.a (contract names), built -O2 like the
 * solutions.  Each measure: warm-up runs, then the median of REPEATS, with
 * every result added into a volatile sink so no work can be dropped.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench_table.h"
#include "workbook.h"

enum { ROWS = 100000, CLASSES = 10, SAMPLES = 1000000 };
enum { WARMUP = 2, REPEATS = 11 };

static volatile double sink;

/* The kernel under test, on the data set up in main. */
struct data {
	double *z, *grad, *y, *logits, *soft_y;
	size_t *labels;
};

typedef void (*kernel_fn)(const struct data *d);

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* xorshift64*: fixed seed, so every run measures the same inputs. */
static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static double uniform(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (double)((rng_state * 2685821657736338717u) >> 11) * 0x1p-53;
}

/* Logits of a trained-ish model: mostly moderate, some confident. */
static double logit(void)
{
	return 16.0 * uniform() - 8.0;
}

static void k_sce_grad(const struct data *d)
{
	sink += softmax_cross_entropy(d->z, d->labels, ROWS, CLASSES, d->grad);
}

static void k_sce_loss(const struct data *d)
{
	sink += softmax_cross_entropy(d->z, d->labels, ROWS, CLASSES, NULL);
}

static void k_bce_both(const struct data *d)
{
	sink += bce_with_logits(d->y, d->logits, SAMPLES);
	bce_with_logits_grad(d->y, d->logits, SAMPLES, d->grad);
	sink += d->grad[SAMPLES / 2];
}

static void k_bce_loss(const struct data *d)
{
	sink += bce_with_logits(d->y, d->logits, SAMPLES);
}

static void k_bce_grad(const struct data *d)
{
	bce_with_logits_grad(d->y, d->logits, SAMPLES, d->grad);
	sink += d->grad[SAMPLES / 2];
}

static void k_bce_soft(const struct data *d)
{
	sink += bce_with_logits(d->soft_y, d->logits, SAMPLES);
	bce_with_logits_grad(d->soft_y, d->logits, SAMPLES, d->grad);
	sink += d->grad[SAMPLES / 2];
}

/* The floors: one exp per element of the same arrays. */
static void k_exp_z(const struct data *d)
{
	double s = 0.0;

	for (size_t i = 0; i < (size_t)ROWS * CLASSES; i++)
		s += exp(d->z[i]);
	sink += s;
}

static void k_exp_logits(const struct data *d)
{
	double s = 0.0;

	for (size_t i = 0; i < SAMPLES; i++)
		s += exp(d->logits[i]);
	sink += s;
}

/*
 * The least an exact bce_with_logits + bce_with_logits_grad pair can do as
 * two separate functions: the loss needs log1p(e^-|z|), the gradient needs
 * e^-|z| again (the contract gives it no way to share the first one).
 */
static void k_pair_floor(const struct data *d)
{
	double s = 0.0;

	for (size_t i = 0; i < SAMPLES; i++) {
		double a = -fabs(d->logits[i]);

		s += log1p(exp(a)) + exp(a);
	}
	sink += s;
}

/* Median ns per element of `fn` over `elements` elements. */
static double measure(kernel_fn fn, const struct data *d, size_t elements)
{
	double t[REPEATS];

	for (int i = 0; i < WARMUP; i++)
		fn(d);
	for (int i = 0; i < REPEATS; i++) {
		double start = now();

		fn(d);
		t[i] = (now() - start) * 1e9 / (double)elements;
	}
	return bench_median(t, REPEATS);
}

static void row(const char *what, double ns, double floor_ns, double goal)
{
	char value[32], floor_text[32], ratio[16], goal_text[16] = "";
	const char *met = "";

	snprintf(value, sizeof value, "%.2f ns", ns);
	snprintf(floor_text, sizeof floor_text, "%.2f ns", floor_ns);
	bench_fmt_ratio(ratio, sizeof ratio, ns, floor_ns);
	if (goal > 0.0) {
		snprintf(goal_text, sizeof goal_text, "< %.1fx", goal);
		met = ns < goal * floor_ns ? "yes" : "NO";
	}
	bench_table_row(what, value, floor_text, ratio, goal_text, met);
}

int main(void)
{
	struct data d;
	size_t total = (size_t)ROWS * CLASSES;
	double floor_z, floor_l;

	d.z = malloc(total * sizeof *d.z);
	d.grad = malloc((total > SAMPLES ? total : SAMPLES) * sizeof *d.grad);
	d.labels = malloc(ROWS * sizeof *d.labels);
	d.logits = malloc(SAMPLES * sizeof *d.logits);
	d.y = malloc(SAMPLES * sizeof *d.y);
	d.soft_y = malloc(SAMPLES * sizeof *d.soft_y);
	if (!d.z || !d.grad || !d.labels || !d.logits || !d.y || !d.soft_y) {
		fprintf(stderr, "kernels: out of memory\n");
		return 1;
	}
	for (size_t i = 0; i < total; i++)
		d.z[i] = logit();
	for (size_t i = 0; i < ROWS; i++)
		d.labels[i] = (size_t)(uniform() * CLASSES) % CLASSES;
	for (size_t i = 0; i < SAMPLES; i++) {
		d.logits[i] = logit();
		d.y[i] = uniform() < 0.5 ? 0.0 : 1.0;
		d.soft_y[i] = uniform();
	}

	bench_table_section("6. reference kernels (ns per element, -O2, "
			    "floor = one libm exp per element)");
	floor_z = measure(k_exp_z, &d, total);
	floor_l = measure(k_exp_logits, &d, SAMPLES);
	row("softmax_cross_entropy + grad, n=1e5 k=10",
	    measure(k_sce_grad, &d, total), floor_z, 2.0);
	row("  (loss only, grad = NULL)", measure(k_sce_loss, &d, total),
	    floor_z, 0.0);
	row("bce_with_logits + _grad, 1e6, labels 0/1",
	    measure(k_bce_both, &d, SAMPLES), floor_l, 2.0);
	row("  (same, vs exp + log1p(exp) + exp floor)",
	    measure(k_bce_both, &d, SAMPLES),
	    measure(k_pair_floor, &d, SAMPLES), 0.0);
	row("  (bce_with_logits alone)", measure(k_bce_loss, &d, SAMPLES),
	    floor_l, 0.0);
	row("  (bce_with_logits_grad alone)",
	    measure(k_bce_grad, &d, SAMPLES), floor_l, 0.0);
	row("  (both, soft labels in (0,1))", measure(k_bce_soft, &d, SAMPLES),
	    floor_l, 0.0);
	free(d.z);
	free(d.grad);
	free(d.labels);
	free(d.logits);
	free(d.y);
	free(d.soft_y);
	return 0;
}
