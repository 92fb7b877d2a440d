/*
 * fit_diagnosis.h - what wrong parameters after gradient descent show
 * (check.h, "diagnoses"), for the linear models' fit functions: the
 * chapter's loop with one thing changed, run by the judge with
 * the reference from the same start: the step's sign, the gradient's 1/n
 * (a summed gradient makes every step n times longer), one step more or
 * less, a start from 0, b's gradient taken after the weights moved.
 */
#ifndef WB_FIT_DIAGNOSIS_H
#define WB_FIT_DIAGNOSIS_H

#include "check.h"

enum { FIT_MISTAKES = 6, FIT_MAX_PARAMETERS = 32 };

/* What a fit_fn changes in the chapter's loop. */
enum fit_change {
	FIT_AS_TAUGHT,
	FIT_FROM_ZERO,		/* starts from 0, not the parameters given */
	FIT_SEQUENTIAL,		/* b's gradient taken after the weights moved */
};

/* The reference's fit of the check's problem into out (every parameter),
 * from the problem's start, with the change made. */
typedef void fit_fn(const void *problem, double lr, size_t steps,
		    enum fit_change change, double *out);

struct fit_diagnosis {
	struct wb_diagnosis d;
	double value[FIT_MISTAKES][FIT_MAX_PARAMETERS];
	struct wb_mistake list[FIT_MISTAKES];
};

/* The words of each mistake, with the names of the weights ("w", "W"),
 * the loss-and-gradient function, the section the hints cite and the one
 * that teaches both updates from the same point. */
#define FIT_ADVICE(weights, loss_grad, section, same_point) {                             \
	{ "steps up the gradient (ascent): " weights " += lr grad_" weights,  \
	  "step AGAINST the gradient: " weights " -= lr grad_" weights ", b " \
	  "-= lr grad_b " section },                                          \
	{ "steps with the summed gradient, n times the mean: the 1/n of the " \
	  "gradient is missing", "the loss is the mean, so each step uses "    \
	  "the mean gradient that " loss_grad " returns " section },          \
	{ "one step too many", "run exactly `steps` updates: for (t = 0; "     \
	  "t < steps; t++) " section },                                       \
	{ "one step too few", "run exactly `steps` updates: for (t = 0; "      \
	  "t < steps; t++) " section },                                       \
	{ "starts from " weights " = 0, b = 0 instead of the " weights " and " \
	  "b given", "start from the parameters the caller passes: they are " \
	  "the starting point, updated in place " section },                  \
	{ "updates b with a gradient computed after " weights " moved",       \
	  "compute grad_" weights " and grad_b once per step, at the current " \
	  "point, then update both from them " same_point },                  \
}

/* Fills f for a fit of `steps` at lr on a problem of n samples. */
static inline void fit_diagnose(fit_fn *fit, const void *problem, size_t n,
				double lr, size_t steps,
				const struct wb_advice *advice,
				const char *nan_hint, struct fit_diagnosis *f)
{
	fit(problem, -lr, steps, FIT_AS_TAUGHT, f->value[0]);
	fit(problem, lr * (double)n, steps, FIT_AS_TAUGHT, f->value[1]);
	fit(problem, lr, steps + 1, FIT_AS_TAUGHT, f->value[2]);
	fit(problem, lr, steps ? steps - 1 : 0, FIT_AS_TAUGHT, f->value[3]);
	fit(problem, lr, steps, FIT_FROM_ZERO, f->value[4]);
	fit(problem, lr, steps, FIT_SEQUENTIAL, f->value[5]);
	for (size_t k = 0; k < FIT_MISTAKES; k++)
		f->list[k] = (struct wb_mistake){ advice[k], f->value[k] };
	if (n == 1)	/* the sum is the mean: nothing to tell apart */
		f->list[1].advice = (struct wb_advice){ NULL, NULL };
	f->d = (struct wb_diagnosis){
		.nan = { "returned NaN: the loss or the step overflowed",
			 nan_hint },
		.mistakes = f->list,
		.mistake_count = FIT_MISTAKES,
	};
}

#endif /* WB_FIT_DIAGNOSIS_H */
