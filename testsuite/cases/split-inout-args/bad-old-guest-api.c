// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <asm/tdx.h>

/*
 * 6.1's guest side (arch/x86/coco/tdx/tdx.c) before the conversion to one
 * in/out struct: the assembly primitive, a wrapper that insists on success,
 * and callers that pass an output struct, or NULL when they want no output.
 */
u64 __tdx_module_call(u64 fn, u64 rcx, u64 rdx, u64 r8, u64 r9, /* expect: split-inout-args */
		      struct tdx_module_output *out);

static void tdx_module_call(u64 fn, u64 rcx, u64 rdx, u64 r8, u64 r9, /* expect: split-inout-args */
			    struct tdx_module_output *out)
{
	if (__tdx_module_call(fn, rcx, rdx, r8, r9, out))
		pr_err("TDCALL %llu failed (Buggy TDX module!)\n", fn);
}

u64 tdx_cc_mask(void)
{
	struct tdx_module_output out;
	unsigned int gpa_width;

	tdx_module_call(TDG_VP_INFO, 0, 0, 0, 0, &out);

	gpa_width = out.rcx & 0x3f;
	return 1ULL << (gpa_width - 1);
}

u64 tdx_read_vm_field(u64 field)
{
	struct tdx_module_output out = {};

	tdx_module_call(TDG_VM_RD, 0, field, 0, 0, &out);
	return out.r8;
}

int tdx_mcall_get_report0(u64 reportdata_pa, u64 tdreport_pa)
{
	u64 ret;

	ret = __tdx_module_call(TDG_MR_REPORT, tdreport_pa, reportdata_pa, 0,
				0, NULL);
	if (ret)
		return -EIO;

	return 0;
}

/*
 * check-name: 6.1 guest API: scalar inputs and an output struct, through a wrapper and direct
 */
