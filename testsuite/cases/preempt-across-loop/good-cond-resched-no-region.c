// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <asm/tdx.h>

int tdx_config_keyids(u64 first, u64 nr)
{
	struct tdx_module_args args = {};
	u64 keyid;

	for (keyid = first; keyid < first + nr; keyid++) {
		args.rcx = keyid;
		if (seamcall(TDH_SYS_KEY_CONFIG, &args))
			return -EIO;
		cond_resched();
	}

	return 0;
}

/*
 * check-name: a long loop of SEAMCALLs with cond_resched() and preemption on
 */
