// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

/*
 * __maybe_unused says "unused in some configurations": here the only caller
 * is built under CONFIG_PM.  One compilation cannot tell, so it is fine.
 */
static int __maybe_unused tdx_resume_lp(void)
{
	struct tdx_module_args args = {};

	return seamcall(TDH_SYS_LP_INIT, &args) == TDX_SUCCESS ? 0 : -EIO;
}

#ifndef CONFIG_PM
#define CONFIG_PM 1
#endif

#if CONFIG_PM
int tdx_cpu_resume(void)
{
	return tdx_resume_lp();
}
#endif

/*
 * check-name: __maybe_unused on a helper that a configuration may not call
 */
