// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <linux/lockdep.h>
#include <asm/tdx.h>

static DEFINE_SPINLOCK(tdmr_lock);

/* The lock must NOT be held: the loop may sleep between calls. */
int tdx_init_tdmrs(const u64 *tdmr_pa, int nr)
{
	struct tdx_module_args args = {};
	int i;

	lockdep_assert_not_held(&tdmr_lock);
	for (i = 0; i < nr; i++) {
		args.rcx = tdmr_pa[i];
		if (seamcall(TDH_SYS_TDMR_INIT, &args))
			return -EIO;
	}
	return 0;
}

/* The loop runs before the assertion; only the single call after it is inside. */
int tdx_lp_init(int nr)
{
	struct tdx_module_args args = {};

	while (nr--) {
		if (seamcall(TDH_SYS_CONFIG, &args))
			return -EIO;
	}
	lockdep_assert_irqs_disabled();
	if (seamcall(TDH_SYS_LP_INIT, &args))
		return -EIO;
	return 0;
}

/*
 * check-name: lockdep_assert_not_held() is no region, and a loop before an assertion is outside it
 */
