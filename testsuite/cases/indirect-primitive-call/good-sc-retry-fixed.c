// SPDX-License-Identifier: GPL-2.0
/*
 * 6.12 after the fix: sc_retry() (asm/tdx.h) and sc_retry_prerr() are
 * __always_inline, so every seamcall() names its primitive directly.
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <asm/tdx.h>

static __always_inline int sc_retry_prerr(sc_func_t func, u64 fn,
					  struct tdx_module_args *args)
{
	u64 sret = sc_retry(func, fn, args);

	if (sret == TDX_SUCCESS)
		return 0;
	pr_err("SEAMCALL (0x%016llx) failed: 0x%016llx\n", fn, sret);
	return -EIO;
}

#define seamcall_prerr(__fn, __args)	sc_retry_prerr(__seamcall, (__fn), (__args))

int tdx_lp_init(void)
{
	struct tdx_module_args args = {};

	return seamcall_prerr(TDH_SYS_LP_INIT, &args);
}

u64 tdx_sys_rd(u64 field, u64 *value)
{
	struct tdx_module_args args = { .rdx = field };
	u64 ret = seamcall_ret(TDH_SYS_RD, &args);

	*value = args.r8;
	return ret;
}

/*
 * check-name: 6.12's fixed shape: sc_retry() and sc_retry_prerr() both __always_inline
 */
