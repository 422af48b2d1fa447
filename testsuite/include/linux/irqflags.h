/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/irqflags.h without CONFIG_TRACE_IRQFLAGS: the local_irq_*
 * macros are do-while statements over the raw_ macros, which call the arch
 * helpers and type-check the flags variable.
 */
#ifndef _TDX_TS_LINUX_IRQFLAGS_H
#define _TDX_TS_LINUX_IRQFLAGS_H

#include <linux/types.h>
#include <linux/typecheck.h>

extern unsigned long arch_local_save_flags(void);
extern unsigned long arch_local_irq_save(void);
extern void arch_local_irq_restore(unsigned long flags);
extern void arch_local_irq_disable(void);
extern void arch_local_irq_enable(void);

#define raw_local_irq_disable()		arch_local_irq_disable()
#define raw_local_irq_enable()		arch_local_irq_enable()
#define raw_local_irq_save(flags)			\
	do {						\
		typecheck(unsigned long, flags);	\
		flags = arch_local_irq_save();		\
	} while (0)
#define raw_local_irq_restore(flags)			\
	do {						\
		typecheck(unsigned long, flags);	\
		arch_local_irq_restore(flags);		\
	} while (0)

#define local_irq_enable()	do { raw_local_irq_enable(); } while (0)
#define local_irq_disable()	do { raw_local_irq_disable(); } while (0)
#define local_irq_save(flags)	do { raw_local_irq_save(flags); } while (0)
#define local_irq_restore(flags) do { raw_local_irq_restore(flags); } while (0)

#endif /* _TDX_TS_LINUX_IRQFLAGS_H */
