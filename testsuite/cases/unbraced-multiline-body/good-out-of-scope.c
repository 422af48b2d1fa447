// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/printk.h>

/* Reaches no TDX primitive: the default scope does not judge its style. */
void tdx_print_cmr(u64 base, u64 size)
{
	if (size)
		pr_info("CMR: [0x%llx, 0x%llx)\n",
			base, base + size);
}

/*
 * check-name: unbraced multi-line body in a function outside the default scope
 */
