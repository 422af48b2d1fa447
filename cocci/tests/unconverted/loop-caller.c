// SPDX-License-Identifier: GPL-2.0
/*
 * Not converted: the call sits in a loop.  One struct tdx_module_args for
 * every round would send the previous round's outputs as this round's
 * inputs, where the old call sent the same scalars each time.
 */
#include <linux/types.h>
#include <asm/tdx.h>

u64 __tdx_module_call(u64 fn, u64 rcx, u64 rdx, u64 r8, u64 r9,
		      struct tdx_module_output *out);

u64 tdx_accept_range(u64 start, int pages)
{
	struct tdx_module_output out;
	u64 ret = 0;

	while (pages--)
		ret |= __tdx_module_call(TDG_MEM_PAGE_ACCEPT, start, 0, 0, 0, &out);
	return ret;
}
