/*
 * 08_variants.c - the hints for 08_variants.c (hints_table.h): for each function
 * from the idea to the place where the usual mistake hides, then the
 * checks students fail most; none holds the formula to copy.
 */
#include "hints_text.h"

HINTS_EXERCISE(08_variants) = {
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
	{ NULL, NULL, NULL },
};

HINTS_TRAPS(08_variants) = {
	{ "log of a softmax output in the smoothed loss",
	  8, "Exercise", "Never take the log",
	  "smoothed_cross_entropy", "huge_logits" },
	{ "spreading eps over k - 1 classes instead of k",
	  8, "Label smoothing", "k - 1",
	  "smoothed_cross_entropy", "pytorch_target" },
	{ "`1 - p_t` by subtraction in the focal loss",
	  8, "Exercise", "never by subtraction",
	  "focal_loss", "huge_logits" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
};
