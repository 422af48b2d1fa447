/* SPDX-License-Identifier: GPL-2.0 */
/*
 * --fix, as checkpatch's: each input gets "<input>.EXPERIMENTAL-checkpatch-fixes"
 * (for standard input "-.EXPERIMENTAL-checkpatch-fixes"), the input with
 * the diff of every patch that a fix changes made again against the
 * post-image the Coccinelle patch modes (tdxcheck-refactor --all) make of
 * it.  The refactor runs on copies in the scratch directory only: the tree
 * is never written.
 */
#ifndef TDXCHECK_GATE_FIX_H
#define TDXCHECK_GATE_FIX_H

#include <stdbool.h>
#include <stdio.h>

#include "diff.h"

struct gate_fix;

/* The fixes of a run, made with the tdxcheck-refactor at refactor. */
struct gate_fix *gate_fix_new(const char *refactor);
void gate_fix_free(struct gate_fix *fx);

/*
 * The next patch or mail of the current input: p, whose files are under
 * pre_root before it (NULL: none) and under post_root after it; clean:
 * nothing was reported on it.  A patch of a series is fixed on top of the
 * fixed patches before it, so the fixed series applies in order.  Returns
 * 0, or -1 after a one-line error naming the patch (name) on stderr.
 */
int gate_fix_add(struct gate_fix *fx, const struct gate_patch *p, const char *pre_root,
		 const char *post_root, bool clean, const char *name);

/*
 * The current input, arg as given ("-": standard input), ends.  As
 * checkpatch: its fixes file is written when something was reported on it
 * and a fix changed it, whole or not at all (a temporary name, renamed);
 * *written is then its path (malloc'd), else NULL.  Returns 0, or -1 after
 * a one-line error naming the file on stderr.
 */
int gate_fix_finish(struct gate_fix *fx, const char *arg, char **written);

/* The closing note on the file written, before the verdict (checkpatch's place). */
void gate_fix_note(FILE *f, const char *written);

#endif /* TDXCHECK_GATE_FIX_H */
