// SPDX-License-Identifier: GPL-2.0
/*
 * Compare two `--dump-model` outputs, the GCC plugin's and the clang front
 * end's, fact by fact; print each difference with its JSON path.
 *
 * Every fact must match exactly (functions in order, parameters, types,
 * attributes as spelled, calls in order with callee, pointer target,
 * argument kinds and result use, the statement tree with lines, braces,
 * else, macro origin, the stores and the expansions), except one that
 * legitimately differs: the column of a read.  GENERIC gives a variable no
 * location, so the plugin records the read at the expression around it (an
 * operator, a call) where clang has the variable's own; the line and the
 * call it is an argument of must still match.  (loc.handle, the other
 * front-end-private fact, is not in a dump at all.)
 *
 * Usage: compare-dumps PLUGIN.json CLANG.json; exit 0 equal, 1 different.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

static int differences;

static void differ(const char *path, const json_t *a, const json_t *b)
{
	char *sa = a ? json_dumps(a, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
	char *sb = b ? json_dumps(b, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;

	if (differences++ < 50)
		printf("%s: plugin %.200s, clang %.200s\n", path, sa ? sa : "(none)",
		       sb ? sb : "(none)");
	free(sa);
	free(sb);
}

static void compare(const char *path, const json_t *a, const json_t *b, bool in_read)
{
	char sub[1024];

	if (!a || !b || json_typeof(a) != json_typeof(b)) {
		differ(path, a, b);
		return;
	}
	if (json_is_object(a)) {
		const char *key;
		json_t *va;

		json_object_foreach((json_t *)a, key, va) {
			bool read = in_read || !strcmp(key, "reads");

			if (in_read && !strcmp(key, "col"))
				continue;	/* the one fact that legitimately differs */
			snprintf(sub, sizeof(sub), "%s.%s", path, key);
			compare(sub, va, json_object_get(b, key), read);
		}
		json_object_foreach((json_t *)b, key, va) {
			if (!json_object_get(a, key)) {
				snprintf(sub, sizeof(sub), "%s.%s", path, key);
				differ(sub, NULL, va);
			}
		}
		return;
	}
	if (json_is_array(a)) {
		size_t i, na = json_array_size(a), nb = json_array_size(b);

		if (na != nb) {
			differ(path, a, b);
			return;
		}
		for (i = 0; i < na; i++) {
			const json_t *e = json_array_get(a, i);
			const json_t *name = json_is_object(e) ? json_object_get(e, "name") : NULL;

			/* functions and variables are named in the path, not numbered */
			if (json_is_string(name))
				snprintf(sub, sizeof(sub), "%s[%s]", path, json_string_value(name));
			else
				snprintf(sub, sizeof(sub), "%s[%zu]", path, i);
			compare(sub, e, json_array_get(b, i), in_read);
		}
		return;
	}
	if (!json_equal((json_t *)a, (json_t *)b))
		differ(path, a, b);
}

int main(int argc, char **argv)
{
	json_error_t e;
	json_t *a, *b;

	if (argc != 3) {
		fprintf(stderr, "usage: compare-dumps PLUGIN.json CLANG.json\n");
		return 2;
	}
	a = json_load_file(argv[1], 0, &e);
	if (!a) {
		fprintf(stderr, "compare-dumps: %s:%d: %s\n", argv[1], e.line, e.text);
		return 2;
	}
	b = json_load_file(argv[2], 0, &e);
	if (!b) {
		fprintf(stderr, "compare-dumps: %s:%d: %s\n", argv[2], e.line, e.text);
		return 2;
	}
	compare("model", a, b, false);
	json_decref(a);
	json_decref(b);
	if (differences)
		printf("%d difference(s)\n", differences);
	return differences ? 1 : 0;
}
