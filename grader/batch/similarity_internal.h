/*
 * similarity_internal.h - what similarity.c finds and similarity_report.c
 * shows.
 */
#ifndef GRADER_SIMILARITY_INTERNAL_H
#define GRADER_SIMILARITY_INTERNAL_H

#include "similarity.h"
#include "similarity_parse.h"
#include "core/catalog.h"
#include "util/strbuf.h"

/* Two students' files of one exercise; a and b index the class's ids. */
struct similarity_pair {
	const struct catalog_exercise *exercise;
	size_t a, b;
	size_t shared;			/* tokens in shared runs */
	size_t tokens_a, tokens_b;	/* of the files, stub lines blanked */
	size_t runs_total;
	/* The longest runs, lines as in the files; a and b as above. */
	struct similarity_run runs[SIMILARITY_RUNS_SHOWN];
	size_t runs_nr;
};

struct similarity_class {
	const char *out;
	char **ids;			/* graded students, gradebook order */
	size_t students;
	size_t compared[CATALOG_EXERCISES];	/* files handed to sim_c */
	struct similarity_pair *pairs;	/* most shared first */
	size_t nr, alloc;
};

/* The pair's share of a file's tokens, in % (0..100). */
unsigned similarity_percent(size_t shared, size_t tokens);

/* The stub's lines (each holding a letter or digit), spaces dropped. */
void similarity_stub_lines(const char *stub, struct strbuf *lines);
/*
 * Appends len bytes of text with each line that is one of lines (spaces
 * aside) left empty, so line numbers stay.
 */
void similarity_blank_stub(const char *text, size_t len, const char *lines,
			   struct strbuf *out);

/*
 * Adds the pairs of sim_c's output of one exercise (file i is student
 * members[i]) and keeps the SIMILARITY_TOP_PAIRS that share the most,
 * most first (sorting output's runs).
 */
void similarity_add_pairs(struct similarity_class *class,
			  const struct catalog_exercise *exercise,
			  const size_t *members,
			  struct similarity_output *output);

/* The report as Markdown and as a standalone HTML page. */
void similarity_report(const struct similarity_class *class,
		       struct strbuf *md, struct strbuf *html);

#endif /* GRADER_SIMILARITY_INTERNAL_H */
