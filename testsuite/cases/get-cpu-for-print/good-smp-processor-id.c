// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <asm/tdx.h>

int tdx_lp_init_atomic(void)
{
	struct tdx_module_args args = {};
	u64 sret;
	int cpu;

	preempt_disable();
	cpu = smp_processor_id();
	sret = __seamcall(TDH_SYS_LP_INIT, &args);
	preempt_enable();
	if (sret)
		pr_err("CPU %d: 0x%llx\n", cpu, sret);

	return sret ? -EIO : 0;
}

/*
 * check-name: smp_processor_id() in an existing region, not get_cpu()
 */
