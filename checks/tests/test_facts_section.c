// SPDX-License-Identifier: GPL-2.0
/*
 * The facts blob (facts_section.c) on every unit-test model: a decoded blob
 * encodes to the same bytes (nothing tdx_facts_record() stores is lost), it
 * holds exactly the functions and calls the database would, blobs that
 * follow each other are told apart, and every truncation, an unknown
 * version and every single corrupted byte give an error or a unit, never a
 * crash or a read past the end.
 *
 * Usage: test_facts_section MODEL.json...
 */
#include <stdlib.h>
#include <string.h>

#include "facts_section.h"
#include "model_json.h"
#include "tdx_test.h"

static size_t kept_functions(const struct tdx_tu *tu)
{
	size_t i, n = 0;

	for (i = 0; i < tu->nr_funcs; i++) {
		const struct tdx_function *fn = tu->funcs[i];

		n += fn->is_definition || fn->spelled_unused || fn->address_taken || fn->is_static;
	}
	return n;
}

static void check_model(const char *path)
{
	char err[256];
	struct tdx_tu *tu = tdx_model_load_file(path, err, sizeof(err)), *back;
	unsigned char *blob, *again, *two;
	size_t len, len2, used = 0, cut, i;
	unsigned int version;

	CHECK(tu != NULL, "%s: %s", path, err);
	if (!tu)
		return;
	blob = tdx_facts_encode(tu, "/src/unit.c", &len);
	back = tdx_facts_decode(blob, len, &used, &version, err, sizeof(err));
	CHECK(back && used == len && version == TDX_FACTS_VERSION, "%s: decode: %s", path,
	      back ? "" : err);
	if (!back)
		goto out;
	CHECK(!strcmp(back->main_file, "/src/unit.c"), "%s: unit key '%s'", path,
	      back->main_file);
	CHECK(back->nr_funcs == kept_functions(tu) && back->nr_calls == tu->nr_calls,
	      "%s: %zu functions, %zu calls back, want %zu, %zu", path, back->nr_funcs,
	      back->nr_calls, kept_functions(tu), tu->nr_calls);
	again = tdx_facts_encode(back, back->main_file, &len2);
	CHECK(len2 == len && !memcmp(again, blob, len), "%s: re-encoded blob differs", path);
	free(again);
	tdx_tu_free(back);

	/* Two blobs back to back, as ld -r leaves them: the first ends where it says. */
	two = malloc(2 * len);
	memcpy(two, blob, len);
	memcpy(two + len, blob, len);
	back = tdx_facts_decode(two, 2 * len, &used, &version, err, sizeof(err));
	CHECK(back && used == len, "%s: first of two blobs: used %zu of %zu", path, used, len);
	if (back)
		tdx_tu_free(back);

	for (cut = 0; cut < len; cut++) {
		back = tdx_facts_decode(blob, cut, &used, &version, err, sizeof(err));
		CHECK(!back && err[0], "%s: %zu of %zu bytes decoded", path, cut, len);
		if (back)
			tdx_tu_free(back);
	}

	memcpy(two, blob, len);
	two[4] = TDX_FACTS_VERSION + 1;
	back = tdx_facts_decode(two, len, &used, &version, err, sizeof(err));
	CHECK(!back && version == TDX_FACTS_VERSION + 1 && strstr(err, "version"),
	      "%s: unknown version: '%s'", path, err);

	for (i = 0; i < len; i++) {
		memcpy(two, blob, len);
		two[i] ^= 0xff;
		back = tdx_facts_decode(two, len, &used, &version, err, sizeof(err));
		CHECK(back || err[0], "%s: byte %zu corrupted: no unit and no reason", path, i);
		if (back)
			tdx_tu_free(back);
	}
	free(two);
out:
	free(blob);
	tdx_tu_free(tu);
}

int main(int argc, char *argv[])
{
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: test_facts_section MODEL.json...\n");
		return 2;
	}
	for (i = 1; i < argc; i++)
		check_model(argv[i]);
	return tdx_test_status();
}
