// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <asm/tdx.h>

static int tdx_accept_one(u64 gpa)
{
	struct tdx_module_args args = {
		.rcx = gpa,
	};

	return __tdcall(TDG_MEM_PAGE_ACCEPT, &args) ? -EIO : 0;
}

int tdx_accept_range(u64 start, u64 end)
{
	unsigned long flags;
	int ret = 0;

	local_irq_save(flags);
	while (start < end) { /* expect: preempt-across-loop */
		ret = tdx_accept_one(start);
		if (ret)
			break;
		start += 4096;
	}
	local_irq_restore(flags);

	return ret;
}

/*
 * check-name: irqs off across a loop that reaches __tdcall() through a static helper
 */
