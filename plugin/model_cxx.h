/* SPDX-License-Identifier: GPL-2.0 */
/*
 * checks/model.h as C++ sees it.  The plugin is compiled as C++ (GCC's
 * plugin API is C++), and model.h names a member 'class', a C++ keyword:
 * the member is spelled tdx_class here.  Only the spelling changes, not the
 * layout, so the C library and the plugin agree on every struct.
 */
#ifndef TDXCHECK_PLUGIN_MODEL_CXX_H
#define TDXCHECK_PLUGIN_MODEL_CXX_H

#ifdef __cplusplus
#define class tdx_class
#endif
#include "model.h"
#ifdef __cplusplus
#undef class
#endif

#endif /* TDXCHECK_PLUGIN_MODEL_CXX_H */
