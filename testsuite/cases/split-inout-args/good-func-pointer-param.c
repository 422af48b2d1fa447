// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <asm/tdx.h>

/*
 * A retry wrapper handed the primitive as a pointer.  The pointer's type
 * names the register struct among its own parameters; those are the
 * callee's, not the wrapper's: the wrapper passes one struct, once.
 */
static __always_inline u64 retry_call(u64 (*func)(u64 fn, struct tdx_module_args *args),
				      u64 fn, struct tdx_module_args *args)
{
	u64 sret;
	int tries = 3;

	do {
		sret = func(fn, args);
	} while (sret && --tries);
	return sret;
}

u64 sys_rd(u64 field)
{
	struct tdx_module_args args = { .rdx = field };

	return retry_call(__seamcall_ret, 34, &args);
}

/*
 * check-name: a function-pointer parameter's own parameter list is not the wrapper's
 */
