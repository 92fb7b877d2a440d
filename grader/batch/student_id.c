/*
 * student_id.c - student ids in file names and shell commands.
 */
#include "student_id.h"

#include <inttypes.h>
#include <string.h>

#include "util/digest.h"

/* Bytes kept as they are, in file names and in shell words alike. */
static bool plain(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || (c && strchr("._@+-", c));
}

bool student_id_valid(const char *id)
{
	return *id && !strchr(id, '/') && strcmp(id, ".") && strcmp(id, "..");
}

char *student_id_file_name(const char *id)
{
	static const char key_text[17] = "wb-student-file!";
	struct digest_key key;
	struct strbuf name;

	strbuf_init(&name);
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		if (plain(*p) && !(p == (const unsigned char *)id && *p == '.'))
			strbuf_addch(&name, (char)*p);
		else
			strbuf_addf(&name, "%%%02X", *p);
	}
	if (name.len > STUDENT_ID_FILE_MAX) {
		size_t cut = STUDENT_ID_FILE_MAX - 17;

		/* Never in the middle of a %XX. */
		while (cut > 0 && (name.buf[cut - 1] == '%' ||
				   (cut > 1 && name.buf[cut - 2] == '%')))
			cut--;
		name.buf[cut] = '\0';
		name.len = cut;
		digest_key_from_text(&key, key_text, 16);
		strbuf_addf(&name, "~%016" PRIx64,
			    digest_siphash(&key, id, strlen(id)));
	}
	return strbuf_detach(&name);
}

void student_id_shell_quote(struct strbuf *out, const char *id)
{
	bool quote = !*id;

	for (const char *p = id; *p && !quote; p++)
		quote = !plain((unsigned char)*p);
	if (!quote) {
		strbuf_addstr(out, id);
		return;
	}
	strbuf_addch(out, '\'');
	for (const char *p = id; *p; p++) {
		if (*p == '\'')
			strbuf_addstr(out, "'\\''");
		else
			strbuf_addch(out, *p);
	}
	strbuf_addch(out, '\'');
}

char *student_id_reproduce_command(const char *id)
{
	struct strbuf command;

	strbuf_init(&command);
	strbuf_addstr(&command, "build/grader --student ");
	student_id_shell_quote(&command, id);
	strbuf_addstr(&command, " --secret-file FILE --hidden DIR");
	return strbuf_detach(&command);
}
