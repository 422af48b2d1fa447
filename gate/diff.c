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
#include <strings.h>

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
 * Undo git's C quoting of the string at s (its opening '"'), up to its
 * closing quote: \a \b \f \n \r \t \v \" \\ and three octal digits.  The
 * result in out (len + 1 bytes at least); *used is how much of s it took.
 * -1 when the quote is not closed or an escape is unknown.
 */
static int unquote(const char *s, size_t len, char *out, size_t *used)
{
	static const char esc[] = "a\ab\bf\fn\nr\rt\tv\v\"\"\\\\";
	size_t i, o = 0;

	for (i = 1; i < len; i++) {
		const char *e;

		if (s[i] == '"') {
			out[o] = '\0';
			*used = i + 1;
			return 0;
		}
		if (s[i] != '\\') {
			out[o++] = s[i];
			continue;
		}
		if (++i >= len)
			return -1;
		if (s[i] >= '0' && s[i] <= '3' && i + 2 < len &&
		    s[i + 1] >= '0' && s[i + 1] <= '7' && s[i + 2] >= '0' && s[i + 2] <= '7') {
			out[o++] = (char)((s[i] - '0') * 64 + (s[i + 1] - '0') * 8 +
					  (s[i + 2] - '0'));
			i += 2;
			continue;
		}
		for (e = esc; *e && *e != s[i]; e += 2)
			;
		if (!*e)
			return -1;
		out[o++] = e[1];
	}
	return -1;
}

/*
 * The path of a "--- "/"+++ " line or of one side of "diff --git": a
 * trailing tab and timestamp (diff -u) dropped, trailing blanks too unless
 * exact (the "diff --git" line, where "sp.c " is a name), git's C quoting undone,
 * the first component (a/, b/) stripped as git apply -p1 does.  NULL for
 * /dev/null; "" for a quoted name git would not write.
 */
static char *side_path_of(const char *s, size_t len, bool exact)
{
	char *raw, *out, *slash;
	size_t used;

	while (len && s[len - 1] == '\r')
		len--;
	if (len && s[0] != '"') {
		const char *tab = memchr(s, '\t', len);

		/* diff -u's timestamp, or git's mark after a name with a space */
		if (tab)
			len = (size_t)(tab - s);
		else if (!exact)
			while (len && s[len - 1] == ' ')
				len--;
	}
	if (len == 9 && !memcmp(s, "/dev/null", 9))
		return NULL;
	raw = tdx_xmalloc(len + 1);
	if (len && s[0] == '"') {
		if (unquote(s, len, raw, &used))
			raw[0] = '\0';
	} else {
		memcpy(raw, s, len);
		raw[len] = '\0';
	}
	slash = strchr(raw, '/');
	out = tdx_xstrdup(slash ? slash + 1 : raw);
	free(raw);
	return out;
}

static char *side_path(const char *s, size_t len)
{
	return side_path_of(s, len, false);
}

/*
 * git's verify_path(), the part that keeps a patch inside its tree: no
 * absolute path, no empty, "." or ".." component, no ".git" component.
 */
bool gate_path_safe(const char *path)
{
	const char *c = path;

	if (!path[0] || path[0] == '/')
		return false;
	while (*c) {
		const char *end = strchr(c, '/');
		size_t n = end ? (size_t)(end - c) : strlen(c);

		if (!n || (n == 1 && c[0] == '.') || (n == 2 && !memcmp(c, "..", 2)) ||
		    (n == 4 && !strncasecmp(c, ".git", 4)))
			return false;
		if (!end)
			break;
		c = end + 1;
		if (!*c)
			return false;	/* a trailing slash: not a file */
	}
	return true;
}

/*
 * The two sides of "diff --git A B" (s after "diff --git "): each quoted,
 * or else split at the " b/" that makes both names the same, as git's own
 * reader does for names with spaces.  *old and *new are NULL on failure.
 */
static void git_header_paths(const char *s, size_t len, char **old, char **new)
{
	char *a = tdx_xmalloc(len + 1);
	const char *q;
	size_t used;

	*old = *new = NULL;
	if (len && s[0] == '"') {
		if (unquote(s, len, a, &used) || used >= len || s[used] != ' ') {
			free(a);
			return;
		}
		free(a);
		*old = side_path_of(s, used, true);
		*new = side_path_of(s + used + 1, len - used - 1, true);
		return;
	}
	free(a);
	q = memmem(s, len, " \"", 2);
	if (q) {
		*old = side_path_of(s, (size_t)(q - s), true);
		*new = side_path_of(q + 1, len - (size_t)(q + 1 - s), true);
		return;
	}
	/* unquoted on both sides: the split where both names agree, else the last " b/" */
	for (q = s; (q = memmem(q, len - (size_t)(q - s), " b/", 3)); q++) {
		size_t al = (size_t)(q - s);

		if (al > 2 && len - al - 1 > 2 && al == len - al - 1 &&
		    !memcmp(s + 2, q + 3, al - 2))
			break;
	}
	if (!q) {
		const char *last = NULL;

		for (q = s; (q = memmem(q, len - (size_t)(q - s), " b/", 3)); q++)
			last = q;
		q = last;
	}
	if (!q)
		return;
	*old = side_path_of(s, (size_t)(q - s), true);
	*new = side_path_of(q + 1, len - (size_t)(q + 1 - s), true);
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

/* A path of git's extended header lines: quoted or not, never prefixed. */
static char *header_path(const char *s, size_t len)
{
	char *out;
	size_t used;

	while (len && (s[len - 1] == '\r'))
		len--;
	out = tdx_xmalloc(len + 1);
	if (len && s[0] == '"') {
		if (unquote(s, len, out, &used))
			out[0] = '\0';
	} else {
		memcpy(out, s, len);
		out[len] = '\0';
	}
	return out;
}

/*
 * git's extended header lines after "diff --git": new and deleted files,
 * renames and copies (whose sides the "diff --git" line only suggests),
 * symlinks (mode 120000).  Returns whether s was one.
 */
static bool extended_header(struct gate_file *f, const char *s, size_t l)
{
	static const char *const from[] = { "rename from ", "copy from " };
	static const char *const to[] = { "rename to ", "copy to " };
	size_t k;

	for (k = 0; k < 2; k++) {
		if (starts(s, l, from[k])) {
			free(f->old_path);
			f->old_path = header_path(s + strlen(from[k]), l - strlen(from[k]));
			f->copied = k == 1;
			return true;
		}
		if (starts(s, l, to[k])) {
			free(f->path);
			f->path = header_path(s + strlen(to[k]), l - strlen(to[k]));
			return true;
		}
	}
	if (starts(s, l, "new file mode ")) {
		free(f->old_path);
		f->old_path = NULL;
		f->created = true;
		f->symlink = starts(s + 14, l - 14, "120000");
		return true;
	}
	if (starts(s, l, "new mode ")) {
		f->symlink = starts(s + 9, l - 9, "120000");
		return true;
	}
	if (starts(s, l, "deleted file mode ")) {
		f->deleted = true;
		return true;
	}
	return starts(s, l, "old mode ") || starts(s, l, "similarity index ") ||
	       starts(s, l, "dissimilarity index ") || starts(s, l, "index ");
}

/*
 * What parsing cannot leave to git apply: a path that leaves the tree is
 * refused before anything is copied, and a C file changed by a binary
 * patch has no lines to judge, so it cannot be passed as clean.
 */
static int check_files(const struct gate_patch *p, const char *name, char *err, size_t errlen)
{
	size_t i;

	for (i = 0; i < p->nr_files; i++) {
		const struct gate_file *f = &p->files[i];

		if (!gate_path_safe(f->path) || (f->old_path && !gate_path_safe(f->old_path))) {
			snprintf(err, errlen, "%s: refusing the path '%s': absolute, empty, or "
				 "with a '.', '..' or '.git' component", name,
				 gate_path_safe(f->path) ? f->old_path : f->path);
			return -1;
		}
		if (f->binary && !f->deleted && gate_is_c_path(f->path)) {
			snprintf(err, errlen, "%s: %s: a binary patch to a C file cannot be "
				 "checked (make it with git diff --text)", name, f->path);
			return -1;
		}
	}
	return 0;
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
		/* a "\ No newline at end of file" after its last line is the hunk's */
		if (cur && l && s[0] == '\\' && cur->end == (size_t)(s - buf)) {
			cur->end = pos;
			continue;
		}
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
			cur->end = pos;
			continue;
		}
		if (starts(s, l, "diff --git ")) {
			size_t hl = l - (l > 11 && s[l - 1] == '\r');

			cur = new_file(p);
			cur->start = (size_t)(s - buf);
			cur->end = pos;
			git_header_paths(s + 11, hl - 11, &cur->old_path, &cur->path);
			git_header = seen_header = true;
			if (!cur->path || !cur->old_path || !cur->path[0] || !cur->old_path[0]) {
				snprintf(err, errlen, "%s:%lu: cannot read the paths of this diff",
					 name, n);
				return -1;
			}
			continue;
		}
		if (cur && git_header && extended_header(cur, s, l)) {
			if (!cur->path || (!cur->old_path && !cur->created)) {
				snprintf(err, errlen, "%s:%lu: cannot read the path of this line",
					 name, n);
				return -1;
			}
			cur->end = pos;
			continue;
		}
		if (cur && (starts(s, l, "GIT binary patch") || starts(s, l, "Binary files ")))
			cur->binary = true;
		if (starts(s, l, "--- ") && pos < len && starts(buf + pos, len - pos, "+++ ")) {
			const char *t = buf + pos, *tnl = memchr(t, '\n', len - pos);
			size_t tl = tnl ? (size_t)(tnl - t) : len - pos;
			char *old = side_path(s + 4, l - 4), *new = side_path(t + 4, tl - 4);

			if (git_header) {
				/* "diff --git" and its extended header named the files */
				cur->deleted |= !new;
				cur->created |= !old;
				if (!old) {
					free(cur->old_path);
					cur->old_path = NULL;
				}
				free(old);
				free(new);
			} else {
				cur = new_file(p);
				cur->start = (size_t)(s - buf);
				cur->old_path = old;
				cur->deleted = !new;
				cur->created = !old;
				cur->path = new ? new : (old ? tdx_xstrdup(old) : NULL);
			}
			git_header = false;
			seen_header = true;
			if (!cur->path) {
				snprintf(err, errlen, "%s:%lu: both sides are /dev/null", name, n);
				return -1;
			}
			pos += tl + (tnl ? 1 : 0);
			n++;
			cur->end = pos;
			continue;
		}
		if (starts(s, l, "@@ -")) {
			if (!cur || git_header) {
				snprintf(err, errlen, "%s:%lu: hunk without a file header", name,
					 n);
				return -1;
			}
			if (hunk_header(s, l, &old_left, &new_left, &new_line)) {
				snprintf(err, errlen, "%s:%lu: bad hunk header", name, n);
				return -1;
			}
			if (!cur->hunks)
				cur->hunks = (size_t)(s - buf);
			cur->end = pos;
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
	return check_files(p, name, err, errlen);
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
