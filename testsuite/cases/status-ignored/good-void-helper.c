// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <asm/tdx.h>

/* 6.12: matches the seamcall* pattern but returns nothing. */
static inline void seamcall_err(u64 fn, u64 err, struct tdx_module_args *args)
{
	pr_err("SEAMCALL (0x%016llx) failed: 0x%016llx\n", fn, err);
}

int tdx_lp_init(void)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = seamcall(TDH_SYS_LP_INIT, &args);
	if (sret) {
		seamcall_err(TDH_SYS_LP_INIT, sret, &args);
		return -EIO;
	}

	return 0;
}

/*
 * check-name: a void function named like a primitive has no status to drop
 */
