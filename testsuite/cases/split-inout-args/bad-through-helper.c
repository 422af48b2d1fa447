// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <asm/tdx.h>

static u64 tdx_do_hypercall(struct tdx_module_args *args)
{
	return __tdx_hypercall(args);
}

/* Reaches the primitive only through the static helper above. */
static u64 tdx_hypercall_out(u64 fn, u64 r12, u64 r13, struct tdx_module_args *out) /* expect: split-inout-args */
{
	out->r10 = TDX_HYPERCALL_STANDARD;
	out->r11 = fn;
	out->r12 = r12;
	out->r13 = r13;
	return tdx_do_hypercall(out);
}

u64 tdx_map_gpa(u64 start, u64 size)
{
	struct tdx_module_args args = {};

	return tdx_hypercall_out(TDVMCALL_MAP_GPA, start, size, &args);
}

/*
 * check-name: primitive reached through a static helper; r12/r13 are fields of the out struct
 */
