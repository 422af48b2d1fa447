// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_sys_rd(u64 field_id, u64 *data)
{
	struct tdx_module_args args = {
		.rdx = field_id,
	};
	u64 sret;

	sret = seamcall_ret(TDH_SYS_RD, &args);
	if (sret == TDX_SUCCESS) /* expect: unbraced-multiline-body */
		*data = args.r8 &
			0xffffffffULL;
	else /* expect: unbraced-multiline-body */
		*data = sret == TDX_RND_NO_ENTROPY ?
			0 : ~0ULL;

	return sret ? -EIO : 0;
}

/*
 * check-name: both bodies span lines: one finding at the if, one at the else
 */
