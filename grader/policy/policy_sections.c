/*
 * policy_sections.c - the ELF sections an exercise object may have: an
 * allowlist of what gcc -O2 -g (and clang, and the hardening flags
 * distributions add) produce for plain C, each with its type and the
 * flags it may carry.  Anything else is refused, whatever its name.
 *
 * Why an allowlist: the linker and the C runtime give meaning to section
 * names (.init_array runs code before main), and so does any library
 * linked beside the object (Criterion registers tests and report hooks
 * from sections cr_tst, cr_pot, ...: a `static` pointer in one of them
 * rewrites verdicts).  A denylist must know every such name; the
 * allowlist only knows what the compiler makes of plain C.
 *
 * What is on it, and why:
 *   - code: .text; .text.unlikely and .text.hot (gcc splits cold paths of
 *     ordinary functions out at -O2, and the cold/hot attributes move
 *     whole functions); .text.startup and .text.exit, where gcc puts main
 *     and constructor/destructor bodies: inert code (main is refused as a
 *     symbol and the .init_array entry that would run a constructor as a
 *     section), allowed so those files get the clearer message;
 *   - data: .data, .bss, .rodata, .rodata.cstN and .rodata.strN.M (merged
 *     constants and strings), .data.rel[.ro][.local] (-fPIC);
 *   - the rest of an object: .comment, .note.GNU-stack, .note.gnu.property
 *     (-fcf-protection), .eh_frame, .debug_*, .symtab, .strtab, .shstrtab,
 *     .llvm_addrsig (clang), and .rela<name> for each allowed <name>.
 * Refused with it: only .text* may hold code (SHF_EXECINSTR), and
 * .note.GNU-stack must not ask for an executable stack, which gcc does for
 * a nested function whose address is taken (its trampoline lives on the
 * stack) and which would let machine code written into an array run.
 * Thread-local storage (.tdata, .tbss) is refused too: no exercise needs
 * it (the code under test is single-threaded), and its initial image is
 * copied and sized by the C runtime before main, for every thread; plain
 * data keeps what runs before main down to the loader's own work.
 */
#define _GNU_SOURCE
#include "policy_internal.h"

#include <elf.h>
#include <string.h>

#ifndef SHT_LLVM_ADDRSIG
#define SHT_LLVM_ADDRSIG 0x6fff4c03
#endif

/* Flags that say nothing about what a section does at run time. */
#define NEUTRAL_FLAGS (SHF_MERGE | SHF_STRINGS | SHF_INFO_LINK | \
		       SHF_COMPRESSED | SHF_EXCLUDE)

enum match { EXACT, PREFIX, CONSTANTS, STRINGS };

struct allowed {
	const char *name;
	enum match match;
	uint32_t type, other_type;	/* other_type 0: only type */
	uint64_t flags;			/* beyond NEUTRAL_FLAGS */
};

static const struct allowed allowed[] = {
	{ ".text", EXACT, SHT_PROGBITS, 0, SHF_ALLOC | SHF_EXECINSTR },
	{ ".text.unlikely", EXACT, SHT_PROGBITS, 0, SHF_ALLOC | SHF_EXECINSTR },
	{ ".text.hot", EXACT, SHT_PROGBITS, 0, SHF_ALLOC | SHF_EXECINSTR },
	{ ".text.startup", EXACT, SHT_PROGBITS, 0, SHF_ALLOC | SHF_EXECINSTR },
	{ ".text.exit", EXACT, SHT_PROGBITS, 0, SHF_ALLOC | SHF_EXECINSTR },
	{ ".data", EXACT, SHT_PROGBITS, 0, SHF_ALLOC | SHF_WRITE },
	{ ".data.rel", EXACT, SHT_PROGBITS, 0, SHF_ALLOC | SHF_WRITE },
	{ ".data.rel.local", EXACT, SHT_PROGBITS, 0, SHF_ALLOC | SHF_WRITE },
	{ ".data.rel.ro", EXACT, SHT_PROGBITS, 0, SHF_ALLOC | SHF_WRITE },
	{ ".data.rel.ro.local", EXACT, SHT_PROGBITS, 0, SHF_ALLOC | SHF_WRITE },
	{ ".bss", EXACT, SHT_NOBITS, 0, SHF_ALLOC | SHF_WRITE },
	{ ".rodata", EXACT, SHT_PROGBITS, 0, SHF_ALLOC },
	{ ".rodata.cst", CONSTANTS, SHT_PROGBITS, 0, SHF_ALLOC },
	{ ".rodata.str", STRINGS, SHT_PROGBITS, 0, SHF_ALLOC },
	{ ".comment", EXACT, SHT_PROGBITS, 0, 0 },
	{ ".note.GNU-stack", EXACT, SHT_PROGBITS, 0, 0 },
	{ ".note.gnu.property", EXACT, SHT_NOTE, 0, SHF_ALLOC },
	{ ".eh_frame", EXACT, SHT_PROGBITS, SHT_X86_64_UNWIND, SHF_ALLOC },
	{ ".debug_", PREFIX, SHT_PROGBITS, 0, 0 },
	{ ".symtab", EXACT, SHT_SYMTAB, 0, 0 },
	{ ".strtab", EXACT, SHT_STRTAB, 0, 0 },
	{ ".shstrtab", EXACT, SHT_STRTAB, 0, 0 },
	{ ".llvm_addrsig", EXACT, SHT_LLVM_ADDRSIG, 0, 0 },
};

/* digits, then the end (CONSTANTS) or ".digits" and the end (STRINGS). */
static bool numbered(const char *p, enum match match)
{
	size_t n = strspn(p, "0123456789");

	if (n == 0)
		return false;
	if (match == CONSTANTS)
		return p[n] == '\0';
	return p[n] == '.' && strspn(p + n + 1, "0123456789") > 0 &&
	       p[n + 1 + strspn(p + n + 1, "0123456789")] == '\0';
}

static const struct allowed *find(const char *name)
{
	for (size_t i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++) {
		const struct allowed *a = &allowed[i];
		size_t n = strlen(a->name);
		if (a->match == EXACT ? strcmp(name, a->name) == 0 :
		    strncmp(name, a->name, n) != 0 ? false :
		    a->match == PREFIX ? name[n] != '\0' :
		    numbered(name + n, a->match))
			return a;
	}
	return NULL;
}

bool policy_criterion_section(const char *name, size_t n)
{
	return n >= 3 && strncmp(name, "cr_", 3) == 0;
}

static bool thread_local_section(const char *name, uint64_t flags)
{
	return (flags & SHF_TLS) != 0 || strncmp(name, ".tdata", 6) == 0 ||
	       strncmp(name, ".tbss", 5) == 0;
}

static bool init_section(const char *name, uint32_t type)
{
	static const char *const names[] = {
		".init_array", ".fini_array", ".preinit_array", ".ctors",
		".dtors", ".init", ".fini", NULL,
	};

	if (type == SHT_INIT_ARRAY || type == SHT_FINI_ARRAY ||
	    type == SHT_PREINIT_ARRAY)
		return true;
	for (size_t i = 0; names[i] != NULL; i++) {
		size_t n = strlen(names[i]);
		if (strncmp(name, names[i], n) == 0 &&
		    (name[n] == '\0' || name[n] == '.'))
			return true;
	}
	return false;
}

/* Why a name that is not on the allowlist is refused. */
static void refuse_name(const char *file, const char *name, uint32_t type,
			uint64_t flags, struct policy_verdict *v)
{
	char shown[128];

	policy_quote(shown, sizeof(shown), name, strlen(name));
	if (init_section(name, type))
		policy_refuse(v, "%s has a constructor or destructor (section "
			      "`%s`), code that would run before or after the "
			      "tests: remove it", file, shown);
	else if (policy_criterion_section(name, strlen(name)))
		policy_refuse(v, "%s places data in section `%s`, which only "
			      "the grader's test framework (Criterion) may "
			      "use: remove the section attribute", file, shown);
	else if (thread_local_section(name, flags))
		policy_refuse(v, "%s defines a thread-local variable (section "
			      "`%s`): make it an ordinary variable", file,
			      shown);
	else
		policy_refuse(v, "%s places code or data in section `%s`, "
			      "which the compiler does not produce for plain "
			      "C: remove the section attribute or pragma that "
			      "put it there", file, shown);
}

/* The type and flags the allowlist gives the name (or its .rela). */
static bool usual_kind(const struct allowed *a, bool relocations,
		       uint32_t type, uint64_t flags)
{
	uint64_t may = NEUTRAL_FLAGS | (relocations ? 0 : a->flags);

	if ((flags & ~may) != 0)
		return false;
	if (relocations)
		return type == SHT_RELA;
	return type == a->type || (a->other_type != 0 && type == a->other_type);
}

bool policy_section_refused(const char *file, const char *name, uint32_t type,
			    uint64_t flags, struct policy_verdict *v)
{
	const struct allowed *a;
	bool relocations = strncmp(name, ".rela.", 6) == 0;

	a = find(relocations ? name + 5 : name);
	if (a == NULL || init_section(name, type) ||
	    thread_local_section(name, flags)) {
		refuse_name(file, name, type, flags, v);
		return true;
	}
	if (strcmp(name, ".note.GNU-stack") == 0 &&
	    (flags & SHF_EXECINSTR) != 0) {
		policy_refuse(v, "%s needs an executable stack (a nested "
			      "function whose address is taken does): make it "
			      "an ordinary static function", file);
		return true;
	}
	if (!usual_kind(a, relocations, type, flags)) {
		char shown[128];
		policy_quote(shown, sizeof(shown), name, strlen(name));
		policy_refuse(v, "%s has a section `%s` of an unusual kind "
			      "(type %#x, flags %#llx), which the compiler "
			      "does not produce for plain C: remove the "
			      "section attribute or pragma that made it", file,
			      shown,
			      (unsigned)type, (unsigned long long)flags);
		return true;
	}
	return false;
}
