/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cross-file facts: what one translation unit knows about its functions and
 * call sites, kept in an SQLite database so that rules needing the whole
 * build (a helper defined in one file, called from others) can be evaluated
 * after every unit was compiled.
 *
 * Many writers run at once under make -j: each unit is recorded in one
 * transaction that first deletes that unit's earlier facts.
 */
#ifndef TDXCHECK_FACTS_H
#define TDXCHECK_FACTS_H

#include <stddef.h>

#include "model.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * "tdxf" in PRAGMA user_version marks our schema; the low byte is its
 * version.  facts_inputs.c checks it on the databases it merges.
 */
#define TDX_FACTS_DB_MAGIC	0x74647801

/*
 * Open (creating it when absent) the database at db_path as a writer would,
 * and close it again: a caller about to start many writers learns of an
 * unusable database once.  Returns 0, or -1 with a one-line reason in err.
 */
int tdx_facts_open(const char *db_path, char *err, size_t errlen);

/*
 * Record tu's facts in the database at db_path (created when absent).
 * Returns 0, or -1 with a one-line reason in err.
 */
int tdx_facts_record(const char *db_path, const struct tdx_tu *tu,
		     char *err, size_t errlen);

/*
 * Evaluate the whole-build rules (unused-attr-on-used, unused-out-param)
 * over every unit recorded in db_path.  Returns 0, or -1 with a one-line
 * reason in err (missing or corrupt database).
 */
int tdx_facts_check(const char *db_path, const struct tdx_config *cfg,
		    struct tdx_findings *out, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif /* TDXCHECK_FACTS_H */
