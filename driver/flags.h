/* SPDX-License-Identifier: GPL-2.0 */
/*
 * From a checker's argv (kbuild: CHECKFLAGS, the object's c_flags, the
 * source) or a compile_commands.json command to the flags gcc needs to parse
 * the same code with -fsyntax-only.
 */
#ifndef TDXCHECK_DRIVER_FLAGS_H
#define TDXCHECK_DRIVER_FLAGS_H

#include <stddef.h>

#include "argv.h"

/*
 * Append to flags what gcc must see to read the code as the build does
 * (include paths, macros, forced includes, the language standard, target
 * and -f options) and to files every operand.  Dropped: sparse-only flags
 * (--arch=, -mlittle-endian, -gcc-base-dir DIR, every -W option, whose
 * warnings tdxcheck does not print anyway), dependency output (-MD, -MF FILE,
 * -Wp,-MMD,FILE), output and mode (-o FILE, -c, -S, -E), debug info, other
 * GCC plugins, and any definition of __CHECKER__ or __STDC__.
 * Returns 0, or -1 with err naming an option that lacks its argument.
 */
int tdx_flags_filter(int argc, char *const argv[], struct tdx_argv *flags,
		     struct tdx_argv *files, char *err, size_t errlen);

#endif /* TDXCHECK_DRIVER_FLAGS_H */
