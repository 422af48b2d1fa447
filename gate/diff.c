// SPDX-License-Identifier: GPL-2.0
/*
 * Parsing unified diffs.  A hunk is read by its counts, not by the look of
 * its lines: a format-patch mail ends with "-- " and the git version, which
 * would otherwise pass for a removed line, and a mailer may strip the space
 * of an empty context line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "xalloc.h"

bool gate_is_c_path(const char *path)
{
	size_t n = strlen(path);

	return n > 2 && path[n - 2] == '.' && (path[n - 1] == 'c' || path[n - 1] == 'h');
}

static bool starts(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && !memcmp(s, prefix, n);
}

/*
 * The path of a "--- "/"+++ " line or of one side of "diff --git": a
 * trailing tab and timestamp (diff -u) dropped, git's C quoting undone for
 * \" and \\, the first component (a/, b/) stripped as git apply -p1 does.
 * NULL for /dev/null.
 */
static char *side_path(const char *s, size_t len)
{
	char *raw, *out, *slash;
	size_t i, o = 0;

	if (len && s[0] != '"') {
		const char *tab = memchr(s, '\t', len);

		if (tab)
			len = (size_t)(tab - s);
	}
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\r'))
		len--;
	if (len == 9 && !memcmp(s, "/dev/null", 9))
		return NULL;
	raw = tdx_xmalloc(len + 1);
	for (i = 0; i < len; i++) {
		if (s[0] == '"' && (i == 0 || (i == len - 1 && s[i] == '"')))
			continue;
		if (s[0] == '"' && s[i] == '\\' && i + 1 < len)
			i++;
		raw[o++] = s[i];
	}
	raw[o] = '\0';
	slash = strchr(raw, '/');
	out = tdx_xstrdup(slash ? slash + 1 : raw);
	free(raw);
	return out;
}

static struct gate_file *new_file(struct gate_patch *p)
{
	struct gate_file *f;

	if (p->nr_files == p->cap_files) {
		p->cap_files = p->cap_files ? 2 * p->cap_files : 8;
		p->files = tdx_xreallocarray(p->files, p->cap_files, sizeof(*p->files));
	}
	f = &p->files[p->nr_files++];
	memset(f, 0, sizeof(*f));
	return f;
}

static void add_line(struct gate_file *f, unsigned int line, unsigned long n,
		     const char *text, size_t len)
{
	struct gate_added *a;

	if (f->nr_added == f->cap_added) {
		f->cap_added = f->cap_added ? 2 * f->cap_added : 16;
		f->added = tdx_xreallocarray(f->added, f->cap_added, sizeof(*f->added));
	}
	a = &f->added[f->nr_added++];
	a->line = line;
	a->patch_line = n;
	a->text = text;
	a->len = len;
}

/* "@@ -a[,b] +c[,d] @@": the remaining old and new counts, the first new line. */
static int hunk_header(const char *s, size_t len, unsigned long *old_left,
		       unsigned long *new_left, unsigned long *new_line)
{
	char tmp[128], *end;
	unsigned long a;

	if (len >= sizeof(tmp))
		len = sizeof(tmp) - 1;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	if (strncmp(tmp, "@@ -", 4))
		return -1;
	a = strtoul(tmp + 4, &end, 10);
	(void)a;
	*old_left = 1;
	if (*end == ',')
		*old_left = strtoul(end + 1, &end, 10);
	if (strncmp(end, " +", 2))
		return -1;
	*new_line = strtoul(end + 2, &end, 10);
	*new_left = 1;
	if (*end == ',')
		*new_left = strtoul(end + 1, &end, 10);
	return strncmp(end, " @@", 3) ? -1 : 0;
}

int gate_patch_parse(struct gate_patch *p, char *buf, size_t len, const char *name,
		     char *err, size_t errlen)
{
	unsigned long old_left = 0, new_left = 0, new_line = 0, n = 0;
	struct gate_file *cur = NULL;
	bool git_header = false, seen_header = false;
	size_t pos = 0;

	memset(p, 0, sizeof(*p));
	p->buf = buf;
	p->len = len;
	while (pos < len) {
		const char *s = buf + pos, *nl = memchr(s, '\n', len - pos);
		size_t l = nl ? (size_t)(nl - s) : len - pos;

		pos += l + (nl ? 1 : 0);
		n++;
		if (old_left || new_left) {
			char c = l ? s[0] : ' ';

			if (c == ' ' && old_left && new_left) {
				old_left--;
				new_left--;
				new_line++;
			} else if (c == '-' && old_left) {
				old_left--;
			} else if (c == '+' && new_left) {
				add_line(cur, (unsigned int)new_line, n, s + 1,
					 l - 1 - (l > 1 && s[l - 1] == '\r'));
				new_left--;
				new_line++;
			} else if (c != '\\') {
				snprintf(err, errlen, "%s:%lu: hunk ends early (corrupt patch)",
					 name, n);
				return -1;
			}
			continue;
		}
		if (starts(s, l, "diff --git ")) {
			const char *b = NULL, *q;

			/* "diff --git a/X b/X": the last " b/" (paths may hold spaces) */
			for (q = s; (q = memmem(q, l - (size_t)(q - s), " b/", 3)); q++)
				b = q;
			cur = new_file(p);
			cur->path = b ? side_path(b + 1, l - (size_t)(b + 1 - s)) : NULL;
			cur->old_path = cur->path ? tdx_xstrdup(cur->path) : NULL;
			git_header = seen_header = true;
			if (!cur->path) {
				snprintf(err, errlen, "%s:%lu: cannot read the paths of this diff",
					 name, n);
				return -1;
			}
			continue;
		}
		if (starts(s, l, "--- ") && pos < len && starts(buf + pos, len - pos, "+++ ")) {
			const char *t = buf + pos, *tnl = memchr(t, '\n', len - pos);
			size_t tl = tnl ? (size_t)(tnl - t) : len - pos;
			char *old = side_path(s + 4, l - 4), *new = side_path(t + 4, tl - 4);

			if (!git_header)
				cur = new_file(p);
			git_header = false;
			seen_header = true;
			free(cur->path);
			free(cur->old_path);
			cur->old_path = old;
			cur->deleted = !new;
			cur->path = new ? new : (old ? tdx_xstrdup(old) : NULL);
			if (!cur->path) {
				snprintf(err, errlen, "%s:%lu: both sides are /dev/null", name, n);
				return -1;
			}
			pos += tl + (tnl ? 1 : 0);
			n++;
			continue;
		}
		if (starts(s, l, "@@ -")) {
			if (!cur || git_header) {
				snprintf(err, errlen, "%s:%lu: hunk without a file header", name, n);
				return -1;
			}
			if (hunk_header(s, l, &old_left, &new_left, &new_line)) {
				snprintf(err, errlen, "%s:%lu: bad hunk header", name, n);
				return -1;
			}
			continue;
		}
	}
	p->nr_lines = n;
	if (!seen_header) {
		p->headerless = true;
		snprintf(err, errlen, "%s: not a unified diff (no file header)", name);
		return -1;
	}
	if (old_left || new_left) {
		snprintf(err, errlen, "%s: the last hunk is cut short (corrupt patch)", name);
		return -1;
	}
	return 0;
}

int gate_input_read(const char *path, char **out, size_t *out_len, char *err, size_t errlen)
{
	bool is_stdin = !strcmp(path, "-");
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	size_t len = 0, cap = 65536, got;
	char *buf;

	*out = NULL;
	*out_len = 0;
	if (!f) {
		snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
		return -1;
	}
	buf = tdx_xmalloc(cap);
	while ((got = fread(buf + len, 1, cap - len, f)) > 0) {
		len += got;
		if (len == cap) {
			cap *= 2;
			buf = tdx_xreallocarray(buf, cap, 1);
		}
	}
	if (ferror(f)) {
		snprintf(err, errlen, "%s: cannot read: %s", is_stdin ? "<stdin>" : path,
			 strerror(errno ? errno : EIO));
		free(buf);
		if (!is_stdin)
			fclose(f);
		return -1;
	}
	if (!is_stdin)
		fclose(f);
	*out = buf;
	*out_len = len;
	return 0;
}

int gate_patch_read(struct gate_patch *p, const char *path, char *err, size_t errlen)
{
	char *buf;
	size_t len;

	memset(p, 0, sizeof(*p));
	if (gate_input_read(path, &buf, &len, err, errlen))
		return -1;
	if (gate_patch_parse(p, buf, len, strcmp(path, "-") ? path : "<stdin>", err, errlen)) {
		gate_patch_release(p);
		return -1;
	}
	return 0;
}

void gate_patch_release(struct gate_patch *p)
{
	size_t i;

	for (i = 0; i < p->nr_files; i++) {
		free(p->files[i].path);
		free(p->files[i].old_path);
		free(p->files[i].added);
	}
	free(p->files);
	free(p->buf);
	memset(p, 0, sizeof(*p));
}

const struct gate_added *gate_file_added(const struct gate_file *f, unsigned int line)
{
	size_t lo = 0, hi = f->nr_added;

	/* hunks come in file order, so the added lines are sorted */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (f->added[mid].line == line)
			return &f->added[mid];
		if (f->added[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
