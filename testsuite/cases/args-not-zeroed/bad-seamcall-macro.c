// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_init_tdmr(u64 tdmr_pa)
{
	struct tdx_module_args args;
	u64 sret;

	args.rcx = tdmr_pa;
	sret = seamcall(TDH_SYS_TDMR_INIT, &args); /* expect: args-not-zeroed */

	return sret ? -EIO : 0;
}

/*
 * check-name: the seamcall() macro (sc_retry(__seamcall, ...)) reported at its expansion
 */
