// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <asm/tdx.h>

static DEFINE_SPINLOCK(tdx_lock);

int tdx_config_keyids(u64 first, u64 nr)
{
	struct tdx_module_args args = {};
	unsigned long flags;
	u64 keyid;
	int ret = 0;

	spin_lock_irqsave(&tdx_lock, flags);
	for (keyid = first; keyid < first + nr; keyid++) { /* expect: preempt-across-loop */
		args.rcx = keyid;
		if (seamcall(TDH_SYS_KEY_CONFIG, &args)) {
			ret = -EIO;
			break;
		}
		/* does not help: the lock is still held */
		cond_resched();
	}
	spin_unlock_irqrestore(&tdx_lock, flags);

	return ret;
}

/*
 * check-name: cond_resched() inside the loop does not end a spin_lock_irqsave() region
 */
