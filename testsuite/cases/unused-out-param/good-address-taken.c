// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

struct tdx_ops {
	int (*call)(u64 fn, struct tdx_module_args *args, u64 *seamcall_ret);
};

static int tdx_call(u64 fn, struct tdx_module_args *args, u64 *seamcall_ret)
{
	u64 sret;

	sret = __seamcall(fn, args);
	if (seamcall_ret)
		*seamcall_ret = sret;

	return sret == TDX_SUCCESS ? 0 : -EIO;
}

int tdx_sys_init(struct tdx_ops *ops)
{
	struct tdx_module_args args = {};

	ops->call = tdx_call;
	return tdx_call(TDH_SYS_INIT, &args, NULL);
}

/*
 * check-name: address taken: calls through the pointer may pass a real pointer
 */
