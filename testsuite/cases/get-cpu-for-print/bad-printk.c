// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <asm/tdx.h>

int tdx_accept_page(u64 gpa)
{
	struct tdx_module_args args = {
		.rcx = gpa,
	};
	u64 ret;
	int cpu;

	cpu = get_cpu(); /* expect: get-cpu-for-print */
	ret = __tdcall(TDG_MEM_PAGE_ACCEPT, &args);
	put_cpu();
	if (ret) {
		printk(KERN_ERR "accept 0x%llx failed on CPU %d\n",
		       gpa, cpu);
		return -EIO;
	}

	return 0;
}

/*
 * check-name: the one read of cpu is an argument of printk(KERN_ERR ...)
 */
