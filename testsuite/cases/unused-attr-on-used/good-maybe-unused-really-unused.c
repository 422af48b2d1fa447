// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/printk.h>
#include <asm/tdx.h>

/* Only called from debug code that is compiled out: the attribute is right. */
static void __maybe_unused tdx_dump_sysinfo(void)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = seamcall_ret(TDH_SYS_INFO, &args);
	if (sret != TDX_SUCCESS)
		pr_info("TDH.SYS.INFO failed: 0x%llx\n", sret);
}

int tdx_probe(void)
{
	return 0;
}

/*
 * check-name: __maybe_unused on a helper that really is unused
 */
