/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for <linux/stddef.h>: the compiler'\''s offsetof */
#ifndef TDX_USER_LINUX_STDDEF_H
#define TDX_USER_LINUX_STDDEF_H

#include <stddef.h>

#endif /* TDX_USER_LINUX_STDDEF_H */
