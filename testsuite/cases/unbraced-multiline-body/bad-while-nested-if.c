// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_key_config(void)
{
	struct tdx_module_args args = {};
	int retry = 3;
	u64 sret = TDX_RND_NO_ENTROPY;

	while (retry--) /* expect: unbraced-multiline-body */
		if ((sret = __seamcall(TDH_SYS_KEY_CONFIG, &args)) != TDX_RND_NO_ENTROPY)
			break;

	return sret ? -EIO : 0;
}

/*
 * check-name: while body is an if statement spanning two lines (the inner if is fine)
 */
