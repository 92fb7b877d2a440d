/*
 * plots_models.c - data of the plots that show a trained model, each
 * from the same data, rate and number of steps as the chapter's run.
 */
#include <math.h>
#include <stdlib.h>

#include "workbook.h"
#include "alloc.h"
#include "calibrate.h"
#include "datasets.h"
#include "plots_models.h"
#include "softreg.h"

static double plane_at(int i)
{
	return PLOTS_PLANE_MIN +
	       (PLOTS_PLANE_MAX - PLOTS_PLANE_MIN) * i / PLOTS_PLANE_STEPS;
}

/* Block 0: points with y = 1, block 1: y = 0; block 2: the lines
 * x2 = (logit(p) - b - w1 x1) / w2 for p = 0.5, 0.1, 0.9 as three columns
 * (w2 is far from zero after this run). */
void plots_logreg_boundary_data(FILE *out)
{
	const double *X = datasets_logreg_X;
	double w[DATASETS_LOGREG_D] = { 0 }, b = 0.0;
	const double logit_90 = log(9.0);

	logreg_fit(X, datasets_logreg_y, DATASETS_LOGREG_N, DATASETS_LOGREG_D,
		   DATASETS_LOGREG_RATE, DATASETS_LOGREG_STEPS, w, &b);
	for (int label = 1; label >= 0; label--) {
		for (int i = 0; i < DATASETS_LOGREG_N; i++)
			if (datasets_logreg_y[i] == label)
				fprintf(out, "%g %g\n", X[2 * i], X[2 * i + 1]);
		fputs("\n\n", out);
	}
	for (int i = 0; i <= PLOTS_PLANE_STEPS; i++) {
		double x1 = plane_at(i);

		fprintf(out, "%g %.17g %.17g %.17g\n", x1,
			(-b - w[0] * x1) / w[1],
			(-logit_90 - b - w[0] * x1) / w[1],
			(logit_90 - b - w[0] * x1) / w[1]);
	}
}

/* Block 0: the grid "x1 x2 class" (a blank line after each row, for
 * gnuplot's image style); blocks 1 to K: the points of each class. */
void plots_softreg_regions_data(FILE *out)
{
	enum { D = DATASETS_SOFTREG_D, K = DATASETS_SOFTREG_K };
	double W[D * K] = { 0 }, b[K] = { 0 };

	softreg_fit(datasets_softreg_X, datasets_softreg_labels,
		    DATASETS_SOFTREG_N, D, K, DATASETS_SOFTREG_RATE,
		    DATASETS_SOFTREG_STEPS, W, b);
	for (int i = 0; i <= PLOTS_PLANE_STEPS; i++) {
		for (int j = 0; j <= PLOTS_PLANE_STEPS; j++) {
			double x[D] = { plane_at(j), plane_at(i) };

			fprintf(out, "%g %g %zu\n", x[0], x[1],
				softreg_predict(x, D, K, W, b));
		}
		fputc('\n', out);
	}
	for (size_t c = 0; c < K; c++) {
		fputs("\n\n", out);
		for (int i = 0; i < DATASETS_SOFTREG_N; i++)
			if (datasets_softreg_labels[i] == c)
				fprintf(out, "%g %g\n", datasets_softreg_X[2 * i],
					datasets_softreg_X[2 * i + 1]);
	}
}

/* Two blocks, T = 1 and the fitted T: "confidence accuracy count" of
 * each non-empty bin of the test set. */
void plots_reliability_data(FILE *out)
{
	enum { K = DATASETS_BLOBS_K, NT = DATASETS_CALIB_SMALL,
	       NV = DATASETS_CALIB_VALID, NE = DATASETS_CALIB_TEST };
	double *X = book_xmalloc(2 * (NT + NV + NE) * sizeof(*X));
	size_t *labels = book_xmalloc((NT + NV + NE) * sizeof(*labels));
	double *Z = book_xmalloc((NV + NE) * K * sizeof(*Z));
	double W[2 * K] = { 0 }, b[K] = { 0 }, T;
	struct calib_bin bins[DATASETS_CALIB_BINS];

	datasets_blobs(NT, DATASETS_CALIB_SEED_TRAIN, X, labels);
	datasets_blobs(NV, DATASETS_CALIB_SEED_VALID, X + 2 * NT, labels + NT);
	datasets_blobs(NE, DATASETS_CALIB_SEED_TEST, X + 2 * (NT + NV),
		       labels + NT + NV);
	softreg_fit(X, labels, NT, 2, K, DATASETS_CALIB_RATE,
		    DATASETS_CALIB_STEPS, W, b);
	softreg_logits(X + 2 * NT, NV + NE, 2, K, W, b, Z);
	T = calib_fit_temperature(Z, labels + NT, NV, K);
	for (int pass = 0; pass < 2; pass++) {
		calib_reliability(Z + NV * K, labels + NT + NV, NE, K,
				  pass ? T : 1.0, bins, DATASETS_CALIB_BINS);
		if (pass)
			fputs("\n\n", out);
		for (int i = 0; i < DATASETS_CALIB_BINS; i++)
			if (bins[i].count)
				fprintf(out, "%.17g %.17g %zu\n",
					bins[i].confidence, bins[i].accuracy,
					bins[i].count);
	}
	free(X);
	free(labels);
	free(Z);
}
