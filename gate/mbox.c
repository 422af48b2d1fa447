// SPDX-License-Identifier: GPL-2.0
/*
 * Splitting a format-patch mailbox.  Only git's own separator line counts
 * ("From " and a 40 or 64 digit commit id): a commit message may well hold
 * a line starting with "From ", never one shaped like that.
 */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "mbox.h"
#include "xalloc.h"

static bool from_line(const char *s, size_t len)
{
	size_t n = 0;

	if (len < 5 || memcmp(s, "From ", 5))
		return false;
	while (5 + n < len && isxdigit((unsigned char)s[5 + n]))
		n++;
	return (n == 40 || n == 64) && 5 + n < len && s[5 + n] == ' ';
}

size_t gate_mbox_split(const char *buf, size_t len, size_t **starts)
{
	size_t nr = 1, pos = 0;

	*starts = tdx_xmalloc(sizeof(**starts));
	(*starts)[0] = 0;
	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t l = nl ? (size_t)(nl - (buf + pos)) : len - pos;

		if (pos && from_line(buf + pos, l)) {
			*starts = tdx_xreallocarray(*starts, nr + 1, sizeof(**starts));
			(*starts)[nr++] = pos;
		}
		pos += l + 1;
	}
	return nr;
}

char *gate_mail_subject(const char *buf, size_t len)
{
	size_t pos = 0, n = 0;
	char *out = NULL, *s;
	bool in = false;

	while (pos < len) {
		const char *line = buf + pos, *nl = memchr(line, '\n', len - pos);
		size_t l = nl ? (size_t)(nl - line) : len - pos;

		pos += l + 1;
		if (l && line[l - 1] == '\r')
			l--;
		if (!l)
			break;	/* the end of the headers */
		if (in && (line[0] == ' ' || line[0] == '\t')) {
			/* a folded header line goes on after one space */
			while (l && (*line == ' ' || *line == '\t')) {
				line++;
				l--;
			}
			out = tdx_xreallocarray(out, n + l + 2, 1);
			out[n++] = ' ';
		} else if (!in && !out && l >= 8 && !strncasecmp(line, "Subject:", 8)) {
			in = true;
			line += 8;
			l -= 8;
			out = tdx_xmalloc(l + 1);
		} else {
			in = false;
			continue;
		}
		memcpy(out + n, line, l);
		n += l;
		out[n] = '\0';
	}
	if (!out)
		return NULL;
	/* leading blanks and tags: "[PATCH v2 2/3] x86/tdx: ..." */
	for (s = out;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s != '[' || !strchr(s, ']'))
			break;
		s = strchr(s, ']') + 1;
	}
	memmove(out, s, strlen(s) + 1);
	return out;
}
