// 01_sigmoid.c - exercise of chapter 1, "Probabilities and the sigmoid".
//
// Grade your work: `make` grades every file in exercises/,
// `build/grader --only 01_sigmoid.c` grades this file alone, and
// `make check EX=01` shows Criterion's raw output for it.
//
// This file is compiled and graded on its own: it may define only the
// functions below (any helper must be `static`) and call only the C library
// and libm.
#include <math.h>

#include "workbook.h"

double sigmoid(double z)
{
	// TODO: return 1 / (1 + e^-z), with no overflow for any finite z and
	// accurate (relatively) in both tails.
	// Chapter 1, "Computing the sigmoid safely".
	(void)z;
	return workbook_todo(__func__);
}

double sigmoid_grad(double z)
{
	// TODO: return sigma(z) (1 - sigma(z)), accurate relatively (not only
	// absolutely) in both tails.
	// Chapter 1, "The derivative of the sigmoid".
	(void)z;
	return workbook_todo(__func__);
}
