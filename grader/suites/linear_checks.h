/*
 * linear_checks.h - the tests that the linear models' suites (logistic and
 * softmax regression: a loss-and-gradient function and a gradient-descent
 * fit) run the same way: a number of random problems, each checked by the
 * part's own check, stopping at the first failure.
 *
 * A linear model suite's helpers header includes it after defining what
 * it uses: struct problem (one problem: the inputs, the parameters and the
 * text that describes them) and random_problem(rng, p, wscale) (a problem
 * with its parameters drawn in [-wscale, wscale)).  Each test draws from
 * its own RNG (wb_rng_init), so a test's problems do not depend on the
 * other tests.
 */
#ifndef WB_LINEAR_CHECKS_H
#define WB_LINEAR_CHECKS_H

#include <string.h>

#include "check.h"

/* ---- the parameters a function writes ---------------------------------- */

/*
 * The outputs of a call: the model's nw weights (w or W) and nb biases,
 * each in a guarded buffer (check.h), so that a write past either end is
 * caught.
 */
struct linear_outputs {
	struct wb_guarded w, b;
};

static inline void linear_outputs_init(struct linear_outputs *out, size_t nw,
				       size_t nb, double fill)
{
	wb_guarded_init(&out->w, nw, fill);
	wb_guarded_init(&out->b, nb, fill);
}

/* Buffers holding the parameters a fit starts from. */
static inline void linear_outputs_start(struct linear_outputs *out,
					const double *w, size_t nw,
					const double *b, size_t nb)
{
	linear_outputs_init(out, nw, nb, 0.0);
	memcpy(out->w.data, w, nw * sizeof *w);
	memcpy(out->b.data, b, nb * sizeof *b);
}

/* Copies the outputs into got (the weights, then the biases) and releases
 * them; false, with a failure recorded (input describes the call), when
 * the call wrote outside either. */
static inline bool linear_outputs_take(struct linear_outputs *out,
				       const char *input, double *got)
{
	bool ok = wb_guarded_intact(&out->w, input) &&
		  wb_guarded_intact(&out->b, input);

	memcpy(got, out->w.data, out->w.n * sizeof *got);
	memcpy(got + out->w.n, out->b.data, out->b.n * sizeof *got);
	wb_guarded_release(&out->w);
	wb_guarded_release(&out->b);
	return ok;
}

/* ---- the loss-and-gradient function --------------------------------- */

/* The part's check of its loss-and-gradient function on p: the loss
 * (want_loss) or the gradients; false once it recorded a failure. */
typedef bool linear_loss_grad_check(struct problem *p, bool want_loss,
				    const char *what, const char *hint);

/* The weights of ordinary problems lie in [-1.5, 1.5): logits of a few
 * units, where every term of the loss matters. */
#define LINEAR_ORDINARY_WSCALE 1.5

/* How much larger the scaled-features test makes the features (and the
 * weights smaller): inputs of size 100, the logits unchanged. */
#define LINEAR_FEATURE_SCALE 50.0

/* The part's scaling of p: its features times factor, its weights (not
 * the biases) divided by it. */
typedef void linear_scale_fn(struct problem *p, double factor);

/*
 * A test of count random problems with weights in [-wscale, wscale),
 * scaled by LINEAR_FEATURE_SCALE after each draw when scale is set: for
 * each, the loss with the failure summary loss and hint loss_hint, then
 * the gradients with grad and grad_hint (a NULL summary skips that check).
 */
struct linear_loss_grad_test {
	int count;
	double wscale;
	linear_scale_fn *scale;
	const char *loss, *loss_hint, *grad, *grad_hint;
};

static inline void linear_random_loss_grads(linear_loss_grad_check *check,
					    const struct linear_loss_grad_test *t)
{
	struct wb_rng rng;
	struct problem p;

	wb_rng_init(&rng);
	for (int i = 0; i < t->count; i++) {
		random_problem(&rng, &p, t->wscale);
		if (t->scale)
			t->scale(&p, LINEAR_FEATURE_SCALE);
		if ((t->loss && !check(&p, true, t->loss, t->loss_hint)) ||
		    (t->grad && !check(&p, false, t->grad, t->grad_hint)))
			return;
	}
}

/* The loss test: 100 ordinary problems, the loss of each against the
 * reference's. */
static inline void linear_random_losses(linear_loss_grad_check *check,
					const char *hint)
{
	const struct linear_loss_grad_test t = {
		.count = 100, .wscale = LINEAR_ORDINARY_WSCALE,
		.loss = "wrong loss", .loss_hint = hint };

	linear_random_loss_grads(check, &t);
}

/* The gradient test: the same problems, the gradients of each. */
static inline void linear_random_gradients(linear_loss_grad_check *check,
					   const char *hint)
{
	const struct linear_loss_grad_test t = {
		.count = 100, .wscale = LINEAR_ORDINARY_WSCALE,
		.grad = "wrong gradient", .grad_hint = hint };

	linear_random_loss_grads(check, &t);
}

/* The scaled-features test: 30 ordinary problems scaled, the loss and the
 * gradients of each. */
static inline void linear_scaled_features(linear_loss_grad_check *check,
					  linear_scale_fn *scale,
					  const char *loss_hint,
					  const char *grad_hint)
{
	const struct linear_loss_grad_test t = {
		.count = 30, .wscale = LINEAR_ORDINARY_WSCALE, .scale = scale,
		.loss = "wrong loss", .loss_hint = loss_hint,
		.grad = "wrong gradient", .grad_hint = grad_hint };

	linear_random_loss_grads(check, &t);
}

/* ---- the fit ----------------------------------------------------------- */

/* The part's check of its fit of p from p's parameters, with lr and
 * steps, against the reference's; false once it recorded a failure. */
typedef bool linear_fit_check(struct problem *p, double lr, size_t steps,
			      const char *what, const char *hint);

/* Every fit test starts from parameters in [-1, 1), where the chapters'
 * rates are stable. */
#define LINEAR_FIT_WSCALE 1.0

/* count random problems, each fitted with lr for steps. */
static inline void linear_random_fits(linear_fit_check *check, int count,
				      double lr, size_t steps,
				      const char *what, const char *hint)
{
	struct wb_rng rng;
	struct problem p;

	wb_rng_init(&rng);
	for (int i = 0; i < count; i++) {
		random_problem(&rng, &p, LINEAR_FIT_WSCALE);
		if (!check(&p, lr, steps, what, hint))
			return;
	}
}

/* 40 random problems, each fitted with lr drawn in [0.05, lr_max) (the
 * suite's stable rates) for 1 to 30 steps. */
static inline void linear_random_fit_runs(linear_fit_check *check,
					  double lr_max, const char *what,
					  const char *hint)
{
	struct wb_rng rng;
	struct problem p;

	wb_rng_init(&rng);
	for (int i = 0; i < 40; i++) {
		random_problem(&rng, &p, LINEAR_FIT_WSCALE);
		if (!check(&p, wb_rng_uniform(&rng, 0.05, lr_max),
			   1 + wb_rng_index(&rng, 30), what, hint))
			return;
	}
}

/* steps = 0 leaves the parameters as given (what, hint); then one step
 * from the same start must move them as the reference does (step_hint),
 * so a fit that leaves them alone whatever the arguments fails. */
static inline void linear_zero_steps(linear_fit_check *check,
				     const char *what, const char *hint,
				     const char *step_hint)
{
	struct wb_rng rng;
	struct problem p;

	wb_rng_init(&rng);
	random_problem(&rng, &p, LINEAR_FIT_WSCALE);
	if (check(&p, 0.5, 0, what, hint))
		check(&p, 0.5, 1, "wrong parameters after one step",
		      step_hint);
}

#endif /* WB_LINEAR_CHECKS_H */
