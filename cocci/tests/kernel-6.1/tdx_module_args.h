/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct tdx_module_args, which 6.1 does not have: upstream added it by hand
 * in the same series that converted the callers ("x86/tdx: Pass TDCALL/
 * SEAMCALL input/output registers via a structure", v6.7), in
 * arch/x86/include/asm/shared/tdx.h.  The refactor test forces it into the
 * converted 6.1 file with -include, where the series would have put it.
 */
#ifndef TDXCHECK_TEST_TDX_MODULE_ARGS_H
#define TDXCHECK_TEST_TDX_MODULE_ARGS_H

#include <linux/types.h>

struct tdx_module_args {
	/* callee-clobbered */
	u64 rcx;
	u64 rdx;
	u64 r8;
	u64 r9;
	/* extra callee-clobbered */
	u64 r10;
	u64 r11;
	/* callee-saved + rdi/rsi */
	u64 r12;
	u64 r13;
	u64 r14;
	u64 r15;
	u64 rbx;
	u64 rdi;
	u64 rsi;
};

#endif
