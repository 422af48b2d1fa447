// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_accept_page(u64 gpa, u64 level,
		    struct tdx_module_args *args)
{
	args->rcx = gpa | level;
	if (__tdcall(TDG_MEM_PAGE_ACCEPT, args))
		return -EIO;

	return 0;
}

/*
 * check-name: scalar parameters whose names are not fields of the struct parameter
 */
