/*
 * batch_folder.h - whether a submission holds any file at all (the status
 * `empty`); where its exercise files are is discover.h's.  Hidden entries
 * and macOS's __MACOSX are ignored.
 */
#ifndef GRADER_BATCH_FOLDER_H
#define GRADER_BATCH_FOLDER_H

#include <stdbool.h>

/*
 * Whether dir holds no file at any depth (hidden entries and __MACOSX
 * aside; folders nested deeper than BATCH_FOLDER_DEPTH are not looked
 * into).
 */
enum { BATCH_FOLDER_DEPTH = 16 };
bool batch_folder_is_empty(const char *dir);

#endif /* GRADER_BATCH_FOLDER_H */
