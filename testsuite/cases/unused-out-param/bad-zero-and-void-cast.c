// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

static int tdx_vm_rd(u64 field, u64 *value, struct tdx_module_args *out) /* expect: unused-out-param */
{
	struct tdx_module_args args = {
		.rdx = field,
	};

	if (__tdcall_ret(TDG_VM_RD, &args))
		return -EIO;

	*value = args.r8;
	if (out)
		*out = args;
	return 0;
}

int tdx_read_td_attr(u64 *attr)
{
	return tdx_vm_rd(0x1, attr, 0);
}

int tdx_read_td_xfam(u64 *xfam)
{
	return tdx_vm_rd(0x2, xfam, (void *)0);
}

/*
 * check-name: null pointer constants spelled 0 and (void *)0 count as NULL
 */
