// SPDX-License-Identifier: GPL-2.0
/*
 * git, run with fixed arguments and never through a shell.  Diffs are
 * asked for in one stable shape whatever the user's configuration says
 * (colour, external drivers, prefixes), since the gate parses them.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compdb.h"
#include "xalloc.h"
#include "git.h"
#include "run.h"
#include "scratch.h"

static char *capture(const char *top, const char *const *argv)
{
	char *tmp = gate_scratch_path("git.out"), *out;
	struct gate_cmd c = { .argv = argv, .dir = top, .err = "/dev/null" };

	gate_run_capture(&c, tmp, &out);
	unlink(tmp);
	free(tmp);
	return out;
}

bool gate_git_available(void)
{
	const char *path = getenv("PATH"), *p, *end;
	char file[PATH_MAX];

	for (p = path ? path : "/usr/bin:/bin"; ; p = end + 1) {
		size_t n;

		end = strchr(p, ':');
		n = end ? (size_t)(end - p) : strlen(p);
		snprintf(file, sizeof(file), "%.*s/git", (int)n, n ? p : ".");
		if (!access(file, X_OK))
			return true;
		if (!end)
			return false;
	}
}

char *gate_git_toplevel(void)
{
	static const char *const argv[] = { "git", "rev-parse", "--show-toplevel", NULL };

	return capture(NULL, argv);
}

/* The full id of a commit, or NULL. */
static char *commit_id(const char *top, const char *rev)
{
	char *spec, *id;

	if (asprintf(&spec, "%s^{commit}", rev) < 0)
		return NULL;
	{
		const char *const argv[] = { "git", "rev-parse", "--verify", "--quiet", spec,
					     NULL };

		id = capture(top, argv);
	}
	free(spec);
	return id;
}

/*
 * git apply in a subdirectory of a repository takes paths from the
 * repository's top and skips those outside the directory: for dir to be
 * the tree, git must not look above it.
 */
static void ceiling_at(char *parent, size_t size, const char *dir)
{
	char *slash;

	snprintf(parent, size, "%s", dir);
	slash = strrchr(parent, '/');
	if (slash && slash != parent)
		*slash = '\0';
	else
		snprintf(parent, size, "/");
}

bool gate_patch_applied(const char *dir, const char *patch_path)
{
	const char *const argv[] = { "git", "apply", "--check", "-R", patch_path, NULL };
	struct gate_cmd c = { .argv = argv, .dir = dir, .err = "/dev/null" };
	char parent[PATH_MAX];

	ceiling_at(parent, sizeof(parent), dir);
	c.ceiling = parent;
	return gate_run(&c) == 0;
}

/* Copy the pre-images of p's files from root into tree (missing ones are git apply's). */
int gate_patch_copy_files(const char *root, const char *tree, const struct gate_patch *p,
			  bool new_paths, char *err, size_t errlen)
{
	size_t i;

	for (i = 0; i < p->nr_files; i++) {
		const char *paths[2] = { p->files[i].old_path, p->files[i].path };
		size_t k;

		for (k = 0; k < 2; k++) {
			char *src, *dst;
			int bad;

			if (!paths[k] || (k && (!new_paths || (paths[0] &&
							       !strcmp(paths[0], paths[1])))))
				continue;
			src = tdx_path_join(root, paths[k]);
			dst = tdx_path_join(tree, paths[k]);
			/* a missing pre-image is git apply's to report */
			bad = !access(src, F_OK) && access(dst, F_OK) && gate_copy_file(src, dst);
			if (bad)
				snprintf(err, errlen, "%s: cannot copy: %s", src, strerror(errno));
			free(src);
			free(dst);
			if (bad)
				return -1;
		}
	}
	if (mkdir(tree, 0755) && errno != EEXIST) {
		snprintf(err, errlen, "%s: cannot create: %s", tree, strerror(errno));
		return -1;
	}
	return 0;
}

int gate_patch_apply_in(const char *tree, const char *patch_path, bool reverse, char *err,
			size_t errlen)
{
	const char *const fwd[] = { "git", "apply", "--whitespace=nowarn", patch_path, NULL };
	const char *const rev[] = { "git", "apply", "--whitespace=nowarn", "-R", patch_path,
				    NULL };
	char *msg_path = gate_scratch_path("apply.err"), *msg;
	struct gate_cmd c = { .argv = reverse ? rev : fwd, .dir = tree, .err = msg_path };
	char parent[PATH_MAX];
	int code;

	ceiling_at(parent, sizeof(parent), tree);
	c.ceiling = parent;
	code = gate_run(&c);
	if (code) {
		size_t len;
		char *nl;

		msg = gate_read_file(msg_path, &len);
		nl = msg ? strchr(msg, '\n') : NULL;
		if (nl)
			*nl = '\0';
		snprintf(err, errlen, "%s", msg && msg[0] ? msg : "git apply failed");
		free(msg);
	}
	unlink(msg_path);
	free(msg_path);
	return code ? -1 : 0;
}

int gate_patch_apply_copy(const char *root, const char *tree, const char *patch_path,
			  const struct gate_patch *p, char *err, size_t errlen)
{
	char msg[1024];

	if (gate_patch_copy_files(root, tree, p, false, err, errlen))
		return -1;
	if (gate_patch_apply_in(tree, patch_path, false, msg, sizeof(msg))) {
		snprintf(err, errlen, "does not apply to %s, nor is it applied there (%s)", root,
			 msg);
		return -1;
	}
	return 0;
}

/* The commits of args (a git log range), oldest first, appended to out. */
static int log_commits(const char *top, const char *const *range_args, const char *range,
		       struct gate_commits *out, char *err, size_t errlen)
{
	const char *argv[16];
	char *text, *line, *next;
	size_t n = 0, i;

	argv[n++] = "git";
	argv[n++] = "-c";
	argv[n++] = "log.showSignature=false";
	argv[n++] = "log";
	argv[n++] = "--no-color";
	argv[n++] = "--no-merges";
	argv[n++] = "--reverse";
	argv[n++] = "--format=%H %s";
	for (i = 0; range_args[i]; i++)
		argv[n++] = range_args[i];
	argv[n++] = "--";
	argv[n] = NULL;
	text = capture(top, argv);
	if (!text) {
		snprintf(err, errlen, "%s: git log failed", range);
		return -1;
	}
	for (line = text; line && *line; line = next) {
		struct gate_commit *c;
		char *sp;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		sp = strchr(line, ' ');
		if (!sp)
			continue;
		*sp = '\0';
		out->v = tdx_xreallocarray(out->v, out->nr + 1, sizeof(*out->v));
		c = &out->v[out->nr++];
		c->id = tdx_xstrdup(line);
		c->subject = tdx_xstrdup(sp + 1);
	}
	free(text);
	return 0;
}

int gate_git_commits(const char *top, const char *range, struct gate_commits *out,
		     char *err, size_t errlen)
{
	const char *dots = strstr(range, "..");
	char *a = NULL, *b = NULL, *from = NULL, *to = NULL, *spec = NULL;
	int ret = -1;

	if (dots) {
		bool three = dots[2] == '.';

		a = tdx_xstrndup(range, (size_t)(dots - range));
		b = tdx_xstrdup(dots + (three ? 3 : 2));
		from = commit_id(top, a[0] ? a : "HEAD");
		to = commit_id(top, b[0] ? b : "HEAD");
		if (from && to && three) {
			const char *const argv[] = { "git", "merge-base", from, to, NULL };
			char *base = capture(top, argv);

			free(from);
			from = base;
		}
		if (!from || !to)
			goto bad;
		if (asprintf(&spec, "%s..%s", from, to) < 0)
			goto out;
		{
			const char *const args[] = { spec, NULL };

			ret = log_commits(top, args, range, out, err, errlen);
		}
		goto out;
	}
	to = commit_id(top, range);
	if (!to)
		goto bad;
	{
		/* checkpatch -g REV: git log -1 --no-merges REV */
		const char *const args[] = { "-1", to, NULL };

		ret = log_commits(top, args, range, out, err, errlen);
	}
	goto out;
bad:
	snprintf(err, errlen, "%s: bad revision range (not a commit, or A..B)", range);
out:
	free(spec);
	free(a);
	free(b);
	free(from);
	free(to);
	return ret;
}

void gate_commits_release(struct gate_commits *c)
{
	size_t i;

	for (i = 0; i < c->nr; i++) {
		free(c->v[i].id);
		free(c->v[i].subject);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}

int gate_git_commit_patch(const char *top, const char *id, const char *out_path, char *err,
			  size_t errlen)
{
	const char *const argv[] = {
		"git", "-c", "core.quotePath=true", "format-patch", "-M", "--stdout", "-1",
		"--text", "--no-color", "--no-ext-diff", "--no-textconv", "--src-prefix=a/",
		"--dst-prefix=b/", id, NULL };
	struct gate_cmd c = { .argv = argv, .dir = top, .out = out_path };
	int code = gate_run(&c);

	if (code)
		snprintf(err, errlen, "%.12s: git format-patch failed (status %d)", id, code);
	return code ? -1 : 0;
}

int gate_git_commit_files(const char *top, const char *id, const struct gate_patch *p,
			  const char *tree, bool parent, char *err, size_t errlen)
{
	size_t i;

	if (mkdir(tree, 0755) && errno != EEXIST) {
		snprintf(err, errlen, "%s: cannot create: %s", tree, strerror(errno));
		return -1;
	}
	for (i = 0; i < p->nr_files; i++) {
		const struct gate_file *f = &p->files[i];
		char *spec, *dst;
		int code;

		const char *path = parent ? f->old_path : f->path;

		if (f->deleted || f->symlink || !gate_is_c_path(f->path) || !path)
			continue;
		if (asprintf(&spec, parent ? "%s^:%s" : "%s:%s", id, path) < 0)
			return -1;
		dst = tdx_path_join(tree, path);
		if (gate_mkdirs_for(dst)) {
			snprintf(err, errlen, "%s: cannot create: %s", dst, strerror(errno));
			code = -1;
		} else {
			const char *const argv[] = { "git", "cat-file", "blob", spec, NULL };
			struct gate_cmd c = { .argv = argv, .dir = top, .out = dst,
					      .err = "/dev/null" };

			code = gate_run(&c);
			if (code && parent) {
				/* a root commit, or a path its parent lacks: no pre-image */
				unlink(dst);
				code = 0;
			} else if (code) {
				snprintf(err, errlen, "%.12s: %s: cannot read it from git", id,
					 f->path);
			}
		}
		free(spec);
		free(dst);
		if (code)
			return -1;
	}
	return 0;
}
