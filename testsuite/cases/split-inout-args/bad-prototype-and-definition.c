// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

static u64 tdx_rd(u64 fn, u64 rdx, struct tdx_module_args *out);

int tdx_read_field(u64 field_id, u64 *data)
{
	struct tdx_module_args out = {};

	if (tdx_rd(TDH_SYS_RD, field_id, &out))
		return -EIO;

	*data = out.r8;
	return 0;
}

/* Reported once, at the definition: the file has one. */
static u64 tdx_rd(u64 fn, u64 rdx, struct tdx_module_args *out) /* expect: split-inout-args */
{
	out->rdx = rdx;
	return __seamcall_ret(fn, out);
}

/*
 * check-name: prototype then definition: one finding, at the definition
 */
