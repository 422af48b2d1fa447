// SPDX-License-Identifier: GPL-2.0
/*
 * Reading source facts from the text: see source_text.h.
 *
 * The scans work on code bytes only (the mask built by lex_mask), so a brace
 * in a comment, a ';' in a string or a '#define' line never misleads them.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source_text.h"
#include "model_cxx.h"

static struct src_file **cache;
static size_t cache_size;	/* power of two, open addressing by path */
static size_t cache_used;

static size_t hash_path(const char *s)
{
	size_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static bool is_ident(int c)
{
	return isalnum(c) || c == '_' || c == '$';
}

/*
 * Mark every byte that is code.  Comments, string and character literals and
 * preprocessor directive lines (with their continuations) are not.
 */
static void lex_mask(struct src_file *f)
{
	const char *s = f->text;
	long n = f->len, i = 0;
	bool line_start = true;

	f->code = (unsigned char *)calloc(n + 1, 1);
	if (!f->code)
		return;
	while (i < n) {
		char c = s[i];

		if (c == '/' && i + 1 < n && s[i + 1] == '*') {
			long end = i + 2;

			while (end + 1 < n && !(s[end] == '*' && s[end + 1] == '/'))
				end++;
			i = end + 2 < n ? end + 2 : n;
			continue;
		}
		if (c == '/' && i + 1 < n && s[i + 1] == '/') {
			while (i < n && s[i] != '\n')
				i++;
			continue;
		}
		if (c == '"' || c == '\'') {
			i++;
			while (i < n && s[i] != c && s[i] != '\n') {
				if (s[i] == '\\' && i + 1 < n)
					i++;
				i++;
			}
			i++;
			line_start = false;
			continue;
		}
		if (c == '#' && line_start) {
			/* A directive runs to an unescaped newline outside a comment. */
			while (i < n && s[i] != '\n') {
				if (s[i] == '\\' && i + 1 < n && s[i + 1] == '\n') {
					i += 2;
					continue;
				}
				if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
					i += 2;
					while (i + 1 < n && !(s[i] == '*' && s[i + 1] == '/'))
						i++;
					i += 2;
					continue;
				}
				i++;
			}
			continue;
		}
		f->code[i] = 1;
		if (c == '\n')
			line_start = true;
		else if (!isspace((unsigned char)c))
			line_start = false;
		i++;
	}
}

static void index_lines(struct src_file *f)
{
	unsigned int nr = 1;
	long i;

	for (i = 0; i < f->len; i++)
		if (f->text[i] == '\n')
			nr++;
	f->line_start = (long *)malloc(nr * sizeof(long));
	if (!f->line_start)
		return;
	f->line_start[0] = 0;
	nr = 1;
	for (i = 0; i < f->len; i++)
		if (f->text[i] == '\n')
			f->line_start[nr++] = i + 1;
	f->nr_lines = nr;
}

/* The whole file in a NUL-terminated buffer, or NULL. */
static char *read_text(const char *path, long *lenp)
{
	FILE *fp = fopen(path, "rb");
	char *text = NULL;
	long len;

	if (!fp)
		return NULL;
	if (!fseek(fp, 0, SEEK_END) && (len = ftell(fp)) >= 0 && !fseek(fp, 0, SEEK_SET)) {
		text = (char *)malloc(len + 1);
		if (text && fread(text, 1, len, fp) != (size_t)len) {
			free(text);
			text = NULL;
		}
	}
	fclose(fp);
	if (text) {
		text[len] = '\0';
		*lenp = len;
	}
	return text;
}

static struct src_file *lexed(const char *path, char *text, long len);
static char *text_from_input(const char *path, long *len);

static struct src_file *load(const char *path)
{
	long len = 0;
	char *text = read_text(path, &len);

	if (!text)
		text = text_from_input(path, &len);
	return text ? lexed(path, text, len) : NULL;
}

/* A src_file of text (which it takes over): masked and indexed. */
static struct src_file *lexed(const char *path, char *text, long len)
{
	struct src_file *f = (struct src_file *)calloc(1, sizeof(*f));

	if (!f) {
		free(text);
		return NULL;
	}
	f->text = text;
	f->len = len;
	f->path = strdup(path);
	lex_mask(f);
	index_lines(f);
	if (!f->code || !f->line_start || !f->path) {
		free(f->code);
		free(f->line_start);
		free(f->path);
		free(f->text);
		free(f);
		return NULL;
	}
	return f;
}

static void cache_insert(struct src_file *f)
{
	size_t mask = cache_size - 1, i = hash_path(f->path) & mask;

	while (cache[i])
		i = (i + 1) & mask;
	cache[i] = f;
}

/* ---- the preprocessed input standing in for files that are not here ---- */

/* One file's lines in the input: line[l - 1] starts line l, len[l - 1] long. */
struct input_file {
	char *name;
	const char **line;
	long *len;
	unsigned int nr_lines;
};

static struct {
	char *path;		/* NULL: the input is the source itself */
	bool verbatim;		/* -fdirectives-only: lines as written */
	bool indexed;
	char *text;		/* the input, read when first needed */
	struct input_file *files;
	size_t nr_files;
} input;

static char *unreadable;	/* the first file that could not be had */

void src_set_input(const char *path, bool verbatim)
{
	free(input.path);
	input.path = path ? strdup(path) : NULL;
	input.verbatim = verbatim;
}

const char *src_unreadable(void)
{
	return unreadable;
}

static void release_input(void)
{
	size_t i;

	for (i = 0; i < input.nr_files; i++) {
		free(input.files[i].name);
		free(input.files[i].line);
		free(input.files[i].len);
	}
	free(input.files);
	free(input.text);
	input.files = NULL;
	input.text = NULL;
	input.nr_files = 0;
	input.indexed = false;
	free(unreadable);
	unreadable = NULL;
}

static struct input_file *input_file(const char *name, size_t len)
{
	static size_t last;
	struct input_file *f;
	size_t i;

	for (i = 0; i < input.nr_files; i++) {
		size_t k = (last + i) % input.nr_files;

		if (strlen(input.files[k].name) == len && !memcmp(input.files[k].name, name, len))
			return &input.files[last = k];
	}
	f = (struct input_file *)realloc(input.files, (input.nr_files + 1) * sizeof(*f));
	if (!f)
		return NULL;
	input.files = f;
	f = &input.files[input.nr_files];
	memset(f, 0, sizeof(*f));
	f->name = strndup(name, len);
	last = input.nr_files++;
	return f->name ? f : NULL;
}

static void input_put_line(struct input_file *f, unsigned int nr, const char *s, long len)
{
	if (!f || !nr || nr > 1u << 24)
		return;
	if (nr > f->nr_lines) {
		unsigned int n = nr + nr / 2 + 16;
		const char **line = (const char **)realloc(f->line, n * sizeof(*line));
		long *lens = line ? (long *)realloc(f->len, n * sizeof(*lens)) : NULL;

		if (line)
			f->line = line;
		if (!line || !lens)
			return;
		f->len = lens;
		memset(f->line + f->nr_lines, 0, (n - f->nr_lines) * sizeof(*line));
		memset(f->len + f->nr_lines, 0, (n - f->nr_lines) * sizeof(*lens));
		f->nr_lines = n;
	}
	f->line[nr - 1] = s;
	f->len[nr - 1] = len;
}

/*
 * A line marker, '# LINE "NAME" FLAGS...', as GCC writes them: the next
 * line is LINE of NAME.  NAME's escapes are kept (as in the locations).
 */
static bool line_marker(const char *s, const char *end, unsigned long *line,
			const char **name, size_t *name_len)
{
	const char *p = s + 1;
	char *num_end;

	if (*s != '#' || p >= end || *p != ' ')
		return false;
	*line = strtoul(p + 1, &num_end, 10);
	if (num_end == p + 1 || num_end + 1 >= end || num_end[0] != ' ' || num_end[1] != '"')
		return false;
	*name = num_end + 2;
	for (p = *name; p < end && *p != '"'; p++)
		if (*p == '\\' && p + 1 < end)
			p++;
	if (p >= end)
		return false;
	*name_len = (size_t)(p - *name);
	return true;
}

/* Which line of which file each line of the input is. */
static void index_input(void)
{
	struct input_file *cur = NULL;
	unsigned long nr = 0;
	long len = 0;
	char *s, *end;

	input.indexed = true;
	input.text = read_text(input.path, &len);
	if (!input.text)
		return;
	for (s = input.text, end = s + len; s < end; ) {
		char *eol = (char *)memchr(s, '\n', (size_t)(end - s));
		const char *name;
		size_t name_len;
		unsigned long line;

		if (!eol)
			eol = end;
		if (line_marker(s, eol, &line, &name, &name_len)) {
			cur = input_file(name, name_len);
			nr = line;
		} else {
			input_put_line(cur, (unsigned int)nr, s, (long)(eol - s));
			nr++;
		}
		s = eol + 1;
	}
}

/*
 * The text of path as the input holds it: its lines at their line numbers,
 * those the input leaves out (#if'd out, never reached) empty.  NULL when
 * the input is not verbatim or never names path.
 */
static char *text_from_input(const char *path, long *lenp)
{
	const struct input_file *f = NULL;
	unsigned int i, last = 0;
	long len = 0;
	size_t k;
	char *text, *p;

	if (!input.path || !input.verbatim)
		return NULL;
	if (!input.indexed)
		index_input();
	for (k = 0; k < input.nr_files && !f; k++)
		if (!strcmp(input.files[k].name, path))
			f = &input.files[k];
	if (!f)
		return NULL;
	for (i = 0; i < f->nr_lines; i++) {
		len += f->len[i] + 1;
		if (f->line[i])
			last = i + 1;
	}
	text = (char *)malloc(len + 1);
	if (!text)
		return NULL;
	for (p = text, i = 0; i < last; i++) {
		if (f->line[i]) {
			memcpy(p, f->line[i], f->len[i]);
			p += f->len[i];
		}
		*p++ = '\n';
	}
	*p = '\0';
	*lenp = (long)(p - text);
	return text;
}

struct src_file *src_get(const char *path)
{
	static struct src_file *last;
	struct src_file *f;
	size_t i, mask;

	if (!path || !*path)
		return NULL;
	if (last && !strcmp(last->path, path))
		return last;
	if (cache_size) {
		mask = cache_size - 1;
		for (i = hash_path(path) & mask; cache[i]; i = (i + 1) & mask)
			if (!strcmp(cache[i]->path, path))
				return last = cache[i];
	}
	f = load(path);
	if (!f) {
		/* <built-in> and <command-line> have no text; anything else is lost */
		if (path[0] != '<' && !unreadable)
			unreadable = strdup(path);
		return NULL;
	}
	if (2 * (cache_used + 1) > cache_size) {
		struct src_file **old = cache;
		size_t old_size = cache_size;

		cache_size = cache_size ? 2 * cache_size : 64;
		cache = (struct src_file **)calloc(cache_size, sizeof(*cache));
		if (!cache) {
			fprintf(stderr, "tdxcheck_plugin: out of memory\n");
			exit(2);
		}
		for (i = 0; i < old_size; i++)
			if (old[i])
				cache_insert(old[i]);
		free(old);
	}
	cache_insert(f);
	cache_used++;
	return last = f;
}

void src_release_all(void)
{
	size_t i;

	for (i = 0; i < cache_size; i++) {
		struct src_file *f = cache[i];

		if (!f)
			continue;
		free(f->code);
		free(f->line_start);
		free(f->path);
		free(f->text);
		free(f);
	}
	free(cache);
	cache = NULL;
	cache_size = cache_used = 0;
	release_input();
}

long src_offset(const struct src_file *f, unsigned int line, unsigned int col)
{
	long off;

	if (!f || !line || line > f->nr_lines || !col)
		return -1;
	off = f->line_start[line - 1] + col - 1;
	return off < f->len ? off : -1;
}

unsigned int src_line_of(const struct src_file *f, long off)
{
	unsigned int lo = 0, hi = f->nr_lines;

	/* The last line start <= off. */
	while (hi - lo > 1) {
		unsigned int mid = (lo + hi) / 2;

		if (f->line_start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo + 1;
}

unsigned int src_col_of(const struct src_file *f, long off)
{
	return (unsigned int)(off - f->line_start[src_line_of(f, off) - 1]) + 1;
}

static bool is_code(const struct src_file *f, long i)
{
	return f->code[i] && !isspace((unsigned char)f->text[i]);
}

long src_next(const struct src_file *f, long off)
{
	long i;

	if (off < 0)
		return -1;
	for (i = off; i < f->len; i++)
		if (is_code(f, i))
			return i;
	return -1;
}

long src_prev(const struct src_file *f, long off)
{
	long i;

	for (i = (off < f->len ? off : f->len) - 1; i >= 0; i--)
		if (is_code(f, i))
			return i;
	return -1;
}

bool src_word_at(const struct src_file *f, long off, const char *word)
{
	size_t n = strlen(word);

	if (off < 0 || off + (long)n > f->len || !f->code[off])
		return false;
	if (off > 0 && f->code[off - 1] && is_ident((unsigned char)f->text[off - 1]))
		return false;
	if (memcmp(f->text + off, word, n))
		return false;
	return off + (long)n >= f->len || !is_ident((unsigned char)f->text[off + n]);
}

long src_match(const struct src_file *f, long open)
{
	int depth = 0;
	char close;
	long i;

	if (open < 0 || open >= f->len)
		return -1;
	switch (f->text[open]) {
	case '(': close = ')'; break;
	case '[': close = ']'; break;
	case '{': close = '}'; break;
	default: return -1;
	}
	for (i = open; i < f->len; i++) {
		char c = f->text[i];

		if (!f->code[i])
			continue;
		if (c == '(' || c == '[' || c == '{') {
			depth++;
		} else if (c == ')' || c == ']' || c == '}') {
			if (--depth == 0)
				return c == close ? i : -1;
		}
	}
	return -1;
}

long src_stmt_end(const struct src_file *f, long off)
{
	int depth = 0;
	long i;

	if (off < 0)
		return -1;
	for (i = off; i < f->len; i++) {
		char c = f->text[i];

		if (!f->code[i])
			continue;
		if (c == '(' || c == '[' || c == '{') {
			depth++;
		} else if (c == ')' || c == ']') {
			/* off was inside parentheses: keep going outwards */
			if (depth > 0)
				depth--;
		} else if (c == '}') {
			if (depth == 0)	/* the enclosing block ends first */
				return src_prev(f, i);
			depth--;
		} else if (c == ';' && depth == 0) {
			return i;
		}
	}
	return -1;
}

/* The identifier ending at end (inclusive): its start. */
static long word_start(const struct src_file *f, long end)
{
	long i = end;

	while (i > 0 && f->code[i - 1] && is_ident((unsigned char)f->text[i - 1]))
		i--;
	return i;
}

long src_word_before(const struct src_file *f, long off, const char *word)
{
	long end = src_prev(f, off), w;

	if (end < 0 || !is_ident((unsigned char)f->text[end]))
		return -1;
	w = word_start(f, end);
	return src_word_at(f, w, word) ? w : -1;
}

long src_stmt_start(const struct src_file *f, long off)
{
	int depth = 0;
	long i;

	if (off < 0)
		return -1;
	for (i = off - 1; i >= 0; i--) {
		char c = f->text[i];

		if (!f->code[i] || isspace((unsigned char)c))
			continue;
		if (c == ')' || c == ']') {
			depth++;
		} else if (c == '}') {
			if (depth == 0)
				break;
			depth++;
		} else if (c == '(' || c == '[' || c == '{') {
			if (depth == 0)
				break;
			depth--;
		} else if (depth == 0 && (c == ';' || c == ':')) {
			break;
		} else if (depth == 0 && is_ident((unsigned char)c)) {
			long w = word_start(f, i);

			if (src_word_at(f, w, "else") || src_word_at(f, w, "do"))
				break;
			i = w;
		}
	}
	return src_next(f, i + 1);
}

long src_decl_start(const struct src_file *f, long off)
{
	int depth = 0;
	long i;

	if (off < 0)
		return -1;
	for (i = off - 1; i >= 0; i--) {
		char c = f->text[i];

		if (!f->code[i])
			continue;
		if (c == ')' || c == ']') {
			depth++;
		} else if (c == '(' || c == '[') {
			if (depth == 0)
				break;
			depth--;
		} else if (depth == 0 && (c == ';' || c == '{' || c == '}')) {
			break;
		}
	}
	return src_next(f, i + 1);
}

bool src_directive_between(const struct src_file *f, long from, long to)
{
	long i, j;

	for (i = from; i < to && i < f->len; i++) {
		if (f->text[i] != '\n')
			continue;
		for (j = i + 1; j < f->len && (f->text[j] == ' ' || f->text[j] == '\t'); j++)
			;
		if (j < f->len && f->text[j] == '#')
			return true;
	}
	return false;
}

unsigned int src_unused_spelling(const struct src_file *f, long from, long to)
{
	unsigned int bits = TDX_UNUSED_NONE;
	long attr_end = -1;	/* inside __attribute__((...)) until here */
	long i = from < 0 ? 0 : from;

	if (to > f->len)
		to = f->len;
	while (i < to) {
		long start, n;

		if (!f->code[i] || !is_ident((unsigned char)f->text[i]) ||
		    isdigit((unsigned char)f->text[i])) {
			i++;
			continue;
		}
		start = i;
		while (i < to && f->code[i] && is_ident((unsigned char)f->text[i]))
			i++;
		n = i - start;
#define IS(word) (n == (long)sizeof(word) - 1 && !memcmp(f->text + start, word, n))
		if (IS("__always_unused")) {
			bits |= TDX_UNUSED_ALWAYS;
		} else if (IS("__maybe_unused")) {
			bits |= TDX_UNUSED_MAYBE;
		} else if (IS("__attribute__") || IS("__attribute")) {
			attr_end = src_match(f, src_next(f, i));
		} else if ((IS("unused") || IS("__unused__")) && start < attr_end) {
			bits |= TDX_UNUSED_ATTR;
		}
#undef IS
	}
	return bits;
}

unsigned int src_function_unused(const struct src_file *f, long name)
{
	unsigned int bits;
	long from = src_decl_start(f, name), p = name, i;
	int depth = 0;

	if (from < 0 || from > name)
		return TDX_UNUSED_NONE;
	bits = src_unused_spelling(f, from, name);
	while (p < f->len && is_ident((unsigned char)f->text[p]))
		p++;
	p = src_next(f, p);
	if (p < 0 || f->text[p] != '(')
		return bits;
	p = src_match(f, p);
	if (p < 0)
		return bits;
	/* After the parameters: attributes up to the body or the ';'. */
	for (i = p + 1; i < f->len; i++) {
		char c = f->text[i];

		if (!f->code[i])
			continue;
		if (c == '(' || c == '[')
			depth++;
		else if ((c == ')' || c == ']') && depth > 0)
			depth--;
		else if (depth == 0 && (c == ';' || c == '{' || c == '=' || c == ','))
			break;
	}
	return bits | src_unused_spelling(f, p + 1, i);
}

/*
 * From pos, step (-1 or +1) through code to the ',' or the unmatched
 * bracket that ends one parameter's text; nested brackets are skipped.
 */
static long param_edge(const struct src_file *f, long pos, int step)
{
	const char *nest = step < 0 ? ")]" : "([";
	const char *unnest = step < 0 ? "([" : ")]";
	int depth = 0;

	for (; pos >= 0 && pos < f->len; pos += step) {
		char c = f->text[pos];

		if (!f->code[pos])
			continue;
		if (c == nest[0] || c == nest[1]) {
			depth++;
		} else if (c == unnest[0] || c == unnest[1]) {
			if (depth == 0)
				break;
			depth--;
		} else if (c == ',' && depth == 0) {
			break;
		}
	}
	return pos;
}

unsigned int src_param_unused(const struct src_file *f, long name)
{
	return src_unused_spelling(f, param_edge(f, name - 1, -1) + 1,
				   param_edge(f, name, 1));
}
