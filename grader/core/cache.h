/*
 * cache.h - a folder of entries keyed by content, shared by every grading
 * of one grader build (and by concurrent grader processes).
 *
 * An entry is a folder CACHE/NAME/ whose NAME is the SipHash of an
 * identity text (what the entry was made from: tools, suites, the
 * student's source bytes), holding the identity itself and the entry's
 * files.  A lookup compares the stored identity byte for byte, so a hash
 * collision can never hand one file's work to another.  An entry is built
 * in a temporary folder and renamed into place whole, so readers see a
 * complete entry or none; anything unreadable or incomplete is a miss, and
 * the next store replaces it.  cache_prune() keeps it to a size.
 */
#ifndef GRADER_CACHE_H
#define GRADER_CACHE_H

#include <stdbool.h>

#include "resources.h"
#include "util/strbuf.h"

/*
 * Creates dir (one level) when missing.  0 when it is a folder owned by
 * this user that nobody else may write to, or -1: do not use it.
 */
int cache_prepare(const char *dir);

/*
 * The default cache of single-folder runs: CACHE beside the grader's own
 * files (build/cache), or NULL when it cannot be used there.  Nothing is
 * written into HOME or TMPDIR.
 */
char *cache_default_dir(const struct resources *resources);

/* Appends "LABEL PATH SIZE MTIME INODE\n" of a file: part of an identity. */
void cache_add_file_identity(struct strbuf *identity, const char *label,
			     const char *path);

/*
 * The entry whose identity is `identity` (malloc'd path of its folder), or
 * NULL when there is none or it is damaged.
 */
char *cache_lookup(const char *dir, const struct strbuf *identity);

/* Reads file `name` of an entry; false when missing. */
bool cache_read(const char *entry, const char *name, struct strbuf *out);

/* Copies file `name` of an entry to `to` (created, mode 0755); 0 or -1. */
int cache_copy_out(const char *entry, const char *name, const char *to);

/* An entry being written; invisible to readers until committed. */
struct cache_writer {
	char *dir;
	char *tmp;		/* the folder being filled, NULL when failed */
	char *name;		/* the final entry's name */
};

/* Starts an entry for `identity`; a writer that failed ignores the rest. */
void cache_writer_init(struct cache_writer *writer, const char *dir,
		       const struct strbuf *identity);
void cache_writer_add(struct cache_writer *writer, const char *name,
		      const void *data, size_t len);
void cache_writer_add_copy(struct cache_writer *writer, const char *name,
			   const char *from);
/*
 * Publishes the entry (replacing a damaged one of the same name) and
 * releases the writer; 0, or -1 when nothing was published.
 */
int cache_writer_commit(struct cache_writer *writer);
/* Drops an unfinished entry. */
void cache_writer_release(struct cache_writer *writer);

/* What cache_prune() did. */
struct cache_prune_result {
	size_t removed;			/* entries */
	unsigned long long freed;	/* bytes of their files */
	unsigned long long kept;	/* bytes of the entries left */
};

/*
 * Removes the least recently used entries (a lookup that hits counts as a
 * use) until the files of those left take at most max_bytes.  Entries
 * being written by a grader now are left alone; one left over from a
 * grader that died (a day old) goes first.  An entry is moved aside
 * whole before it is deleted, so readers see it complete or not at all.
 */
void cache_prune(const char *dir, unsigned long long max_bytes,
		 struct cache_prune_result *result);

#endif /* GRADER_CACHE_H */
