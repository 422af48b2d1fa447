// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

static int __attribute__((unused))
tdx_key_config(u64 keyid) /* expect: unused-attr-on-used */
{
	struct tdx_module_args args = {
		.rcx = keyid,
	};

	if (seamcall(TDH_SYS_KEY_CONFIG, &args) != TDX_SUCCESS)
		return -EIO;

	return 0;
}

int tdx_config_keys(u64 first, u64 nr)
{
	u64 keyid;
	int ret;

	for (keyid = first; keyid < first + nr; keyid++) {
		ret = tdx_key_config(keyid);
		if (ret)
			return ret;
	}

	return 0;
}

/*
 * check-name: __attribute__((unused)) on a multi-line signature, name on its own line
 */
