/*
 * gradient_hint.h - what to tell a student whose gradient differs from the
 * reference (the suites of the functions that return a gradient next to
 * a loss: binary cross-entropy's and the linear models').
 *
 * The verdict always comes from the reference; this only names the mistake.
 * Finite differences of the student's own loss separate "your gradient does
 * not match your own loss either: the chain rule is off" from "it matches
 * your loss, but your loss is wrong: fix the loss first", and a loss that
 * is NaN or infinite near the point is said before either.
 */
#ifndef WB_GRADIENT_HINT_H
#define WB_GRADIENT_HINT_H

#include <math.h>
#include <stdbool.h>
#include <stdio.h>

#include "check.h"

struct gradient_case {
	const char *loss_name;	/* the student's loss function */
	const double *got;	/* the student's gradient */
	const double *want;	/* the reference gradient */
	const double *fd_own;	/* finite differences of the student's loss at
				 * the same point, NULL if it has none */
	bool own_loss_right;	/* the student's loss matches the reference */
	size_t count;		/* components */
	double n;		/* batch size, to spot a missing 1/n */
	const char *formula;	/* "grad = ... (chapter, section)" */
};

/* Every component that differs from the reference is factor times it (and
 * some component differs). */
static bool gradient_scaled(const struct gradient_case *g, double factor)
{
	const struct wb_tol same = { 1e-300, 1e-12 }, tol = { 1e-300, 1e-9 };
	bool seen = false;

	for (size_t i = 0; i < g->count; i++) {
		if (wb_close(g->got[i], g->want[i], same))
			continue;
		if (!wb_close(g->got[i], factor * g->want[i], tol))
			return false;
		seen = true;
	}
	return seen;
}

/* Central differences are good to ~1e-10 on the smooth losses the suites
 * use; 1e-5 relative (or 1e-6 of the largest component) is plenty to say
 * "matches" for the purpose of a hint. */
static bool gradient_matches_fd(const struct gradient_case *g)
{
	double scale = 0.0;

	for (size_t i = 0; i < g->count; i++)
		scale = fmax(scale, fabs(g->fd_own[i]));
	return wb_first_mismatch(g->got, g->fd_own, g->count,
				 (struct wb_tol){ 1e-6 * scale + 1e-13,
						  1e-5 }) == g->count;
}

/* fd_own holds a NaN or an infinity: the student's loss is not finite
 * near the point, so no comparison with it means anything. */
static bool own_loss_not_finite(const struct gradient_case *g)
{
	for (size_t i = 0; g->fd_own && i < g->count; i++)
		if (!isfinite(g->fd_own[i]))
			return true;
	return false;
}

/*
 * The diagnosis of a finite wrong gradient (diagnosis[dsize]) and its hint
 * (hint[hsize]), the most specific first: a loss that is not finite or
 * wrong, then a factor the whole gradient is off by, then the chain rule.
 */
static void gradient_diagnose(const struct gradient_case *g, char *diagnosis,
			      size_t dsize, char *hint, size_t hsize)
{
	bool fd = g->fd_own != NULL && !own_loss_not_finite(g) &&
		  gradient_matches_fd(g);

	snprintf(hint, hsize, "%s", g->formula);
	if (own_loss_not_finite(g)) {
		snprintf(diagnosis, dsize, "your %s is NaN or infinite near "
			 "this point", g->loss_name);
		snprintf(hint, hsize, "fix %s first: it must be finite here; "
			 "%s", g->loss_name, g->formula);
	} else if (g->fd_own && !g->own_loss_right && fd) {
		snprintf(diagnosis, dsize, "matches your own %s, but that loss "
			 "is wrong", g->loss_name);
		snprintf(hint, hsize, "fix %s first and keep the gradient "
			 "consistent with it; %s", g->loss_name, g->formula);
	} else if (gradient_scaled(g, -1.0)) {
		snprintf(diagnosis, dsize, "the wrong sign");
		snprintf(hint, hsize, "the gradient is prediction minus truth, "
			 "sigma(z) - y, not y - sigma(z); %s", g->formula);
	} else if (g->n > 1.0 && gradient_scaled(g, g->n)) {
		snprintf(diagnosis, dsize, "a sum instead of the mean: n = %g "
			 "times the expected gradient", g->n);
		snprintf(hint, hsize, "the loss is a mean, so its gradient "
			 "carries the 1/n; %s", g->formula);
	} else if (g->n > 1.0 && gradient_scaled(g, 1.0 / g->n)) {
		snprintf(diagnosis, dsize, "divided by n twice: 1/n = 1/%g of "
			 "the expected gradient", g->n);
		snprintf(hint, hsize, "divide by n once; %s", g->formula);
	} else if (gradient_scaled(g, 2.0) || gradient_scaled(g, 0.5)) {
		snprintf(diagnosis, dsize, "a factor 2 %s",
			 gradient_scaled(g, 2.0) ? "too many: twice the "
			 "expected gradient" : "missing: half the expected "
			 "gradient");
	} else if (g->fd_own && g->own_loss_right && !fd) {
		snprintf(diagnosis, dsize, "does not match finite differences "
			 "of your own %s, which is right", g->loss_name);
		snprintf(hint, hsize, "check the chain rule; %s", g->formula);
	} else if (g->fd_own && !g->own_loss_right) {
		snprintf(diagnosis, dsize, "matches neither the reference nor "
			 "finite differences of your own %s", g->loss_name);
	} else {
		diagnosis[0] = '\0';
	}
}

/*
 * Fails component i of the gradient g, shown as element `shown` of its
 * array: summary, then the diagnosis when the values show one.  hint is for a NaN or an infinity in the gradient
 * itself, which says more than any comparison.
 */
static void gradient_fail(const struct gradient_case *g, const char *summary,
			  const char *input, size_t i, size_t shown,
			  struct wb_tol tol, const char *hint)
{
	char diagnosis[300], advice[900], first[600];

	if (!isfinite(g->got[i])) {
		wb_fail_element(summary, input, shown, g->want[i], g->got[i],
				tol, hint);
		return;
	}
	gradient_diagnose(g, diagnosis, sizeof diagnosis, advice,
			  sizeof advice);
	if (*diagnosis)
		snprintf(first, sizeof first, "%s (element %zu): %s", summary,
			 shown, diagnosis);
	else
		snprintf(first, sizeof first, "%s (element %zu)", summary,
			 shown);
	wb_fail_element_as(first, input, shown, g->want[i], g->got[i], tol,
			   advice);
}

#endif /* WB_GRADIENT_HINT_H */
