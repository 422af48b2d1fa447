// SPDX-License-Identifier: GPL-2.0
/* Identifier against primitive patterns: literal heads first, fnmatch last. */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "name_match.h"
#include "xalloc.h"

void tdx_name_match_init(struct tdx_name_match *m, const struct tdx_config *cfg)
{
	size_t i;

	m->patterns = cfg->primitives;
	m->nr = cfg->nr_primitives;
	m->head_len = tdx_xcalloc(m->nr + 1, sizeof(*m->head_len));
	for (i = 0; i < m->nr; i++)
		m->head_len[i] = strcspn(m->patterns[i], "*?[\\");
}

void tdx_name_match_release(struct tdx_name_match *m)
{
	free(m->head_len);
	memset(m, 0, sizeof(*m));
}

bool tdx_name_match(const struct tdx_name_match *m, const char *name, size_t len)
{
	char buf[256];
	size_t i;

	for (i = 0; i < m->nr; i++) {
		const char *p = m->patterns[i];
		size_t head = m->head_len[i];

		if (len < head || memcmp(name, p, head))
			continue;
		if (!p[head]) {	/* no wildcard: the head is the whole pattern */
			if (len == head)
				return true;
			continue;
		}
		/* A name too long for buf is said to match: the prefilter errs on checking. */
		if (len >= sizeof(buf))
			return true;
		memcpy(buf, name, len);
		buf[len] = '\0';
		if (!fnmatch(p, buf, 0))
			return true;
	}
	return false;
}
