// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_sys_init(u64 *err)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = __seamcall(TDH_SYS_INIT, &args);

	switch (sret) {
	case TDX_SUCCESS:
		return 0;
	default:
		if (sret & 1)
			return -EIO;
		else
			*err = sret;
	}
	return -EINVAL;
}

/*
 * check-name: an arm whose else branch falls out of the switch does not return
 */
