/* SPDX-License-Identifier: GPL-2.0 */
/*
 * `tdxcheck report FILE...`: the whole-build rules over facts gathered from
 * any mix of objects (their facts section), ar archives (every member; thin
 * archives name theirs by path) and facts databases.
 */
#ifndef TDXCHECK_FACTS_INPUTS_H
#define TDXCHECK_FACTS_INPUTS_H

#include <stddef.h>
#include <stdio.h>

#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Evaluate unused-attr-on-used and unused-out-param over every unit found in
 * files, as tdx_facts_check() does over one database.  A unit met twice (the
 * same main file in a database and an object) counts once, the later one.
 * An object without a facts section is named in a note on notes.  Returns 0,
 * or -1 with a one-line reason naming the file in err (unreadable, not an
 * object, archive or database, corrupt, or a facts section of an unknown
 * version).
 */
int tdx_facts_check_files(const char *const *files, size_t nr, const struct tdx_config *cfg,
			  struct tdx_findings *out, FILE *notes, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif /* TDXCHECK_FACTS_INPUTS_H */
