// SPDX-License-Identifier: GPL-2.0
/*
 * tdxcheck-clang: the libclang front end as a command, what gcc plus the
 * plugin is for the GCC front end.  It takes a compiler command line (the
 * flags, then the file), parses the file with libclang, builds the model
 * and runs the rules; `tdxcheck --frontend=clang` runs one per file.
 *
 *   tdxcheck-clang [--tdx-OPTION]... [COMPILER-FLAG]... FILE
 *
 * Like the plugin, it reports gcc-style on stderr, or writes the findings
 * (--tdx-findings=FILE), the model (--tdx-dump-model=FILE) or the unit's
 * facts (--tdx-db=FILE) for the driver.  A file that does not parse is
 * clang's errors on stderr and exit status 1, as a failed compile is.
 *
 * A separate program rather than libclang linked into tdxcheck: each file
 * gets a fresh process (libclang keeps per-process caches and may abort on
 * broken input), the driver's -j runs them in parallel as it runs gcc, and
 * tdxcheck itself does not need libclang installed to check with GCC.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <clang-c/Index.h>

#include "build_model.h"
#include "clang_flags.h"
#include "facts.h"
#include "model_json.h"
#include "operators.h"
#include "report.h"
#include "rules.h"
#include "tokens.h"

static const char usage[] =
	"Usage: tdxcheck-clang [--tdx-OPTION]... [COMPILER-FLAG]... FILE\n"
	"Check FILE with the libclang front end of tdxcheck.  Every word that is not\n"
	"a --tdx- option is a compiler flag; gcc-only flags clang does not know are\n"
	"dropped.  Usually run by `tdxcheck --frontend=clang`.\n"
	"\n"
	"  --tdx-rules=LIST       only these rules\n"
	"  --tdx-ignore=LIST      all rules but these\n"
	"  --tdx-scope=tdx|all    judge only TDX code (default) or every function\n"
	"  --tdx-primitives=LIST  extra TDX primitive name patterns (fnmatch)\n"
	"  --tdx-error            exit 1 when anything is reported\n"
	"  --tdx-findings=FILE    write the findings as JSON instead of reporting them\n"
	"  --tdx-dump-model=FILE  write the unit's model as JSON\n"
	"  --tdx-db=FILE          record the unit's facts for whole-build rules\n"
	"\n"
	"Exit status: 0 checked, 1 a file that did not parse (or findings with\n"
	"--tdx-error), 2 bad usage.\n";

struct run {
	struct tdx_config cfg;
	const char *findings, *dump, *db;
	bool as_error;
	const char *file;
	const char **args;
	int nr_args;
};

static const char *value_of(const char *arg, const char *name)
{
	size_t n = strlen(name);

	if (strncmp(arg, name, n) || arg[n] != '=' || !arg[n + 1])
		return NULL;
	return arg + n + 1;
}

static int parse_options(struct run *r, int argc, char **argv)
{
	char bad[128];
	const char *v;
	int i;

	tdx_config_init(&r->cfg);
	r->args = calloc((size_t)argc + 1, sizeof(*r->args));
	if (!r->args)
		return -1;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage, stdout);
			exit(0);
		}
		if (strncmp(a, "--tdx-", 6)) {
			r->args[r->nr_args++] = a;
			continue;
		}
		if ((v = value_of(a, "--tdx-rules")) || (v = value_of(a, "--tdx-ignore"))) {
			bool only = !strncmp(a, "--tdx-rules", 11);

			if (tdx_config_select(&r->cfg, v, only, bad, sizeof(bad))) {
				fprintf(stderr, "tdxcheck-clang: unknown rule '%s' in '%s'\n",
					bad, a);
				return -1;
			}
		} else if ((v = value_of(a, "--tdx-scope"))) {
			if (tdx_config_set_scope(&r->cfg, v)) {
				fprintf(stderr, "tdxcheck-clang: unknown scope '%s' (tdx, all)\n", v);
				return -1;
			}
		} else if ((v = value_of(a, "--tdx-primitives"))) {
			tdx_config_add_primitives(&r->cfg, v);
		} else if ((v = value_of(a, "--tdx-findings"))) {
			r->findings = v;
		} else if ((v = value_of(a, "--tdx-dump-model"))) {
			r->dump = v;
		} else if ((v = value_of(a, "--tdx-db"))) {
			r->db = v;
		} else if (!strcmp(a, "--tdx-error")) {
			r->as_error = true;
		} else {
			fprintf(stderr, "tdxcheck-clang: unknown option '%s' (see --help)\n", a);
			return -1;
		}
	}
	if (!r->nr_args || r->args[r->nr_args - 1][0] == '-') {
		fprintf(stderr, "tdxcheck-clang: no input file (see --help)\n");
		return -1;
	}
	r->file = r->args[--r->nr_args];
	return 0;
}

/* clang's errors, as clang prints them; true when there was one. */
static bool report_errors(CXTranslationUnit ctu)
{
	unsigned int i, n = clang_getNumDiagnostics(ctu);
	bool errors = false;

	for (i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(ctu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);

		if (sev >= CXDiagnostic_Error) {
			CXString s = clang_formatDiagnostic(d,
				clang_defaultDiagnosticDisplayOptions());

			fprintf(stderr, "%s\n", clang_getCString(s));
			clang_disposeString(s);
			errors = true;
		}
		clang_disposeDiagnostic(d);
	}
	return errors;
}

static int write_out(const char *path, const char *what, struct tdx_tu *tu,
		     const struct tdx_findings *fs)
{
	FILE *f = fopen(path, "w");
	int bad;

	if (!f) {
		fprintf(stderr, "tdxcheck-clang: cannot write the %s to '%s'\n", what, path);
		return -1;
	}
	bad = tu ? tdx_model_dump(f, tu) : tdx_report_json(f, fs);
	if (fclose(f) || bad) {
		fprintf(stderr, "tdxcheck-clang: cannot write the %s to '%s'\n", what, path);
		return -1;
	}
	return 0;
}

static int check_unit(int argc, char **argv)
{
	struct tdx_findings findings = { NULL, 0, 0 };
	struct run r = { 0 };
	struct clang_args cargs;
	CXTranslationUnit ctu = NULL;
	enum CXErrorCode err;
	struct tdx_tu *tu;
	CXIndex index;
	int ret = 0;

	if (parse_options(&r, argc, argv))
		return 2;
	clang_args_build(&cargs, r.args, r.nr_args);
	index = clang_createIndex(0, 0);
	if (!ops_init(index) && getenv("TDXCHECK_CLANG_DEBUG"))
		fprintf(stderr, "tdxcheck-clang: operators from tokens only\n");
	err = clang_parseTranslationUnit2(index, r.file, (const char *const *)cargs.v,
					  (int)cargs.nr, NULL, 0,
					  /* the skipped #if groups, for tokens.c */
					  CXTranslationUnit_DetailedPreprocessingRecord, &ctu);
	if (err != CXError_Success || !ctu) {
		fprintf(stderr, "tdxcheck-clang: %s: libclang could not parse it (error %d)\n",
			r.file, (int)err);
		clang_disposeIndex(index);
		return 1;
	}
	if (report_errors(ctu)) {
		clang_disposeTranslationUnit(ctu);
		clang_disposeIndex(index);
		return 1;
	}
	tu = bm_build(ctu, r.file);
	if (r.dump && write_out(r.dump, "model", tu, NULL))
		ret = 1;
#ifdef TDX_HAVE_FACTS
	if (r.db) {
		char msg[256];

		if (tdx_facts_record(r.db, tu, msg, sizeof(msg))) {
			fprintf(stderr, "tdxcheck-clang: %s\n", msg);
			ret = 1;
		}
	}
#else
	if (r.db) {
		fprintf(stderr, "tdxcheck-clang: built without the facts database\n");
		ret = 1;
	}
#endif
	tdx_check_tu(tu, &r.cfg, &findings);
	if (r.findings) {
		if (write_out(r.findings, "findings", NULL, &findings))
			ret = 1;
	} else {
		tdx_report_gcc(stderr, &findings);
		if (r.as_error && findings.nr && !ret)
			ret = 1;
	}
	tdx_findings_release(&findings);
	tdx_tu_free(tu);
	tok_release_all();
	clang_disposeTranslationUnit(ctu);
	clang_disposeIndex(index);
	clang_args_release(&cargs);
	tdx_config_release(&r.cfg);
	free(r.args);
	return ret;
}

/*
 * Everything on one thread with a stack for deep nesting: libclang's parse
 * (which otherwise runs on a thread of its own with 8 MB, unless
 * LIBCLANG_NOTHREADS is set), the walk (build_model.c, which stops at its
 * MAX_NESTING) and the rules all recurse once per level, as gcc's do in
 * cc1.  The stack is address space reserved, used only as deep as a file
 * nests.
 */
#define UNIT_STACK	(2048UL << 20)

struct unit_run {
	int argc;
	char **argv;
	int ret;
};

static void *unit_thread(void *data)
{
	struct unit_run *u = data;

	u->ret = check_unit(u->argc, u->argv);
	return NULL;
}

int main(int argc, char **argv)
{
	struct unit_run u = { argc, argv, 2 };
	pthread_attr_t attr;
	pthread_t thread;

	setenv("LIBCLANG_NOTHREADS", "1", 1);
	if (pthread_attr_init(&attr) || pthread_attr_setstacksize(&attr, UNIT_STACK) ||
	    pthread_create(&thread, &attr, unit_thread, &u)) {
		fprintf(stderr, "tdxcheck-clang: cannot reserve a stack: out of memory\n");
		return 2;
	}
	pthread_join(thread, NULL);
	pthread_attr_destroy(&attr);
	return u.ret;
}
