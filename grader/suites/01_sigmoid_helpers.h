/*
 * 01_sigmoid_helpers.h - what the two parts of suite 01_sigmoid share
 * (01_sigmoid.c: the tests; 01_sigmoid_diagnosis.c: what a wrong value
 * shows): the hints and the diagnoses of sigmoid and sigmoid_grad.
 */
#ifndef WB_SUITE_SIGMOID_HELPERS_H
#define WB_SUITE_SIGMOID_HELPERS_H

#include "check.h"

#pragma weak sigmoid
#pragma weak sigmoid_grad

#define SAFELY "(chapter 1, \"Computing the sigmoid safely\")"
#define DERIVATIVE "(chapter 1, \"The derivative of the sigmoid\")"

#define HINT_SIGMOID \
	"sigma(z) = 1 / (1 + e^-z) " \
	"(chapter 1, \"The logistic model\")"
#define HINT_OVERFLOW \
	"branch on the sign: 1 / (1 + e^-z) for z >= 0 and e^z / (1 + e^z) " \
	"for z < 0, so exp never overflows and never meets inf / inf " SAFELY
#define HINT_LEFT_TAIL \
	"for z < 0 compute e^z / (1 + e^z): it keeps the tiny values of the " \
	"left tail, where 1 - 1/(1 + e^z) cancels to 0 and 1 / (1 + e^-z) " \
	"overflows to 0 " SAFELY
#define HINT_SUBNORMAL \
	"sigmoid(-710) is about 4.5e-309, a subnormal number (below DBL_MIN, " \
	"still representable): for z < 0 compute e^z / (1 + e^z), which keeps " \
	"it, where 1 / (1 + e^-z) overflows to 0 " SAFELY
#define HINT_GRAD \
	"sigma'(z) = sigma(z) (1 - sigma(z)) = sigma(z) sigma(-z) " DERIVATIVE
#define HINT_GRAD_TAIL \
	"s * (1 - s) cancels to 0 once s rounds to 1 (z > 37): compute " \
	"sigma(z) * sigma(-z), or e^-|z| / (1 + e^-|z|)^2, which keep the " \
	"tail accurate relative to its size " SAFELY
#define HINT_GRAD_OVERFLOW \
	"write the derivative with e^-|z|, e.g. e^-|z| / (1 + e^-|z|)^2, so " \
	"exp never overflows and never meets inf / inf " SAFELY

/* ---- diagnoses (01_sigmoid_diagnosis.c) -------------------------------- */

/* The bounds z is clamped to by students who clamp (the chapter's
 * "Common confusions"), each tried as a mistake of its own. */
enum { SIGMOID_CLAMPS = 7, SIGMOID_MISTAKES = SIGMOID_CLAMPS + 4 };

/* What a wrong value at one z shows, with the mistakes' values there. */
struct sigmoid_diagnosis {
	struct wb_diagnosis d;
	double value[SIGMOID_MISTAKES];
	struct wb_mistake list[SIGMOID_MISTAKES];
};

/* Fill d for sigmoid(z) and for sigmoid_grad(z), computed by the judge. */
void sigmoid_diagnose(double z, struct sigmoid_diagnosis *d);
void sigmoid_grad_diagnose(double z, struct sigmoid_diagnosis *d);

#endif /* WB_SUITE_SIGMOID_HELPERS_H */
