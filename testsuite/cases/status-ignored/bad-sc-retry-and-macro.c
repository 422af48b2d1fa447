// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <asm/tdx.h>

void tdx_global_config(u64 tdmr_array_pa, int nr)
{
	struct tdx_module_args args = {
		.rcx = tdmr_array_pa,
		.rdx = nr,
	};

	sc_retry(__seamcall, TDH_SYS_CONFIG, &args); /* expect: status-ignored */
	args.rcx = 0;
	seamcall(TDH_SYS_KEY_CONFIG, &args); /* expect: status-ignored */
}

/*
 * check-name: dropped sc_retry() and the seamcall() macro over it
 */
