/* SPDX-License-Identifier: GPL-2.0 */
/* Printing the gate's findings through the checks library's reporters. */
#ifndef TDXCHECK_GATE_OUTPUT_H
#define TDXCHECK_GATE_OUTPUT_H

#include <stdio.h>

#include "diff.h"
#include "options.h"
#include "rules.h"

/*
 * kept: findings on added lines, named by the patch's paths.  checkpatch:
 * in patch order, each with its "#<n>:" and the added line, then the total
 * over the patch's lines and the verdict on name; gcc: one line each; json:
 * tdxcheck's JSON.  Returns 0, -1 on a write error.
 */
int gate_report(FILE *f, enum gate_format format, const struct gate_patch *p,
		const struct tdx_findings *kept, const char *name);

#endif /* TDXCHECK_GATE_OUTPUT_H */
