/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The GCC plugin headers this plugin needs, in the order GCC requires them
 * (a trimmed scripts/gcc-plugins/gcc-common.h: the plugin only reads the C
 * front end's trees and reports diagnostics, it adds no pass).
 */
#ifndef TDXCHECK_PLUGIN_GCC_HEADERS_H
#define TDXCHECK_PLUGIN_GCC_HEADERS_H

#include "gcc-plugin.h"
#include "plugin-version.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "tm.h"
#include "line-map.h"
#include "input.h"
#include "tree.h"
#include "tree-iterator.h"
#include "stringpool.h"
#include "attribs.h"
#include "c-family/c-common.h"	/* before diagnostic.h, GCC requires it */
#include "c-family/c-pragma.h"	/* parse_in: how the input was preprocessed */
#include "diagnostic.h"
#include "intl.h"
#include "langhooks.h"
#include "opts.h"		/* in_fnames: the input as named on the command line */
#include "output.h"		/* asm_out_file: the facts section */

#ifndef __visible
#define __visible __attribute__((visibility("default")))
#endif

#endif /* TDXCHECK_PLUGIN_GCC_HEADERS_H */
