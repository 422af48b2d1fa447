// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

static u64 tdx_sys_rd(u64 fn, /* expect: split-inout-args */
		      struct tdx_module_args *in,
		      struct tdx_module_args *out)
{
	u64 sret;

	*out = *in;
	sret = __seamcall_ret(fn, out);
	return sret;
}

int tdx_read_field(u64 field_id, u64 *data)
{
	struct tdx_module_args in = {
		.rdx = field_id,
	};
	struct tdx_module_args out = {};

	if (tdx_sys_rd(TDH_SYS_RD, &in, &out) != TDX_SUCCESS)
		return -EIO;

	*data = out.r8;
	return 0;
}

/*
 * check-name: the same args struct type passed twice, once as input and once as output
 */
