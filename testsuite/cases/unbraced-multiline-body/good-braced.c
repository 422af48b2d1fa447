// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <asm/tdx.h>

int tdx_lp_init(void)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = __seamcall(TDH_SYS_LP_INIT, &args);
	if (sret != TDX_SUCCESS) {
		pr_err("SEAMCALL (0x%016llx) failed: 0x%016llx\n",
		       (u64)TDH_SYS_LP_INIT, sret);
		return -EIO;
	} else {
		pr_info("CPU initialized: 0x%llx\n",
			args.rcx);
	}

	return 0;
}

/*
 * check-name: multi-line bodies written with braces
 */
