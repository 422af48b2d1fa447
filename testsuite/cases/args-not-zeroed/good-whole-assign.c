// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

static const struct tdx_module_args tdx_sys_config_args = {
	.rdx = 1,
};

int tdx_sys_config(u64 tdmr_array_pa)
{
	struct tdx_module_args args;

	args = tdx_sys_config_args;
	args.rcx = tdmr_array_pa;

	return seamcall(TDH_SYS_CONFIG, &args) ? -EIO : 0;
}

/*
 * check-name: whole-object assignment from a template before the call
 */
