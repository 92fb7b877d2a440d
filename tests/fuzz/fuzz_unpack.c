/*
 * fuzz_unpack.c - libFuzzer target for the archive unpacker
 * (grader/util/unpack.c).
 *
 * Each input is written as an archive into a private folder (a workspace
 * under $TMPDIR, removed at exit), unpacked into a fresh folder beside it,
 * checked, and removed.  Checked besides "no crash, no leak, no undefined
 * behaviour": the return value and the message agree, the message is one
 * printable line, nothing but folders and regular files appear, nothing
 * appears outside the destination, and the limits hold (small ones here,
 * so inputs reach them).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "core/workspace.h"
#include "util/unpack.h"

static const struct unpack_limits limits = {
	.max_files = 4,
	.max_entries = 8,
	.max_file_bytes = 4096,
	.max_total_bytes = 6144,
};

static struct workspace workspace;
static char *archive_path, *dest_path;

/* What the destination holds, counted by nftw (which takes no context). */
static size_t files, folders, total_bytes;

static void remove_workspace(void)
{
	workspace_release(&workspace);
}

static void setup(void)
{
	struct strbuf error;

	strbuf_init(&error);
	if (workspace_create(&workspace, &error) != 0) {
		fprintf(stderr, "fuzz_unpack: %s\n", error.buf);
		exit(1);
	}
	atexit(remove_workspace);
	archive_path = xstrfmt("%s/submission.tar.gz", workspace.path);
	dest_path = xstrfmt("%s/dest", workspace.path);
	strbuf_release(&error);
}

static int count_entry(const char *path, const struct stat *st, int type,
		       struct FTW *ftw)
{
	(void)path;
	if (ftw->level == 0)
		return 0; /* the destination itself */
	REQUIRE(type == FTW_F || type == FTW_DP);
	REQUIRE(S_ISREG(st->st_mode) || S_ISDIR(st->st_mode));
	if (S_ISDIR(st->st_mode))
		folders++;
	if (S_ISREG(st->st_mode)) {
		files++;
		REQUIRE((size_t)st->st_size <= limits.max_file_bytes);
		total_bytes += (size_t)st->st_size;
	}
	return 0;
}

/* The workspace holds the archive and the destination, nothing else. */
static void check_workspace(void)
{
	DIR *dir = opendir(workspace.path);
	struct dirent *entry;

	REQUIRE(dir);
	while ((entry = readdir(dir)) != NULL)
		REQUIRE(!strcmp(entry->d_name, ".") ||
			!strcmp(entry->d_name, "..") ||
			!strcmp(entry->d_name, "submission.tar.gz") ||
			!strcmp(entry->d_name, "dest"));
	closedir(dir);
}

static void check_message(int status, const struct strbuf *error)
{
	if (status == 0) {
		REQUIRE(error->len == 0);
		return;
	}
	REQUIRE(status == -1 && error->len > 0);
	REQUIRE(strlen(error->buf) == error->len);
	for (size_t i = 0; i < error->len; i++)
		REQUIRE((unsigned char)error->buf[i] >= 0x20 &&
			error->buf[i] != 0x7f);
}

static void write_archive(const uint8_t *data, size_t size)
{
	int fd = open(archive_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
		      0600);

	REQUIRE(fd >= 0);
	REQUIRE(write(fd, data, size) == (ssize_t)size);
	REQUIRE(close(fd) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf error;
	int status;

	if (!workspace.path)
		setup();
	write_archive(data, size);
	REQUIRE(mkdir(dest_path, 0700) == 0);
	strbuf_init(&error);
	status = unpack_archive(archive_path, dest_path, &limits, &error);
	check_message(status, &error);
	files = folders = total_bytes = 0;
	REQUIRE(nftw(dest_path, count_entry, 16, FTW_DEPTH | FTW_PHYS) == 0);
	REQUIRE(files <= limits.max_files);
	REQUIRE(folders <= limits.max_entries);
	REQUIRE(total_bytes <= limits.max_total_bytes);
	check_workspace();
	workspace_remove_tree(dest_path);
	strbuf_release(&error);
	return 0;
}
