/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Printing findings: gcc style, checkpatch style, JSON and SARIF 2.1.0.
 * Reporters only print; the list is already filtered and sorted by
 * tdx_check_tu().
 */
#ifndef TDXCHECK_REPORT_H
#define TDXCHECK_REPORT_H

#include <stdio.h>

#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/* "path:line:col: warning: message [tdx-rule]" */
void tdx_report_gcc_one(FILE *f, const struct tdx_finding *fd);
/* The same, the column counted on src (the line, no newline) when not NULL:
 * the gate's post-image may not be at fd->loc.file. */
void tdx_report_gcc_one_src(FILE *f, const struct tdx_finding *fd, const char *src,
			    size_t srclen);
void tdx_report_gcc(FILE *f, const struct tdx_findings *fs);

/*
 * One checkpatch report: "WARNING:TDX_RULE: message", "#<n>: FILE: path:line:",
 * "+<source line>" and a blank line.  n is the line in the patch (the gate)
 * or in the file (checkpatch -f); src is the source line without newline,
 * NULL to read it from the file.
 */
void tdx_report_checkpatch_one(FILE *f, const struct tdx_finding *fd,
			       unsigned long n, const char *src, size_t srclen);
/* "total: N errors, N warnings, 0 checks, N lines checked", and when name
 * is not NULL checkpatch's verdict line about it. */
void tdx_report_checkpatch_total(FILE *f, unsigned long errors,
				 unsigned long warnings, unsigned long lines,
				 const char *name);
/*
 * Whole files, checkpatch -f style: every finding, then the total with
 * lines = the sum of the lines of the files named.
 */
void tdx_report_checkpatch(FILE *f, const struct tdx_findings *fs,
			   const char *const *files, size_t nr_files,
			   const char *name);

/*
 * {"version": ..., "findings": [{"rule", "type", "severity", "file", "line",
 * "column", "subject", "message"}]}.  Returns 0, -1 on a write error.
 */
int tdx_report_json(FILE *f, const struct tdx_findings *fs);
/* One SARIF 2.1.0 log with one run; every rule listed in tool.driver.rules. */
int tdx_report_sarif(FILE *f, const struct tdx_findings *fs);

#ifdef __cplusplus
}
#endif

#endif /* TDXCHECK_REPORT_H */
