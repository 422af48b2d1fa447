// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <asm/tdx.h>

/*
 * 6.12 arch/x86/mm/init.c: a macro inside an unbraced body written over two
 * lines ("poking_addr += (...) %\n (TASK_SIZE - ...);").  GCC can give the
 * whole statement the place of the macro's expansion; the statement is
 * still the source's, and it spans two lines.
 */
extern int tdx_addr32;
extern u64 tdx_random(void);

#define TDX_WINDOW	(tdx_addr32 ? 0xc0000000ULL : 0x7ffffffff000ULL)

u64 tdx_pick_window(u64 base)
{
	struct tdx_module_args args = {};
	u64 addr = base;

	if (seamcall(TDH_SYS_RD, &args)) /* expect: unbraced-multiline-body */
		addr += (tdx_random() & ~0xfffULL) %
			(TDX_WINDOW - base - 3 * 4096);
	return addr;
}

/*
 * check-name: a macro inside a two-line unbraced body does not make the body a macro's
 */
