// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_status_to_errno(void)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = __seamcall(TDH_SYS_INIT, &args);
	if (sret == TDX_SUCCESS)
		return 0;
	else if (sret == TDX_SEAMCALL_VMFAILINVALID)
		return -ENODEV;
	else if (sret == TDX_SEAMCALL_GP)
		return -EOPNOTSUPP;
	else
		return -EIO;
}

/*
 * check-name: an else-if chain: 'else if' is not an unbraced else body
 */
