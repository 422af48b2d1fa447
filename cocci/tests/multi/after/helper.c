// SPDX-License-Identifier: GPL-2.0
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include "tdx_call.h"

int tdx_call(u64 fn, struct tdx_module_args *args)
{
	u64 sret;

	sret = __seamcall(fn, args);
	if (sret != TDX_SUCCESS)
		pr_err("SEAMCALL 0x%llx failed on CPU %d: 0x%llx\n", fn,
		       raw_smp_processor_id(), sret);

	return sret ? -EIO : 0;
}
