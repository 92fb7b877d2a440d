/*
 * gradient_hint.h - what to tell a student whose gradient differs from the
 * reference (suites 02_bce and 04_logreg).
 *
 * The verdict always comes from the reference; this only chooses the hint.
 * Finite differences of the student's own loss separate "your gradient does
 * not match your own loss either: the chain rule is off" from "it matches
 * your loss, but your loss is wrong: fix the loss first".
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

static const char *gradient_hint(const struct gradient_case *g, char *buf,
				 size_t size)
{
	bool fd = g->fd_own != NULL && gradient_matches_fd(g);

	if (g->fd_own && !g->own_loss_right && fd)
		snprintf(buf, size, "your gradient matches finite differences "
			 "of your %s, but that loss is wrong: fix %s first "
			 "and keep the gradient consistent with it; %s",
			 g->loss_name, g->loss_name, g->formula);
	else if (gradient_scaled(g, -1.0))
		snprintf(buf, size, "the sign is flipped: the gradient is "
			 "prediction minus truth, sigma(z) - y, not y - "
			 "sigma(z); %s", g->formula);
	else if (g->n > 1.0 && gradient_scaled(g, g->n))
		snprintf(buf, size, "n = %g times too large: the loss is a "
			 "mean, so its gradient carries the 1/n; %s", g->n,
			 g->formula);
	else if (g->n > 1.0 && gradient_scaled(g, 1.0 / g->n))
		snprintf(buf, size, "n = %g times too small: divide by n "
			 "once; %s", g->n, g->formula);
	else if (g->fd_own && g->own_loss_right && !fd)
		snprintf(buf, size, "your gradient does not match finite "
			 "differences of your own %s either: check the chain "
			 "rule; %s", g->loss_name, g->formula);
	else if (g->fd_own && !g->own_loss_right)
		snprintf(buf, size, "your gradient matches neither the "
			 "reference nor finite differences of your own %s; %s",
			 g->loss_name, g->formula);
	else
		snprintf(buf, size, "%s", g->formula);
	return buf;
}

#endif /* WB_GRADIENT_HINT_H */
