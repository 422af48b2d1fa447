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

static int seamcall(u64 fn, u64 rcx, u64 rdx, u64 r8, u64 r9,
		    u64 *seamcall_ret, struct tdx_module_output *out)
{
	int retry = RDRAND_RETRY_LOOPS;
	u64 sret;
	int cpu;

	/* the CPU number only goes into the messages */
	cpu = get_cpu();

	/* key configuration draws on RDRAND and may run dry: ask again */
	do {
		sret = __seamcall(fn, rcx, rdx, r8, r9, out);
	} while (sret == TDX_RND_NO_ENTROPY && --retry);

	put_cpu();

	if (seamcall_ret)
		*seamcall_ret = sret;

	switch (sret) {
	case 0:
		return 0;
	case TDX_SEAMCALL_GP:
		pr_err("SEAMCALL faulted: TDX is off in the BIOS.\n");
		return -ENODEV;
	case TDX_SEAMCALL_VMFAILINVALID:
		pr_err("no TDX module is loaded.\n");
		return -ENODEV;
	default:
		pr_err("CPU %d: SEAMCALL leaf %llu failed: 0x%llx.\n", cpu, fn, sret);
		if (out)
			pr_err("outputs: rcx 0x%llx rdx 0x%llx r8 0x%llx r9 0x%llx\n",
			       out->rcx, out->rdx, out->r8, out->r9);
		return -EIO;
	}
}

static int try_init_module_global(void)
{
	return seamcall(TDH_SYS_INIT, 0, 0, 0, 0, NULL, NULL);
}

int tdx_cpu_enable(void)
{
	int ret;

	if (__this_cpu_read(tdx_lp_initialized))
		return 0;

	ret = try_init_module_global();
	if (ret)
		return ret;

	ret = seamcall(TDH_SYS_LP_INIT, 0, 0, 0, 0, NULL, NULL);
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
	struct tdx_module_output out;
	int ret;

	ret = seamcall(TDH_SYS_INFO, __pa(&tdx_sysinfo), TDSYSINFO_STRUCT_SIZE,
		       __pa(tdx_cmr_array), MAX_CMRS, NULL, &out);
	if (ret)
		return ret;

	pr_info("%llu CMRs, up to %u TDMRs\n", out.r9, tdx_sysinfo.max_tdmrs);
	return 0;
}

static int config_tdx_module(int nr_tdmrs, u64 global_keyid)
{
	return seamcall(TDH_SYS_CONFIG, __pa(tdmr_pa_array), nr_tdmrs,
			global_keyid, 0, NULL, NULL);
}

static int config_global_keyid(void)
{
	return seamcall(TDH_SYS_KEY_CONFIG, 0, 0, 0, 0, NULL, NULL);
}

/* The module initialises a TDMR a chunk at a time and says where it got to. */
static int init_tdmr(struct tdmr_info *tdmr)
{
	u64 next;

	do {
		struct tdx_module_output out;
		int ret;

		ret = seamcall(TDH_SYS_TDMR_INIT, tdmr->base, 0, 0, 0, NULL, &out);
		if (ret)
			return ret;
		next = out.rdx;
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
