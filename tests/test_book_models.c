/*
 * test_book_models.c - the models behind chapters 4 and 9's runs and
 * plots: softmax regression (exercise 09's reference, linked under its
 * contract names, with book/softreg.c's logits and prediction), calibration
 * (book/calibrate.c) and the data sets, which must be the ones the
 * chapters print (book/datasets.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "support/harness.h"

#include "workbook.h"
#include "../book/calibrate.h"
#include "../book/datasets.h"
#include "../book/softreg.h"

enum { N = 7, D = 3, K = 4, P = D * K + K };

static const double X[N * D] = {
	0.5, -1.0, 2.0,   1.5, 0.3, -0.7,   -2.0, 0.8, 0.1,   0.0, 0.0, 1.0,
	3.0, -0.5, 0.5,   -1.0, -1.0, -1.0,  0.2, 2.2, -0.3,
};
static const size_t labels[N] = { 3, 0, 1, 2, 0, 3, 1 };

static double loss_of(const double *theta, size_t n, void *ctx)
{
	double grad[P];

	(void)n;
	(void)ctx;
	return softmax_regression_loss_grad(X, labels, N, D, K, theta,
					    theta + D * K, grad, grad + D * K);
}

Test(softreg, gradient_matches_central_differences)
{
	double theta[P], exact[P], numeric[P];

	for (size_t i = 0; i < P; i++)
		theta[i] = sin(1.7 * i + 0.3);
	softmax_regression_loss_grad(X, labels, N, D, K, theta, theta + D * K,
				     exact, exact + D * K);
	numerical_gradient(loss_of, NULL, theta, P, numeric);
	cr_expect_lt(relative_error(exact, numeric, P), 1e-7);
}

/* k = 2 with class 0's parameters at zero is logistic regression. */
Test(softreg, two_classes_are_logistic_regression)
{
	const double w[D] = { 0.4, -1.1, 0.25 }, b = -0.3;
	double W[D * 2] = { 0 }, bb[2] = { 0, b }, gW[D * 2], gb[2];
	double y[N], gw[D], glb;
	size_t lab2[N];

	for (size_t i = 0; i < N; i++) {
		lab2[i] = labels[i] % 2;
		y[i] = (double)lab2[i];
	}
	for (size_t j = 0; j < D; j++)
		W[j * 2 + 1] = w[j];
	double soft = softmax_regression_loss_grad(X, lab2, N, D, 2, W, bb, gW,
						   gb);
	double logi = logreg_loss_grad(X, y, N, D, w, b, gw, &glb);

	cr_expect_float_eq(soft, logi, 1e-13);
	for (size_t j = 0; j < D; j++) {
		cr_expect_float_eq(gW[j * 2 + 1], gw[j], 1e-13);
		cr_expect_float_eq(gW[j * 2], -gw[j], 1e-13);
	}
	cr_expect_float_eq(gb[1], glb, 1e-13);
}

Test(softreg, fit_lowers_the_loss_and_keeps_class_sums_at_zero)
{
	double W[D * K] = { 0 }, b[K] = { 0 }, gW[D * K], gb[K];
	double before = softmax_regression_loss_grad(X, labels, N, D, K, W, b,
						     gW, gb);

	softmax_regression_fit(X, labels, N, D, K, 0.2, 200, W, b);
	cr_expect_lt(softmax_regression_loss_grad(X, labels, N, D, K, W, b, gW,
						  gb),
		     before - 0.1);
	cr_expect_float_eq(before, log((double)K), 1e-15);
	for (size_t j = 0; j <= D; j++) {
		const double *row = j < D ? W + j * K : b;

		cr_expect_lt(fabs(row[0] + row[1] + row[2] + row[3]), 1e-12);
	}
}

Test(softreg, a_label_out_of_range_gives_nan_and_leaves_the_gradient)
{
	const size_t bad[N] = { 0, 1, 2, 3, 4, 0, 1 };
	double W[D * K] = { 0 }, b[K] = { 0 }, gW[D * K], gb[K];

	gb[0] = 42.0;
	cr_expect(isnan(softmax_regression_loss_grad(X, bad, N, D, K, W, b, gW,
						     gb)));
	cr_expect_eq(gb[0], 42.0);
	softmax_regression_fit(X, bad, N, D, K, 0.1, 3, W, b);
	cr_expect_eq(W[0], 0.0);
	cr_expect_eq(b[0], 0.0);
}

Test(softreg, predict_picks_the_largest_logit_first_on_ties)
{
	const double W[2 * 3] = { 1, 0, 0,   0, 1, 1 }, b[3] = { 0, 0, 0 };
	const double x1[2] = { 2.0, 1.0 }, x2[2] = { 0.0, 1.0 };

	cr_expect_eq(softreg_predict(x1, 2, 3, W, b), 0);
	cr_expect_eq(softreg_predict(x2, 2, 3, W, b), 1);
}

/* Labels drawn from softmax(z), logits shown to the model as 3 z: the
 * fitted temperature must come back near 3 and lower the loss. */
Test(calibrate, temperature_undoes_a_known_overconfidence)
{
	enum { M = 20000 };
	double *Z = malloc(M * 3 * sizeof(*Z));
	size_t *lab = malloc(M * sizeof(*lab));
	uint64_t state = 12345;

	for (size_t i = 0; i < M; i++) {
		double z[3], p[3], u;

		for (int c = 0; c < 3; c++) {
			state = state * 6364136223846793005u + 1442695040888963407u;
			z[c] = 2.0 * ((state >> 11) / 9007199254740992.0) - 1.0;
			Z[i * 3 + c] = 3.0 * z[c];
		}
		softmax(z, 3, p);
		state = state * 6364136223846793005u + 1442695040888963407u;
		u = (state >> 11) / 9007199254740992.0;
		lab[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
	}
	double T = calib_fit_temperature(Z, lab, M, 3);

	cr_expect(T > 2.7 && T < 3.3, "fitted T = %g, expected about 3", T);
	cr_expect_lt(calib_nll(Z, lab, M, 3, T), calib_nll(Z, lab, M, 3, 1.0));
	cr_expect_leq(calib_nll(Z, lab, M, 3, T), calib_nll(Z, lab, M, 3, T * 1.01));
	cr_expect_leq(calib_nll(Z, lab, M, 3, T), calib_nll(Z, lab, M, 3, T / 1.01));
	free(Z);
	free(lab);
}

/* Four samples, by hand: confidences 0.5 (wrong), 0.5 (right), e/(e+1)
 * twice (right): bins [0.5, 0.6) and [0.7, 0.8). */
Test(calibrate, reliability_bins_and_ece_by_hand)
{
	const double Z[4 * 2] = { 0, 0,  0, 0,  1, 0,  0, 1 };
	const size_t lab[4] = { 1, 0, 0, 1 };
	struct calib_bin bins[10];
	const double high = exp(1.0) / (exp(1.0) + 1.0);

	calib_reliability(Z, lab, 4, 2, 1.0, bins, 10);
	cr_expect_eq(bins[5].count, 2);
	cr_expect_float_eq(bins[5].confidence, 0.5, 1e-15);
	cr_expect_float_eq(bins[5].accuracy, 0.5, 1e-15);
	cr_expect_eq(bins[7].count, 2);
	cr_expect_float_eq(bins[7].confidence, high, 1e-15);
	cr_expect_float_eq(bins[7].accuracy, 1.0, 1e-15);
	cr_expect_float_eq(calib_ece(bins, 10), 0.5 * (1.0 - high), 1e-15);
}

/* Numbers after marker in text, up to the next '}'. */
static size_t numbers_after(const char *text, const char *marker,
			    double *out, size_t max)
{
	const char *s = strstr(text, marker), *end;
	size_t n = 0;

	if (!s)
		return 0;
	s = strchr(s + strlen(marker), '{');
	end = s ? strchr(s, '}') : NULL;
	while (s && s < end && n < max) {
		char *next;
		double v = strtod(s, &next);

		if (next == s) {
			s++;
			continue;
		}
		out[n++] = v;
		s = next;
	}
	return n;
}

/* The array after marker in the chapter's code holds exactly want[]. */
static void expect_array(const char *text, const char *marker,
			 const double *want, size_t n)
{
	double got[64];

	cr_assert_eq(numbers_after(text, marker, got, 64), n,
		     "the chapter's %s has not %zu numbers", marker, n);
	for (size_t i = 0; i < n; i++)
		cr_expect_eq(got[i], want[i], "%s entry %zu: %g in the chapter, "
			     "%g in book/datasets.c", marker, i, got[i], want[i]);
}

Test(datasets, chapter_4_prints_the_run_of_its_plot)
{
	char *text = harness_read_text("chapters/04-logreg.md");

	expect_array(text, "static const double X[N * D] =", datasets_logreg_X,
		     DATASETS_LOGREG_N * DATASETS_LOGREG_D);
	expect_array(text, "static const double y[N] =", datasets_logreg_y,
		     DATASETS_LOGREG_N);
	cr_expect(strstr(text, "logreg_fit(X, y, N, D, 0.5,"),
		  "the chapter's run no longer uses rate %g",
		  DATASETS_LOGREG_RATE);
	cr_expect(strstr(text, "10000 };"), "the run no longer ends at %d",
		  DATASETS_LOGREG_STEPS);
	free(text);
}

Test(datasets, chapter_9_prints_the_run_of_its_plot)
{
	char *whole = harness_read_text("chapters/09-softmax-regression.md");
	/* The training run's example, after the gradient check's. */
	const char *text = strstr(whole, "five samples of each class. */");
	double classes[DATASETS_SOFTREG_N];

	cr_assert(text, "chapter 9 lost its training run");
	for (size_t i = 0; i < DATASETS_SOFTREG_N; i++)
		classes[i] = (double)datasets_softreg_labels[i];
	expect_array(text, "static const double X[N * D] =", datasets_softreg_X,
		     DATASETS_SOFTREG_N * DATASETS_SOFTREG_D);
	expect_array(text, "static const size_t labels[N] =", classes,
		     DATASETS_SOFTREG_N);
	cr_expect(strstr(text, "softmax_regression_fit(X, labels, N, D, K, 0.5,"),
		  "the chapter's run no longer uses rate %g",
		  DATASETS_SOFTREG_RATE);
	cr_expect(strstr(text, "5000 };"), "the run no longer ends at %d",
		  DATASETS_SOFTREG_STEPS);
	free(whole);
}

/* Same seed, same numbers; different seeds, different numbers. */
Test(datasets, blobs_are_reproducible)
{
	double a[12], b[12], c[12];
	size_t la[6], lb[6], lc[6];

	datasets_blobs(6, 7, a, la);
	datasets_blobs(6, 7, b, lb);
	datasets_blobs(6, 8, c, lc);
	cr_expect_arr_eq(a, b, sizeof(a));
	cr_expect_neq(a[0], c[0]);
	for (size_t i = 0; i < 6; i++)
		cr_expect_eq(la[i], i % 3);
}
