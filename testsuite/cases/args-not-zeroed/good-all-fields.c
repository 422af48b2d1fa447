// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_lp_init(void)
{
	struct tdx_module_args args;

	args.rcx = 0;
	args.rdx = 0;
	args.r8 = 0;
	args.r9 = 0;
	args.r10 = 0;
	args.r11 = 0;
	args.r12 = 0;
	args.r13 = 0;
	args.r14 = 0;
	args.r15 = 0;
	args.rbx = 0;
	args.rdi = 0;
	args.rsi = 0;

	return __seamcall(TDH_SYS_LP_INIT, &args) ? -EIO : 0;
}

/*
 * check-name: every field stored before the call
 */
