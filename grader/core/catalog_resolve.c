/*
 * catalog_resolve.c - the one place that turns what a student types into an
 * exercise or a function, and suggests names for what it cannot.
 */
#include "catalog.h"

#include <ctype.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* Names longer than this get no suggestions (no name is half as long). */
enum { LONGEST_GUESS = 64 };
/* "01", "1" or "001": at most this many digits. */
enum { NUMBER_DIGITS = 3 };

/* "1", "01": the exercise of that number, or NULL. */
static const struct catalog_exercise *by_number(const char *text)
{
	size_t len = strlen(text);
	int number = 0;

	if (!len || len > NUMBER_DIGITS || strspn(text, "0123456789") != len)
		return NULL;
	for (size_t i = 0; i < len; i++)
		number = number * 10 + (text[i] - '0');
	for (size_t i = 0; i < catalog_count(); i++)
		if (catalog_exercise_at(i)->chapter == number)
			return catalog_exercise_at(i);
	return NULL;
}

const struct catalog_exercise *catalog_find_exercise(const char *text)
{
	for (size_t i = 0; i < catalog_count(); i++) {
		const struct catalog_exercise *e = catalog_exercise_at(i);

		if (!strcmp(text, e->file) || !strcmp(text, e->name))
			return e;
	}
	return by_number(text);
}

int catalog_resolve(const char *text, struct catalog_match *match)
{
	const struct catalog_exercise *exercise = catalog_find_exercise(text);

	match->function = NULL;
	if (!exercise) {
		exercise = catalog_exercise_of(text);
		if (exercise)
			match->function = catalog_find_function(text)->name;
	}
	match->exercise = exercise;
	return exercise ? 0 : -1;
}

/* Edit distance, case-insensitive, a swap of neighbours counting one. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t d[LONGEST_GUESS + 1][LONGEST_GUESS + 1];

	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = tolower((unsigned char)a[i - 1]) !=
				      tolower((unsigned char)b[j - 1]);
			size_t best = d[i - 1][j - 1] + cost;

			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && cost &&
			    tolower((unsigned char)a[i - 1]) ==
			    tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) ==
			    tolower((unsigned char)b[j - 1]) &&
			    d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[la][lb];
}

/* Whether `part` (at least `min` long) starts `name`, or occurs in it. */
static bool contains(const char *name, const char *part, bool at_start)
{
	size_t lp = strlen(part), ln = strlen(name);

	for (size_t at = 0; at + lp <= ln; at++) {
		if (!strncasecmp(name + at, part, lp))
			return true;
		if (at_start)
			break;
	}
	return false;
}

/*
 * How close `text` is to `name`, smaller is closer, or SIZE_MAX when it is
 * not close: a prefix first, then a part of the name, then a few slips
 * (up to a third of the text).
 */
static size_t closeness(const char *text, const char *name)
{
	size_t lt = strlen(text), ln = strlen(name), slips;

	if (lt >= 2 && contains(name, text, true))
		return ln - lt;
	if (lt >= 3 && contains(name, text, false))
		return LONGEST_GUESS + ln - lt;
	slips = distance(text, name);
	if (slips <= (lt / 3 > 1 ? lt / 3 : 1))
		return 2 * LONGEST_GUESS + slips;
	return SIZE_MAX;
}

/* The closest of an exercise's spellings: 02_bce.c, 02_bce, bce.c, bce. */
static size_t exercise_closeness(const char *text,
				 const struct catalog_exercise *exercise)
{
	const char *spellings[] = { exercise->file, exercise->name,
				    exercise->file + 3, exercise->name + 3 };
	size_t best = SIZE_MAX;

	for (size_t i = 0; i < sizeof spellings / sizeof *spellings; i++) {
		size_t c = closeness(text, spellings[i]);

		best = c < best ? c : best;
	}
	return best;
}

/* Inserts name by its closeness into the sorted, bounded list. */
static void consider(const char *name, size_t score,
		     const char *names[CATALOG_MAX_SUGGESTIONS],
		     size_t scores[CATALOG_MAX_SUGGESTIONS], size_t *count)
{
	size_t at = *count;

	if (score == SIZE_MAX)
		return;
	while (at > 0 && scores[at - 1] > score)
		at--;
	if (at == CATALOG_MAX_SUGGESTIONS)
		return;
	if (*count < CATALOG_MAX_SUGGESTIONS)
		(*count)++;
	for (size_t i = *count - 1; i > at; i--) {
		names[i] = names[i - 1];
		scores[i] = scores[i - 1];
	}
	names[at] = name;
	scores[at] = score;
}

size_t catalog_suggest(const char *text,
		       const char *names[CATALOG_MAX_SUGGESTIONS])
{
	size_t scores[CATALOG_MAX_SUGGESTIONS], count = 0;

	if (strlen(text) > LONGEST_GUESS)
		return 0;
	for (size_t i = 0; i < catalog_count(); i++) {
		const struct catalog_exercise *e = catalog_exercise_at(i);

		consider(e->file, exercise_closeness(text, e), names, scores,
			 &count);
		for (const char *const *f = e->functions; *f; f++)
			consider(*f, closeness(text, *f), names, scores,
				 &count);
	}
	return count;
}

void catalog_explain_unknown(const char *text, struct strbuf *out)
{
	const char *slash = strrchr(text, '/');
	const struct catalog_exercise *last =
		catalog_exercise_at(catalog_count() - 1);
	const char *names[CATALOG_MAX_SUGGESTIONS];
	size_t count;

	if (slash && catalog_find_exercise(slash + 1)) {
		strbuf_addf(out, "name the exercise without its folder, "
			    "e.g. %s", catalog_find_exercise(slash + 1)->file);
		return;
	}
	if (strspn(text, "0123456789") == strlen(text) && *text) {
		strbuf_addf(out, "no exercise of that number; the exercises "
			    "are 1 (%s) to %d (%s)", catalog_exercise_at(0)->file,
			    last->chapter, last->file);
		return;
	}
	strbuf_addstr(out, "no exercise or function is named that; ");
	count = catalog_suggest(text, names);
	if (!count) {
		strbuf_addstr(out, "give a file (02_bce.c, 02_bce, 02 or 2) or "
			      "a function (bce_loss)");
		return;
	}
	strbuf_addstr(out, "did you mean ");
	for (size_t i = 0; i < count; i++)
		strbuf_addf(out, "%s%s", names[i],
			    i + 2 < count ? ", " : i + 1 < count ? " or " : "?");
}
