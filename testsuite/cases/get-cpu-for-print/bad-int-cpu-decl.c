// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <asm/tdx.h>

int tdx_key_config(void)
{
	int cpu = get_cpu(); /* expect: get-cpu-for-print */
	struct tdx_module_args args = {};
	u64 sret;

	sret = seamcall(TDH_SYS_KEY_CONFIG, &args);
	put_cpu();
	if (sret) {
		pr_warn("TDH.SYS.KEY.CONFIG on CPU %d: 0x%llx\n",
			cpu, sret);
		return -EIO;
	}

	return 0;
}

/*
 * check-name: 'int cpu = get_cpu();' read only by a print after put_cpu()
 */
