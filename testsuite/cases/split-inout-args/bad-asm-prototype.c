// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <asm/tdx.h>

/* 6.1's guest primitive, implemented in assembly: only a prototype here. */
u64 __tdx_module_call(u64 fn, u64 rcx, u64 rdx, u64 r8, u64 r9, /* expect: split-inout-args */
		      struct tdx_module_output *out);

u64 tdx_get_info(struct tdx_module_output *out)
{
	return __tdx_module_call(TDG_VP_INFO, 0, 0, 0, 0, out);
}

/*
 * check-name: asm primitive prototype with scalar inputs and an output struct naming them
 */
