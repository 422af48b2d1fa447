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

	do {
		preempt_disable();
		sret = __seamcall(TDH_SYS_KEY_CONFIG, &args);
		preempt_enable();
	} while (sret == TDX_RND_NO_ENTROPY && --retry);

	return sret ? -EIO : 0;
}

/*
 * check-name: the region is inside the loop: preemption is on between iterations
 */
