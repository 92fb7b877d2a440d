/*
 * 04_logreg_helpers.h - what the two parts of suite 04_logreg share
 * (04_logreg.c: logreg_loss_grad; 04_logreg_fit.c: logreg_fit): the
 * problem (X, y, w, b), how it is drawn, described and checked for changed
 * inputs, and the chapter's sections.
 */
#ifndef WB_SUITE_LOGREG_HELPERS_H
#define WB_SUITE_LOGREG_HELPERS_H

#include <stdio.h>
#include <string.h>

#include "check.h"

#pragma weak logreg_loss_grad
#pragma weak logreg_fit

enum { MAXN = 40, MAXD = 6 };

#define MODEL "(chapter 4, \"The model and its loss\")"
#define GRADIENTS "(chapter 4, \"The gradients\")"
#define DESCENT "(chapter 4, \"Gradient descent\")"

struct problem {
	size_t n, d;
	double X[MAXN * MAXD], y[MAXN], w[MAXD + 1], b;
	char input[900];
};

/* Labels: a third 0, a third 1, a third soft. */
static inline void random_problem(struct wb_rng *rng, struct problem *p,
				  double wscale)
{
	p->n = 1 + wb_rng_index(rng, MAXN);
	p->d = 1 + wb_rng_index(rng, MAXD);
	wb_rng_fill(rng, p->X, p->n * p->d, -2.0, 2.0);
	for (size_t i = 0; i < p->n; i++) {
		size_t kind = wb_rng_index(rng, 3);

		p->y[i] = kind == 2 ? wb_rng_uniform(rng, 0, 1) : (double)kind;
	}
	wb_rng_fill(rng, p->w, p->d, -wscale, wscale);
	p->b = wb_rng_uniform(rng, -wscale, wscale);
}

static inline const char *describe(struct problem *p, const char *extra)
{
	char xs[256], ys[256], ws[256];

	snprintf(p->input, sizeof p->input,
		 "n = %zu, d = %zu, X = %s, y = %s, w = %s, b = %.10g%s",
		 p->n, p->d, wb_format_vector(xs, sizeof xs, p->X, p->n * p->d),
		 wb_format_vector(ys, sizeof ys, p->y, p->n),
		 wb_format_vector(ws, sizeof ws, p->w, p->d), p->b, extra);
	return p->input;
}

static inline bool inputs_kept(const struct problem *p, const struct problem *q,
			       const char *name)
{
	char summary[128];

	if (!memcmp(p->X, q->X, p->n * p->d * sizeof *p->X) &&
	    !memcmp(p->y, q->y, p->n * sizeof *p->y) &&
	    !memcmp(p->w, q->w, p->d * sizeof *p->w))
		return true;
	snprintf(summary, sizeof summary, "%s: changed X, y or w", name);
	wb_fail(summary, p->input, "X, y and w are const: only read them");
	return false;
}

/* The tests both parts run on random problems, with the above. */
#include "linear_checks.h"

#endif /* WB_SUITE_LOGREG_HELPERS_H */
