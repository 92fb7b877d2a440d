// 04_logreg.c - exercise of chapter 4, "Logistic regression by gradient
// descent".
//
// Grade your work: `make` grades every file in exercises/,
// `build/grader --only 04_logreg.c` grades this file alone, and
// `make check EX=04` shows Criterion's raw output for it.
//
// This file is compiled and graded on its own: it may define only the
// functions below (any helper must be `static`) and call only the C library
// and libm.  Copy in, as static helpers, whatever you need from earlier
// exercises.
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "workbook.h"

double logreg_loss_grad(const double *X, const double *y, size_t n, size_t d,
			const double *w, double b, double *grad_w,
			double *grad_b)
{
	// TODO: with z_i = w . x_i + b, return the mean BCE on the logits and
	// write its gradient with respect to w (grad_w, d values) and b (grad_b).
	// Chapter 4, "The gradients".
	(void)X;
	(void)y;
	(void)n;
	(void)d;
	(void)w;
	(void)b;
	(void)grad_w;
	(void)grad_b;
	return workbook_todo(__func__);
}

void logreg_fit(const double *X, const double *y, size_t n, size_t d,
		double lr, size_t steps, double *w, double *b)
{
	// TODO: starting from w and *b, take `steps` full-batch gradient-descent
	// steps of size lr on the mean BCE; update all parameters together.
	// Chapter 4, "Gradient descent".
	(void)X;
	(void)y;
	(void)n;
	(void)d;
	(void)lr;
	(void)steps;
	(void)w;
	(void)b;
	workbook_todo(__func__);
}
