// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <asm/tdx.h>

static DEFINE_SPINLOCK(tdmr_lock);
static int nr_tdmrs;

int tdx_init_tdmrs(const u64 *tdmr_pa)
{
	struct tdx_module_args args = {};
	int nr;
	int i;

	spin_lock(&tdmr_lock);
	nr = nr_tdmrs;
	spin_unlock(&tdmr_lock);

	for (i = 0; i < nr; i++) {
		args.rcx = tdmr_pa[i];
		if (seamcall(TDH_SYS_TDMR_INIT, &args))
			return -EIO;
	}

	return 0;
}

/*
 * check-name: the loop starts after the lock is dropped
 */
