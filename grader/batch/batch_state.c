/*
 * batch_state.c - resume records.
 */
#include "batch_state.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "student_id.h"
#include "core/catalog.h"
#include "core/discover.h"
#include "util/digest.h"

#define STATE_MAGIC "wb-batch-state 2\n"
/*
 * The most of a handed-in file the fingerprint reads (a larger one counts
 * as unreadable: it changes the fingerprint, so the student is graded
 * again and the grader says why), and of a resume record; a record that
 * cannot be read whole is no record, and the student is graded again.
 */
#define STATE_FILE_MAX_BYTES ((size_t)64 << 20)
#define STATE_RECORD_MAX_BYTES ((size_t)1 << 20)

/* The grader build: a rebuilt grader grades everything again. */
static void add_build(struct strbuf *sb)
{
	struct stat st;

	if (stat("/proc/self/exe", &st) == 0)
		strbuf_addf(sb, "build %jd %jd.%09ld\n", (intmax_t)st.st_size,
			    (intmax_t)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	else
		strbuf_addstr(sb, "build unknown\n");
}

static void add_file(struct strbuf *sb, const char *name, const char *path)
{
	struct strbuf content;

	strbuf_init(&content);
	if (strbuf_read_file(&content, path, STATE_FILE_MAX_BYTES)) {
		strbuf_addf(sb, "file %s %zu\n", name, content.len);
		strbuf_add(sb, content.buf, content.len);
	} else {
		strbuf_addf(sb, "unreadable %s\n", name);
	}
	strbuf_release(&content);
}

/* A file of a flat LMS download, with its time (the late policy's). */
static void add_part(struct strbuf *sb, const struct batch_part *part)
{
	struct stat st;

	if (stat(part->path, &st) == 0)
		strbuf_addf(sb, "mtime %jd\n", (intmax_t)st.st_mtim.tv_sec);
	add_file(sb, part->name, part->path);
}

/* The exercise files where the worker will find them (discover.h). */
static void add_folder(struct strbuf *sb, const char *dir)
{
	struct discovery found;
	struct strbuf error;
	struct stat st;

	discovery_init(&found);
	strbuf_init(&error);
	if (discover_exercises(&found, dir, &error) != 0 || !found.found)
		strbuf_addstr(sb, "no exercise files\n");
	for (size_t i = 0; i < catalog_count() && found.found; i++) {
		char *path;

		if (!found.files[i])
			continue;
		path = xstrfmt("%s/%s", dir, found.files[i]);
		/* The time counts for the late policy. */
		if (lstat(path, &st) == 0)
			strbuf_addf(sb, "mtime %jd\n",
				    (intmax_t)st.st_mtim.tv_sec);
		add_file(sb, found.files[i], path);
		free(path);
	}
	/* The notes (misnamed files, ...) are part of the feedback. */
	discovery_notes(&found, sb);
	strbuf_release(&error);
	discovery_release(&found);
}

char *batch_state_fingerprint(const struct batch_entry *entry,
			      enum disclosure_mode disclosure)
{
	static const char keys[2][17] = { "wb-batch-state-a", "wb-batch-state-b" };
	struct digest_key key;
	struct strbuf sb;
	uint64_t a, b;

	strbuf_init(&sb);
	strbuf_addf(&sb, "seed %" PRIu64 "\nhidden 1\ndisclosure %d\n",
		    entry->seed, (int)disclosure);
	add_build(&sb);
	if (entry->submitted.known)
		strbuf_addf(&sb, "submitted %" PRId64 "\n",
			    entry->submitted.seconds);
	for (size_t i = 0; i < entry->nr_parts; i++)
		add_part(&sb, &entry->parts[i]);
	if (entry->nr_parts)
		;	/* the parts are the submission */
	else if (entry->archive)
		add_file(&sb, "archive", entry->path);
	else
		add_folder(&sb, entry->path);
	digest_key_from_text(&key, keys[0], 16);
	a = digest_siphash(&key, sb.buf, sb.len);
	digest_key_from_text(&key, keys[1], 16);
	b = digest_siphash(&key, sb.buf, sb.len);
	strbuf_release(&sb);
	return xstrfmt("%016" PRIx64 "%016" PRIx64, a, b);
}

int batch_state_write(const char *state_dir, const char *id,
		      const char *fingerprint,
		      const struct batch_time *submitted, const char *record)
{
	char *stem = student_id_file_name(id);
	char *path = xstrfmt("%s/%s", state_dir, stem);
	struct strbuf text;
	int status;

	strbuf_init(&text);
	strbuf_addf(&text, STATE_MAGIC "fingerprint %s\n", fingerprint);
	if (submitted->known)
		strbuf_addf(&text, "submitted %" PRId64 "\n",
			    submitted->seconds);
	else
		strbuf_addstr(&text, "submitted -\n");
	strbuf_addstr(&text, record);
	status = strbuf_write_file(&text, path);
	strbuf_release(&text);
	free(path);
	free(stem);
	return status;
}

/* "submitted N\n" or "submitted -\n" at *p, moved past; 0 or -1. */
static int read_submitted(const char **p, struct batch_time *submitted)
{
	const char *text;
	char *end;

	if (strncmp(*p, "submitted ", 10) != 0)
		return -1;
	text = *p + 10;
	submitted->known = false;
	submitted->seconds = 0;
	if (!strncmp(text, "-\n", 2)) {
		*p = text + 2;
		return 0;
	}
	submitted->seconds = strtoll(text, &end, 10);
	if (end == text || *end != '\n')
		return -1;
	submitted->known = true;
	*p = end + 1;
	return 0;
}

int batch_state_read(const char *state_dir, const char *id,
		     const char *fingerprint, struct strbuf *record,
		     struct batch_time *submitted)
{
	char *stem = student_id_file_name(id);
	char *path = xstrfmt("%s/%s", state_dir, stem);
	char *expected = xstrfmt(STATE_MAGIC "fingerprint %s\n", fingerprint);
	struct strbuf text;
	int found = 0;

	strbuf_init(&text);
	if (strbuf_read_file(&text, path, STATE_RECORD_MAX_BYTES) &&
	    !strncmp(text.buf, expected, strlen(expected))) {
		const char *rest = text.buf + strlen(expected);

		if (read_submitted(&rest, submitted) == 0) {
			strbuf_reset(record);
			strbuf_addstr(record, rest);
			found = 1;
		}
	}
	strbuf_release(&text);
	free(expected);
	free(path);
	free(stem);
	return found;
}
