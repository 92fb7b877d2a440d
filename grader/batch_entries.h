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

#include "strbuf.h"

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

/* Adds a roster student with no entry: status "missing". */
void batch_entries_add_missing(struct batch_entries *entries, const char *id);

/* Sorts by id and marks duplicates (one entry left per id). */
void batch_entries_sort(struct batch_entries *entries);

/* Keeps the K-th (1-based) of N slices: position % N == K - 1. */
void batch_entries_shard(struct batch_entries *entries, unsigned k,
			 unsigned n);

/* Gives every entry its seed from the course secret. */
void batch_entries_seed(struct batch_entries *entries, const char *secret,
			size_t secret_len);

#endif /* GRADER_BATCH_ENTRIES_H */
