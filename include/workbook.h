/*
 * workbook.h - the exercise contract of the Cross-Entropy Workbook.
 *
 * Every exercise file includes this header.  The declarations below are
 * fixed: the grader compiles your file against its own copy of this header,
 * so changing a signature here only breaks your build, not the grader's.
 *
 * Conventions (chapter 0, "How to read this book"):
 *   - double precision throughout, natural logarithms (nats);
 *   - batch losses return the MEAN over the n >= 1 samples, and gradients
 *     are gradients of that mean (they carry the 1/n factor);
 *   - arrays are row-major: z[i*k + j] is sample i, class j;
 *   - 0 * log 0 = 0; a loss is +inf exactly when a positive-weight outcome
 *     gets probability 0;
 *   - functions on logits stay finite and accurate for any finite input.
 *
 * Each exercise file is graded on its own: it may define only the functions
 * of its exercise (helpers must be `static`) and call only the C library and
 * libm.  If 02_bce.c needs a sigmoid, copy one in as a static helper.
 */
#ifndef WORKBOOK_H
#define WORKBOOK_H

#include <stddef.h>

/* BEGIN curriculum (make contract writes it from include/curriculum.def) */

/* 01_sigmoid.c - chapter 1, probabilities and the sigmoid */
double sigmoid(double z);
double sigmoid_grad(double z);

/* 02_bce.c - chapter 2, binary cross-entropy from maximum likelihood */
double bce_loss(const double *y, const double *p, size_t n);
double bce_with_logits(const double *y, const double *z, size_t n);
void bce_with_logits_grad(const double *y, const double *z, size_t n,
			  double *grad);

/* 03_gradcheck.c - chapter 3, the gradient is prediction minus truth */
typedef double (*scalar_fn)(const double *x, size_t n, void *ctx);
void numerical_gradient(scalar_fn f, void *ctx, double *x, size_t n,
			double *grad);
double relative_error(const double *a, const double *b, size_t n);

/* 04_logreg.c - chapter 4, logistic regression by gradient descent */
double logreg_loss_grad(const double *X, const double *y, size_t n, size_t d,
			const double *w, double b, double *grad_w,
			double *grad_b);
void logreg_fit(const double *X, const double *y, size_t n, size_t d,
		double lr, size_t steps, double *w, double *b);

/* 05_mse.c - chapter 5, why not mean squared error */
double mse_sigmoid_loss(const double *y, const double *z, size_t n);
void mse_sigmoid_grad(const double *y, const double *z, size_t n,
		      double *grad);
double mse_sigmoid_curvature(double y, double z);

/* 06_information.c - chapter 6, entropy, cross-entropy and KL divergence */
double entropy(const double *p, size_t k);
double cross_entropy(const double *p, const double *q, size_t k);
double kl_divergence(const double *p, const double *q, size_t k);

/* 07_softmax.c - chapter 7, softmax and categorical cross-entropy */
void softmax(const double *z, size_t k, double *p);
double log_sum_exp(const double *z, size_t k);
void log_softmax(const double *z, size_t k, double *out);
double softmax_cross_entropy(const double *z, const size_t *labels, size_t n,
			     size_t k, double *grad);

/* 08_variants.c - chapter 8, label smoothing and focal loss */
double smoothed_cross_entropy(const double *z, const size_t *labels, size_t n,
			      size_t k, double eps, double *grad);
double focal_loss(const double *y, const double *z, size_t n, double alpha,
		  double gamma, double *grad);

/* 09_softmax_regression.c - chapter 9, softmax regression */
double softmax_regression_loss_grad(const double *X, const size_t *labels,
				    size_t n, size_t d, size_t k,
				    const double *W, const double *b,
				    double *grad_W, double *grad_b);
void softmax_regression_fit(const double *X, const size_t *labels, size_t n,
			    size_t d, size_t k, double lr, size_t steps,
			    double *W, double *b);

/* END curriculum */

/*
 * The stubs call this where your code goes.  Inside the grader it marks the
 * function as "not implemented" and ends that test; replace the call with
 * your implementation.
 */
double workbook_todo(const char *function);

#endif /* WORKBOOK_H */
