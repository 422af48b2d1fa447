// SPDX-License-Identifier: GPL-2.0
/*
 * Source facts GENERIC and clang's AST do not keep the same way: braces,
 * the else keyword, statements from macros, attributes as spelled,
 * do-while, labels, a for loop's init.  test-facts.c asserts the clang
 * front end's model of this file line by line; dump-compare checks that it
 * equals the GCC plugin's.
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <asm/tdx.h>

#define TDX_CHECK(sret)	do { if (sret) return -EIO; } while (0)

static int __always_unused facts_attr(u64 __maybe_unused a,
				      u64 b __attribute__((unused)))
{
	return 0;
}

int facts_body(u64 sret, int nr)
{
	struct tdx_module_args args = {};
	unsigned long flags;
	int i, ret = 0;

	if (sret)
		ret = -EIO;
	else
		ret = -ENODEV;
	if (nr) {
		ret = 1;
	} else if (sret)
		pr_err("multi %llx\n",
		       sret);
	do {
		ret++;
	} while (ret < 3);
	TDX_CHECK(sret);
	local_irq_save(flags);
	for (i = 0; i < nr; i++)
		args.rcx = i;
	local_irq_restore(flags);
out:
	return facts_attr(0, 1) + ret + (int)__seamcall(1, &args);
}
