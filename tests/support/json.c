/*
 * json.c - a strict recursive-descent JSON reader.
 */
#include "json.h"

#include <stdlib.h>
#include <string.h>

struct parser {
	const char *p;
	int depth;
};

static struct json *value(struct parser *ps);

static void skip_space(struct parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' ||
	       *ps->p == '\r')
		ps->p++;
}

static struct json *node(enum json_type type)
{
	struct json *v = calloc(1, sizeof *v);

	if (v)
		v->type = type;
	return v;
}

static void add_utf8(char *out, size_t *len, unsigned code)
{
	if (code < 0x80) {
		out[(*len)++] = (char)code;
	} else if (code < 0x800) {
		out[(*len)++] = (char)(0xc0 | (code >> 6));
		out[(*len)++] = (char)(0x80 | (code & 0x3f));
	} else if (code < 0x10000) {
		out[(*len)++] = (char)(0xe0 | (code >> 12));
		out[(*len)++] = (char)(0x80 | ((code >> 6) & 0x3f));
		out[(*len)++] = (char)(0x80 | (code & 0x3f));
	} else {
		out[(*len)++] = (char)(0xf0 | (code >> 18));
		out[(*len)++] = (char)(0x80 | ((code >> 12) & 0x3f));
		out[(*len)++] = (char)(0x80 | ((code >> 6) & 0x3f));
		out[(*len)++] = (char)(0x80 | (code & 0x3f));
	}
}

static int hex4(const char *p, unsigned *code)
{
	*code = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];

		*code <<= 4;
		if (c >= '0' && c <= '9')
			*code |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*code |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*code |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	return 0;
}

static char *string(struct parser *ps)
{
	size_t len = 0;
	char *out;

	if (*ps->p != '"')
		return NULL;
	ps->p++;
	out = malloc(4 * strlen(ps->p) + 1);
	while (out && *ps->p != '"') {
		unsigned char c = (unsigned char)*ps->p;
		unsigned code;

		if (c == '\0' || c < 0x20)
			goto fail;
		if (c != '\\') {
			out[len++] = (char)c;
			ps->p++;
			continue;
		}
		ps->p++;
		switch (*ps->p) {
		case '"': case '\\': case '/': out[len++] = *ps->p; break;
		case 'b': out[len++] = '\b'; break;
		case 'f': out[len++] = '\f'; break;
		case 'n': out[len++] = '\n'; break;
		case 'r': out[len++] = '\r'; break;
		case 't': out[len++] = '\t'; break;
		case 'u':
			if (hex4(ps->p + 1, &code))
				goto fail;
			ps->p += 4;
			add_utf8(out, &len, code);
			break;
		default:
			goto fail;
		}
		ps->p++;
	}
	if (!out)
		return NULL;
	ps->p++;
	out[len] = '\0';
	return out;
fail:
	free(out);
	return NULL;
}

static struct json *number(struct parser *ps)
{
	const char *start = ps->p;
	char *end;
	struct json *v;

	if (*ps->p == '-')
		ps->p++;
	if (*ps->p < '0' || *ps->p > '9')
		return NULL;
	if (*ps->p == '0' && ps->p[1] >= '0' && ps->p[1] <= '9')
		return NULL;
	v = node(JSON_NUMBER);
	if (!v)
		return NULL;
	v->number = strtod(start, &end);
	ps->p = end;
	return v;
}

static int push(struct json *v, char *key, struct json *item)
{
	struct json **items = realloc(v->items, (v->count + 1) * sizeof *items);
	char **keys = v->keys;

	if (!items)
		return -1;
	v->items = items;
	if (v->type == JSON_OBJECT) {
		keys = realloc(v->keys, (v->count + 1) * sizeof *keys);
		if (!keys)
			return -1;
		v->keys = keys;
		keys[v->count] = key;
	}
	items[v->count++] = item;
	return 0;
}

static struct json *container(struct parser *ps, bool object)
{
	struct json *v = node(object ? JSON_OBJECT : JSON_ARRAY);
	char close = object ? '}' : ']';

	ps->p++;
	skip_space(ps);
	if (*ps->p == close) {
		ps->p++;
		return v;
	}
	while (v) {
		char *key = NULL;
		struct json *item;

		skip_space(ps);
		if (object) {
			key = string(ps);
			skip_space(ps);
			if (!key || *ps->p != ':') {
				free(key);
				break;
			}
			ps->p++;
		}
		item = value(ps);
		if (!item || push(v, key, item)) {
			free(key);
			json_free(item);
			break;
		}
		skip_space(ps);
		if (*ps->p == ',') {
			ps->p++;
			continue;
		}
		if (*ps->p == close) {
			ps->p++;
			return v;
		}
		break;
	}
	json_free(v);
	return NULL;
}

static struct json *literal(struct parser *ps, const char *word,
			    enum json_type type, bool boolean)
{
	struct json *v;

	if (strncmp(ps->p, word, strlen(word)))
		return NULL;
	ps->p += strlen(word);
	v = node(type);
	if (v)
		v->boolean = boolean;
	return v;
}

static struct json *value(struct parser *ps)
{
	struct json *v = NULL;

	if (++ps->depth > 64)
		return NULL;
	skip_space(ps);
	if (*ps->p == '{' || *ps->p == '[') {
		v = container(ps, *ps->p == '{');
	} else if (*ps->p == '"') {
		char *s = string(ps);

		if (s && (v = node(JSON_STRING)))
			v->string = s;
		else
			free(s);
	} else if (*ps->p == 't') {
		v = literal(ps, "true", JSON_BOOL, true);
	} else if (*ps->p == 'f') {
		v = literal(ps, "false", JSON_BOOL, false);
	} else if (*ps->p == 'n') {
		v = literal(ps, "null", JSON_NULL, false);
	} else {
		v = number(ps);
	}
	ps->depth--;
	return v;
}

struct json *json_parse(const char *text)
{
	struct parser ps = { text, 0 };
	struct json *v = value(&ps);

	skip_space(&ps);
	if (v && *ps.p) {
		json_free(v);
		return NULL;
	}
	return v;
}

void json_free(struct json *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->count; i++) {
		json_free(v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->string);
	free(v);
}

const struct json *json_get(const struct json *object, const char *key)
{
	if (!object || object->type != JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < object->count; i++)
		if (!strcmp(object->keys[i], key))
			return object->items[i];
	return NULL;
}
