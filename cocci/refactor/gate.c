// SPDX-License-Identifier: GPL-2.0
/*
 * The parse gate.  spatch skips a top-level item it cannot parse and still
 * exits 0, so a rule would leave a call in such an item unconverted while it
 * converts the helper: a half-done refactor.  What a rule could change must
 * therefore parse: every top-level item (function, declaration) naming a TDX
 * primitive, or a function defined by such an item, closed over all of DIR's
 * candidate files (the helper being converted and its callers).  Other items
 * (a file-scope macro spatch does not know, sysfs ## glue) do not matter: no
 * rule changes them.  Each candidate is parsed with those other items blanked
 * out, lines kept, so the gate sees exactly the code that matters.
 */
#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "refactor.h"
#include "xalloc.h"

/* The rules' own scope (their tdx_file match, DESIGN.md's default primitives). */
#define PRIMITIVE "^(__seamcall|__tdcall|__tdx_module_call$|__tdx_hypercall|" \
		  "seamcall|sc_retry|tdcall$)"

static bool is_primitive(const char *id, size_t n)
{
	static regex_t re;
	static bool compiled;
	char buf[256];

	if (!compiled) {
		if (regcomp(&re, PRIMITIVE, REG_EXTENDED | REG_NOSUB))
			abort();
		compiled = true;
	}
	if (n >= sizeof(buf))
		return false;
	memcpy(buf, id, n);
	buf[n] = '\0';
	return !regexec(&re, buf, 0, NULL, 0);
}

struct token {
	size_t off, len;
	char kind;		/* 'i' identifier, 'p' punctuation, 'o' other */
};

static bool line_start(const char *s, size_t i)
{
	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		i--;
	return i == 0 || s[i - 1] == '\n';
}

/*
 * Tokens outside comments, strings and preprocessor lines; *cpp gets the
 * spans of preprocessor lines (start, end pairs, 2 * *ncpp entries).
 */
static struct token *tokenize(const char *s, size_t n, size_t *count, size_t **cpp,
			      size_t *ncpp)
{
	struct token *v = NULL;
	size_t i = 0, k = 0, c = 0;

	*cpp = NULL;
	*ncpp = 0;
	while (i < n) {
		size_t start = i;

		if (isspace((unsigned char)s[i])) {
			i++;
		} else if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
			const char *e = strstr(s + i + 2, "*/");

			i = e ? (size_t)(e - s) + 2 : n;
		} else if (s[i] == '/' && i + 1 < n && s[i + 1] == '/') {
			while (i < n && s[i] != '\n')
				i++;
		} else if (s[i] == '#' && line_start(s, i)) {
			while (i < n && s[i] != '\n') {
				if (s[i] == '\\' && i + 1 < n && s[i + 1] == '\n')
					i++;
				i++;
			}
			*cpp = tdx_xreallocarray(*cpp, 2 * c + 2, sizeof(**cpp));
			(*cpp)[2 * c] = start;
			(*cpp)[2 * c + 1] = i;
			c++;
		} else if (s[i] == '"' || s[i] == '\'') {
			char q = s[i++];

			while (i < n && s[i] != q && s[i] != '\n')
				i += s[i] == '\\' ? 2 : 1;
			i = i < n ? i + 1 : n;
			v = tdx_xreallocarray(v, k + 1, sizeof(*v));
			v[k++] = (struct token){ start, i - start, 'o' };
		} else if (isalpha((unsigned char)s[i]) || s[i] == '_') {
			while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '_'))
				i++;
			v = tdx_xreallocarray(v, k + 1, sizeof(*v));
			v[k++] = (struct token){ start, i - start, 'i' };
		} else if (isdigit((unsigned char)s[i])) {
			while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '.' || s[i] == '_'))
				i++;
			v = tdx_xreallocarray(v, k + 1, sizeof(*v));
			v[k++] = (struct token){ start, i - start, 'o' };
		} else {
			i++;
			v = tdx_xreallocarray(v, k + 1, sizeof(*v));
			v[k++] = (struct token){ start, 1, 'p' };
		}
	}
	*count = k;
	*ncpp = c;
	return v;
}

bool rf_names_primitive(const char *text, size_t len)
{
	size_t n, ncpp, i;
	size_t *cpp;
	struct token *v = tokenize(text, len, &n, &cpp, &ncpp);
	bool found = false;

	for (i = 0; i < n && !found; i++)
		found = v[i].kind == 'i' && is_primitive(text + v[i].off, v[i].len);
	free(v);
	free(cpp);
	return found;
}

/* A top-level item: tokens [first, last], the function it defines or declares. */
struct item {
	size_t first, last;
	size_t name;		/* token index of its function name, or SIZE_MAX */
	bool relevant;
};

struct source {
	char *text;
	size_t len;
	struct token *tok;
	size_t ntok;
	size_t *cpp, ncpp;
	struct item *items;
	size_t nitems;
};

static bool punct(const struct source *s, size_t i, char c)
{
	return s->tok[i].kind == 'p' && s->text[s->tok[i].off] == c;
}

/*
 * An item ends at a ';' at depth 0, or at the '}' closing a body opened right
 * after a ')' (a function definition: `int f(void) { ... }`).
 */
static void split_items(struct source *s)
{
	size_t i, first = 0, name = SIZE_MAX;
	int depth = 0;
	bool body = false;

	for (i = 0; i < s->ntok; i++) {
		bool end = false;

		if (punct(s, i, '(') || punct(s, i, '[') || punct(s, i, '{')) {
			/* the last name called at depth 0: f in `int __init f(void)` */
			if (depth == 0 && punct(s, i, '(') && i > first &&
			    s->tok[i - 1].kind == 'i' &&
			    strncmp(s->text + s->tok[i - 1].off, "__attribute", 11))
				name = i - 1;
			if (depth == 0 && punct(s, i, '{') && i > first && punct(s, i - 1, ')'))
				body = true;
			depth++;
		} else if (punct(s, i, ')') || punct(s, i, ']') || punct(s, i, '}')) {
			if (depth > 0)
				depth--;
			end = depth == 0 && body && punct(s, i, '}');
		} else if (punct(s, i, ';') && depth == 0) {
			end = true;
		}
		if (end || i + 1 == s->ntok) {
			s->items = tdx_xreallocarray(s->items, s->nitems + 1, sizeof(*s->items));
			s->items[s->nitems++] = (struct item){ first, i, name, false };
			first = i + 1;
			name = SIZE_MAX;
			body = false;
		}
	}
}

struct names {
	char **v;
	size_t n;
};

static bool known(const struct names *r, const char *id, size_t len)
{
	size_t i;

	if (is_primitive(id, len))
		return true;
	for (i = 0; i < r->n; i++)
		if (strlen(r->v[i]) == len && !memcmp(r->v[i], id, len))
			return true;
	return false;
}

/* Mark the items naming a known name; learn the functions they define. */
static bool mark(struct source *s, struct names *r)
{
	bool grew = false;
	size_t k, i;

	for (k = 0; k < s->nitems; k++) {
		struct item *it = &s->items[k];

		if (it->relevant)
			continue;
		for (i = it->first; i <= it->last && !it->relevant; i++)
			it->relevant = s->tok[i].kind == 'i' &&
				       known(r, s->text + s->tok[i].off, s->tok[i].len);
		if (it->relevant && it->name != SIZE_MAX) {
			const struct token *t = &s->tok[it->name];

			if (!known(r, s->text + t->off, t->len)) {
				r->v = tdx_xreallocarray(r->v, r->n + 1, sizeof(*r->v));
				r->v[r->n++] = tdx_xstrndup(s->text + t->off, t->len);
			}
			grew = true;
		}
	}
	return grew;
}

/* The file with everything but the relevant items blanked, lines kept. */
static char *gate_text(const struct source *s)
{
	char *out = tdx_xmalloc(s->len + 1);
	size_t k, i;

	for (i = 0; i < s->len; i++)
		out[i] = s->text[i] == '\n' ? '\n' : ' ';
	out[s->len] = '\0';
	for (k = 0; k < s->nitems; k++) {
		const struct item *it = &s->items[k];
		size_t from, to;

		if (!it->relevant)
			continue;
		from = s->tok[it->first].off;
		to = s->tok[it->last].off + s->tok[it->last].len;
		memcpy(out + from, s->text + from, to - from);
	}
	/* conditionals shape what the compiler sees; other directives don't matter */
	for (k = 0; k < s->ncpp; k++) {
		size_t from = s->cpp[2 * k], to = s->cpp[2 * k + 1];
		const char *d = s->text + from;

		while (*d == ' ' || *d == '\t' || *d == '#')
			d++;
		if (!strncmp(d, "if", 2) || !strncmp(d, "el", 2) || !strncmp(d, "endif", 5))
			memcpy(out + from, s->text + from, to - from);
	}
	return out;
}

static int parse_check(const struct rf_tree *t, size_t f, const char *text,
		       const char *const *opts)
{
	const char *argv[32];
	char *path, *log, *out;
	size_t len, n = 0;
	int rc, status = 0;
	FILE *fp;

	path = rf_path(t->scratch, "gate.c");
	log = rf_path(t->scratch, "gate.log");
	fp = fopen(path, "w");
	if (!fp || fputs(text, fp) < 0 || fclose(fp)) {
		fprintf(stderr, RF_NAME ": %s: cannot write\n", path);
		free(path);
		free(log);
		return 1;
	}
	argv[n++] = rf_spatch();
	argv[n++] = "--parse-c";
	argv[n++] = "--no-includes";
	while (*opts)
		argv[n++] = *opts++;
	argv[n++] = path;
	argv[n] = NULL;
	rc = rf_run((char *const *)argv, log, true);
	if (rc < 0) {
		status = 1;
	} else if (rf_read_file(log, &out, &len)) {
		status = 1;
	} else {
		if (rc != 0 || !strstr(out, "nb bad = 0 ")) {
			fprintf(stderr, RF_NAME ": %s/%s: Coccinelle cannot parse code that names a "
				"TDX primitive; nothing changed\n", t->dir, t->files[f].rel);
			status = 1;
		}
		free(out);
	}
	free(path);
	free(log);
	return status;
}

int rf_gate(const struct rf_tree *t, const char *const *spatch_opts)
{
	struct source *src = tdx_xcalloc(t->n, sizeof(*src));
	struct names r = { NULL, 0 };
	bool grew = true;
	size_t i;
	int status = 0;

	for (i = 0; i < t->n; i++) {
		struct source *s = &src[i];
		char *p;

		if (!t->files[i].candidate)
			continue;
		p = rf_copy_path(t, i);
		if (rf_read_file(p, &s->text, &s->len)) {
			fprintf(stderr, RF_NAME ": %s: cannot read\n", p);
			free(p);
			status = 1;
			goto out;
		}
		free(p);
		s->tok = tokenize(s->text, s->len, &s->ntok, &s->cpp, &s->ncpp);
		split_items(s);
	}
	while (grew) {
		grew = false;
		for (i = 0; i < t->n; i++)
			if (t->files[i].candidate && mark(&src[i], &r))
				grew = true;
	}
	for (i = 0; i < t->n && !status; i++) {
		char *text;

		if (!t->files[i].candidate)
			continue;
		text = gate_text(&src[i]);
		status = parse_check(t, i, text, spatch_opts);
		free(text);
		if (rf_stopped())
			status = 1;
	}
out:
	for (i = 0; i < t->n; i++) {
		free(src[i].text);
		free(src[i].tok);
		free(src[i].cpp);
		free(src[i].items);
	}
	for (i = 0; i < r.n; i++)
		free(r.v[i]);
	free(r.v);
	free(src);
	return status;
}
