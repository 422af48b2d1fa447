// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <asm/tdx.h>

#define TDH_MEM_PAGE_ADD	2

struct page;
u64 page_to_phys(struct page *page);

/*
 * 6.16's tdh_mem_page_add(), a leaf wrapper: two pointers of one type, but not a
 * register struct; the registers go in one struct tdx_module_args.
 */
u64 tdh_mem_page_add(u64 gpa, struct page *page, struct page *source)
{
	struct tdx_module_args args = {
		.rcx = gpa,
		.r8 = page_to_phys(page),
		.r9 = page_to_phys(source),
	};

	return __seamcall_ret(TDH_MEM_PAGE_ADD, &args);
}

/*
 * check-name: two struct page pointers are not one register struct passed twice
 */
