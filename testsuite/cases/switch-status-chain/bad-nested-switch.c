// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <asm/tdx.h>

int tdx_accept_memory(u64 gpa, int level)
{
	struct tdx_module_args args = {
		.rcx = gpa | level,
	};
	u64 ret;

	ret = __tdcall(TDG_MEM_PAGE_ACCEPT,
		       &args);
	switch (ret) { /* expect: switch-status-chain */
	case TDX_SUCCESS:
		return 0;
	default:
		switch (level) {
		case 1:
			pr_warn("2M accept of 0x%llx failed, falling back to 4K\n", gpa);
			break;
		default:
			break;
		}
		return -EIO;
	}
}

/*
 * check-name: default nests another switch, then returns; the status call spans two lines
 */
