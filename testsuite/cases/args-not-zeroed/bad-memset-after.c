// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <asm/tdx.h>

int tdx_vm_rd(u64 field, u64 *value)
{
	struct tdx_module_args args;
	u64 ret;

	args.rdx = field;
	ret = sc_retry(__tdcall_ret, TDG_VM_RD, &args); /* expect: args-not-zeroed */
	*value = args.r8;
	memset(&args, 0, sizeof(args));

	return ret ? -EIO : 0;
}

/*
 * check-name: memset() after the call does not zero what the module already read
 */
