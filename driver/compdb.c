// SPDX-License-Identifier: GPL-2.0
/* Reading compile_commands.json with Jansson. */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "compdb.h"
#include "json_path.h"

/*
 * The kernel writes commands such as -DKBUILD_MODNAME='"tdx"': the quotes
 * are the shell's and must go, the inner ones stay.  Handles '...', "..."
 * with \\ \" \$ \` escapes, and backslash outside quotes.
 */
int tdx_shell_split(const char *cmd, struct tdx_argv *out)
{
	size_t len = strlen(cmd);
	char *word = tdx_xmalloc(len + 1);
	const char *p = cmd;
	size_t n = 0;
	bool in_word = false;

	while (*p) {
		char c = *p++;

		if (c == ' ' || c == '\t' || c == '\n') {
			if (in_word) {
				word[n] = '\0';
				tdx_argv_push(out, word);
				n = 0;
				in_word = false;
			}
			continue;
		}
		in_word = true;
		if (c == '\\') {
			if (*p)
				word[n++] = *p++;
		} else if (c == '\'') {
			while (*p && *p != '\'')
				word[n++] = *p++;
			if (!*p)
				goto unclosed;
			p++;
		} else if (c == '"') {
			while (*p && *p != '"') {
				if (*p == '\\' && p[1] && strchr("\\\"$`", p[1]))
					p++;
				word[n++] = *p++;
			}
			if (!*p)
				goto unclosed;
			p++;
		} else {
			word[n++] = c;
		}
	}
	if (in_word) {
		word[n] = '\0';
		tdx_argv_push(out, word);
	}
	free(word);
	return 0;
unclosed:
	free(word);
	return -1;
}

char *tdx_path_join(const char *dir, const char *file)
{
	char *s;

	if (file[0] == '/' || !dir || !dir[0])
		return tdx_xstrdup(file);
	s = tdx_xmalloc(strlen(dir) + strlen(file) + 2);
	sprintf(s, "%s/%s", dir, file);
	return s;
}

char *tdx_path_canonical(const char *path)
{
	char buf[PATH_MAX];

	return tdx_xstrdup(realpath(path, buf) ? buf : path);
}

static int load_entry(json_t *e, struct tdx_compdb_entry *out, char *err, size_t errlen,
		      const char *path, size_t index)
{
	json_t *dir = json_object_get(e, "directory");
	json_t *file = json_object_get(e, "file");
	json_t *cmd = json_object_get(e, "command");
	json_t *args = json_object_get(e, "arguments");
	struct tdx_argv words = { 0 };
	char *joined, *fname;
	size_t i;

	if (!json_is_object(e) || !json_is_string(dir) || !json_is_string(file) ||
	    !(json_is_string(cmd) || json_is_array(args))) {
		snprintf(err, errlen,
			 "%s: entry %zu lacks \"directory\", \"file\" or a command", path, index);
		return -1;
	}
	if (json_is_array(args)) {
		char **exact;
		size_t n;

		/* "arguments_bytes": words that are not UTF-8 (json_path.h) */
		if (!tdx_json_get_paths(e, "arguments", &exact, &n)) {
			snprintf(err, errlen, "%s: entry %zu: an argument is not a string",
				 path, index);
			return -1;
		}
		for (i = 0; i < n; i++)
			tdx_argv_push(&words, exact[i]);
		tdx_json_free_paths(exact, n);
	} else if (tdx_shell_split(json_string_value(cmd), &words)) {
		snprintf(err, errlen, "%s: entry %zu: unclosed quote in \"command\"", path, index);
		tdx_argv_release(&words);
		return -1;
	}
	if (!words.nr) {
		snprintf(err, errlen, "%s: entry %zu: empty command", path, index);
		return -1;
	}
	/* "directory_bytes"/"file_bytes": names that are not UTF-8 (json_path.h) */
	out->directory = tdx_json_get_path(e, "directory");
	fname = tdx_json_get_path(e, "file");
	if (!out->directory || !fname) {
		snprintf(err, errlen, "%s: entry %zu: a malformed \"directory_bytes\" or "
			 "\"file_bytes\"", path, index);
		free(out->directory);
		out->directory = NULL;
		free(fname);
		tdx_argv_release(&words);
		return -1;
	}
	joined = tdx_path_join(out->directory, fname);
	free(fname);
	out->file = tdx_path_canonical(joined);
	free(joined);
	/* Drop the compiler: tdxcheck runs its own gcc. */
	for (i = 1; i < words.nr; i++)
		tdx_argv_push(&out->args, words.v[i]);
	tdx_argv_release(&words);
	return 0;
}

int tdx_compdb_load(const char *path, struct tdx_compdb *db, char *err, size_t errlen)
{
	struct stat st;
	json_error_t jerr;
	json_t *root;
	char *file;
	size_t i;

	memset(db, 0, sizeof(*db));
	if (stat(path, &st)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		file = tdx_path_join(path, "compile_commands.json");
	} else {
		file = tdx_xstrdup(path);
	}
	root = json_load_file(file, 0, &jerr);
	if (!root) {
		if (access(file, R_OK))
			snprintf(err, errlen, "%s: cannot read: %s", file, strerror(errno));
		else
			snprintf(err, errlen, "%s:%d: %s", file, jerr.line, jerr.text);
		free(file);
		return -1;
	}
	if (!json_is_array(root)) {
		snprintf(err, errlen, "%s: not a compilation database (expected an array)", file);
		json_decref(root);
		free(file);
		return -1;
	}
	db->path = file;
	db->v = tdx_xcalloc(json_array_size(root) + 1, sizeof(*db->v));
	for (i = 0; i < json_array_size(root); i++) {
		if (load_entry(json_array_get(root, i), &db->v[db->nr], err, errlen, file, i)) {
			json_decref(root);
			tdx_compdb_release(db);
			return -1;
		}
		db->nr++;
	}
	json_decref(root);
	return 0;
}

void tdx_compdb_release(struct tdx_compdb *db)
{
	size_t i;

	for (i = 0; i < db->nr; i++) {
		free(db->v[i].directory);
		free(db->v[i].file);
		tdx_argv_release(&db->v[i].args);
	}
	free(db->v);
	free(db->path);
	memset(db, 0, sizeof(*db));
}

const struct tdx_compdb_entry *tdx_compdb_find(const struct tdx_compdb *db,
					       const char *file)
{
	char *want = tdx_path_canonical(file);
	size_t i;

	for (i = 0; i < db->nr; i++) {
		if (!strcmp(db->v[i].file, want)) {
			free(want);
			return &db->v[i];
		}
	}
	free(want);
	return NULL;
}
