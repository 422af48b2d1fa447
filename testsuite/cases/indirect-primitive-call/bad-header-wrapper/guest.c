// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/shared/tdx.h>
#include "tdx_retry.h"

int tdx_accept_page(u64 gpa)
{
	struct tdx_module_args args = { .rcx = gpa };

	return tdcall_busy_retry(__tdcall, TDG_MEM_PAGE_ACCEPT, &args) ? -EIO : 0;
}

/*
 * check-name: a static inline wrapper in the case's header, bound to __tdcall from a .c
 */
