// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/bottom_half.h>
#include <asm/tdx.h>

/* Not a primitive by name: it only becomes one through its argument. */
static __always_inline u64 tdx_call_logged(sc_func_t func, u64 fn,
					   struct tdx_module_args *args)
{
	return func(fn, args);
}

int tdx_init_all(const u64 *leaves, int nr)
{
	struct tdx_module_args args = {};
	int ret = 0;
	int i;

	local_bh_disable();
	for (i = 0; i < nr; i++) { /* expect: preempt-across-loop */
		if (tdx_call_logged(__seamcall, leaves[i], &args) != TDX_SUCCESS) {
			ret = -EIO;
			break;
		}
	}
	local_bh_enable();

	return ret;
}

/*
 * check-name: bh off across a loop calling an always_inline wrapper that takes __seamcall
 */
