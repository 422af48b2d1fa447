// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <asm/tdx.h>

int tdx_call(u64 fn, struct tdx_module_args *args, u64 *seamcall_ret);
u64 tdx_sys_rd(void);

u64 tdx_sys_rd(void)
{
	struct tdx_module_args args = {};
	u64 sret = 0;

	if (tdx_call(TDH_SYS_RD, &args, &sret))
		return sret;
	return 0;
}
