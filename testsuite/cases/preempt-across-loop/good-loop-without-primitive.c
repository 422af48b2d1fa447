// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <asm/tdx.h>

static u64 tdx_checksum(const u64 *words, int nr)
{
	u64 sum = 0;
	int i;

	for (i = 0; i < nr; i++)
		sum += words[i];
	return sum;
}

int tdx_sys_config(const u64 *tdmr_pa, int nr)
{
	struct tdx_module_args args = {};
	unsigned long flags;
	int i;

	local_irq_save(flags);
	for (i = 0; i < nr; i++)
		args.rdx |= tdmr_pa[i];
	args.r8 = tdx_checksum(tdmr_pa, nr);
	local_irq_restore(flags);

	return seamcall(TDH_SYS_CONFIG, &args) ? -EIO : 0;
}

/*
 * check-name: loops inside an irqs-off region that reach no primitive
 */
