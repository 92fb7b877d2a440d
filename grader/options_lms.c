/*
 * options_lms.c - --from, --export and --assignment: which LMS a batch
 * reads its submissions from and writes a gradebook for.
 */
#include "options.h"
#include "options_internal.h"

#include <string.h>

static const char kinds[] = "canvas, moodle or gradescope";

static int take_kind(const char *option, const char *value,
		     enum lms_kind *kind, struct strbuf *error)
{
	int parsed = lms_kind_parse(value);

	if (parsed < 0) {
		strbuf_addf(error, "%s %s: give %s, e.g. %s canvas", option,
			    value, kinds, option);
		return -1;
	}
	*kind = (enum lms_kind)parsed;
	return 0;
}

int options_take_from(struct options *options, const char *value,
		      struct strbuf *error)
{
	return take_kind("--from", value, &options->from, error);
}

int options_take_assignment(struct options *options, const char *value,
			    struct strbuf *error)
{
	if (!*value) {
		strbuf_addstr(error, "--assignment needs a name, e.g. "
			      "--assignment \"Workbook (1234)\"");
		return -1;
	}
	options->assignment = value;
	return 0;
}

int options_take_export(struct options *options, int argc, char **argv,
			int *i, struct strbuf *error)
{
	const char *arg = argv[*i], *kind = NULL, *file;
	int needed = 2;

	if (!strncmp(arg, "--export=", 9)) {
		kind = arg + 9;
		needed = 1;
	}
	if (*i + needed >= argc) {
		strbuf_addf(error, "--export needs an LMS (%s) and a file, "
			    "e.g. --export canvas canvas.csv", kinds);
		return -1;
	}
	if (!kind)
		kind = argv[++*i];
	file = argv[++*i];
	if (options->export_file) {
		strbuf_addstr(error, "--export given twice; run the batch "
			      "again with the other --export (it resumes)");
		return -1;
	}
	if (take_kind("--export", kind, &options->export_kind, error))
		return -1;
	if (!*file) {
		strbuf_addf(error, "--export %s needs a file name, e.g. "
			    "--export %s %s.csv", kind, kind, kind);
		return -1;
	}
	options->export_file = file;
	return 0;
}

int options_check_lms(const struct options *options, struct strbuf *error)
{
	const char *given = options->from ? "--from" :
			    options->export_file ? "--export" :
			    options->assignment ? "--assignment" : NULL;

	if (options->export_file && options->shard_count > 1) {
		strbuf_addstr(error, "--export writes the whole class's "
			      "gradebook, --shard a slice of it; after --merge, "
			      "run the batch once more without --shard and "
			      "with --export (every student resumes)");
		return -1;
	}
	if (!given || options->mode == OPTIONS_BATCH)
		return 0;
	strbuf_addf(error, "%s only applies to --batch, e.g. --batch "
		    "submissions --from canvas --export canvas canvas.csv",
		    given);
	return -1;
}
