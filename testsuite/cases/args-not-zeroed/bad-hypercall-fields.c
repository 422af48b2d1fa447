// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_map_gpa(u64 start, u64 end)
{
	struct tdx_module_args args;

	args.r10 = TDX_HYPERCALL_STANDARD;
	args.r11 = TDVMCALL_MAP_GPA;
	args.r12 = start;
	args.r13 = end - start;

	if (__tdx_hypercall( /* expect: args-not-zeroed */
			    &args))
		return -EIO;

	return 0;
}

/*
 * check-name: TDVMCALL args with r10..r13 set: the VMM sees the rest of the stack
 */
