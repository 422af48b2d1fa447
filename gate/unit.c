// SPDX-License-Identifier: GPL-2.0
/*
 * Compile commands for post-images.  The gate never edits flags for their
 * meaning (the driver filters them for gcc); it only re-points paths, so a
 * patched file is read the way the build reads the original.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "diff.h"
#include "unit.h"
#include "json_path.h"
#include "xalloc.h"

/* Does file end with "/" + rel?  Then *root_len is the length before it. */
static bool ends_with_path(const char *file, const char *rel, size_t *root_len)
{
	size_t fl = strlen(file), rl = strlen(rel);

	if (fl <= rl || file[fl - rl - 1] != '/' || strcmp(file + fl - rl, rel))
		return false;
	*root_len = fl - rl - 1;
	return true;
}

/* The entry for rel, and the tree its file is in (malloc'd in *src_root). */
static const struct tdx_compdb_entry *find_entry(const struct gate_unit_ctx *ctx,
						 const char *rel, char **src_root)
{
	const struct tdx_compdb_entry *e;
	char *full = tdx_path_join(ctx->root, rel);
	size_t i, n;

	e = tdx_compdb_find(ctx->db, full);
	free(full);
	if (e) {
		*src_root = tdx_path_canonical(ctx->root);
		return e;
	}
	for (i = 0; i < ctx->db->nr; i++) {
		if (ends_with_path(ctx->db->v[i].file, rel, &n)) {
			*src_root = tdx_xmalloc(n + 1);
			memcpy(*src_root, ctx->db->v[i].file, n);
			(*src_root)[n] = '\0';
			return &ctx->db->v[i];
		}
	}
	return NULL;
}

/* A header has no entry of its own: a .c of the patch's, or a .c beside it. */
static const struct tdx_compdb_entry *header_entry(const struct gate_unit_ctx *ctx,
						   const char *rel, char **src_root)
{
	const struct tdx_compdb_entry *e;
	const char *slash = strrchr(rel, '/');
	size_t dl = slash ? (size_t)(slash - rel) : 0, i, n;
	char *dir;

	for (i = 0; i < ctx->nr_c_paths; i++) {
		e = find_entry(ctx, ctx->c_paths[i], src_root);
		if (e)
			return e;
	}
	dir = tdx_xmalloc(dl + 2);
	memcpy(dir, rel, dl);
	dir[dl] = '\0';
	for (i = 0; i < ctx->db->nr; i++) {
		const char *f = ctx->db->v[i].file, *fs = strrchr(f, '/');
		size_t flen = strlen(f);

		if (!fs || flen < 2 || strcmp(f + flen - 2, ".c"))
			continue;
		/* the entry's directory must end with "/" + dir (or be any, for a top-level header) */
		if (dl) {
			char *fdir = tdx_xmalloc((size_t)(fs - f) + 1);
			bool ok;

			memcpy(fdir, f, (size_t)(fs - f));
			fdir[fs - f] = '\0';
			ok = ends_with_path(fdir, dir, &n);
			free(fdir);
			if (!ok)
				continue;
		} else {
			n = (size_t)(fs - f);
		}
		*src_root = tdx_xmalloc(n + 1);
		memcpy(*src_root, f, n);
		(*src_root)[n] = '\0';
		free(dir);
		return &ctx->db->v[i];
	}
	free(dir);
	return NULL;
}

static bool is_dir(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

/*
 * dir (as written in the command, relative to cwd) inside src_root: the
 * same directory under check_root when it exists there, else NULL.
 */
static char *overlay(const char *cwd, const char *dir, const char *src_root,
		     const char *check_root)
{
	char *full = tdx_path_join(cwd, dir), *real = tdx_path_canonical(full), *o = NULL;
	size_t n = strlen(src_root);

	if (!strncmp(real, src_root, n) && (real[n] == '/' || !real[n])) {
		o = tdx_path_join(check_root, real[n] ? real + n + 1 : ".");
		if (!is_dir(o)) {
			free(o);
			o = NULL;
		}
	}
	free(full);
	free(real);
	return o;
}

static void push_args(struct gate_unit *u, const struct tdx_argv *words, const char *orig,
		      const char *src_root, const char *check_root)
{
	bool relocated = strcmp(src_root, check_root) != 0;
	char *orig_real = tdx_path_canonical(orig);
	size_t i;

	for (i = 0; i < words->nr; i++) {
		const char *w = words->v[i], *opt = NULL, *dir = NULL;
		char *real, *o;

		if (!strcmp(w, "-I") || !strcmp(w, "-iquote")) {
			if (i + 1 < words->nr) {
				opt = w;
				dir = words->v[i + 1];
			}
		} else if (!strncmp(w, "-I", 2)) {
			opt = "-I";
			dir = w + 2;
		} else if (!strncmp(w, "-iquote", 7)) {
			opt = "-iquote";
			dir = w + 7;
		}
		if (relocated && dir && (o = overlay(u->dir, dir, src_root, check_root))) {
			tdx_argv_push(&u->args, opt);
			tdx_argv_push(&u->args, o);
			free(o);
		}
		/* the source operand itself becomes the post-image */
		if (w[0] != '-') {
			char *full = tdx_path_join(u->dir, w);

			real = tdx_path_canonical(full);
			free(full);
			if (!strcmp(real, orig_real)) {
				tdx_argv_push(&u->args, u->file);
				free(real);
				continue;
			}
			free(real);
		}
		tdx_argv_push(&u->args, w);
	}
	free(orig_real);
}

int gate_unit_make(const struct gate_unit_ctx *ctx, const char *path, struct gate_unit *u,
		   char *err, size_t errlen)
{
	const struct tdx_compdb_entry *e = NULL;
	char cwd[PATH_MAX], *src_root = NULL, *orig, *check_root, *slash;
	bool header = path[strlen(path) - 1] == 'h';

	memset(u, 0, sizeof(*u));
	check_root = tdx_path_canonical(ctx->check_root);
	orig = tdx_path_join(check_root, path);
	/* canonical, as tdxcheck's finding paths are compared with it */
	u->file = tdx_path_canonical(orig);
	free(orig);
	if (ctx->db) {
		e = find_entry(ctx, path, &src_root);
		if (!e && header)
			e = header_entry(ctx, path, &src_root);
		if (!e) {
			snprintf(err, errlen, "%s: not in %s", path, ctx->db->path);
			free(check_root);
			gate_unit_release(u);
			return -1;
		}
		u->dir = tdx_xstrdup(e->directory);
	} else {
		if (!getcwd(cwd, sizeof(cwd))) {
			snprintf(err, errlen, "cannot get the current directory");
			free(check_root);
			gate_unit_release(u);
			return -1;
		}
		u->dir = tdx_xstrdup(cwd);
		src_root = tdx_path_canonical(ctx->root);
	}
	orig = tdx_path_join(src_root, path);
	if (e) {
		/* a header's borrowed entry: its source operand becomes the header;
		 * flags after "--" come last and win, as with tdxcheck -p */
		struct tdx_argv words = { 0 };

		tdx_argv_append(&words, &e->args);
		tdx_argv_append(&words, ctx->flags);
		push_args(u, &words, e->file, src_root, check_root);
		tdx_argv_release(&words);
	} else {
		struct tdx_argv words = { 0 };

		tdx_argv_append(&words, ctx->flags);
		tdx_argv_push(&words, orig);
		push_args(u, &words, orig, src_root, check_root);
		tdx_argv_release(&words);
	}
	if (strcmp(src_root, check_root)) {
		slash = strrchr(orig, '/');
		*slash = '\0';
		tdx_argv_push(&u->args, "-iquote");
		tdx_argv_push(&u->args, orig);
	}
	free(orig);
	free(src_root);
	free(check_root);
	return 0;
}

void gate_unit_release(struct gate_unit *u)
{
	free(u->dir);
	free(u->file);
	tdx_argv_release(&u->args);
	memset(u, 0, sizeof(*u));
}

int gate_units_write(const char *json_path, const struct gate_unit *u, size_t nr)
{
	json_t *root = json_array();
	size_t i;
	int ret;

	for (i = 0; i < nr; i++) {
		json_t *entry = json_object();
		const char **words = tdx_xcalloc(u[i].args.nr + 1, sizeof(*words));

		/* names of any bytes survive, in the file and in its arguments */
		tdx_json_set_path(entry, "directory", u[i].dir);
		tdx_json_set_path(entry, "file", u[i].file);
		words[0] = "cc";
		memcpy(words + 1, u[i].args.v, u[i].args.nr * sizeof(*words));
		tdx_json_set_paths(entry, "arguments", words, u[i].args.nr + 1);
		free(words);
		json_array_append_new(root, entry);
	}
	ret = json_dump_file(root, json_path, JSON_INDENT(1));
	json_decref(root);
	return ret ? -1 : 0;
}
