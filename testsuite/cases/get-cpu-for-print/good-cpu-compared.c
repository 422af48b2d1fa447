// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <asm/tdx.h>

int tdx_sys_init_on(int boot_cpu)
{
	struct tdx_module_args args = {};
	u64 sret = TDX_SUCCESS;
	int cpu = get_cpu();

	if (cpu == boot_cpu)
		sret = __seamcall(TDH_SYS_INIT, &args);
	put_cpu();
	if (sret)
		pr_err("TDH.SYS.INIT failed on CPU %d\n", cpu);

	return sret ? -EIO : 0;
}

/*
 * check-name: cpu is compared, not only printed
 */
