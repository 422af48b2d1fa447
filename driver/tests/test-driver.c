// SPDX-License-Identifier: GPL-2.0
/*
 * The tdxcheck command from the outside: exit statuses, one-line errors,
 * every output format parsed back (JSON and SARIF with Jansson, field by
 * field), compile_commands.json, -j, --sparse, and cross-file findings that
 * appear only with the facts database.
 *
 *   test-driver TDXCHECK SOURCE-DIR SCRATCH-DIR
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "tdx_test.h"

static const char *tdxcheck, *srcdir, *scratch;
/* Where a run's stdout or stderr goes instead of being captured, e.g. /dev/full. */
static const char *out_to, *err_to;
/* Seconds a run may take before it counts as hung. */
static unsigned int run_limit = 120;

struct result {
	int status;
	char *out, *err;
};

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	char chunk[4096];
	size_t n;

	if (f) {
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			fwrite(chunk, 1, n, m);
		fclose(f);
	}
	fclose(m);
	return buf;
}

static char *fmt(const char *f, ...)
{
	va_list ap;
	char *s;

	va_start(ap, f);
	if (vasprintf(&s, f, ap) < 0)
		abort();
	va_end(ap);
	return s;
}

/* Run tdxcheck with the NULL-terminated arguments, in dir (or here). */
static struct result run_in(const char *dir, const char *first, ...)
{
	const char *argv[64];
	char *out = fmt("%s/stdout", scratch), *err = fmt("%s/stderr", scratch);
	struct result r = { 0 };
	va_list ap;
	int n = 0, status;
	pid_t pid;

	argv[n++] = tdxcheck;
	va_start(ap, first);
	for (const char *a = first; a && n < 63; a = va_arg(ap, const char *))
		argv[n++] = a;
	va_end(ap);
	argv[n] = NULL;
	pid = fork();
	if (pid == 0) {
		int o = open(out_to ? out_to : out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int e = open(err_to ? err_to : err, O_WRONLY | O_CREAT | O_TRUNC, 0644);

		/* A run that hangs (a FIFO read forever) fails instead of stalling the test. */
		alarm(run_limit);
		dup2(o, 1);
		dup2(e, 2);
		if (dir && chdir(dir))
			_exit(126);
		execv(tdxcheck, (char **)argv);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	r.out = out_to ? strdup("") : slurp(out);
	r.err = err_to ? strdup("") : slurp(err);
	free(out);
	free(err);
	return r;
}

#define run(...) run_in(NULL, __VA_ARGS__, (const char *)NULL)

static void release(struct result *r)
{
	free(r->out);
	free(r->err);
}

static size_t lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* Bad input: exit 2 and exactly one line on stderr that names what. */
static void bad_input(const char *what, struct result r, const char *name)
{
	CHECK(r.status == 2, "%s: exit %d", what, r.status);
	CHECK(lines(r.err) == 1 && r.err[strlen(r.err) - 1] == '\n', "%s: stderr '%s'", what,
	      r.err);
	CHECK(strstr(r.err, name) != NULL, "%s: '%s' does not name '%s'", what, r.err, name);
	CHECK(!strncmp(r.err, "tdxcheck: ", 10), "%s: '%s'", what, r.err);
	CHECK(r.out[0] == '\0', "%s: stdout '%s'", what, r.out);
	release(&r);
}

static char *write_file(const char *name, const char *text)
{
	char *p = fmt("%s/%s", scratch, name);
	FILE *f = fopen(p, "w");

	fputs(text, f);
	fclose(f);
	return p;
}

static char *inc_flag(void)
{
	return fmt("-I%s/testsuite/include", srcdir);
}

static const char *case_file(const char *rel)
{
	return fmt("%s/testsuite/cases/%s", srcdir, rel);
}

static void test_info(void)
{
	struct result r = run("--version");

	CHECK(r.status == 0 && !strcmp(r.out, "tdxcheck " TDX_VERSION "\n"), "--version: '%s'",
	      r.out);
	release(&r);
	r = run("--help");
	CHECK(r.status == 0 && strstr(r.out, "Usage: tdxcheck") && strstr(r.out, "--format=FMT"),
	      "--help");
	release(&r);
	r = run("--list-rules");
	CHECK(r.status == 0 && lines(r.out) == 10 && !strncmp(r.out, "unused-attr-on-used ", 20) &&
	      strstr(r.out, "\nget-cpu-for-print ") &&
	      strstr(r.out, "\nindirect-primitive-call "), "--list-rules: '%s'", r.out);
	release(&r);
}

static void test_bad_input(void)
{
	char *corrupt = write_file("corrupt.db", "SQLite format 3? no: just text, long enough "
				   "to be read as a header and rejected by SQLite.\n");
	char *missing = fmt("%s/no-such-file.c", scratch);
	char *missing_db = fmt("%s/no-such.db", scratch);
	const char *good = case_file("unused-out-param/bad-seamcall-ret.c");

	bad_input("unknown option", run("--frobnicate", good), "'--frobnicate'");
	bad_input("unknown format", run("--format=xml", good), "'xml'");
	bad_input("unknown rule", run("--types=no-such-rule", good), "'no-such-rule'");
	bad_input("unknown scope", run("--scope=some", good), "'some'");
	bad_input("bad -j", run("-j", "zero", good), "'zero'");
	bad_input("bad --db-timeout", run("--db-timeout=soon", good), "'soon'");
	bad_input("-p without value", run(good, "-p"), "'-p'");
	bad_input("unreadable file", run(missing), missing);
	bad_input("no file", run("-Ifoo"), "no input files");
	bad_input("corrupt database", run("report", "--db", corrupt), corrupt);
	bad_input("missing database", run("report", "--db", missing_db), missing_db);
	bad_input("report without --db", run("report"), "--db");
	bad_input("record into corrupt database",
		  run("--db", corrupt, good, "--", inc_flag()), corrupt);
	bad_input("missing compile_commands.json", run("-p", missing_db), missing_db);
	bad_input("missing plugin", run("--plugin=/nonexistent/p.so", good), "/nonexistent/p.so");
}

/*
 * gcc's own errors are shown, then one line naming the file, exit 2.  The
 * file names a primitive: one that names none is only preprocessed.
 */
static void test_syntax_error(void)
{
	char *broken = write_file("broken.c", "long seamcall(long fn);\n"
				  "int f(void)\n{\n\treturn 1 +;\n}\n");
	struct result r = run(broken);
	char *tail = fmt("tdxcheck: %s: not checked: gcc exited with status 1\n", broken);
	char *gcc_line = fmt("%s:4:", broken);

	CHECK(r.status == 2, "exit %d", r.status);
	CHECK(strstr(r.err, gcc_line) && strstr(r.err, "error:"), "gcc's error missing: '%s'",
	      r.err);
	CHECK(strlen(r.err) >= strlen(tail) &&
	      !strcmp(r.err + strlen(r.err) - strlen(tail), tail), "last line: '%s'", r.err);
	release(&r);
}

static const char *const seamcall_msg =
	"every caller passes NULL for 'seamcall_ret'; drop the parameter";

/* An assembler source has no C in it: skipped by either front end. */
static void test_asm_skipped(void)
{
	char *s = write_file("entry.S", "#include <linux/linkage.h>\n\tmovq %rax, %rbx\n\tret\n");
	const char *bad = case_file("unused-out-param/bad-seamcall-ret.c");
	char *want = fmt("%s:7:26: warning: %s [tdx-unused-out-param]\n", bad, seamcall_msg);
	struct result r = run(s, "--", inc_flag());

	CHECK(r.status == 0 && !r.out[0] && !r.err[0], "gcc: %d '%s'", r.status, r.err);
	release(&r);
	r = run("--frontend=clang", s, bad, "--", inc_flag());
	CHECK(r.status == 0 && !strcmp(r.err, want), "clang: %d '%s'", r.status, r.err);
	release(&r);
	free(want);
	free(s);
}

static void test_gcc_and_error(void)
{
	const char *bad = case_file("unused-out-param/bad-seamcall-ret.c");
	const char *good = case_file("unused-out-param/good-extern-helper.c");
	char *want = fmt("%s:7:26: warning: %s [tdx-unused-out-param]\n", bad, seamcall_msg);
	struct result r = run(bad, "--", inc_flag());

	CHECK(r.status == 0 && !strcmp(r.err, want) && !r.out[0], "gcc: %d '%s'", r.status, r.err);
	release(&r);
	r = run("--error", bad, "--", inc_flag());
	CHECK(r.status == 1 && !strcmp(r.err, want), "--error with a finding: %d", r.status);
	release(&r);
	r = run("--error", good, "--", inc_flag());
	CHECK(r.status == 0 && !r.err[0], "--error clean: %d '%s'", r.status, r.err);
	release(&r);
	r = run("--ignore=unused-out-param", bad, "--", inc_flag());
	CHECK(r.status == 0 && !r.err[0], "--ignore: %d '%s'", r.status, r.err);
	release(&r);
	r = run("--types=TDX_STATUS_IGNORED", bad, "--", inc_flag());
	CHECK(r.status == 0 && !r.err[0], "--types: %d '%s'", r.status, r.err);
	release(&r);
	/* -D__CHECKER__ from a checker's argv never reaches gcc. */
	r = run("-D__CHECKER__", "-Wbitwise", "--arch=x86", "-mlittle-endian", bad, inc_flag());
	CHECK(r.status == 0 && !strcmp(r.err, want), "sparse flags: %d '%s'", r.status, r.err);
	release(&r);
	free(want);
}

static void test_checkpatch(void)
{
	const char *bad = case_file("unused-out-param/bad-seamcall-ret.c");
	struct result r = run("--format=checkpatch", bad, "--", inc_flag());
	char *head = fmt("WARNING:TDX_UNUSED_OUT_PARAM: %s\n#7: FILE: %s:7:\n", seamcall_msg, bad);

	CHECK(r.status == 0 && !strncmp(r.out, head, strlen(head)), "checkpatch: '%s'", r.out);
	CHECK(strstr(r.out, "\ntotal: 0 errors, 1 warnings, 0 checks, "), "total: '%s'", r.out);
	CHECK(!r.err[0], "stderr '%s'", r.err);
	release(&r);
}

static json_t *parse(const char *what, const char *text)
{
	json_error_t e;
	json_t *j = json_loads(text, 0, &e);

	CHECK(j != NULL, "%s: not JSON: %s at %d: '%s'", what, e.text, e.line, text);
	return j;
}

static const char *str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : "(missing)";
}

static void test_json(void)
{
	const char *bad = case_file("unused-out-param/bad-seamcall-ret.c");
	struct result r = run("--format=json", bad, "--", inc_flag());
	json_t *root = parse("json", r.out), *list, *fd;

	CHECK(r.status == 0 && !r.err[0], "json: %d '%s'", r.status, r.err);
	if (!root) {
		release(&r);
		return;
	}
	CHECK(!strcmp(str(root, "tool"), "tdxcheck"), "tool");
	CHECK(!strcmp(str(root, "version"), TDX_VERSION), "version %s", str(root, "version"));
	list = json_object_get(root, "findings");
	CHECK(json_is_array(list) && json_array_size(list) == 1, "findings");
	fd = json_array_get(list, 0);
	CHECK(!strcmp(str(fd, "rule"), "unused-out-param"), "rule %s", str(fd, "rule"));
	CHECK(!strcmp(str(fd, "type"), "TDX_UNUSED_OUT_PARAM"), "type");
	CHECK(!strcmp(str(fd, "severity"), "warning"), "severity");
	CHECK(!strcmp(str(fd, "file"), bad), "file %s", str(fd, "file"));
	CHECK(json_integer_value(json_object_get(fd, "line")) == 7, "line");
	CHECK(json_integer_value(json_object_get(fd, "column")) == 12, "column");
	CHECK(!strcmp(str(fd, "subject"), "seamcall_ret"), "subject");
	CHECK(!strcmp(str(fd, "message"), seamcall_msg), "message %s", str(fd, "message"));
	json_decref(root);
	release(&r);

	/* A clean file: an empty list, still a document. */
	r = run("--format=json", case_file("unused-out-param/good-extern-helper.c"), "--",
		inc_flag());
	root = parse("json clean", r.out);
	CHECK(root && json_array_size(json_object_get(root, "findings")) == 0, "clean json");
	json_decref(root);
	release(&r);
}

static void test_sarif(void)
{
	const char *bad = case_file("unused-out-param/bad-seamcall-ret.c");
	struct result r = run("--format=sarif", bad, "--", inc_flag());
	json_t *root = parse("sarif", r.out), *run0, *drv, *res, *loc, *region;
	char *uri = fmt("file://%s", bad);

	CHECK(r.status == 0 && !r.err[0], "sarif: %d '%s'", r.status, r.err);
	if (!root) {
		release(&r);
		return;
	}
	CHECK(!strcmp(str(root, "version"), "2.1.0"), "version");
	CHECK(strstr(str(root, "$schema"), "sarif-schema-2.1.0.json"), "$schema");
	CHECK(json_array_size(json_object_get(root, "runs")) == 1, "one run");
	run0 = json_array_get(json_object_get(root, "runs"), 0);
	drv = json_object_get(json_object_get(run0, "tool"), "driver");
	CHECK(!strcmp(str(drv, "name"), "tdxcheck"), "driver.name");
	CHECK(!strcmp(str(drv, "version"), TDX_VERSION), "driver.version");
	CHECK(json_array_size(json_object_get(drv, "rules")) == 10, "10 rules");
	CHECK(!strcmp(str(json_array_get(json_object_get(drv, "rules"), 2), "id"),
		      "unused-out-param"), "rules[2].id");
	CHECK(json_array_size(json_object_get(run0, "results")) == 1, "one result");
	res = json_array_get(json_object_get(run0, "results"), 0);
	CHECK(!strcmp(str(res, "ruleId"), "unused-out-param"), "ruleId %s", str(res, "ruleId"));
	CHECK(json_integer_value(json_object_get(res, "ruleIndex")) == 2, "ruleIndex");
	CHECK(!strcmp(str(res, "level"), "warning"), "level");
	CHECK(!strcmp(str(json_object_get(res, "message"), "text"), seamcall_msg), "message.text");
	loc = json_object_get(json_array_get(json_object_get(res, "locations"), 0),
			      "physicalLocation");
	CHECK(!strcmp(str(json_object_get(loc, "artifactLocation"), "uri"), uri), "uri %s",
	      str(json_object_get(loc, "artifactLocation"), "uri"));
	region = json_object_get(loc, "region");
	CHECK(json_integer_value(json_object_get(region, "startLine")) == 7, "startLine");
	CHECK(json_integer_value(json_object_get(region, "startColumn")) == 12, "startColumn");
	json_decref(root);
	release(&r);
	free(uri);
}

/*
 * -p: a compile_commands.json as the kernel writes it ("command", shell
 * quoting, dependency flags) and as CMake can ("arguments").
 */
static void test_compdb(void)
{
	const char *a = case_file("unused-out-param/bad-seamcall-ret.c");
	const char *b = case_file("status-ignored/bad-hypercall-bounded-loop.c");
	const char *c = case_file("unused-out-param/good-extern-helper.c");
	char *inc = inc_flag();
	char *db_text = fmt(
		"[\n"
		" {\"directory\": \"%s\", \"file\": \"%s\",\n"
		"  \"command\": \"gcc -Wp,-MMD,dir/.a.o.d -nostdinc %s -DKBUILD_MODNAME='\\\"a\\\"' "
		"-c -o a.o %s\"},\n"
		" {\"directory\": \"%s\", \"file\": \"%s\",\n"
		"  \"arguments\": [\"gcc\", \"-nostdinc\", \"%s\", \"-c\", \"-o\", \"b.o\", \"%s\"]},\n"
		" {\"directory\": \"%s\", \"file\": \"%s\",\n"
		"  \"arguments\": [\"gcc\", \"-nostdinc\", \"%s\", \"-c\", \"%s\"]},\n"
		" {\"directory\": \"%s\", \"file\": \"entry.S\",\n"
		"  \"arguments\": [\"gcc\", \"-c\", \"entry.S\"]}\n"
		"]\n", scratch, a, inc, a, scratch, b, inc, b, scratch, c, inc, c, scratch);
	char *db = write_file("compile_commands.json", db_text);
	struct result r1, r2, r3;

	r1 = run("-p", scratch);
	CHECK(r1.status == 0, "-p dir: exit %d '%s'", r1.status, r1.err);
	CHECK(lines(r1.err) == 2 && strstr(r1.err, a) && strstr(r1.err, b) &&
	      strstr(r1.err, "[tdx-unused-out-param]") && strstr(r1.err, "[tdx-status-ignored]"),
	      "-p dir: '%s'", r1.err);

	r2 = run("-p", db, "-j", "3");
	CHECK(r2.status == 0 && !strcmp(r1.err, r2.err), "-j3 differs: '%s'", r2.err);

	r3 = run("-p", db, a);
	CHECK(r3.status == 0 && lines(r3.err) == 1 && strstr(r3.err, a), "-p FILE: '%s'", r3.err);
	release(&r1);
	release(&r2);
	release(&r3);

	bad_input("file not in the database", run("-p", db, "/tmp/elsewhere.c"),
		  "/tmp/elsewhere.c");
	write_file("compile_commands.json", "{\"not\": \"a list\"}\n");
	bad_input("not a database", run("-p", db), db);
	free(db_text);
}

/* --sparse: sparse's own output comes through, with the same argv. */
static void test_sparse(void)
{
	char *f = write_file("sparse-me.c",
			     "static int x;\nint *p = &x;\nint f(int *q);\nint f(int *q)\n"
			     "{\n\treturn q == 0;\n}\n");
	struct result r = run("--sparse", "-Wsparse-all", f);

	/* sparse: "Using plain integer as NULL pointer" on q == 0. */
	CHECK(r.status == 0, "exit %d '%s'", r.status, r.err);
	CHECK(strstr(r.err, "sparse-me.c:6:") && strstr(r.err, "plain integer as NULL pointer"),
	      "sparse output missing: '%s'", r.err);
	release(&r);
	r = run("--dry-run", "--sparse", "-Wbitwise", "-D__linux__", f);
	CHECK(r.status == 0 && strstr(r.out, "sparse -Wbitwise -D__linux__ "), "dry-run: '%s'",
	      r.out);
	release(&r);
}

/* Cross-file findings need the database: none without it. */
static void test_xfile(void)
{
	char *dir = fmt("%s/driver/tests/xfile/unused-out-param/xfile-null-from-two-files",
			srcdir);
	char *h = fmt("%s/helper.c", dir), *i = fmt("%s/init.c", dir), *l = fmt("%s/lp.c", dir);
	char *db = fmt("%s/xfile.db", scratch);
	char *want = fmt("%s:10:19: warning: %s [tdx-unused-out-param]\n", h, seamcall_msg);
	struct result r;

	unlink(db);
	r = run(h, i, l, "--", inc_flag());
	CHECK(r.status == 0 && !r.err[0] && !r.out[0], "without db: '%s'", r.err);
	release(&r);
	r = run("--db", db, h, i, l, "--", inc_flag());
	CHECK(r.status == 0 && !r.err[0], "record: '%s'", r.err);
	release(&r);
	r = run("report", "--db", db);
	CHECK(r.status == 0 && !strcmp(r.err, want), "report: '%s'", r.err);
	release(&r);
	r = run("report", "--db", db, "--error", "--format=json");
	CHECK(r.status == 1, "report --error: %d", r.status);
	{
		json_t *root = parse("report json", r.out);
		json_t *fd = json_array_get(json_object_get(root, "findings"), 0);

		CHECK(json_array_size(json_object_get(root, "findings")) == 1 &&
		      json_integer_value(json_object_get(fd, "line")) == 10 &&
		      !strcmp(str(fd, "subject"), "seamcall_ret"), "report json: '%s'", r.out);
		json_decref(root);
	}
	release(&r);
	r = run("report", "--db", db, "--ignore=unused-out-param");
	CHECK(r.status == 0 && !r.err[0], "report --ignore: '%s'", r.err);
	release(&r);
}

/* --dump-model: the model as JSON, loadable, naming the file; no findings. */
static void test_dump_model(void)
{
	const char *bad = case_file("unused-out-param/bad-seamcall-ret.c");
	struct result r = run("--dump-model", bad, "--", inc_flag());
	json_t *root = parse("dump", r.out), *fn = NULL;
	size_t i;

	CHECK(r.status == 0 && !r.err[0], "dump: %d '%s'", r.status, r.err);
	CHECK(root && !strcmp(str(root, "main_file"), bad), "main_file %s", str(root, "main_file"));
	for (i = 0; root && i < json_array_size(json_object_get(root, "funcs")); i++)
		if (!strcmp(str(json_array_get(json_object_get(root, "funcs"), i), "name"),
			    "tdx_call"))
			fn = json_array_get(json_object_get(root, "funcs"), i);
	CHECK(fn && json_is_true(json_object_get(fn, "is_definition")), "tdx_call in the dump");
	json_decref(root);
	release(&r);
}

/*
 * Lost output is a failure: stdout or stderr on a full disk is exit 2, with
 * one line saying so on stderr while stderr still works.
 */
static void test_write_errors(void)
{
	const char *bad = case_file("unused-out-param/bad-seamcall-ret.c");
	static const char *const formats[] = { "--format=json", "--format=sarif",
					       "--format=checkpatch" };
	struct result r;
	size_t i;

	out_to = "/dev/full";
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		r = run(formats[i], bad, "--", inc_flag());
		CHECK(r.status == 2 && lines(r.err) == 1 &&
		      strstr(r.err, "tdxcheck: cannot write the report: "),
		      "%s to a full disk: %d '%s'", formats[i], r.status, r.err);
		release(&r);
	}
	r = run("--list-rules");
	CHECK(r.status == 2 && lines(r.err) == 1 &&
	      strstr(r.err, "tdxcheck: cannot write to standard output"),
	      "--list-rules to a full disk: %d '%s'", r.status, r.err);
	release(&r);
	out_to = NULL;
	err_to = "/dev/full";
	r = run(bad, "--", inc_flag());
	CHECK(r.status == 2, "findings on stderr to a full disk: exit %d", r.status);
	release(&r);
	err_to = NULL;
}

/* A FIFO named as a source would block gcc forever: refused at once. */
static void test_fifo_input(void)
{
	char *fifo = fmt("%s/fifo.c", scratch);
	int fd;

	unlink(fifo);
	CHECK(mkfifo(fifo, 0644) == 0, "mkfifo %s", fifo);
	bad_input("FIFO as a source", run(fifo, "--", inc_flag()), "not a regular file");
	/* Whatever still waits on it (a run before the fix) sees the end of the file. */
	fd = open(fifo, O_WRONLY | O_NONBLOCK);
	if (fd >= 0)
		close(fd);
	unlink(fifo);
	free(fifo);
}

/*
 * Past column 4096 GCC gives every location column 0: two findings there
 * are still two, in either front end (clang keeps the real columns).
 */
static void test_long_line(void)
{
	static const char *const fes[] = { "--frontend=gcc", "--frontend=clang" };
	char *text, *file;
	size_t i;

	text = fmt("#include <linux/types.h>\n#include <asm/tdx.h>\n\n"
		   "void two_calls(struct tdx_module_args *args)\n{\n"
		   "%*s__tdx_hypercall(args); __tdx_hypercall(args);\n}\n", 5000, "");
	file = write_file("long-line.c", text);
	for (i = 0; i < 2; i++) {
		struct result r = run(fes[i], "--format=json", file, "--", inc_flag());
		json_t *root = parse("long line", r.out), *list;
		size_t k, n = 0;

		list = json_object_get(root, "findings");
		for (k = 0; k < json_array_size(list); k++) {
			json_t *fd = json_array_get(list, k);

			n += !strcmp(str(fd, "rule"), "status-ignored") &&
			     json_integer_value(json_object_get(fd, "line")) == 6;
		}
		CHECK(r.status == 0 && n == 2, "%s: %zu findings on the long line: '%s'", fes[i], n,
		      r.out);
		json_decref(root);
		release(&r);
	}
	free(text);
	free(file);
}

/*
 * Many findings on one long line, with a tdxcheck-ignore comment on it (for
 * another rule): the suppression check and the display column cost the
 * line's length once, not once per finding.  Quadratic cost (100,000
 * findings times 2.3 MB) would take hours and hit the test's timeout; the
 * exact first and last columns show the incremental column is right.
 */
#ifdef __SANITIZE_ADDRESS__
#define MANY_CALLS	20000	/* the instrumented front end is ten times slower */
#else
#define MANY_CALLS	100000
#endif

static void test_many_findings_on_one_line(void)
{
	static const char call[] = "__tdx_hypercall(args); ";
	const size_t step = sizeof(call) - 1;
	char *file = fmt("%s/many-on-one-line.c", scratch), *first, *last;
	FILE *f = fopen(file, "w");
	struct result r;
	size_t i;

	fputs("#include <linux/types.h>\n#include <asm/tdx.h>\n\n"
	      "void many(struct tdx_module_args *args)\n{\n\t", f);
	for (i = 0; i < MANY_CALLS; i++)
		fputs(call, f);
	fputs("/* tdxcheck-ignore: args-not-zeroed */\n}\n", f);
	fclose(f);
	first = fmt("%s:6:9: warning: ", file);
	last = fmt("%s:6:%zu: warning: ", file, 9 + (MANY_CALLS - 1) * step);
	r = run("--frontend=clang", file, "--", inc_flag());
	CHECK(r.status == 0 && lines(r.err) == MANY_CALLS, "clang: %d, %zu lines", r.status,
	      lines(r.err));
	CHECK(!strncmp(r.err, first, strlen(first)), "first finding: '%.200s'", r.err);
	CHECK(strstr(r.err, last) != NULL, "no finding at '%s'", last);
	release(&r);
	free(first);
	free(last);
	free(file);
}

/*
 * A file name is any bytes: one that is not UTF-8 keeps its findings in
 * every format and front end (JSON adds the exact bytes as "file_bytes").
 */
static void test_file_name_bytes(void)
{
	const char *bad = case_file("unused-out-param/bad-seamcall-ret.c");
	char *copy = fmt("%s/bad\xff" "name.c", scratch), *text = slurp(bad);
	char *want = fmt("%s:7:26: warning: %s [tdx-unused-out-param]\n", copy, seamcall_msg);
	char *bytes = fmt("%s/bad%%FFname.c", scratch);
	char *uri = fmt("file://%s/bad%%FFname.c", scratch);
	FILE *f = fopen(copy, "w");
	struct result r;
	json_t *root;

	fputs(text, f);
	fclose(f);
	r = run(copy, "--", inc_flag());
	CHECK(r.status == 0 && !strcmp(r.err, want), "gcc: %d '%s'", r.status, r.err);
	release(&r);
	r = run("--frontend=clang", copy, "--", inc_flag());
	CHECK(r.status == 0 && !strcmp(r.err, want), "clang: %d '%s'", r.status, r.err);
	release(&r);
	r = run("--format=checkpatch", copy, "--", inc_flag());
	CHECK(r.status == 0 && strstr(r.out, "has style problems"), "checkpatch: %d '%s' '%s'",
	      r.status, r.out, r.err);
	release(&r);
	r = run("--format=json", copy, "--", inc_flag());
	root = parse("json", r.out);
	{
		json_t *fd = json_array_get(json_object_get(root, "findings"), 0);

		CHECK(r.status == 0 && !strcmp(str(fd, "file_bytes"), bytes) &&
		      strstr(str(fd, "file"), "bad\xef\xbf\xbdname.c"), "json: %d '%s' '%s'",
		      r.status, r.out, r.err);
	}
	json_decref(root);
	release(&r);
	r = run("--format=sarif", copy, "--", inc_flag());
	CHECK(r.status == 0 && strstr(r.out, uri), "sarif: %d '%s'", r.status, r.err);
	release(&r);
	r = run("--dump-model", copy, "--", inc_flag());
	root = parse("dump", r.out);
	CHECK(r.status == 0 && !strcmp(str(root, "main_file_bytes"), bytes), "dump: %d '%s'",
	      r.status, r.err);
	json_decref(root);
	release(&r);
	free(copy);
	free(text);
	free(want);
	free(bytes);
	free(uri);
}

/*
 * 5,000 nested ifs: every front end walks them (tdxcheck-clang overflowed
 * its stack at about 4,000) and finds the dropped status at the bottom.
 */
static void test_deep_nesting(void)
{
	static const char *const fes[] = { "--frontend=gcc", "--frontend=clang" };
	char *file = fmt("%s/deep-ifs.c", scratch);
	char *want = fmt("%s:5004:1: warning: status returned by '__seamcall' is ignored "
			 "[tdx-status-ignored]\n", file);
	FILE *f = fopen(file, "w");
	struct result r;
	size_t i;

	fputs("unsigned long __seamcall(unsigned long fn, void *args);\n"
	      "int deep(int x)\n{\n", f);
	for (i = 0; i < 5000; i++)
		fputs("if (x)\n", f);
	fputs("__seamcall(1, 0);\nreturn 0;\n}\n", f);
	fclose(f);
	for (i = 0; i < 2; i++) {
		r = run(fes[i], "--types=status-ignored", file);
		CHECK(r.status == 0 && !strcmp(r.err, want), "%s: %d '%.300s'", fes[i], r.status,
		      r.err);
		release(&r);
	}
	free(file);
	free(want);
}

/*
 * Deeper than the clang front end's stated limit (100,000 levels): one line
 * naming the file and the depth, exit 2, no crash.  An expression chain, as
 * libclang parses 100,000 nested ifs in quadratic time.
 */
static void test_too_deep(void)
{
	char *file = fmt("%s/too-deep.c", scratch);
	char *line = fmt("tdxcheck-clang: %s:3: nested more than 100000 levels deep; "
			 "not checked\n", file);
	FILE *f = fopen(file, "w");
	struct result r;
	size_t i;

	fputs("int sum(int x)\n{\n\treturn ", f);
	for (i = 0; i < 100000; i++)
		fputs("x + ", f);
	fputs("x;\n}\n", f);
	fclose(f);
	run_limit = 580;
	r = run("--frontend=clang", file);
	CHECK(r.status == 2 && !strncmp(r.err, line, strlen(line)) && lines(r.err) == 2 &&
	      strstr(r.err, "not checked: ") && strstr(r.err, "exited with status 2"),
	      "too deep: %d '%.300s'", r.status, r.err);
	release(&r);
	free(file);
	free(line);
}

int main(int argc, char *argv[])
{
	if (argc != 4 && !(argc == 5 && !strcmp(argv[4], "too-deep"))) {
		fprintf(stderr, "usage: test-driver TDXCHECK SOURCE-DIR SCRATCH-DIR [too-deep]\n");
		return 2;
	}
	tdxcheck = argv[1];
	srcdir = argv[2];
	scratch = argv[3];
	mkdir(scratch, 0755);
	/* A test of its own: libclang takes a while over 100,000 levels. */
	if (argc == 5) {
		test_too_deep();
		return tdx_test_status();
	}
	test_info();
	test_bad_input();
	test_syntax_error();
	test_gcc_and_error();
	test_asm_skipped();
	test_checkpatch();
	test_json();
	test_sarif();
	test_compdb();
	test_sparse();
	test_xfile();
	test_dump_model();
	test_write_errors();
	test_fifo_input();
	test_long_line();
	test_many_findings_on_one_line();
	test_file_name_bytes();
	test_deep_nesting();
	return tdx_test_status();
}
