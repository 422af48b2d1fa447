// SPDX-License-Identifier: GPL-2.0
/*
 * A TDX host file for the gate's tests.  Its unchanged code already holds
 * one finding (a dropped SEAMCALL status in tdx_sys_config()) that the
 * gate must not report, since no patch of the tests adds that line.
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <asm/tdx.h>

static int tdx_sys_lp_init(void)
{
	struct tdx_module_args args = {};
	u64 sret;

	sret = seamcall(TDH_SYS_LP_INIT, &args);
	if (sret != TDX_SUCCESS)
		pr_err("TDH.SYS.LP.INIT failed: 0x%llx\n", sret);

	return sret ? -EIO : 0;
}

void tdx_sys_config(u64 tdmr_pa, int nr)
{
	struct tdx_module_args args = {
		.rcx = tdmr_pa,
		.rdx = nr,
	};

	__seamcall(TDH_SYS_CONFIG, &args);
}

int tdx_cpu_enable(void)
{
	return tdx_sys_lp_init();
}
