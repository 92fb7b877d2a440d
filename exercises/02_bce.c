// 02_bce.c - exercise of chapter 2, "Binary cross-entropy from maximum
// likelihood".
//
// Grade your work: `make` grades every file in exercises/,
// `build/grader --only 02_bce.c` grades this file alone, and
// `make check EX=02` shows Criterion's raw output for it.
//
// This file is compiled and graded on its own: it may define only the
// functions below (any helper must be `static`) and call only the C library
// and libm.  If you need a sigmoid, copy yours in as a static helper.
#include <math.h>

#include "workbook.h"

double bce_loss(const double *y, const double *p, size_t n)
{
	// TODO: return the mean over the n samples of
	// -[y log p + (1-y) log(1-p)], exactly: no clipping of p.
	// Chapter 2, "Exact conventions: 0 log 0 and infinity".
	(void)y;
	(void)p;
	(void)n;
	return workbook_todo(__func__);
}

double bce_with_logits(const double *y, const double *z, size_t n)
{
	// TODO: return the same mean loss as bce_loss with p = sigma(z),
	// computed from the logits z: finite and accurate for any finite z.
	// Chapter 2, "The loss on logits".
	(void)y;
	(void)z;
	(void)n;
	return workbook_todo(__func__);
}

void bce_with_logits_grad(const double *y, const double *z, size_t n,
			  double *grad)
{
	// TODO: write grad[i] = (sigma(z_i) - y_i) / n, the gradient of the
	// mean loss of bce_with_logits.
	// Chapter 3, "The chain rule, step by step".
	(void)y;
	(void)z;
	(void)n;
	(void)grad;
	workbook_todo(__func__);
}
