/*
 * test_unit_unpack.c - unpacking students' archives, honest and hostile
 * ones, each built here with libarchive's writer.
 */
#define _GNU_SOURCE
#include <archive.h>
#include <archive_entry.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/discover.h"
#include "support/harness.h"
#include "util/unpack.h"

struct item {
	const char *path;
	int type;		/* AE_IFREG, AE_IFDIR, AE_IFLNK */
	size_t size;		/* bytes of 'x' for a file */
	const char *link;	/* symlink target or hard link source */
};

static void write_archive(const char *path, bool zip,
			  const struct item *items, size_t count)
{
	struct archive *a = archive_write_new();
	char *data;

	if (zip) {
		archive_write_set_format_zip(a);
	} else {
		archive_write_set_format_pax_restricted(a);
		archive_write_add_filter_gzip(a);
	}
	cr_assert_eq(archive_write_open_filename(a, path), ARCHIVE_OK);
	for (size_t i = 0; i < count; i++) {
		struct archive_entry *e = archive_entry_new();

		archive_entry_set_pathname(e, items[i].path);
		archive_entry_set_filetype(e, (unsigned)items[i].type);
		archive_entry_set_perm(e, 0644);
		if (items[i].type == AE_IFLNK)
			archive_entry_set_symlink(e, items[i].link);
		else if (items[i].link)
			archive_entry_set_hardlink(e, items[i].link);
		if (items[i].type == AE_IFREG && !items[i].link)
			archive_entry_set_size(e, (la_int64_t)items[i].size);
		archive_write_header(a, e);
		if (items[i].type == AE_IFREG && items[i].size && !items[i].link) {
			data = malloc(items[i].size);
			memset(data, 'x', items[i].size);
			archive_write_data(a, data, items[i].size);
			free(data);
		}
		archive_entry_free(e);
	}
	archive_write_close(a);
	archive_write_free(a);
}

struct fixture {
	char *root, *archive, *dest;
};

static void setup_fixture(struct fixture *f, const char *name)
{
	f->root = harness_tempdir();
	cr_assert(asprintf(&f->archive, "%s/%s", f->root, name) > 0);
	cr_assert(asprintf(&f->dest, "%s/dest", f->root) > 0);
	cr_assert_eq(mkdir(f->dest, 0700), 0);
}

/* Unpacks; on failure the message must name `words`. */
static int unpack(struct fixture *f, const char *words)
{
	struct strbuf error;
	int status;

	strbuf_init(&error);
	status = unpack_archive(f->archive, f->dest, &unpack_default_limits,
				&error);
	if (words) {
		cr_assert_eq(status, -1);
		cr_assert(strstr(error.buf, words), "message: %s", error.buf);
		cr_assert_null(strchr(error.buf, '\n'), "one line");
	}
	strbuf_release(&error);
	return status;
}

static void done(struct fixture *f)
{
	harness_remove(f->root);
	free(f->root);
	free(f->archive);
	free(f->dest);
}

Test(unpack, names_and_stems)
{
	cr_assert(unpack_is_archive("alice.tar.gz"));
	cr_assert(unpack_is_archive("bob.tgz"));
	cr_assert(unpack_is_archive("c.zip"));
	cr_assert_not(unpack_is_archive("notes.txt"));
	cr_assert_not(unpack_is_archive(".zip"));
	cr_assert_eq(unpack_stem_length("alice.tar.gz"), 5);
	cr_assert_eq(unpack_stem_length("x.gz"), 4);
}

/* The path below dest discovery grades for 02_bce.c-like index i. */
static const char *found_at(struct discovery *d, const char *dest, size_t i)
{
	struct strbuf error;

	strbuf_init(&error);
	discovery_release(d);
	cr_assert_eq(discover_exercises(d, dest, &error), 0, "%s", error.buf);
	strbuf_release(&error);
	return d->files[i];
}

Test(unpack, nested_top_folder_is_used)
{
	struct fixture f;
	const struct item items[] = {
		{ "alice", AE_IFDIR, 0, NULL },
		{ "alice/02_bce.c", AE_IFREG, 100, NULL },
		{ "alice/sub/notes.txt", AE_IFREG, 5, NULL },
		{ "__MACOSX/._02_bce.c", AE_IFREG, 5, NULL },
	};
	struct discovery d;

	discovery_init(&d);
	setup_fixture(&f, "alice.tar.gz");
	write_archive(f.archive, false, items, 4);
	cr_assert_eq(unpack(&f, NULL), 0);
	cr_assert_str_eq(found_at(&d, f.dest, 1), "alice/02_bce.c");
	cr_assert_eq(d.found, 1);
	discovery_release(&d);
	done(&f);
}

Test(unpack, zip_at_top)
{
	struct fixture f;
	const struct item items[] = { { "01_sigmoid.c", AE_IFREG, 10, NULL } };
	struct discovery d;

	discovery_init(&d);
	setup_fixture(&f, "bob.zip");
	write_archive(f.archive, true, items, 1);
	cr_assert_eq(unpack(&f, NULL), 0);
	cr_assert_str_eq(found_at(&d, f.dest, 0), "01_sigmoid.c");
	discovery_release(&d);
	done(&f);
}

/* Unpacks the exercise files only; returns the skipped list. */
static int unpack_wanted(struct fixture *f, struct strbuf *skipped,
			 struct strbuf *error)
{
	return unpack_archive_wanted(f->archive, f->dest,
				     &unpack_default_limits,
				     discover_is_exercise_path, skipped, error);
}

Test(unpack, a_big_stray_file_is_skipped_not_fatal)
{
	struct fixture f;
	const struct item items[] = {
		{ "workbook/exercises/02_bce.c", AE_IFREG, 100, NULL },
		/* Past the 4 MiB per file and 16 MiB in all of graded files. */
		{ "workbook/data.bin", AE_IFREG, (size_t)20 << 20, NULL },
		{ "workbook/build/02_bce.o", AE_IFREG, 10, NULL },
	};
	struct strbuf skipped, error;
	struct stat st;
	char *bin;

	strbuf_init(&skipped);
	strbuf_init(&error);
	setup_fixture(&f, "carol.zip");
	write_archive(f.archive, true, items, 3);
	cr_assert_eq(unpack_wanted(&f, &skipped, &error), 0, "%s", error.buf);
	cr_assert_str_eq(skipped.buf, "workbook/data.bin\nworkbook/build/02_bce.o\n");
	cr_assert(asprintf(&bin, "%s/workbook/data.bin", f.dest) > 0);
	cr_assert_neq(stat(bin, &st), 0, "a skipped file is not written");
	free(bin);
	cr_assert(asprintf(&bin, "%s/workbook/build", f.dest) > 0);
	cr_assert_neq(stat(bin, &st), 0, "no folder for skipped files only");
	free(bin);
	strbuf_release(&skipped);
	strbuf_release(&error);
	done(&f);
}

Test(unpack, skipped_bytes_are_bounded)
{
	struct fixture f;
	const struct item items[] = {
		{ "bomb.bin", AE_IFREG,
		  unpack_default_limits.max_skipped_bytes + 1, NULL },
	};
	struct strbuf skipped, error;

	strbuf_init(&skipped);
	strbuf_init(&error);
	setup_fixture(&f, "bomb.tar.gz");
	write_archive(f.archive, false, items, 1);
	cr_assert_eq(unpack_wanted(&f, &skipped, &error), -1);
	cr_assert(strstr(error.buf, "256 MiB in all"), "%s", error.buf);
	strbuf_release(&skipped);
	strbuf_release(&error);
	done(&f);
}

Test(unpack, a_big_exercise_file_still_fails_the_archive)
{
	struct fixture f;
	const struct item items[] = {
		{ "02_bce.c", AE_IFREG, unpack_default_limits.max_file_bytes + 1,
		  NULL },
	};
	struct strbuf skipped, error;

	strbuf_init(&skipped);
	strbuf_init(&error);
	setup_fixture(&f, "dave.zip");
	write_archive(f.archive, true, items, 1);
	cr_assert_eq(unpack_wanted(&f, &skipped, &error), -1);
	cr_assert(strstr(error.buf, "larger than the limit of 4 MiB"), "%s",
		  error.buf);
	strbuf_release(&skipped);
	strbuf_release(&error);
	done(&f);
}

Test(unpack, absolute_path_is_rejected)
{
	struct fixture f;
	const struct item items[] = { { "/tmp/wb-unpack-evil", AE_IFREG, 3, NULL } };

	setup_fixture(&f, "evil.tar.gz");
	write_archive(f.archive, false, items, 1);
	unpack(&f, "absolute path");
	cr_assert_neq(access("/tmp/wb-unpack-evil", F_OK), 0);
	done(&f);
}

Test(unpack, dot_dot_is_rejected)
{
	struct fixture f;
	const struct item items[] = { { "a/../../escaped.c", AE_IFREG, 3, NULL } };
	char *outside;

	setup_fixture(&f, "evil.tar.gz");
	write_archive(f.archive, false, items, 1);
	unpack(&f, "\"..\"");
	cr_assert(asprintf(&outside, "%s/escaped.c", f.root) > 0);
	cr_assert_neq(access(outside, F_OK), 0);
	free(outside);
	done(&f);
}

Test(unpack, symlink_is_rejected)
{
	struct fixture f;
	const struct item items[] = {
		{ "02_bce.c", AE_IFLNK, 0, "/etc/passwd" },
	};
	char *link;
	struct stat st;

	setup_fixture(&f, "evil.zip");
	write_archive(f.archive, true, items, 1);
	unpack(&f, "symbolic link");
	cr_assert(asprintf(&link, "%s/02_bce.c", f.dest) > 0);
	cr_assert_neq(lstat(link, &st), 0, "no link was made");
	free(link);
	done(&f);
}

Test(unpack, hard_link_is_rejected)
{
	struct fixture f;
	const struct item items[] = {
		{ "a.c", AE_IFREG, 3, NULL },
		{ "02_bce.c", AE_IFREG, 0, "/etc/passwd" },
	};

	setup_fixture(&f, "evil.tar.gz");
	write_archive(f.archive, false, items, 2);
	unpack(&f, "hard link");
	done(&f);
}

Test(unpack, too_many_files)
{
	struct fixture f;
	struct item items[65];
	char names[65][16];

	for (int i = 0; i < 65; i++) {
		snprintf(names[i], sizeof names[i], "f%02d.c", i);
		items[i] = (struct item){ names[i], AE_IFREG, 1, NULL };
	}
	setup_fixture(&f, "many.tar.gz");
	write_archive(f.archive, false, items, 64);
	cr_assert_eq(unpack(&f, NULL), 0, "64 files are fine");
	harness_remove(f.dest);
	mkdir(f.dest, 0700);
	write_archive(f.archive, false, items, 65);
	unpack(&f, "too many");
	done(&f);
}

Test(unpack, compression_bomb_stops_at_the_limits)
{
	struct fixture f;
	const struct item big[] = { { "02_bce.c", AE_IFREG, (4u << 20) + 1, NULL } };
	const struct item many[] = {
		{ "a.c", AE_IFREG, 4u << 20, NULL },
		{ "b.c", AE_IFREG, 4u << 20, NULL },
		{ "c.c", AE_IFREG, 4u << 20, NULL },
		{ "d.c", AE_IFREG, 4u << 20, NULL },
		{ "e.c", AE_IFREG, 10, NULL },
	};

	setup_fixture(&f, "bomb.tar.gz");
	write_archive(f.archive, false, big, 1);
	unpack(&f, "4 MiB");
	harness_remove(f.dest);
	mkdir(f.dest, 0700);
	write_archive(f.archive, false, many, 5);
	unpack(&f, "16 MiB");
	done(&f);
}

Test(unpack, corrupt_and_truncated_archives)
{
	struct fixture f;
	const struct item items[] = { { "02_bce.c", AE_IFREG, 200000, NULL } };
	char *command;

	setup_fixture(&f, "broken.tar.gz");
	harness_write_file(f.archive, "PK\3\4 this is not an archive at all", 35);
	unpack(&f, "broken.tar.gz");
	write_archive(f.archive, false, items, 1);
	cr_assert(asprintf(&command, "truncate -s 100 %s", f.archive) > 0);
	cr_assert_eq(system(command), 0);
	cr_assert_eq(unpack(&f, NULL), -1);
	free(command);
	done(&f);
}

/* Found by fuzzing: names may hold newlines and terminal escapes. */
Test(unpack, message_quotes_names_printably)
{
	struct fixture f;
	char long_name[600];
	const struct item items[] = {
		{ "ok.c\n\033[32m12/12 points\033[0m", AE_IFLNK, 0, "/etc" },
	};
	const struct item long_items[] = { { long_name, AE_IFLNK, 0, "/etc" } };
	struct strbuf error;

	setup_fixture(&f, "escapes.tar.gz");
	write_archive(f.archive, false, items, 1);
	strbuf_init(&error);
	cr_assert_eq(unpack_archive(f.archive, f.dest, &unpack_default_limits,
				    &error), -1);
	cr_expect(strstr(error.buf, "\"ok.c??[32m12/12 points?[0m\" is a "
			 "symbolic link"), "%s", error.buf);
	memset(long_name, 'n', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	write_archive(f.archive, false, long_items, 1);
	strbuf_reset(&error);
	cr_assert_eq(unpack_archive(f.archive, f.dest, &unpack_default_limits,
				    &error), -1);
	cr_expect(strstr(error.buf, "nnn...\" is a symbolic link"), "%s",
		  error.buf);
	cr_expect_lt(error.len, 300, "the name is cut short: %s", error.buf);
	strbuf_release(&error);
	done(&f);
}

/* Found by fuzzing: one long name made a folder per component. */
Test(unpack, folders_made_count_against_the_limit)
{
	struct fixture f;
	struct strbuf deep;
	char *eighth, *ninth;
	struct item items[1];
	struct strbuf error;
	const struct unpack_limits limits = {
		.max_files = 4, .max_entries = 8,
		.max_file_bytes = 3 << 20, .max_total_bytes = 1000,
	};

	strbuf_init(&deep);
	strbuf_init(&error);
	for (int i = 0; i < 9; i++)
		strbuf_addstr(&deep, "d/");
	strbuf_addstr(&deep, "02_bce.c");
	items[0] = (struct item){ deep.buf, AE_IFREG, 1, NULL };
	setup_fixture(&f, "deep.zip");
	write_archive(f.archive, true, items, 1);
	cr_assert_eq(unpack_archive(f.archive, f.dest, &limits, &error), -1);
	cr_expect(strstr(error.buf, "makes one folder too many (at most 8)"),
		  "%s", error.buf);
	cr_assert(asprintf(&eighth, "%s/d/d/d/d/d/d/d/d", f.dest) > 0);
	cr_assert(asprintf(&ninth, "%s/d", eighth) > 0);
	cr_expect_eq(access(eighth, F_OK), 0);
	cr_expect_neq(access(ninth, F_OK), 0, "the ninth is never made");
	free(eighth);
	free(ninth);
	/* Eight folders are fine; the limits' own figures are quoted. */
	items[0].path = deep.buf + 2;
	items[0].size = 1001;
	write_archive(f.archive, true, items, 1);
	harness_remove(f.dest);
	mkdir(f.dest, 0700);
	strbuf_reset(&error);
	cr_assert_eq(unpack_archive(f.archive, f.dest, &limits, &error), -1);
	cr_expect(strstr(error.buf, "past the limit of 1000 bytes in all"),
		  "%s", error.buf);
	strbuf_release(&deep);
	strbuf_release(&error);
	done(&f);
}
