/*
 * session.h - grading one student's folder: every selected exercise file,
 * in parallel workers, into a summary the reports are made from.  The
 * single-folder grader, watch mode, hints, progress and each student of a
 * batch all grade through here.
 */
#ifndef GRADER_SESSION_H
#define GRADER_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "catalog.h"
#include "discover.h"
#include "jobs.h"
#include "resources.h"
#include "summary.h"
#include "workspace.h"

struct session_config {
	const struct resources *resources;
	const char *dir;		/* the student's folder */
	/* What reports call it; NULL: discover_shown_root(dir). */
	const char *shown_dir;
	/* Files seen but not unpacked (unpack.h), one a line; may be NULL. */
	const char *skipped;
	uint64_t seed;
	/* Per exercise (catalog order) a bit per function; 0: not graded. */
	const unsigned *selected;
	unsigned jobs;			/* exercise files graded at once */
	bool hidden;			/* include hidden tests */
	bool seed_chosen;		/* see grade_task */
	const char *cache_dir;		/* see grade_task; may be NULL */
};

struct session {
	struct workspace workspace;
	struct discovery discovery;	/* where the exercise files are */
	char *shown[CATALOG_EXERCISES];	/* their names as reports show them */
	struct strbuf notes;		/* discovery_notes() */
	bool discovered;		/* session_discover() ran */
	struct jobs_item items[CATALOG_EXERCISES];
	size_t count;
	struct summary summary;		/* valid after session_grade */
	double elapsed_seconds;
};

void session_init(struct session *session);
/* Frees the results and removes the scratch folder. */
void session_release(struct session *session);

/*
 * Finds the exercise files (discover.h) into session->discovery and
 * session->notes.  0, or -1 when the folder cannot be read.
 */
int session_discover(struct session *session,
		     const struct session_config *config, struct strbuf *error);

/*
 * Grades the folder (discovering its files first unless session_discover
 * was called) and fills session->summary.  A file the grader itself
 * failed on (RESULTS_FILE_INTERNAL: a worker died, a tool could not
 * start) is graded once more before it counts.  Returns 0, or -1 when the
 * grader itself could not (error says why and what to do); a failing or
 * broken student file is a result, not an error.
 */
int session_grade(struct session *session,
		  const struct session_config *config, struct strbuf *error);

/* Every function of every exercise: a `selected` array for session_config. */
const unsigned *session_select_all(void);

#endif /* GRADER_SESSION_H */
