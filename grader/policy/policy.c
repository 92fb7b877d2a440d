/*
 * policy.c - what a student's object file may define and reference, read
 * straight from the ELF64 relocatable object (no external tools: the file is
 * untrusted, so every offset is bounds-checked before use and anything
 * malformed is "not a readable object", never a crash).
 *
 * Order of the checks (the first violation is the verdict):
 *   1. each section must be one the compiler produces for plain C
 *      (policy_sections.c: an allowlist, which keeps out constructors,
 *      Criterion's registration sections and an executable stack), and
 *      .note.GNU-stack must be there (without it the linker may make the
 *      stack executable);
 *   2. no ifunc symbol, whose resolver would run at load time, before the
 *      program's main;
 *   3. each non-local symbol: a definition must be a contract function of
 *      this file; a reference must be a C library or libm function from the
 *      allowlist (policy_allowed.c), or workbook_todo.
 */
#define _GNU_SOURCE
#include "policy.h"
#include "policy_internal.h"

#include <elf.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"

/* An exercise object is a few KiB; anything far bigger is not one. */
#define MAX_OBJECT_BYTES ((size_t)64 << 20)

struct elf {
	unsigned char *data;
	size_t size;
	Elf64_Shdr *sh;		/* aligned copy of the section headers */
	size_t shnum;
	size_t shstrndx;
};

static void elf_release(struct elf *e)
{
	free(e->data);
	free(e->sh);
}

static bool in_file(const struct elf *e, uint64_t offset, uint64_t length)
{
	return offset <= e->size && length <= e->size - offset;
}

/* The NUL-terminated string at offset of string table `table`, or NULL. */
static const char *string_at(const struct elf *e, size_t table,
			     uint64_t offset)
{
	const Elf64_Shdr *t;

	if (table >= e->shnum)
		return NULL;
	t = &e->sh[table];
	if (t->sh_type != SHT_STRTAB || !in_file(e, t->sh_offset, t->sh_size) ||
	    offset >= t->sh_size)
		return NULL;
	const char *s = (const char *)e->data + t->sh_offset + offset;
	return memchr(s, '\0', t->sh_size - offset) != NULL ? s : NULL;
}

static int read_file(struct elf *e, const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 1 << 16, n;

	if (f == NULL)
		return -1;
	e->data = malloc(cap);
	while (e->data != NULL &&
	       (n = fread(e->data + e->size, 1, cap - e->size, f)) > 0) {
		e->size += n;
		if (e->size == cap && cap < MAX_OBJECT_BYTES) {
			unsigned char *more = realloc(e->data, cap *= 2);
			if (more == NULL)
				break;
			e->data = more;
		} else if (e->size == cap) {
			break;	/* too big to be an exercise object */
		}
	}
	bool ok = e->data != NULL && !ferror(f) && e->size < cap;
	if (fclose(f) != 0 || !ok)
		return -1;
	return 0;
}

static int elf_parse(struct elf *e)
{
	Elf64_Ehdr h;
	Elf64_Shdr first;
	const unsigned char data_order =
		__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? ELFDATA2LSB
							  : ELFDATA2MSB;

	if (e->size < sizeof(h))
		return -1;
	memcpy(&h, e->data, sizeof(h));
	if (memcmp(h.e_ident, ELFMAG, SELFMAG) != 0 ||
	    h.e_ident[EI_CLASS] != ELFCLASS64 ||
	    h.e_ident[EI_DATA] != data_order || h.e_type != ET_REL ||
	    h.e_shentsize != sizeof(Elf64_Shdr) ||
	    !in_file(e, h.e_shoff, sizeof(first)))
		return -1;
	memcpy(&first, e->data + h.e_shoff, sizeof(first));
	/* Many sections: the counts live in section header 0. */
	e->shnum = h.e_shnum != 0 ? h.e_shnum : first.sh_size;
	e->shstrndx = h.e_shstrndx != SHN_XINDEX ? h.e_shstrndx : first.sh_link;
	if (e->shnum == 0 || e->shnum > e->size / sizeof(Elf64_Shdr) ||
	    !in_file(e, h.e_shoff, e->shnum * sizeof(Elf64_Shdr)) ||
	    e->shstrndx >= e->shnum)
		return -1;
	e->sh = malloc(e->shnum * sizeof(Elf64_Shdr));
	if (e->sh == NULL)
		return -1;
	memcpy(e->sh, e->data + h.e_shoff, e->shnum * sizeof(Elf64_Shdr));
	return 0;
}

/* ---- verdicts ------------------------------------------------------------ */

static bool listed(const char *name, const char *const *list)
{
	for (size_t i = 0; list != NULL && list[i] != NULL; i++)
		if (strcmp(name, list[i]) == 0)
			return true;
	return false;
}

/* "02_bce.c", found from the file's first contract function. */
static const char *file_of(const char *const *contract)
{
	const struct catalog_exercise *ex =
		contract != NULL && contract[0] != NULL
			? catalog_exercise_of(contract[0])
			: NULL;
	return ex != NULL ? ex->file : "this exercise file";
}

/* 1 when some section is refused, 0 when all are fine, -1 when malformed. */
static int check_sections(const struct elf *e, const char *const *contract,
			  struct policy_verdict *v)
{
	bool stack_note = false;

	for (size_t i = 1; i < e->shnum; i++) {
		const char *name = string_at(e, e->shstrndx, e->sh[i].sh_name);
		if (name == NULL)
			return -1;
		if (policy_section_refused(file_of(contract), name,
					   e->sh[i].sh_type, e->sh[i].sh_flags,
					   v))
			return 1;
		stack_note = stack_note || strcmp(name, ".note.GNU-stack") == 0;
	}
	if (!stack_note) {
		policy_refuse(v, "%s compiled to an object without the "
			      ".note.GNU-stack section plain C always has: "
			      "remove what changed the compiler's output (a "
			      "pragma, an attribute)", file_of(contract));
		return 1;
	}
	return 0;
}

static void check_definition(const char *name, unsigned type,
			     const char *const *contract,
			     struct policy_verdict *v)
{
	const char *file = file_of(contract);

	if (strcmp(name, "main") == 0)
		policy_refuse(v, "defines `main`: %s is linked into the "
			      "grader's test program, which has its own main; "
			      "remove it (test your functions with make check)",
			      file);
	else if (!listed(name, contract))
		policy_refuse(v, "defines `%s`, which is not a function of "
			      "%s: make it static", name, file);
	else if (type != STT_FUNC)
		policy_refuse(v, "defines `%s` as something other than a "
			      "function: %s must define it as the function the "
			      "workbook declares", name, file);
}

static void check_reference(const char *name, const char *const *contract,
			    struct policy_verdict *v)
{
	const struct catalog_exercise *other = catalog_exercise_of(name);

	if (policy_reference_allowed(name))
		return;
	if (listed(name, contract))
		policy_refuse(v, "calls `%s` but does not define it: %s is "
			      "graded with its own functions only", name,
			      file_of(contract));
	else if (other != NULL)
		policy_refuse(v, "calls `%s` from %s: each file is graded "
			      "alone, copy it in as a static helper", name,
			      other->file);
	else
		policy_refuse(v, "calls `%s`, which the grader does not "
			      "allow: %s", name, policy_reference_hint(name));
}

/* 1 after a rejection, 0 when every symbol is fine, -1 when malformed. */
static int check_symtab(const struct elf *e, const Elf64_Shdr *s,
			const char *const *contract, struct policy_verdict *v)
{
	if (s->sh_entsize != sizeof(Elf64_Sym) || s->sh_link >= e->shnum ||
	    !in_file(e, s->sh_offset, s->sh_size) ||
	    s->sh_size % sizeof(Elf64_Sym) != 0)
		return -1;
	for (uint64_t i = 1; i < s->sh_size / sizeof(Elf64_Sym); i++) {
		Elf64_Sym sym;
		memcpy(&sym, e->data + s->sh_offset + i * sizeof(sym),
		       sizeof(sym));
		const char *name = string_at(e, s->sh_link, sym.st_name);
		unsigned type = ELF64_ST_TYPE(sym.st_info);
		if (name == NULL)
			return -1;
		if (type == STT_GNU_IFUNC) {
			policy_refuse(v, "%s defines `%s` as an ifunc, whose "
				      "resolver runs before the tests: write a "
				      "plain function", file_of(contract),
				      name);
			return 1;
		}
		if (ELF64_ST_BIND(sym.st_info) == STB_LOCAL || name[0] == '\0')
			continue;
		if (sym.st_shndx == SHN_UNDEF)
			check_reference(name, contract, v);
		else
			check_definition(name, type, contract, v);
		if (!v->allowed)
			return 1;
	}
	return 0;
}

int policy_check_object(const char *path, const char *const *contract,
			struct policy_verdict *verdict)
{
	struct elf e = { 0 };
	int rc = -1;

	verdict->allowed = 1;
	verdict->message[0] = '\0';
	if (read_file(&e, path) != 0 || elf_parse(&e) != 0)
		goto done;
	rc = check_sections(&e, contract, verdict);
	for (size_t i = 1; rc == 0 && i < e.shnum; i++)
		if (e.sh[i].sh_type == SHT_SYMTAB)
			rc = check_symtab(&e, &e.sh[i], contract, verdict);
done:
	elf_release(&e);
	if (rc < 0) {
		verdict->allowed = 0;
		snprintf(verdict->message, sizeof(verdict->message),
			 "%s could not be read as a compiled object",
			 file_of(contract));
		return -1;
	}
	return 0;
}
