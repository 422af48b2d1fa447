// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_sys_init(bool *retry)
{
	struct tdx_module_args args = {};
	u64 sret;
	int ret;

	sret = __seamcall(TDH_SYS_INIT, &args);
	switch (sret) {
	case TDX_SUCCESS:
		ret = 0;
		break;
	case TDX_RND_NO_ENTROPY:
		if (retry)
			*retry = true;
		ret = -EAGAIN;
		break;
	default:
		ret = -EIO;
		break;
	}

	return ret;
}

/*
 * check-name: switch whose cases break: not every arm returns
 */
