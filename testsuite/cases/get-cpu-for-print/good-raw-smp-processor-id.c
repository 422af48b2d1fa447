// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <asm/tdx.h>

int tdx_lp_init(void)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = __seamcall(TDH_SYS_LP_INIT, &args);
	if (sret != TDX_SUCCESS) {
		pr_err("SEAMCALL failed: CPU %d: 0x%llx\n",
		       raw_smp_processor_id(), sret);
		return -EIO;
	}

	return 0;
}

/*
 * check-name: the fix: raw_smp_processor_id() in the print, preemption stays on
 */
