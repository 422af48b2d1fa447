// SPDX-License-Identifier: GPL-2.0
/*
 * ar archives: see ar_reader.h.
 *
 * Each member has a 60-byte header: name (16), date (12), uid (6), gid (6),
 * mode (8), size (10, decimal), "`\n".  GNU names end in '/'; "/" and
 * "/SYM64/" are symbol tables, "//" the table of long names, which "/N"
 * names point into (each long name ends in "/\n").  A thin archive stores
 * the data of those tables but not of its members.  Data is padded to an
 * even offset.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_reader.h"
#include "xalloc.h"

#define AR_MAGIC_LEN	8
#define AR_HDR_LEN	60

bool tdx_ar_is_archive(const unsigned char *buf, size_t len, bool *thin)
{
	if (len < AR_MAGIC_LEN)
		return false;
	*thin = !memcmp(buf, "!<thin>\n", AR_MAGIC_LEN);
	return *thin || !memcmp(buf, "!<arch>\n", AR_MAGIC_LEN);
}

/* A decimal header field, right-padded with spaces; -1 when malformed. */
static long long field_num(const unsigned char *p, size_t n)
{
	long long v = 0;
	size_t i = 0;

	while (i < n && p[i] == ' ')
		i++;
	if (i == n)
		return -1;
	for (; i < n && p[i] != ' '; i++) {
		if (p[i] < '0' || p[i] > '9' || v > (1LL << 50))
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	for (; i < n; i++)
		if (p[i] != ' ')
			return -1;
	return v;
}

/* The member's name in a fresh string, or NULL when it does not decode. */
static char *member_name(const unsigned char *hdr, const unsigned char *names, size_t names_len)
{
	const unsigned char *end;
	long long off;

	if (hdr[0] == '/' && hdr[1] >= '0' && hdr[1] <= '9') {
		off = field_num(hdr + 1, 15);
		if (!names || off < 0 || (size_t)off >= names_len)
			return NULL;
		end = memchr(names + off, '\n', names_len - (size_t)off);
		if (!end || end == names + off || end[-1] != '/')
			return NULL;
		return tdx_xstrndup((const char *)names + off, (size_t)(end - 1 - (names + off)));
	}
	end = memchr(hdr, '/', 16);
	if (!end || end == hdr)
		return NULL;
	return tdx_xstrndup((const char *)hdr, (size_t)(end - hdr));
}

int tdx_ar_members(const unsigned char *buf, size_t len,
		   int (*fn)(const struct tdx_ar_member *m, void *ctx), void *ctx,
		   char *err, size_t errlen)
{
	const unsigned char *names = NULL;
	size_t names_len = 0, pos = AR_MAGIC_LEN;
	bool thin;
	int ret;

	if (!tdx_ar_is_archive(buf, len, &thin)) {
		snprintf(err, errlen, "not an ar archive");
		return -1;
	}
	while (pos < len) {
		const unsigned char *hdr = buf + pos;
		struct tdx_ar_member m = { 0 };
		bool table;
		long long size;
		char *name;

		size = len - pos < AR_HDR_LEN ? -1 : field_num(hdr + 48, 10);
		if (size < 0 || memcmp(hdr + 58, "`\n", 2)) {
			snprintf(err, errlen, "bad archive member header at offset %zu", pos);
			return -1;
		}
		pos += AR_HDR_LEN;
		table = hdr[0] == '/' && (hdr[1] == ' ' || hdr[1] == '/' ||
					  !memcmp(hdr, "/SYM64/", 7));
		/* A thin archive holds the data of its tables only. */
		if ((table || !thin) && (unsigned long long)size > len - pos) {
			snprintf(err, errlen, "archive member at offset %zu is truncated",
				 pos - AR_HDR_LEN);
			return -1;
		}
		if (table) {
			if (hdr[1] == '/' && hdr[2] == ' ') {
				names = buf + pos;
				names_len = (size_t)size;
			}
		} else {
			name = member_name(hdr, names, names_len);
			if (!name) {
				snprintf(err, errlen, "bad archive member name at offset %zu",
					 pos - AR_HDR_LEN);
				return -1;
			}
			m.name = name;
			m.data = thin ? NULL : buf + pos;
			m.len = (size_t)size;
			ret = fn(&m, ctx);
			free(name);
			if (ret)
				return ret;
		}
		if (table || !thin)
			pos += (size_t)size + ((size_t)size & 1);
	}
	return 0;
}
