/*
 * discover.h - where a submission's exercise files are.  One rule for
 * every way a submission arrives (a folder graded alone, a student of a
 * batch, an archive, a Gradescope upload): an exercise file is a regular
 * file named exactly as in exercises/ (02_bce.c) at any depth up to
 * DISCOVER_MAX_DEPTH folders down; of several copies the shallowest wins,
 * then the first in byte order.  Hidden entries, macOS's __MACOSX and
 * symbolic links are not looked at.  Every other file is skipped with a
 * note, and a misnamed one (bce.c, 02_BCE.c, "02_bce (1).c",
 * 02_bce.c.txt) gets "did you mean 02_bce.c?" once.
 */
#ifndef GRADER_DISCOVER_H
#define GRADER_DISCOVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "util/strbuf.h"

/*
 * Folders below the submission looked into (workbook/exercises/02_bce.c
 * is depth 2), and entries looked at in all: a whole home folder handed
 * in costs a bounded walk.
 */
enum { DISCOVER_MAX_DEPTH = 8, DISCOVER_MAX_ENTRIES = 20000 };
/* Skipped files named in a note; the rest are counted. */
enum { DISCOVER_MAX_NAMED = 8 };

struct discovery {
	/* Per exercise (catalog order): the path below the root, or NULL. */
	char *files[CATALOG_EXERCISES];
	size_t depth[CATALOG_EXERCISES];
	char **copies;			/* further copies, not graded */
	size_t copies_nr, copies_alloc;
	char **others;			/* files that are no exercise file */
	size_t others_nr, others_alloc;
	size_t found;			/* exercise files found */
	bool cut_short;			/* a limit above stopped the walk */
};

void discovery_init(struct discovery *discovery);
void discovery_release(struct discovery *discovery);

/*
 * Looks through root.  Returns 0, or -1 when root cannot be read (error
 * says why, naming it).
 */
int discover_exercises(struct discovery *discovery, const char *root,
		       struct strbuf *error);

/*
 * Records a file that was seen but not kept (an archive entry that was not
 * unpacked), by its path below the root: it gets the notes a file found
 * by the walk would get.
 */
void discovery_add_other(struct discovery *discovery, const char *path);

/* Whether a path's last component is an exercise file's name. */
bool discover_is_exercise_path(const char *path);

/* The exercise file a misnamed file most likely is, or NULL. */
const struct catalog_exercise *discover_guess(const char *path);

/*
 * Appends one line per note (each ending in '\n'): misnamed files ("did
 * you mean"), copies not graded, other files skipped, a walk cut short.
 * Paths are below the root, never absolute.
 */
void discovery_notes(const struct discovery *discovery, struct strbuf *out);

/*
 * The newest modification time of the exercise files found below root
 * (epoch seconds): when the student handed in, for the late policy.
 * false when none was found.
 */
bool discovery_newest_mtime(const struct discovery *discovery,
			    const char *root, int64_t *seconds);

/*
 * What a student's report calls the folder: dir when relative, "" when it
 * is "." or absolute (a path of the grading machine is nothing to show):
 * files are then named relative to it.
 */
const char *discover_shown_root(const char *dir);

#endif /* GRADER_DISCOVER_H */
