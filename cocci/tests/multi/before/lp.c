// SPDX-License-Identifier: GPL-2.0
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include "tdx_call.h"

int tdx_lp_init(void)
{
	struct tdx_module_args args = {};
	u64 sret;
	int cpu;

	cpu = get_cpu();
	sret = seamcall(TDH_SYS_LP_INIT, &args);
	put_cpu();
	if (sret) {
		pr_err("TDH_SYS_LP_INIT failed on CPU %d: 0x%llx\n", cpu, sret);
		return tdx_call(TDH_SYS_LP_INIT, &args);
	}

	return 0;
}
