// 05_mse.c - exercise of chapter 5, "Why not mean squared error".
//
// Grade your work: `make` grades every file in exercises/,
// `build/grader --only 05_mse.c` grades this file alone, and
// `make check EX=05` shows Criterion's raw output for it.
//
// This file is compiled and graded on its own: it may define only the
// functions below (any helper must be `static`) and call only the C library
// and libm.  Copy in, as static helpers, whatever you need from earlier
// exercises.
#include <math.h>

#include "workbook.h"

double mse_sigmoid_loss(const double *y, const double *z, size_t n)
{
	// TODO: return the mean over the n samples of (sigma(z_i) - y_i)^2
	// (no 1/2 factor).
	// Chapter 5, "The MSE gradient vanishes".
	(void)y;
	(void)z;
	(void)n;
	return workbook_todo(__func__);
}

void mse_sigmoid_grad(const double *y, const double *z, size_t n,
		      double *grad)
{
	// TODO: write grad[i] = 2 (sigma(z_i) - y_i) sigma'(z_i) / n, the
	// gradient of mse_sigmoid_loss.
	// Chapter 5, "The MSE gradient vanishes".
	(void)y;
	(void)z;
	(void)n;
	(void)grad;
	workbook_todo(__func__);
}

double mse_sigmoid_curvature(double y, double z)
{
	// TODO: return the second derivative in z of (sigma(z) - y)^2.
	// Chapter 5, "MSE is not convex in the logit".
	(void)y;
	(void)z;
	return workbook_todo(__func__);
}
