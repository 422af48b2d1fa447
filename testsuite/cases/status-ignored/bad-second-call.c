// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_read_report(u64 report_pa)
{
	struct tdx_module_args args = {
		.rcx = report_pa,
	};
	u64 ret;

	ret = __tdcall(TDG_MR_REPORT, &args);
	if (ret)
		return -EIO;

	args.rcx = 0;
	__tdcall_ret(TDG_VP_INFO, &args); /* expect: status-ignored */

	return args.r8 ? 0 : -ENODEV;
}

/*
 * check-name: the first status is checked, the second call's is dropped
 */
