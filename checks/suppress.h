/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Suppression comments and the source-line cache they (and the
 * checkpatch-style reporter) read.
 *
 * A C comment "tdxcheck-ignore: status-ignored, args-not-zeroed" (or the
 * same after //) on the finding's line or on the line before it silences
 * the listed rules there; "all" silences every rule.  Names may be given
 * as in flags ("status-ignored"), as printed ("tdx-status-ignored") or as
 * checkpatch types ("TDX_STATUS_IGNORED").
 */
#ifndef TDXCHECK_SUPPRESS_H
#define TDXCHECK_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The finding is silenced by a tdxcheck-ignore comment. */
bool tdx_suppressed(const struct tdx_finding *fd);

/* Does this one source line hold a tdxcheck-ignore naming rule? */
bool tdx_line_suppresses(const char *line, size_t len, enum tdx_rule_id rule);

/*
 * Line `line` (1-based) of the file at path, without its newline, or NULL
 * when the file cannot be read or is shorter; *len gets its length.  Each
 * file is read once per process (the cache is not thread-safe: the
 * plugin and the driver check one unit per process).
 */
const char *tdx_source_line(const char *path, unsigned int line, size_t *len);
/*
 * The display column (tab stops of 8, a UTF-8 character one column) of byte
 * column col (1-based) of that line, as gcc prints it; col itself when the
 * line cannot be read.  Calls for increasing columns of one line cost the
 * length of the line once, not once per call.
 */
unsigned int tdx_source_display_column(const char *path, unsigned int line, unsigned int col);
/* Number of lines of the file, 0 when it cannot be read. */
unsigned int tdx_source_nr_lines(const char *path);
/* Forget every cached file (tests, long-running hosts). */
void tdx_source_cache_clear(void);

#ifdef __cplusplus
}
#endif

#endif /* TDXCHECK_SUPPRESS_H */
