/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Just enough of ELF to find a section by name in a relocatable object held
 * in memory: the facts section that the plugin's facts-section key writes.
 * 64- and 32-bit, either byte order; every offset is checked against the
 * buffer, so a truncated or hostile file is an error, never a crash.
 */
#ifndef TDXCHECK_ELF_READER_H
#define TDXCHECK_ELF_READER_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct tdx_elf_span {
	size_t off, len;	/* in the object's buffer */
};

/* buf starts with the ELF magic. */
bool tdx_elf_is_elf(const unsigned char *buf, size_t len);

/*
 * The sections called name in the object at buf, in section-table order, in
 * a vector the caller frees (*nr entries; NULL and 0 when there are none).
 * Returns 0, or -1 with a one-line reason in err.
 */
int tdx_elf_sections(const unsigned char *buf, size_t len, const char *name,
		     struct tdx_elf_span **spans, size_t *nr, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif /* TDXCHECK_ELF_READER_H */
