/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/lockdep.h without CONFIG_PROVE_LOCKING (defconfig): the
 * assertions are do-while statements that check nothing, so a front end
 * sees them only as macro expansions.
 */
#ifndef _TDX_TS_LINUX_LOCKDEP_H
#define _TDX_TS_LINUX_LOCKDEP_H

#define lockdep_assert_held(l)			do { (void)(l); } while (0)
#define lockdep_assert_not_held(l)		do { (void)(l); } while (0)
#define lockdep_assert_held_once(l)		do { (void)(l); } while (0)
#define lockdep_assert_irqs_disabled()		do { } while (0)
#define lockdep_assert_preemption_disabled()	do { } while (0)

#endif /* _TDX_TS_LINUX_LOCKDEP_H */
