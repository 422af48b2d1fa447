// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

/* The callback type fixes the signature; this one ignores the cookie. */
int tdx_lp_init_cb(void *cookie __always_unused)
{
	struct tdx_module_args args = {};

	if (seamcall(TDH_SYS_LP_INIT, &args) != TDX_SUCCESS)
		return -EIO;

	return 0;
}

/*
 * check-name: __always_unused on a parameter that is never read
 */
