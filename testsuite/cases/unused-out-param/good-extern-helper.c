// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

/* Not static: callers in other files may pass a pointer. */
int tdx_call(u64 fn, struct tdx_module_args *args, u64 *seamcall_ret)
{
	u64 sret;

	sret = __seamcall(fn, args);
	if (seamcall_ret)
		*seamcall_ret = sret;

	return sret == TDX_SUCCESS ? 0 : -EIO;
}

int tdx_sys_init(void)
{
	struct tdx_module_args args = {};

	return tdx_call(TDH_SYS_INIT, &args, NULL);
}

/*
 * check-name: an extern function: callers in this file alone do not decide
 */
