/*
 * datasets.c - the book's training data (see datasets.h).
 */
#include <math.h>

#include "datasets.h"

/* The same eight points as the example in chapters/04-logreg.md: one
 * negative, (2, 2), sits among the positives, so no line separates the
 * classes and the loss has a finite minimiser. */
const double datasets_logreg_X[DATASETS_LOGREG_N * DATASETS_LOGREG_D] = {
	 1.0,  2.0,    2.0,  1.0,    2.5,  2.5,   -0.5,  1.0,
	-1.0, -1.0,   -2.0,  0.5,    0.5, -1.5,    2.0,  2.0,
};
const double datasets_logreg_y[DATASETS_LOGREG_N] = { 1, 1, 1, 1, 0, 0, 0, 0 };

/* The same fifteen points as the example in chapters/09-softmax-regression.md: five
 * of each class, with one point of class 1 among class 0's and one of
 * class 2 among class 1's, so no three lines carve out the classes. */
const double datasets_softreg_X[DATASETS_SOFTREG_N * DATASETS_SOFTREG_D] = {
	0.0, 0.5,   0.5, 0.0,   1.0, 1.0,  -0.5, 0.5,   0.5, -0.5,
	3.0, 0.5,   3.5, 1.5,   2.5, -0.5,  4.0, 0.0,   0.8, 0.6,
	1.5, 3.0,   2.0, 3.5,   1.0, 2.5,   2.5, 2.5,   3.2, 0.9,
};
const size_t datasets_softreg_labels[DATASETS_SOFTREG_N] = {
	0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2,
};

/* splitmix64 (Steele, Lea and Flood 2014): a tiny generator whose output
 * is fixed by its seed, unlike rand(). */
static uint64_t next(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* Uniform on (0, 1]: never 0, so its logarithm is finite. */
static double uniform(uint64_t *state)
{
	return ((next(state) >> 11) + 1.0) / 9007199254740992.0;
}

void datasets_blobs(size_t n, uint64_t seed, double *X, size_t *labels)
{
	static const double means[DATASETS_BLOBS_K][2] = {
		{ 0.0, 0.0 }, { 2.5, 0.0 }, { 1.25, 2.2 },
	};
	uint64_t state = seed;

	for (size_t i = 0; i < n; i++) {
		/* Box-Muller: two uniforms give two independent normals. */
		double r = sqrt(-2.0 * log(uniform(&state)));
		double angle = 2.0 * M_PI * uniform(&state);
		size_t c = i % DATASETS_BLOBS_K;

		X[2 * i] = means[c][0] + r * cos(angle);
		X[2 * i + 1] = means[c][1] + r * sin(angle);
		labels[i] = c;
	}
}
