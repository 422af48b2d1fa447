// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_lp_init(void)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = __seamcall(TDH_SYS_LP_INIT, &args);
	switch (sret) {
	case TDX_SUCCESS:
		return 0;
	case TDX_SEAMCALL_VMFAILINVALID:
		return -ENODEV;
	case TDX_SEAMCALL_GP:
		return -EOPNOTSUPP;
	default:
		return -EIO;
	}
}

/*
 * check-name: a flat status-to-errno table: every arm returns, none nests control flow
 */
