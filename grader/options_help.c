/*
 * options_help.c - build/grader --help.
 */
#include <stdio.h>

#include "options.h"

void options_print_help(const char *program)
{
	printf("Usage: %s [options] [DIR]          grade one folder\n"
	       "       %s --watch [DIR]            re-grade each file as you save it\n"
	       "       %s --progress [DIR]         what passes, and what to do next\n"
	       "       %s --hint FUNCTION [DIR]    the next hint for a function\n"
	       "       %s --batch SUBMISSIONS      grade a class\n"
	       "       %s --merge DIR              combine shard gradebooks\n"
	       "\n"
	       "Grades the exercise files in DIR (default: exercises) against "
	       "the workbook's\ntest suites and prints what to fix next.\n"
	       "\n"
	       "Grading one folder:\n"
	       "  --json FILE     also write the results as Gradescope "
	       "results.json to FILE\n"
	       "  --seed N        use seed N for the random test inputs "
	       "(default: a fresh one)\n"
	       "  --student ID    derive the seed from ID and the course secret\n"
	       "  --only WHAT     grade only WHAT: a file (02_bce.c or 02) or "
	       "a function\n"
	       "                  (bce_loss); may be given more than once\n"
	       "  --hidden        also run the hidden tests (instructors)\n"
	       "  -j N            grade N files (or, with --batch, N students) "
	       "in parallel\n"
	       "                  (default: the number of cores)\n"
	       "  -q              print only the summary line\n"
	       "  -v              also list the tests that pass\n"
	       "  --no-color      no colours (also when NO_COLOR is set or "
	       "output is not a terminal)\n"
	       "\n"
	       "Grading a class (each entry of SUBMISSIONS is a student's "
	       "folder, .tar.gz or .zip):\n"
	       "  --out DIR       where the gradebook, feedback and JSON go "
	       "(default: grades)\n"
	       "  --secret-file FILE  the course secret that seeds each "
	       "student (or set\n"
	       "                  WB_COURSE_SECRET); keep it to re-grade the "
	       "same way\n"
	       "  --shard K/N     grade only the K-th of N slices; then "
	       "--merge DIR\n"
	       "  --no-cache      do not reuse compiled files between "
	       "students or runs\n"
	       "\n"
	       "  --help          show this help\n"
	       "  --version       show the grader's version\n"
	       "\n"
	       "Exit status: 0 every test passed, 1 some test failed, 2 the "
	       "grader could not run.\n",
	       program, program, program, program, program, program);
}
