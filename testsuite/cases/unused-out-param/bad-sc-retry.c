// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

/* Reaches __seamcall through sc_retry() taking it as a function pointer. */
static int
tdx_config_call(u64 fn,
		struct tdx_module_args *args,
		u64 *status) /* expect: unused-out-param */
{
	u64 sret = sc_retry(__seamcall, fn, args);

	if (status)
		*status = sret;

	return sret ? -EIO : 0;
}

int tdx_config(void)
{
	struct tdx_module_args args = {};

	return tdx_config_call(TDH_SYS_CONFIG, &args, NULL);
}

int tdx_key_config(void)
{
	struct tdx_module_args args = {};

	return tdx_config_call(TDH_SYS_KEY_CONFIG, &args, NULL);
}

int tdx_tdmr_init(void)
{
	struct tdx_module_args args = {};

	return tdx_config_call(TDH_SYS_TDMR_INIT, &args, NULL);
}

/*
 * check-name: pointer parameter NULL in all three callers; helper reaches sc_retry(__seamcall, ...)
 */
