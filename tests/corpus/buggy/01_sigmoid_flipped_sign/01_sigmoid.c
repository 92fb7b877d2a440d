/*
 * 01_sigmoid.c - buggy: sigmoid uses e^z where the formula has e^-z, so it
 * computes sigma(-z) = 1 / (1 + e^z), stably but for the wrong sign
 * (chapter 1, "The logistic model").
 */
#include <math.h>

#include "workbook.h"

double sigmoid(double z)
{
	if (z <= 0.0)
		return 1.0 / (1.0 + exp(z));
	return exp(-z) / (1.0 + exp(-z));
}

double sigmoid_grad(double z)
{
	double e = exp(-fabs(z));

	return e / ((1.0 + e) * (1.0 + e));
}
