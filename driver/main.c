// SPDX-License-Identifier: GPL-2.0
/*
 * tdxcheck: the command.  Checks C files with the GCC engine (gcc, the
 * tdxcheck plugin, -fsyntax-only), as kbuild's CHECK or on its own, and
 * evaluates the whole-build rules from a facts database.
 *
 * The rules run inside the compiler, in the plugin, which writes its
 * findings as JSON (findings=FILE) and records the unit's facts itself
 * (db=FILE); the driver reads the findings back and prints them in the
 * format asked for.  Passing findings, not the unit's model, matters: the
 * model of a kernel unit holds every inline function of every header, tens
 * of megabytes of JSON, where its findings are a few hundred bytes.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "argv.h"
#include "clang_path.h"
#include "compdb.h"
#include "facts.h"
#include "facts_inputs.h"
#include "flags.h"
#include "jobs.h"
#include "findings_json.h"
#include "model_json.h"
#include "options.h"
#include "plugin_path.h"
#include "prefilter.h"
#include "report.h"
#include "rules.h"
#include "suppress.h"
#include "tmpdir.h"

#ifndef TDX_VERSION
#define TDX_VERSION "0.0.0"
#endif

#define PLUGIN_ARG "-fplugin-arg-tdxcheck_plugin-"

static const char usage[] =
	"Usage: tdxcheck [OPTION]... FILE... [-- COMPILER-FLAG...]\n"
	"       tdxcheck [OPTION]... -p BUILD-DIR|compile_commands.json [FILE]...\n"
	"       tdxcheck report [--db FILE] [OBJECT|ARCHIVE|DATABASE]... [OPTION]...\n"
	"       make C=2 CHECK=tdxcheck [CF=\"OPTION...\"]\n"
	"\n"
	"Check Linux kernel code that calls Intel TDX firmware (SEAMCALL, TDCALL,\n"
	"TDVMCALL) with gcc and the tdxcheck plugin.  Every word that is not an\n"
	"option below is the compiler's: include paths, macros and flags are kept,\n"
	"sparse-only flags and dependency output are dropped.\n"
	"\n"
	"Options:\n"
	"  --format=FMT       gcc (default, on stderr), checkpatch, json, sarif (stdout)\n"
	"  --types=LIST       run only these rules (comma-separated; --rules is the same)\n"
	"  --ignore=LIST      do not run these rules\n"
	"  --scope=tdx|all    judge only TDX code (default) or every function\n"
	"  --primitives=LIST  more name patterns that count as TDX primitives\n"
	"  --error            exit 1 when anything is reported\n"
	"  --db=FILE          record every file's facts in the SQLite database FILE\n"
	"  --db-timeout=SECS  give up on a locked database after SECS (default 180)\n"
	"  --sparse           also run sparse with the same arguments\n"
	"  -p PATH            take flags from compile_commands.json (or the one in PATH);\n"
	"                     without FILE, check every entry\n"
	"  -j N               check N files at once\n"
	"  --dump-model       print each file's model as JSON instead of checking it\n"
	"  --dry-run          print the commands that would run, run nothing\n"
	"  --frontend=FE      gcc (default: gcc and the plugin) or clang (libclang, for\n"
	"                     LLVM=1 builds: tdxcheck-clang, found next to tdxcheck)\n"
	"  --plugin=PATH      the GCC plugin to load (default: installed next to tdxcheck)\n"
	"  --cc=GCC           the compiler to run (default: gcc)\n"
	"  --list-rules       list the rules and exit\n"
	"  -h, --help         show this help and exit\n"
	"  --version          show the version and exit\n"
	"\n"
	"Exit status: 0 checked (findings or not), 1 findings with --error,\n"
	"2 bad input or a file that did not compile.  See tdxcheck(1).\n";

static const char *tmpdir;	/* the run's, removed at exit and on fatal signals */
static char *db_abs;	/* --db made absolute: the plugin records the facts */

static void make_tmpdir(void)
{
	char *tried;

	tmpdir = tdx_tmpdir_make("tdxcheck", &tried);
	if (!tmpdir) {
		fprintf(stderr, "tdxcheck: %s: cannot create a temporary directory: %s\n",
			tried ? tried : "$TMPDIR", strerror(errno));
		exit(2);
	}
}

/*
 * The report, flushed: a full disk or a closed pipe is known here, while
 * there is still a way to say so (stderr, for a report on stdout).
 */
static int print_findings(const struct tdx_opts *o, const struct tdx_findings *fs,
			  const struct tdx_argv *files)
{
	FILE *f = o->format == TDX_FMT_GCC ? stderr : stdout;
	int ret = -1;

	switch (o->format) {
	case TDX_FMT_GCC:
		tdx_report_gcc(f, fs);
		ret = 0;
		break;
	case TDX_FMT_CHECKPATCH:
		tdx_report_checkpatch(f, fs, (const char *const *)files->v, files->nr,
				      files->nr == 1 ? files->v[0] : NULL);
		ret = 0;
		break;
	case TDX_FMT_JSON:
		ret = tdx_report_json(f, fs);
		break;
	case TDX_FMT_SARIF:
		ret = tdx_report_sarif(f, fs);
		break;
	}
	if (fflush(f) || ferror(f))
		ret = -1;
	return ret;
}

static bool report_failed;	/* said once: no second line about stdout */

static void report_write_error(void)
{
	report_failed = true;
	fprintf(stderr, "tdxcheck: cannot write the report: %s\n",
		errno ? strerror(errno) : "write error");
}

/* ---- check mode ---- */

struct check_run {
	const struct tdx_opts *o;
	struct tdx_findings found;
	int status;		/* 0, or 2 once a file failed */
};

struct file_job {
	struct tdx_job job;
	char *file;
	char *model_path;	/* the findings, or with --dump-model the model */
};

static void job_done(struct tdx_job *job, void *data)
{
	struct file_job *fj = (struct file_job *)job;
	struct check_run *run = data;
	const struct tdx_opts *o = run->o;
	struct tdx_tu *tu;
	char err[1024];
	int code = tdx_wait_code(job->status);

	tdx_replay(job->err_path);
	if (code) {
		fprintf(stderr, "tdxcheck: %s: not checked: %s exited with status %d\n",
			fj->file, job->argv.v[0], code);
		run->status = 2;
		return;
	}
	if (!o->dump_model) {
		if (tdx_findings_load_json(fj->model_path, &run->found, err, sizeof(err))) {
			fprintf(stderr, "tdxcheck: %s: no findings from the plugin: %s\n",
				fj->file, err);
			run->status = 2;
		}
		return;
	}
	tu = tdx_model_load_file(fj->model_path, err, sizeof(err));
	if (!tu) {
		fprintf(stderr, "tdxcheck: %s: no model from the plugin: %s\n", fj->file, err);
		run->status = 2;
		return;
	}
	if (tdx_model_dump(stdout, tu)) {
		fprintf(stderr, "tdxcheck: %s: cannot print the model\n", fj->file);
		run->status = 2;
	}
	tdx_tu_free(tu);
}

/* Print argv as a shell would take it back (--dry-run). */
static void print_command(const char *dir, char *const argv[])
{
	size_t i;

	if (dir)
		printf("cd '%s' && ", dir);
	for (i = 0; argv[i]; i++) {
		const char *a = argv[i];

		if (a[strcspn(a, " \t\n'\"\\$`*?[]{}()<>|&;#~")] || !a[0]) {
			const char *p;

			putchar('\'');
			for (p = a; *p; p++) {
				if (*p == '\'')
					fputs("'\\''", stdout);
				else
					putchar(*p);
			}
			putchar('\'');
		} else {
			fputs(a, stdout);
		}
		putchar(argv[i + 1] ? ' ' : '\n');
	}
}

static bool is_c_source(const char *file)
{
	size_t n = strlen(file);

	return n > 2 && !strcmp(file + n - 2, ".c");
}

/* An assembler source holds no C to check; gcc would only assemble it. */
static bool is_asm_source(const char *file)
{
	const char *dot = strrchr(file, '.');

	return dot && (!strcmp(dot, ".S") || !strcmp(dot, ".s") || !strcmp(dot, ".sx"));
}

/*
 * A source file the compiler can read to its end: a FIFO or a device would
 * block it forever, or feed it something that is not the file.  Says why
 * not on stderr.
 */
static bool readable_source(const char *dir, const char *file)
{
	char *where = dir && file[0] != '/' ? tdx_xasprintf("%s/%s", dir, file) :
			  tdx_xstrdup(file);
	struct stat st;
	bool ok = false;

	if (access(where, R_OK) || stat(where, &st))
		fprintf(stderr, "tdxcheck: %s: cannot read: %s\n", file, strerror(errno));
	else if (!S_ISREG(st.st_mode))
		fprintf(stderr, "tdxcheck: %s: not a regular file\n", file);
	else
		ok = true;
	free(where);
	return ok;
}

/*
 * What the plugin, or tdxcheck-clang, is to do, each with its own prefix for
 * the keys: the same selection, in the same order, as the driver parsed it,
 * and where to write the findings (or with --dump-model the model).
 */
static void push_selection(struct tdx_argv *argv, const char *key, const struct tdx_opts *o,
			   const char *out)
{
	if (o->dump_model) {
		tdx_argv_pushf(argv, "%sdump-model=%s", key, out);
		tdx_argv_pushf(argv, "%signore=all", key);
	} else {
		if (o->types)
			tdx_argv_pushf(argv, "%srules=%s", key, o->types);
		if (o->ignore)
			tdx_argv_pushf(argv, "%signore=%s", key, o->ignore);
		if (o->scope)
			tdx_argv_pushf(argv, "%sscope=%s", key, o->scope);
		if (o->primitives)
			tdx_argv_pushf(argv, "%sprimitives=%s", key, o->primitives);
		tdx_argv_pushf(argv, "%sfindings=%s", key, out);
	}
	if (db_abs)
		tdx_argv_pushf(argv, "%sdb=%s", key, db_abs);
}

/*
 * A job per file: gcc, the kept flags, the plugin, the model file; with the
 * clang front end, tdxcheck-clang (plugin), which stands for gcc and the
 * plugin and takes its keys as --tdx-KEY.
 */
static void add_job(struct file_job *fj, size_t index, const struct tdx_opts *o,
		    const char *plugin, const char *dir, const char *file,
		    const struct tdx_argv *flags)
{
	const char *tmp = tmpdir ? tmpdir : "TMP";

	memset(fj, 0, sizeof(*fj));
	fj->file = tdx_xstrdup(file);
	fj->job.name = fj->file;
	fj->job.dir = dir;
	fj->model_path = tdx_xasprintf("%s/%zu.json", tmp, index);
	fj->job.err_path = tdx_xasprintf("%s/%zu.err", tmp, index);
	if (o->frontend == TDX_FE_CLANG) {
		tdx_argv_push(&fj->job.argv, plugin);
		tdx_argv_append(&fj->job.argv, flags);
		push_selection(&fj->job.argv, "--tdx-", o, fj->model_path);
	} else {
		tdx_argv_push(&fj->job.argv, o->cc);
		tdx_argv_append(&fj->job.argv, flags);
		/* -w: the real compile shows gcc's warnings; here they would be noise. */
		tdx_argv_push(&fj->job.argv, "-fsyntax-only");
		tdx_argv_push(&fj->job.argv, "-w");
		tdx_argv_pushf(&fj->job.argv, "-fplugin=%s", plugin);
		push_selection(&fj->job.argv, PLUGIN_ARG, o, fj->model_path);
	}
	tdx_argv_push(&fj->job.argv, file);
}

static void release_jobs(struct file_job *jobs, size_t nr)
{
	size_t i;

	for (i = 0; i < nr; i++) {
		free(jobs[i].file);
		free(jobs[i].model_path);
		free(jobs[i].job.err_path);
		tdx_argv_release(&jobs[i].job.argv);
	}
	free(jobs);
}

/* sparse with the words the driver did not take, as kbuild gave them. */
static int run_sparse(const struct tdx_argv *words, const char *dir, bool dry_run)
{
	const char *sparse = getenv("TDXCHECK_SPARSE");
	struct tdx_argv argv = { 0 };
	int code;

	tdx_argv_push(&argv, sparse && sparse[0] ? sparse : "sparse");
	tdx_argv_append(&argv, words);
	if (dry_run) {
		print_command(dir, argv.v);
		tdx_argv_release(&argv);
		return 0;
	}
	code = tdx_run_wait(argv.v, dir);
	if (code < 0 || code == 127) {
		if (code < 0)
			fprintf(stderr, "tdxcheck: cannot run %s: %s\n", argv.v[0],
				strerror(errno));
		code = 2;
	}
	tdx_argv_release(&argv);
	return code;
}

static int check_files(const struct tdx_opts *o)
{
	struct tdx_argv flags = { 0 }, files = { 0 }, checked = { 0 };
	struct tdx_compdb db = { 0 };
	struct check_run run = { .o = o };
	struct file_job *jobs = NULL;
	size_t nr = 0, i;
	char err[1024];
	char *plugin = NULL;
	int sparse_code = 0, ret;

	if (tdx_flags_filter((int)o->compiler.nr, o->compiler.v, &flags, &files,
			     err, sizeof(err))) {
		fprintf(stderr, "tdxcheck: %s\n", err);
		return 2;
	}
	if (o->compdb && tdx_compdb_load(o->compdb, &db, err, sizeof(err))) {
		fprintf(stderr, "tdxcheck: %s\n", err);
		return 2;
	}
	if (!o->compdb && !files.nr) {
		fprintf(stderr, "tdxcheck: no input files (see --help)\n");
		return 2;
	}
	/* The GCC plugin, or with --frontend=clang the program that stands for gcc and it. */
	if (o->frontend == TDX_FE_CLANG)
		plugin = tdx_clang_find(err, sizeof(err));
	else
		plugin = tdx_plugin_find(o->plugin, err, sizeof(err));
	if (!plugin) {
		if (!o->dry_run) {
			fprintf(stderr, "tdxcheck: %s\n", err);
			return 2;
		}
		plugin = tdx_xstrdup(o->frontend == TDX_FE_CLANG ? "tdxcheck-clang" :
				     "tdxcheck_plugin.so");
	}
	if (!o->dry_run)
		make_tmpdir();
	/*
	 * The plugin records the facts; an unusable database is said once here
	 * rather than by every compile, and jobs that run in another directory
	 * (-p) get its absolute path.
	 */
	if (o->db) {
		char real[PATH_MAX];

		if (!o->dry_run && tdx_facts_open(o->db, err, sizeof(err))) {
			fprintf(stderr, "tdxcheck: %s\n", err);
			return 2;
		}
		db_abs = tdx_xstrdup(realpath(o->db, real) ? real : o->db);
	}

	jobs = tdx_xcalloc(db.nr + files.nr + 1, sizeof(*jobs));
	if (o->compdb) {
		const struct tdx_compdb_entry **pick = tdx_xcalloc(db.nr + files.nr + 1,
								   sizeof(*pick));
		size_t n = 0;

		for (i = 0; i < files.nr; i++) {
			if (is_asm_source(files.v[i]))
				continue;
			pick[n] = tdx_compdb_find(&db, files.v[i]);
			if (!pick[n]) {
				fprintf(stderr, "tdxcheck: %s: not in %s\n", files.v[i], db.path);
				run.status = 2;
				continue;
			}
			n++;
		}
		for (i = 0; !files.nr && i < db.nr; i++)
			if (is_c_source(db.v[i].file))
				pick[n++] = &db.v[i];
		for (i = 0; i < n; i++) {
			struct tdx_argv eflags = { 0 }, efiles = { 0 };

			if (!o->dry_run && !readable_source(pick[i]->directory, pick[i]->file)) {
				run.status = 2;
				continue;
			}
			if (tdx_flags_filter((int)pick[i]->args.nr, pick[i]->args.v, &eflags,
					     &efiles, err, sizeof(err))) {
				fprintf(stderr, "tdxcheck: %s: %s\n", db.path, err);
				run.status = 2;
			} else {
				/* flags after -- on our command line come last and win */
				tdx_argv_append(&eflags, &flags);
				add_job(&jobs[nr], nr, o, plugin, pick[i]->directory,
					pick[i]->file, &eflags);
				nr++;
				if (o->sparse)
					sparse_code |= run_sparse(&pick[i]->args, pick[i]->directory,
								  o->dry_run);
			}
			tdx_argv_release(&eflags);
			tdx_argv_release(&efiles);
		}
		free(pick);
	} else {
		if (o->sparse)
			sparse_code = run_sparse(&o->compiler, NULL, o->dry_run);
		for (i = 0; i < files.nr; i++) {
			if (is_asm_source(files.v[i]))
				continue;
			if (!readable_source(NULL, files.v[i])) {
				run.status = 2;
				continue;
			}
			add_job(&jobs[nr], nr, o, plugin, NULL, files.v[i], &flags);
			nr++;
		}
	}

	if (o->dry_run) {
		for (i = 0; i < nr; i++)
			print_command(jobs[i].job.dir, jobs[i].job.argv.v);
	} else if (nr) {
		struct tdx_job **list = tdx_xmalloc(nr * sizeof(*list));
		const char **out = tdx_xmalloc(nr * sizeof(*out));
		long run_nr = (long)nr;

		for (i = 0; i < nr; i++) {
			list[i] = &jobs[i].job;
			out[i] = jobs[i].model_path;
		}
		/* Only the units that name a primitive can have a finding (prefilter.h). */
		if (o->frontend == TDX_FE_GCC && o->cfg.scope == TDX_SCOPE_TDX && !o->db &&
		    !o->dump_model)
			run_nr = tdx_prefilter(list, out, nr, o->jobs, &o->cfg);
		if (run_nr < 0 || tdx_jobs_run(list, (size_t)run_nr, o->jobs, job_done, &run))
			run.status = 2;
		free(out);
		free(list);
	}

	for (i = 0; i < nr; i++)
		tdx_argv_push(&checked, jobs[i].file);
	ret = run.status;
	if (!o->dump_model && !o->dry_run) {
		tdx_findings_sort_unique(&run.found, 0);
		errno = 0;
		if (print_findings(o, &run.found, &checked)) {
			report_write_error();
			ret = 2;
		}
		if (!ret && o->error && run.found.nr)
			ret = 1;
	}
	if (!ret && sparse_code)
		ret = sparse_code;
	tdx_findings_release(&run.found);
	release_jobs(jobs, nr);
	tdx_argv_release(&flags);
	tdx_argv_release(&files);
	tdx_argv_release(&checked);
	tdx_compdb_release(&db);
	free(plugin);
	free(db_abs);
	return ret;
}

/* ---- report mode ---- */

/*
 * The whole-build rules over facts from a database (--db, the plugin's db=)
 * and from objects and archives (the plugin's facts-section), in any mix.
 */
static int report_facts(const struct tdx_opts *o)
{
	struct tdx_findings all = { 0 }, kept = { 0 };
	struct tdx_argv files = { 0 }, inputs = { 0 };
	char err[1024];
	size_t i, k;
	int ret = 0;

	if (o->db)
		tdx_argv_push(&inputs, o->db);
	for (i = 0; i < o->compiler.nr; i++) {
		if (o->compiler.v[i][0] == '-') {
			fprintf(stderr, "tdxcheck: report takes no compiler flags ('%s')\n",
				o->compiler.v[i]);
			tdx_argv_release(&inputs);
			return 2;
		}
		tdx_argv_push(&inputs, o->compiler.v[i]);
	}
	if (!inputs.nr) {
		fprintf(stderr, "tdxcheck: report needs --db FILE or objects, archives or "
			"databases\n");
		return 2;
	}
	if (tdx_facts_check_files((const char *const *)inputs.v, inputs.nr, &o->cfg, &all,
				  stderr, err, sizeof(err))) {
		fprintf(stderr, "tdxcheck: %s\n", err);
		tdx_argv_release(&inputs);
		return 2;
	}
	tdx_argv_release(&inputs);
	/* The same suppression comments as a per-file check honours. */
	for (i = 0; i < all.nr; i++) {
		if (!tdx_suppressed(&all.v[i]))
			tdx_findings_add_copy(&kept, all.v[i].rule, &all.v[i].loc,
					      all.v[i].message, all.v[i].subject);
	}
	tdx_findings_release(&all);
	tdx_findings_sort_unique(&kept, 0);
	for (i = 0; i < kept.nr; i++) {
		bool seen = false;

		for (k = 0; k < files.nr && !seen; k++)
			seen = !strcmp(files.v[k], kept.v[i].loc.file);
		if (!seen)
			tdx_argv_push(&files, kept.v[i].loc.file);
	}
	errno = 0;
	if (print_findings(o, &kept, &files)) {
		report_write_error();
		ret = 2;
	}
	if (!ret && o->error && kept.nr)
		ret = 1;
	tdx_findings_release(&kept);
	tdx_argv_release(&files);
	return ret;
}

static void list_rules(void)
{
	int i;

	for (i = 0; i < TDX_NR_RULES; i++)
		printf("%-24s %-8s %s\n", tdx_rules[i].name, tdx_rules[i].severity,
		       tdx_rules[i].doc);
}

int main(int argc, char *argv[])
{
	struct tdx_opts o;
	char err[1024];
	int ret = 0;

	if (tdx_opts_parse(&o, argc, argv, err, sizeof(err))) {
		fprintf(stderr, "tdxcheck: %s\n", err);
		tdx_opts_release(&o);
		return 2;
	}
	/* The plugin and tdxcheck-clang record the facts: they read the limit from there. */
	if (o.db_timeout)
		setenv("TDXCHECK_DB_TIMEOUT", o.db_timeout, 1);
	if (!o.cc) {
		const char *cc = getenv("TDXCHECK_CC");

		o.cc = cc && cc[0] ? cc : "gcc";
	}
	switch (o.mode) {
	case TDX_MODE_HELP:
		fputs(usage, stdout);
		break;
	case TDX_MODE_VERSION:
		printf("tdxcheck %s\n", TDX_VERSION);
		break;
	case TDX_MODE_LIST_RULES:
		list_rules();
		break;
	case TDX_MODE_REPORT:
		ret = report_facts(&o);
		break;
	case TDX_MODE_CHECK:
		ret = check_files(&o);
		break;
	}
	tdx_opts_release(&o);
	/*
	 * Whatever else went to stdout (--help, --dump-model, ...) and gcc's
	 * messages replayed on stderr: output that was lost is a failure.
	 */
	errno = 0;
	if ((fflush(stdout) || ferror(stdout)) && !report_failed) {
		fprintf(stderr, "tdxcheck: cannot write to standard output: %s\n",
			errno ? strerror(errno) : "write error");
		ret = 2;
	}
	if (fflush(stderr) || ferror(stderr))
		ret = 2;
	return ret;
}
