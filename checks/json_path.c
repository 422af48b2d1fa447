// SPDX-License-Identifier: GPL-2.0
/*
 * File names of any bytes in JSON: see json_path.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_path.h"
#include "xalloc.h"

/* Length of the well-formed UTF-8 sequence at s (left bytes available), or 0. */
static size_t utf8_len(const unsigned char *s, size_t left)
{
	unsigned int cp;
	size_t n, i;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0) {
		n = 2;
		cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3;
		cp = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (n > left)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* overlong forms, surrogates and beyond U+10FFFF are not UTF-8 */
	if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/* path with U+FFFD for every byte that is not part of a UTF-8 sequence. */
static char *readable(const char *path)
{
	const unsigned char *s = (const unsigned char *)path;
	size_t len = strlen(path), i = 0, o = 0;
	char *out = tdx_xmalloc(3 * len + 1);

	while (i < len) {
		size_t n = utf8_len(s + i, len - i);

		if (n) {
			memcpy(out + o, s + i, n);
			o += n;
			i += n;
		} else {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			i++;
		}
	}
	out[o] = '\0';
	return out;
}

static char *escaped(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t len = strlen(path), i, o = 0;
	char *out = tdx_xmalloc(3 * len + 1);

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)path[i];

		if (c < 0x20 || c >= 0x7f || c == '%') {
			out[o++] = '%';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		} else {
			out[o++] = (char)c;
		}
	}
	out[o] = '\0';
	return out;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* The bytes of an escaped() string, or NULL when it is not one (or holds a NUL). */
static char *unescaped(const char *s)
{
	size_t len = strlen(s), i, o = 0;
	char *out = tdx_xmalloc(len + 1);

	for (i = 0; i < len; i++) {
		int hi, lo;

		if (s[i] != '%') {
			out[o++] = s[i];
			continue;
		}
		/* the string's NUL is no hex digit: neither read goes past it */
		hi = hex_value(s[i + 1]);
		lo = hi >= 0 ? hex_value(s[i + 2]) : -1;
		if (lo < 0 || (hi == 0 && lo == 0)) {
			free(out);
			return NULL;
		}
		out[o++] = (char)(hi << 4 | lo);
		i += 2;
	}
	out[o] = '\0';
	return out;
}

void tdx_json_set_path(json_t *obj, const char *key, const char *path)
{
	json_t *s;
	char *text, *bytes_key;

	if (!path) {
		json_object_set_new(obj, key, json_null());
		return;
	}
	s = json_string(path);
	if (s) {
		json_object_set_new(obj, key, s);
		return;
	}
	text = readable(path);
	json_object_set_new(obj, key, json_string(text));
	free(text);
	text = escaped(path);
	bytes_key = tdx_xasprintf("%s_bytes", key);
	json_object_set_new(obj, bytes_key, json_string(text));
	free(bytes_key);
	free(text);
}

char *tdx_json_get_path(json_t *obj, const char *key)
{
	char *bytes_key = tdx_xasprintf("%s_bytes", key);
	json_t *bytes = json_object_get(obj, bytes_key);
	const char *s;

	free(bytes_key);
	if (bytes)
		return json_is_string(bytes) ? unescaped(json_string_value(bytes)) : NULL;
	s = json_string_value(json_object_get(obj, key));
	return s ? tdx_xstrdup(s) : NULL;
}

void tdx_json_set_paths(json_t *obj, const char *key, const char *const *words, size_t nr)
{
	json_t *plain = json_array(), *exact = NULL;
	size_t i;

	for (i = 0; i < nr; i++) {
		json_t *s = json_string(words[i]);

		if (!s && !exact) {
			/* the first word that is not UTF-8: every word again, exact */
			size_t k;

			exact = json_array();
			for (k = 0; k < i; k++)
				json_array_append_new(exact, json_string(words[k]));
		}
		if (exact) {
			char *text = escaped(words[i]);

			json_array_append_new(exact, json_string(text));
			free(text);
		}
		if (!s) {
			char *text = readable(words[i]);

			s = json_string(text);
			free(text);
		}
		json_array_append_new(plain, s);
	}
	json_object_set_new(obj, key, plain);
	if (exact) {
		char *bytes_key = tdx_xasprintf("%s_bytes", key);

		json_object_set_new(obj, bytes_key, exact);
		free(bytes_key);
	}
}

json_t *tdx_json_get_paths(json_t *obj, const char *key, char ***words, size_t *nr)
{
	char *bytes_key = tdx_xasprintf("%s_bytes", key);
	json_t *exact = json_object_get(obj, bytes_key), *list;
	size_t i;

	free(bytes_key);
	list = exact ? exact : json_object_get(obj, key);
	*words = NULL;
	*nr = 0;
	if (!json_is_array(list))
		return NULL;
	*words = tdx_xcalloc(json_array_size(list) + 1, sizeof(**words));
	for (i = 0; i < json_array_size(list); i++) {
		const char *s = json_string_value(json_array_get(list, i));

		(*words)[i] = !s ? NULL : exact ? unescaped(s) : tdx_xstrdup(s);
		if (!(*words)[i]) {
			tdx_json_free_paths(*words, i);
			*words = NULL;
			return NULL;
		}
	}
	*nr = i;
	return list;
}

void tdx_json_free_paths(char **words, size_t nr)
{
	size_t i;

	for (i = 0; i < nr; i++)
		free(words[i]);
	free(words);
}
