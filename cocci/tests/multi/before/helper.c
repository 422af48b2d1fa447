// SPDX-License-Identifier: GPL-2.0
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include "tdx_call.h"

int tdx_call(u64 fn, struct tdx_module_args *args)
{
	u64 sret;
	int cpu;

	cpu = get_cpu();
	sret = __seamcall(fn, args);
	put_cpu();
	if (sret != TDX_SUCCESS)
		pr_err("SEAMCALL 0x%llx failed on CPU %d: 0x%llx\n", fn, cpu, sret);

	return sret ? -EIO : 0;
}
