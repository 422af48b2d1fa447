/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/virt/vmx/tdx/tdx.h as the 2023 host series shaped it, written
 * afresh for this test: the SEAMCALL primitive still takes its inputs as
 * scalars and returns outputs in struct tdx_module_output.
 */
#ifndef _HOST_2023_TDX_H
#define _HOST_2023_TDX_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/shared/tdx.h>

#define X86_TRAP_GP			13
#define TDX_ERROR			(1ULL << 63)
#define TDX_SW_ERROR			(TDX_ERROR | (0xFFULL << 40))
#define TDX_SEAMCALL_VMFAILINVALID	(TDX_SW_ERROR | 0xFFFF0000ULL)
#define TDX_SEAMCALL_GP			(TDX_SW_ERROR | X86_TRAP_GP)
#define TDX_RND_NO_ENTROPY		0x8000020300000000ULL
#define RDRAND_RETRY_LOOPS		10

#define TDH_SYS_KEY_CONFIG		31
#define TDH_SYS_INFO			32
#define TDH_SYS_INIT			33
#define TDH_SYS_LP_INIT			35
#define TDH_SYS_TDMR_INIT		36
#define TDH_SYS_CONFIG			45

#define TDSYSINFO_STRUCT_SIZE		1024
#define MAX_CMRS			32
#define MAX_TDMRS			64

struct tdx_module_output {
	u64 rcx;
	u64 rdx;
	u64 r8;
	u64 r9;
	u64 r10;
	u64 r11;
};

struct cmr_info {
	u64 base;
	u64 size;
};

struct tdsysinfo_struct {
	u32 attributes;
	u32 vendor_id;
	u16 max_tdmrs;
	u8 reserved[TDSYSINFO_STRUCT_SIZE - 10];
};

struct tdmr_info {
	u64 base;
	u64 size;
};

/* include/linux/percpu.h's, the little this code uses */
#define DEFINE_PER_CPU(type, name)	__typeof__(type) name
#define __this_cpu_read(var)		(var)
#define __this_cpu_write(var, val)	((var) = (val))

extern unsigned long __phys_addr(unsigned long x);
#define __pa(x)		__phys_addr((unsigned long)(x))

/* seamcall.S */
u64 __seamcall(u64 fn, struct tdx_module_args *args);

#endif /* _HOST_2023_TDX_H */
