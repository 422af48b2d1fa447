/* SPDX-License-Identifier: GPL-2.0 */
/* The header wrapper of bad-header-wrapper, made __always_inline. */
#ifndef TDX_RETRY_H
#define TDX_RETRY_H

#include <linux/types.h>
#include <asm/shared/tdx.h>

#define TDX_OPERAND_BUSY	0x8000020000000000ULL

typedef u64 (*tdcall_fn_t)(u64 fn, struct tdx_module_args *args);

static __always_inline u64 tdcall_busy_retry(tdcall_fn_t call, u64 fn,
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
