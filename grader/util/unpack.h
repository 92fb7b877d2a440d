/*
 * unpack.h - unpacking a student's archive (.tar.gz, .tgz or .zip) that
 * nobody has looked at: only folders and regular files are written, every
 * path stays below the destination, and the number of files and the bytes
 * actually written are limited, so a hostile archive (absolute paths, `..`,
 * links, devices, a compression bomb) fails with a message instead of
 * touching anything else.
 */
#ifndef GRADER_UNPACK_H
#define GRADER_UNPACK_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

struct unpack_limits {
	size_t max_files;		/* regular files */
	size_t max_entries;		/* entries read, and folders made */
	size_t max_file_bytes;		/* per file, as written */
	size_t max_total_bytes;		/* all files, as written */
	/* Files not unpacked (unpack_archive_wanted): read through, in all. */
	size_t max_skipped_bytes;
};

/* 64 files, 4 MiB each, 16 MiB in all; 1024 entries; 256 MiB skipped. */
extern const struct unpack_limits unpack_default_limits;

/* Whether the name ends in .tar.gz, .tgz or .zip (in any case). */
bool unpack_is_archive(const char *name);
/* The length of name without that extension (its whole length if none). */
size_t unpack_stem_length(const char *name);

/*
 * Unpacks archive into dest, an existing empty folder.  Returns 0, or -1
 * with one line in error naming the archive's entry and what is wrong;
 * dest may then hold part of the archive (the caller removes it).
 */
int unpack_archive(const char *archive, const char *dest,
		   const struct unpack_limits *limits, struct strbuf *error);

/*
 * The same, writing only the regular files whose path `wanted` accepts
 * (the limits of files and bytes count those only).  Every other file is
 * read through (at most max_skipped_bytes in all) and its path, made
 * printable, added to skipped, one a line; folders are made only on the
 * way to a wanted file.  Entries are checked alike either way: a link,
 * a device or a path that climbs out fails the archive.
 */
int unpack_archive_wanted(const char *archive, const char *dest,
			  const struct unpack_limits *limits,
			  bool (*wanted)(const char *path),
			  struct strbuf *skipped, struct strbuf *error);

#endif /* GRADER_UNPACK_H */
