// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_sys_info(u64 *regs, int nr)
{
	struct tdx_module_args args = {};
	u64 sret;
	int i;

	sret = seamcall_ret(TDH_SYS_INFO, &args);
	switch (sret) { /* expect: switch-status-chain */
	case TDX_SUCCESS:
		for (i = 0; i < nr; i++)
			regs[i] = args.rcx >> (8 * i);
		return 0;
	case TDX_RND_NO_ENTROPY:
		return -EAGAIN;
	default:
		return -EIO;
	}
}

/*
 * check-name: an arm holds a for loop; status from the seamcall_ret() macro (sc_retry)
 */
