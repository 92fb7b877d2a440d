/* BEGIN SOLUTION */
/*
 * 01_sigmoid.c - reference solution of exercise 1 (chapter 1, "Probabilities
 * and the sigmoid").
 *
 * The logistic sigmoid and its derivative, accurate to a few ulps RELATIVE
 * error for every finite z, including both tails.
 */
/* END SOLUTION */
/* BEGIN STUB
// 01_sigmoid.c - exercise of chapter 1, "Probabilities and the sigmoid".
//
// Grade your work: `make` grades every file in exercises/,
// `build/grader --only 01_sigmoid.c` grades this file alone, and
// `make check EX=01` shows Criterion's raw output for it.
//
// This file is compiled and graded on its own: it may define only the
// functions below (any helper must be `static`) and call only the C library
// and libm.
END STUB */
#include <math.h>

#include "workbook.h"

/* BEGIN SOLUTION */
/*
 * sigmoid(z) = 1 / (1 + e^-z)
 *
 * Method:
 *	z >= 0:	1 / (1 + e^-z).  e^-z is in (0, 1], so nothing overflows and
 *		the sum 1 + e^-z loses at most half an ulp.
 *	z <  0:	e^z / (1 + e^z), the same formula multiplied through by e^z.
 *		Written as 1 / (1 + e^-z), e^-z would overflow to +inf for
 *		z < -709.8 and the result would be 0 although the true value
 *		is representable (as a subnormal) down to z = -745.  e^z and
 *		e^z / (1 + e^z) never overflow, and underflow to 0 only where
 *		the true value is below the smallest double.
 *
 * Special cases:
 *	sigmoid(NaN) = NaN; sigmoid(+-inf) = 1, 0 (the formulas give these).
 */
/* END SOLUTION */
double sigmoid(double z)
{
	/* BEGIN SOLUTION */
	double e;

	if (isnan(z))
		return z;
	if (z >= 0.0)
		return 1.0 / (1.0 + exp(-z));
	e = exp(z);
	return e / (1.0 + e);
	/* END SOLUTION */
	/* BEGIN STUB
	// TODO: return 1 / (1 + e^-z), with no overflow for any finite z and
	// accurate (relatively) in both tails.
	// Chapter 1, "Computing the sigmoid safely".
	(void)z;
	return workbook_todo(__func__);
	END STUB */
}

/* BEGIN SOLUTION */
/*
 * sigmoid_grad(z) = sigma'(z) = sigma(z) (1 - sigma(z))
 *
 * Method:
 *	The derivative is even: sigma'(-z) = sigma'(z).  With e = e^-|z| in
 *	(0, 1],
 *
 *		sigma'(z) = e / (1 + e)^2.
 *
 *	Every operation is a product, a quotient or a sum of positive numbers,
 *	so the result has a small relative error for every z.
 *
 *	The textbook s * (1 - s) with s = sigma(z) is accurate for z < 0 but
 *	not for z > 0: there s rounds towards 1 and 1 - s keeps only the
 *	rounding error of s; for z >= 37 s == 1 and s * (1 - s) == 0 while the
 *	true value is about e^-z (e^-40 = 4.2e-18 at z = 40).
 *
 * Special cases:
 *	NaN -> NaN; +-inf -> 0; |z| > ~745 underflows to 0, which is the
 *	correctly rounded value.
 */
/* END SOLUTION */
double sigmoid_grad(double z)
{
	/* BEGIN SOLUTION */
	double e;

	if (isnan(z))
		return z;
	e = exp(-fabs(z));
	return e / ((1.0 + e) * (1.0 + e));
	/* END SOLUTION */
	/* BEGIN STUB
	// TODO: return sigma(z) (1 - sigma(z)), accurate relatively (not only
	// absolutely) in both tails.
	// Chapter 1, "The derivative of the sigmoid".
	(void)z;
	return workbook_todo(__func__);
	END STUB */
}
