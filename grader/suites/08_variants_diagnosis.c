/*
 * 08_variants_diagnosis.c - suite 08_variants, part three: what a wrong
 * smoothed_cross_entropy or focal_loss shows (check.h, "diagnoses").  The
 * judge makes each mistake the chapter names on purpose, with the
 * reference's pieces, for the loss and for its gradient: the eps/(k - 1)
 * target of other texts, a true class without its eps/k, alpha for every
 * sample (no alpha_t), alpha_t kept for a negative alpha, p_t of a hard
 * label for a soft one, and (1 - p_t)^gamma held constant in the gradient.
 */
#include <float.h>

#include "08_variants_helpers.h"

#define HINT_TARGET \
	"the contract's target is t_j = (1 - eps) [j = c] + eps/k: eps/k to " \
	"every class, the true one included (" SMOOTHING ")"
#define HINT_ALPHA_T \
	"alpha_t = alpha y + (1 - alpha)(1 - y): positives weighted by " \
	"alpha, negatives by 1 - alpha, and alpha_t = 1 when alpha < 0 (" \
	FOCAL ")"

/* Row r's smoothed loss and gradient (added to loss and g) for the
 * target t_c = tc, t_j = tj (j != c), from the reference log-softmax. */
static void smoothed_row(const double *z, size_t k, size_t c, double tc,
			 double tj, size_t n, double *loss, double *g)
{
	double logp[MAXK], total = tc + tj * (double)(k - 1);

	ref_log_softmax(z, k, logp);
	for (size_t j = 0; j < k; j++) {
		double t = j == c ? tc : tj;

		if (t != 0.0)
			*loss -= t * logp[j] / (double)n;
		g[j] = (exp(logp[j]) * total - t) / (double)n;
	}
}

/* Mistake `which` of smoothed_cross_entropy: 0 eps/(k - 1), 1 the true
 * class without its eps/k. */
static void smoothed_made(const struct call *c, int which, double *out)
{
	double eps = c->a, k = (double)c->k;

	out[0] = 0.0;
	for (size_t r = 0; r < c->n; r++)
		smoothed_row(c->z + r * c->k, c->k, c->labels[r], 1.0 - eps,
			     which == 0 ? eps / (k - 1.0) : eps / k, c->n,
			     out, out + 1 + r * c->k);
}

/* alpha_t of sample i as the mistake `which` makes it: 0 alpha for every
 * sample, 1 alpha_t also for a negative alpha. */
static double alpha_made(const struct call *c, size_t i, int which)
{
	double alpha = c->a, y = c->y[i];

	if (which == 0)
		return alpha >= 0.0 ? alpha : 1.0;
	return alpha * y + (1.0 - alpha) * (1.0 - y);
}

/* One sample's unweighted focal loss and gradient from the reference. */
static double focal_one(const struct call *c, size_t i, double *g)
{
	return ref_focal_loss(&c->y[i], &c->z[i], 1, -1.0, c->b, g);
}

static void focal_made(const struct call *c, int which, double *out)
{
	out[0] = 0.0;
	for (size_t i = 0; i < c->n; i++) {
		double g, y = c->y[i], z = c->z[i], at = alpha_made(c, i, 1);
		double p = ref_sigmoid(z), q, ce;

		if (which < 2) {
			double w = alpha_made(c, i, which);

			out[0] += w * focal_one(c, i, &g) / (double)c->n;
			out[1 + i] = w * g / (double)c->n;
			continue;
		}
		if (c->a < 0.0)
			at = 1.0;
		ce = ref_bce_with_logits(&y, &z, 1);
		q = y == 1.0 ? ref_sigmoid(-z) : p;	/* hard-label p_t */
		out[0] += at * pow(q, c->b) * ce / (double)c->n;
		/* the gradient with (1 - p_t)^gamma held constant */
		q = p * (1.0 - y) + ref_sigmoid(-z) * y;
		out[1 + i] = at * pow(q, c->b) * (p - y) / (double)c->n;
	}
}

static const struct wb_advice smoothed_advice[2] = {
	{ "eps/(k - 1) to each wrong class and 1 - eps to the true one, "
	  "not eps/k to every class", HINT_TARGET },
	{ "the true class lacks its eps/k (1 - eps there), so the target "
	  "does not sum to 1", HINT_TARGET },
};

static const struct wb_advice focal_advice[3] = {
	{ "weights every sample by alpha, negatives too: no alpha_t",
	  HINT_ALPHA_T },
	{ "weights by alpha_t although alpha < 0 switches the weighting off",
	  HINT_ALPHA_T },
	{ "p_t of a hard label (p or 1 - p) for a soft one",
	  "p_t = p y + (1 - p)(1 - y), also for a soft label (" FOCAL ")" },
};

#define HINT_CE_ON_LOGIT \
	"compute ce on the logit: max(z, 0) - z y + log1p(e^-|z|) (" FOCAL ")"
#define HINT_FACTOR_CONSTANT \
	"differentiate both factors: (1 - p_t)^gamma depends on z too (" \
	FOCAL_GRAD ")"

#define FUSED "(chapter 7, \"Why softmax and cross-entropy are fused\")"
#define NEVER_LOG_SOFTMAX \
	"never take the log of a softmax: -log p_j = log_sum_exp(z) - z_j, " \
	"from the logits " FUSED

/*
 * Whether the student's smoothed_cross_entropy is right on logits
 * (1000, 999) with eps = 0: there e^z overflows unless the largest logit
 * is subtracted, no probability underflows, and every target the chapter
 * mentions agrees, so a stable code is right and its NaN or inf elsewhere
 * comes from the log of an underflowed probability or a 0/0.
 */
static bool stable_on_huge_logits(void)
{
	const double z[2] = { 1000.0, 999.0 };
	const size_t label[1] = { 0 };
	double got;

	wb_probing = true;
	got = smoothed_cross_entropy(z, label, 1, 2, 0.0, NULL);
	wb_probing = false;
	return wb_close(got, ref_smoothed_cross_entropy(z, label, 1, 2, 0.0,
							NULL),
			loss_tol(z, 2, 2));
}

/*
 * The words for a NaN or an infinity of the loss, from what the judge
 * knows: whether a logit is large enough for e^z to overflow, and whether
 * the student's code is stable where it would (stable_on_huge_logits).
 */
static void nan_words(const struct call *c, struct variants_diagnosis *v)
{
	bool huge = max_abs(c->z, c->n * c->k) > log(DBL_MAX);
	bool stable = !c->focal && huge && stable_on_huge_logits();

	if (!c->focal && c->k == 1 && (!huge || stable))
		v->loss.nan = (struct wb_advice){
			"returned NaN for k = 1: a 0/0, as eps/(k - 1) is with "
			"one class", HINT_TARGET };
	else if (stable)
		v->loss.nan = (struct wb_advice){
			"returned NaN: the log of a probability that "
			"underflowed to 0 (-inf), times a weight of 0",
			NEVER_LOG_SOFTMAX };
	else if (!huge)
		v->loss.nan = (struct wb_advice){
			"returned NaN where no e^z overflows: a 0/0 or inf - "
			"inf in the formula", c->focal ? HINT_CE_ON_LOGIT :
			HINT_TARGET };
	if (stable)
		v->loss.inf = (struct wb_advice){
			"returned +inf: the log of a probability that "
			"underflowed to 0", NEVER_LOG_SOFTMAX };
}

void variants_diagnose(const struct call *c, struct variants_diagnosis *v)
{
	size_t count = c->focal ? VARIANT_MISTAKES : 2;

	for (size_t k = 0; k < VARIANT_MISTAKES; k++) {
		const struct wb_advice *a = c->focal ? &focal_advice[k] :
					    k < 2 ? &smoothed_advice[k] : NULL;

		if (k < count && c->focal)
			focal_made(c, (int)k, v->value[k]);
		else if (k < count && c->k > 1)
			smoothed_made(c, (int)k, v->value[k]);
		else
			a = NULL;
		v->loss_list[k] = (struct wb_mistake){
			a ? *a : (struct wb_advice){ NULL, NULL },
			v->value[k] };
		v->grad_list[k] = (struct wb_mistake){ v->loss_list[k].advice,
						       v->value[k] + 1 };
	}
	/* The third focal mistake's gradient is the constant factor's. */
	if (c->focal)
		v->grad_list[2].advice = (struct wb_advice){
			"(1 - p_t)^gamma treated as a constant: its derivative "
			"is missing", HINT_FACTOR_CONSTANT };
	v->loss = (struct wb_diagnosis){
		.n = c->n,
		.slip_hint = { [WB_SUM_NOT_MEAN] = VARIANT_MEAN,
			       [WB_DIVIDED_TWICE] = VARIANT_MEAN,
			       [WB_SIGN] = VARIANT_SIGN },
		.nan = { "returned NaN from an unstable step: e^z overflowed "
			 "(inf / inf or inf - inf)", MAX_TRICK },
		.inf = { "returned +inf from an unstable step: e^z overflowed, "
			 "or the log of a probability that underflowed to 0",
			 c->focal ? HINT_CE_ON_LOGIT : MAX_TRICK },
		.mistakes = v->loss_list,
		.mistake_count = VARIANT_MISTAKES,
	};
	nan_words(c, v);
	v->grad = v->loss;
	v->grad.inf = (struct wb_advice){ NULL, NULL };
	v->grad.slip_hint[WB_SUM_NOT_MEAN] = VARIANT_GRAD_MEAN;
	v->grad.slip_hint[WB_DIVIDED_TWICE] = VARIANT_GRAD_MEAN;
	v->grad.slip_hint[WB_SIGN] = VARIANT_GRAD_SIGN;
	v->grad.mistakes = v->grad_list;
}
