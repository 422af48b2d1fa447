// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

static u64
tdx_module_call(u64 fn, u64 rcx, u64 rdx, /* expect: split-inout-args */
		struct tdx_module_output *out)
{
	struct tdx_module_args args = {
		.rcx = rcx,
		.rdx = rdx,
	};
	u64 ret;

	ret = __tdcall_ret(fn, &args);
	out->rcx = args.rcx;
	out->rdx = args.rdx;
	out->r8 = args.r8;
	return ret;
}

int tdx_read_attr(u64 field, u64 *value)
{
	struct tdx_module_output out = {};

	if (tdx_module_call(TDG_VM_RD, 0, field, &out))
		return -EIO;

	*value = out.r8;
	return 0;
}

/*
 * check-name: static helper, multi-line signature: rcx/rdx as scalars and again as output fields
 */
