// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <asm/tdx.h>

#define TDVMCALL_REPORT_FATAL_ERROR	0x10003

/* arch/x86/coco/tdx/tdx.c (6.12): the VMM must not return; call it forever. */
void tdx_panic(u64 msg_pa)
{
	struct tdx_module_args args = {
		.r10 = TDX_HYPERCALL_STANDARD,
		.r11 = TDVMCALL_REPORT_FATAL_ERROR,
		.r12 = 0,
		.r13 = msg_pa,
	};

	while (1)
		__tdx_hypercall(&args);
}

void tdx_halt_forever(void)
{
	struct tdx_module_args args = {
		.r10 = TDX_HYPERCALL_STANDARD,
		.r11 = 12,
	};

	for (;;)
		__tdx_hypercall(&args);
}

/*
 * check-name: a loop that never exits: dropping the status is deliberate
 */
