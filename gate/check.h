/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Getting findings: tdxcheck --format=json on each pre-image or post-image
 * of the files a patch touches, named by the patch's path.
 */
#ifndef TDXCHECK_GATE_CHECK_H
#define TDXCHECK_GATE_CHECK_H

#include <stdbool.h>

#include "options.h"
#include "rules.h"
#include "unit.h"

/*
 * Run tdxcheck on each unit and append to found, with names[k] as the file,
 * every finding in units[k].file for any k.  Returns 0, or -1 after a
 * one-line error on stderr naming the file that could not be checked
 * (tdxcheck's own messages, gcc's errors among them, come first, with
 * scratch_tree's paths, when not NULL, shown as the patch's).  With
 * failed (a pre-image), a unit that cannot be checked is only marked
 * there, silently.
 */
int gate_check(const struct gate_opts *o, const char *tdxcheck, const struct gate_unit *units,
	       const char *const *names, size_t nr, const char *scratch_tree, bool *failed,
	       struct tdx_findings *found);

#endif /* TDXCHECK_GATE_CHECK_H */
