// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_sys_rd(u64 field_id, u64 *data)
{
	struct tdx_module_args args = {
		.rdx = field_id,
	};
	u64 sret;

	sret = __seamcall_ret(TDH_SYS_RD, &args);

	switch (sret) { /* expect: switch-status-chain */
	case TDX_SUCCESS:
		return 0;
	case TDX_SEAMCALL_VMFAILINVALID:
		return -ENODEV;
	default:
		if (data) {
			*data = args.r8;
			return -EIO;
		}
		return -EINVAL;
	}
}

/*
 * check-name: every arm returns and default nests an if: an if-chain says it better
 */
