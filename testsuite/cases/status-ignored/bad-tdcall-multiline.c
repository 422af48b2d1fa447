// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <asm/tdx.h>

void tdx_accept_page(u64 gpa)
{
	struct tdx_module_args args = {
		.rcx = gpa,
	};

	__tdcall(TDG_MEM_PAGE_ACCEPT, /* expect: status-ignored */
		 &args);
}

/*
 * check-name: a dropped __tdcall() over two lines, reported at the callee's line
 */
