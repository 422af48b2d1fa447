/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/shared/tdx.h (6.12): the one in/out register struct
 * and the guest-side primitives, implemented in assembly in the kernel.
 */
#ifndef _TDX_TS_ASM_SHARED_TDX_H
#define _TDX_TS_ASM_SHARED_TDX_H

#include <linux/types.h>
#include <linux/compiler.h>

#define TDX_HYPERCALL_STANDARD	0

/* TDX module call leaf IDs (guest side) */
#define TDG_VP_VMCALL		0
#define TDG_VP_INFO		1
#define TDG_VP_VEINFO_GET	3
#define TDG_MR_REPORT		4
#define TDG_MEM_PAGE_ACCEPT	6
#define TDG_VM_RD		7
#define TDG_VM_WR		8

/* TDVMCALL sub-functions */
#define TDVMCALL_MAP_GPA	0x10001
#define TDVMCALL_GET_QUOTE	0x10002

/*
 * Used in __tdcall*() and __seamcall*() to gather the input and output
 * register values: one struct for both directions.
 */
struct tdx_module_args {
	/* callee-clobbered */
	u64 rcx;
	u64 rdx;
	u64 r8;
	u64 r9;
	/* extra callee-clobbered */
	u64 r10;
	u64 r11;
	/* callee-saved + rdi/rsi */
	u64 r12;
	u64 r13;
	u64 r14;
	u64 r15;
	u64 rbx;
	u64 rdi;
	u64 rsi;
};

/* Used to communicate with the TDX module */
u64 __tdcall(u64 fn, struct tdx_module_args *args);
u64 __tdcall_ret(u64 fn, struct tdx_module_args *args);
u64 __tdcall_saved_ret(u64 fn, struct tdx_module_args *args);

/* Used to request services from the VMM */
u64 __tdx_hypercall(struct tdx_module_args *args);

#endif /* _TDX_TS_ASM_SHARED_TDX_H */
