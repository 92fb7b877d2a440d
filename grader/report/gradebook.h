/*
 * gradebook.h - the class's gradebook as CSV (RFC 4180 quoting, "\n" line
 * ends): `student`, a column per exercise in catalog order (`01_sigmoid`,
 * ...), then `total,max,seed,status,adjustment,late_days,late_penalty,
 * final` (new columns only ever appended); one row per student sorted by
 * id in byte order, and the merge of shard
 * gradebooks (gradebook.shard-K-of-N.csv) into one.
 */
#ifndef GRADER_GRADEBOOK_H
#define GRADER_GRADEBOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/catalog.h"
#include "util/strbuf.h"

/* The largest gradebook the class reports read: a row is under 1 KiB. */
#define GRADEBOOK_READ_MIB 256
#define GRADEBOOK_READ_BYTES ((size_t)GRADEBOOK_READ_MIB << 20)

/* One student.  Strings are borrowed. */
struct gradebook_row {
	const char *student;
	bool graded;			/* points and max are known */
	size_t points[CATALOG_EXERCISES];	/* catalog order */
	size_t total, max;
	uint64_t seed;			/* 0: none (a bad name) */
	const char *status;		/* ok, bad-archive, bad-name, ... */
	/*
	 * The adjustments file's outcome (adjust.h), in hundredths of a
	 * point, set when the gradebook is written; a record (resume, cache)
	 * never holds one.  Not adjusted: adjustment and late penalty 0,
	 * final the total.
	 */
	bool adjusted;
	int64_t adjustment, late_penalty, final;
	int64_t late_days;		/* -1: no late policy, or no time */
};

/* The fields of one CSV record, unquoted (malloc'd). */
struct gradebook_fields {
	char **items;
	size_t nr, alloc;
};

void gradebook_fields_init(struct gradebook_fields *fields);
void gradebook_fields_release(struct gradebook_fields *fields);

/* Appends a field, quoted when it holds a comma, quote, CR or LF. */
void gradebook_add_field(struct strbuf *out, const char *text);
/* The header line (with its line end). */
void gradebook_header(struct strbuf *out);
/* A row as one record (with its line end). */
void gradebook_format_row(const struct gradebook_row *row,
			  struct strbuf *out);

/*
 * Parses the record at *cursor into fields (emptied first) and moves the
 * cursor past it.  Returns 1, 0 at the end of the text, or -1 when a
 * quoted field is not closed.
 */
int gradebook_parse_record(const char **cursor,
			   struct gradebook_fields *fields);

/*
 * Reads a row back from the fields of a record (strings point into
 * fields).  Returns 0, or -1 when the record is not a gradebook row.
 */
int gradebook_row_parse(const struct gradebook_fields *fields,
			struct gradebook_row *row);

/* "DIR/gradebook.csv" or "DIR/gradebook.shard-K-of-N.csv" (malloc'd). */
char *gradebook_path(const char *dir, unsigned shard_index,
		     unsigned shard_count);
/*
 * Appends the whole gradebook of the batch in folder out (one shard) to
 * text; -1 when it cannot, with error saying why and what to do.
 */
int gradebook_read(const char *out, struct strbuf *text,
		   struct strbuf *error);

/*
 * Where an unfinished (interrupted) batch writes what it has:
 * "DIR/gradebook.partial.csv" or "DIR/gradebook.shard-K-of-N.partial.csv"
 * (malloc'd); --merge never reads it.
 */
char *gradebook_partial_path(const char *dir, unsigned shard_index,
			     unsigned shard_count);

/*
 * Combines every DIR/gradebook.shard-K-of-N.csv into DIR/gradebook.csv.
 * All N shards must be there, with this grader's header and no student
 * twice.  On success says on out what it wrote; returns 0, or -1 with one
 * line in error.
 */
int gradebook_merge(const char *dir, struct strbuf *out,
		    struct strbuf *error);

#endif /* GRADER_GRADEBOOK_H */
