/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel macros spatch cannot parse as written, for tdxcheck-refactor's
 * `--macro-file-builtins` (Coccinelle's standard.h is read after it, for the
 * rest).  Each expands to a declaration of the same name, enough for the
 * parser; none is ever compiled.  standard.h's own DEFINE_PER_CPU expands to
 * a `##` paste spatch then rejects, hence ours first.
 */
#define DEFINE_PER_CPU(type, name) type name
#define DECLARE_PER_CPU(type, name) extern type name
#define DEFINE_PER_CPU_READ_MOSTLY(type, name) type name
#define DEFINE_PER_CPU_ALIGNED(type, name) type name
#define DEFINE_PER_CPU_SHARED_ALIGNED(type, name) type name
#define DEFINE_RAW_SPINLOCK(name) raw_spinlock_t name
#define DEFINE_SPINLOCK(name) spinlock_t name
#define DEFINE_MUTEX(name) struct mutex name
#define DEFINE_STATIC_KEY_FALSE(name) struct static_key_false name
#define DEFINE_STATIC_KEY_TRUE(name) struct static_key_true name
#define DEFINE_STATIC_CALL(name, func) int name
