// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <asm/tdx.h>

int tdx_module_config(u64 *tdmr_pa, int nr)
{
	struct tdx_module_args args = {
		.rcx = *tdmr_pa,
		.rdx = nr,
	};
	u64 sret;

	sret = sc_retry(__seamcall,
			TDH_SYS_CONFIG, &args);

	switch (sret) { /* expect: switch-status-chain */
	case TDX_SUCCESS:
		return 0;
	case TDX_SEAMCALL_GP:
		return -EOPNOTSUPP;
	default:
		while (nr-- > 0) {
			if (tdmr_pa[nr] == 0)
				return -EINVAL;
		}
		pr_err("TDH.SYS.CONFIG failed: 0x%llx\n", sret);
		return -EIO;
	}
}

/*
 * check-name: status from sc_retry(__seamcall, ...), default holds a while loop
 */
