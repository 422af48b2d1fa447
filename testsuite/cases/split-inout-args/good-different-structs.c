// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

struct tdmr_info {
	u64 base;
	u64 size;
};

int tdx_init_tdmr(struct tdmr_info *tdmr, struct tdx_module_args *args)
{
	u64 sret;

	args->rcx = tdmr->base;
	sret = seamcall_ret(TDH_SYS_TDMR_INIT, args);
	if (sret != TDX_SUCCESS)
		return -EIO;

	tdmr->size = args->rdx;
	return 0;
}

/*
 * check-name: two struct pointers of different types and no register-named scalars
 */
