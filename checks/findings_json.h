/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading back the findings that tdx_report_json() wrote.  The plugin runs
 * the rules inside the compiler and hands its findings to the tdxcheck
 * command this way: a few hundred bytes per unit, where the unit's whole
 * model (every inline function of every header) is tens of megabytes.
 */
#ifndef TDXCHECK_FINDINGS_JSON_H
#define TDXCHECK_FINDINGS_JSON_H

#include <stddef.h>

#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Append the findings in the JSON file at path to out.  Each finding's
 * message, file and subject live in one allocation owned by out (released
 * with tdx_findings_release()).  Returns 0, or -1 with a one-line reason in
 * err; out is then unchanged.
 */
int tdx_findings_load_json(const char *path, struct tdx_findings *out,
			   char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif /* TDXCHECK_FINDINGS_JSON_H */
