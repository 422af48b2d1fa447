// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_sys_init(int x)
{
	struct tdx_module_args args = {};
	int ret;

	if (__seamcall(TDH_SYS_INIT, &args))
#ifdef NOT_DEFINED
		return x +
		       1;
#else
		return 0;
#endif

	if (x)
		ret = 1;
#ifdef NOT_DEFINED
	else
		ret = 2;
	if (x > 1)
		ret = 3 +
		      x;
#endif
	else
		ret = -EIO;
	return ret;
}

/*
 * check-name: text in #if'd-out groups is not the body the compiler compiled
 */
