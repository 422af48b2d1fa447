// SPDX-License-Identifier: GPL-2.0
/*
 * Findings a patch causes.  The review's case: a helper added marked
 * __always_unused with no caller is right; the later patch adding its
 * callers makes the attribute wrong on a line that patch never touched.
 * Only comparing before and after sees it, and only the callers explain it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "introduced.h"
#include "xalloc.h"

static const struct gate_change *change_of(const struct gate_change *v, size_t nr,
					   const char *file)
{
	size_t i;

	for (i = 0; file && i < nr; i++)
		if (!strcmp(v[i].path, file))
			return &v[i];
	return NULL;
}

/* s with runs of blanks made one space and the ends trimmed, into out; its length. */
static size_t fold(const char *s, size_t n, char *out)
{
	bool blank = false;
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (isspace((unsigned char)s[i])) {
			blank = o > 0;
			continue;
		}
		if (blank)
			out[o++] = ' ';
		blank = false;
		out[o++] = s[i];
	}
	return o;
}

static bool same_text(const char *a, size_t al, const char *b, size_t bl)
{
	char *x = tdx_xmalloc(al + 1), *y = tdx_xmalloc(bl + 1);
	size_t xl = fold(a, al, x), yl = fold(b, bl, y);
	bool same = xl == yl && !memcmp(x, y, xl);

	free(x);
	free(y);
	return same;
}

static bool same_finding(const struct tdx_finding *x, const struct gate_text *xt,
			 const struct tdx_finding *y, const struct gate_text *yt)
{
	const char *a, *b;
	size_t al = 0, bl = 0;

	if (x->rule != y->rule || strcmp(x->loc.file, y->loc.file))
		return false;
	if ((x->subject == NULL) != (y->subject == NULL) ||
	    (x->subject && strcmp(x->subject, y->subject)))
		return false;
	a = gate_text_line(xt, x->loc.line, &al);
	b = gate_text_line(yt, y->loc.line, &bl);
	if (!a || !b)
		return !a && !b;
	return same_text(a, al, b, bl);
}

static bool ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Does line hold name as a whole identifier, followed by '(' when call? */
static bool mentions(const char *line, size_t len, const char *name, bool call)
{
	size_t n = strlen(name), i;

	for (i = 0; n && i + n <= len; i++) {
		size_t e = i + n;

		if (memcmp(line + i, name, n) || (i && ident_char(line[i - 1])) ||
		    (e < len && ident_char(line[e])))
			continue;
		if (!call)
			return true;
		while (e < len && isspace((unsigned char)line[e]))
			e++;
		if (e < len && line[e] == '(')
			return true;
	}
	return false;
}

/*
 * The function declared at or above line (the parameter may be on a
 * continuation line): the last identifier followed by '(' within a few
 * lines up, malloc'd, or NULL.
 */
static char *function_at(const struct gate_text *t, unsigned int line)
{
	unsigned int l;

	for (l = line; l && l + 8 > line; l--) {
		size_t len, i, start = 0;
		const char *s = gate_text_line(t, l, &len);
		char *name = NULL;

		for (i = 0; s && i < len; i++) {
			if (ident_char(s[i]) && (!i || !ident_char(s[i - 1])))
				start = i;
			if (s[i] == '(' && i && start < i) {
				size_t e = i;

				while (e > start && isspace((unsigned char)s[e - 1]))
					e--;
				if (e > start && ident_char(s[e - 1]) &&
				    !isdigit((unsigned char)s[start])) {
					free(name);
					name = tdx_xstrndup(s + start, e - start);
				}
			}
		}
		if (name)
			return name;
	}
	return NULL;
}

static void add_cause(struct gate_blame *b, const struct gate_change *c,
		      const struct gate_added *a)
{
	b->causes = tdx_xreallocarray(b->causes, b->nr_causes + 1, sizeof(*b->causes));
	b->causes[b->nr_causes].change = c;
	b->causes[b->nr_causes].line = a;
	b->nr_causes++;
}

/* Every added line, in any file, that calls (or names) name. */
static void callers(struct gate_blame *b, const struct gate_change *v, size_t nr,
		    const char *name, bool call)
{
	size_t i, k;

	for (i = 0; name && i < nr; i++)
		for (k = 0; k < v[i].nr_added; k++)
			if (mentions(v[i].added[k].text, v[i].added[k].len, name, call))
				add_cause(b, &v[i], &v[i].added[k]);
}

/* The run of added lines nearest to the finding in its file, else the patch's first. */
static void nearest(struct gate_blame *b, const struct gate_change *v, size_t nr)
{
	const struct gate_change *c = b->change;
	unsigned int line = b->fd->loc.line, best = 0, dist, best_dist = ~0u;
	size_t i, k;

	for (i = 0; i < c->nr_added; i++) {
		unsigned int l = c->added[i].line;

		dist = l > line ? l - line : line - l;
		if (dist < best_dist) {
			best_dist = dist;
			best = (unsigned int)i;
		}
	}
	if (c->nr_added) {
		/* the whole run around it */
		for (i = best; i && c->added[i - 1].line + 1 == c->added[i].line; i--)
			;
		for (k = i; k < c->nr_added && (k == i ||
						c->added[k - 1].line + 1 == c->added[k].line); k++)
			add_cause(b, c, &c->added[k]);
		return;
	}
	for (i = 0; i < nr; i++) {
		if (v[i].nr_added) {
			add_cause(b, &v[i], &v[i].added[0]);
			return;
		}
	}
}

static void blame_causes(struct gate_blame *b, const struct gate_change *v, size_t nr)
{
	char *fn = NULL;

	if (b->fd->rule == TDX_RULE_unused_attr_on_used) {
		/* the function's callers, or the uses of the parameter */
		fn = function_at(&b->change->post, b->fd->loc.line);
		callers(b, v, nr, b->fd->subject, fn && b->fd->subject &&
			!strcmp(fn, b->fd->subject));
	} else if (b->fd->rule == TDX_RULE_unused_out_param) {
		fn = function_at(&b->change->post, b->fd->loc.line);
		callers(b, v, nr, fn, true);
	}
	free(fn);
	if (!b->nr_causes)
		nearest(b, v, nr);
}

void gate_introduced(const struct gate_change *changes, size_t nr_changes,
		     const struct tdx_findings *pre, const struct tdx_findings *post,
		     bool added_only, struct gate_blames *out)
{
	bool *used = tdx_xcalloc(pre->nr + 1, sizeof(*used));
	size_t i, k;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < post->nr; i++) {
		const struct tdx_finding *fd = &post->v[i];
		const struct gate_change *c = change_of(changes, nr_changes, fd->loc.file);
		const struct gate_added *at;
		struct gate_blame *b;
		bool before = false;

		if (!c)
			continue;
		at = gate_change_added(c, fd->loc.line);
		if ((added_only || !c->pre_checked) && !at)
			continue;
		for (k = 0; !added_only && c->pre_checked && k < pre->nr && !before; k++) {
			if (used[k] || !same_finding(fd, &c->post, &pre->v[k], &c->pre))
				continue;
			used[k] = before = true;
		}
		if (before)
			continue;
		out->v = tdx_xreallocarray(out->v, out->nr + 1, sizeof(*out->v));
		b = &out->v[out->nr++];
		memset(b, 0, sizeof(*b));
		b->fd = fd;
		b->change = c;
		b->at = at;
		if (!at)
			blame_causes(b, changes, nr_changes);
	}
	free(used);
}

void gate_blames_release(struct gate_blames *b)
{
	size_t i;

	for (i = 0; i < b->nr; i++)
		free(b->v[i].causes);
	free(b->v);
	memset(b, 0, sizeof(*b));
}
