// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_read_sysmd(u64 field_id,
		   u64 *value __always_unused) /* expect: unused-attr-on-used */
{
	struct tdx_module_args args = {
		.rdx = field_id,
	};
	u64 sret;

	sret = seamcall_ret(TDH_SYS_RD, &args);
	if (sret != TDX_SUCCESS)
		return -EIO;

	*value = args.r8;
	return 0;
}

/*
 * check-name: __always_unused on a parameter the body writes through
 */
