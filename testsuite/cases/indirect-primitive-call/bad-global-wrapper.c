// SPDX-License-Identifier: GPL-2.0
/*
 * A wrapper with external linkage and no inline hint at all: the TDCALL is
 * always an indirect call.
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/shared/tdx.h>

u64 tdx_guest_call(u64 (*op)(u64 fn, struct tdx_module_args *args), u64 fn, /* expect: indirect-primitive-call */
		   struct tdx_module_args *args)
{
	return op(fn, args);
}

int tdx_get_info(u64 *gpa_width)
{
	struct tdx_module_args args = {};

	if (tdx_guest_call(__tdcall_ret, TDG_VP_INFO, &args))
		return -EIO;
	*gpa_width = args.rcx & 0x3f;
	return 0;
}

/*
 * check-name: a global wrapper that receives __tdcall_ret
 */
