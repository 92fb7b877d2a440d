/*
 * json.h - a tiny JSON reader for the tests (RFC 8259, UTF-8 input).
 */
#ifndef TESTS_JSON_H
#define TESTS_JSON_H

#include <stdbool.h>
#include <stddef.h>

enum json_type { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY,
		 JSON_OBJECT };

struct json {
	enum json_type type;
	bool boolean;
	double number;
	char *string;			/* JSON_STRING, decoded */
	struct json **items;		/* JSON_ARRAY values, JSON_OBJECT values */
	char **keys;			/* JSON_OBJECT */
	size_t count;
};

/* NULL when text is not exactly one valid JSON value. */
struct json *json_parse(const char *text);
void json_free(struct json *value);
/* The member called key of an object, or NULL. */
const struct json *json_get(const struct json *object, const char *key);

#endif /* TESTS_JSON_H */
