// SPDX-License-Identifier: GPL-2.0
/*
 * Compiler flag filtering on the argv kbuild gave a checker for a real
 * kernel object (linux-source-6.1, arch/x86/coco/tdx/tdx.o, captured once
 * with `make V=1 C=2 CHECK=<argv recorder>`), and on the corner cases.
 *
 *   test-flags KBUILD-ARGV-FILE EXPECTED-FILE
 * Both files hold one word a line; the expected file is gcc's flags, a line
 * "--", then the operands.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flags.h"

#include "tdx_test.h"

static void read_words(const char *path, struct tdx_argv *out)
{
	char line[8192];
	FILE *f = fopen(path, "r");

	if (!f) {
		perror(path);
		exit(2);
	}
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		tdx_argv_push(out, line);
	}
	fclose(f);
}

static bool has(const struct tdx_argv *a, const char *w)
{
	size_t i;

	for (i = 0; i < a->nr; i++)
		if (!strcmp(a->v[i], w))
			return true;
	return false;
}

static void test_kbuild(const char *argv_file, const char *expected_file)
{
	struct tdx_argv in = { 0 }, flags = { 0 }, files = { 0 }, want = { 0 };
	char err[256];
	size_t i, k, f;

	read_words(argv_file, &in);
	read_words(expected_file, &want);
	CHECK(tdx_flags_filter((int)in.nr, in.v, &flags, &files, err, sizeof(err)) == 0,
	      "%s", err);

	/* Exactly the expected flags, in order, then the source. */
	for (i = 0, k = 0; k < want.nr && strcmp(want.v[k], "--"); i++, k++)
		CHECK(i < flags.nr && !strcmp(flags.v[i], want.v[k]), "flag %zu: got '%s' want '%s'",
		      i, i < flags.nr ? flags.v[i] : "(end)", want.v[k]);
	CHECK(i == flags.nr, "%zu flags, %zu expected", flags.nr, i);
	for (f = 0, k++; k < want.nr; f++, k++)
		CHECK(f < files.nr && !strcmp(files.v[f], want.v[k]), "operand %zu", f);
	CHECK(f == files.nr && files.nr == 1, "%zu operands", files.nr);

	/* What gcc needs to read the code as the build does ... */
	for (i = 0; i < in.nr; i++) {
		const char *w = in.v[i];

		if (!strcmp(w, "-include") || !strcmp(w, "-I")) {
			CHECK(has(&flags, w) && has(&flags, in.v[i + 1]), "%s %s lost", w,
			      in.v[i + 1]);
			i++;
		} else if ((!strncmp(w, "-I", 2) || !strncmp(w, "-D", 2) ||
			    !strncmp(w, "-std=", 5) || !strcmp(w, "-nostdinc") ||
			    !strcmp(w, "-O2") || !strcmp(w, "-mcmodel=kernel")) &&
			   strcmp(w, "-D__STDC__")) {
			CHECK(has(&flags, w), "%s lost", w);
		}
	}
	/* ... and nothing sparse-only, no warning option, no dependency file. */
	for (i = 0; i < flags.nr; i++) {
		const char *w = flags.v[i];

		CHECK(strncmp(w, "-W", 2), "%s kept", w);
		CHECK(strcmp(w, "--arch=x86") && strcmp(w, "-mlittle-endian") &&
		      strcmp(w, "-D__STDC__") && strncmp(w, "-D__CHECKER__", 13), "%s kept", w);
		CHECK(!strstr(w, ".o.d"), "dependency file %s kept", w);
	}
	tdx_argv_release(&in);
	tdx_argv_release(&flags);
	tdx_argv_release(&files);
	tdx_argv_release(&want);
}

/* One argv string, space separated, against the expected flags and operands. */
static void expect(const char *argv, const char *want_flags, const char *want_files)
{
	struct tdx_argv in = { 0 }, flags = { 0 }, files = { 0 };
	char buf[1024], got_flags[1024] = "", got_files[1024] = "", err[256];
	char *save = NULL, *w;
	size_t i;

	snprintf(buf, sizeof(buf), "%s", argv);
	for (w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
		tdx_argv_push(&in, w);
	CHECK(tdx_flags_filter((int)in.nr, in.v, &flags, &files, err, sizeof(err)) == 0,
	      "%s: %s", argv, err);
	for (i = 0; i < flags.nr; i++)
		snprintf(got_flags + strlen(got_flags), sizeof(got_flags) - strlen(got_flags),
			 "%s%s", i ? " " : "", flags.v[i]);
	for (i = 0; i < files.nr; i++)
		snprintf(got_files + strlen(got_files), sizeof(got_files) - strlen(got_files),
			 "%s%s", i ? " " : "", files.v[i]);
	CHECK(!strcmp(got_flags, want_flags), "'%s':\n  flags '%s'\n  want  '%s'", argv,
	      got_flags, want_flags);
	CHECK(!strcmp(got_files, want_files), "'%s':\n  files '%s'\n  want  '%s'", argv,
	      got_files, want_files);
	tdx_argv_release(&in);
	tdx_argv_release(&flags);
	tdx_argv_release(&files);
}

static void test_corners(void)
{
	expect("-D__CHECKER__ -D __CHECKER__ -D__CHECKER__=1 -D__CHECKERX a.c",
	       "-D__CHECKERX", "a.c");
	expect("-Wp,-MMD,dir/.a.o.d -Wp,-MD,x.d,-DFOO -Wp,-MT,t,-MF,f.d a.c", "-Wp,-DFOO", "a.c");
	expect("-MD -MF a.d -MT a.o -c -o a.o -g -gdwarf-5 a.c", "", "a.c");
	expect("-iwithprefixbefore dir -isystem /inc -isystem/inc2 -x c a.c",
	       "-iwithprefixbefore dir -isystem /inc -isystem/inc2 -x c", "a.c");
	expect("-gcc-base-dir /usr/lib/gcc -multiarch-dir x86_64 --arch=x86 --os=linux a.c", "",
	       "a.c");
	expect("-fplugin=other.so -fplugin-arg-other-x=1 -fdiagnostic-prefix=x -fno-common a.c",
	       "-fno-common", "a.c");
	expect("--param=allow-store-data-races=0 --param max-inline-insns=10 a.c b.c", "",
	       "a.c b.c");
	expect("-pipe -pg -w -pedantic a.c", "", "a.c");

	{
		struct tdx_argv flags = { 0 }, files = { 0 };
		char *argv[] = { "a.c", "-include" };
		char err[256] = "";

		CHECK(tdx_flags_filter(2, argv, &flags, &files, err, sizeof(err)) == -1 &&
		      strstr(err, "'-include'"), "missing argument: '%s'", err);
		tdx_argv_release(&flags);
		tdx_argv_release(&files);
	}
}

int main(int argc, char *argv[])
{
	if (argc != 3) {
		fprintf(stderr, "usage: test-flags KBUILD-ARGV-FILE EXPECTED-FILE\n");
		return 2;
	}
	test_kbuild(argv[1], argv[2]);
	test_corners();
	return tdx_test_status();
}
