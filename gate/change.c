// SPDX-License-Identifier: GPL-2.0
/*
 * The lines a patch added to a file, from the files themselves: git diff
 * --no-index -U0 between the pre-image and the post-image, and only its
 * hunk headers and "+" lines read.  --text, since a file that git takes
 * for binary (a NUL, an attribute) is still judged line by line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "change.h"
#include "run.h"
#include "scratch.h"
#include "xalloc.h"

static int text_read(struct gate_text *t, const char *path)
{
	size_t i, cap = 64;
	char *s;

	memset(t, 0, sizeof(*t));
	if (!path) {
		t->buf = tdx_xstrdup("");
		return 0;
	}
	t->buf = gate_read_file(path, &t->len);
	if (!t->buf)
		return -1;
	t->line = tdx_xreallocarray(NULL, cap, sizeof(*t->line));
	t->line_len = tdx_xreallocarray(NULL, cap, sizeof(*t->line_len));
	for (s = t->buf, i = 0; s < t->buf + t->len; i++) {
		char *nl = memchr(s, '\n', (size_t)(t->buf + t->len - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(t->buf + t->len - s);

		if (i == cap) {
			cap *= 2;
			t->line = tdx_xreallocarray(t->line, cap, sizeof(*t->line));
			t->line_len = tdx_xreallocarray(t->line_len, cap, sizeof(*t->line_len));
		}
		t->line[i] = s;
		t->line_len[i] = n - (n && s[n - 1] == '\r');
		s += n + 1;
	}
	t->nr = (unsigned int)i;
	return 0;
}

static void text_release(struct gate_text *t)
{
	free(t->buf);
	free(t->line);
	free(t->line_len);
	memset(t, 0, sizeof(*t));
}

const char *gate_text_line(const struct gate_text *t, unsigned int n, size_t *len)
{
	if (!n || n > t->nr)
		return NULL;
	*len = t->line_len[n - 1];
	return t->line[n - 1];
}

static void push_added(struct gate_change *c, const struct gate_text *post, unsigned int line)
{
	struct gate_added *a;

	if (!line || line > post->nr)
		return;
	c->added = tdx_xreallocarray(c->added, c->nr_added + 1, sizeof(*c->added));
	a = &c->added[c->nr_added++];
	a->line = line;
	a->patch_line = 0;
	a->text = post->line[line - 1];
	a->len = post->line_len[line - 1];
}

/* The "@@ -a[,b] +c[,d] @@" of git diff: c and d. */
static int new_side(const char *s, unsigned long *start, unsigned long *count)
{
	const char *plus = strstr(s, " +");
	char *end;

	if (!plus)
		return -1;
	*start = strtoul(plus + 2, &end, 10);
	*count = 1;
	if (*end == ',')
		*count = strtoul(end + 1, &end, 10);
	return 0;
}

static int diff_added(struct gate_change *c, char *err, size_t errlen)
{
	char *out = gate_scratch_path("added.diff"), *text, *line, *next;
	const char *why;

	text = gate_diff_files(c->pre_file, c->post_file, 0, out, &why);
	free(out);
	if (!text) {
		snprintf(err, errlen, "%s: cannot compare the pre-image and the post-image "
			 "(git diff --no-index %s)", c->path, why);
		return -1;
	}
	for (line = text; line && *line; line = next) {
		unsigned long start, count, k;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (strncmp(line, "@@ -", 4) || new_side(line, &start, &count))
			continue;
		/* -U0: the count added lines follow, from start on */
		for (k = 0; k < count; k++)
			push_added(c, &c->post, (unsigned int)(start + k));
	}
	free(text);
	return 0;
}

/* Give each added line the patch line that adds the same text. */
static void patch_lines(struct gate_change *c, const struct gate_patch *p)
{
	unsigned long first = 0;
	size_t i, j, k;
	bool **used = tdx_xcalloc(p->nr_files + 1, sizeof(*used));

	for (j = 0; j < p->nr_files; j++)
		used[j] = tdx_xcalloc(p->files[j].nr_added + 1, sizeof(**used));
	for (i = 0; i < c->nr_added; i++) {
		struct gate_added *a = &c->added[i];

		for (j = 0; j < p->nr_files && !a->patch_line; j++) {
			const struct gate_file *f = &p->files[j];

			if (strcmp(f->path, c->path))
				continue;
			for (k = 0; k < f->nr_added; k++) {
				if (!first)
					first = f->added[k].patch_line;
				if (used[j][k] || f->added[k].len != a->len ||
				    memcmp(f->added[k].text, a->text, a->len))
					continue;
				used[j][k] = true;
				a->patch_line = f->added[k].patch_line;
				break;
			}
		}
	}
	for (i = 0; i < c->nr_added; i++)
		if (!c->added[i].patch_line)
			c->added[i].patch_line = first ? first : 1;
	for (j = 0; j < p->nr_files; j++)
		free(used[j]);
	free(used);
}

int gate_change_read(struct gate_change *c, const struct gate_patch *p, char *err,
		     size_t errlen)
{
	if (text_read(&c->pre, c->pre_file) || text_read(&c->post, c->post_file)) {
		snprintf(err, errlen, "%s: cannot read its %s", c->path,
			 c->pre.buf ? "post-image" : "pre-image");
		return -1;
	}
	if (diff_added(c, err, errlen))
		return -1;
	patch_lines(c, p);
	return 0;
}

void gate_change_release(struct gate_change *c)
{
	text_release(&c->pre);
	text_release(&c->post);
	free(c->pre_file);
	free(c->post_file);
	free(c->added);
	memset(c, 0, sizeof(*c));
}

const struct gate_added *gate_change_added(const struct gate_change *c, unsigned int line)
{
	size_t lo = 0, hi = c->nr_added;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->added[mid].line == line)
			return &c->added[mid];
		if (c->added[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
