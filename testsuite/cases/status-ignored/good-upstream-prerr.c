// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

/* arch/x86/virt/vmx/tdx/tdx.c (6.12): the status becomes an errno. */
static int try_init_module_global(void)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = seamcall(TDH_SYS_INIT, &args);
	if (sret == TDX_SUCCESS)
		return 0;

	if (sret == TDX_SEAMCALL_VMFAILINVALID)
		return -ENODEV;

	return -EIO;
}

int tdx_cpu_enable(void)
{
	struct tdx_module_args args = {};
	int ret;

	ret = try_init_module_global();
	if (ret)
		return ret;

	return seamcall(TDH_SYS_LP_INIT, &args) ? -EIO : 0;
}

/*
 * check-name: 6.12's if-chain from status to errno
 */
