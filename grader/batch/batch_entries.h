/*
 * batch_entries.h - the students of a batch: every entry of the folder
 * SUBMISSIONS but hidden ones (a folder or a .tar.gz/.tgz/.zip archive
 * is graded; any other file gets a row saying why not), the roster's
 * students with no entry, their ids and seeds, sorted by id in byte
 * order, and the slice of one shard.
 */
#ifndef GRADER_BATCH_ENTRIES_H
#define GRADER_BATCH_ENTRIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "util/strbuf.h"

/* A file of an LMS entry (Canvas, flat Moodle) and its handed-in name. */
struct batch_part {
	char *path;
	char *name;
};

/* A submission time, in seconds since the epoch, when known. */
struct batch_time {
	bool known;
	int64_t seconds;
};

struct batch_entry {
	char *id;		/* the name without its archive extension */
	char *path;		/* SUBMISSIONS/name; NULL for a missing one */
	bool archive;
	/*
	 * Files graded as one folder holding them under their names (path
	 * is then the first of them): a student of a flat LMS download.
	 */
	struct batch_part *parts;
	size_t nr_parts;
	/* From the roster or the LMS layout; NULL when unknown. */
	char *name, *email;
	char *lms_id;		/* Canvas user id, Moodle participant, SID */
	/* Whose seed: NULL for the email, else the id (batch_entry_seed_key) */
	char *seed_key;
	bool late;		/* the LMS marked the submission late */
	/*
	 * NULL: to be graded; else "duplicate", "unsupported-archive",
	 * "loose-file", "empty", "unreadable" or "missing", with problem
	 * saying what was found and what was expected.
	 */
	const char *status;
	char *problem;
	bool off_roster;	/* a roster was given and lacks the id */
	uint64_t seed;
	/*
	 * When the student handed in (for the late policy, adjust.h): an LMS
	 * layout that records it sets it here; otherwise the worker takes
	 * the newest modification time of the graded files.
	 */
	struct batch_time submitted;
};

struct batch_entries {
	struct batch_entry *items;
	size_t nr, alloc;
};

void batch_entries_init(struct batch_entries *entries);
void batch_entries_release(struct batch_entries *entries);

/*
 * Lists dir, skipping (with a notice on stderr) hidden entries and the
 * output folder (skip_dev/skip_ino).  Call batch_entries_sort() next.  Returns 0, or -1 with one line
 * in error when dir cannot be read.
 */
int batch_entries_list(struct batch_entries *entries, const char *dir,
		       dev_t skip_dev, ino_t skip_ino, struct strbuf *error);

/* Adds an entry with that id (everything else empty). */
struct batch_entry *batch_entries_push(struct batch_entries *entries,
				       const char *id);

/* Adds the entry of dir/name as a plain batch does (or skips it). */
void batch_entries_consider(struct batch_entries *entries, const char *dir,
			    const char *name, dev_t skip_dev, ino_t skip_ino);

/* Adds a part to an entry. */
void batch_entry_add_part(struct batch_entry *entry, const char *path,
			  const char *name);

/*
 * The text the seed is derived from (with the course secret): the
 * entry's seed_key if set, else its email when known, else its id.
 * build/grader --student takes the same text.
 */
const char *batch_entry_seed_key(const struct batch_entry *entry);

/* Adds a roster student with no entry: status "missing". */
struct batch_entry *batch_entries_add_missing(struct batch_entries *entries,
					      const char *id);

/* Sorts by id and marks duplicates (one entry left per id). */
void batch_entries_sort(struct batch_entries *entries);

/* Keeps the K-th (1-based) of N slices: position % N == K - 1. */
void batch_entries_shard(struct batch_entries *entries, unsigned k,
			 unsigned n);

/* Gives every entry its seed from the course secret. */
void batch_entries_seed(struct batch_entries *entries, const char *secret,
			size_t secret_len);

#endif /* GRADER_BATCH_ENTRIES_H */
