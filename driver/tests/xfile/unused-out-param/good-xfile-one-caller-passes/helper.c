// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_call(u64 fn, struct tdx_module_args *args, u64 *seamcall_ret);

/* The review's second return channel; one caller in another file reads it. */
int tdx_call(u64 fn, struct tdx_module_args *args,
	     u64 *seamcall_ret)
{
	u64 sret;

	sret = __seamcall(fn, args);
	if (seamcall_ret)
		*seamcall_ret = sret;

	return sret == TDX_SUCCESS ? 0 : -EIO;
}

/*
 * check-name: an extern helper whose out pointer one caller in another file passes a pointer
 */
