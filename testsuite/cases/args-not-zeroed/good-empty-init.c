// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_sys_rd(u64 field_id, u64 *data)
{
	struct tdx_module_args args = {};
	u64 sret;

	args.rdx = field_id;
	sret = seamcall_ret(TDH_SYS_RD, &args);
	if (sret != TDX_SUCCESS)
		return -EIO;

	*data = args.r8;
	return 0;
}

/*
 * check-name: 6.12 shape: '= {}' then field stores
 */
