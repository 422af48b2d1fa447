// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <asm/tdx.h>

int tdx_key_config(bool verbose)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = __seamcall(TDH_SYS_KEY_CONFIG, &args);
	switch (sret) {
	case TDX_SUCCESS:
		return 0;
	case TDX_RND_NO_ENTROPY:
		return -EAGAIN;
	default:
		if (verbose)
			pr_err("TDH.SYS.KEY.CONFIG failed: 0x%llx\n", sret);
		break;
	}

	return -EIO;
}

/*
 * check-name: the arm with the nested if breaks out to a common return
 */
