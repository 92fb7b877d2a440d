/*
 * options_names.c - the options that name exercises (--only, --hint,
 * --resolve), all through catalog_resolve, so a name means the same thing
 * in each of them and in make's rules.
 */
#include <string.h>

#include "options.h"
#include "options_internal.h"

/* Resolves a name given to `option` (catalog_resolve), or says why not. */
static int resolve(const char *option, const char *text,
		   struct catalog_match *match, struct strbuf *error)
{
	if (catalog_resolve(text, match) == 0)
		return 0;
	strbuf_addf(error, "%s%s%s: ", option, *option ? " " : "", text);
	catalog_explain_unknown(text, error);
	return -1;
}

/* --only 02_bce.c, --only 02_bce, --only 02, --only 2, --only bce_loss */
int options_select_only(struct options *options, const char *text,
			struct strbuf *error)
{
	struct catalog_match match;
	const struct catalog_exercise *exercise;
	size_t index;

	if (resolve("--only", text, &match, error))
		return -1;
	if (!options->only_given)
		memset(options->selected, 0, sizeof options->selected);
	options->only_given = true;
	exercise = match.exercise;
	index = (size_t)(exercise - catalog_exercise_at(0));
	for (unsigned i = 0; exercise->functions[i]; i++)
		if (!match.function ||
		    !strcmp(exercise->functions[i], match.function))
			options->selected[index] |= 1u << i;
	return 0;
}

/* --hint NAME: a function, or a file (its first failing function). */
int options_take_hint(struct options *options, const char *text,
		      struct strbuf *error)
{
	struct catalog_match match;

	if (resolve("--hint", text, &match, error))
		return -1;
	options->hint_exercise = match.exercise;
	options->hint = match.function;
	return 0;
}

/* --resolve NAME: its message names NAME alone (make's rules prefix it). */
int options_take_resolve(struct options *options, const char *text,
			 struct strbuf *error)
{
	struct catalog_match match;

	if (resolve("", text, &match, error))
		return -1;
	options->resolved = match.exercise;
	return 0;
}
