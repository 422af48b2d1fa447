// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <asm/tdx.h>

#define tdx_warn_sw_error(sret)						\
	do {								\
		if (((sret) & TDX_SW_ERROR) == TDX_SW_ERROR)		\
			pr_warn("TDX software error 0x%llx\n", (sret));	\
	} while (0)

int tdx_lp_init(void)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = __seamcall(TDH_SYS_LP_INIT, &args);
	switch (sret) {
	case TDX_SUCCESS:
		return 0;
	case TDX_SEAMCALL_UD:
		/* printk_index_wrap() expands to a do-while loop */
		pr_err("SEAMCALL #UD\n");
		return -EOPNOTSUPP;
	default:
		tdx_warn_sw_error(sret);
		return -EIO;
	}
}

/*
 * check-name: arms whose only nested control flow comes from macro expansions
 */
