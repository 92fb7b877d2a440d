/*
 * corpus_folder.c - materialising a corpus folder (see corpus_folder.h).
 */
#include "corpus_folder.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "corpus_patch.h"
#include "harness.h"

static bool ends_with(const char *text, const char *suffix)
{
	size_t n = strlen(text), m = strlen(suffix);

	return n >= m && !strcmp(text + n - m, suffix);
}

/* Writes dst/NAME, rebuilt from solutions/NAME and folder/NAME.patch. */
static int apply_patch(const char *folder, const char *patch_name,
		       const char *dst, char *error, size_t error_size)
{
	char name[256], path[900], why[300];
	char *solution, *patch = NULL, *base = NULL, *out = NULL;
	int status = -1;

	snprintf(name, sizeof name, "%.*s", (int)(strlen(patch_name) - 6),
		 patch_name);
	snprintf(path, sizeof path, "solutions/%s", name);
	solution = harness_read_file(path);
	snprintf(path, sizeof path, "%s/%s", folder, patch_name);
	if (solution)
		patch = harness_read_file(path);
	if (patch)
		base = corpus_patch_base(solution);
	if (!solution)
		snprintf(error, error_size, "%s: there is no solutions/%s to "
			 "patch; keep the file whole instead", path, name);
	else if (!patch || !base)
		snprintf(error, error_size, "%s: cannot read it", path);
	else if (corpus_patch_apply(base, patch, &out, why, sizeof why))
		snprintf(error, error_size, "%s no longer applies to "
			 "solutions/%s (%s): regenerate it with "
			 "tools/corpus_patch.sh --expand %s, fix %s/%s, then "
			 "tools/corpus_patch.sh %s/%s", path, name, why, path,
			 folder, name, folder, name);
	else
		status = 0;
	if (status == 0) {
		snprintf(path, sizeof path, "%s/%s", dst, name);
		harness_write_file(path, out, strlen(out));
	}
	free(out);
	free(base);
	free(patch);
	free(solution);
	return status;
}

int corpus_folder_copy(const char *folder, const char *dst, char *error,
		       size_t error_size)
{
	DIR *d = opendir(folder);
	struct dirent *e;
	int status = 0;

	if (!d) {
		snprintf(error, error_size, "%s: cannot read the folder", folder);
		return -1;
	}
	while (status == 0 && (e = readdir(d))) {
		char src[800], to[800];
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		if (ends_with(e->d_name, ".patch")) {
			status = apply_patch(folder, e->d_name, dst, error,
					     error_size);
			continue;
		}
		snprintf(src, sizeof src, "%s/%s", folder, e->d_name);
		snprintf(to, sizeof to, "%s/%s", dst, e->d_name);
		if (lstat(src, &st) == 0 && S_ISREG(st.st_mode))
			harness_copy_file(src, to);
	}
	closedir(d);
	return status;
}
