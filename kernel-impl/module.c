// SPDX-License-Identifier: GPL-2.0
/*
 * Module glue for the reference SEAMCALL layer.
 *
 * Loading the module issues no SEAMCALL unless both the administrator asked
 * for it (init_tdx=1) and the CPU reports a TDX host platform: on any other
 * machine the instruction would only fault, and the layer is still built,
 * linked and checked.
 */
#define pr_fmt(fmt) "tdx_ref: " fmt

#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <asm/cpufeature.h>

#include "seamcall.h"

static bool init_tdx;
module_param(init_tdx, bool, 0444);
MODULE_PARM_DESC(init_tdx,
		 "Issue TDH.SYS.INIT, TDH.SYS.LP.INIT and TDH.SYS.RD at load (default: no)");

static bool tdx_host_platform(void)
{
#ifdef X86_FEATURE_TDX_HOST_PLATFORM
	return boot_cpu_has(X86_FEATURE_TDX_HOST_PLATFORM);
#else
	/* A kernel that cannot tell whether the BIOS enabled TDX */
	return false;
#endif
}

/* smp_call_on_cpu() runs this on a kworker bound to the CPU, preemptible */
static int lp_init_fn(void *unused)
{
	return tdx_sys_lp_init();
}

static int tdx_ref_bring_up(void)
{
	u16 max_tdmrs;
	int cpu;
	int ret;

	ret = tdx_sys_init();
	if (ret) {
		pr_err("TDH.SYS.INIT failed: %d\n", ret);
		return ret;
	}

	/* Keep the set of online CPUs stable while each one is initialised */
	cpus_read_lock();
	for_each_online_cpu(cpu) {
		ret = smp_call_on_cpu(cpu, lp_init_fn, NULL, false);
		if (ret) {
			pr_err("TDH.SYS.LP.INIT failed on CPU %d: %d\n", cpu, ret);
			break;
		}
	}
	cpus_read_unlock();
	if (ret)
		return ret;

	ret = tdx_read_max_tdmrs(&max_tdmrs);
	if (ret) {
		pr_err("TDH.SYS.RD failed: %d\n", ret);
		return ret;
	}

	pr_info("TDX module initialised, at most %u TDMRs\n", max_tdmrs);
	return 0;
}

static int __init tdx_ref_init(void)
{
	if (!init_tdx) {
		pr_info("loaded; no SEAMCALL issued (init_tdx=0)\n");
		return 0;
	}

	if (!tdx_host_platform()) {
		pr_info("no TDX host platform; no SEAMCALL issued\n");
		return -ENODEV;
	}

	return tdx_ref_bring_up();
}

static void __exit tdx_ref_exit(void)
{
}

module_init(tdx_ref_init);
module_exit(tdx_ref_exit);

MODULE_DESCRIPTION("Reference host SEAMCALL layer for Intel TDX");
MODULE_LICENSE("GPL");
