// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <asm/tdx.h>

int tdx_call(u64 fn, struct tdx_module_args *args, u64 *seamcall_ret);
int tdx_sys_init(void);

int tdx_sys_init(void)
{
	struct tdx_module_args args = {};

	return tdx_call(TDH_SYS_INIT, &args, NULL);
}
