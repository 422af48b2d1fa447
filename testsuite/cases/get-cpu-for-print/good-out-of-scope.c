// SPDX-License-Identifier: GPL-2.0
#include <linux/printk.h>
#include <linux/smp.h>

/* Reaches no TDX primitive: not judged under the default scope. */
void tdx_report_cpu(void)
{
	int cpu = get_cpu();

	pr_info("TDX: probing on CPU %d\n", cpu);
	put_cpu();
}

/*
 * check-name: get_cpu() only printed, in a function that reaches no primitive
 */
