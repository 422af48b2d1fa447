// SPDX-License-Identifier: GPL-2.0
/* The tokens of a source file as written: see tokens.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tokens.h"

static struct tok_file **files;
static size_t nr_files, cap_files;

static void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p) {
		fprintf(stderr, "tdxcheck-clang: out of memory\n");
		exit(2);
	}
	return p;
}

/* Line starts of the text, to give every token its line and column. */
static unsigned int *line_starts(const char *text, size_t len, size_t *nr)
{
	unsigned int *v;
	size_t n = 1, i;

	for (i = 0; i < len; i++)
		n += text[i] == '\n';
	v = xrealloc(NULL, n * sizeof(*v));
	v[0] = 0;
	n = 1;
	for (i = 0; i < len; i++)
		if (text[i] == '\n')
			v[n++] = (unsigned int)i + 1;
	*nr = n;
	return v;
}

static unsigned int line_index(const unsigned int *starts, size_t nr, unsigned int off)
{
	size_t lo = 0, hi = nr;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (unsigned int)lo;
}

/*
 * A '#' first on its line starts a directive, which runs to the end of the
 * line and its backslash continuations.
 */
static void mark_directives(struct tok_file *f)
{
	unsigned int last_line = 0, dir_end_line = 0;
	size_t i;

	for (i = 0; i < f->nr; i++) {
		struct tok *t = &f->v[i];
		bool first = !i || t->line != last_line;

		if (first && t->line > dir_end_line && f->text[t->off] == '#') {
			unsigned int off = t->off;

			dir_end_line = t->line;
			/* continuation lines belong to the directive */
			for (; off < f->len; off++) {
				if (f->text[off] != '\n')
					continue;
				if (off > 0 && f->text[off - 1] == '\\') {
					dir_end_line++;
					continue;
				}
				break;
			}
		}
		t->directive = t->line <= dir_end_line;
		last_line = t->line;
	}
}

/*
 * Tokens of a conditional group the preprocessor skipped (#if 0 text, the
 * dead branch of an #ifdef) are no code: the compiler never saw them.
 * libclang keeps the skipped ranges in its preprocessing record (main.c
 * asks for it).
 */
static void mark_skipped(CXTranslationUnit tu, struct tok_file *f)
{
	CXSourceRangeList *skipped = clang_getSkippedRanges(tu, f->file);
	unsigned int r;

	if (!skipped)
		return;
	for (r = 0; r < skipped->count; r++) {
		unsigned int from, to;
		size_t lo = 0, hi = f->nr;

		clang_getFileLocation(clang_getRangeStart(skipped->ranges[r]),
				      NULL, NULL, NULL, &from);
		clang_getFileLocation(clang_getRangeEnd(skipped->ranges[r]),
				      NULL, NULL, NULL, &to);
		while (lo < hi) {	/* the first token at or after from */
			size_t mid = (lo + hi) / 2;

			if (f->v[mid].off < from)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < f->nr && f->v[lo].off < to; lo++)
			f->v[lo].directive = true;
	}
	clang_disposeSourceRangeList(skipped);
}

static struct tok_file *lex(CXTranslationUnit tu, CXFile file)
{
	struct tok_file *f;
	CXSourceRange range;
	CXToken *toks = NULL;
	unsigned int nr = 0, i, *starts;
	size_t len = 0, nr_lines;
	const char *text = clang_getFileContents(tu, file, &len);
	CXString name;

	if (!text)
		return NULL;
	f = xrealloc(NULL, sizeof(*f));
	memset(f, 0, sizeof(*f));
	f->file = file;
	name = clang_getFileName(file);
	f->path = strdup(clang_getCString(name) ? clang_getCString(name) : "");
	clang_disposeString(name);
	f->text = text;
	f->len = len;
	range = clang_getRange(clang_getLocationForOffset(tu, file, 0),
			       clang_getLocationForOffset(tu, file, (unsigned int)len));
	clang_tokenize(tu, range, &toks, &nr);
	f->v = xrealloc(NULL, nr * sizeof(*f->v));
	starts = line_starts(text, len, &nr_lines);
	for (i = 0; i < nr; i++) {
		CXSourceRange ext = clang_getTokenExtent(tu, toks[i]);
		unsigned int off, end, l;
		struct tok *t;

		if (clang_getTokenKind(toks[i]) == CXToken_Comment)
			continue;
		clang_getFileLocation(clang_getRangeStart(ext), NULL, NULL, NULL, &off);
		clang_getFileLocation(clang_getRangeEnd(ext), NULL, NULL, NULL, &end);
		t = &f->v[f->nr++];
		l = line_index(starts, nr_lines, off);
		t->off = off;
		t->end = end;
		t->line = l + 1;
		t->col = off - starts[l] + 1;
		t->kind = (unsigned char)clang_getTokenKind(toks[i]);
		t->directive = false;
	}
	free(starts);
	clang_disposeTokens(tu, toks, nr);
	mark_directives(f);
	mark_skipped(tu, f);
	return f;
}

struct tok_file *tok_file_get(CXTranslationUnit tu, CXFile file)
{
	static struct tok_file *last;
	struct tok_file *f;
	size_t i;

	if (!file)
		return NULL;
	if (last && clang_File_isEqual(last->file, file))
		return last;
	for (i = 0; i < nr_files; i++)
		if (clang_File_isEqual(files[i]->file, file))
			return last = files[i];
	f = lex(tu, file);
	if (!f)
		return NULL;
	if (nr_files == cap_files) {
		cap_files = cap_files ? 2 * cap_files : 16;
		files = xrealloc(files, cap_files * sizeof(*files));
	}
	files[nr_files++] = f;
	return last = f;
}

void tok_release_all(void)
{
	size_t i;

	for (i = 0; i < nr_files; i++) {
		free(files[i]->v);
		free(files[i]->path);
		free(files[i]);
	}
	free(files);
	files = NULL;
	nr_files = cap_files = 0;
}

static size_t first_at_or_after(const struct tok_file *f, unsigned int off)
{
	size_t lo = 0, hi = f->nr;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (f->v[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t tok_at_or_after(const struct tok_file *f, unsigned int off)
{
	size_t i = first_at_or_after(f, off);

	while (i < f->nr && f->v[i].directive)
		i++;
	return i;
}

long tok_index(const struct tok_file *f, unsigned int off)
{
	size_t i = first_at_or_after(f, off);

	if (i < f->nr && f->v[i].off == off && !f->v[i].directive)
		return (long)i;
	return -1;
}

long tok_before(const struct tok_file *f, unsigned int off)
{
	return tok_step(f, (long)first_at_or_after(f, off), -1);
}

long tok_step(const struct tok_file *f, long i, int step)
{
	if (i < 0)
		return -1;
	for (i += step; i >= 0 && (size_t)i < f->nr; i += step)
		if (!f->v[i].directive)
			return i;
	return -1;
}

bool tok_is(const struct tok_file *f, long i, const char *s)
{
	size_t n = strlen(s);

	return i >= 0 && (size_t)i < f->nr && f->v[i].end - f->v[i].off == n &&
	       !memcmp(f->text + f->v[i].off, s, n);
}

static int bracket(const struct tok_file *f, long i)
{
	const struct tok *t = &f->v[i];

	if (t->kind != CXToken_Punctuation || t->end - t->off != 1 || t->directive)
		return 0;
	switch (f->text[t->off]) {
	case '(': case '[': case '{':
		return 1;
	case ')': case ']': case '}':
		return -1;
	}
	return 0;
}

long tok_match(const struct tok_file *f, long open)
{
	static const char pairs[] = "()[]{}";
	const char *p;
	long i;
	int depth = 0;

	if (open < 0 || bracket(f, open) != 1)
		return -1;
	p = strchr(pairs, f->text[f->v[open].off]);
	for (i = open; (size_t)i < f->nr; i++) {
		int b = bracket(f, i);

		depth += b;
		if (b < 0 && depth == 0)
			return f->text[f->v[i].off] == p[1] ? i : -1;
	}
	return -1;
}

long tok_stmt_end(const struct tok_file *f, long i)
{
	int depth = 0;

	for (; i >= 0 && (size_t)i < f->nr; i = tok_step(f, i, 1)) {
		int b = bracket(f, i);

		if (b > 0) {
			depth++;
		} else if (b < 0) {
			if (f->text[f->v[i].off] == '}' && depth == 0)
				return tok_step(f, i, -1);
			if (depth > 0)
				depth--;
		} else if (depth == 0 && tok_is(f, i, ";")) {
			return i;
		}
	}
	return -1;
}

unsigned int tok_line_of(const struct tok_file *f, unsigned int off)
{
	long i = tok_before(f, off + 1);
	unsigned int line;
	size_t k;

	if (i < 0)
		return 1;
	/* from the token at or before off, count the newlines up to off */
	line = f->v[i].line;
	for (k = f->v[i].off; k < off && k < f->len; k++)
		line += f->text[k] == '\n';
	return line;
}
