// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/preempt.h>
#include <asm/tdx.h>

int tdx_sys_key_config(void)
{
	struct tdx_module_args args = {};
	int retry = RDRAND_RETRY_LOOPS;
	u64 sret;

	preempt_disable();
	do { /* expect: preempt-across-loop */
		sret = __seamcall(TDH_SYS_KEY_CONFIG, &args);
	} while (sret == TDX_RND_NO_ENTROPY && --retry);
	preempt_enable();

	return sret ? -EIO : 0;
}

/*
 * check-name: RDRAND retry loop of SEAMCALLs between preempt_disable() and preempt_enable()
 */
