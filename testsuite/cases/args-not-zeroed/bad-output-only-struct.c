// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <asm/tdx.h>

/*
 * 6.1's guest primitive: inputs as scalars, results in an output-only
 * struct.  The prototype keeps its split-inout-args finding; the struct the
 * caller passes is only written by the call, so nothing leaks through it
 * and args-not-zeroed stays silent.
 */
u64 __tdx_module_call(u64 fn, u64 rcx, u64 rdx, u64 r8, u64 r9, /* expect: split-inout-args */
		      struct tdx_module_output *out);

u64 tdx_vp_info(void)
{
	struct tdx_module_output out;

	if (__tdx_module_call(TDG_VP_INFO, 0, 0, 0, 0, &out))
		return 0;
	return out.rcx;
}

u64 tdx_vm_rd(u64 field)
{
	struct tdx_module_args args;

	args.rdx = field;
	if (__tdcall_ret(TDG_VM_RD, &args)) /* expect: args-not-zeroed */
		return 0;
	return args.r8;
}

/*
 * check-name: an output-only struct is not judged; an in/out args struct still is
 */
