// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_report(u64 report_pa, u64 data_pa)
{
	struct tdx_module_args info = {};
	struct tdx_module_args args;

	if (__tdcall(TDG_VP_INFO, &info))
		return -EIO;

	args.rcx = report_pa;
	args.rdx = data_pa;
	args.r8 = info.r8;
	if (__tdcall(TDG_MR_REPORT, &args)) /* expect: args-not-zeroed */
		return -EIO;

	return 0;
}

/*
 * check-name: two structs in one function: only the uninitialised one is reported
 */
