/*
 * calibrate.h - how far a classifier's confidence is from its accuracy
 * (reliability diagram, expected calibration error) and temperature
 * scaling, for chapter 9's "Calibration" section.
 *
 * The model is given by its logits Z (n x k, row-major) and the true
 * labels; a temperature T > 0 divides every logit before the softmax.
 * The confidence of a sample is its largest probability, and it is
 * correct when that class is its label.
 */
#ifndef BOOK_CALIBRATE_H
#define BOOK_CALIBRATE_H

#include <stddef.h>

/* One bin of a reliability diagram: confidences in [lo, hi). */
struct calib_bin {
	double lo, hi;
	size_t count;
	double confidence;	/* mean confidence of its samples */
	double accuracy;	/* fraction of its samples that are correct */
};

/* Mean cross-entropy of softmax(Z / T) against the labels. */
double calib_nll(const double *Z, const size_t *labels, size_t n, size_t k,
		 double T);

/*
 * The temperature that minimises calib_nll, to about 1e-6 relative.
 * The loss is convex in 1/T (Z / T is linear in it), so a golden-section
 * search over log T in [CALIB_T_MIN, CALIB_T_MAX] finds it.
 */
#define CALIB_T_MIN 0.01
#define CALIB_T_MAX 100.0
double calib_fit_temperature(const double *Z, const size_t *labels, size_t n,
			     size_t k);

/* Sorts the n samples into nbins equal-width bins of confidence on
 * [0, 1] (with k classes the bins below 1/k stay empty). */
void calib_reliability(const double *Z, const size_t *labels, size_t n,
		       size_t k, double T, struct calib_bin *bins,
		       size_t nbins);

/* Expected calibration error: sum over bins of count/n times
 * |accuracy - confidence|. */
double calib_ece(const struct calib_bin *bins, size_t nbins);

#endif /* BOOK_CALIBRATE_H */
