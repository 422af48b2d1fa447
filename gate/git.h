/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the gate asks git: the work tree's top, a range's diff and whether
 * the work tree holds its end, whether a patch is applied, and applying a
 * patch to copies.
 */
#ifndef TDXCHECK_GATE_GIT_H
#define TDXCHECK_GATE_GIT_H

#include <stdbool.h>
#include <stddef.h>

#include "diff.h"

/* The top of the work tree holding the current directory, or NULL. */
char *gate_git_toplevel(void);

/*
 * The diff of a range, written to out_path, run in top: "A..B" and "A...B"
 * (from their merge base) compare A with B, "REV" is one commit against its
 * first parent (the empty tree for a root commit).  *end gets B's full
 * commit id.  Returns 0, or -1 with a one-line reason naming the range.
 */
int gate_git_range_diff(const char *top, const char *range, const char *out_path,
			char **end, char *err, size_t errlen);

/*
 * The work tree holds end: HEAD is end and no file the patch touches
 * differs from it.  Returns 0, or -1 with a one-line reason in err.
 */
int gate_git_at(const char *top, const char *range, const char *end,
		const struct gate_patch *p, char *err, size_t errlen);

/* Is the patch at patch_path applied in dir (does it reverse-apply cleanly)? */
bool gate_patch_applied(const char *dir, const char *patch_path);

/*
 * Copy the files p changes from root into tree and apply the patch there,
 * never in root.  Returns 0, or -1 with git's first complaint in err.
 */
int gate_patch_apply_copy(const char *root, const char *tree, const char *patch_path,
			  const struct gate_patch *p, char *err, size_t errlen);

#endif /* TDXCHECK_GATE_GIT_H */
