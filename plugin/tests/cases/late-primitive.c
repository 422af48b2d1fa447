// SPDX-License-Identifier: GPL-2.0
/*
 * The plugin models nothing until the unit names a TDX primitive (here
 * __seamcall, declared after early_caller()).  What came before still
 * counts where it can: the prototype of a helper defined later spells
 * __always_unused (replayed when the helper is defined), and early_caller()
 * calls the helper before the primitive is named, which the plugin cannot
 * model afterwards and says so in a note; the 'full' key models everything,
 * and has no note to give.
 */
#define __always_unused __attribute__((__unused__))
typedef unsigned long long u64;

static u64 __always_unused tdx_helper(u64 fn);

static void early_caller(void)
{
	tdx_helper(1);
}

u64 __seamcall(u64 fn, void *args);

static u64 tdx_helper(u64 fn)
{
	return __seamcall(fn, 0);
}

static int plain(int x)
{
	return x + 1;
}

void tdx_entry(void)
{
	early_caller();
	plain(tdx_helper(2));
}
