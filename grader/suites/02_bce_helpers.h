/*
 * 02_bce_helpers.h - what the two parts of suite 02_bce share (02_bce.c:
 * bce_loss and bce_with_logits; 02_bce_grad.c: bce_with_logits_grad): the
 * batch of labels and predictions, how it is drawn, described and checked
 * for changed inputs, and the tolerance of bce_with_logits.
 */
#ifndef WB_SUITE_BCE_HELPERS_H
#define WB_SUITE_BCE_HELPERS_H

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#pragma weak bce_loss
#pragma weak bce_with_logits
#pragma weak bce_with_logits_grad

enum { MAXN = 64 };

#define CONVENTIONS "(chapter 2, \"Exact conventions: 0 log 0 and infinity\")"
#define ON_LOGITS "(chapter 2, \"The loss on logits\")"

struct batch {
	size_t n;
	double y[MAXN], x[MAXN]; /* x is p or z */
	char input[600];
};

/* Labels: a third 0, a third 1, a third soft. */
static inline void random_batch(struct wb_rng *rng, struct batch *b,
				size_t n, double lo, double hi)
{
	b->n = n;
	for (size_t i = 0; i < n; i++) {
		size_t kind = wb_rng_index(rng, 3);

		b->y[i] = kind == 2 ? wb_rng_uniform(rng, 0.0, 1.0) :
				      (double)kind;
		b->x[i] = wb_rng_uniform(rng, lo, hi);
	}
}

static inline void set_batch(struct batch *b, const double *y,
			     const double *x, size_t n)
{
	b->n = n;
	memcpy(b->y, y, n * sizeof *y);
	memcpy(b->x, x, n * sizeof *x);
}

static inline const char *describe(struct batch *b, const char *xname)
{
	char ys[256], xs[256];

	snprintf(b->input, sizeof b->input, "y = %s, %s = %s, n = %zu",
		 wb_format_vector(ys, sizeof ys, b->y, b->n), xname,
		 wb_format_vector(xs, sizeof xs, b->x, b->n), b->n);
	return b->input;
}

/* The student's code gets copies; a changed input is a failure. */
static inline bool inputs_kept(const struct batch *b, const double *y,
			       const double *x, const char *name)
{
	char summary[128];

	if (!memcmp(b->y, y, b->n * sizeof *y) &&
	    !memcmp(b->x, x, b->n * sizeof *x))
		return true;
	snprintf(summary, sizeof summary, "%s: changed its input arrays", name);
	wb_fail(summary, b->input, "the inputs are const: read y and the "
		"predictions, never write to them");
	return false;
}

/* ---- diagnoses (02_bce_diagnosis.c) ---------------------------------- */

/* The clip bounds bce_loss is checked against: those libraries use. */
enum { BCE_CLIPS = 5, BCE_MISTAKES = BCE_CLIPS + 2 };

/* What a wrong loss on one batch shows, with the mistakes' values. */
struct bce_diagnosis {
	struct wb_diagnosis d;
	double value[BCE_MISTAKES];
	struct wb_mistake list[BCE_MISTAKES];
};

/* Fills d for bce_loss on b (probabilities true) or bce_with_logits. */
void bce_diagnose(const struct batch *b, bool probabilities,
		  struct bce_diagnosis *d);

/* The tolerance of bce_with_logits (see the top of 02_bce.c). */
static inline struct wb_tol logit_tol(const struct batch *b)
{
	double mean = 0.0;

	for (size_t i = 0; i < b->n; i++)
		mean += fabs(b->x[i]) / (double)b->n;
	return (struct wb_tol){ 1e-15 + 4.0 * DBL_EPSILON * mean, 1e-12 };
}

#endif /* WB_SUITE_BCE_HELPERS_H */
