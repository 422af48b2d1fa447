// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <asm/tdx.h>

int tdx_sys_init(void)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = __seamcall(TDH_SYS_INIT, &args);
	if (sret != TDX_SUCCESS) /* expect: unbraced-multiline-body */
		pr_err("SEAMCALL (0x%016llx) failed: 0x%016llx\n",
		       (u64)TDH_SYS_INIT, sret);

	return sret ? -EIO : 0;
}

/*
 * check-name: if body is one pr_err() call over two lines, without braces
 */
