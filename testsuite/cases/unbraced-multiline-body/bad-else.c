// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_lp_init(void)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = __seamcall(TDH_SYS_LP_INIT, &args);
	if (sret == TDX_SUCCESS)
		return 0;
	else /* expect: unbraced-multiline-body */
		return sret == TDX_RND_NO_ENTROPY ?
		       -EAGAIN : -EIO;
}

/*
 * check-name: only the else body spans lines: reported at the else keyword
 */
