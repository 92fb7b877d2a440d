/*
 * reference.h - the reference solutions under their ref_ names.
 *
 * The solutions are compiled with -Dsigmoid=ref_sigmoid (and so on for every
 * contract function, see solutions/solutions.mk), so they can be linked beside
 * a student's file that defines the contract names.  __typeof__ gives each
 * ref_ function the contract's own type, so no signature is written twice.
 */
#ifndef WB_REFERENCE_H
#define WB_REFERENCE_H

#include "workbook.h"

extern __typeof__(sigmoid) ref_sigmoid;
extern __typeof__(sigmoid_grad) ref_sigmoid_grad;
extern __typeof__(bce_loss) ref_bce_loss;
extern __typeof__(bce_with_logits) ref_bce_with_logits;
extern __typeof__(bce_with_logits_grad) ref_bce_with_logits_grad;
extern __typeof__(numerical_gradient) ref_numerical_gradient;
extern __typeof__(relative_error) ref_relative_error;
extern __typeof__(logreg_loss_grad) ref_logreg_loss_grad;
extern __typeof__(logreg_fit) ref_logreg_fit;
extern __typeof__(mse_sigmoid_loss) ref_mse_sigmoid_loss;
extern __typeof__(mse_sigmoid_grad) ref_mse_sigmoid_grad;
extern __typeof__(mse_sigmoid_curvature) ref_mse_sigmoid_curvature;
extern __typeof__(entropy) ref_entropy;
extern __typeof__(cross_entropy) ref_cross_entropy;
extern __typeof__(kl_divergence) ref_kl_divergence;
extern __typeof__(softmax) ref_softmax;
extern __typeof__(log_sum_exp) ref_log_sum_exp;
extern __typeof__(log_softmax) ref_log_softmax;
extern __typeof__(softmax_cross_entropy) ref_softmax_cross_entropy;
extern __typeof__(smoothed_cross_entropy) ref_smoothed_cross_entropy;
extern __typeof__(focal_loss) ref_focal_loss;
extern __typeof__(softmax_regression_loss_grad)
	ref_softmax_regression_loss_grad;
extern __typeof__(softmax_regression_fit) ref_softmax_regression_fit;

#endif /* WB_REFERENCE_H */
