// 06_information.c - exercise of chapter 6, "Entropy, cross-entropy and KL
// divergence".
//
// Grade your work: `make` grades every file in exercises/,
// `build/grader --only 06_information.c` grades this file alone, and
// `make check EX=06` shows Criterion's raw output for it.
//
// This file is compiled and graded on its own: it may define only the
// functions below (any helper must be `static`) and call only the C library
// and libm.
#include <float.h>
#include <math.h>

#include "workbook.h"

double entropy(const double *p, size_t k)
{
	// TODO: return -sum_i p_i log p_i.
	// Chapter 6, "Entropy".
	(void)p;
	(void)k;
	return workbook_todo(__func__);
}

double cross_entropy(const double *p, const double *q, size_t k)
{
	// TODO: return -sum_i p_i log q_i.
	// Chapter 6, "Cross-entropy".
	(void)p;
	(void)q;
	(void)k;
	return workbook_todo(__func__);
}

double kl_divergence(const double *p, const double *q, size_t k)
{
	// TODO: return sum_i p_i log(p_i / q_i).
	// Chapter 6, "KL divergence and the decomposition".
	(void)p;
	(void)q;
	(void)k;
	return workbook_todo(__func__);
}
