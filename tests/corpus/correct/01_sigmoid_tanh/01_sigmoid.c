/*
 * 01_sigmoid.c - correct: tanh and cosh forms, written without a
 * subtraction in either tail.
 */
#include <math.h>

#include "workbook.h"

double sigmoid(double z)
{
	/* (1 + tanh(z/2)) / 2 does not cancel for z >= 0; for z < 0 use
	 * sigma(z) = e^z sigma(-z). */
	if (z >= 0.0)
		return 0.5 * (1.0 + tanh(0.5 * z));
	return exp(z) * (0.5 * (1.0 + tanh(-0.5 * z)));
}

double sigmoid_grad(double z)
{
	/* 1 / (4 cosh^2(z/2)), dividing twice so the square never overflows
	 * before the true value underflows. */
	double c = cosh(0.5 * z);

	return 0.25 / c / c;
}
