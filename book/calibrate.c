/*
 * calibrate.c - reliability bins, expected calibration error and the
 * temperature that minimises the held-out loss, on top of the reference
 * softmax and softmax_cross_entropy (chapter 7).
 */
#include <math.h>
#include <stdlib.h>

#include "workbook.h"
#include "alloc.h"
#include "calibrate.h"

/* Rounds of golden-section search: the bracket shrinks by 0.618 each,
 * from log(CALIB_T_MAX / CALIB_T_MIN) ~ 9.2 to under 1e-6. */
#define CALIB_SEARCH_ROUNDS 50

double calib_nll(const double *Z, const size_t *labels, size_t n, size_t k,
		 double T)
{
	double *scaled = book_xmalloc(n * k * sizeof(*scaled));
	double loss;

	for (size_t i = 0; i < n * k; i++)
		scaled[i] = Z[i] / T;
	loss = softmax_cross_entropy(scaled, labels, n, k, NULL);
	free(scaled);
	return loss;
}

double calib_fit_temperature(const double *Z, const size_t *labels, size_t n,
			     size_t k)
{
	const double ratio = (sqrt(5.0) - 1.0) / 2.0;
	double lo = log(CALIB_T_MIN), hi = log(CALIB_T_MAX);
	double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
	double fa = calib_nll(Z, labels, n, k, exp(a));
	double fb = calib_nll(Z, labels, n, k, exp(b));

	for (int round = 0; round < CALIB_SEARCH_ROUNDS; round++) {
		if (fa <= fb) {
			hi = b;
			b = a;
			fb = fa;
			a = hi - ratio * (hi - lo);
			fa = calib_nll(Z, labels, n, k, exp(a));
		} else {
			lo = a;
			a = b;
			fa = fb;
			b = lo + ratio * (hi - lo);
			fb = calib_nll(Z, labels, n, k, exp(b));
		}
	}
	return exp((lo + hi) / 2.0);
}

/* The largest probability of softmax(z / T) and its class. */
static double confidence(const double *z, size_t k, double T, double *p,
			 size_t *cls)
{
	for (size_t c = 0; c < k; c++)
		p[c] = z[c] / T;
	softmax(p, k, p);
	*cls = 0;
	for (size_t c = 1; c < k; c++)
		if (p[c] > p[*cls])
			*cls = c;
	return p[*cls];
}

void calib_reliability(const double *Z, const size_t *labels, size_t n,
		       size_t k, double T, struct calib_bin *bins,
		       size_t nbins)
{
	double *p = book_xmalloc(k * sizeof(*p));
	const double width = 1.0 / nbins;

	for (size_t b = 0; b < nbins; b++)
		bins[b] = (struct calib_bin){ b * width, (b + 1) * width,
					      0, 0, 0 };
	for (size_t i = 0; p && i < n; i++) {
		size_t cls, b;
		double conf = confidence(Z + i * k, k, T, p, &cls);

		b = (size_t)(conf / width);
		if (b >= nbins)	/* a confidence of exactly 1 */
			b = nbins - 1;
		bins[b].count++;
		bins[b].confidence += conf;
		bins[b].accuracy += cls == labels[i];
	}
	for (size_t b = 0; b < nbins; b++)
		if (bins[b].count) {
			bins[b].confidence /= bins[b].count;
			bins[b].accuracy /= bins[b].count;
		}
	free(p);
}

double calib_ece(const struct calib_bin *bins, size_t nbins)
{
	size_t n = 0;
	double sum = 0.0;

	for (size_t b = 0; b < nbins; b++) {
		n += bins[b].count;
		sum += bins[b].count * fabs(bins[b].accuracy - bins[b].confidence);
	}
	return n ? sum / n : 0.0;
}
