// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/smp.h>
#include <asm/tdx.h>

static u64 lp_status[64];

int tdx_lp_init(void)
{
	struct tdx_module_args args = {};
	int retry = RDRAND_RETRY_LOOPS;
	u64 sret;
	int cpu;

	cpu = get_cpu();
	while (retry--) { /* expect: preempt-across-loop */
		sret = __seamcall(TDH_SYS_LP_INIT, &args);
		if (sret != TDX_RND_NO_ENTROPY)
			break;
	}
	lp_status[cpu] = sret;
	put_cpu();

	return sret ? -EIO : 0;
}

/*
 * check-name: get_cpu() region (cpu used as an index) around a retry loop
 */
