// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

/* The attribute sits on the forward declaration, not on the definition. */
static int __always_unused tdx_global_init(void); /* expect: unused-attr-on-used */

int tdx_enable(void)
{
	return tdx_global_init();
}

static int tdx_global_init(void)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = seamcall(TDH_SYS_INIT, &args);
	if (sret != TDX_SUCCESS)
		return -EIO;

	return 0;
}

/*
 * check-name: __always_unused on the prototype of a called helper
 */
