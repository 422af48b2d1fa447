// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/stddef.h>
#include <asm/tdx.h>

int tdx_page_rd(u64 page, struct tdx_module_args *args, u64 *out_level);
int tdx_page_check(u64 page);

int tdx_page_check(u64 page)
{
	struct tdx_module_args args = {};

	return tdx_page_rd(page, &args, NULL);
}
