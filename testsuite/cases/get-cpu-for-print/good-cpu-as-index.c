// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <asm/tdx.h>

static bool lp_initialized[64];

int tdx_lp_init(void)
{
	struct tdx_module_args args = {};
	u64 sret;
	int cpu;

	cpu = get_cpu();
	if (lp_initialized[cpu]) {
		put_cpu();
		return 0;
	}
	sret = __seamcall(TDH_SYS_LP_INIT, &args);
	if (sret == TDX_SUCCESS)
		lp_initialized[cpu] = true;
	else
		pr_err("CPU %d: 0x%llx\n", cpu, sret);
	put_cpu();

	return sret ? -EIO : 0;
}

/*
 * check-name: cpu indexes per-CPU state: preemption must stay off
 */
