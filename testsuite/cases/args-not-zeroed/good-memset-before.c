// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <asm/tdx.h>

int tdx_vm_rd(u64 field, u64 *value)
{
	struct tdx_module_args args;
	u64 ret;

	memset(&args, 0, sizeof(args));
	args.rdx = field;
	ret = __tdcall_ret(TDG_VM_RD, &args);
	*value = args.r8;

	return ret ? -EIO : 0;
}

/*
 * check-name: memset() before the first call
 */
