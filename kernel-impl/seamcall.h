/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host SEAMCALL layer: the register block, leaf numbers, status codes
 * and the functions built on them.
 *
 * This header is read by seamcall.S as well as by C, so the constants are
 * spelled with _AC() and the C-only parts sit under !__ASSEMBLY__.
 */
#ifndef TDX_REF_SEAMCALL_H
#define TDX_REF_SEAMCALL_H

#include <linux/const.h>

/* TDX module leaf functions (TDX module 1.5 ABI spec, "SEAMCALL Leaves") */
#define TDH_SYS_INIT		33
#define TDH_SYS_RD		34
#define TDH_SYS_LP_INIT		35

/*
 * Completion status in RAX.  Bit 63 set means an error; bits 47:40 all set
 * is a status class the TDX module never returns, so software uses it for
 * failures of the SEAMCALL instruction itself.
 */
#define TDX_SUCCESS			_AC(0, ULL)
#define TDX_RND_NO_ENTROPY		_AC(0x8000020300000000, ULL)
#define TDX_SW_ERROR			_AC(0x8000ff0000000000, ULL)
#define TDX_SEAMCALL_VMFAILINVALID	_AC(0x8000ff00ffff0000, ULL)
/* TDX_SW_ERROR | X86_TRAP_GP and TDX_SW_ERROR | X86_TRAP_UD */
#define TDX_SEAMCALL_GP			_AC(0x8000ff000000000d, ULL)
#define TDX_SEAMCALL_UD			_AC(0x8000ff0000000006, ULL)

/*
 * The TDX module runs out of RDRAND/RDSEED entropy the way the CPU does for
 * the kernel, so retry as often as the kernel retries RDRAND
 * (RDRAND_RETRY_LOOPS): a bound, not a loop that can spin forever.
 */
#define TDX_RND_RETRY_LOOPS	10

/* Global metadata field read by TDH.SYS.RD: the maximum number of TDMRs */
#define MD_FIELD_ID_MAX_TDMRS		_AC(0x9100000100000008, ULL)
/* Bits 33:32 of a field ID give the element size: 1 means 16 bits */
#define MD_FIELD_ID_ELE_SIZE_SHIFT	32
#define MD_FIELD_ID_ELE_SIZE_MASK	_AC(0x3, ULL)
#define MD_FIELD_ID_ELE_SIZE_16BIT	1

/* Byte offsets of the registers in struct tdx_module_args, for seamcall.S */
#define TDX_ARGS_RCX	0
#define TDX_ARGS_RDX	8
#define TDX_ARGS_R8	16
#define TDX_ARGS_R9	24
#define TDX_ARGS_R10	32
#define TDX_ARGS_R11	40

#ifndef __ASSEMBLY__

#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/types.h>

/*
 * One register block for both directions: the registers a leaf reads are a
 * subset of those it writes, so the caller fills the inputs and, for
 * __seamcall_ret(), reads the outputs from the same struct.
 */
struct tdx_module_args {
	u64 rcx;
	u64 rdx;
	u64 r8;
	u64 r9;
	u64 r10;
	u64 r11;
};

#define TDX_ARGS_OFFSET_OK(reg, off) \
	static_assert(offsetof(struct tdx_module_args, reg) == (off), \
		      "seamcall.S expects " #reg " at offset " #off)

TDX_ARGS_OFFSET_OK(rcx, TDX_ARGS_RCX);
TDX_ARGS_OFFSET_OK(rdx, TDX_ARGS_RDX);
TDX_ARGS_OFFSET_OK(r8, TDX_ARGS_R8);
TDX_ARGS_OFFSET_OK(r9, TDX_ARGS_R9);
TDX_ARGS_OFFSET_OK(r10, TDX_ARGS_R10);
TDX_ARGS_OFFSET_OK(r11, TDX_ARGS_R11);

/*
 * The instruction, in seamcall.S.  Both pass RCX, RDX and R8-R11 from @args
 * and return RAX: the leaf's completion status, or TDX_SEAMCALL_VMFAILINVALID,
 * TDX_SEAMCALL_GP or TDX_SEAMCALL_UD when the instruction itself failed.
 * __seamcall_ret() also stores the output registers back into @args.
 */
u64 __seamcall(u64 fn, struct tdx_module_args *args);
u64 __seamcall_ret(u64 fn, struct tdx_module_args *args);

/* Retry on entropy exhaustion and turn the status into 0 or an errno */
int seamcall(u64 fn, struct tdx_module_args *args);
int seamcall_ret(u64 fn, struct tdx_module_args *args);

/* The users */
int tdx_sys_init(void);
int tdx_sys_lp_init(void);
int tdx_sys_rd(u64 field_id, u64 *data);
int tdx_read_max_tdmrs(u16 *max_tdmrs);

#endif /* !__ASSEMBLY__ */
#endif /* TDX_REF_SEAMCALL_H */
