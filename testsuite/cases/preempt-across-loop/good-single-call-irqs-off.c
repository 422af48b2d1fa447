// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <asm/tdx.h>

static u64 tdx_leaves[4] = { TDH_SYS_INIT, TDH_SYS_LP_INIT };

/* One bounded call with irqs off; the loop over leaves runs with irqs on. */
int tdx_init_leaves(void)
{
	struct tdx_module_args args = {};
	unsigned long flags;
	u64 sret = TDX_SUCCESS;
	int i;

	for (i = 0; i < 2 && sret == TDX_SUCCESS; i++) {
		local_irq_save(flags);
		sret = __seamcall(tdx_leaves[i], &args);
		local_irq_restore(flags);
	}

	local_irq_disable();
	sret |= __seamcall(TDH_SYS_CONFIG, &args);
	local_irq_enable();

	return sret ? -EIO : 0;
}

/*
 * check-name: single SEAMCALLs with irqs off and no loop inside any region
 */
