// SPDX-License-Identifier: GPL-2.0
/*
 * __always_inline given on the prototype only: the definition inherits it,
 * as GCC and clang both merge a function's declarations.
 */
#include <linux/types.h>
#include <asm/shared/tdx.h>

static __always_inline u64 tdcall_once(u64 (*call)(u64 fn, struct tdx_module_args *args),
				       u64 fn, struct tdx_module_args *args);

u64 tdx_read_td_field(u64 field, u64 *value)
{
	struct tdx_module_args args = { .rdx = field };
	u64 ret = tdcall_once(__tdcall_ret, TDG_VM_RD, &args);

	*value = args.r8;
	return ret;
}

static u64 tdcall_once(u64 (*call)(u64 fn, struct tdx_module_args *args),
		       u64 fn, struct tdx_module_args *args)
{
	return call(fn, args);
}

/*
 * check-name: always_inline on the prototype, a plain definition after the caller
 */
