// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <asm/tdx.h>

int tdx_sys_init(struct device *dev)
{
	struct tdx_module_args args = {};
	u64 sret;
	int cpu;

	cpu = get_cpu(); /* expect: get-cpu-for-print */
	pr_info("TDH.SYS.INIT on CPU %d\n", cpu);
	sret = __seamcall(TDH_SYS_INIT, &args);
	if (sret)
		dev_err(dev, "TDH.SYS.INIT failed on CPU %d\n", cpu);
	put_cpu();

	return sret ? -EIO : 0;
}

/*
 * check-name: every read of cpu is a print argument (pr_info and dev_err)
 */
