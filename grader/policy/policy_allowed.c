/*
 * policy_allowed.c - the symbols an exercise object may reference: what a
 * numerical exercise needs from libm and the C library, as the compiler
 * actually emits it, and nothing that reaches the outside world (files,
 * processes, signals, the environment, the floating-point environment).
 *
 * "As emitted" matters: at -O2 gcc turns printf("x\n") into puts,
 * fprintf(stderr, "x") into fwrite, sin and cos of one angle into sincos,
 * copies and clears into memcpy/memset; _FORTIFY_SOURCE (Ubuntu's default)
 * renames printf to __printf_chk; -fstack-protector (Ubuntu's default)
 * adds __stack_chk_fail; isnan and friends are builtins, but older headers,
 * -O0 or clang may call __isnan, __finite, __fpclassify, __signbit.
 */
#include "policy_internal.h"

#include <string.h>

/* Each also allowed with the suffixes f and l (float, long double). */
static const char *const math[] = {
	"acos", "asin", "atan", "atan2", "cos", "sin", "tan", "sincos",
	"acosh", "asinh", "atanh", "cosh", "sinh", "tanh",
	"exp", "exp2", "exp10", "expm1", "log", "log10", "log1p", "log2",
	"logb", "pow", "sqrt", "cbrt", "hypot", "erf", "erfc", "tgamma",
	"lgamma", "fabs", "ceil", "floor", "round", "lround", "llround",
	"trunc", "rint", "lrint", "llrint", "nearbyint", "fmod", "remainder",
	"remquo", "fmin", "fmax", "fdim", "fma", "frexp", "ldexp", "modf",
	"scalbn", "scalbln", "ilogb", "copysign", "nan", "nextafter",
	"nexttoward",
	/* classification, where the compiler calls instead of inlining */
	"__isnan", "__isinf", "__finite", "__fpclassify", "__signbit",
	"__issignaling", "__iseqsig", "isnan", "isinf", "finite",
	NULL,
};

static const char *const library[] = {
	/* memory */
	"memcpy", "memmove", "memset", "memcmp", "malloc", "calloc",
	"realloc", "free",
	/* printing, for debugging output */
	"printf", "fprintf", "vprintf", "vfprintf", "snprintf", "vsnprintf",
	"puts", "putchar", "fputs", "fputc", "putc", "fwrite", "fflush",
	"stdout", "stderr",
	/* small helpers */
	"abs", "labs", "llabs", "qsort", "strlen", "__errno_location",
	/* emitted by the compiler or by assert() */
	"__stack_chk_fail", "__assert_fail", "__powidf2",
	"_GLOBAL_OFFSET_TABLE_",
	/* the stubs */
	"workbook_todo",
	NULL,
};

static bool in(const char *name, const char *const *list)
{
	for (size_t i = 0; list[i] != NULL; i++)
		if (strcmp(name, list[i]) == 0)
			return true;
	return false;
}

/* exp, expf, expl, __isnanf, ... */
static bool math_function(const char *name)
{
	char base[64];
	size_t n = strlen(name);

	if (in(name, math))
		return true;
	if (n < 2 || n >= sizeof(base) || (name[n - 1] != 'f' &&
					   name[n - 1] != 'l'))
		return false;
	memcpy(base, name, n - 1);
	base[n - 1] = '\0';
	return in(base, math);
}

/* __printf_chk -> printf, __memcpy_chk -> memcpy (_FORTIFY_SOURCE). */
static bool fortified(const char *name)
{
	char base[64];
	size_t n = strlen(name);

	if (n <= 6 || n >= sizeof(base) + 6 || strncmp(name, "__", 2) != 0 ||
	    strcmp(name + n - 4, "_chk") != 0)
		return false;
	memcpy(base, name + 2, n - 6);
	base[n - 6] = '\0';
	return in(base, library);
}

bool policy_reference_allowed(const char *name)
{
	return in(name, library) || math_function(name) || fortified(name);
}

const char *policy_reference_hint(const char *name)
{
	static const char *const ending[] = {
		"exit", "_exit", "_Exit", "quick_exit", "abort", "raise",
		"kill", "longjmp", "siglongjmp", NULL,
	};

	if (in(name, ending))
		return "return a value instead";
	if (strncmp(name, "fe", 2) == 0)
		return "leave the floating-point environment (rounding, "
		       "exceptions) as the tests set it";
	return "use only libm and the C library's memory and printing "
	       "functions";
}
