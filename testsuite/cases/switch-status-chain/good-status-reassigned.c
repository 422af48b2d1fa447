// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

/* Folds the module's detailed status into its class: no longer the raw status. */
static u64 tdx_status_class(u64 sret)
{
	return sret & ~0xFFFFFFFFULL;
}

int tdx_lp_init(bool *retry)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = __seamcall(TDH_SYS_LP_INIT, &args);
	sret = tdx_status_class(sret);
	switch (sret) {
	case TDX_SUCCESS:
		return 0;
	case TDX_RND_NO_ENTROPY:
		if (retry)
			*retry = true;
		return -EAGAIN;
	default:
		return -EIO;
	}
}

/*
 * check-name: the switched variable was last assigned from a non-primitive
 */
