/*
 * 05_mse_helpers.h - what the three parts of suite 05_mse share (05_mse.c:
 * mse_sigmoid_loss; 05_mse_grad.c: mse_sigmoid_grad; 05_mse_curvature.c:
 * mse_sigmoid_curvature): sizes, chapter sections, the tolerance of finite
 * differences, random labels, the random-values rounds and how an input
 * is described.
 */
#ifndef WB_SUITE_MSE_HELPERS_H
#define WB_SUITE_MSE_HELPERS_H

#include <stdio.h>
#include <string.h>

#include "check.h"

#pragma weak mse_sigmoid_loss
#pragma weak mse_sigmoid_grad
#pragma weak mse_sigmoid_curvature

enum { MAXN = 12 };

/* Central differences with h ~ 6e-6 max(|z|, 1) are good to ~1e-10 on
 * these O(1) functions; a chain-rule error is off by a factor. */
static const struct wb_tol FD_TOL = { 1e-7, 1e-5 };

#define VANISH "chapter 5, \"The MSE gradient vanishes\""
#define CONVEX "chapter 5, \"MSE is not convex in the logit\""
#define BOUNDED "chapter 5, \"Bounded versus unbounded\""
#define EXERCISE "chapter 5, \"Exercise\""

static inline const char *describe_yz(char *buf, size_t size,
				      const double *y, const double *z,
				      size_t n)
{
	char a[256], b[256];

	snprintf(buf, size, "y = %s, z = %s, n = %zu",
		 wb_format_vector(a, sizeof a, y, n),
		 wb_format_vector(b, sizeof b, z, n), n);
	return buf;
}

/* Random labels: hard 0/1 for most samples, soft in (0, 1) for some. */
static inline void random_labels(struct wb_rng *rng, double *y, size_t n)
{
	for (size_t i = 0; i < n; i++)
		y[i] = wb_rng_index(rng, 3) ? (double)wb_rng_index(rng, 2) :
					      wb_rng_uniform(rng, 0.0, 1.0);
}

/* A check of n labels y and logits z: false once it recorded a failure. */
typedef bool yz_check(const double *y, const double *z, size_t n,
		      const char *hint);

/* 20 random label and logit vectors of 1 to MAXN samples, logits in
 * [-limit, limit), each checked by check until the first failure. */
static inline void check_random_yz(yz_check *check, double limit,
				   const char *hint)
{
	struct wb_rng rng;
	double y[MAXN], z[MAXN];

	wb_rng_init(&rng);
	for (int round = 0; round < 20; round++) {
		size_t n = 1 + wb_rng_index(&rng, MAXN);

		random_labels(&rng, y, n);
		wb_rng_fill(&rng, z, n, -limit, limit);
		if (!check(y, z, n, hint))
			return;
	}
}

/*
 * MAXN random labels and logits for the "inputs unchanged" tests, with
 * copies (y0, z0) to compare against after the call.
 */
static inline void random_inputs_with_copies(double *y, double *z,
					     double *y0, double *z0)
{
	struct wb_rng rng;

	wb_rng_init(&rng);
	random_labels(&rng, y, MAXN);
	wb_rng_fill(&rng, z, MAXN, -5.0, 5.0);
	memcpy(y0, y, MAXN * sizeof *y);
	memcpy(z0, z, MAXN * sizeof *z);
}

/* ---- diagnoses (05_mse_diagnosis.c) ---------------------------------- */

/* mse_sigmoid_loss on n samples: the slips and NaN its checks name. */
void mse_loss_diagnosis(size_t n, struct wb_diagnosis *d);

/* got is 2 (s - y) / n: the gradient without the factor sigma'(z). */
bool mse_grad_lacks_sigma_prime(const double *y, const double *z, size_t n,
				const double *got);

enum { MSE_CURVATURE_MISTAKES = 3 };

/* mse_sigmoid_curvature at (y, z): the mistakes' values and the slips. */
struct mse_curvature {
	struct wb_diagnosis d;
	double value[MSE_CURVATURE_MISTAKES];
	struct wb_mistake list[MSE_CURVATURE_MISTAKES];
};

void mse_curvature_diagnosis(double y, double z, struct mse_curvature *c);

#endif /* WB_SUITE_MSE_HELPERS_H */
