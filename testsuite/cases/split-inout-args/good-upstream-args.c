// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <asm/tdx.h>

/* arch/x86/include/asm/shared/tdx.h (6.12), _tdx_hypercall(). */
static inline u64 _tdx_hypercall(u64 fn, u64 r12, u64 r13, u64 r14, u64 r15)
{
	struct tdx_module_args args = {
		.r10 = TDX_HYPERCALL_STANDARD,
		.r11 = fn,
		.r12 = r12,
		.r13 = r13,
		.r14 = r14,
		.r15 = r15,
	};

	return __tdx_hypercall(&args);
}

u64 tdx_map_gpa_range(u64 start, u64 end)
{
	return _tdx_hypercall(TDVMCALL_MAP_GPA, start, end - start, 0, 0);
}

/*
 * check-name: 6.12 _tdx_hypercall(): register scalars in, no output struct parameter
 */
