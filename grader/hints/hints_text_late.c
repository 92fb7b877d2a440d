/*
 * hints_text_late.c - hints for chapters 5 to 9 (MSE, information theory,
 * softmax, label smoothing and focal loss, softmax regression).
 */
#include "hints_text.h"

const struct hints_entry hints_text_late[] = {
	/* ---- 05_mse.c ---------------------------------------------------- */
	{ "mse_sigmoid_loss", NULL, HINTS(
	  "The squared distance between the predicted probability and the label, averaged over samples - chapter 5, \"The MSE gradient vanishes\"",
	  "No 1/2 factor in this contract, and the mean, not the sum - chapter 5, \"The MSE gradient vanishes\"",
	  "Each sample costs at most 1, however wrong the logit: compute the probability safely and the bound follows - chapter 5, \"Bounded versus unbounded\"") },
	{ "mse_sigmoid_loss", "bounded", HINTS(
	  "At z = 1e6 the probability is 0 or 1, so the loss is at most 1; NaN means the sigmoid overflowed - chapter 1, \"Computing the sigmoid safely\"") },

	{ "mse_sigmoid_grad", NULL, HINTS(
	  "Differentiate (sigma(z) - y)^2 with respect to z: the outer function is the square, the inner one the sigmoid, whose derivative comes in - chapter 5, \"The MSE gradient vanishes\"",
	  "Compare with BCE's gradient: here a factor remains that goes to 0 when the sigmoid saturates - chapter 5, \"The MSE gradient vanishes\"",
	  "Don't forget the 2 from the square and the 1/n from the mean - chapter 5, \"The MSE gradient vanishes\"") },
	{ "mse_sigmoid_grad", "saturated", HINTS(
	  "For huge logits the gradient is tiny but finite; NaN or inf means an exp overflowed in the sigmoid or its derivative - chapter 1, \"Computing the sigmoid safely\"",
	  "The saturated start is exactly where this gradient dies out; make it die out without NaN - chapter 5, \"Training from a saturated start\"") },

	{ "mse_sigmoid_grad", "tails", HINTS(
	  "In the tail s rounds to exactly 1, so s (1 - s) and s - 1 are 0 although the true values are tiny; the exercise gives a form for each that never subtracts from 1 - chapter 5, \"Exercise\"") },

	{ "mse_sigmoid_curvature", NULL, HINTS(
	  "This is the derivative of the gradient you wrote in mse_sigmoid_grad (for one sample, without 1/n) - chapter 5, \"MSE is not convex in the logit\"",
	  "Differentiate the product 2 (s - y) s' term by term, and write s'' in terms of s as well - chapter 1, \"The derivative of the sigmoid\"",
	  "Check your formula against finite differences of the gradient before trusting it - chapter 3, \"Gradient checking\"") },
	{ "mse_sigmoid_curvature", "sign_pattern", HINTS(
	  "The curvature turns negative on the wrong side of the decision: for y = 1 below z = -log 2 - chapter 5, \"MSE is not convex in the logit\"",
	  "If the sign is off everywhere, look at the derivative of s' (the second derivative of the sigmoid) - chapter 1, \"The derivative of the sigmoid\"") },
	{ "mse_sigmoid_curvature", "saturated", HINTS(
	  "For z = 1e6 every term tends to 0; compute s and 1 - s safely so no inf * 0 appears - chapter 1, \"Computing the sigmoid safely\"") },

	/* ---- 06_information.c -------------------------------------------- */
	{ "entropy", NULL, HINTS(
	  "Entropy is the expected surprise -log p_i, weighted by p_i - chapter 6, \"Entropy\"",
	  "A fair coin has entropy log 2 and a certain outcome has 0: check both by hand - chapter 6, \"Entropy\"",
	  "Outcomes with p_i = 0 contribute nothing: 0 log 0 is 0 by convention, not NaN - chapter 2, \"Exact conventions: 0 log 0 and infinity\"") },
	{ "entropy", "zeros", HINTS(
	  "0 * log(0) is 0 * -inf = NaN in C; skip terms with p_i = 0 - chapter 2, \"Exact conventions: 0 log 0 and infinity\"") },

	{ "cross_entropy", NULL, HINTS(
	  "Cross-entropy weights the surprise under q by the probabilities p - chapter 6, \"Cross-entropy\"",
	  "It equals the entropy of p plus the KL divergence; with q = p it is the entropy - chapter 6, \"KL divergence and the decomposition\"",
	  "Terms with p_i = 0 vanish; a p_i > 0 with q_i = 0 makes it +inf - chapter 2, \"Exact conventions: 0 log 0 and infinity\"") },
	{ "cross_entropy", "impossible_outcome", HINTS(
	  "An outcome that happens (p_i > 0) but was given probability 0 costs infinitely much; p_i = q_i = 0 costs nothing - chapter 2, \"Exact conventions: 0 log 0 and infinity\"") },
	{ "cross_entropy", "tiny_probabilities", HINTS(
	  "q_i = 1e-300 is a valid probability; an epsilon or a clip changes its log - chapter 2, \"Exact conventions: 0 log 0 and infinity\"") },

	{ "kl_divergence", NULL, HINTS(
	  "KL measures the extra surprise of using q when the truth is p - chapter 6, \"KL divergence and the decomposition\"",
	  "It is never negative and is 0 exactly when q = p - chapter 6, \"Gibbs' inequality\"",
	  "The same conventions as cross-entropy: p_i = 0 terms vanish, p_i > 0 with q_i = 0 gives +inf - chapter 2, \"Exact conventions: 0 log 0 and infinity\"") },
	{ "kl_divergence", "asymmetry", HINTS(
	  "KL(p || q) and KL(q || p) differ: which argument weights the sum? - chapter 6, \"Asymmetry\"",
	  "With p = (1, 0), the zero of p kills its term; with q = (1, 0) as second argument, a positive p_i meets q_i = 0 - chapter 6, \"Asymmetry\"") },
	{ "kl_divergence", "tiny_q", HINTS(
	  "p_i / q_i overflows to inf once q_i is tiny (1e-310 is a subnormal number), although the log of the ratio is about 713: take the difference of the logs - chapter 6, \"Exercise\"") },
	{ "kl_divergence", "gibbs", HINTS(
	  "For q = p the result must be exactly 0: computing log p_i - log q_i of equal numbers gives exactly 0 - chapter 6, \"Gibbs' inequality\"") },

	/* ---- 07_softmax.c ------------------------------------------------ */
	{ "softmax", NULL, HINTS(
	  "Softmax exponentiates and normalises so the outputs are positive and sum to 1 - chapter 7, \"Softmax\"",
	  "exp(1000) is inf; softmax does not change when you add the same constant to every logit - chapter 7, \"Overflow and the log-sum-exp trick\"",
	  "Choose the constant so the largest exponent is exp(0) - chapter 7, \"Overflow and the log-sum-exp trick\"") },
	{ "softmax", "large_logits", HINTS(
	  "Logits of 1000 overflow exp; shift them first - chapter 7, \"Overflow and the log-sum-exp trick\"") },
	{ "softmax", "huge_logits", HINTS(
	  "With 1e6 and -1e6 in one row, only the shift by the maximum keeps every exponent <= 0 - chapter 7, \"Overflow and the log-sum-exp trick\"") },

	{ "log_sum_exp", NULL, HINTS(
	  "log(sum exp z_i) overflows inside for z of 1000 although the answer is about 1000 - chapter 7, \"Overflow and the log-sum-exp trick\"",
	  "Factor exp(m) out of the sum, for a well chosen m, and take its log outside - chapter 7, \"Overflow and the log-sum-exp trick\"",
	  "The maximum is the m that makes every remaining exponent <= 0 - chapter 7, \"Overflow and the log-sum-exp trick\"") },
	{ "log_sum_exp", "two_thousands", HINTS(
	  "For (1000, 1000) the answer is 1000 + log 2, and for (-1000, -1000) it is -1000 + log 2: both need the shift, the second against underflow - chapter 7, \"Overflow and the log-sum-exp trick\"") },

	{ "log_softmax", NULL, HINTS(
	  "log softmax(z)_i is z_i minus the log of the normaliser - chapter 7, \"Why softmax and cross-entropy are fused\"",
	  "Taking log of softmax's output loses everything where softmax underflows to 0 - chapter 7, \"Why softmax and cross-entropy are fused\"",
	  "You need a stable log-sum-exp here; this file may define helpers as static - chapter 7, \"Overflow and the log-sum-exp trick\"") },
	{ "log_softmax", "underflow", HINTS(
	  "For (0, -1000) the answer is (0, -1000) up to a tiny term; log(exp(-1000)) would give -inf - chapter 7, \"Why softmax and cross-entropy are fused\"") },

	{ "softmax_cross_entropy", NULL, HINTS(
	  "With a one-hot label, the cross-entropy of a row is minus the log-probability of its true class - chapter 7, \"One-hot labels\"",
	  "Compute that log-probability directly from the logits, not through softmax then log - chapter 7, \"Why softmax and cross-entropy are fused\"",
	  "The gradient per row is softmax minus the one-hot vector, divided by n for the mean - chapter 7, \"The gradient: softmax minus one-hot\"") },
	{ "softmax_cross_entropy", "null_grad", HINTS(
	  "grad may be NULL: then compute only the loss and write nothing at all - chapter 7, \"The gradient: softmax minus one-hot\"") },
	{ "softmax_cross_entropy", "huge_logits", HINTS(
	  "With logits of 1e6, both the loss and the gradient need the max-shift - chapter 7, \"Overflow and the log-sum-exp trick\"") },

	/* ---- 08_variants.c ----------------------------------------------- */
	{ "smoothed_cross_entropy", NULL, HINTS(
	  "The target is no longer one-hot: some probability is spread over every class - chapter 8, \"Label smoothing\"",
	  "The loss is cross-entropy against that target, computed with a stable log-softmax - chapter 8, \"What smoothing does\"",
	  "The gradient is still softmax minus the target, over n - chapter 7, \"The gradient: softmax minus one-hot\"") },
	{ "smoothed_cross_entropy", "pytorch_target", HINTS(
	  "eps/k goes to every class, the true one included, so the true class gets (1 - eps) + eps/k - chapter 8, \"Label smoothing\"",
	  "Dividing eps by k - 1 is the other convention; the contract follows PyTorch - chapter 8, \"Label smoothing\"") },
	{ "smoothed_cross_entropy", "null_grad", HINTS(
	  "grad may be NULL: then compute only the loss and write nothing at all - chapter 8, \"Label smoothing\"") },

	{ "focal_loss", NULL, HINTS(
	  "Focal loss is BCE on logits times a factor that shrinks the loss of well-classified samples - chapter 8, \"Focal loss\"",
	  "p_t is the probability given to the true label; the factor is (1 - p_t)^gamma - chapter 8, \"Focal loss\"",
	  "alpha >= 0 weights positives by alpha and negatives by 1 - alpha; alpha < 0 means no weighting - chapter 8, \"Focal loss\"",
	  "The gradient has two parts by the product rule: the BCE gradient times the factor, and the factor's own derivative times BCE - chapter 8, \"The focal gradient\"") },
	{ "focal_loss", "modulating_factor_gradient", HINTS(
	  "With gamma > 0 the factor (1 - p_t)^gamma depends on z too; its derivative must enter the gradient - chapter 8, \"The focal gradient\"",
	  "Check against gamma = 0, where the gradient must be BCE's, and against finite differences - chapter 3, \"Gradient checking\"") },
	{ "focal_loss", "alpha_and_soft_labels", HINTS(
	  "Soft labels y in (0, 1) enter p_t and alpha_t linearly; don't branch on y == 1 - chapter 8, \"Focal loss\"") },
	{ "focal_loss", "huge_logits", HINTS(
	  "Use the stable BCE on logits and a safe sigmoid; 1 - p_t must not be computed as 1 minus a rounded 1 - chapter 2, \"The loss on logits\"") },
	{ "focal_loss", "null_grad", HINTS(
	  "grad may be NULL: then compute only the loss and write nothing at all - chapter 8, \"Focal loss\"") },

	/* ---- 09_softmax_regression.c ------------------------------------- */
	{ "softmax_regression_loss_grad", NULL, HINTS(
	  "Each sample gets k logits, z_ic = sum_j x_ij W[j*k + c] + b_c, and the loss is chapter 7's mean cross-entropy on them - chapter 9, \"The model\"",
	  "The gradient with respect to the logits is (P - Y) / n; the chain rule through z = x W + b gives W and b from there - chapter 9, \"The gradient, step by step\"",
	  "grad_W[j*k + c] sums x_ij (p_ic - y_ic) over the samples, grad_b[c] sums p_ic - y_ic; both carry the 1/n of the mean - chapter 9, \"The gradient, step by step\"",
	  "Zero both gradients before adding to them, and subtract the one-hot only at each row's true class - chapter 7, \"The gradient: softmax minus one-hot\"") },
	{ "softmax_regression_loss_grad", "gradients", HINTS(
	  "Compare your gradient with a numerical one, as chapter 3 taught: a factor, a sign or a missing term at the true class will stand out - chapter 3, \"Gradient checking\"",
	  "Each row of P - Y sums to 0, so each row of grad_W and grad_b sums to 0 across the classes: check yours - chapter 9, \"The gradient, step by step\"") },
	{ "softmax_regression_loss_grad", "huge_logits", HINTS(
	  "Subtract each row's largest logit before exponentiating, and take the loss as log-sum-exp minus the true logit, never log of a softmax - chapter 7, \"Overflow and the log-sum-exp trick\"") },

	{ "softmax_regression_fit", NULL, HINTS(
	  "Each step moves every entry of W and b against its gradient, by lr times it - chapter 9, \"A training run\"",
	  "Start from the W and b you are given, not from zero - chapter 9, \"A training run\"",
	  "Compute grad_W and grad_b first (in their own buffers), then update: W and b from the same gradient - chapter 4, \"Gradient descent\"") },
	{ "softmax_regression_fit", "simultaneous_update", HINTS(
	  "If b is updated with a gradient computed after W changed, the step is not gradient descent - chapter 4, \"Gradient descent\"") },
	{ "softmax_regression_fit", "zero_steps", HINTS(
	  "steps = 0 means no update at all; steps = 1 means exactly one - chapter 9, \"A training run\"") },
	{ NULL, NULL, NULL },
};
