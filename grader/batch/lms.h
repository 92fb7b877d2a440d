/*
 * lms.h - the learning management systems the batch reads submissions
 * from (--from) and writes gradebooks for (--export): Canvas, Moodle and
 * Gradescope.  The layouts as understood are documented in
 * docs/instructors.md ("Submissions from an LMS").
 *
 * The parsers here take names and files a student or an LMS controls;
 * they never fail on any input (tests/fuzz/fuzz_lms.c).
 */
#ifndef GRADER_LMS_H
#define GRADER_LMS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

enum lms_kind {
	LMS_NONE,
	LMS_CANVAS,
	LMS_MOODLE,
	LMS_GRADESCOPE,
};

/* "canvas", "moodle", "gradescope" -> the kind; -1 for anything else. */
int lms_kind_parse(const char *text);
const char *lms_kind_name(enum lms_kind kind);

/*
 * A file of Canvas's "Download Submissions":
 * NAME[_LATE]_USERID_ATTACHMENTID_FILE, NAME[_LATE]_USERID_text.html
 * (or _link.html), or with anonymous grading [LATE_]anon_ANONID_...
 * Strings are malloc'd.
 */
struct lms_canvas_name {
	char *login;		/* NAME: Canvas's sortable name, lower case */
	char *user;		/* USERID, or anon_ANONID */
	unsigned long long attachment;	/* 0 for a text or link entry */
	char *file;		/* FILE as the student named it (Canvas's -N cut) */
	bool late;
};

/* 0, or -1 when name is not a Canvas submission file (out untouched). */
int lms_canvas_parse(const char *name, struct lms_canvas_name *out);
void lms_canvas_name_release(struct lms_canvas_name *name);

/*
 * An entry of Moodle's "Download all submissions":
 * FULL NAME_PARTICIPANT_assignsubmission_PLUGIN_ (a folder) or
 * FULL NAME_PARTICIPANT_assignsubmission_PLUGIN_FILE (a file).
 */
struct lms_moodle_name {
	char *full_name;
	char *participant;	/* digits */
	char *plugin;		/* "file", "onlinetext", ... */
	char *file;		/* "" for a folder */
};

int lms_moodle_parse(const char *name, struct lms_moodle_name *out);
void lms_moodle_name_release(struct lms_moodle_name *name);

/*
 * Canvas adds "-N" before the extension of a name it has seen already
 * ("02_bce-1.c", "work-2.tar.gz"); the name without it (malloc'd).
 */
char *lms_canvas_unrepeat(const char *file);

/* One student of a Gradescope submission. */
struct lms_submitter {
	char *name, *sid, *email;	/* "" when absent */
};

struct lms_submission {
	char *folder;			/* submission_123456 */
	char *created_at;		/* when it was handed in, or NULL */
	struct lms_submitter *submitters;
	size_t nr;
};

/* What submission_metadata.yml says, in the file's order. */
struct lms_metadata {
	struct lms_submission *items;
	size_t nr;
};

/* The largest submission_metadata.yml read. */
#define LMS_METADATA_MAX_BYTES ((size_t)64 << 20)

/*
 * Reads the subset of Gradescope's submission_metadata.yml the batch
 * needs: each top-level key (a submission folder) and the :name:, :sid:
 * and :email: of its :submitters: list; everything else is skipped.
 * Never fails: lines it cannot read are ignored.
 */
void lms_metadata_parse(struct lms_metadata *metadata, const char *text,
			size_t len);
void lms_metadata_release(struct lms_metadata *metadata);

#endif /* GRADER_LMS_H */
