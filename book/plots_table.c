/*
 * plots_table.c - what each plot shows: its data, computed with the
 * reference solutions (so a plot can never disagree with the exercises),
 * and the gnuplot commands that draw it.
 */
#include <math.h>
#include <stdio.h>

#include "workbook.h"
#include "datasets.h"
#include "plots.h"
#include "plots_models.h"

/* z from -8 to 8: wide enough to show both saturated tails. */
#define Z_MIN (-8.0)
#define Z_STEPS 320

static double z_at(int i)
{
	return Z_MIN + 16.0 * i / Z_STEPS;
}

static void sigmoid_data(FILE *out)
{
	for (int i = 0; i <= Z_STEPS; i++)
		fprintf(out, "%g %.17g %.17g\n", z_at(i), sigmoid(z_at(i)),
			sigmoid_grad(z_at(i)));
}

/* p avoids 0 and 1, where one of the two curves is infinite. */
static void bce_loss_data(FILE *out)
{
	const double one = 1.0, zero = 0.0;

	for (int i = 1; i < 1000; i++) {
		double p = i / 1000.0;

		fprintf(out, "%g %.17g %.17g\n", p, bce_loss(&one, &p, 1),
			bce_loss(&zero, &p, 1));
	}
}

/* f = sigmoid at z = 0.5: central and forward differences against the
 * exact derivative, over steps h from 1e-16 to 1e-1. */
static void gradcheck_error_data(FILE *out)
{
	const double z = 0.5, exact = sigmoid_grad(z);

	for (int i = 0; i <= 150; i++) {
		double h = pow(10.0, -16.0 + i / 10.0);
		double central = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h);
		double forward = (sigmoid(z + h) - sigmoid(z)) / h;

		fprintf(out, "%.17g %.17g %.17g\n", h,
			fmax(relative_error(&central, &exact, 1), 1e-17),
			fmax(relative_error(&forward, &exact, 1), 1e-17));
	}
}

/* Chapter 4's worked run (datasets.h) at three learning rates, the
 * middle one the chapter's. */
static void logreg_loss_data(FILE *out)
{
	static const double rates[] = { 0.05, DATASETS_LOGREG_RATE, 2.0 };
	double w[3][DATASETS_LOGREG_D] = { { 0 } }, b[3] = { 0 }, gw[2], gb;

	for (int step = 0; step <= 200; step++) {
		fprintf(out, "%d", step);
		for (int r = 0; r < 3; r++) {
			fprintf(out, " %.17g",
				logreg_loss_grad(datasets_logreg_X,
						 datasets_logreg_y,
						 DATASETS_LOGREG_N,
						 DATASETS_LOGREG_D, w[r], b[r],
						 gw, &gb));
			logreg_fit(datasets_logreg_X, datasets_logreg_y,
				   DATASETS_LOGREG_N, DATASETS_LOGREG_D,
				   rates[r], 1, w[r], &b[r]);
		}
		fputc('\n', out);
	}
}

/* One sample, as a function of its predicted probability p, for both
 * labels: the reference functions are evaluated at the logit z = logit(p)
 * (n = 1).  p avoids 0 and 1, where the cross-entropy is infinite. */
static double logit(double p)
{
	return log(p) - log1p(-p);
}

static void mse_vs_bce_loss_data(FILE *out)
{
	const double one = 1.0, zero = 0.0;

	for (int i = 1; i < 1000; i++) {
		double p = i / 1000.0, z = logit(p);

		fprintf(out, "%g %.17g %.17g %.17g %.17g\n", p,
			bce_with_logits(&one, &z, 1),
			bce_with_logits(&zero, &z, 1),
			mse_sigmoid_loss(&one, &z, 1),
			mse_sigmoid_loss(&zero, &z, 1));
	}
}

/* The derivatives with respect to the logit z (not p), read against p. */
static void mse_vs_bce_grad_data(FILE *out)
{
	const double one = 1.0, zero = 0.0;

	for (int i = 1; i < 1000; i++) {
		double p = i / 1000.0, z = logit(p), g[4];

		bce_with_logits_grad(&one, &z, 1, &g[0]);
		bce_with_logits_grad(&zero, &z, 1, &g[1]);
		mse_sigmoid_grad(&one, &z, 1, &g[2]);
		mse_sigmoid_grad(&zero, &z, 1, &g[3]);
		fprintf(out, "%g %.17g %.17g %.17g %.17g\n", p, g[0], g[1],
			g[2], g[3]);
	}
}

/* The BCE curvature in z is sigma'(z), always positive. */
static void mse_curvature_data(FILE *out)
{
	for (int i = 0; i <= Z_STEPS; i++)
		fprintf(out, "%g %.17g %.17g\n", z_at(i),
			mse_sigmoid_curvature(1.0, z_at(i)),
			sigmoid_grad(z_at(i)));
}

/* Gradient descent on a single logit, label 1, starting badly wrong at
 * z = -10 (the run of chapter 5's example), rate 1 for both losses.  Each
 * run's own training loss after t steps, for t = 1 .. 12000 as in the
 * example, written at about 60 points per decade for a logarithmic step
 * axis (and at every step of the MSE run's cliff). */
static void saturated_start_data(FILE *out)
{
	const double one = 1.0, rate = 1.0;
	double z_bce = -10.0, z_mse = -10.0, g;
	double last_mse = 0.0;
	int last = -1;

	for (int t = 1; t <= 12000; t++) {
		int tick = (int)(60.0 * log10(t));
		double bce, mse;

		bce_with_logits_grad(&one, &z_bce, 1, &g);
		z_bce -= rate * g;
		mse_sigmoid_grad(&one, &z_mse, 1, &g);
		z_mse -= rate * g;
		bce = bce_with_logits(&one, &z_bce, 1);
		mse = mse_sigmoid_loss(&one, &z_mse, 1);
		/* Every step of the MSE run's cliff, where its loss falls
		 * by more than 10% between written points. */
		if (tick == last && t != 12000 && mse > 0.9 * last_mse)
			continue;
		last = tick;
		last_mse = mse;
		fprintf(out, "%d %.17g %.17g\n", t, bce, mse);
	}
}

/* p = (0.3, 0.7) against q = (q1, 1 - q1). */
static void cross_entropy_vs_q_data(FILE *out)
{
	const double p[2] = { 0.3, 0.7 };

	for (int i = 1; i < 500; i++) {
		double q[2] = { i / 500.0, 1.0 - i / 500.0 };

		fprintf(out, "%g %.17g %.17g %.17g\n", q[0],
			cross_entropy(p, q, 2), entropy(p, 2),
			kl_divergence(p, q, 2));
	}
}

static void softmax_temperature_data(FILE *out)
{
	const double z[3] = { 2.0, 1.0, 0.1 };

	for (int i = 0; i <= 200; i++) {
		double t = pow(10.0, -1.0 + i / 100.0), zt[3], p[3];

		for (int j = 0; j < 3; j++)
			zt[j] = z[j] / t;
		softmax(zt, 3, p);
		fprintf(out, "%.17g %.17g %.17g %.17g\n", t, p[0], p[1], p[2]);
	}
}

/* Three classes, logits (m, 0, 0) with the true class first. */
static void smoothing_floor_data(FILE *out)
{
	static const double eps[] = { 0.0, 0.1, 0.3 };
	const size_t label = 0;

	for (int i = 0; i <= 280; i++) {
		double z[3] = { -2.0 + i / 20.0, 0.0, 0.0 };

		fprintf(out, "%g", z[0]);
		for (int e = 0; e < 3; e++)
			fprintf(out, " %.17g", smoothed_cross_entropy(
					z, &label, 1, 3, eps[e], NULL));
		fputc('\n', out);
	}
}

/* Loss against the probability of the true class, as in the focal loss
 * paper; alpha < 0 turns the class weighting off. */
static void focal_loss_data(FILE *out)
{
	static const double gammas[] = { 0.0, 0.5, 1.0, 2.0, 5.0 };
	const double one = 1.0;

	for (int i = 1; i <= 500; i++) {
		double p = i / 500.0 - 0.0005, z = log(p / (1.0 - p));

		fprintf(out, "%g", p);
		for (int g = 0; g < 5; g++)
			fprintf(out, " %.17g",
				focal_loss(&one, &z, 1, -1.0, gammas[g], NULL));
		fputc('\n', out);
	}
}

/* The planes of the trained models: square units, points drawn large. */
#define PLANE_SETUP \
	"set size ratio -1\nset xlabel 'feature x_1'\nset ylabel 'feature x_2'\n" \
	"set key outside right top\n"

const struct plots_entry plots_table[] = {
	{ "sigmoid", sigmoid_data,
	  "set xlabel 'logit z'\nset yrange [-0.05:1.05]\nset key left top\n"
	  "plot data u 1:2 w l t 'σ(z)', '' u 1:3 w l t \"σ'(z)\"\n" },
	{ "bce_loss", bce_loss_data,
	  "set xlabel 'predicted probability p'\nset ylabel 'loss (nats)'\n"
	  "set yrange [0:5]\nset key center top\n"
	  "plot data u 1:2 w l t 'y = 1: −log p', '' u 1:3 w l t 'y = 0: −log(1 − p)'\n" },
	{ "gradcheck_error", gradcheck_error_data,
	  "set logscale xy\nset format x '10^{%T}'\nset format y '10^{%T}'\n"
	  "set xlabel 'step h'\nset ylabel 'relative error'\nset key left bottom\n"
	  "plot data u 1:2 w l t 'central difference', '' u 1:3 w l t 'forward difference'\n" },
	{ "logreg_loss", logreg_loss_data,
	  "set xlabel 'gradient-descent steps + 1 (logarithmic axis)'\nset ylabel 'mean BCE'\n"
	  "set logscale x\nset xrange [1:200]\n"
	  "plot data u ($1+1):2 w l t 'rate 0.05', '' u ($1+1):3 w l t 'rate 0.5 (the run in the text)', '' u ($1+1):4 w l t 'rate 2'\n" },
	{ "logreg_boundary", plots_logreg_boundary_data,
	  PLANE_SETUP "set xrange [-2.5:3.5]\nset yrange [-2:3.5]\n"
	  "plot data index 0 u 1:2 w p lt 1 pt 7 ps 1.6 t 'y = 1', "
	  "'' index 1 u 1:2 w p lt 2 pt 5 ps 1.6 t 'y = 0', "
	  "'' index 2 u 1:2 w l lc rgb '#222222' lw 2 t 'p = 0.5', "
	  "'' index 2 u 1:3 w l lc rgb '#888888' dt 2 t 'p = 0.1', "
	  "'' index 2 u 1:4 w l lc rgb '#888888' dt 3 t 'p = 0.9'\n" },
	{ "mse_vs_bce_loss", mse_vs_bce_loss_data,
	  "set xlabel 'predicted probability p'\nset ylabel 'loss of one sample'\n"
	  "set yrange [0:5]\nset key center top\n"
	  "plot data u 1:2 w l lt 1 t 'BCE, y = 1: −log p', "
	  "'' u 1:3 w l lt 1 dt 2 t 'BCE, y = 0: −log(1 − p)', "
	  "'' u 1:4 w l lt 2 t 'MSE, y = 1: (1 − p)^2', "
	  "'' u 1:5 w l lt 2 dt 2 t 'MSE, y = 0: p^2'\n" },
	{ "mse_vs_bce_grad", mse_vs_bce_grad_data,
	  "set xlabel 'predicted probability p'\n"
	  "set ylabel 'derivative dL/dz with respect to the logit'\n"
	  "set yrange [-1.05:1.05]\nset xzeroaxis lt -1\nset key left top\n"
	  "plot data u 1:2 w l lt 1 t 'BCE, y = 1: p − 1', "
	  "'' u 1:3 w l lt 1 dt 2 t 'BCE, y = 0: p', "
	  "'' u 1:4 w l lt 2 t 'MSE, y = 1: −2p(1 − p)^2', "
	  "'' u 1:5 w l lt 2 dt 2 t 'MSE, y = 0: 2p^2(1 − p)'\n" },
	{ "mse_curvature", mse_curvature_data,
	  "set xlabel 'logit z (label y = 1)'\nset ylabel 'd²L/dz²'\nset xzeroaxis lt -1\n"
	  "plot data u 1:2 w l lt 2 t 'MSE (negative: not convex)', '' u 1:3 w l lt 1 t 'BCE'\n" },
	{ "saturated_start", saturated_start_data,
	  "set logscale xy\nset format y '10^{%T}'\n"
	  "set xlabel 'gradient-descent steps (rate 1, from z = −10, label 1)'\n"
	  "set ylabel 'training loss of each run'\n"
	  "set xrange [1:12000]\nset yrange [1e-5:30]\nset key left bottom\n"
	  "plot data u 1:2 w l t 'BCE run: −log σ(z)', "
	  "'' u 1:3 w l t 'MSE run: (σ(z) − 1)^2'\n" },
	{ "cross_entropy_vs_q", cross_entropy_vs_q_data,
	  "set xlabel 'q_0 (p = (0.3, 0.7))'\nset ylabel 'nats'\nset yrange [0:3]\n"
	  "plot data u 1:2 w l t 'H(p, q)', '' u 1:3 w l t 'H(p)', '' u 1:4 w l t 'KL(p ‖ q)'\n" },
	{ "softmax_temperature", softmax_temperature_data,
	  "set logscale x\nset xlabel 'temperature T (logits 2, 1, 0.1)'\n"
	  "set ylabel 'softmax(z / T)'\nset yrange [0:1.05]\n"
	  "plot data u 1:2 w l t 'class 0 (z_0 = 2)', '' u 1:3 w l t 'class 1 (z_1 = 1)', '' u 1:4 w l t 'class 2 (z_2 = 0.1)'\n" },
	{ "smoothing_floor", smoothing_floor_data,
	  "set xlabel 'margin of the true logit'\nset ylabel 'loss'\nset yrange [0:*]\n"
	  "plot data u 1:2 w l t 'ε = 0', '' u 1:3 w l t 'ε = 0.1', '' u 1:4 w l t 'ε = 0.3'\n" },
	{ "focal_loss", focal_loss_data,
	  "set xlabel 'probability of the true class p_t'\nset ylabel 'loss'\nset yrange [0:5]\n"
	  "plot data u 1:2 w l t 'γ = 0 (BCE)', '' u 1:3 w l t 'γ = 0.5', '' u 1:4 w l t 'γ = 1', "
	  "'' u 1:5 w l t 'γ = 2', '' u 1:6 w l t 'γ = 5'\n" },
	{ "softreg_regions", plots_softreg_regions_data,
	  PLANE_SETUP "set xrange [-1.5:4.5]\nset yrange [-1.5:4.5]\n"
	  "set palette defined (0 '#d6e4f5', 1 '#f6d8d4', 2 '#d5eedf')\n"
	  "set cbrange [0:2]\nunset colorbox\n"
	  "plot data index 0 u 1:2:3 w image notitle, "
	  "'' index 1 u 1:2 w p lt 1 pt 7 ps 1.6 t 'class 0', "
	  "'' index 2 u 1:2 w p lt 2 pt 5 ps 1.6 t 'class 1', "
	  "'' index 3 u 1:2 w p lt 3 pt 9 ps 1.8 t 'class 2'\n" },
	{ "reliability", plots_reliability_data,
	  "set size ratio -1\nset xrange [0.3:1]\nset yrange [0.3:1]\n"
	  "set xlabel 'confidence (largest predicted probability), bin mean'\n"
	  "set ylabel 'accuracy in the bin'\nset key left top\n"
	  "plot x w l lc rgb '#444444' dt 2 t 'calibrated', "
	  "data index 0 u 1:2 w lp lt 2 pt 7 t 'trained on 45 points', "
	  "'' index 1 u 1:2 w lp lt 1 pt 5 t 'the same, temperature-scaled'\n" },
};

const size_t plots_table_len = sizeof(plots_table) / sizeof(plots_table[0]);
