// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_sys_call(u64 fn, bool ret_regs)
{
	struct tdx_module_args args = {};

	switch (fn) {
	case TDH_SYS_INIT:
	case TDH_SYS_LP_INIT:
		if (ret_regs)
			return __seamcall_ret(fn, &args) ? -EIO : 0;
		return __seamcall(fn, &args) ? -EIO : 0;
	default:
		return -EINVAL;
	}
}

/*
 * check-name: switch on the leaf number, not on a status: default scope does not judge it
 */
