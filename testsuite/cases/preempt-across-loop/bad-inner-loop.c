// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/preempt.h>
#include <asm/tdx.h>

int tdx_config_all(const u64 *keyids, int nr)
{
	struct tdx_module_args args = {};
	int retry;
	u64 sret = TDX_SUCCESS;
	int i;

	for (i = 0; i < nr && sret == TDX_SUCCESS; i++) {
		args.rcx = keyids[i];
		retry = RDRAND_RETRY_LOOPS;
		preempt_disable();
		do { /* expect: preempt-across-loop */
			sret = __seamcall(TDH_SYS_KEY_CONFIG, &args);
		} while (sret == TDX_RND_NO_ENTROPY && --retry);
		preempt_enable();
	}

	return sret ? -EIO : 0;
}

/*
 * check-name: region inside the outer loop holds an inner retry loop: only the inner one
 */
