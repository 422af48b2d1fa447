// SPDX-License-Identifier: GPL-2.0
/*
 * The SEAMCALL infrastructure as it looked before the June 2023 review
 * ("x86/virt/tdx: Add SEAMCALL infrastructure", v12 05/22), rewritten for
 * this example, plus a few of the callers the later patches added.
 *
 * Every line the review objected to carries an expect comment: this file is
 * the bundled example and a testsuite case at the same time.
 */
#define pr_fmt(fmt)	"virt/tdx: " fmt

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include "tdx.h"

/* Implemented in assembly (seamcall.S): inputs as scalars, outputs in @out. */
u64 __seamcall(u64 fn, u64 rcx, u64 rdx, u64 r8, u64 r9, /* expect: split-inout-args */
	       struct tdx_module_output *out);

/*
 * Wrapper of __seamcall() to convert SEAMCALL leaf function error code
 * to kernel error code.  @seamcall_ret and @out contain the SEAMCALL
 * leaf function return code and the additional output respectively if
 * not NULL.
 */
static int __always_unused seamcall(u64 fn, u64 rcx, u64 rdx, u64 r8, u64 r9, /* expect: unused-attr-on-used, split-inout-args */
				    u64 *seamcall_ret, /* expect: unused-out-param */
				    struct tdx_module_output *out)
{
	int retry = RDRAND_RETRY_LOOPS;
	u64 sret;
	int cpu;

	/* Need a stable CPU id for printing error message */
	cpu = get_cpu(); /* expect: get-cpu-for-print */

	/* TDH.SYS.KEY.CONFIG may fail for lack of entropy: try again */
	do { /* expect: preempt-across-loop */
		sret = __seamcall(fn, rcx, rdx, r8, r9, out);
	} while (sret == TDX_RND_NO_ENTROPY && --retry);

	put_cpu();

	/* Save SEAMCALL return code if the caller wants it */
	if (seamcall_ret)
		*seamcall_ret = sret;

	switch (sret) { /* expect: switch-status-chain */
	case TDX_SUCCESS:
		return 0;
	case TDX_SEAMCALL_GP:
		pr_err("[firmware bug]: TDX is not enabled by BIOS.\n");
		return -ENODEV;
	case TDX_SEAMCALL_VMFAILINVALID:
		pr_err("TDX module is not loaded.\n");
		return -ENODEV;
	case TDX_SEAMCALL_UD:
		pr_err("SEAMCALL failed: CPU %d is not in VMX operation.\n", cpu);
		return -EINVAL;
	default:
		pr_err("SEAMCALL failed: CPU %d: leaf %llu, error 0x%llx.\n",
		       cpu, fn, sret);
		if (out) /* expect: unbraced-multiline-body */
			pr_err("additional output: rcx 0x%llx, rdx 0x%llx, r8 0x%llx, r9 0x%llx, r10 0x%llx, r11 0x%llx.\n",
			       out->rcx, out->rdx, out->r8,
			       out->r9, out->r10, out->r11);
		return -EIO;
	}
}

static int try_init_module_global(void)
{
	return seamcall(TDH_SYS_INIT, 0, 0, 0, 0, NULL, NULL);
}

/* Called on each CPU with IRQs disabled, after try_init_module_global(). */
int tdx_cpu_enable(void)
{
	int ret;

	ret = try_init_module_global();
	if (ret)
		return ret;

	return seamcall(TDH_SYS_LP_INIT, 0, 0, 0, 0, NULL, NULL);
}

static struct tdsysinfo_struct tdx_sysinfo __attribute__((__aligned__(1024)));
static struct cmr_info tdx_cmr_array[MAX_CMRS] __attribute__((__aligned__(512)));
static int tdx_nr_cmrs;

static int tdx_get_sysinfo(struct tdsysinfo_struct *sysinfo,
			   struct cmr_info *cmr_array)
{
	struct tdx_module_output out;
	int ret;

	ret = seamcall(TDH_SYS_INFO, __pa(sysinfo), TDSYSINFO_STRUCT_SIZE,
		       __pa(cmr_array), MAX_CMRS, NULL, &out);
	if (ret)
		return ret;

	/* R9 contains the actual entries written to the CMR array. */
	tdx_nr_cmrs = out.r9;
	pr_info("TDX module: attributes 0x%x, vendor_id 0x%x, %d CMRs\n",
		sysinfo->attributes, sysinfo->vendor_id, tdx_nr_cmrs);

	return 0;
}

static u64 tdmr_pa_array[MAX_TDMRS] __attribute__((__aligned__(512)));

static int config_tdx_module(int nr_tdmrs, u64 global_keyid)
{
	return seamcall(TDH_SYS_CONFIG, __pa(tdmr_pa_array), nr_tdmrs,
			global_keyid, 0, NULL, NULL);
}

static int config_global_keyid(u64 global_keyid)
{
	/* The key is generated from RDRAND: may need the retry in seamcall(). */
	return seamcall(TDH_SYS_KEY_CONFIG, global_keyid, 0, 0, 0, NULL, NULL);
}

int init_tdx_module(int nr_tdmrs, u64 global_keyid)
{
	int ret;

	ret = tdx_get_sysinfo(&tdx_sysinfo, tdx_cmr_array);
	if (ret)
		return ret;

	ret = config_tdx_module(nr_tdmrs, global_keyid);
	if (ret)
		return ret;

	return config_global_keyid(global_keyid);
}
