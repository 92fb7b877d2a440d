/*
 * hints_table.c - finding the hints for a failed test, and listing every
 * exercise's traps.
 */
#include "hints_table.h"

#include <string.h>

#include "array_size.h"
#include "hints_text.h"

/* The exercises' tables and traps, in the manifest's order; each table
 * ends with a { NULL } entry. */
static const struct part {
	const struct hints_entry *hints;
	const struct hints_trap *traps;
} parts[] = {
#define WB_EXERCISE(stem, ...) { hints_##stem, hints_traps_##stem },
#define WB_FUNCTION(...)
#define WB_EXERCISE_END(stem)
#include "curriculum.def"
#undef WB_EXERCISE
#undef WB_FUNCTION
#undef WB_EXERCISE_END
};

static size_t hints_in(const struct part *part)
{
	size_t n = 0;

	while (part->hints[n].function)
		n++;
	return n;
}

static size_t traps_in(const struct part *part)
{
	size_t n = 0;

	while (part->traps[n].mistake)
		n++;
	return n;
}

size_t hints_count(void)
{
	size_t n = 0;

	for (size_t p = 0; p < ARRAY_SIZE(parts); p++)
		n += hints_in(&parts[p]);
	return n;
}

const struct hints_entry *hints_at(size_t index)
{
	for (size_t p = 0; p < ARRAY_SIZE(parts); p++) {
		size_t n = hints_in(&parts[p]);

		if (index < n)
			return &parts[p].hints[index];
		index -= n;
	}
	return NULL;
}

const struct hints_trap *hints_trap_at(size_t index)
{
	for (size_t p = 0; p < ARRAY_SIZE(parts); p++) {
		size_t n = traps_in(&parts[p]);

		if (index < n)
			return &parts[p].traps[index];
		index -= n;
	}
	return NULL;
}

static const struct hints_entry *lookup(const char *function,
					const char *check)
{
	const struct hints_entry *entry;

	for (size_t i = 0; (entry = hints_at(i)); i++)
		if (!strcmp(entry->function, function) &&
		    (check ? entry->check && !strcmp(entry->check, check) :
			     !entry->check))
			return entry;
	return NULL;
}

const struct hints_entry *hints_find(const char *function, const char *check)
{
	const struct hints_entry *entry = check ? lookup(function, check) :
						  NULL;

	return entry ? entry : lookup(function, NULL);
}

size_t hints_length(const struct hints_entry *entry)
{
	size_t n = 0;

	while (entry->hints[n])
		n++;
	return n;
}

/* Appends `hint` unless it is already in out[0..n-1] or out is full. */
static size_t add_once(const char **out, size_t n, const char *hint)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(out[i], hint))
			return n;
	if (n < HINTS_MAX_SEQUENCE)
		out[n++] = hint;
	return n;
}

size_t hints_sequence(const char *function, const char *check,
		      const char *first, const char **out)
{
	const struct hints_entry *own = check ? lookup(function, check) : NULL;
	const struct hints_entry *general = lookup(function, NULL);
	size_t n = 0;

	if (first && *first)
		n = add_once(out, n, first);
	for (size_t i = 0; own && own->hints[i]; i++)
		n = add_once(out, n, own->hints[i]);
	for (size_t i = 0; general && general->hints[i]; i++)
		n = add_once(out, n, general->hints[i]);
	return n;
}
