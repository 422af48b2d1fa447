// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_sys_init(void)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = __seamcall(TDH_SYS_INIT, &args);

	switch (sret) { /* expect: switch-status-chain */
	case TDX_SUCCESS:
		return 0;
	default:
		if (sret & 1)
			return -EIO;
		else
			return -EINVAL;
	}
}

/*
 * check-name: an arm that returns on both paths of an if/else returns
 */
