// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <asm/tdx.h>

int tdx_sys_init(const u64 *leaves, int nr)
{
	struct tdx_module_args args = {};
	u64 sret = TDX_SUCCESS;
	int i;

	for (i = 0; i < nr && sret == TDX_SUCCESS; i++)
		sret = __seamcall(leaves[i], &args);

	while (sret == TDX_RND_NO_ENTROPY)
		sret = __seamcall(TDH_SYS_INIT, &args);

	if (sret != TDX_SUCCESS)
		pr_err("SEAMCALL failed: 0x%016llx\n", sret);
	else
		pr_info("TDX module initialized\n");

	return sret ? -EIO : 0;
}

/*
 * check-name: single-line unbraced bodies for for, while, if and else
 */
