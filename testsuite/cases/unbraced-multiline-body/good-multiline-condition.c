// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_sys_init(void)
{
	struct tdx_module_args args = {};
	int retry = RDRAND_RETRY_LOOPS;
	u64 sret;

	sret = __seamcall(TDH_SYS_INIT, &args);
	if (sret == TDX_SEAMCALL_VMFAILINVALID ||
	    sret == TDX_SEAMCALL_GP ||
	    sret == TDX_SEAMCALL_UD)
		return -ENODEV;

	while (sret == TDX_RND_NO_ENTROPY &&
	       --retry > 0)
		sret = __seamcall(TDH_SYS_INIT, &args);

	return sret ? -EIO : 0;
}

/*
 * check-name: conditions over several lines, each body on one line
 */
