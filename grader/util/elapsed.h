/*
 * elapsed.h - the monotonic clock in seconds, for deadlines and for saying
 * how long something took (wall-clock time can jump; this cannot).
 */
#ifndef GRADER_ELAPSED_H
#define GRADER_ELAPSED_H

/* Seconds since an arbitrary fixed point; 0 if the clock is unreadable. */
double elapsed_now(void);

#endif /* GRADER_ELAPSED_H */
