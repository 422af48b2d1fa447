/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The TDX host definitions as the June 2023 series had them (v12, before
 * struct tdx_module_args existed): the status codes, the SEAMCALL leaves used
 * below and the output-only struct tdx_module_output.
 */
#ifndef _EXAMPLE_BEFORE_REVIEW_TDX_H
#define _EXAMPLE_BEFORE_REVIEW_TDX_H

#include <linux/types.h>
#include <linux/compiler.h>
/*
 * struct tdx_module_args, the one in/out struct the review asked for: the
 * refactors of cocci/ move the helpers below onto it.
 */
#include <asm/shared/tdx.h>

#define X86_TRAP_UD			6
#define X86_TRAP_GP			13

#define TDX_ERROR			(1ULL << 63)
#define TDX_SW_ERROR			(TDX_ERROR | (0xFFULL << 40))
#define TDX_SEAMCALL_VMFAILINVALID	(TDX_SW_ERROR | 0xFFFF0000ULL)
#define TDX_SEAMCALL_GP			(TDX_SW_ERROR | X86_TRAP_GP)
#define TDX_SEAMCALL_UD			(TDX_SW_ERROR | X86_TRAP_UD)

#define TDX_SUCCESS			0ULL
#define TDX_RND_NO_ENTROPY		0x8000020300000000ULL

/* arch/x86/include/asm/archrandom.h */
#define RDRAND_RETRY_LOOPS		10

/* TDX module SEAMCALL leaf functions */
#define TDH_SYS_KEY_CONFIG		31
#define TDH_SYS_INFO			32
#define TDH_SYS_INIT			33
#define TDH_SYS_LP_INIT			35
#define TDH_SYS_CONFIG			45

/* Output registers of a SEAMCALL; the inputs went in as scalars. */
struct tdx_module_output {
	u64 rcx;
	u64 rdx;
	u64 r8;
	u64 r9;
	u64 r10;
	u64 r11;
};

#define TDSYSINFO_STRUCT_SIZE		1024
#define MAX_CMRS			32
#define MAX_TDMRS			64

struct cmr_info {
	u64 base;
	u64 size;
};

struct tdsysinfo_struct {
	u32 attributes;
	u32 vendor_id;
	u16 max_tdmrs;
	u16 max_reserved_per_tdmr;
	u16 pamt_entry_size;
	u8 reserved[TDSYSINFO_STRUCT_SIZE - 14];
};

extern unsigned long __phys_addr(unsigned long x);
#define __pa(x)		__phys_addr((unsigned long)(x))

#endif /* _EXAMPLE_BEFORE_REVIEW_TDX_H */
