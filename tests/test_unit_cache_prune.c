/*
 * test_unit_cache_prune.c - cache_prune(): the least recently used
 * entries go until the rest fit the cap, a lookup counts as a use, and a
 * writer's folder at work is left alone.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/cache.h"
#include "support/harness.h"

enum { PAYLOAD = 1000 };

static void identity_of(struct strbuf *identity, int n)
{
	strbuf_init(identity);
	strbuf_addf(identity, "prune test %d\n", n);
}

/* Entry n with PAYLOAD bytes, last used `age` seconds ago. */
static void store(const char *dir, int n, int age)
{
	char payload[PAYLOAD];
	struct strbuf identity;
	struct cache_writer writer;
	struct timespec times[2];
	char *entry;

	memset(payload, 'x', sizeof payload);
	identity_of(&identity, n);
	cache_writer_init(&writer, dir, &identity);
	cache_writer_add(&writer, "payload", payload, sizeof payload);
	cr_assert_eq(cache_writer_commit(&writer), 0);
	entry = cache_lookup(dir, &identity);
	cr_assert_not_null(entry);
	clock_gettime(CLOCK_REALTIME, &times[0]);
	times[0].tv_sec -= age;
	times[1] = times[0];
	cr_assert_eq(utimensat(AT_FDCWD, entry, times, 0), 0);
	free(entry);
	strbuf_release(&identity);
}

static bool present(const char *dir, int n)
{
	struct strbuf identity;
	char *entry;

	identity_of(&identity, n);
	/* Looking touches the entry: only ask at the end of a test. */
	entry = cache_lookup(dir, &identity);
	strbuf_release(&identity);
	free(entry);
	return entry != NULL;
}

/* The bytes of one entry: its identity and payload. */
static unsigned long long entry_size(int n)
{
	struct strbuf identity;
	unsigned long long size;

	identity_of(&identity, n);
	size = identity.len + PAYLOAD;
	strbuf_release(&identity);
	return size;
}

Test(cache_prune, oldest_go_until_the_rest_fit)
{
	char *dir = harness_tempdir();
	struct cache_prune_result result;
	unsigned long long one = entry_size(0);

	for (int n = 0; n < 6; n++)
		store(dir, n, 1000 - 100 * n);	/* entry 0 the oldest */
	cache_prune(dir, 6 * one, &result);
	cr_assert_eq(result.removed, 0, "all fit: none removed");
	cr_assert_eq(result.kept, 6 * one);

	cache_prune(dir, 3 * one + one / 2, &result);
	cr_assert_eq(result.removed, 3);
	cr_assert_eq(result.freed, 3 * one);
	cr_assert_eq(result.kept, 3 * one);
	cr_assert_leq(result.kept, 3 * one + one / 2, "the cap holds");
	for (int n = 0; n < 3; n++)
		cr_assert(!present(dir, n), "entry %d is among the oldest", n);
	for (int n = 3; n < 6; n++)
		cr_assert(present(dir, n), "entry %d is recent", n);
	harness_remove(dir);
	free(dir);
}

Test(cache_prune, a_lookup_keeps_an_entry)
{
	char *dir = harness_tempdir();
	struct cache_prune_result result;
	struct strbuf identity;
	char *entry;

	store(dir, 0, 500);
	store(dir, 1, 400);
	store(dir, 2, 300);
	identity_of(&identity, 0);
	entry = cache_lookup(dir, &identity);	/* the oldest, used now */
	cr_assert_not_null(entry);
	free(entry);
	strbuf_release(&identity);
	cache_prune(dir, 2 * entry_size(0), &result);
	cr_assert_eq(result.removed, 1);
	cr_assert(present(dir, 0), "used just now");
	cr_assert(!present(dir, 1), "the least recently used goes");
	cr_assert(present(dir, 2));
	harness_remove(dir);
	free(dir);
}

Test(cache_prune, writers_at_work_are_left_alone)
{
	char *dir = harness_tempdir(), *busy, *file;
	struct cache_prune_result result;

	store(dir, 0, 100);
	cr_assert(asprintf(&busy, "%s/tmp-0123456789abcdef-XXXXXX", dir) > 0);
	cr_assert_not_null(mkdtemp(busy));
	cr_assert(asprintf(&file, "%s/payload", busy) > 0);
	harness_write_file(file, "partial", 7);
	cache_prune(dir, 0, &result);
	cr_assert_eq(result.removed, 1, "only the entry");
	cr_assert_eq(result.kept, 0);
	cr_assert_eq(access(file, F_OK), 0, "a writer's folder stays");
	cr_assert(!present(dir, 0));
	free(file);
	free(busy);
	harness_remove(dir);
	free(dir);
}
