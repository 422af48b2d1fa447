// SPDX-License-Identifier: GPL-2.0
/*
 * --fix.  checkpatch --fix rewrites the lines it reports in the patch
 * itself; the gate's fixes are the Coccinelle patch modes, which rewrite C
 * files, not diffs.  So each patch's post-image (its C files as the patch
 * leaves them) is copied, tdxcheck-refactor --all converts the copy, and
 * every section of the patch whose file came out different is written
 * again as the diff from its pre-image to the converted file.  The rest of
 * the input (mail headers, commit message, diffstat, other sections, the
 * signature) is kept byte for byte.
 *
 * tdxcheck-refactor edits in place and keeps a journal there: it only
 * ever sees a scratch copy.  The one file written outside the scratch
 * directory is the fixes file, under a temporary name first.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compdb.h"
#include "fix.h"
#include "run.h"
#include "scratch.h"
#include "session.h"
#include "xalloc.h"

#define FIXES_SUFFIX ".EXPERIMENTAL-checkpatch-fixes"

struct buf {
	char *s;
	size_t len, cap;
};

struct gate_fix {
	char *refactor;
	char *base;		/* the fixed post-images of the files the input's patches touched */
	struct buf text;	/* the input so far, its patches fixed */
	bool changed;		/* a fix changed a patch of the input */
	bool unclean;		/* something was reported on a patch of the input */
	unsigned int runs;	/* names the scratch directories */
};

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = 2 * (b->len + n + 1);
		b->s = tdx_xreallocarray(b->s, b->cap, 1);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static char *scratch_dir(struct gate_fix *fx, const char *what)
{
	char *name = tdx_xasprintf("%s-%u", what, fx->runs++), *dir = gate_scratch_path(name);

	free(name);
	return dir;
}

struct gate_fix *gate_fix_new(const char *refactor)
{
	struct gate_fix *fx = tdx_xcalloc(1, sizeof(*fx));

	fx->refactor = tdx_xstrdup(refactor);
	fx->base = scratch_dir(fx, "fix-base");
	return fx;
}

void gate_fix_free(struct gate_fix *fx)
{
	if (!fx)
		return;
	free(fx->refactor);
	free(fx->base);
	free(fx->text.s);
	free(fx);
}

/* Do the two files (NULL: none) hold the same bytes? */
static bool same_file(const char *a, const char *b)
{
	char *x, *y;
	size_t xl = 0, yl = 0;
	bool same;

	if (!a || !b)
		return !a && !b;
	x = gate_read_file(a, &xl);
	y = gate_read_file(b, &yl);
	same = x && y && xl == yl && !memcmp(x, y, xl);
	free(x);
	free(y);
	return same;
}

/* An existing file root/path, or NULL. */
static char *existing(const char *root, const char *path)
{
	char *full;

	if (!root || !path)
		return NULL;
	full = tdx_path_join(root, path);
	if (!access(full, F_OK))
		return full;
	free(full);
	return NULL;
}

/* Will the section of f take part: a text diff that leaves a C file? */
static bool fixable(const struct gate_patch *p, size_t i)
{
	const struct gate_file *f = &p->files[i];
	size_t k;

	if (!f->hunks || f->deleted || f->symlink || f->binary || !gate_is_c_path(f->path))
		return false;
	/* several sections for one file: the first stands for all */
	for (k = 0; k < i; k++)
		if (!strcmp(p->files[k].path, f->path) && !p->files[k].deleted)
			return false;
	return true;
}

/* The first line of a file, for a one-line message, or NULL. */
static char *first_line(const char *path)
{
	char *text = gate_read_file(path, NULL), *nl;

	if (!text)
		return NULL;
	nl = strchr(text, '\n');
	if (nl)
		*nl = '\0';
	if (!text[0]) {
		free(text);
		return NULL;
	}
	return text;
}

/* The scratch copy's "dir/" taken out of msg: the names are the patch's. */
static void patch_names(char *msg, const char *dir)
{
	size_t n = strlen(dir);
	char *at;

	while ((at = strstr(msg, dir)) && at[n] == '/')
		memmove(at, at + n + 1, strlen(at + n + 1) + 1);
}

/* tdxcheck-refactor --all dir; its report goes to the scratch directory. */
static int refactor(struct gate_fix *fx, const char *dir, const char *name)
{
	const char *const argv[] = { fx->refactor, "--all", dir, NULL };
	char *out = gate_scratch_path("refactor.out"), *err = gate_scratch_path("refactor.err");
	struct gate_cmd c = { .argv = argv, .out = out, .err = err };
	int code = gate_run(&c);

	if (code) {
		char *why = code == 127 || code < 0 ? NULL : first_line(err);

		if (why) {
			patch_names(why, dir);
			fprintf(stderr, "tdxcheck-gate: %s: --fix: %s\n", name, why);
		} else {
			fprintf(stderr, "tdxcheck-gate: %s: --fix: %s %s (status %d)\n", name,
				fx->refactor, code == 127 || code < 0 ? "did not run" : "failed",
				code);
		}
		free(why);
	}
	unlink(out);
	unlink(err);
	free(out);
	free(err);
	return code ? -1 : 0;
}

/*
 * The hunks of the diff from base (NULL: a new file) to fixed (NULL: a
 * deleted one), as git writes them; "" when they are the same.  NULL after
 * an error message.
 */
static char *hunks(const char *base, const char *fixed, const char *name)
{
	char *out = gate_scratch_path("fix.diff"), *text, *at;
	const char *why;

	text = gate_diff_files(base, fixed, 3, out, &why);
	free(out);
	if (!text) {
		fprintf(stderr, "tdxcheck-gate: %s: --fix: cannot compare a fixed file "
			"(git diff --no-index %s)\n", name, why);
		return NULL;
	}
	at = !strncmp(text, "@@ ", 3) ? text : strstr(text, "\n@@ ");
	if (!at) {
		text[0] = '\0';
		return text;
	}
	at += at[0] == '\n';
	memmove(text, at, strlen(at) + 1);
	return text;
}

/* git's id of the file's content (git hash-object), or NULL. */
static char *blob_id(const char *path)
{
	const char *const argv[] = { "git", "hash-object", "--no-filters", "--", path, NULL };
	char *tmp = gate_scratch_path("hash-object.out"), *id;
	struct gate_cmd c = { .argv = argv, .err = "/dev/null" };

	gate_run_capture(&c, tmp, &id);
	unlink(tmp);
	free(tmp);
	return id;
}

/* An id of path's blob at least len long, NULL when it cannot be had. */
static char *id_of(const char *path, size_t len)
{
	char *id = blob_id(path);

	if (id && strlen(id) < len) {
		free(id);
		id = NULL;
	}
	return id;
}

/*
 * "index A..B[ MODE]" for the new sides: base's and fixed's ids, as long as
 * the patch's own (a new or deleted file keeps its zeros: base or fixed
 * NULL).  When the line is not of that shape or an id cannot be had it is
 * left out, which git apply and git am accept.
 */
static void index_line(struct buf *b, const char *s, size_t n, const char *base,
		       const char *fixed)
{
	const char *dots = memchr(s, '.', n), *end = s + n;
	size_t len = dots ? (size_t)(dots - s) - 6 : 0;
	char *old_id = base ? id_of(base, len) : NULL, *new_id = fixed ? id_of(fixed, len) : NULL;
	const char *rest;

	if (!dots || end - dots < 2 + (ptrdiff_t)len || dots[1] != '.' || !len ||
	    (fixed && !new_id) || (base && !old_id))
		goto out;
	for (rest = dots + 2; rest < end && *rest != ' ' && *rest != '\n'; rest++)
		;
	put(b, "index ", 6);
	put(b, base ? old_id : s + 6, len);
	put(b, "..", 2);
	put(b, fixed ? new_id : dots + 2, len);
	put(b, rest, (size_t)(end - rest));
out:
	free(old_id);
	free(new_id);
}

/*
 * The section of f again: its header lines, the "index" line naming the
 * new sides' blobs, then the new hunks; nothing when there are none left.
 */
static void section(struct buf *b, const struct gate_patch *p, const struct gate_file *f,
		    const char *base, const char *fixed, const char *new_hunks)
{
	size_t pos = f->start;

	if (!new_hunks[0])
		return;
	while (pos < f->hunks) {
		const char *s = p->buf + pos, *nl = memchr(s, '\n', f->hunks - pos);
		size_t n = nl ? (size_t)(nl - s) + 1 : f->hunks - pos;

		if (!strncmp(s, "index ", 6))
			index_line(b, s, n, base, fixed);
		else
			put(b, s, n);
		pos += n;
	}
	put(b, new_hunks, strlen(new_hunks));
}

/*
 * Is section i a later section of a file whose first section was written
 * again?  Then the new diff has its lines already.
 */
static bool superseded(const struct gate_patch *p, size_t i, const bool *again)
{
	size_t k;

	for (k = 0; k < i; k++)
		if (again[k] && !strcmp(p->files[k].path, p->files[i].path))
			return !p->files[i].deleted;
	return false;
}

/*
 * The section of fixable file f again, into out from *pos on, when its
 * file came out different or an earlier patch of the input changed its
 * base; the fixed file becomes the base of the input's later patches.
 * *again says whether it was written again.  0, or -1 after an error.
 */
static int refix(struct gate_fix *fx, const struct gate_patch *p, const struct gate_file *f,
		 const char *pre_root, const char *post_root, const char *dir,
		 const char *name, struct buf *out, size_t *pos, bool *again)
{
	const char *old = f->created ? NULL : f->old_path;
	char *fixed = tdx_path_join(dir, f->path), *post = gate_tree_file(post_root, f->path);
	char *pre = existing(pre_root, old), *mine = existing(fx->base, old);
	char *base = mine ? mine : pre, *keep_at = tdx_path_join(fx->base, f->path), *h = NULL;
	int ret = -1;

	*again = !same_file(fixed, post) || !same_file(base, pre);
	if (*again) {
		h = hunks(base, fixed, name);
		if (!h)
			goto out;
		put(out, p->buf + *pos, f->start - *pos);
		section(out, p, f, base, fixed, h);
		*pos = f->end;
	}
	/* only now: base may be the very file keep_at names */
	if (gate_copy_file(fixed, keep_at)) {
		fprintf(stderr, "tdxcheck-gate: %s: cannot copy: %s\n", keep_at, strerror(errno));
		goto out;
	}
	ret = 0;
out:
	free(fixed);
	free(post);
	free(pre);
	free(mine);
	free(keep_at);
	free(h);
	return ret;
}

/*
 * A section deleting a file an earlier patch of the input fixed deletes
 * the fixed text: written again into out from *pos on.  0, or -1 after an
 * error.
 */
static int refix_deleted(struct gate_fix *fx, const struct gate_patch *p,
			 const struct gate_file *f, const char *pre_root, const char *name,
			 struct buf *out, size_t *pos, bool *again)
{
	char *mine = existing(fx->base, f->old_path), *pre, *h;
	int ret = 0;

	*again = false;
	if (!mine)
		return 0;
	pre = existing(pre_root, f->old_path);
	if (!same_file(mine, pre)) {
		h = hunks(mine, NULL, name);
		if (h) {
			put(out, p->buf + *pos, f->start - *pos);
			section(out, p, f, mine, NULL, h);
			*pos = f->end;
			*again = true;
		}
		ret = h ? 0 : -1;
		free(h);
	}
	unlink(mine);
	free(mine);
	free(pre);
	return ret;
}

/*
 * The patch with the sections of the fixable files (fix[i]) written again
 * where needed; *changed says whether any was.  0, or -1 after an error.
 */
static int rewrite(struct gate_fix *fx, const struct gate_patch *p, const bool *fix,
		   const char *pre_root, const char *post_root, const char *dir,
		   const char *name, struct buf *out, bool *changed)
{
	bool *again = tdx_xcalloc(p->nr_files + 1, sizeof(*again));
	size_t pos = 0, i;
	int ret = -1;

	*changed = false;
	for (i = 0; i < p->nr_files; i++) {
		const struct gate_file *f = &p->files[i];

		if (fix[i]) {
			if (refix(fx, p, f, pre_root, post_root, dir, name, out, &pos, &again[i]))
				goto out;
			*changed |= again[i];
		} else if (superseded(p, i, again)) {
			put(out, p->buf + pos, f->start - pos);
			pos = f->end;
		} else if (f->deleted && f->hunks && f->old_path) {
			if (refix_deleted(fx, p, f, pre_root, name, out, &pos, &again[i]))
				goto out;
			*changed |= again[i];
		}
	}
	put(out, p->buf + pos, p->len - pos);
	ret = 0;
out:
	free(again);
	return ret;
}

/* Did an earlier patch of the input fix a file p changes?  Then p must be made again. */
static bool on_fixed_base(const struct gate_fix *fx, const struct gate_patch *p)
{
	size_t i;

	for (i = 0; i < p->nr_files; i++) {
		const struct gate_file *f = &p->files[i];
		char *a = existing(fx->base, f->path), *b = existing(fx->base, f->old_path);
		bool yes = a || b;

		free(a);
		free(b);
		if (yes)
			return true;
	}
	return false;
}

int gate_fix_add(struct gate_fix *fx, const struct gate_patch *p, const char *pre_root,
		 const char *post_root, bool clean, const char *name)
{
	bool *fix = tdx_xcalloc(p->nr_files + 1, sizeof(*fix)), changed = false, wanted;
	struct buf out = { 0 };
	char *dir = scratch_dir(fx, "fix");
	size_t i, nr = 0;
	int ret = -1;

	fx->unclean |= !clean;
	/*
	 * A clean patch on unfixed files is kept as it is: its fixes would be
	 * written only with another patch's findings, and the refactor costs
	 * seconds per file.
	 */
	wanted = !clean || on_fixed_base(fx, p);
	for (i = 0; wanted && i < p->nr_files; i++) {
		char *src, *dst;

		if (!fixable(p, i))
			continue;
		src = gate_tree_file(post_root, p->files[i].path);
		if (!src)
			continue;	/* a link, or not a file: not the tree's to fix */
		dst = tdx_path_join(dir, p->files[i].path);
		if (gate_copy_file(src, dst)) {
			fprintf(stderr, "tdxcheck-gate: %s: cannot copy %s: %s\n", name, src,
				strerror(errno));
			free(src);
			free(dst);
			goto out;
		}
		free(src);
		free(dst);
		fix[i] = true;
		nr++;
	}
	/* without a file to convert, a deletion may still need the fixed text */
	if ((nr && refactor(fx, dir, name)) ||
	    (wanted && rewrite(fx, p, fix, pre_root, post_root, dir, name, &out, &changed)))
		goto out;
	if (changed)
		put(&fx->text, out.s, out.len);
	else
		put(&fx->text, p->buf, p->len);
	fx->changed |= changed;
	ret = 0;
out:
	free(out.s);
	free(fix);
	free(dir);
	return ret;
}

/* path, whole or not at all: a temporary name beside it, renamed. */
static int write_whole(const char *path, const char *text, size_t len)
{
	char *tmp = tdx_xasprintf("%s.XXXXXX", path);
	mode_t mask = umask(0);
	size_t done = 0;
	int fd, saved;

	umask(mask);
	fd = mkstemp(tmp);
	if (fd < 0)
		goto bad;
	/* as a file the user creates: mkstemp() makes it private */
	if (fchmod(fd, 0666 & ~mask))
		goto bad;
	while (done < len) {
		ssize_t n = write(fd, text + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto bad;
		done += (size_t)n;
	}
	if (close(fd)) {
		fd = -1;
		goto bad;
	}
	fd = -1;
	if (rename(tmp, path))
		goto bad;
	free(tmp);
	return 0;
bad:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	errno = saved;
	return -1;
}

int gate_fix_finish(struct gate_fix *fx, const char *arg, char **written)
{
	char *path = tdx_xasprintf("%s" FIXES_SUFFIX, arg);
	int ret = 0;

	*written = NULL;
	if (fx->changed && fx->unclean) {
		if (write_whole(path, fx->text.s, fx->text.len)) {
			fprintf(stderr, "tdxcheck-gate: %s: cannot write: %s\n", path,
				strerror(errno));
			ret = -1;
		} else {
			*written = path;
			path = NULL;
		}
	}
	free(path);
	/* the next input starts from its own pre-images */
	free(fx->text.s);
	memset(&fx->text, 0, sizeof(fx->text));
	fx->changed = fx->unclean = false;
	free(fx->base);
	fx->base = scratch_dir(fx, "fix-base");
	return ret;
}

void gate_fix_note(FILE *f, const char *written)
{
	fprintf(f, "\nWrote EXPERIMENTAL --fix correction(s) to '%s'\n\n"
		"Read every hunk of it before you use it: the Coccinelle patch modes\n"
		"rewrote the patch's C files whole, pre-existing code included, and a\n"
		"helper converted here may have callers the patch does not touch.\n", written);
}
