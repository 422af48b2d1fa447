// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

/* Never called directly: only its address is handed to sc_retry(). */
static u64 __always_unused tdx_lp_call(u64 fn, struct tdx_module_args *args) /* expect: unused-attr-on-used */
{
	return __seamcall(fn, args);
}

int tdx_lp_init(void)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = sc_retry(tdx_lp_call, TDH_SYS_LP_INIT, &args);

	return sret == TDX_SUCCESS ? 0 : -EIO;
}

/*
 * check-name: __always_unused on a helper used only through a function pointer
 */
