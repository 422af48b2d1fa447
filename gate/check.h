/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Getting findings: tdxcheck --format=json on each post-image, then only
 * those on a line the patch adds, named by the patch's path.
 */
#ifndef TDXCHECK_GATE_CHECK_H
#define TDXCHECK_GATE_CHECK_H

#include "diff.h"
#include "options.h"
#include "rules.h"
#include "unit.h"

/*
 * Run tdxcheck on the units (units[i] is the post-image of
 * p->files[file_of[i]]) and append to kept, with the patch's path as the
 * file, every finding on an added line of a file of the patch.  Returns 0,
 * or -1 after a one-line error on stderr naming the file that could not
 * be checked (tdxcheck's own messages, gcc's errors among them, come first,
 * with scratch_tree's paths, when not NULL, shown as the patch's).
 */
int gate_check(const struct gate_opts *o, const char *tdxcheck, const struct gate_patch *p,
	       const struct gate_unit *units, const size_t *file_of, size_t nr,
	       const char *scratch_tree, struct tdx_findings *kept);

#endif /* TDXCHECK_GATE_CHECK_H */
