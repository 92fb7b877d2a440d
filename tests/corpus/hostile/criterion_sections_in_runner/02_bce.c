/*
 * 02_bce.c - hostile: the whole file is a stub (answers 0) that registers
 * a Criterion report hook and a fake test the way Criterion itself does,
 * by ELF section.  Linked into the tests' process this scored 212/212; the
 * policy now refuses the sections, and the runner, which has no Criterion,
 * would ignore them anyway.
 */
#include <stddef.h>

#include "workbook.h"

static void rewrite_stats(void *stats)
{
	(void)stats;
}

__attribute__((used, section("cr_pot")))
static void (*const hook)(void *) = rewrite_stats;

__attribute__((used, section("cr_tst")))
static const char fake_test[64] = "forged";

double bce_loss(const double *y, const double *p, size_t n)
{
	(void)y, (void)p, (void)n;
	return 0.0;
}

double bce_with_logits(const double *y, const double *z, size_t n)
{
	(void)y, (void)z, (void)n;
	return 0.0;
}

void bce_with_logits_grad(const double *y, const double *z, size_t n,
			  double *grad)
{
	(void)y, (void)z;
	for (size_t i = 0; i < n; i++)
		grad[i] = 0.0;
}
