// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

/* Reaches __seamcall_ret only by passing it to the always-inline sc_retry(). */
int tdx_phymem_page_rdmd(u64 rcx, /* expect: split-inout-args */
			 struct tdx_module_args *out)
{
	u64 sret;

	out->rcx = rcx;
	sret = sc_retry(__seamcall_ret, TDH_PHYMEM_PAGE_RDMD, out);

	return sret == TDX_SUCCESS ? 0 : -EIO;
}

/*
 * check-name: primitive passed as a function pointer to sc_retry(); rcx is also an output field
 */
