// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <linux/lockdep.h>
#include <asm/tdx.h>

static DEFINE_SPINLOCK(tdmr_lock);

/* The caller holds tdmr_lock: the loop runs inside its region. */
static int tdx_init_tdmrs_locked(const u64 *tdmr_pa, int nr)
{
	struct tdx_module_args args = {};
	int i;

	lockdep_assert_held(&tdmr_lock);
	for (i = 0; i < nr; i++) { /* expect: preempt-across-loop */
		args.rcx = tdmr_pa[i];
		if (seamcall(TDH_SYS_TDMR_INIT, &args))
			return -EIO;
	}
	return 0;
}

int tdx_init_tdmrs(const u64 *tdmr_pa, int nr)
{
	int ret;

	spin_lock(&tdmr_lock);
	ret = tdx_init_tdmrs_locked(tdmr_pa, nr);
	spin_unlock(&tdmr_lock);
	return ret;
}

/* Called with interrupts off. */
int tdx_lp_init_all(int nr)
{
	struct tdx_module_args args = {};

	lockdep_assert_irqs_disabled();
	while (nr--) { /* expect: preempt-across-loop */
		if (seamcall(TDH_SYS_LP_INIT, &args))
			return -EIO;
	}
	return 0;
}

/* Called with preemption off. */
int tdx_sys_rd_all(u64 *out, int nr)
{
	struct tdx_module_args args = {};
	int i;

	lockdep_assert_preemption_disabled();
	do { /* expect: preempt-across-loop */
		args.rdx = nr;
		if (seamcall_ret(TDH_SYS_RD, &args))
			return -EIO;
		out[nr] = args.r8;
	} while (--nr > 0);
	for (i = 0; i < 1; i++)
		out[i] = 0;
	return 0;
}

/*
 * check-name: lockdep_assert_held(), _irqs_disabled() and _preemption_disabled() open a region: the caller's
 */
