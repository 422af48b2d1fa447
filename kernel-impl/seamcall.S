/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The SEAMCALL instruction, host side.
 *
 * ABI (TDX module 1.5 ABI spec, "SEAMCALL Instruction"):
 *   in:  RAX leaf number; RCX, RDX, R8-R11 leaf inputs
 *   out: RAX completion status; RCX, RDX, R8-R11 leaf outputs
 * The leaves this layer uses leave RDI, RSI and the callee-saved registers
 * alone, so RSI can keep pointing at the register block across the call.
 *
 * Failures of the instruction itself come back in RAX as software status
 * codes from a class the TDX module never uses:
 *   CF=1 (VMfailInvalid: no module loaded, or it is busy) ->
 *	TDX_SEAMCALL_VMFAILINVALID
 *   #GP or #UD (SEAM not enabled, not in VMX operation) ->
 *	TDX_SW_ERROR | trap number, through the exception table
 */
#include <linux/linkage.h>
#include <asm/asm.h>
#include <asm/frame.h>

#include "seamcall.h"

/* Binutils before 2.36 does not know the mnemonic */
#define seamcall	.byte 0x66, 0x0f, 0x01, 0xcf

/*
 * SEAMCALL_BODY - load the inputs from the struct at RSI, issue SEAMCALL,
 * and with ret=1 store the outputs back into the same struct.
 * @fn (RDI): leaf number; @args (RSI): struct tdx_module_args.
 */
.macro SEAMCALL_BODY ret=0
	FRAME_BEGIN

	movq	%rdi, %rax
	movq	TDX_ARGS_RCX(%rsi), %rcx
	movq	TDX_ARGS_RDX(%rsi), %rdx
	movq	TDX_ARGS_R8(%rsi), %r8
	movq	TDX_ARGS_R9(%rsi), %r9
	movq	TDX_ARGS_R10(%rsi), %r10
	movq	TDX_ARGS_R11(%rsi), %r11

.Lseamcall\@:
	seamcall
	/* VMfailInvalid leaves RAX unchanged: give it a status of its own */
	jc	.Lvmfailinvalid\@

.if \ret
	movq	%rcx, TDX_ARGS_RCX(%rsi)
	movq	%rdx, TDX_ARGS_RDX(%rsi)
	movq	%r8, TDX_ARGS_R8(%rsi)
	movq	%r9, TDX_ARGS_R9(%rsi)
	movq	%r10, TDX_ARGS_R10(%rsi)
	movq	%r11, TDX_ARGS_R11(%rsi)
.endif

.Lout\@:
	FRAME_END
	RET

.Lvmfailinvalid\@:
	movq	$TDX_SEAMCALL_VMFAILINVALID, %rax
	jmp	.Lout\@

.Ltrap\@:
	/*
	 * The fault fixup put the trap number (X86_TRAP_GP or X86_TRAP_UD)
	 * in RAX.  OR takes at most a 32-bit immediate, so the 64-bit class
	 * goes through a scratch register.
	 */
	movq	$TDX_SW_ERROR, %rdi
	orq	%rdi, %rax
	jmp	.Lout\@

	_ASM_EXTABLE_FAULT(.Lseamcall\@, .Ltrap\@)
.endm

/* u64 __seamcall(u64 fn, struct tdx_module_args *args): inputs only */
SYM_FUNC_START(__seamcall)
	SEAMCALL_BODY
SYM_FUNC_END(__seamcall)

/* u64 __seamcall_ret(u64 fn, struct tdx_module_args *args): in and out */
SYM_FUNC_START(__seamcall_ret)
	SEAMCALL_BODY ret=1
SYM_FUNC_END(__seamcall_ret)
