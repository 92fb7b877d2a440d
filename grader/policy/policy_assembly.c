/*
 * policy_assembly.c - the assembly gcc wrote for the student's file
 * (NAME.s, kept by -save-temps=obj): gcc writes "#APP" on a line of its
 * own before the text of every asm statement (and "#NO_APP" after), so an
 * #APP line means inline assembly, whatever spelled it: a keyword the
 * source check missed, a macro, or a header's inline function.  With -g
 * the .loc line before it tells where it came from.
 */
#define _GNU_SOURCE
#include "policy_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* File numbers of .file directives that name the student's file. */
#define MAX_FILE_NUMBERS 64

struct place {
	bool own[MAX_FILE_NUMBERS];	/* .file N names the student's file */
	long file;			/* of the last .loc, -1 before one */
	long line;
};

/* The last quoted name on a .file line ends with the student's file. */
static bool names_file(const char *p, size_t n, const char *file)
{
	const char *end = memrchr(p, '"', n), *start;
	size_t length = strlen(file);

	if (end == NULL)
		return false;
	start = memrchr(p, '"', (size_t)(end - p));
	if (start == NULL || (size_t)(end - start - 1) < length)
		return false;
	return strncmp(end - length, file, length) == 0 &&
	       (end - length == start + 1 || end[-(long)length - 1] == '/');
}

/* ".file 1 "02_bce.c"" and ".loc 1 12 3": what the next lines come from. */
static void follow(struct place *at, const char *p, size_t n,
		   const char *file)
{
	char *end;

	while (n > 0 && (*p == ' ' || *p == '\t'))
		p++, n--;
	if (n > 6 && strncmp(p, ".file", 5) == 0 && (p[5] == ' ' ||
						    p[5] == '\t')) {
		long number = strtol(p + 6, &end, 10);
		if (end != p + 6 && number >= 0 && number < MAX_FILE_NUMBERS)
			at->own[number] = names_file(p, n, file);
	} else if (n > 5 && strncmp(p, ".loc", 4) == 0 &&
		   (p[4] == ' ' || p[4] == '\t')) {
		at->file = strtol(p + 5, &end, 10);
		at->line = strtol(end, NULL, 10);
	}
}

bool policy_assembly_refused(const char *text, const char *file,
			     struct policy_verdict *verdict)
{
	struct place at = { .file = -1 };

	for (const char *p = text; *p != '\0';) {
		size_t n = strcspn(p, "\n");
		if (n >= 4 && strncmp(p, "#APP", 4) == 0 &&
		    strspn(p + 4, " \t") == n - 4) {
			bool own = at.file >= 0 && at.file < MAX_FILE_NUMBERS &&
				   at.own[at.file];
			if (own)
				policy_refuse(verdict, "%s line %ld has inline "
					      "assembly: write the exercise in "
					      "plain C", file, at.line);
			else
				policy_refuse(verdict, "%s has inline assembly "
					      "(from a header's inline "
					      "function or a file-level asm): "
					      "write the exercise in plain C, "
					      "without the function that "
					      "brings it", file);
			return true;
		}
		follow(&at, p, n, file);
		p += n + (p[n] == '\n');
	}
	return false;
}
