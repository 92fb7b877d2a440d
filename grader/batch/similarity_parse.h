/*
 * similarity_parse.h - reading what sim_c -n writes (similarity.h).  Its
 * input is the students' files, so its output is untrusted text: every
 * line is checked against the two forms the grader asks for, and anything
 * else is ignored and counted.
 *
 *   File s00003.c: 462 tokens, 223 lines
 *   s00003.c: line 40-223        |s00007.c: line 38-219        [462]
 *
 * Files are the grader's own names, "s" and SIMILARITY_NAME_DIGITS digits
 * of an index below the number of files compared.  Reading takes time
 * linear in the text.
 */
#ifndef GRADER_SIMILARITY_PARSE_H
#define GRADER_SIMILARITY_PARSE_H

#include <stddef.h>

/* The file names given to sim_c: "s%05zu.c". */
#define SIMILARITY_NAME_FORMAT "s%05zu.c"
enum { SIMILARITY_NAME_DIGITS = 5 };
/* The most files one run compares (what the names can number). */
enum { SIMILARITY_MAX_FILES = 99999 };
/* Larger counts of lines or tokens are no honest report. */
enum { SIMILARITY_MAX_COUNT = 100000000 };

/* A shared run: lines of file a and of file b (1-based, inclusive). */
struct similarity_run {
	size_t a, b;			/* indices, a != b */
	size_t a_first, a_last, b_first, b_last;
	size_t tokens;
};

struct similarity_output {
	size_t files;			/* indices are below this */
	size_t *tokens;			/* per file; 0 when not reported */
	struct similarity_run *runs;
	size_t nr, alloc;
	size_t ignored;			/* lines of neither form */
};

/* For files files (0 < files <= SIMILARITY_MAX_FILES). */
void similarity_output_init(struct similarity_output *output, size_t files);
void similarity_output_release(struct similarity_output *output);

/* Reads len bytes of sim_c's output (need not end in NUL or newline). */
void similarity_parse(struct similarity_output *output, const char *text,
		      size_t len);

#endif /* GRADER_SIMILARITY_PARSE_H */
