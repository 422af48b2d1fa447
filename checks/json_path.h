/* SPDX-License-Identifier: GPL-2.0 */
/*
 * File names in JSON.  A Linux file name is any bytes; a JSON string is
 * Unicode, and Jansson refuses a string that is not UTF-8 (json_string()
 * returns NULL, and the member silently goes missing).  A name that is
 * UTF-8 is written as it is.  Any other is written twice: as "KEY", readable,
 * with U+FFFD for each byte that is not UTF-8, and as "KEY_bytes", exact,
 * with every byte below 0x20, from 0x7f and '%' spelled %XX.  Readers take
 * "KEY_bytes" when it is there.
 */
#ifndef TDXCHECK_JSON_PATH_H
#define TDXCHECK_JSON_PATH_H

#include <jansson.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Set obj's member key (and key_bytes when needed) to path; NULL sets null. */
void tdx_json_set_path(json_t *obj, const char *key, const char *path);

/*
 * The exact bytes of obj's member key, malloc'd: from key_bytes when present,
 * else key's string.  NULL when key is absent, not a string, or key_bytes is
 * not a string of bytes and %XX escapes.
 */
char *tdx_json_get_path(json_t *obj, const char *key);

/*
 * The same for a list of words (a compiler's arguments, one of which may be a
 * file name): key holds them readable, key_bytes (only when some word is not
 * UTF-8) every word exact.
 */
void tdx_json_set_paths(json_t *obj, const char *key, const char *const *words, size_t nr);

/*
 * The exact words of obj's list key into *words (malloc'd, *nr of them; free
 * with tdx_json_free_paths()).  Returns the list read, or NULL when key is
 * absent, not an array, or holds a word that is not a string (or a malformed
 * key_bytes).
 */
json_t *tdx_json_get_paths(json_t *obj, const char *key, char ***words, size_t *nr);
void tdx_json_free_paths(char **words, size_t nr);

#ifdef __cplusplus
}
#endif

#endif /* TDXCHECK_JSON_PATH_H */
