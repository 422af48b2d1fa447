// SPDX-License-Identifier: GPL-2.0
/*
 * The host TDX module initialisation as the 2023 series posted it, written
 * afresh for this test (not a copy): seamcall() takes the inputs as scalars,
 * hands back the status through u64 *seamcall_ret and the outputs through
 * struct tdx_module_output *out, retries for lack of entropy under
 * get_cpu(), and turns the status into an errno with a switch.  Among its
 * callers, the TDMR initialisation calls it in a do/while loop, with the
 * output struct declared in the loop body.
 */
#define pr_fmt(fmt)	"virt/tdx: " fmt

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include "tdx.h"

static DEFINE_PER_CPU(bool, tdx_lp_initialized);

static int seamcall(u64 fn, struct tdx_module_args *args)
{
	int retry = RDRAND_RETRY_LOOPS;
	u64 sret;

	/* key configuration draws on RDRAND and may run dry: ask again */
	do {
		sret = __seamcall(fn, args);
	} while (sret == TDX_RND_NO_ENTROPY && --retry);

	if (sret == 0)
		return 0;
	if (sret == TDX_SEAMCALL_GP) {
		pr_err("SEAMCALL faulted: TDX is off in the BIOS.\n");
		return -ENODEV;
	}
	if (sret == TDX_SEAMCALL_VMFAILINVALID) {
		pr_err("no TDX module is loaded.\n");
		return -ENODEV;
	}
	pr_err("CPU %d: SEAMCALL leaf %llu failed: 0x%llx.\n",
	       raw_smp_processor_id(), fn, sret);
	if (args) {
		pr_err("outputs: rcx 0x%llx rdx 0x%llx r8 0x%llx r9 0x%llx\n",
		       args->rcx, args->rdx, args->r8, args->r9);
	}
	return -EIO;
}

static int try_init_module_global(void)
{
	struct tdx_module_args args = {};

	return seamcall(TDH_SYS_INIT, &args);
}

int tdx_cpu_enable(void)
{
	struct tdx_module_args args = {};
	int ret;

	if (__this_cpu_read(tdx_lp_initialized))
		return 0;

	ret = try_init_module_global();
	if (ret)
		return ret;

	ret = seamcall(TDH_SYS_LP_INIT, &args);
	if (ret)
		return ret;

	__this_cpu_write(tdx_lp_initialized, true);
	return 0;
}

static struct tdsysinfo_struct tdx_sysinfo __attribute__((__aligned__(1024)));
static struct cmr_info tdx_cmr_array[MAX_CMRS] __attribute__((__aligned__(512)));
static u64 tdmr_pa_array[MAX_TDMRS] __attribute__((__aligned__(512)));

static int tdx_get_sysinfo(void)
{
	struct tdx_module_args args = {};
	int ret;

	args.rcx = __pa(&tdx_sysinfo);
	args.rdx = TDSYSINFO_STRUCT_SIZE;
	args.r8 = __pa(tdx_cmr_array);
	args.r9 = MAX_CMRS;
	ret = seamcall(TDH_SYS_INFO, &args);
	if (ret)
		return ret;

	pr_info("%llu CMRs, up to %u TDMRs\n", args.r9, tdx_sysinfo.max_tdmrs);
	return 0;
}

static int config_tdx_module(int nr_tdmrs, u64 global_keyid)
{
	struct tdx_module_args args = {
		.rcx = __pa(tdmr_pa_array),
		.rdx = nr_tdmrs,
		.r8 = global_keyid,
	};

	return seamcall(TDH_SYS_CONFIG, &args);
}

static int config_global_keyid(void)
{
	struct tdx_module_args args = {};

	return seamcall(TDH_SYS_KEY_CONFIG, &args);
}

/* The module initialises a TDMR a chunk at a time and says where it got to. */
static int init_tdmr(struct tdmr_info *tdmr)
{
	u64 next;

	do {
		struct tdx_module_args args = {};
		int ret;

		args.rcx = tdmr->base;
		ret = seamcall(TDH_SYS_TDMR_INIT, &args);
		if (ret)
			return ret;
		next = args.rdx;
		cond_resched();
	} while (next < tdmr->base + tdmr->size);

	return 0;
}

int init_tdx_module(struct tdmr_info *tdmrs, int nr_tdmrs, u64 global_keyid)
{
	int ret, i;

	ret = tdx_get_sysinfo();
	if (ret)
		return ret;

	ret = config_tdx_module(nr_tdmrs, global_keyid);
	if (ret)
		return ret;

	ret = config_global_keyid();
	if (ret)
		return ret;

	for (i = 0; i < nr_tdmrs; i++) {
		ret = init_tdmr(&tdmrs[i]);
		if (ret)
			return ret;
	}
	return 0;
}
