// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

/* Kernel 'inline' carries __inline_maybe_unused: nobody spelled it here. */
static inline int tdx_sys_lp_init(void)
{
	struct tdx_module_args args = {};

	return seamcall(TDH_SYS_LP_INIT, &args) ? -EIO : 0;
}

int tdx_cpu_enable(void)
{
	return tdx_sys_lp_init();
}

/*
 * check-name: static inline helper: the implicit unused of kernel inline never counts
 */
