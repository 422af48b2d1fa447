// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/printk.h>
#include <asm/tdx.h>

static void tdx_log(u64 sret)
{
	pr_info("status 0x%llx\n", sret);
}

u64 tdx_uses(u64 *out)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = __seamcall(TDH_SYS_INIT, &args);
	if (__seamcall(TDH_SYS_LP_INIT, &args))
		return TDX_ERROR;
	tdx_log(__tdcall(TDG_VP_INFO, &args));
	*out = seamcall(TDH_SYS_CONFIG, &args);
	if (sret)
		return sret;

	return __tdcall_ret(TDG_VM_RD, &args);
}

/*
 * check-name: statuses assigned, tested, passed on and returned
 */
