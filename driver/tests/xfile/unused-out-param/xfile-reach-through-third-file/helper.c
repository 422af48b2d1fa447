// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

u64 tdx_do_call(u64 fn, struct tdx_module_args *args);
int tdx_page_rd(u64 page, struct tdx_module_args *args,
		u64 *out_level);

/* Reaches __seamcall only through tdx_do_call() in firmware.c. */
int tdx_page_rd(u64 page, struct tdx_module_args *args,
		u64 *out_level) /* expect: unused-out-param */
{
	args->rcx = page;
	if (tdx_do_call(TDH_PHYMEM_PAGE_RDMD, args))
		return -EIO;
	if (out_level)
		*out_level = args->rdx;
	return 0;
}

/*
 * check-name: the helper is TDX code through a function defined in a third file
 */
