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
	if (sret == TDX_SUCCESS) {
		pr_info("TDX module initialized\n");
		return 0;
	} else /* expect: unbraced-multiline-body */
		pr_err("TDH.SYS.INIT failed: 0x%llx\n",
		       sret);

	return -EIO;
}

/*
 * check-name: '} else' then an unbraced two-line body: reported at the else line
 */
