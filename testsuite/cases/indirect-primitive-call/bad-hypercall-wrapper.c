// SPDX-License-Identifier: GPL-2.0
/*
 * A TDVMCALL wrapper taking the hypercall function as a pointer.  It also
 * gets an ordinary C function from a second caller; one call binding it to
 * a primitive is enough.
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/shared/tdx.h>

typedef u64 (*hc_func_t)(struct tdx_module_args *args);

static inline int hc_checked(hc_func_t hc, struct tdx_module_args *args) /* expect: indirect-primitive-call */
{
	return hc(args) ? -EIO : 0;
}

static u64 fake_hypercall(struct tdx_module_args *args)
{
	return args->r10;
}

int tdx_map_gpa(u64 start, u64 end)
{
	struct tdx_module_args args = {
		.r10 = TDX_HYPERCALL_STANDARD,
		.r11 = TDVMCALL_MAP_GPA,
		.r12 = start,
		.r13 = end - start,
	};

	return hc_checked(__tdx_hypercall, &args);
}

int tdx_map_gpa_test(void)
{
	struct tdx_module_args args = {};

	return hc_checked(fake_hypercall, &args);
}

/*
 * check-name: a static inline TDVMCALL wrapper bound to __tdx_hypercall by one of two callers
 */
