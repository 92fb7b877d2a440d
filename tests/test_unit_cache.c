/*
 * test_unit_cache.c - the content-keyed cache: hits only on identical
 * identities, entries published whole, damaged entries ignored and
 * replaced, concurrent writers, a folder of someone else's refused.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/cache.h"
#include "core/workspace.h"

static char *fresh_dir(void)
{
	char *dir = xstrdup("/tmp/wb-cache-test-XXXXXX");

	cr_assert(mkdtemp(dir), "mkdtemp");
	return dir;
}

static void identity_of(struct strbuf *identity, const char *source)
{
	strbuf_init(identity);
	strbuf_addstr(identity, "test 1\n");
	strbuf_addstr(identity, source);
}

static void store(const char *dir, const char *source, const char *payload)
{
	struct strbuf identity;
	struct cache_writer writer;

	identity_of(&identity, source);
	cache_writer_init(&writer, dir, &identity);
	cache_writer_add(&writer, "payload", payload, strlen(payload));
	cr_assert_eq(cache_writer_commit(&writer), 0);
	strbuf_release(&identity);
}

/* The payload stored for source, or NULL on a miss (malloc'd). */
static char *fetch(const char *dir, const char *source)
{
	struct strbuf identity, payload;
	char *entry, *found = NULL;

	identity_of(&identity, source);
	strbuf_init(&payload);
	entry = cache_lookup(dir, &identity);
	if (entry && cache_read(entry, "payload", &payload))
		found = strbuf_detach(&payload);
	free(entry);
	strbuf_release(&identity);
	strbuf_release(&payload);
	return found;
}

static size_t count_entries(const char *dir)
{
	char *command = xstrfmt("ls -A %s | wc -l", dir);
	FILE *ls = popen(command, "r");
	size_t n = 0;

	cr_assert(ls);
	cr_assert_eq(fscanf(ls, "%zu", &n), 1);
	pclose(ls);
	free(command);
	return n;
}

Test(cache, hit_only_for_the_same_bytes)
{
	char *dir = fresh_dir(), *got;

	cr_assert_null(fetch(dir, "int f(void) { return 1; }\n"));
	store(dir, "int f(void) { return 1; }\n", "binary one");
	got = fetch(dir, "int f(void) { return 1; }\n");
	cr_assert_str_eq(got, "binary one");
	free(got);
	cr_assert_null(fetch(dir, "int f(void) { return 2; }\n"));
	cr_assert_null(fetch(dir, "int f(void) { return 1; }"));
	/* No temporary folder is left behind. */
	cr_assert_eq(count_entries(dir), 1);
	workspace_remove_tree(dir);
	free(dir);
}

Test(cache, a_colliding_name_with_other_bytes_is_a_miss)
{
	char *dir = fresh_dir(), *entry, *identity_path;
	struct strbuf identity;
	FILE *f;

	store(dir, "source A\n", "A's binary");
	identity_of(&identity, "source A\n");
	entry = cache_lookup(dir, &identity);
	cr_assert(entry);
	/* Forge a collision: same entry name, someone else's bytes. */
	identity_path = xstrfmt("%s/identity", entry);
	f = fopen(identity_path, "w");
	cr_assert(f);
	fputs("test 1\nsource B\n", f);
	fclose(f);
	cr_assert_null(fetch(dir, "source A\n"));
	free(identity_path);
	free(entry);
	strbuf_release(&identity);
	workspace_remove_tree(dir);
	free(dir);
}

/* An entry's payload removed, or rewritten in place under its old name. */
static void remove_payload(const char *payload)
{
	cr_assert_eq(unlink(payload), 0);
}

static void scribble_payload(const char *payload)
{
	FILE *f;

	remove_payload(payload);
	cr_assert(f = fopen(payload, "w"));
	fputs("scribbled", f);
	fclose(f);
}

/* Damages a stored entry; the next lookup misses, the next store mends it. */
static void check_damage_is_mended(void (*damage)(const char *payload))
{
	char *dir = fresh_dir(), *entry, *payload, *got;
	struct strbuf identity;

	store(dir, "source\n", "first");
	identity_of(&identity, "source\n");
	entry = cache_lookup(dir, &identity);
	cr_assert(entry);
	payload = xstrfmt("%s/payload", entry);
	damage(payload);
	if (damage == remove_payload)
		cr_assert_null(fetch(dir, "source\n"));
	store(dir, "source\n", "second");
	got = fetch(dir, "source\n");
	cr_assert_str_eq(got, "second");
	free(got);
	cr_assert_eq(count_entries(dir), 1);
	free(payload);
	free(entry);
	strbuf_release(&identity);
	workspace_remove_tree(dir);
	free(dir);
}

Test(cache, a_damaged_entry_is_replaced)
{
	check_damage_is_mended(remove_payload);
}

/* A file damaged in place keeps its name: the next store still replaces it. */
Test(cache, an_entry_damaged_in_place_is_replaced)
{
	check_damage_is_mended(scribble_payload);
}

Test(cache, a_failed_writer_publishes_nothing)
{
	char *dir = fresh_dir();
	struct strbuf identity;
	struct cache_writer writer;

	identity_of(&identity, "source\n");
	cache_writer_init(&writer, dir, &identity);
	cache_writer_add(&writer, "payload", "x", 1);
	cache_writer_add_copy(&writer, "binary", "/nonexistent/binary");
	cr_assert_eq(cache_writer_commit(&writer), -1);
	cr_assert_null(fetch(dir, "source\n"));
	cr_assert_eq(count_entries(dir), 0);
	strbuf_release(&identity);
	workspace_remove_tree(dir);
	free(dir);
}

Test(cache, concurrent_writers_leave_one_whole_entry)
{
	char *dir = fresh_dir(), *got;
	pid_t pids[8];
	int status;

	for (int i = 0; i < 8; i++) {
		pids[i] = fork();
		cr_assert(pids[i] >= 0);
		if (pids[i] == 0) {
			for (int r = 0; r < 20; r++)
				store(dir, "shared stub\n", "the same binary");
			_exit(0);
		}
	}
	for (int i = 0; i < 8; i++) {
		cr_assert_eq(waitpid(pids[i], &status, 0), pids[i]);
		cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	got = fetch(dir, "shared stub\n");
	cr_assert_str_eq(got, "the same binary");
	free(got);
	cr_assert_eq(count_entries(dir), 1);
	workspace_remove_tree(dir);
	free(dir);
}

Test(cache, copy_out_makes_a_runnable_private_copy)
{
	char *dir = fresh_dir(), *to = xstrfmt("%s/copy", dir);
	struct strbuf identity, text;
	struct cache_writer writer;
	struct stat st;
	char *entry;

	identity_of(&identity, "source\n");
	cache_writer_init(&writer, dir, &identity);
	cache_writer_add(&writer, "binary", "#!/bin/sh\n", 10);
	cr_assert_eq(cache_writer_commit(&writer), 0);
	entry = cache_lookup(dir, &identity);
	cr_assert(entry);
	cr_assert_eq(cache_copy_out(entry, "binary", to), 0);
	cr_assert_eq(stat(to, &st), 0);
	cr_assert(st.st_mode & S_IXUSR);
	strbuf_init(&text);
	cr_assert(strbuf_read_file(&text, to, 100));
	cr_assert_str_eq(text.buf, "#!/bin/sh\n");
	cr_assert_eq(cache_copy_out(entry, "missing", to), -1);
	strbuf_release(&text);
	strbuf_release(&identity);
	free(entry);
	free(to);
	workspace_remove_tree(dir);
	free(dir);
}

Test(cache, prepare_refuses_a_folder_others_can_write)
{
	char *dir = fresh_dir(), *sub = xstrfmt("%s/cache", dir);

	cr_assert_eq(cache_prepare(sub), 0);
	cr_assert_eq(cache_prepare(sub), 0);
	cr_assert_eq(chmod(sub, 0777), 0);
	cr_assert_eq(cache_prepare(sub), -1);
	cr_assert_eq(cache_prepare("/nonexistent/a/b"), -1);
	free(sub);
	workspace_remove_tree(dir);
	free(dir);
}

Test(cache, file_identity_changes_with_the_file)
{
	char *dir = fresh_dir(), *file = xstrfmt("%s/f", dir);
	struct strbuf a, b;
	FILE *f = fopen(file, "w");

	cr_assert(f);
	fputs("one", f);
	fclose(f);
	strbuf_init(&a);
	strbuf_init(&b);
	cache_add_file_identity(&a, "suite", file);
	f = fopen(file, "a");
	fputs("two", f);
	fclose(f);
	cache_add_file_identity(&b, "suite", file);
	cr_assert_str_neq(a.buf, b.buf);
	strbuf_reset(&a);
	cache_add_file_identity(&a, "suite", "/nonexistent");
	cr_assert(strstr(a.buf, "missing"));
	strbuf_release(&a);
	strbuf_release(&b);
	free(file);
	workspace_remove_tree(dir);
	free(dir);
}
