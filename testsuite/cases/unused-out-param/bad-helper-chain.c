// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <asm/tdx.h>

static u64 tdx_hcall(struct tdx_module_args *args)
{
	return __tdx_hypercall(args);
}

/* Reaches the primitive through tdx_hcall(); 'what' is never given. */
static int tdx_map(u64 start, u64 size, const char *what) /* expect: unused-out-param */
{
	struct tdx_module_args args = {
		.r10 = TDX_HYPERCALL_STANDARD,
		.r11 = TDVMCALL_MAP_GPA,
		.r12 = start,
		.r13 = size,
	};

	if (tdx_hcall(&args)) {
		pr_err("MapGPA %s failed\n", what ? what : "range");
		return -EIO;
	}
	return 0;
}

int tdx_map_shared(u64 start, u64 size)
{
	return tdx_map(start, size, NULL);
}

/*
 * check-name: const char pointer passed as NULL by the one caller, primitive behind a static helper
 */
