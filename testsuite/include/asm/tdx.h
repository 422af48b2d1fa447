/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/tdx.h as of 6.12 (plus the host leaf numbers of
 * arch/x86/virt/vmx/tdx/tdx.h, for the "before review" shapes the old
 * output-only struct of 6.1, and two of 6.16's tdh_*() leaf wrappers).
 * sc_retry() is 6.12's always-inline retry wrapper that takes the primitive
 * as a function pointer.
 *
 * Nothing here may produce a finding under the default scope: sc_retry()
 * uses its status and runs its loop with preemption enabled.
 */
#ifndef _TDX_TS_ASM_TDX_H
#define _TDX_TS_ASM_TDX_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/shared/tdx.h>

#define X86_TRAP_UD		6
#define X86_TRAP_GP		13

/*
 * SW-defined error codes.
 *
 * Bits 47:40 == 0xFF indicate Reserved status code class that never used by
 * TDX module.
 */
#define TDX_ERROR			(1ULL << 63)
#define TDX_SW_ERROR			(TDX_ERROR | (0xFFULL << 40))
#define TDX_SEAMCALL_VMFAILINVALID	(TDX_SW_ERROR | 0xFFFF0000ULL)

#define TDX_SEAMCALL_GP			(TDX_SW_ERROR | X86_TRAP_GP)
#define TDX_SEAMCALL_UD			(TDX_SW_ERROR | X86_TRAP_UD)

/*
 * TDX module SEAMCALL leaf function error codes
 */
#define TDX_SUCCESS		0ULL
#define TDX_RND_NO_ENTROPY	0x8000020300000000ULL

/* TDX module SEAMCALL leaf functions (arch/x86/virt/vmx/tdx/tdx.h) */
#define TDH_PHYMEM_PAGE_RDMD	24
#define TDH_SYS_KEY_CONFIG	31
#define TDH_SYS_INFO		32
#define TDH_SYS_INIT		33
#define TDH_SYS_RD		34
#define TDH_SYS_LP_INIT		35
#define TDH_SYS_TDMR_INIT	36
#define TDH_SYS_CONFIG		45

/*
 * The output-only register struct of 6.1 and of the patch under review:
 * inputs went in as scalars, outputs came back here.
 */
struct tdx_module_output {
	u64 rcx;
	u64 rdx;
	u64 r8;
	u64 r9;
	u64 r10;
	u64 r11;
};

u64 __seamcall(u64 fn, struct tdx_module_args *args);
u64 __seamcall_ret(u64 fn, struct tdx_module_args *args);
u64 __seamcall_saved_ret(u64 fn, struct tdx_module_args *args);

/* arch/x86/include/asm/archrandom.h */
#define RDRAND_RETRY_LOOPS	10

typedef u64 (*sc_func_t)(u64 fn, struct tdx_module_args *args);

static __always_inline u64 sc_retry(sc_func_t func, u64 fn,
			   struct tdx_module_args *args)
{
	int retry = RDRAND_RETRY_LOOPS;
	u64 ret;

	do {
		ret = func(fn, args);
	} while (ret == TDX_RND_NO_ENTROPY && --retry);

	return ret;
}

/*
 * 6.16's exported SEAMCALL leaf wrappers, one per leaf, defined next to
 * seamcall() in arch/x86/virt/vmx/tdx/tdx.c and called by KVM's TDX code.
 */
struct tdx_td;
struct tdx_vp;

u64 tdh_mng_key_config(struct tdx_td *td);
u64 tdh_vp_flush(struct tdx_vp *vp);

#define seamcall(_fn, _args)		sc_retry(__seamcall, (_fn), (_args))
#define seamcall_ret(_fn, _args)	sc_retry(__seamcall_ret, (_fn), (_args))
#define seamcall_saved_ret(_fn, _args)	sc_retry(__seamcall_saved_ret, (_fn), (_args))

#endif /* _TDX_TS_ASM_TDX_H */
