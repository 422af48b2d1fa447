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

#include "git.h"
#include "run.h"
#include "scratch.h"

#define EMPTY_TREE "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

static char *capture(const char *top, const char *const *argv)
{
	char *tmp = gate_scratch_path("git.out"), *out;
	struct gate_cmd c = { .argv = argv, .dir = top, .err = "/dev/null" };

	gate_run_capture(&c, tmp, &out);
	unlink(tmp);
	free(tmp);
	return out;
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

int gate_git_range_diff(const char *top, const char *range, const char *out_path,
			char **end, char *err, size_t errlen)
{
	const char *dots = strstr(range, "..");
	char *a = NULL, *b = NULL, *from = NULL, *to = NULL;
	int ret = -1, code;

	*end = NULL;
	if (dots) {
		bool three = dots[2] == '.';

		a = strndup(range, (size_t)(dots - range));
		b = strdup(dots + (three ? 3 : 2));
		if (!a || !b)
			goto out;
		from = commit_id(top, a[0] ? a : "HEAD");
		to = commit_id(top, b[0] ? b : "HEAD");
		if (from && to && three) {
			const char *const argv[] = { "git", "merge-base", from, to, NULL };
			char *base = capture(top, argv);

			free(from);
			from = base;
		}
	} else {
		char *parent;

		to = commit_id(top, range);
		if (asprintf(&parent, "%s^", range) < 0)
			goto out;
		from = to ? commit_id(top, parent) : NULL;
		if (to && !from)
			from = strdup(EMPTY_TREE);
		free(parent);
	}
	if (!from || !to) {
		snprintf(err, errlen, "%s: bad revision range (not a commit, or A..B)", range);
		goto out;
	}
	{
		const char *const argv[] = {
			"git", "-c", "core.quotePath=true", "diff", "--no-color", "--no-ext-diff",
			"--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", "-M",
			from, to, NULL };
		struct gate_cmd c = { .argv = argv, .dir = top, .out = out_path };

		code = gate_run(&c);
	}
	if (code) {
		snprintf(err, errlen, "%s: git diff failed (status %d)", range, code);
		goto out;
	}
	*end = to;
	to = NULL;
	ret = 0;
out:
	free(a);
	free(b);
	free(from);
	free(to);
	return ret;
}

int gate_git_at(const char *top, const char *range, const char *end,
		const struct gate_patch *p, char *err, size_t errlen)
{
	char *head = commit_id(top, "HEAD");
	const char **argv;
	size_t i, n = 0;
	int code, ret = 0;

	if (!head || strcmp(head, end)) {
		snprintf(err, errlen, "%s: the work tree is not at %.12s (HEAD is %.12s): "
			 "check it out first", range, end, head ? head : "unborn");
		free(head);
		return -1;
	}
	free(head);
	argv = calloc(p->nr_files + 8, sizeof(*argv));
	if (!argv) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	argv[n++] = "git";
	argv[n++] = "diff";
	argv[n++] = "--quiet";
	argv[n++] = "--no-ext-diff";
	argv[n++] = end;
	argv[n++] = "--";
	for (i = 0; i < p->nr_files; i++)
		if (!p->files[i].deleted)
			argv[n++] = p->files[i].path;
	argv[n] = NULL;
	{
		struct gate_cmd c = { .argv = argv, .dir = top };

		code = gate_run(&c);
	}
	if (code) {
		snprintf(err, errlen, "%s: the work tree has changes to the range's files that "
			 "%.12s does not have: commit or stash them first", range, end);
		ret = -1;
	}
	free(argv);
	return ret;
}

bool gate_patch_applied(const char *dir, const char *patch_path)
{
	const char *const argv[] = { "git", "apply", "--check", "-R", patch_path, NULL };
	struct gate_cmd c = { .argv = argv, .dir = dir, .err = "/dev/null" };

	return gate_run(&c) == 0;
}

int gate_patch_apply_copy(const char *root, const char *tree, const char *patch_path,
			  const struct gate_patch *p, char *err, size_t errlen)
{
	const char *const argv[] = { "git", "apply", "--whitespace=nowarn", patch_path, NULL };
	char *msg_path = gate_scratch_path("apply.err"), *msg;
	struct gate_cmd c = { .argv = argv, .dir = tree, .err = msg_path, .ceiling = NULL };
	char parent[PATH_MAX];
	size_t i;
	int code;

	for (i = 0; i < p->nr_files; i++) {
		const char *old = p->files[i].old_path;
		char *src, *dst;

		if (!old)
			continue;
		if (asprintf(&src, "%s/%s", root, old) < 0 ||
		    asprintf(&dst, "%s/%s", tree, old) < 0) {
			snprintf(err, errlen, "out of memory");
			free(msg_path);
			return -1;
		}
		/* a missing pre-image is git apply's to report */
		if (!access(src, F_OK) && gate_copy_file(src, dst)) {
			snprintf(err, errlen, "%s: cannot copy: %s", src, strerror(errno));
			free(src);
			free(dst);
			free(msg_path);
			return -1;
		}
		free(src);
		free(dst);
	}
	if (mkdir(tree, 0755) && errno != EEXIST) {
		snprintf(err, errlen, "%s: cannot create: %s", tree, strerror(errno));
		free(msg_path);
		return -1;
	}
	/* git must not take tree for a part of some repository above it */
	snprintf(parent, sizeof(parent), "%s", tree);
	*strrchr(parent, '/') = '\0';
	c.ceiling = parent;
	code = gate_run(&c);
	if (code) {
		size_t len;
		char *nl;

		msg = gate_read_file(msg_path, &len);
		nl = msg ? strchr(msg, '\n') : NULL;
		if (nl)
			*nl = '\0';
		snprintf(err, errlen, "does not apply to %s, nor is it applied there (%s)", root,
			 msg && msg[0] ? msg : "git apply failed");
		free(msg);
	}
	unlink(msg_path);
	free(msg_path);
	return code ? -1 : 0;
}
