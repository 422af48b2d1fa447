// SPDX-License-Identifier: GPL-2.0
/*
 * The rule catalogue as data, generated from rules.def so that names, types
 * and messages exist in exactly one place.
 */
#include <string.h>
#include <strings.h>

#include "rules.h"

/*
 * The checkpatch TYPE is the name upper-cased with '_' for '-'; the
 * preprocessor cannot change case, so the build generates rule_types.h from
 * rules.def (see CMakeLists.txt).
 */
#include "rule_types.h"

#define TDX_RULE(ident, name_, sev, msg, doc_)				\
	[TDX_RULE_##ident] = {						\
		.name = name_,						\
		.type = TDX_RULE_TYPE_##ident,				\
		.severity = #sev,					\
		.message = msg,						\
		.doc = doc_,						\
	},
const struct tdx_rule_info tdx_rules[TDX_NR_RULES] = {
#include "rules.def"
};

/*
 * "split-inout-args", "tdx-split-inout-args" (as printed in brackets) and
 * the checkpatch TYPE "TDX_SPLIT_INOUT_ARGS" (any case) all name the rule.
 */
int tdx_rule_lookup(const char *name)
{
	int i;

	if (!name)
		return -1;
	if (!strncmp(name, "tdx-", 4))
		name += 4;
	for (i = 0; i < TDX_NR_RULES; i++) {
		if (!strcmp(name, tdx_rules[i].name) ||
		    !strcasecmp(name, tdx_rules[i].type))
			return i;
	}
	return -1;
}
