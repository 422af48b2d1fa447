// SPDX-License-Identifier: GPL-2.0
/*
 * Finding tdxcheck-clang relative to the executable, as the plugin is found:
 * installed beside tdxcheck, or in the build tree.
 */
#include <unistd.h>

#include "clang_path.h"
#include "companion.h"

char *tdx_clang_find(char *err, size_t errlen)
{
	static const struct tdx_companion clang_fe = {
		.name = "tdxcheck-clang",
		.what = "the clang front end",
		.env = "TDXCHECK_CLANG",
		.mode = X_OK,
		.rel = { ".", "../clang" },	/* installed beside tdxcheck; build tree */
	};

	return tdx_companion_find(&clang_fe, NULL, err, errlen);
}
