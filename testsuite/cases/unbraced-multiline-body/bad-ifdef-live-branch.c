// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_sys_init(int x)
{
	struct tdx_module_args args = {};
	int ret;

	if (__seamcall(TDH_SYS_INIT, &args)) /* expect: unbraced-multiline-body */
#ifdef NOT_DEFINED
		return 0;
#else
		return x +
		       1;
#endif

	if (x)
		ret = 1;
#ifdef NOT_DEFINED
	else
		ret = 2;
	if (x > 1)
		ret = 3;
#endif
	else /* expect: unbraced-multiline-body */
		ret = x +
		      2;
	return ret;
}

/*
 * check-name: the compiled branch spans two lines; the live else is the one reported
 * known-to-miss: cocci: a body holding a conditional group is not judged, SmPL cannot tell which branch is compiled
 */
