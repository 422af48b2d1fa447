// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <asm/tdx.h>

static DEFINE_SPINLOCK(tdmr_lock);

int tdx_init_tdmrs(const u64 *tdmr_pa, int nr)
{
	struct tdx_module_args args = {};
	int ret = 0;
	int i;

	spin_lock(&tdmr_lock);
	for (i = 0; i < nr; i++) { /* expect: preempt-across-loop */
		args.rcx = tdmr_pa[i];
		if (sc_retry(__seamcall, TDH_SYS_TDMR_INIT, &args)) {
			ret = -EIO;
			break;
		}
	}
	spin_unlock(&tdmr_lock);

	return ret;
}

/*
 * check-name: spin_lock() held across a loop of sc_retry(__seamcall, ...) calls
 */
