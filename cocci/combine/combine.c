// SPDX-License-Identifier: GPL-2.0
/*
 * tdxcheck-cocci-combine: the rule files as one semantic patch.
 *
 *   tdxcheck-cocci-combine OUT RULE.cocci...
 *
 * Why: spatch's start-up (OCaml, standard.h, the isomorphisms, python) costs
 * about a second of CPU, and each run reads every file of the tree to find
 * those that name a primitive.  Ten rules run one by one pay both ten
 * times; one semantic patch holding them all pays them once, which is what
 * puts "every rule" beside the cost of one stock rule (bench/).
 *
 * Each rule file is copied whole, in the order given, with its rules
 * renamed apart: rule R of status-ignored.cocci becomes
 * R__status_ignored in its header, in the `depends on` of the file's later
 * rules and in their inherited metavariables (R.x).  A named matching rule
 * with the same text as the first one of its name, depending only on rules
 * that are shared too (the `tdx_names` literal first match, `tdx_file`),
 * is written once and shared: spatch then matches it once per file.  The
 * python of the `@initialize:python@` blocks runs in one interpreter, so a
 * top-level name two files define differently is an error, not a silent
 * override.  `virtual` lines are merged at the top; each input's header
 * comment stays as a section comment, less what coccicheck reads from the
 * whole file (`///`, `Options:`, `Requires:`), which the combined header
 * states once.
 *
 * Exit 0 written, 2 bad input (unreadable file, no rule, differing
 * Options, a python name defined twice); OUT is replaced only when whole.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define NAME "tdxcheck-cocci-combine"

struct rule {
	size_t head;		/* the header line */
	size_t last;		/* its last line that is not blank or a comment */
	size_t end;		/* one past its last line: the next header */
	char *name;		/* NULL: anonymous, script or initialize */
	bool init;		/* @initialize:python@ */
	bool first;		/* no earlier file has a rule of its name */
	bool shared;		/* the same as the first rule of its name */
};

struct rule_file {
	const char *path;
	char *stem;		/* file name without .cocci, '-' as '_' */
	char **line;
	size_t nr;
	size_t preamble;	/* lines before the first header */
	struct rule *rule;
	size_t nr_rules;
};

static void die(const char *path, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void die(const char *path, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, NAME ": %s: ", path);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void read_lines(struct rule_file *f)
{
	FILE *in = fopen(f->path, "r");
	char *buf = NULL;
	size_t cap = 0, alloc = 0;
	ssize_t n;

	if (!in)
		die(f->path, "%s", strerror(errno));
	while ((n = getline(&buf, &cap, in)) >= 0) {
		if (n && buf[n - 1] == '\n')
			buf[--n] = '\0';
		if (f->nr == alloc) {
			alloc = alloc ? 2 * alloc : 1024;
			f->line = tdx_xreallocarray(f->line, alloc, sizeof(*f->line));
		}
		f->line[f->nr++] = tdx_xstrdup(buf);
	}
	if (ferror(in))
		die(f->path, "%s", strerror(errno));
	free(buf);
	fclose(in);
}

/* "@...@" alone on its line: a rule header or the "@@" that ends one. */
static bool at_line(const char *s)
{
	size_t n = strlen(s);

	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return n >= 2 && s[0] == '@' && s[n - 1] == '@';
}

static bool blank_or_comment(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return !*s || !strncmp(s, "//", 2);
}

static size_t ident_len(const char *s)
{
	size_t n = 0;

	if (!isalpha((unsigned char)*s) && *s != '_')
		return 0;
	while (isalnum((unsigned char)s[n]) || s[n] == '_')
		n++;
	return n;
}

static void split_rules(struct rule_file *f)
{
	bool header = true;
	size_t i, alloc = 0;

	f->preamble = f->nr;
	for (i = 0; i < f->nr; i++) {
		struct rule *r;
		size_t n;

		if (!at_line(f->line[i]))
			continue;
		if (!header) {		/* the "@@" closing the header's declarations */
			header = true;
			continue;
		}
		header = false;
		if (f->nr_rules == alloc) {
			alloc = alloc ? 2 * alloc : 64;
			f->rule = tdx_xreallocarray(f->rule, alloc, sizeof(*f->rule));
		}
		if (!f->nr_rules)
			f->preamble = i;
		else
			f->rule[f->nr_rules - 1].end = i;
		r = &f->rule[f->nr_rules++];
		memset(r, 0, sizeof(*r));
		r->head = i;
		n = ident_len(f->line[i] + 1);
		r->init = !strncmp(f->line[i], "@initialize:", 12);
		if (n && f->line[i][1 + n] != ':' &&
		    !(n == 7 && !strncmp(f->line[i] + 1, "depends", 7)))
			r->name = tdx_xstrndup(f->line[i] + 1, n);
	}
	if (!f->nr_rules)
		die(f->path, "no SmPL rule");
	if (!header)
		die(f->path, "rule at line %zu has no closing @@",
		    f->rule[f->nr_rules - 1].head + 1);
	f->rule[f->nr_rules - 1].end = f->nr;
	for (i = 0; i < f->nr_rules; i++) {
		struct rule *r = &f->rule[i];

		r->last = r->end - 1;
		while (r->last > r->head && blank_or_comment(f->line[r->last]))
			r->last--;
	}
}

/* The rule of file k named name, or NULL. */
static struct rule *find_rule(struct rule_file *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->nr_rules; i++)
		if (f->rule[i].name && !strcmp(f->rule[i].name, name))
			return &f->rule[i];
	return NULL;
}

/* A rule name of f spelled at s (whole word), or NULL. */
static struct rule *name_at(struct rule_file *f, const char *line, const char *s,
			    size_t *len)
{
	struct rule *r;
	char *word;

	*len = ident_len(s);
	if (!*len || (s > line && (isalnum((unsigned char)s[-1]) || s[-1] == '_')))
		return NULL;
	word = tdx_xstrndup(s, *len);
	r = find_rule(f, word);
	free(word);
	return r;
}

/*
 * line of f written to out with its rule names renamed: every word in a
 * header, and in declarations only a word followed by '.' (an inherited
 * metavariable), so that python in a script constraint keeps its own
 * names.  The first rule of a name, and a shared one, keep it.
 */
static void write_renamed(FILE *out, struct rule_file *f, const char *line, bool whole_words)
{
	const char *s = line;
	size_t len;

	while (*s) {
		struct rule *r = name_at(f, line, s, &len);

		if (r && (whole_words || s[len] == '.')) {
			fwrite(s, 1, len, out);
			if (!r->first && !r->shared)
				fprintf(out, "__%s", f->stem);
		} else {
			len = len ? len : 1;
			fwrite(s, 1, len, out);
		}
		s += len;
	}
	fputc('\n', out);
}

/* Every rule the header or declarations of r refer to keeps its name. */
static bool refers_to_plain_only(struct rule_file *f, struct rule *r)
{
	size_t i, len;

	for (i = r->head; i < r->end; i++) {
		const char *s;

		if (i > r->head && at_line(f->line[i]))
			break;
		for (s = f->line[i]; *s; s += len ? len : 1) {
			struct rule *ref = name_at(f, f->line[i], s, &len);

			if (ref && ref != r && (i == r->head || s[len] == '.') &&
			    !ref->first && !ref->shared)
				return false;
		}
	}
	return true;
}

static bool same_text(struct rule_file *a, struct rule *ra, struct rule_file *b,
		      struct rule *rb)
{
	size_t i;

	if (ra->last - ra->head != rb->last - rb->head)
		return false;
	for (i = 0; i <= ra->last - ra->head; i++)
		if (strcmp(a->line[ra->head + i], b->line[rb->head + i]))
			return false;
	return true;
}

/*
 * The first rule of a name keeps it; a later one of the same text, whose
 * references and the first one's all keep their names, is that rule.
 */
static void mark_shared(struct rule_file *files, size_t k)
{
	size_t i, j;

	for (i = 0; i < files[k].nr_rules; i++) {
		struct rule *r = &files[k].rule[i], *first = NULL;

		if (!r->name)
			continue;
		for (j = 0; j < k && !first; j++)
			first = find_rule(&files[j], r->name);
		if (!first) {
			r->first = true;
			continue;
		}
		j--;
		r->shared = same_text(&files[j], first, &files[k], r) &&
			    refers_to_plain_only(&files[j], first) &&
			    refers_to_plain_only(&files[k], r);
	}
}

/*
 * The top-level python names of the initialize blocks: `def NAME`, `class
 * NAME` or `NAME =` at column 0, with the text up to the next line at
 * column 0.  One interpreter runs them all, so a name must mean one thing.
 */
struct py_def {
	char *name;
	char *text;
	const char *path;
};

static void collect_python(struct rule_file *f, struct py_def **defs, size_t *nr)
{
	size_t i, k;

	for (k = 0; k < f->nr_rules; k++) {
		struct rule *r = &f->rule[k];
		size_t body = r->head + 1;

		if (!r->init)
			continue;
		while (body < r->end && !at_line(f->line[body]))
			body++;
		for (i = body + 1; i < r->end; i++) {
			const char *s = f->line[i], *t;
			size_t len, j, n, size = 0;
			char *text, *name;
			bool def = false;

			if (!strncmp(s, "def ", 4) || !strncmp(s, "class ", 6)) {
				s = strchr(s, ' ') + 1;
				def = true;
			}
			len = ident_len(s);
			if (!len)
				continue;
			t = s + len + strspn(s + len, " \t");
			if (!def && (t[0] != '=' || t[1] == '='))
				continue;
			/* the indented lines below it, less trailing blank ones */
			for (j = i + 1; j < r->end && (!f->line[j][0] ||
						       isspace((unsigned char)f->line[j][0])); j++)
				;
			while (j > i + 1 && blank_or_comment(f->line[j - 1]))
				j--;
			for (n = i; n < j; n++)
				size += strlen(f->line[n]) + 1;
			text = tdx_xmalloc(size + 1);
			text[0] = '\0';
			for (n = i; n < j; n++) {
				strcat(text, f->line[n]);
				strcat(text, "\n");
			}
			name = tdx_xstrndup(s, len);
			for (n = 0; n < *nr; n++)
				if (!strcmp((*defs)[n].name, name))
					break;
			if (n < *nr) {
				if (strcmp((*defs)[n].text, text))
					die(f->path, "python '%s' differs from the one in %s",
					    name, (*defs)[n].path);
				free(name);
				free(text);
				continue;
			}
			*defs = tdx_xreallocarray(*defs, *nr + 1, sizeof(**defs));
			(*defs)[(*nr)++] = (struct py_def){ name, text, f->path };
		}
	}
}

static const char *options_of(struct rule_file *f)
{
	size_t i;

	for (i = 0; i < f->preamble; i++)
		if (strstr(f->line[i], "Options:"))
			return f->line[i];
	return "";
}

static void write_file(FILE *out, struct rule_file *f)
{
	size_t i, k;
	const char *base = strrchr(f->path, '/');

	fprintf(out, "\n// ---- %s ----\n", base ? base + 1 : f->path);
	for (i = 0; i < f->preamble; i++) {
		const char *s = f->line[i];

		if (!strncmp(s, "virtual ", 8) || strstr(s, "SPDX-License-Identifier") ||
		    strstr(s, "Options:") || strstr(s, "Requires:"))
			continue;
		if (!strncmp(s, "///", 3))
			fprintf(out, "//%s\n", s + 3);
		else
			fprintf(out, "%s\n", s);
	}
	for (k = 0; k < f->nr_rules; k++) {
		struct rule *r = &f->rule[k];
		bool decl = true;

		for (i = r->head; i < r->end; i++) {
			if (r->shared && i <= r->last)
				continue;	/* written by the file that has it first */
			if (i > r->head && decl && at_line(f->line[i]))
				decl = false;
			if (i == r->head || decl)
				write_renamed(out, f, f->line[i], i == r->head);
			else
				fprintf(out, "%s\n", f->line[i]);
		}
	}
}

static void write_virtuals(FILE *out, struct rule_file *files, size_t nr)
{
	char **seen = NULL;
	size_t n = 0, i, k, j;

	for (k = 0; k < nr; k++)
		for (i = 0; i < files[k].preamble; i++) {
			const char *s = files[k].line[i];

			if (strncmp(s, "virtual ", 8))
				continue;
			for (j = 0; j < n && strcmp(seen[j], s); j++)
				;
			if (j < n)
				continue;
			seen = tdx_xreallocarray(seen, n + 1, sizeof(*seen));
			seen[n++] = (char *)s;
			fprintf(out, "%s\n", s);
		}
	free(seen);
}

static void release(struct rule_file *files, size_t nr, struct py_def *defs, size_t nr_defs)
{
	size_t k, i;

	for (k = 0; k < nr; k++) {
		for (i = 0; i < files[k].nr; i++)
			free(files[k].line[i]);
		for (i = 0; i < files[k].nr_rules; i++)
			free(files[k].rule[i].name);
		free(files[k].line);
		free(files[k].rule);
		free(files[k].stem);
	}
	free(files);
	for (i = 0; i < nr_defs; i++) {
		free(defs[i].name);
		free(defs[i].text);
	}
	free(defs);
}

int main(int argc, char **argv)
{
	struct rule_file *files;
	struct py_def *defs = NULL;
	size_t nr, k, nr_defs = 0;
	char *tmp;
	FILE *out;

	if (argc < 3) {
		fprintf(stderr, "usage: " NAME " OUT RULE.cocci...\n");
		return 2;
	}
	nr = (size_t)argc - 2;
	files = tdx_xcalloc(nr, sizeof(*files));
	for (k = 0; k < nr; k++) {
		struct rule_file *f = &files[k];
		const char *base = strrchr(argv[k + 2], '/');
		char *p;

		f->path = argv[k + 2];
		f->stem = tdx_xstrdup(base ? base + 1 : f->path);
		if ((p = strstr(f->stem, ".cocci")))
			*p = '\0';
		for (p = f->stem; *p; p++)
			if (!isalnum((unsigned char)*p))
				*p = '_';
		read_lines(f);
		split_rules(f);
		if (strcmp(options_of(f), options_of(&files[0])))
			die(f->path, "its Options: line differs from %s's", files[0].path);
		mark_shared(files, k);
		collect_python(f, &defs, &nr_defs);
	}

	tmp = tdx_xasprintf("%s.tmp", argv[1]);
	out = fopen(tmp, "w");
	if (!out)
		die(tmp, "%s", strerror(errno));
	fprintf(out, "// SPDX-License-Identifier: GPL-2.0\n"
		     "/// Every tdxcheck rule in one semantic patch: spatch starts once and reads\n"
		     "/// each file once for all of them.\n"
		     "//\n"
		     "// Generated by " NAME " from the rule files named below; edit\n"
		     "// those.  Report, org and context modes print what the rules print one\n"
		     "// by one; for patch mode use tdxcheck-refactor, which applies the rules\n"
		     "// one at a time until the tree settles.\n"
		     "//\n"
		     "// Confidence: High\n"
		     "// Copyright: (C) 2025 The tdxcheck authors.\n"
		     "%s\n"
		     "// Keywords: TDX, SEAMCALL, TDCALL, TDVMCALL\n\n", options_of(&files[0]));
	write_virtuals(out, files, nr);
	for (k = 0; k < nr; k++)
		write_file(out, &files[k]);
	if (fflush(out) || ferror(out) || fclose(out)) {
		remove(tmp);
		die(argv[1], "cannot write");
	}
	if (rename(tmp, argv[1])) {
		remove(tmp);
		die(argv[1], "%s", strerror(errno));
	}
	free(tmp);
	release(files, nr, defs, nr_defs);
	return 0;
}
