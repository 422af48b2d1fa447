// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/preempt.h>
#include <asm/tdx.h>

int tdx_lp_init(bool atomic)
{
	struct tdx_module_args args = {};
	u64 sret;

	if (atomic)
		preempt_disable();
	sret = __seamcall(TDH_SYS_LP_INIT, &args);
	if (atomic)
		preempt_enable();
	if (sret)
		pr_err("TDH.SYS.LP.INIT: 0x%llx\n", sret);

	return sret ? -EIO : 0;
}

/*
 * check-name: one-line bodies whose macros expand to multi-line code
 */
