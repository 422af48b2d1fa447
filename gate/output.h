/* SPDX-License-Identifier: GPL-2.0 */
/* Printing the gate's findings the way checkpatch prints its own. */
#ifndef TDXCHECK_GATE_OUTPUT_H
#define TDXCHECK_GATE_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "diff.h"
#include "introduced.h"
#include "options.h"

/*
 * The findings an input causes.  checkpatch: in patch order, each with its
 * "#<n>: FILE: path:line:" and its line ("+" added, " " untouched, then
 * the added lines that caused it), the total and the verdict on name, as
 * checkpatch's -q, --terse, --emacs (file_arg:line:), --showfile,
 * --no-summary, --summary-file, --mailback, --strict, --show-types and
 * --color shape them, and the note on the --fix file written (fixes, or
 * NULL) before the verdict; gcc: one line each.  Returns 0, -1 on a write error.
 */
int gate_report(FILE *f, const struct gate_opts *o, const struct gate_patch *p,
		const struct gate_blames *b, const char *name, const char *file_arg,
		const char *fixes);

/* Is the input clean (nothing reported at the levels o reports)? */
bool gate_report_clean(const struct gate_opts *o, const struct gate_blames *b);

/* checkpatch's closing notes for the run (types used or ignored, exit != 0). */
void gate_report_notes(FILE *f, const struct gate_opts *o, int exit_status);

#endif /* TDXCHECK_GATE_OUTPUT_H */
