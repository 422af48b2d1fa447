// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

static int __always_unused tdx_sys_lp_init(void) /* expect: unused-attr-on-used */
{
	struct tdx_module_args args = {};

	return seamcall(TDH_SYS_LP_INIT, &args) ? -EIO : 0;
}

int tdx_cpu_enable(void)
{
	return tdx_sys_lp_init();
}

/*
 * check-name: __always_unused on a static SEAMCALL helper that is called
 */
