/* SPDX-License-Identifier: GPL-2.0 */
#ifndef TDX_MULTI_TDX_CALL_H
#define TDX_MULTI_TDX_CALL_H

#include <linux/types.h>
#include <asm/tdx.h>

int tdx_call(u64 fn, struct tdx_module_args *args);
int tdx_sys_init(void);
int tdx_lp_init(void);
int tdx_key_config(void);

#endif
