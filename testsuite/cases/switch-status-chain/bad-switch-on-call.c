// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <asm/tdx.h>

int tdx_lp_init(bool verbose)
{
	struct tdx_module_args args = {};

	switch (__seamcall(TDH_SYS_LP_INIT, &args)) { /* expect: switch-status-chain */
	case TDX_SUCCESS:
		return 0;
	case TDX_SEAMCALL_UD:
		if (verbose)
			pr_err("SEAMCALL not supported on this CPU\n");
		return -EOPNOTSUPP;
	default:
		return -EIO;
	}
}

/*
 * check-name: switch directly on the primitive's result, one arm nests an if
 */
