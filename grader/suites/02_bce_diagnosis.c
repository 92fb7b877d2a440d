/*
 * 02_bce_diagnosis.c - suite 02_bce, part three: what a wrong bce_loss or
 * bce_with_logits shows (check.h, "diagnoses"): the values of bce_loss's
 * common mistakes, recomputed by the judge with the reference, and the
 * words for NaN, infinities and slips.
 */
#include <float.h>
#include <math.h>

#include "02_bce_helpers.h"

#define STABLE \
	"never form e^z for z > 0 nor log(sigma(z)): use softplus(t) = " \
	"max(t, 0) + log1p(e^-|t|) " ON_LOGITS

#define FROM_LIKELIHOOD "(chapter 2, \"From likelihood to loss\")"
#define HINT_MEAN \
	"divide the sum by n once: the loss is the mean over the samples " \
	FROM_LIKELIHOOD
#define HINT_SIGN \
	"the loss is minus the log-likelihood, -[y log p + (1-y) log(1-p)], " \
	"so it is never negative " FROM_LIKELIHOOD
#define HINT_LOG \
	"use log(), the natural log: the loss is in nats, log 2 = 0.693 at " \
	"p = 0.5 (chapter 2, \"The loss in numbers\")"
#define CLIPPED \
	"use log(p) and log(1 - p) as they are: the exact loss has no " \
	"clipping, -log 0 = +inf and -log(1e-300) = 690.8 " CONVENTIONS

/* The clip bounds libraries use (chapter 2, "Exact conventions"). */
static const double clip_eps[BCE_CLIPS] = { 1e-7, 1e-8, 1e-12, 1e-15,
					     DBL_EPSILON };

/* What bce_loss's common mistakes return on b, worked out by the judge. */
static void bce_mistakes(const struct batch *b, struct bce_diagnosis *m)
{
	double rounded[MAXN], clipped[MAXN];

	for (size_t i = 0; i < b->n; i++)
		rounded[i] = round(b->y[i]);
	m->value[0] = ref_bce_loss(b->x, b->y, b->n);
	m->list[0].advice = (struct wb_advice){
		"y and p swapped: bce_loss(y, p) takes the labels first",
		"the loss is -[y log p + (1-y) log(1-p)]: log of the "
		"predictions p, weighted by the labels y " FROM_LIKELIHOOD };
	m->value[1] = ref_bce_loss(rounded, b->x, b->n);
	m->list[1].advice = (struct wb_advice){
		"treats soft labels as 0 or 1 (rounds y)",
		"labels may be soft, any y in [0, 1]: keep y as it is in "
		"y log p + (1-y) log(1-p) (chapter 2, \"Exercise\")" };
	for (size_t c = 0; c < BCE_CLIPS; c++) {
		for (size_t i = 0; i < b->n; i++)
			clipped[i] = fmin(fmax(b->x[i], clip_eps[c]),
					  1.0 - clip_eps[c]);
		m->value[2 + c] = ref_bce_loss(b->y, clipped, b->n);
		m->list[2 + c].advice = (struct wb_advice){
			"clips p away from 0 and 1", CLIPPED };
	}
	for (size_t k = 0; k < BCE_MISTAKES; k++)
		m->list[k].value = &m->value[k];
}

void bce_diagnose(const struct batch *b, bool probabilities,
		  struct bce_diagnosis *d)
{
	static const struct wb_advice nan_p = {
		"returned NaN: 0 * log 0 (a weight of 0 times -inf)",
		"a term whose weight (y or 1 - y) is 0 adds exactly 0: skip it "
		CONVENTIONS }, nan_z = {
		"returned NaN from an unstable step (e^z overflowed, or "
		"log of a rounded sigma(z))", STABLE }, inf_z = {
		"returned +inf from an unstable step (e^z overflowed, or the "
		"log of a probability rounded to 0 or 1)", STABLE };

	d->d = (struct wb_diagnosis){
		.n = b->n,
		.slip_hint = { [WB_SUM_NOT_MEAN] = HINT_MEAN,
			       [WB_DIVIDED_TWICE] = HINT_MEAN,
			       [WB_SIGN] = HINT_SIGN, [WB_LOG10] = HINT_LOG,
			       [WB_LOG2] = HINT_LOG },
		.nan = probabilities ? nan_p : nan_z,
		.finite = { "finite where the exact loss is +inf (clipped?)",
			    CLIPPED },
	};
	if (!probabilities) {
		d->d.inf = inf_z;
		return;
	}
	bce_mistakes(b, d);
	d->d.mistakes = d->list;
	d->d.mistake_count = BCE_MISTAKES;
}
