// 09_softmax_regression.c - exercise of chapter 9, "Softmax regression".
//
// Grade your work: `make` grades every file in exercises/,
// `build/grader --only 09_softmax_regression.c` grades this file alone,
// and `make check EX=09` shows Criterion's raw output for it.
//
// This file is compiled and graded on its own: it may define only the
// functions below (any helper must be `static`) and call only the C library
// and libm.  Copy in, as static helpers, whatever you need from earlier
// exercises (a stable log-sum-exp from 07_softmax.c).
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "workbook.h"

double softmax_regression_loss_grad(const double *X, const size_t *labels,
				    size_t n, size_t d, size_t k,
				    const double *W, const double *b,
				    double *grad_W, double *grad_b)
{
	// TODO: with z_i = x_i W + b (k logits per sample), return the mean
	// softmax cross-entropy, stable for any finite logits, and write
	// grad_W = X^T (P - Y) / n (d x k) and grad_b = the column means of
	// P - Y (k values).  Chapter 9, "The gradient, step by step".
	(void)X;
	(void)labels;
	(void)n;
	(void)d;
	(void)k;
	(void)W;
	(void)b;
	(void)grad_W;
	(void)grad_b;
	return workbook_todo(__func__);
}

void softmax_regression_fit(const double *X, const size_t *labels, size_t n,
			    size_t d, size_t k, double lr, size_t steps,
			    double *W, double *b)
{
	// TODO: starting from W and b, take `steps` full-batch gradient-descent
	// steps of size lr on the mean softmax cross-entropy; compute both
	// gradients before either parameter moves.
	// Chapter 9, "A training run".
	(void)X;
	(void)labels;
	(void)n;
	(void)d;
	(void)k;
	(void)lr;
	(void)steps;
	(void)W;
	(void)b;
	workbook_todo(__func__);
}
