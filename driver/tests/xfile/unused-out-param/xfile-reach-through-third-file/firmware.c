// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <asm/tdx.h>

u64 tdx_do_call(u64 fn, struct tdx_module_args *args);

u64 tdx_do_call(u64 fn, struct tdx_module_args *args)
{
	return __seamcall(fn, args);
}
