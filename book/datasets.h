/*
 * datasets.h - the data sets the book trains on, in one place so that a
 * chapter's worked run and the plot drawn from it cannot drift apart
 * (tests/test_book_models.c compares them with the chapters' code).
 */
#ifndef BOOK_DATASETS_H
#define BOOK_DATASETS_H

#include <stddef.h>
#include <stdint.h>

/* Chapter 4, "Gradient descent": eight points, two features, labels 0/1;
 * the run uses rate 0.5 from w = 0, b = 0. */
enum { DATASETS_LOGREG_N = 8, DATASETS_LOGREG_D = 2 };
extern const double datasets_logreg_X[DATASETS_LOGREG_N * DATASETS_LOGREG_D];
extern const double datasets_logreg_y[DATASETS_LOGREG_N];
#define DATASETS_LOGREG_RATE 0.5
#define DATASETS_LOGREG_STEPS 10000

/* Chapter 9, "A training run": fifteen points, two features, three
 * classes; the run uses rate 0.5 from W = 0, b = 0. */
enum { DATASETS_SOFTREG_N = 15, DATASETS_SOFTREG_D = 2,
       DATASETS_SOFTREG_K = 3 };
extern const double datasets_softreg_X[DATASETS_SOFTREG_N * DATASETS_SOFTREG_D];
extern const size_t datasets_softreg_labels[DATASETS_SOFTREG_N];
#define DATASETS_SOFTREG_RATE 0.5
#define DATASETS_SOFTREG_STEPS 5000

/*
 * n samples of three Gaussian classes in the plane (unit variance, means
 * on a triangle, class i % 3), drawn from a fixed generator seeded by
 * seed: the same numbers on every machine.  X has 2n entries.
 */
#define DATASETS_BLOBS_K 3
void datasets_blobs(size_t n, uint64_t seed, double *X, size_t *labels);

/* Chapter 9, "Calibration": the blobs drawn with these seeds and sizes. A
 * model trained on the small set for that many steps is overconfident;
 * the temperature is fitted on the validation set, the reliability
 * diagram drawn on the test set. */
#define DATASETS_CALIB_SMALL 45
#define DATASETS_CALIB_LARGE 300
#define DATASETS_CALIB_VALID 600
#define DATASETS_CALIB_TEST 6000
#define DATASETS_CALIB_SEED_TRAIN 1
#define DATASETS_CALIB_SEED_VALID 2
#define DATASETS_CALIB_SEED_TEST 3
#define DATASETS_CALIB_RATE 0.5
#define DATASETS_CALIB_STEPS 3000
#define DATASETS_CALIB_BINS 10

#endif /* BOOK_DATASETS_H */
