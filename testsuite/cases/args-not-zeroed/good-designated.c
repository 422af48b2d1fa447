// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/tdx.h>

int tdx_map_gpa(u64 start, u64 end)
{
	struct tdx_module_args args = {
		.r10 = TDX_HYPERCALL_STANDARD,
		.r11 = TDVMCALL_MAP_GPA,
		.r12 = start,
		.r13 = end - start,
	};

	if (__tdx_hypercall(&args))
		return -EIO;

	return 0;
}

/*
 * check-name: 6.12 shape: designated initializers zero every field not named
 */
