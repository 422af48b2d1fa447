// SPDX-License-Identifier: GPL-2.0
/*
 * Finding tdxcheck relative to the gate's own executable, as tdxcheck finds
 * its plugin: an installed prefix, a relocated one and a build tree all
 * work without configuration, and never a different tdxcheck from PATH.
 */
#include <unistd.h>

#include "companion.h"
#include "driver_path.h"

/* From gate/ in the build tree to driver/ (CMake). */
#ifndef TDX_DRIVER_BUILD_REL
#define TDX_DRIVER_BUILD_REL "../driver"
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
