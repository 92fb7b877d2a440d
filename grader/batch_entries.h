/*
 * batch_entries.h - the students of a batch: the entries of the folder
 * SUBMISSIONS (a folder or a .tar.gz/.tgz/.zip archive each), their ids
 * and seeds, sorted by id in byte order, and the slice of one shard.
 */
#ifndef GRADER_BATCH_ENTRIES_H
#define GRADER_BATCH_ENTRIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "strbuf.h"

struct batch_entry {
	char *id;		/* the name without its archive extension */
	char *path;		/* SUBMISSIONS/name */
	bool archive;
	/* NULL: to be graded; else "bad-name" or "duplicate". */
	const char *status;
	uint64_t seed;
};

struct batch_entries {
	struct batch_entry *items;
	size_t nr, alloc;
};

void batch_entries_init(struct batch_entries *entries);
void batch_entries_release(struct batch_entries *entries);

/* Only [A-Za-z0-9._@+-], not starting with '.', not empty. */
bool batch_entries_safe_id(const char *id);

/*
 * Lists dir, skipping (with a notice on stderr) what is not a student and
 * the output folder (skip_dev/skip_ino), sorts by id and marks bad names
 * and duplicates (one entry left per id).  Returns 0, or -1 with one line
 * in error when dir cannot be read.
 */
int batch_entries_list(struct batch_entries *entries, const char *dir,
		       dev_t skip_dev, ino_t skip_ino, struct strbuf *error);

/* Keeps the K-th (1-based) of N slices: position % N == K - 1. */
void batch_entries_shard(struct batch_entries *entries, unsigned k,
			 unsigned n);

/* Gives every entry with a safe id its seed from the course secret. */
void batch_entries_seed(struct batch_entries *entries, const char *secret,
			size_t secret_len);

#endif /* GRADER_BATCH_ENTRIES_H */
