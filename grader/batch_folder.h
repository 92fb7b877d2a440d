/*
 * batch_folder.h - where a submission's exercise files are: in the folder
 * itself, or, when it holds none, in its only top folder (alice/02_bce.c
 * inside alice.zip).  Hidden entries and macOS's __MACOSX are ignored.
 */
#ifndef GRADER_BATCH_FOLDER_H
#define GRADER_BATCH_FOLDER_H

#include <stdbool.h>
#include <stdint.h>

/* The folder holding the exercise files (malloc'd), or NULL: none. */
char *batch_folder_locate(const char *dir);

/*
 * Whether dir holds no file at any depth (hidden entries and __MACOSX
 * aside; folders nested deeper than BATCH_FOLDER_DEPTH are not looked
 * into).
 */
enum { BATCH_FOLDER_DEPTH = 16 };
bool batch_folder_is_empty(const char *dir);

/* Whether dir directly holds at least one exercise file. */
bool batch_folder_has_exercises(const char *dir);

/*
 * The newest modification time of the exercise files directly in dir
 * (epoch seconds): when the student handed in.  false when there is none.
 */
bool batch_folder_newest_mtime(const char *dir, int64_t *seconds);

#endif /* GRADER_BATCH_FOLDER_H */
