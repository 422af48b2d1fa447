// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <asm/tdx.h>

void tdx_lp_init(void)
{
	struct tdx_module_args args = {};

	__seamcall(TDH_SYS_LP_INIT, &args); /* expect: status-ignored */
}

/*
 * check-name: __seamcall() as a statement: the status is lost
 */
