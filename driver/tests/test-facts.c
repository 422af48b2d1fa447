// SPDX-License-Identifier: GPL-2.0
/*
 * The facts database: whole-build findings on hand-built models, facts of a
 * re-checked unit replacing the old ones, many concurrent writers losing
 * nothing, and one-line errors for missing, corrupt, damaged, locked and
 * foreign databases.
 *
 *   test-facts DIR    (a scratch directory)
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "facts.h"
#include "model.h"
#include "rules.h"

#include "tdx_test.h"

static char dir[4096];

/* dir/name, malloc'd; the test is short-lived and never frees them. */
static char *path(const char *name)
{
	char *p;

	if (asprintf(&p, "%s/%s", dir, name) < 0)
		abort();
	return p;
}

static struct tdx_function *define(struct tdx_tu *tu, const char *name, unsigned int line,
				   bool is_static)
{
	struct tdx_function *fn = tdx_function_get(tu, name);

	fn->loc = tdx_loc_make(tu, tu->main_file, line, 5);
	fn->is_definition = true;
	fn->is_static = is_static;
	fn->body = tdx_stmt_new(tu, TDX_STMT_BLOCK);
	return fn;
}

static void declare(struct tdx_tu *tu, const char *name, unsigned int line)
{
	struct tdx_function *fn = tdx_function_get(tu, name);

	fn->loc = tdx_loc_make(tu, tu->main_file, line, 5);
}

static struct tdx_var *param(struct tdx_tu *tu, struct tdx_function *fn, const char *name,
			     enum tdx_type_class class, unsigned int line)
{
	struct tdx_var *v = tdx_var_add(tu, fn, name, true);

	v->type.class = class;
	v->loc = tdx_loc_make(tu, tu->main_file, line, 10);
	return v;
}

/* caller calls callee(kinds...): 'n' NULL, 'a' &local, 'o' other. */
static void call(struct tdx_tu *tu, const char *caller, const char *callee, const char *kinds,
		 unsigned int line)
{
	int c = tdx_call_add(tu, tdx_function_index(tu, caller), callee);
	struct tdx_call *cl = tu->calls[c];
	const char *k;

	cl->loc = tdx_loc_make(tu, tu->main_file, line, 9);
	cl->result_used = true;
	for (k = kinds; *k; k++)
		tdx_arg_add(tu, cl, *k == 'n' ? TDX_ARG_NULL : *k == 'a' ? TDX_ARG_ADDR_LOCAL :
			    TDX_ARG_OTHER, *k == 'a' ? "x" : NULL);
}

static void record(const char *db, struct tdx_tu *tu)
{
	char err[512];

	CHECK(tdx_facts_record(db, tu, err, sizeof(err)) == 0, "record %s: %s",
	      tu->main_file, err);
	tdx_tu_free(tu);
}

/* The helper of the review: __always_unused, an out pointer every caller passes NULL. */
static struct tdx_tu *helper_unit(const char *inner)
{
	struct tdx_tu *tu = tdx_tu_new(path("helper.c"));
	struct tdx_function *fn = define(tu, "tdx_helper", 12, false);

	fn->spelled_unused = TDX_UNUSED_ALWAYS;
	fn->attr_loc = tdx_loc_make(tu, tu->main_file, 12, 25);
	param(tu, fn, "fn", TDX_TYPE_SCALAR, 12);
	param(tu, fn, "ret", TDX_TYPE_POINTER, 13);
	call(tu, "tdx_helper", inner, "oo", 15);
	return tu;
}

static struct tdx_tu *caller_unit(const char *name, const char *kinds)
{
	struct tdx_tu *tu = tdx_tu_new(path(name));

	declare(tu, "tdx_helper", 3);
	define(tu, "use_helper", 6, true);
	call(tu, "use_helper", "tdx_helper", kinds, 8);
	return tu;
}

static void expect_findings(const char *what, const char *db, const struct tdx_config *cfg,
			    const char *want)
{
	struct tdx_findings out = { 0 };
	char err[512], got[2048] = "";
	size_t i, n = 0;

	CHECK(tdx_facts_check(db, cfg, &out, err, sizeof(err)) == 0, "%s: check: %s", what, err);
	for (i = 0; i < out.nr; i++) {
		const char *base = strrchr(out.v[i].loc.file, '/');

		n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%s:%u:%s:%s",
				      i ? ";" : "", base ? base + 1 : out.v[i].loc.file,
				      out.v[i].loc.line, tdx_rules[out.v[i].rule].name,
				      out.v[i].subject);
	}
	CHECK(!strcmp(got, want), "%s:\n  got  '%s'\n  want '%s'", what, got, want);
	tdx_findings_release(&out);
}

static void test_cross_file(void)
{
	const char *db = path("xfile.db");
	struct tdx_config cfg, all;
	struct tdx_tu *tu;

	tdx_config_init(&cfg);
	tdx_config_init(&all);
	tdx_config_set_scope(&all, "all");
	unlink(db);

	/* Only the helper's own unit: no caller anywhere, nothing to say. */
	record(db, helper_unit("__seamcall"));
	expect_findings("helper alone", db, &cfg, "");

	record(db, caller_unit("caller1.c", "on"));
	record(db, caller_unit("caller2.c", "on"));
	expect_findings("two callers pass NULL", db, &cfg,
			"helper.c:12:unused-attr-on-used:tdx_helper;helper.c:13:unused-out-param:ret");

	/* Re-checking caller2 replaces its facts: now it passes &x. */
	record(db, caller_unit("caller2.c", "oa"));
	expect_findings("caller2 re-recorded", db, &cfg,
			"helper.c:12:unused-attr-on-used:tdx_helper");

	/* A call with too few arguments proves nothing about the parameter. */
	record(db, caller_unit("caller2.c", "o"));
	expect_findings("short call", db, &cfg, "helper.c:12:unused-attr-on-used:tdx_helper");
	record(db, caller_unit("caller2.c", "on"));

	/* Rule selection. */
	tdx_config_select(&cfg, "unused-attr-on-used", false, NULL, 0);
	expect_findings("--ignore", db, &cfg, "helper.c:13:unused-out-param:ret");
	tdx_config_release(&cfg);
	tdx_config_init(&cfg);

	/* Not TDX code: judged only with scope all. */
	record(db, helper_unit("memcpy"));
	expect_findings("out of scope", db, &cfg, "");
	expect_findings("scope all", db, &all,
			"helper.c:12:unused-attr-on-used:tdx_helper;helper.c:13:unused-out-param:ret");

	/* ... or when a primitive is reached through a function of another unit. */
	tu = tdx_tu_new(path("inner.c"));
	define(tu, "memcpy", 4, false);
	call(tu, "memcpy", "__tdcall", "o", 5);
	record(db, tu);
	expect_findings("reach across units", db, &cfg,
			"helper.c:12:unused-attr-on-used:tdx_helper;helper.c:13:unused-out-param:ret");

	/* A static function of the same name elsewhere is another function. */
	tu = tdx_tu_new(path("inner.c"));
	define(tu, "memcpy", 4, true);
	call(tu, "memcpy", "__tdcall", "o", 5);
	record(db, tu);
	expect_findings("static namesake", db, &cfg, "");

	/* An escaping address: callers nobody can list. */
	record(db, helper_unit("__seamcall"));
	tu = tdx_tu_new(path("escape.c"));
	declare(tu, "tdx_helper", 2);
	tdx_function_get(tu, "tdx_helper")->address_taken = true;
	record(db, tu);
	expect_findings("address taken", db, &cfg, "helper.c:12:unused-attr-on-used:tdx_helper");

	tdx_config_release(&cfg);
	tdx_config_release(&all);
}

#define WRITERS		16
#define UNITS		12	/* per writer */
#define FUNCS		5	/* per unit, each with 2 params and 3 calls of 2 args */
#define GLOBAL_FUNCS	3	/* f_0, f_2, f_4: the odd ones are static */

static struct tdx_tu *bulk_unit(int writer, int unit)
{
	char name[64];
	struct tdx_tu *tu;
	int f;

	snprintf(name, sizeof(name), "w%02d-u%02d.c", writer, unit);
	tu = tdx_tu_new(path(name));
	for (f = 0; f < FUNCS; f++) {
		struct tdx_function *fn;
		char fname[64];
		int c;

		snprintf(fname, sizeof(fname), "f_%d_%d_%d", writer, unit, f);
		fn = define(tu, fname, 10 + f, f % 2);
		param(tu, fn, "a", TDX_TYPE_SCALAR, 10 + f);
		param(tu, fn, "b", TDX_TYPE_STRUCT_PTR, 10 + f);
		for (c = 0; c < 3; c++)
			call(tu, fname, "__seamcall", "on", 20 + c);
	}
	return tu;
}

static long count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	long n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void test_concurrent_writers(void)
{
	const char *db = path("bulk.db");
	pid_t pids[WRITERS];
	sqlite3 *h;
	int w, u, status;

	unlink(db);
	for (w = 0; w < WRITERS; w++) {
		pids[w] = fork();
		if (pids[w] == 0) {
			char err[512];
			int bad = 0;

			/* Every unit twice: the second write must replace the first. */
			for (u = 0; u < 2 * UNITS; u++) {
				struct tdx_tu *tu = bulk_unit(w, u % UNITS);

				if (tdx_facts_record(db, tu, err, sizeof(err))) {
					fprintf(stderr, "writer %d: %s\n", w, err);
					bad = 1;
				}
				tdx_tu_free(tu);
			}
			_exit(bad);
		}
		CHECK(pids[w] > 0, "fork");
	}
	for (w = 0; w < WRITERS; w++) {
		CHECK(waitpid(pids[w], &status, 0) == pids[w] && WIFEXITED(status) &&
		      WEXITSTATUS(status) == 0, "writer %d failed", w);
	}

	CHECK(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK, "open %s", db);
	CHECK(count(h, "SELECT count(*) FROM units") == WRITERS * UNITS, "units: %ld",
	      count(h, "SELECT count(*) FROM units"));
	CHECK(count(h, "SELECT count(*) FROM functions") == WRITERS * UNITS * FUNCS,
	      "functions: %ld", count(h, "SELECT count(*) FROM functions"));
	/* parameters are kept for global definitions: unused-out-param's subjects */
	CHECK(count(h, "SELECT count(*) FROM params") == WRITERS * UNITS * GLOBAL_FUNCS * 2,
	      "params: %ld", count(h, "SELECT count(*) FROM params"));
	CHECK(count(h, "SELECT count(*) FROM calls") == WRITERS * UNITS * FUNCS * 3,
	      "calls: %ld", count(h, "SELECT count(*) FROM calls"));
	CHECK(count(h, "SELECT count(*) FROM args") == WRITERS * UNITS * FUNCS * 3 * 2,
	      "args: %ld", count(h, "SELECT count(*) FROM args"));
	/* No call row without its arguments, no argument without its call. */
	CHECK(count(h, "SELECT count(*) FROM args WHERE call NOT IN (SELECT id FROM calls)") == 0,
	      "orphan args");
	CHECK(count(h, "SELECT count(*) FROM functions WHERE unit NOT IN (SELECT id FROM units)")
	      == 0, "orphan functions");
	CHECK(count(h, "SELECT count(DISTINCT name) FROM functions") == WRITERS * UNITS * FUNCS,
	      "distinct functions");
	{
		sqlite3_stmt *st;
		const char *mode = NULL;

		if (sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			mode = (const char *)sqlite3_column_text(st, 0);
		CHECK(mode && !strcmp(mode, "wal"), "journal_mode %s", mode ? mode : "?");
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
}

static void expect_error(const char *what, const char *db, const char *needle)
{
	struct tdx_findings out = { 0 };
	struct tdx_config cfg;
	char err[512] = "";

	tdx_config_init(&cfg);
	CHECK(tdx_facts_check(db, &cfg, &out, err, sizeof(err)) == -1, "%s: no error", what);
	CHECK(strstr(err, db) == err, "%s: '%s' does not start with the path", what, err);
	CHECK(strstr(err, needle) != NULL, "%s: '%s' lacks '%s'", what, err, needle);
	CHECK(!strchr(err, '\n'), "%s: more than one line", what);
	CHECK(out.nr == 0, "%s: findings", what);
	tdx_config_release(&cfg);
}

static void test_bad_databases(void)
{
	const char *corrupt = path("corrupt.db"), *foreign = path("foreign.db");
	struct tdx_tu *tu;
	char err[512];
	sqlite3 *h;
	FILE *f;

	expect_error("missing", path("missing.db"), "No such file");

	f = fopen(corrupt, "w");
	fputs("this is not an SQLite database, only text that is long enough to fill a header"
	      " and then some more text after it\n", f);
	fclose(f);
	expect_error("corrupt", corrupt, "not a database");
	tu = tdx_tu_new(path("x.c"));
	err[0] = '\0';
	CHECK(tdx_facts_record(corrupt, tu, err, sizeof(err)) == -1 && strstr(err, corrupt) == err,
	      "record into corrupt: '%s'", err);
	tdx_tu_free(tu);

	unlink(foreign);
	sqlite3_open(foreign, &h);
	sqlite3_exec(h, "CREATE TABLE t(x); PRAGMA user_version = 7", NULL, NULL, NULL);
	sqlite3_close(h);
	expect_error("foreign", foreign, "not a tdxcheck facts database");
}

/* A database the report finds two things in; its rows are the test's to damage. */
static const char *good_db(const char *name)
{
	const char *db = path(name);
	struct tdx_config cfg;
	char *wal, *shm;

	if (asprintf(&wal, "%s-wal", db) < 0 || asprintf(&shm, "%s-shm", db) < 0)
		abort();
	unlink(db);
	unlink(wal);
	unlink(shm);
	free(wal);
	free(shm);
	record(db, helper_unit("__seamcall"));
	record(db, caller_unit("caller1.c", "on"));
	record(db, caller_unit("caller2.c", "on"));
	tdx_config_init(&cfg);
	expect_findings(name, db, &cfg,
			"helper.c:12:unused-attr-on-used:tdx_helper;helper.c:13:unused-out-param:ret");
	tdx_config_release(&cfg);
	return db;
}

static void sql(const char *db, const char *text)
{
	sqlite3 *h;
	char *msg = NULL;

	CHECK(sqlite3_open(db, &h) == SQLITE_OK, "open %s", db);
	CHECK(sqlite3_exec(h, text, NULL, NULL, &msg) == SQLITE_OK, "%s: %s", text, msg);
	sqlite3_free(msg);
	sqlite3_close(h);
}

/* Overwrite the first bytes of table's root page, with everything checkpointed into the file. */
static void smash_table(const char *db, const char *table)
{
	char *q;
	long root = -1, page = -1;
	sqlite3 *h;
	FILE *f;
	int i;

	CHECK(sqlite3_open(db, &h) == SQLITE_OK, "open %s", db);
	sqlite3_exec(h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	if (asprintf(&q, "SELECT rootpage FROM sqlite_master WHERE name = '%s'", table) < 0)
		abort();
	root = count(h, q);
	page = count(h, "PRAGMA page_size");
	free(q);
	sqlite3_close(h);
	CHECK(root > 1 && page > 0, "%s: root page %ld, page size %ld", table, root, page);
	f = fopen(db, "r+");
	CHECK(f && !fseek(f, (root - 1) * page, SEEK_SET), "seek in %s", db);
	for (i = 0; f && i < 256; i++)
		fwrite("\xde\xad\xbe\xef", 1, 4, f);
	if (f)
		fclose(f);
}

static void test_damaged_databases(void)
{
	const char *db, *crafted = path("crafted.db");
	struct tdx_tu *tu;
	char err[512], magic[64];

	/* F3: a damaged page stops a scan early; fewer rows are not fewer findings. */
	db = good_db("smashed-params.db");
	smash_table(db, "params");
	expect_error("damaged params", db, "corrupt");
	db = good_db("smashed-functions.db");
	smash_table(db, "functions");
	expect_error("damaged functions", db, "corrupt");

	/* F1 and F7: a missing table, with sqlite's own word for it. */
	db = good_db("no-calls.db");
	sql(db, "DROP TABLE calls");
	expect_error("no calls table", db, "no such table: calls");
	db = good_db("no-args.db");
	sql(db, "DROP TABLE args");
	expect_error("no args table", db, "no such table: args");

	/* F7: a writer's failure keeps its reason past the ROLLBACK. */
	db = good_db("no-column.db");
	sql(db, "ALTER TABLE functions DROP COLUMN nr_params");
	tu = helper_unit("__seamcall");
	err[0] = '\0';
	CHECK(tdx_facts_record(db, tu, err, sizeof(err)) == -1 && strstr(err, db) == err &&
	      strstr(err, "column") && !strstr(err, "not an error"),
	      "record without a column: '%s'", err);
	tdx_tu_free(tu);

	/* F2: an older or crafted schema lets a function without a name in. */
	unlink(crafted);
	snprintf(magic, sizeof(magic), "PRAGMA user_version = %d", 0x74647801);
	sql(crafted, "CREATE TABLE units(id INTEGER PRIMARY KEY, path TEXT, recorded INTEGER);"
	    "CREATE TABLE functions(unit INTEGER, name TEXT, file TEXT, line INTEGER,"
	    " col INTEGER, is_definition INTEGER, is_static INTEGER, address_taken INTEGER,"
	    " spelled_unused INTEGER, attr_file TEXT, attr_line INTEGER, attr_col INTEGER,"
	    " nr_params INTEGER);"
	    "CREATE TABLE params(unit INTEGER, func TEXT, idx INTEGER, name TEXT, file TEXT,"
	    " line INTEGER, col INTEGER, type_class TEXT, spelled_unused INTEGER);"
	    "CREATE TABLE calls(id INTEGER PRIMARY KEY, unit INTEGER, caller TEXT, callee TEXT,"
	    " via TEXT, file TEXT, line INTEGER, col INTEGER, result_used INTEGER,"
	    " nr_args INTEGER);"
	    "CREATE TABLE args(call INTEGER, unit INTEGER, idx INTEGER, kind TEXT, name TEXT);"
	    "INSERT INTO functions(unit, name, is_definition) VALUES(1, 'f', 1), (1, NULL, 1),"
	    " (2, 'g', 1);");
	sql(crafted, magic);
	expect_error("function without a name", crafted, "corrupt");
}

/* F4: a lock nobody releases ends in "database is locked" at the deadline. */
static void test_locked_database(void)
{
	const char *db = good_db("locked.db");
	struct tdx_findings out = { 0 };
	struct tdx_config cfg;
	struct tdx_tu *tu;
	char err[512] = "";
	sqlite3 *h;

	CHECK(sqlite3_open(db, &h) == SQLITE_OK, "open %s", db);
	CHECK(sqlite3_exec(h, "BEGIN EXCLUSIVE", NULL, NULL, NULL) == SQLITE_OK, "lock %s", db);
	setenv("TDXCHECK_DB_TIMEOUT", "1", 1);
	tu = helper_unit("__seamcall");
	CHECK(tdx_facts_record(db, tu, err, sizeof(err)) == -1 && strstr(err, db) == err &&
	      strstr(err, "database is locked") && !strchr(err, '\n'),
	      "record into a locked database: '%s'", err);
	tdx_tu_free(tu);
	/* A reader is not held up by the writer (WAL). */
	tdx_config_init(&cfg);
	CHECK(tdx_facts_check(db, &cfg, &out, err, sizeof(err)) == 0 && out.nr == 2,
	      "report while locked: '%s', %zu findings", err, out.nr);
	tdx_findings_release(&out);
	tdx_config_release(&cfg);
	unsetenv("TDXCHECK_DB_TIMEOUT");
	sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(h);
}

/* F6: another program's database is refused, and left as it was. */
static void test_foreign_database(void)
{
	const char *db = path("other-program.db");
	struct tdx_tu *tu = tdx_tu_new(path("x.c"));
	char err[512] = "";
	sqlite3 *h;
	sqlite3_stmt *st;

	unlink(db);
	sql(db, "CREATE TABLE settings(key TEXT, value TEXT)");
	CHECK(tdx_facts_record(db, tu, err, sizeof(err)) == -1 && strstr(err, db) == err &&
	      strstr(err, "not a tdxcheck facts database"), "record into a foreign db: '%s'", err);
	CHECK(tdx_facts_open(db, err, sizeof(err)) == -1, "open a foreign db");
	tdx_tu_free(tu);
	CHECK(sqlite3_open(db, &h) == SQLITE_OK, "open %s", db);
	CHECK(count(h, "SELECT count(*) FROM sqlite_master") == 1, "tables added to %s", db);
	if (sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		CHECK(!strcmp((const char *)sqlite3_column_text(st, 0), "delete"),
		      "journal mode changed to %s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/*
 * F5: a reader that cannot write the directory (a CI artefact, a read-only
 * mount) reads the WAL database all the same.  root writes anywhere, so the
 * reader runs as nobody then.
 */
static void test_read_only_directory(void)
{
	const char *ro = path("read-only");
	char *db;
	pid_t pid;
	int status;

	mkdir(ro, 0755);
	chmod(ro, 0755);
	if (asprintf(&db, "%s/facts.db", ro) < 0)
		abort();
	unlink(db);
	record(db, helper_unit("__seamcall"));
	record(db, caller_unit("caller1.c", "on"));
	record(db, caller_unit("caller2.c", "on"));
	CHECK(chmod(ro, 0555) == 0, "chmod %s", ro);
	pid = fork();
	if (pid == 0) {
		int before = failures;
		struct tdx_config cfg;

		if (geteuid() == 0 && (setgid(65534) || setuid(65534)))
			_exit(3);
		tdx_config_init(&cfg);
		expect_findings("read-only directory", db, &cfg,
				"helper.c:12:unused-attr-on-used:tdx_helper;"
				"helper.c:13:unused-out-param:ret");
		_exit(failures != before);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0, "reader in a read-only directory failed");
	chmod(ro, 0755);
}

int main(int argc, char *argv[])
{
	if (argc != 2) {
		fprintf(stderr, "usage: test-facts SCRATCH-DIR\n");
		return 2;
	}
	snprintf(dir, sizeof(dir), "%s", argv[1]);
	test_cross_file();
	test_concurrent_writers();
	test_bad_databases();
	test_damaged_databases();
	test_locked_database();
	test_foreign_database();
	test_read_only_directory();
	return tdx_test_status();
}
