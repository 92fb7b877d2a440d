// 07_softmax.c - exercise of chapter 7, "Softmax and categorical
// cross-entropy".
//
// Grade your work: `make` grades every file in exercises/,
// `build/grader --only 07_softmax.c` grades this file alone, and
// `make check EX=07` shows Criterion's raw output for it.
//
// This file is compiled and graded on its own: it may define only the
// functions below (any helper must be `static`) and call only the C library
// and libm.
#include <math.h>

#include "workbook.h"

void softmax(const double *z, size_t k, double *p)
{
	// TODO: write p_j = e^z_j / sum_i e^z_i, for any finite z.
	// Chapter 7, "Overflow and the log-sum-exp trick".
	(void)z;
	(void)k;
	(void)p;
	workbook_todo(__func__);
}

double log_sum_exp(const double *z, size_t k)
{
	// TODO: return log(sum_i e^z_i), for any finite z.
	// Chapter 7, "Overflow and the log-sum-exp trick".
	(void)z;
	(void)k;
	return workbook_todo(__func__);
}

void log_softmax(const double *z, size_t k, double *out)
{
	// TODO: write out_j = z_j - log(sum_i e^z_i), accurate also where
	// softmax(z)_j underflows to 0.
	// Chapter 7, "Overflow and the log-sum-exp trick".
	(void)z;
	(void)k;
	(void)out;
	workbook_todo(__func__);
}

double softmax_cross_entropy(const double *z, const size_t *labels, size_t n,
			     size_t k, double *grad)
{
	// TODO: return the mean over the n rows of -log softmax(z_i)[labels[i]];
	// if grad is not NULL, write grad_i = (softmax(z_i) - onehot_i) / n.
	// Chapter 7, "Why softmax and cross-entropy are fused".
	(void)z;
	(void)labels;
	(void)n;
	(void)k;
	(void)grad;
	return workbook_todo(__func__);
}
