// SPDX-License-Identifier: GPL-2.0
/*
 * tdxcheck-ignore comments, read from the source text itself: every front
 * end sees the same comments, whatever its preprocessor kept.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suppress.h"

/*
 * What a line's tdxcheck-ignore comment silences, one bit per rule, worked
 * out the first time a finding on that line asks: a line holding thousands
 * of findings is read once, not once per finding.
 */
#define MASK_KNOWN	(1u << 31)
_Static_assert(TDX_NR_RULES < 31, "a rule mask is an unsigned int");

struct source_file {
	char *path;
	char *text;		/* NULL: unreadable */
	size_t len;
	size_t *line_off;	/* start of line i + 1 at line_off[i] */
	unsigned int nr_lines;
	unsigned int *silenced;	/* per line: MASK_KNOWN | 1 << rule, or 0 */
	/* the last display column worked out, to go on from on the same line */
	unsigned int dc_line, dc_byte, dc_col;
	struct source_file *next;
};

static struct source_file *cache;

static struct source_file *load(const char *path)
{
	struct source_file *sf;
	size_t len = 0, cap = 0, n, i, nl = 0;
	char buf[65536];
	FILE *f;

	for (sf = cache; sf; sf = sf->next)
		if (!strcmp(sf->path, path))
			return sf;
	sf = calloc(1, sizeof(*sf));
	if (!sf)
		return NULL;
	sf->path = strdup(path);
	if (!sf->path) {
		free(sf);
		return NULL;
	}
	sf->next = cache;
	cache = sf;
	f = fopen(path, "r");
	if (!f)
		return sf;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		if (len + n + 1 > cap) {
			char *grown;

			cap = 2 * (len + n + 1);
			grown = realloc(sf->text, cap);
			if (!grown) {
				free(sf->text);
				sf->text = NULL;
				fclose(f);
				return sf;
			}
			sf->text = grown;
		}
		memcpy(sf->text + len, buf, n);
		len += n;
	}
	fclose(f);
	if (!sf->text) {
		sf->text = strdup("");
		if (!sf->text)
			return sf;
	}
	sf->text[len] = '\0';
	sf->len = len;
	for (i = 0; i < len; i++)
		if (sf->text[i] == '\n')
			nl++;
	sf->nr_lines = (unsigned int)nl + (len && sf->text[len - 1] != '\n');
	sf->line_off = calloc((size_t)sf->nr_lines + 1, sizeof(size_t));
	sf->silenced = calloc((size_t)sf->nr_lines + 1, sizeof(*sf->silenced));
	if (!sf->line_off || !sf->silenced) {
		sf->nr_lines = 0;
		return sf;
	}
	nl = 1;
	for (i = 0; i < len && nl < sf->nr_lines; i++)
		if (sf->text[i] == '\n')
			sf->line_off[nl++] = i + 1;
	sf->line_off[sf->nr_lines] = len;
	return sf;
}

static const char *line_of(struct source_file *sf, unsigned int line, size_t *len)
{
	size_t start, end;

	if (!sf || !sf->text || !line || line > sf->nr_lines)
		return NULL;
	start = sf->line_off[line - 1];
	end = line < sf->nr_lines ? sf->line_off[line] : sf->len;
	while (end > start && (sf->text[end - 1] == '\n' || sf->text[end - 1] == '\r'))
		end--;
	if (len)
		*len = end - start;
	return sf->text + start;
}

const char *tdx_source_line(const char *path, unsigned int line, size_t *len)
{
	return path ? line_of(load(path), line, len) : NULL;
}

unsigned int tdx_source_display_column(const char *path, unsigned int line, unsigned int col)
{
	struct source_file *sf = path ? load(path) : NULL;
	const char *src;
	unsigned int i = 0, dcol = 0;
	size_t len;

	src = line_of(sf, line, &len);
	if (!src || !col || col - 1 > len)
		return col;
	/* Findings come sorted by column: go on from the last one on this line. */
	if (sf->dc_line == line && sf->dc_byte <= col - 1) {
		i = sf->dc_byte;
		dcol = sf->dc_col;
	}
	for (; i + 1 < col; i++) {
		if (src[i] == '\t')
			dcol = (dcol / 8 + 1) * 8;
		else if (((unsigned char)src[i] & 0xc0) != 0x80)
			dcol++;	/* UTF-8 continuation bytes share a column */
	}
	sf->dc_line = line;
	sf->dc_byte = i;
	sf->dc_col = dcol;
	return dcol + 1;
}

unsigned int tdx_source_nr_lines(const char *path)
{
	struct source_file *sf = path ? load(path) : NULL;

	return sf && sf->text ? sf->nr_lines : 0;
}

void tdx_source_cache_clear(void)
{
	while (cache) {
		struct source_file *next = cache->next;

		free(cache->path);
		free(cache->text);
		free(cache->line_off);
		free(cache->silenced);
		free(cache);
		cache = next;
	}
}

static bool name_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '_';
}

bool tdx_line_suppresses(const char *line, size_t len, enum tdx_rule_id rule)
{
	static const char tag[] = "tdxcheck-ignore:";
	const size_t taglen = sizeof(tag) - 1;
	const char *p = line, *end = line + len;

	while (p + taglen <= end) {
		const char *hit = NULL, *q;

		for (q = p; q + taglen <= end; q++) {
			if (!memcmp(q, tag, taglen)) {
				hit = q;
				break;
			}
		}
		if (!hit)
			return false;
		/* Only inside a comment: text before the tag opens one. */
		q = hit + taglen;
		while (q < end) {
			char name[128];
			size_t n = 0;

			while (q < end && (*q == ' ' || *q == '\t' || *q == ','))
				q++;
			while (q < end && name_char(*q)) {
				if (n < sizeof(name) - 1)
					name[n++] = *q;
				q++;
			}
			if (!n)
				break;
			name[n] = '\0';
			if (!strcmp(name, "all") || tdx_rule_lookup(name) == (int)rule)
				return true;
		}
		p = hit + taglen;
	}
	return false;
}

/* The comment opens with / * or // before the tag on the same line. */
static bool in_comment(const char *line, size_t len)
{
	const char *tag = NULL;
	size_t i;

	for (i = 0; i + 16 <= len; i++) {
		if (!memcmp(line + i, "tdxcheck-ignore:", 16)) {
			tag = line + i;
			break;
		}
	}
	if (!tag)
		return false;
	for (i = 0; line + i + 1 < tag; i++)
		if (line[i] == '/' && (line[i + 1] == '*' || line[i + 1] == '/'))
			return true;
	/* A continuation line of a block comment: " * tdxcheck-ignore: ..." */
	for (i = 0; line + i < tag && (line[i] == ' ' || line[i] == '\t'); i++)
		;
	return line + i < tag && line[i] == '*';
}

static bool line_says(const char *path, unsigned int lineno, enum tdx_rule_id rule)
{
	struct source_file *sf = load(path);
	const char *line;
	unsigned int *mask;
	size_t len;
	int r;

	line = line_of(sf, lineno, &len);
	if (!line)
		return false;
	mask = &sf->silenced[lineno - 1];
	if (!*mask) {
		bool comment = in_comment(line, len);

		*mask = MASK_KNOWN;
		for (r = 0; comment && r < TDX_NR_RULES; r++)
			if (tdx_line_suppresses(line, len, (enum tdx_rule_id)r))
				*mask |= 1u << r;
	}
	return *mask & (1u << rule);
}

bool tdx_suppressed(const struct tdx_finding *fd)
{
	if (!fd->loc.file || !fd->loc.line)
		return false;
	return line_says(fd->loc.file, fd->loc.line, fd->rule) ||
	       (fd->loc.line > 1 && line_says(fd->loc.file, fd->loc.line - 1, fd->rule));
}
