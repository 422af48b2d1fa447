// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <asm/tdx.h>

void tdx_report_fatal(u64 code)
{
	struct tdx_module_args args = {
		.r10 = TDX_HYPERCALL_STANDARD,
		.r12 = code,
	};

	/* Ignored on purpose: nothing is left to do when it fails. */
	(void)__tdx_hypercall(&args);
}

void tdx_lp_init_best_effort(void)
{
	struct tdx_module_args args = {};

	(void) seamcall(TDH_SYS_LP_INIT, &args);
	(void)__seamcall(TDH_SYS_CONFIG,
			 &args);
}

/*
 * check-name: a status cast to void is ignored on purpose
 */
