/*
 * unimath.h - TeX math as plain Unicode text, for the terminal reader
 * (make read): Greek letters and operators as their characters, \frac{a}{b}
 * as a/b, sub- and superscripts as Unicode small digits and letters where
 * they exist, aligned environments as one line per row.  No backslash
 * command survives: an unknown command keeps only its name.
 */
#ifndef BOOK_UNIMATH_H
#define BOOK_UNIMATH_H

/* The text for tex (malloc'd).  Rows of a display (\\) become lines. */
char *unimath_from_tex(const char *tex);

#endif /* BOOK_UNIMATH_H */
