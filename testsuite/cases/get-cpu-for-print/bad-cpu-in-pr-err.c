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
	int cpu;

	cpu = get_cpu(); /* expect: get-cpu-for-print */
	sret = __seamcall(TDH_SYS_LP_INIT, &args);
	if (sret != TDX_SUCCESS)
		pr_err("SEAMCALL failed: CPU %d: 0x%llx\n", cpu, sret);
	put_cpu();

	return sret ? -EIO : 0;
}

/*
 * check-name: preemption disabled around a SEAMCALL only to print the CPU on error
 */
