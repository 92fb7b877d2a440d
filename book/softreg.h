/*
 * softreg.h - softmax regression (multinomial logistic regression), the
 * model of chapter 9, trained by full-batch gradient descent.
 *
 * It is built on the reference softmax_cross_entropy of chapter 7, so the
 * chapter's worked run, its plots and its calibration figures all come
 * from this one tested trainer.  Shapes, all row-major:
 *
 *   X  n x d   features, sample i is X[i*d .. i*d + d-1]
 *   W  d x k   weights, feature j to class c is W[j*k + c]
 *   b  k       one bias per class
 *   Z  n x k   logits Z = X W + b
 *
 * Labels are class indices 0 .. k-1, as everywhere in the book.
 */
#ifndef BOOK_SOFTREG_H
#define BOOK_SOFTREG_H

#include <stddef.h>

/* Z = X W + b (Z has n*k entries). */
void softreg_logits(const double *X, size_t n, size_t d, size_t k,
		    const double *W, const double *b, double *Z);

/*
 * Returns the mean cross-entropy of the model on (X, labels) and writes
 * its gradient: grad_W = X^T (P - T) / n (d*k entries) and grad_b = the
 * column sums of (P - T) / n (k entries), P the softmax of each row of Z
 * and T the one-hot labels.  NaN (gradients untouched) when a label is
 * not below k or memory runs out.
 */
double softreg_loss_grad(const double *X, const size_t *labels, size_t n,
			 size_t d, size_t k, const double *W, const double *b,
			 double *grad_W, double *grad_b);

/* steps updates W -= lr grad_W, b -= lr grad_b, both from the gradient
 * at the same point.  Returns the loss before the last step, NaN as
 * softreg_loss_grad. */
double softreg_fit(const double *X, const size_t *labels, size_t n, size_t d,
		   size_t k, double lr, size_t steps, double *W, double *b);

/* The class with the largest logit for one sample x (d features); the
 * lowest index wins a tie. */
size_t softreg_predict(const double *x, size_t d, size_t k, const double *W,
		       const double *b);

#endif /* BOOK_SOFTREG_H */
