/*
 * 01_sigmoid_diagnosis.c - suite 01_sigmoid, part two: what a wrong sigmoid
 * or sigmoid_grad shows (check.h, "diagnoses").  Each mistake chapter 1
 * warns about is recomputed here by the judge, at the z of the check: the
 * sign of z flipped, 1 - 1/(1 + e^z) (cancellation), 1 / (1 + e^-z) for a
 * very negative z (e^-z overflows), z clamped, s (1 - s) or a squared
 * overflowing 1 + e^|z| for the derivative, and the NaN of inf / inf.
 * Where two of them give 0, the student's function at +-40 tells which.
 */
#include <math.h>

#include "01_sigmoid_helpers.h"

#define CONFUSIONS "(chapter 1, \"Common confusions\")"
#define HINT_CLAMP \
	"do not clamp z: it changes the answer by orders of magnitude in the " \
	"tails; branch on the sign instead, which is exact " CONFUSIONS

/* The words of both forms that cancel in the left tail: the values do not
 * tell them apart, and the fix is the same. */
#define LEFT_CANCELS \
	"a form that cancels to 0 in the left tail, like 1 - 1/(1 + e^z)"

static const double clamp_bounds[SIGMOID_CLAMPS] = { 20.0, 30.0, 40.0,
						     50.0, 100.0, 500.0,
						     700.0 };

static void clamped(double (*f)(double), double z, struct sigmoid_diagnosis *d,
		    size_t first)
{
	for (size_t c = 0; c < SIGMOID_CLAMPS; c++) {
		double b = clamp_bounds[c];

		d->value[first + c] = f(fmin(fmax(z, -b), b));
		d->list[first + c].advice = (struct wb_advice){
			"clamps z to a bound before computing", HINT_CLAMP };
	}
}

static void finish(struct sigmoid_diagnosis *d, struct wb_advice nan)
{
	for (size_t k = 0; k < SIGMOID_MISTAKES; k++)
		d->list[k].value = &d->value[k];
	d->d = (struct wb_diagnosis){
		.nan = nan,
		.mistakes = d->list,
		.mistake_count = SIGMOID_MISTAKES,
	};
}

/*
 * The student's function at z = -40 (sigmoid) or 40 (sigmoid_grad), where
 * the cancelling forms give 0 and the overflowing ones are still right:
 * it tells apart two mistakes that both give 0 further out.
 */
static double probe(double (*f)(double), double z)
{
	double v;

	wb_probing = true;
	v = f(z);
	wb_probing = false;
	return v;
}

/* A mistake whose value is 0 here is only named when the probe agrees
 * that the student's function cancels (cancels true) or does not. */
static void keep_if(struct sigmoid_diagnosis *d, size_t k, bool cancels,
		    double probed)
{
	if (d->value[k] == 0.0 && (probed == 0.0) != cancels)
		d->list[k].advice.diagnosis = NULL;
}

void sigmoid_diagnose(double z, struct sigmoid_diagnosis *d)
{
	d->value[0] = ref_sigmoid(-z);
	d->list[0].advice = (struct wb_advice){
		"sigmoid(-z): the sign of z is flipped (e^z where the formula "
		"has e^-z)", HINT_SIGMOID };
	d->value[1] = 1.0 - 1.0 / (1.0 + exp(z));
	d->list[1].advice = (struct wb_advice){ LEFT_CANCELS, HINT_LEFT_TAIL };
	d->value[2] = 1.0 / (1.0 + exp(-z));
	d->list[2].advice = (struct wb_advice){
		"1 / (1 + e^-z) for z < 0: e^-z overflowed to inf, and 1 / inf "
		"= 0", z < -709.0 ? HINT_SUBNORMAL : HINT_OVERFLOW };
	d->value[3] = 0.5 * (1.0 + tanh(0.5 * z));
	d->list[3].advice = d->list[1].advice;	/* (1 + tanh(z/2)) / 2 */
	clamped(ref_sigmoid, z, d, 4);
	finish(d, (struct wb_advice){ "returned NaN: e^z overflowed to inf, "
				      "and inf / inf is NaN", HINT_OVERFLOW });
	if (d->value[1] == 0.0 || d->value[2] == 0.0 || d->value[3] == 0.0) {
		double at = probe(sigmoid, -40.0);

		keep_if(d, 1, true, at);
		keep_if(d, 2, false, at);
		keep_if(d, 3, true, at);
	}
}

void sigmoid_grad_diagnose(double z, struct sigmoid_diagnosis *d)
{
	double s = ref_sigmoid(z), e = exp(-fabs(z)), ez = exp(z);

	d->value[0] = s * (1.0 - s);
	d->list[0].advice = (struct wb_advice){
		"a form that subtracts from 1, like s (1 - s), which cancels "
		"to 0 once s rounds to 1",
		HINT_GRAD_TAIL };
	d->value[1] = e / (1.0 + e);
	d->list[1].advice = (struct wb_advice){
		"e^-|z| / (1 + e^-|z|) = sigma(-|z|): one factor of sigma(z) "
		"sigma(-z) is missing (the square of 1 + e^-|z|)", HINT_GRAD };
	d->value[2] = z > 0.0 ? ez / ((1.0 + ez) * (1.0 + ez)) :
				exp(-z) / ((1.0 + exp(-z)) * (1.0 + exp(-z)));
	d->list[2].advice = (struct wb_advice){
		"e^z / (1 + e^z)^2 with e^|z| overflowing: (1 + e^|z|)^2 is "
		"inf", HINT_GRAD_OVERFLOW };
	d->value[3] = 0.25 * (1.0 - tanh(0.5 * z) * tanh(0.5 * z));
	d->list[3].advice = d->list[0].advice;	/* (1 - t^2) / 4 cancels too */
	clamped(ref_sigmoid_grad, z, d, 4);
	finish(d, (struct wb_advice){ "returned NaN: e^z overflowed to inf, "
				      "and inf / inf is NaN",
				      HINT_GRAD_OVERFLOW });
	if (d->value[0] == 0.0 || d->value[2] == 0.0 || d->value[3] == 0.0) {
		double at = probe(sigmoid_grad, 40.0);

		keep_if(d, 0, true, at);
		keep_if(d, 2, false, at);
		keep_if(d, 3, true, at);
	}
}
