/*
 * 09_softmax_regression_helpers.h - what the two parts of suite
 * 09_softmax_regression share (09_softmax_regression.c:
 * softmax_regression_loss_grad; 09_softmax_regression_fit.c:
 * softmax_regression_fit): the problem (X, labels, W, b), how it is drawn,
 * described and checked for changed inputs, and the chapter's sections.
 */
#ifndef WB_SUITE_SOFTREG_HELPERS_H
#define WB_SUITE_SOFTREG_HELPERS_H

#include <stdio.h>
#include <string.h>

#include "check.h"

#pragma weak softmax_regression_loss_grad
#pragma weak softmax_regression_fit

enum { MAXN = 30, MAXD = 4, MAXK = 5, MAXP = MAXD * MAXK + MAXK };

#define MODEL "(chapter 9, \"The model\")"
#define GRADIENTS "(chapter 9, \"The gradient, step by step\")"
#define TRAINING "(chapter 9, \"A training run\")"
/* Where the book teaches both updates from the gradient at one point. */
#define SAME_POINT "(chapter 4, \"Gradient descent\")"
#define OVERFLOW "(chapter 7, \"Overflow and the log-sum-exp trick\")"

struct problem {
	size_t n, d, k;
	double X[MAXN * MAXD], W[MAXD * MAXK], b[MAXK];
	size_t labels[MAXN];
	char input[1200];
};

/* n in 1..MAXN, d in 1..MAXD, k in 2..MAXK; X in [-2, 2), W and b in
 * [-wscale, wscale). */
static inline void random_problem(struct wb_rng *rng, struct problem *p,
				  double wscale)
{
	p->n = 1 + wb_rng_index(rng, MAXN);
	p->d = 1 + wb_rng_index(rng, MAXD);
	p->k = 2 + wb_rng_index(rng, MAXK - 1);
	wb_rng_fill(rng, p->X, p->n * p->d, -2.0, 2.0);
	for (size_t i = 0; i < p->n; i++)
		p->labels[i] = wb_rng_index(rng, p->k);
	wb_rng_fill(rng, p->W, p->d * p->k, -wscale, wscale);
	wb_rng_fill(rng, p->b, p->k, -wscale, wscale);
}

static inline const char *describe(struct problem *p, const char *extra)
{
	char xs[256], ls[160], ws[256], bs[160];

	snprintf(p->input, sizeof p->input,
		 "n = %zu, d = %zu, k = %zu, X = %s, labels = %s, W = %s, "
		 "b = %s%s", p->n, p->d, p->k,
		 wb_format_vector(xs, sizeof xs, p->X, p->n * p->d),
		 wb_format_labels(ls, sizeof ls, p->labels, p->n),
		 wb_format_vector(ws, sizeof ws, p->W, p->d * p->k),
		 wb_format_vector(bs, sizeof bs, p->b, p->k), extra);
	return p->input;
}

/* False, with a failure recorded, when the call changed X or the labels
 * (and W or b when check_params). */
static inline bool inputs_kept(const struct problem *p,
			       const struct problem *q, bool check_params,
			       const char *name)
{
	char summary[128];

	if (!memcmp(p->X, q->X, p->n * p->d * sizeof *p->X) &&
	    !memcmp(p->labels, q->labels, p->n * sizeof *p->labels) &&
	    (!check_params ||
	     (!memcmp(p->W, q->W, p->d * p->k * sizeof *p->W) &&
	      !memcmp(p->b, q->b, p->k * sizeof *p->b))))
		return true;
	snprintf(summary, sizeof summary, "%s: changed an input", name);
	wb_fail(summary, p->input,
		"X, labels, W and b are const: only read them");
	return false;
}

/* The tests both parts run on random problems, with the above. */
#include "linear_checks.h"

#endif /* WB_SUITE_SOFTREG_HELPERS_H */
