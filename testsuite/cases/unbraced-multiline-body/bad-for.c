// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_init_tdmrs(int nr, u64 *status)
{
	struct tdx_module_args args = {};
	int i;

	for (i = 0; i < nr; i++) /* expect: unbraced-multiline-body */
		status[i] = __seamcall(TDH_SYS_TDMR_INIT,
				       &args);

	return 0;
}

/*
 * check-name: for body is one assignment whose call spans two lines
 */
