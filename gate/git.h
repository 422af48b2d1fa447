/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the gate asks git: the work tree's top, a range's commits and each
 * one's mail and post-image, whether a patch is applied, and applying
 * patches to copies.
 */
#ifndef TDXCHECK_GATE_GIT_H
#define TDXCHECK_GATE_GIT_H

#include <stdbool.h>
#include <stddef.h>

#include "diff.h"

/* Is there a git in PATH?  Every input needs one (git apply, git diff). */
bool gate_git_available(void);

/* The top of the work tree holding the current directory, or NULL. */
char *gate_git_toplevel(void);

/* Is the patch at patch_path applied in dir (does it reverse-apply cleanly)? */
bool gate_patch_applied(const char *dir, const char *patch_path);

/*
 * Copy the files p changes from root into tree and apply the patch there,
 * never in root.  Returns 0, or -1 with git's first complaint in err.
 */
int gate_patch_apply_copy(const char *root, const char *tree, const char *patch_path,
			  const struct gate_patch *p, char *err, size_t errlen);

/*
 * Copy into tree the files of p that exist in root: their pre-images, and
 * with new_paths their post-image paths too (a series applied in root).  A
 * file already in tree is kept (an earlier patch of the series made it).
 * Returns 0, or -1 with a one-line reason in err.
 */
int gate_patch_copy_files(const char *root, const char *tree, const struct gate_patch *p,
			  bool new_paths, char *err, size_t errlen);

/* git apply [-R] patch_path in tree.  Returns 0, or -1 with git's first complaint. */
int gate_patch_apply_in(const char *tree, const char *patch_path, bool reverse, char *err,
			size_t errlen);

struct gate_commit {
	char *id;		/* full id */
	char *subject;		/* its subject line, as git log %s */
};

struct gate_commits {
	struct gate_commit *v;
	size_t nr;
};

/*
 * Append the commits of range to out, oldest first, as checkpatch -g takes
 * them: "A..B" (A or B empty: HEAD) is git log A..B, "A...B" the commits
 * of B since the merge base, "REV" git log -1 REV; merges are skipped.
 * Returns 0, or -1 with a one-line reason naming the range.
 */
int gate_git_commits(const char *top, const char *range, struct gate_commits *out,
		     char *err, size_t errlen);
void gate_commits_release(struct gate_commits *c);

/*
 * The commit as one mail (git format-patch -M --stdout -1 --text: a
 * .gitattributes "binary" or "-diff" must not hide a C file), to out_path.
 */
int gate_git_commit_patch(const char *top, const char *id, const char *out_path, char *err,
			  size_t errlen);

/*
 * Write the commit's version of each .c/.h file p keeps (not deleted, not a
 * link) under tree; with parent, its first parent's version of their old
 * paths (none for a root commit or a new file).
 */
int gate_git_commit_files(const char *top, const char *id, const struct gate_patch *p,
			  const char *tree, bool parent, char *err, size_t errlen);

#endif /* TDXCHECK_GATE_GIT_H */
