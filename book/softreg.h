/*
 * softreg.h - the book-only helpers of softmax regression (multinomial
 * logistic regression), the model of chapter 9.  The training itself is
 * exercise 09's: softmax_regression_loss_grad and softmax_regression_fit
 * (workbook.h), which the book links from the reference solutions, so the
 * chapter's worked run, its plots and its calibration figures all come
 * from the one tested trainer.  Shapes, all row-major:
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

/* The class with the largest logit for one sample x (d features); the
 * lowest index wins a tie. */
size_t softreg_predict(const double *x, size_t d, size_t k, const double *W,
		       const double *b);

#endif /* BOOK_SOFTREG_H */
