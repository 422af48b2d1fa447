// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_sys_lp_init(void);
int tdx_sys_init(void);

/* Kept for a debug build: really unused in the whole build. */
int __maybe_unused tdx_sys_lp_init(void)
{
	struct tdx_module_args args = {};

	return seamcall(TDH_SYS_LP_INIT, &args) ? -EIO : 0;
}

int tdx_sys_init(void)
{
	struct tdx_module_args args = {};

	return seamcall(TDH_SYS_INIT, &args) ? -EIO : 0;
}

/*
 * check-name: __maybe_unused on a helper that no file calls
 */
