// SPDX-License-Identifier: GPL-2.0
/*
 * The only call of __seamcall() sits in a loop and its output struct lives
 * across the rounds: one struct tdx_module_args would carry a round's
 * outputs into the next round's inputs, so the call cannot convert, and
 * neither may the prototype in tdx.h.
 */
#include <linux/types.h>
#include "tdx.h"

u64 init_range(u64 base, u64 end)
{
	struct tdx_module_output out = {};
	u64 err;

	do {
		err = __seamcall(TDH_SYS_TDMR_INIT, base, 0, 0, 0, &out);
		if (err)
			return err;
		base = out.rdx;
	} while (base < end);

	return 0;
}
