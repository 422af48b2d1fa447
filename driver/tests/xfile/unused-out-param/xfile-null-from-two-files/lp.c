// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/stddef.h>
#include <asm/tdx.h>

int tdx_call(u64 fn, struct tdx_module_args *args, u64 *seamcall_ret);
int tdx_sys_lp_init(void);

int tdx_sys_lp_init(void)
{
	struct tdx_module_args args = {};

	return tdx_call(TDH_SYS_LP_INIT, &args, NULL);
}
