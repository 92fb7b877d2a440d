/*
 * unimath.c - TeX to Unicode text (see unimath.h).  A small recursive
 * reader over the subset of TeX the chapters use: commands, {groups},
 * ^ and _ scripts, & and \\ of aligned environments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unimath.h"
#include "alloc.h"
#include "array_size.h"

struct reader {
	const char *s;
	FILE *out;
};

/* Commands that become one string; "" drops a spacing or sizing one. */
static const char *const symbols[][2] = {
	{ "alpha", "α" }, { "beta", "β" }, { "gamma", "γ" }, { "delta", "δ" },
	{ "epsilon", "ϵ" }, { "varepsilon", "ε" }, { "zeta", "ζ" },
	{ "eta", "η" }, { "theta", "θ" }, { "lambda", "λ" }, { "mu", "μ" },
	{ "nu", "ν" }, { "pi", "π" }, { "rho", "ρ" }, { "sigma", "σ" },
	{ "tau", "τ" }, { "phi", "φ" }, { "varphi", "φ" }, { "chi", "χ" },
	{ "psi", "ψ" }, { "omega", "ω" }, { "Gamma", "Γ" }, { "Delta", "Δ" },
	{ "Theta", "Θ" }, { "Lambda", "Λ" }, { "Sigma", "Σ" }, { "Pi", "Π" },
	{ "Phi", "Φ" }, { "Omega", "Ω" }, { "ell", "ℓ" },
	{ "cdot", "·" }, { "times", "×" }, { "le", "≤" }, { "leq", "≤" },
	{ "ge", "≥" }, { "geq", "≥" }, { "ne", "≠" }, { "neq", "≠" },
	{ "approx", "≈" }, { "sim", "∼" }, { "propto", "∝" }, { "equiv", "≡" },
	{ "infty", "∞" }, { "to", "→" }, { "rightarrow", "→" },
	{ "leftarrow", "←" }, { "mapsto", "↦" }, { "Rightarrow", "⇒" },
	{ "implies", "⇒" }, { "iff", "⇔" }, { "in", "∈" }, { "notin", "∉" },
	{ "sum", "Σ" }, { "prod", "Π" }, { "partial", "∂" }, { "nabla", "∇" },
	{ "pm", "±" }, { "mp", "∓" }, { "mid", " | " }, { "vert", "|" },
	{ "|", "‖" }, { "lVert", "‖" }, { "rVert", "‖" }, { "lvert", "|" },
	{ "rvert", "|" }, { "dots", "…" }, { "ldots", "…" }, { "cdots", "⋯" },
	{ "top", "ᵀ" }, { "prime", "′" }, { "circ", "∘" }, { "ast", "*" },
	{ "forall", "∀" }, { "exists", "∃" }, { "cup", "∪" }, { "cap", "∩" },
	{ "subset", "⊂" }, { "langle", "⟨" }, { "rangle", "⟩" },
	{ "lfloor", "⌊" }, { "rfloor", "⌋" }, { "lceil", "⌈" }, { "rceil", "⌉" },
	{ "{", "{" }, { "}", "}" }, { "%", "%" }, { "_", "_" }, { "#", "#" },
	{ "$", "$" }, { "&", "&" },
	{ "log", "log" }, { "ln", "ln" }, { "exp", "exp" }, { "max", "max" },
	{ "min", "min" }, { "lim", "lim" }, { "arg", "arg" }, { "sup", "sup" },
	{ "inf", "inf" }, { "det", "det" }, { "sin", "sin" }, { "cos", "cos" },
	{ "tanh", "tanh" },
	{ ",", " " }, { ";", " " }, { ":", " " }, { "!", "" }, { " ", " " },
	{ "quad", "  " }, { "qquad", "    " }, { "left", "" }, { "right", "" },
	{ "bigl", "" }, { "bigr", "" }, { "Bigl", "" }, { "Bigr", "" },
	{ "biggl", "" }, { "biggr", "" }, { "big", "" }, { "Big", "" },
	{ "displaystyle", "" }, { "limits", "" }, { "nolimits", "" },
};

/* Letters, digits and signs that have a Unicode superscript / subscript. */
static const char *const supers[][2] = {
	{ "0", "⁰" }, { "1", "¹" }, { "2", "²" }, { "3", "³" }, { "4", "⁴" },
	{ "5", "⁵" }, { "6", "⁶" }, { "7", "⁷" }, { "8", "⁸" }, { "9", "⁹" },
	{ "+", "⁺" }, { "-", "⁻" }, { "−", "⁻" }, { "=", "⁼" }, { "(", "⁽" },
	{ ")", "⁾" }, { "n", "ⁿ" }, { "i", "ⁱ" }, { "T", "ᵀ" }, { "ᵀ", "ᵀ" },
	{ "a", "ᵃ" }, { "b", "ᵇ" }, { "c", "ᶜ" }, { "d", "ᵈ" }, { "e", "ᵉ" },
	{ "f", "ᶠ" }, { "g", "ᵍ" }, { "h", "ʰ" }, { "j", "ʲ" }, { "k", "ᵏ" },
	{ "l", "ˡ" }, { "m", "ᵐ" }, { "o", "ᵒ" }, { "p", "ᵖ" }, { "r", "ʳ" },
	{ "s", "ˢ" }, { "t", "ᵗ" }, { "u", "ᵘ" }, { "v", "ᵛ" }, { "w", "ʷ" },
	{ "x", "ˣ" }, { "y", "ʸ" }, { "z", "ᶻ" }, { "γ", "ᵞ" }, { "β", "ᵝ" },
	{ "′", "′" }, { "*", "*" },
};
static const char *const subs[][2] = {
	{ "0", "₀" }, { "1", "₁" }, { "2", "₂" }, { "3", "₃" }, { "4", "₄" },
	{ "5", "₅" }, { "6", "₆" }, { "7", "₇" }, { "8", "₈" }, { "9", "₉" },
	{ "+", "₊" }, { "-", "₋" }, { "−", "₋" }, { "=", "₌" }, { "(", "₍" },
	{ ")", "₎" }, { "a", "ₐ" }, { "e", "ₑ" }, { "h", "ₕ" }, { "i", "ᵢ" },
	{ "j", "ⱼ" }, { "k", "ₖ" }, { "l", "ₗ" }, { "m", "ₘ" }, { "n", "ₙ" },
	{ "o", "ₒ" }, { "p", "ₚ" }, { "r", "ᵣ" }, { "s", "ₛ" }, { "t", "ₜ" },
	{ "u", "ᵤ" }, { "v", "ᵥ" }, { "x", "ₓ" }, { "β", "ᵦ" }, { "γ", "ᵧ" },
};


static void read_group(struct reader *r, int until_brace);

/* One argument: a {group} or a single character or command. */
static char *read_argument(struct reader *r)
{
	struct reader inner;
	char *text = NULL;
	size_t size = 0;

	while (*r->s == ' ')
		r->s++;
	inner.out = book_xopen_memstream(&text, &size);
	if (*r->s == '{') {
		inner.s = r->s + 1;
		read_group(&inner, 1);
		r->s = inner.s;
	} else if (*r->s == '\\') {
		/* One command as the argument, e.g. ^\top or \bar\sigma. */
		const char *start = r->s++;
		char *one;

		if ((*r->s >= 'a' && *r->s <= 'z') || (*r->s >= 'A' && *r->s <= 'Z'))
			while ((*r->s >= 'a' && *r->s <= 'z') ||
			       (*r->s >= 'A' && *r->s <= 'Z'))
				r->s++;
		else if (*r->s)
			r->s++;
		one = book_xstrndup(start, r->s - start);
		inner.s = one;
		read_group(&inner, 0);
		free(one);
	} else if (*r->s) {
		size_t len = 1;

		/* A whole UTF-8 character. */
		while ((r->s[len] & 0xC0) == 0x80)
			len++;
		fwrite(r->s, 1, len, inner.out);
		r->s += len;
	}
	fclose(inner.out);
	return text;
}

/* Writes text in small script if every character has a form, else as
 * mark + text, with parentheses when it is more than one word. */
static void put_script(FILE *out, const char *text, int super)
{
	const char *const (*table)[2] = super ? supers : subs;
	size_t n = super ? ARRAY_SIZE(supers) : ARRAY_SIZE(subs), i;
	char *small = NULL;
	size_t size = 0;
	FILE *buf = book_xopen_memstream(&small, &size);
	const char *s;
	int all;

	while (*text == ' ')	/* from spacing such as p^{\,y} */
		text++;
	s = text;
	all = *s != '\0';

	while (*s && all) {
		for (i = 0; i < n; i++)
			if (!strncmp(s, table[i][0], strlen(table[i][0])))
				break;
		if (i == n) {
			all = 0;
			break;
		}
		fputs(table[i][1], buf);
		s += strlen(table[i][0]);
	}
	fclose(buf);
	if (all)
		fputs(small, out);
	else if (strpbrk(text, " +-*/,=") || strstr(text, "−"))
		fprintf(out, "%c(%s)", super ? '^' : '_', text);
	else
		fprintf(out, "%c%s", super ? '^' : '_', text);
	free(small);
}

/* True when text needs parentheses as part of a fraction. */
static int compound(const char *text)
{
	return strpbrk(text, " +-*/") != NULL || strstr(text, "−") != NULL;
}

/* "∂ L" -> "∂L": a derivative's d is part of its variable. */
static void join_partials(char *text)
{
	char *at = text;

	while ((at = strstr(at, "∂ "))) {
		at += strlen("∂");
		memmove(at, at + 1, strlen(at + 1) + 1);
	}
}

static void put_fraction(struct reader *r)
{
	char *num = read_argument(r), *den = read_argument(r);

	join_partials(num);
	join_partials(den);

	fprintf(r->out, compound(num) ? "(%s)" : "%s", num);
	fputc('/', r->out);
	fprintf(r->out, compound(den) ? "(%s)" : "%s", den);
	free(num);
	free(den);
}

/* An accent as a combining character after its argument. */
static void put_accent(struct reader *r, const char *combining)
{
	char *arg = read_argument(r);
	size_t len = 1;

	/* After the first character, so \hat{p}_c reads p̂_c. */
	while (arg[0] && (arg[len] & 0xC0) == 0x80)
		len++;
	if (arg[0]) {
		fwrite(arg, 1, len, r->out);
		fputs(combining, r->out);
		fputs(arg + len, r->out);
	}
	free(arg);
}

/* Commands whose argument is kept as it is: fonts, text, boxes. */
static const char *const keep_argument[] = {
	"operatorname", "mathrm", "text", "textrm", "mathit", "mathbf",
	"boldsymbol", "boxed", "mathsf", "texttt", "emph", "textbf",
	"underbrace", "overbrace",
};

static void put_font(struct reader *r, const char *name)
{
	char *arg = read_argument(r);

	if (!strcmp(name, "mathbb") && !strcmp(arg, "R"))
		fputs("ℝ", r->out);
	else if (!strcmp(name, "mathbb") && !strcmp(arg, "E"))
		fputs("𝔼", r->out);
	else if (!strcmp(name, "mathcal") && !strcmp(arg, "L"))
		fputs("ℒ", r->out);
	else if (!strcmp(name, "mathcal") && !strcmp(arg, "N"))
		fputs("𝒩", r->out);
	else if (!strcmp(name, "mathbf") && !strcmp(arg, "1"))
		fputs("𝟏", r->out);
	else
		fputs(arg, r->out);
	free(arg);
}

static void command(struct reader *r)
{
	char name[32];
	size_t len = 0, i;

	if ((*r->s >= 'a' && *r->s <= 'z') || (*r->s >= 'A' && *r->s <= 'Z')) {
		while (((*r->s >= 'a' && *r->s <= 'z') ||
			(*r->s >= 'A' && *r->s <= 'Z')) && len < sizeof(name) - 1)
			name[len++] = *r->s++;
	} else if (*r->s) {
		name[len++] = *r->s++;
	}
	name[len] = '\0';
	if (!strcmp(name, "\\")) {	/* a new row of a display */
		fputc('\n', r->out);
		while (*r->s == ' ' || *r->s == '\n')
			r->s++;
		return;
	}
	if (!strcmp(name, "frac") || !strcmp(name, "dfrac") ||
	    !strcmp(name, "tfrac")) {
		put_fraction(r);
		return;
	}
	if (!strcmp(name, "sqrt")) {
		char *arg = read_argument(r);

		fprintf(r->out, compound(arg) || strlen(arg) > 1 ? "√(%s)" : "√%s",
			arg);
		free(arg);
		return;
	}
	if (!strcmp(name, "hat") || !strcmp(name, "widehat")) {
		put_accent(r, "\xcc\x82");
		return;
	}
	if (!strcmp(name, "bar") || !strcmp(name, "overline")) {
		put_accent(r, "\xcc\x84");
		return;
	}
	if (!strcmp(name, "tilde")) {
		put_accent(r, "\xcc\x83");
		return;
	}
	if (!strcmp(name, "begin") || !strcmp(name, "end")) {
		free(read_argument(r));	/* aligned, cases: rows only */
		return;
	}
	for (i = 0; i < ARRAY_SIZE(keep_argument); i++)
		if (!strcmp(name, keep_argument[i])) {
			put_font(r, name);
			return;
		}
	if (!strcmp(name, "mathbb") || !strcmp(name, "mathcal")) {
		put_font(r, name);
		return;
	}
	for (i = 0; i < ARRAY_SIZE(symbols); i++)
		if (!strcmp(name, symbols[i][0])) {
			fputs(symbols[i][1], r->out);
			return;
		}
	fputs(name, r->out);	/* unknown: the name, never a backslash */
}

/* Reads until the end of the text, or the matching '}' (until_brace). */
static void read_group(struct reader *r, int until_brace)
{
	while (*r->s) {
		char c = *r->s;

		if (c == '}') {
			r->s++;
			if (until_brace)
				return;
		} else if (c == '{') {
			r->s++;
			read_group(r, 1);
		} else if (c == '\\') {
			r->s++;
			command(r);
		} else if (c == '^' || c == '_') {
			char *arg;

			r->s++;
			arg = read_argument(r);
			put_script(r->out, arg, c == '^');
			free(arg);
		} else if (c == '&') {
			r->s++;
		} else if (c == '~') {
			fputc(' ', r->out);
			r->s++;
		} else {
			fputc(c, r->out);
			r->s++;
		}
	}
}

/* Squeezes runs of blanks and trims each line. */
static char *tidy(const char *text)
{
	char *out = book_xmalloc(strlen(text) + 1), *o = out;
	int blank = 0, line_start = 1;

	for (; *text; text++) {
		if (*text == ' ' || *text == '\t') {
			blank = 1;
			continue;
		}
		if (*text == '\n') {
			*o++ = '\n';
			blank = 0;
			line_start = 1;
			continue;
		}
		if (blank && !line_start)
			*o++ = ' ';
		blank = 0;
		line_start = 0;
		*o++ = *text;
	}
	while (o > out && (o[-1] == '\n' || o[-1] == ' '))
		o--;
	*o = '\0';
	return out;
}

char *unimath_from_tex(const char *tex)
{
	struct reader r = { tex, NULL };
	char *text = NULL, *tidied;
	size_t size = 0;

	r.out = book_xopen_memstream(&text, &size);
	read_group(&r, 0);
	fclose(r.out);
	tidied = tidy(text);
	free(text);
	return tidied;
}
