// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/lockdep.h>
#include <asm/tdx.h>

static bool tdx_unshare(u64 gpa)
{
	struct tdx_module_args args = {
		.r10 = TDX_HYPERCALL_STANDARD,
		.r11 = TDVMCALL_MAP_GPA,
		.r12 = gpa,
	};

	return !__tdx_hypercall(&args);
}

/*
 * 6.12's tdx_kexec_finish() shape: with interrupts off (kexec), a walk over
 * memory that reaches a hypercall through a helper for some pages.  The
 * caller's region is asserted; the loop is no retry loop of TDX calls.
 */
long tdx_unshare_all(const u64 *gpa, long nr)
{
	long i, failed = 0;

	lockdep_assert_irqs_disabled();
	for (i = 0; i < nr; i++) {
		if (gpa[i] & 1)
			failed += !tdx_unshare(gpa[i]);
	}
	return failed;
}

/*
 * check-name: after a lockdep assertion only a loop that calls a primitive itself is judged
 */
