// SPDX-License-Identifier: GPL-2.0
/*
 * Section lookup in an ELF object: see elf_reader.h.
 *
 * Only the ELF header, the section header table and the section name string
 * table are read, field by field at their offsets in the file's byte order,
 * so nothing depends on the host's struct layout or endianness.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf_reader.h"
#include "xalloc.h"

#define EI_CLASS	4
#define EI_DATA		5
#define ELFCLASS32	1
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define ELFDATA2MSB	2
#define SHT_NOBITS	8
#define SHN_UNDEF	0
#define SHN_XINDEX	0xffff

struct elf {
	const unsigned char *buf;
	size_t len;
	bool is64, big;
};

static uint64_t get(const struct elf *e, size_t off, unsigned int size)
{
	uint64_t v = 0;
	unsigned int i;

	for (i = 0; i < size; i++) {
		unsigned int b = e->big ? i : size - 1 - i;

		v = v << 8 | e->buf[off + b];
	}
	return v;
}

bool tdx_elf_is_elf(const unsigned char *buf, size_t len)
{
	return len >= 4 && !memcmp(buf, "\177ELF", 4);
}

/* One section header's fields. */
struct shdr {
	uint64_t name, type, offset, size;
};

static void read_shdr(const struct elf *e, size_t at, struct shdr *s)
{
	s->name = get(e, at, 4);
	s->type = get(e, at + 4, 4);
	if (e->is64) {
		s->offset = get(e, at + 24, 8);
		s->size = get(e, at + 32, 8);
	} else {
		s->offset = get(e, at + 16, 4);
		s->size = get(e, at + 20, 4);
	}
}

static bool in_file(const struct elf *e, uint64_t off, uint64_t size)
{
	return off <= e->len && size <= e->len - off;
}

int tdx_elf_sections(const unsigned char *buf, size_t len, const char *name,
		     struct tdx_elf_span **spans, size_t *nr, char *err, size_t errlen)
{
	struct elf e = { .buf = buf, .len = len };
	uint64_t shoff, shentsize, shnum, shstrndx, i;
	struct shdr strtab, s;
	size_t name_len = strlen(name), cap = 0;

	*spans = NULL;
	*nr = 0;
	if (!tdx_elf_is_elf(buf, len) || len < 52) {
		snprintf(err, errlen, "not an ELF object");
		return -1;
	}
	if ((buf[EI_CLASS] != ELFCLASS32 && buf[EI_CLASS] != ELFCLASS64) ||
	    (buf[EI_DATA] != ELFDATA2LSB && buf[EI_DATA] != ELFDATA2MSB)) {
		snprintf(err, errlen, "unknown ELF class or byte order");
		return -1;
	}
	e.is64 = buf[EI_CLASS] == ELFCLASS64;
	e.big = buf[EI_DATA] == ELFDATA2MSB;
	if (e.is64 && len < 64) {
		snprintf(err, errlen, "truncated ELF header");
		return -1;
	}
	shoff = get(&e, e.is64 ? 40 : 32, e.is64 ? 8 : 4);
	shentsize = get(&e, e.is64 ? 58 : 46, 2);
	shnum = get(&e, e.is64 ? 60 : 48, 2);
	shstrndx = get(&e, e.is64 ? 62 : 50, 2);
	if (!shoff)
		return 0;	/* no section table: nothing to find */
	if (shentsize < (e.is64 ? 64u : 40u) || !in_file(&e, shoff, shentsize)) {
		snprintf(err, errlen, "bad ELF section header table");
		return -1;
	}
	/* Many sections: the real counts live in section 0. */
	read_shdr(&e, (size_t)shoff, &s);
	if (shnum == 0)
		shnum = s.size;
	if (shstrndx == SHN_XINDEX)
		shstrndx = get(&e, (size_t)shoff + (e.is64 ? 44 : 28), 4);
	if (shnum > (len - shoff) / shentsize || shstrndx == SHN_UNDEF || shstrndx >= shnum) {
		snprintf(err, errlen, "bad ELF section header table");
		return -1;
	}
	read_shdr(&e, (size_t)(shoff + shstrndx * shentsize), &strtab);
	if (strtab.type == SHT_NOBITS || !in_file(&e, strtab.offset, strtab.size)) {
		snprintf(err, errlen, "bad ELF section name table");
		return -1;
	}
	for (i = 1; i < shnum; i++) {
		read_shdr(&e, (size_t)(shoff + i * shentsize), &s);
		if (s.name >= strtab.size || strtab.size - s.name < name_len + 1 ||
		    memcmp(buf + strtab.offset + s.name, name, name_len + 1))
			continue;
		if (s.type == SHT_NOBITS || !in_file(&e, s.offset, s.size)) {
			free(*spans);
			*spans = NULL;
			*nr = 0;
			snprintf(err, errlen, "section %s lies outside the file", name);
			return -1;
		}
		if (*nr == cap) {
			cap = cap ? 2 * cap : 4;
			*spans = tdx_xreallocarray(*spans, cap, sizeof(**spans));
		}
		(*spans)[*nr].off = (size_t)s.offset;
		(*spans)[(*nr)++].len = (size_t)s.size;
	}
	return 0;
}
