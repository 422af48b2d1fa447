// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_sys_lp_init(void);

/* Nothing in this file calls it: only the facts of the build show the lie. */
int __always_unused tdx_sys_lp_init(void) /* expect: unused-attr-on-used */
{
	struct tdx_module_args args = {};

	return seamcall(TDH_SYS_LP_INIT, &args) ? -EIO : 0;
}

/*
 * check-name: __always_unused on a SEAMCALL helper called from another file
 */
