// SPDX-License-Identifier: GPL-2.0
/*
 * The identifier table's allocator is wrapped: a new node has no spelling
 * yet when it is allocated (ht_lookup_with_hash fills it in afterwards), so
 * new nodes are queued and their spellings read at the next question, which
 * the plugin asks at each declaration while the answer is still no.
 */
#include "gcc_headers.h"
#include "toplev.h"	/* ident_hash */
#include "model_cxx.h"
#include "name_watch.h"
#include "name_match.h"
#include "xalloc.h"

static struct tdx_name_match match;
static hashnode (*gcc_alloc_node)(cpp_hash_table *);
static hashnode *pending;
static size_t nr_pending, cap_pending;
static bool watching, named;

static hashnode watch_alloc_node(cpp_hash_table *table)
{
	hashnode node = gcc_alloc_node(table);

	if (nr_pending == cap_pending) {
		cap_pending = cap_pending ? 2 * cap_pending : 1024;
		pending = (hashnode *)tdx_xreallocarray(pending, cap_pending, sizeof(*pending));
	}
	pending[nr_pending++] = node;
	return node;
}

static bool names_primitive(hashnode node)
{
	return node->str && tdx_name_match(&match, (const char *)node->str, node->len);
}

/* ht_forall callback over the identifiers that exist before the watch: 0 stops. */
static int check_existing(cpp_reader *reader, hashnode node, const void *data)
{
	(void)reader;
	(void)data;
	if (names_primitive(node))
		named = true;
	return !named;
}

void nw_start(const struct tdx_config *cfg)
{
	tdx_name_match_init(&match, cfg);
	named = false;
	ht_forall(ident_hash, check_existing, NULL);
	if (named)
		return;
	gcc_alloc_node = ident_hash->alloc_node;
	ident_hash->alloc_node = watch_alloc_node;
	watching = true;
}

bool nw_named(void)
{
	size_t i;

	for (i = 0; !named && i < nr_pending; i++)
		named = names_primitive(pending[i]);
	nr_pending = 0;
	if (named)
		nw_stop();
	return named;
}

void nw_stop(void)
{
	if (watching) {
		ident_hash->alloc_node = gcc_alloc_node;
		watching = false;
	}
	free(pending);
	pending = NULL;
	nr_pending = cap_pending = 0;
	tdx_name_match_release(&match);
}
