/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for <linux/const.h>: constants usable in C */
#ifndef TDX_USER_LINUX_CONST_H
#define TDX_USER_LINUX_CONST_H

#define _AC(X, Y)	(X##Y)

#endif /* TDX_USER_LINUX_CONST_H */
