// SPDX-License-Identifier: GPL-2.0
/*
 * Configuration: which rules run, the scope, and the name patterns that make
 * a function a TDX primitive.  Every front end fills one struct tdx_config
 * from its own flags through these calls, so the flags mean the same
 * everywhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "xalloc.h"

static const char *const default_primitives[] = {
	"__seamcall*", "__tdcall*", "__tdx_module_call", "__tdx_hypercall*",
	"seamcall*", "sc_retry*", "tdcall", "tdh_*",
};

static void add_pattern(struct tdx_config *cfg, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < cfg->nr_primitives; i++)
		if (strlen(cfg->primitives[i]) == n && !strncmp(cfg->primitives[i], s, n))
			return;
	if (cfg->nr_primitives == cfg->cap_primitives) {
		size_t cap = cfg->cap_primitives ? 2 * cfg->cap_primitives : 16;
		cfg->primitives = tdx_xreallocarray(cfg->primitives, cap,
						     sizeof(*cfg->primitives));
		cfg->cap_primitives = cap;
	}
	cfg->primitives[cfg->nr_primitives++] = tdx_xstrndup(s, n);
}

void tdx_config_init(struct tdx_config *cfg)
{
	size_t i;

	memset(cfg, 0, sizeof(*cfg));
	for (i = 0; i < TDX_NR_RULES; i++)
		cfg->enabled[i] = true;
	cfg->scope = TDX_SCOPE_TDX;
	for (i = 0; i < sizeof(default_primitives) / sizeof(default_primitives[0]); i++)
		add_pattern(cfg, default_primitives[i], strlen(default_primitives[i]));
}

void tdx_config_release(struct tdx_config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->nr_primitives; i++)
		free((char *)cfg->primitives[i]);
	free(cfg->primitives);
	cfg->primitives = NULL;
	cfg->nr_primitives = cfg->cap_primitives = 0;
}

/* Calls fn for every non-empty, blank-trimmed item of a comma list. */
static int for_each_item(const char *list,
			 int (*fn)(const char *s, size_t n, void *data), void *data)
{
	const char *p = list ? list : "";

	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		const char *s = p;
		int ret;

		while (n && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (n) {
			ret = fn(s, n, data);
			if (ret)
				return ret;
		}
		if (!end)
			break;
		p = end + 1;
	}
	return 0;
}

struct select_state {
	bool listed[TDX_NR_RULES];
	char *bad;
	size_t badlen;
};

static int select_item(const char *s, size_t n, void *data)
{
	struct select_state *st = data;
	char name[128];
	int id, i;

	if (n >= sizeof(name))
		n = sizeof(name) - 1;
	memcpy(name, s, n);
	name[n] = '\0';
	if (!strcmp(name, "all")) {
		for (i = 0; i < TDX_NR_RULES; i++)
			st->listed[i] = true;
		return 0;
	}
	id = tdx_rule_lookup(name);
	if (id < 0) {
		if (st->bad && st->badlen)
			snprintf(st->bad, st->badlen, "%s", name);
		return -1;
	}
	st->listed[id] = true;
	return 0;
}

int tdx_config_select(struct tdx_config *cfg, const char *list, bool only,
		      char *bad, size_t badlen)
{
	struct select_state st = { .bad = bad, .badlen = badlen };
	int i;

	/* Validate the whole list first: a bad name changes nothing. */
	if (for_each_item(list, select_item, &st))
		return -1;
	for (i = 0; i < TDX_NR_RULES; i++) {
		if (only)
			cfg->enabled[i] = st.listed[i];
		else if (st.listed[i])
			cfg->enabled[i] = false;
	}
	return 0;
}

static int primitive_item(const char *s, size_t n, void *data)
{
	add_pattern(data, s, n);
	return 0;
}

void tdx_config_add_primitives(struct tdx_config *cfg, const char *list)
{
	for_each_item(list, primitive_item, cfg);
}

int tdx_config_set_scope(struct tdx_config *cfg, const char *scope)
{
	if (scope && !strcmp(scope, "tdx"))
		cfg->scope = TDX_SCOPE_TDX;
	else if (scope && !strcmp(scope, "all"))
		cfg->scope = TDX_SCOPE_ALL;
	else
		return -1;
	return 0;
}
