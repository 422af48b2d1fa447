// SPDX-License-Identifier: GPL-2.0
/*
 * Finding tdxcheck (and tdxcheck-refactor, for --fix) relative to the
 * gate's own executable, as tdxcheck finds its plugin: an installed
 * prefix, a relocated one and a build tree all work without configuration,
 * and never a different copy from PATH.
 */
#include <unistd.h>

#include "companion.h"
#include "driver_path.h"

/* From gate/ in the build tree to driver/ and cocci/refactor/ (CMake). */
#ifndef TDX_DRIVER_BUILD_REL
#define TDX_DRIVER_BUILD_REL "../driver"
#endif
#ifndef TDX_REFACTOR_BUILD_REL
#define TDX_REFACTOR_BUILD_REL "../cocci/refactor"
#endif

char *gate_driver_find(const char *explicit_path, char *err, size_t errlen)
{
	static const struct tdx_companion driver = {
		.name = "tdxcheck",
		.what = "tdxcheck",
		.env = "TDXCHECK_DRIVER",
		.option = "--tdxcheck=PATH",
		.mode = X_OK,
		.rel = { ".", TDX_DRIVER_BUILD_REL },	/* installed beside us; build tree */
	};

	return tdx_companion_find(&driver, explicit_path, err, errlen);
}

char *gate_refactor_find(char *err, size_t errlen)
{
	static const struct tdx_companion refactor = {
		.name = "tdxcheck-refactor",
		.what = "tdxcheck-refactor (needed by --fix)",
		.env = "TDXCHECK_REFACTOR",
		.mode = X_OK,
		.rel = { ".", TDX_REFACTOR_BUILD_REL },
	};

	return tdx_companion_find(&refactor, NULL, err, errlen);
}
