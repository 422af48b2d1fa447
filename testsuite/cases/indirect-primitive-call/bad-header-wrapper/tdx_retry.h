/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A driver's own retry wrapper in a header: the .c that includes it binds
 * the pointer to __tdcall, so it is reported here, at the wrapper's name.
 */
#ifndef TDX_RETRY_H
#define TDX_RETRY_H

#include <linux/types.h>
#include <asm/shared/tdx.h>

#define TDX_OPERAND_BUSY	0x8000020000000000ULL

typedef u64 (*tdcall_fn_t)(u64 fn, struct tdx_module_args *args);

static inline u64 tdcall_busy_retry(tdcall_fn_t call, u64 fn, /* expect: indirect-primitive-call */
				    struct tdx_module_args *args)
{
	u64 ret;
	int tries = 3;

	do {
		ret = call(fn, args);
	} while (ret == TDX_OPERAND_BUSY && --tries);
	return ret;
}

#endif /* TDX_RETRY_H */
