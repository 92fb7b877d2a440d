/*
 * plots_models.h - the plots of trained models (chapters 4 and 9): their
 * data come from the same runs as the chapters' tables (datasets.h).
 */
#ifndef BOOK_PLOTS_MODELS_H
#define BOOK_PLOTS_MODELS_H

#include <stdio.h>

/* Chapter 4's eight points and the line where its trained model says 1/2
 * (and where it says 0.1 and 0.9). */
void plots_logreg_boundary_data(FILE *out);

/* Chapter 9's fifteen points over the classes its trained model picks. */
void plots_softreg_regions_data(FILE *out);

/* Reliability diagram of chapter 9's overconfident model, before and
 * after temperature scaling. */
void plots_reliability_data(FILE *out);

/* The region drawn for both models' planes: x and y in [min, max]. */
#define PLOTS_PLANE_MIN (-2.5)
#define PLOTS_PLANE_MAX 4.5
#define PLOTS_PLANE_STEPS 140

#endif /* BOOK_PLOTS_MODELS_H */
