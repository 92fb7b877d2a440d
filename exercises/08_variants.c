// 08_variants.c - exercise of chapter 8, "Label smoothing and focal loss".
//
// Grade your work: `make` grades every file in exercises/,
// `build/grader --only 08_variants.c` grades this file alone, and
// `make check EX=08` shows Criterion's raw output for it.
//
// This file is compiled and graded on its own: it may define only the
// functions below (any helper must be `static`) and call only the C library
// and libm.  Copy in, as static helpers, whatever you need from earlier
// exercises.
#include <math.h>

#include "workbook.h"

double smoothed_cross_entropy(const double *z, const size_t *labels,
			      size_t n, size_t k, double eps, double *grad)
{
	// TODO: with the smoothed target t = (1 - eps) onehot + eps/k, return the
	// mean over rows of -sum_j t_j log softmax(z_i)_j; if grad is not NULL,
	// write grad_i = (softmax(z_i) - t_i) / n.
	// Chapter 8, "Label smoothing".
	(void)z;
	(void)labels;
	(void)n;
	(void)k;
	(void)eps;
	(void)grad;
	return workbook_todo(__func__);
}

double focal_loss(const double *y, const double *z, size_t n, double alpha,
		  double gamma, double *grad)
{
	// TODO: return the mean over samples of alpha_t * ce * (1 - p_t)^gamma
	// (torchvision's sigmoid_focal_loss; alpha < 0: no alpha_t weighting);
	// if grad is not NULL, write grad[i] = d mean / d z_i.
	// Chapter 8, "Focal loss".
	(void)y;
	(void)z;
	(void)n;
	(void)alpha;
	(void)gamma;
	(void)grad;
	return workbook_todo(__func__);
}
