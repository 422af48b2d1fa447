/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The old SEAMCALL prototype in a header, as in the report: the
 * refactor may convert it only together with every call of it.
 */
#ifndef _CROSS_FILE_TDX_H
#define _CROSS_FILE_TDX_H

#include <linux/types.h>
#include <asm/shared/tdx.h>

#define TDH_SYS_TDMR_INIT	36

struct tdx_module_output {
	u64 rcx;
	u64 rdx;
	u64 r8;
	u64 r9;
	u64 r10;
	u64 r11;
};

u64 __seamcall(u64 fn, u64 rcx, u64 rdx, u64 r8, u64 r9,
	       struct tdx_module_output *out);

#endif /* _CROSS_FILE_TDX_H */
