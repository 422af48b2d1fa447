// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>

/* No TDX primitive is reached here: the default scope does not judge it. */
static int __always_unused tdx_pick_keyid(u32 nr_keyids)
{
	return nr_keyids > 1 ? 1 : -ENOSPC;
}

int tdx_reserve_keyid(u32 nr_keyids)
{
	return tdx_pick_keyid(nr_keyids);
}

/*
 * check-name: a spelled attribute outside the default scope (no primitive reached)
 */
