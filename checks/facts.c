// SPDX-License-Identifier: GPL-2.0
/*
 * Cross-file facts in SQLite.
 *
 * Recording stores raw facts only: functions, the spelling of their unused
 * attributes, parameters, call sites and argument kinds.  Whether a function
 * reaches a TDX primitive is decided when the facts are checked, over the
 * call graph of the whole build and with the primitive patterns of that run:
 * a helper in one file may reach a primitive only through a callee defined in
 * another, which no single unit can know.
 *
 * Writers: make -j runs many compiles at once.  The database is in WAL mode
 * (readers never block the writer), every unit is written in one
 * BEGIN IMMEDIATE transaction that first deletes the unit's old facts, and
 * SQLITE_BUSY is waited out until one overall deadline (TDXCHECK_DB_TIMEOUT
 * seconds, default 180): a writer stuck on a lock that is never released
 * says "database is locked" rather than waiting forever in silence.
 *
 * Reading: a table that cannot be read whole is an error, never fewer rows;
 * a database that is not ours, or only half ours, is refused, not converted.
 */
#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "facts.h"
#include "analysis.h"
#include "xalloc.h"

#define FACTS_MAGIC		TDX_FACTS_DB_MAGIC	/* PRAGMA user_version: facts.h */
/* How long one open, record or read may wait for other writers, in seconds. */
#define DB_TIMEOUT_DEFAULT	180
#define DB_TIMEOUT_ENV		"TDXCHECK_DB_TIMEOUT"

static const char schema_sql[] =
	"CREATE TABLE IF NOT EXISTS units("
	" id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, recorded INTEGER);"
	"CREATE TABLE IF NOT EXISTS functions("
	" unit INTEGER NOT NULL, name TEXT NOT NULL,"
	" file TEXT, line INTEGER, col INTEGER,"
	" is_definition INTEGER, is_static INTEGER, address_taken INTEGER,"
	" spelled_unused INTEGER, attr_file TEXT, attr_line INTEGER, attr_col INTEGER,"
	" nr_params INTEGER);"
	"CREATE INDEX IF NOT EXISTS functions_unit ON functions(unit);"
	"CREATE TABLE IF NOT EXISTS params("
	" unit INTEGER NOT NULL, func TEXT NOT NULL, idx INTEGER, name TEXT,"
	" file TEXT, line INTEGER, col INTEGER, type_class TEXT, spelled_unused INTEGER);"
	"CREATE INDEX IF NOT EXISTS params_unit ON params(unit);"
	"CREATE TABLE IF NOT EXISTS calls("
	" id INTEGER PRIMARY KEY, unit INTEGER NOT NULL, caller TEXT, callee TEXT, via TEXT,"
	" file TEXT, line INTEGER, col INTEGER, result_used INTEGER, nr_args INTEGER);"
	"CREATE INDEX IF NOT EXISTS calls_unit ON calls(unit);"
	"CREATE TABLE IF NOT EXISTS args("
	" call INTEGER NOT NULL, unit INTEGER NOT NULL, idx INTEGER, kind TEXT, name TEXT);"
	"CREATE INDEX IF NOT EXISTS args_unit ON args(unit);";

static const char *const arg_kinds[] = {
	[TDX_ARG_NULL] = "null",
	[TDX_ARG_ADDR_LOCAL] = "addr",
	[TDX_ARG_FUNC] = "func",
	[TDX_ARG_PARAM] = "param",
	[TDX_ARG_OTHER] = "other",
};

static const char *const type_classes[] = {
	[TDX_TYPE_SCALAR] = "scalar",
	[TDX_TYPE_POINTER] = "pointer",
	[TDX_TYPE_STRUCT_PTR] = "struct-ptr",
	[TDX_TYPE_STRUCT] = "struct",
	[TDX_TYPE_FUNC_PTR] = "func-ptr",
	[TDX_TYPE_OTHER] = "other",
};

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* sqlite's own message, or a plainer one for the common cases. */
static const char *db_reason(sqlite3 *db, int rc)
{
	if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
		return "not a database or corrupt";
	return db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
}

static void nap(int attempt)
{
	struct timespec ts = { 0, (long)(1 + attempt % 20) * 5 * 1000 * 1000 };

	nanosleep(&ts, NULL);
}

/*
 * One deadline for everything one call does: every wait on a lock (sqlite's
 * busy handler and the retries around it) ends there.
 */
struct deadline {
	struct timespec end;
	long seconds;
};

static void deadline_start(struct deadline *d)
{
	const char *env = getenv(DB_TIMEOUT_ENV);
	char *end;
	long s = DB_TIMEOUT_DEFAULT;

	if (env && env[0]) {
		errno = 0;
		s = strtol(env, &end, 10);
		if (errno || *end || s < 0 || s > 24L * 3600)
			s = DB_TIMEOUT_DEFAULT;
	}
	d->seconds = s;
	clock_gettime(CLOCK_MONOTONIC, &d->end);
	d->end.tv_sec += s;
}

static long deadline_ms_left(const struct deadline *d)
{
	struct timespec now;
	long long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (long long)(d->end.tv_sec - now.tv_sec) * 1000 +
	     (d->end.tv_nsec - now.tv_nsec) / 1000000;
	if (ms <= 0)
		return 0;
	return ms > INT_MAX ? INT_MAX : (long)ms;
}

/* Whether to try again after rc: busy, and time is left (the busy handler waits until then). */
static bool retry_busy(sqlite3 *db, int rc, const struct deadline *d, int attempt)
{
	long left;

	if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
		return false;
	left = deadline_ms_left(d);
	if (!left)
		return false;
	nap(attempt);
	sqlite3_busy_timeout(db, (int)left);
	return true;
}

/* sqlite3_exec, with SQLITE_BUSY/LOCKED retried until the deadline. */
static int exec_retry(sqlite3 *db, const char *sql, const struct deadline *d)
{
	int attempt = 0, rc;

	do
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	while (retry_busy(db, rc, d, attempt++));
	return rc;
}

/* Why rc happened, read before anything else can overwrite sqlite's message. */
static void note_reason(char *why, size_t whylen, sqlite3 *db, int rc)
{
	snprintf(why, whylen, "%s", rc == SQLITE_BUSY || rc == SQLITE_LOCKED ?
		 "database is locked" : db_reason(db, rc));
}

static int pragma_int(sqlite3 *db, const char *sql, int *value)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*value = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * user_version and the number of tables, read in one statement so that both
 * come from one snapshot (a first writer may commit the schema in between),
 * waiting out writers until the deadline.
 */
static int read_version(sqlite3 *db, int *version, int *tables, const struct deadline *d)
{
	sqlite3_stmt *st;
	int attempt = 0, rc;

	do {
		rc = sqlite3_prepare_v2(db, "SELECT user_version,"
					" (SELECT count(*) FROM sqlite_master) FROM pragma_user_version",
					-1, &st, NULL);
		if (rc != SQLITE_OK)
			continue;
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*version = sqlite3_column_int(st, 0);
			*tables = sqlite3_column_int(st, 1);
			rc = SQLITE_OK;
		}
		sqlite3_finalize(st);
	} while (retry_busy(db, rc, d, attempt++));
	return rc;
}

/* Whether path has a write-ahead log with transactions not yet in the file itself. */
static bool has_wal(const char *path)
{
	char *wal = tdx_xasprintf("%s-wal", path);
	struct stat st;
	bool ret = !stat(wal, &st) && st.st_size > 0;

	free(wal);
	return ret;
}

/*
 * Reopen path read-only as immutable: no lock, no WAL index.  Only right when
 * has_wal() says every commit is in the file; the URI spells every byte that
 * is not plainly safe as %XX, so any file name survives.
 */
static int open_immutable(const char *path, sqlite3 **db)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t len = strlen(path), i, o;
	char *uri = tdx_xmalloc(3 * len + 32);
	int rc;

	o = (size_t)sprintf(uri, "file:");
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)path[i];

		if (isalnum(c) || strchr("/._-~", c)) {
			uri[o++] = (char)c;
		} else {
			uri[o++] = '%';
			uri[o++] = hex[c >> 4];
			uri[o++] = hex[c & 15];
		}
	}
	strcpy(uri + o, "?immutable=1");
	rc = sqlite3_open_v2(uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
			     NULL);
	free(uri);
	return rc;
}

/*
 * Open for writing (create) or reading.  A writer creates the file when
 * absent; the schema is created inside the caller's write transaction, so two
 * first writers cannot race on it.
 */
static sqlite3 *open_db(const char *path, bool create, const struct deadline *d,
			char *err, size_t errlen)
{
	int flags = create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
			   : SQLITE_OPEN_READONLY;
	sqlite3 *db = NULL;
	int rc, tables = 0;
	int version = 0;

	if (!create && access(path, R_OK)) {
		set_err(err, errlen, "%s: cannot open database: %s", path, strerror(errno));
		return NULL;
	}
	rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		set_err(err, errlen, "%s: cannot open database: %s", path, db_reason(db, rc));
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, (int)deadline_ms_left(d));

	/* Reading the header is what tells a database from any other file. */
	rc = read_version(db, &version, &tables, d);
	/*
	 * A reader in a directory it cannot write (a CI artefact, a read-only
	 * mount) cannot create the WAL index a WAL database wants; with no log
	 * left over, the file alone holds every commit and is read as is.
	 */
	if (!create && ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN) &&
	    !has_wal(path)) {
		sqlite3_close(db);
		db = NULL;
		rc = open_immutable(path, &db);
		if (rc == SQLITE_OK)
			rc = read_version(db, &version, &tables, d);
	}
	if (rc != SQLITE_OK) {
		set_err(err, errlen, "%s: %s", path, db_reason(db, rc));
		sqlite3_close(db);
		return NULL;
	}
	if (version != 0 && version != FACTS_MAGIC) {
		set_err(err, errlen, "%s: not a tdxcheck facts database (user_version %d)",
			path, version);
		sqlite3_close(db);
		return NULL;
	}
	if (!create && version == 0) {
		set_err(err, errlen, "%s: not a tdxcheck facts database (no facts recorded)",
			path);
		sqlite3_close(db);
		return NULL;
	}
	/*
	 * user_version 0 with tables in it: another program's database, which
	 * switching to WAL and adding our tables would damage.
	 */
	if (version == 0 && tables) {
		set_err(err, errlen, "%s: not a tdxcheck facts database (it holds other tables)",
			path);
		sqlite3_close(db);
		return NULL;
	}
	if (create) {
		/* WAL persists in the file; the first writer switches it. */
		rc = exec_retry(db, "PRAGMA journal_mode=WAL", d);
		if (rc == SQLITE_OK)
			rc = exec_retry(db, "PRAGMA synchronous=NORMAL", d);
		if (rc != SQLITE_OK) {
			char why[256];

			note_reason(why, sizeof(why), db, rc);
			set_err(err, errlen, "%s: %s", path, why);
			sqlite3_close(db);
			return NULL;
		}
	}
	return db;
}

/* A prepared statement per table, bound and stepped once per row. */
struct writer {
	sqlite3 *db;
	sqlite3_stmt *func, *param, *call, *arg;
	sqlite3_int64 unit;
};

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static int bind_loc(sqlite3_stmt *st, int i, const struct tdx_loc *loc)
{
	bind_text(st, i, loc->file);
	sqlite3_bind_int(st, i + 1, (int)loc->line);
	sqlite3_bind_int(st, i + 2, (int)loc->col);
	return i + 3;
}

static int step_reset(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int write_function(struct writer *w, const struct tdx_function *fn)
{
	sqlite3_stmt *st = w->func;
	size_t i;
	int rc;

	/*
	 * A unit declares thousands of functions through the headers it
	 * includes; a plain declaration says nothing the whole-build rules
	 * need (calls are recorded apart), so only bodies, spelled attributes,
	 * escaping addresses and static names (which hide a global one) go in.
	 */
	if (!fn->is_definition && !fn->spelled_unused && !fn->address_taken && !fn->is_static)
		return SQLITE_OK;
	sqlite3_bind_int64(st, 1, w->unit);
	bind_text(st, 2, fn->name);
	bind_loc(st, 3, &fn->loc);
	sqlite3_bind_int(st, 6, fn->is_definition);
	sqlite3_bind_int(st, 7, fn->is_static);
	sqlite3_bind_int(st, 8, fn->address_taken);
	sqlite3_bind_int(st, 9, (int)fn->spelled_unused);
	bind_loc(st, 10, &fn->attr_loc);
	sqlite3_bind_int(st, 13, (int)fn->nr_params);
	rc = step_reset(st);
	if (rc != SQLITE_OK)
		return rc;

	/* Parameters of global definitions: unused-out-param judges those. */
	if (!fn->is_definition || fn->is_static)
		return SQLITE_OK;
	for (i = 0; i < fn->nr_params && i < fn->nr_vars; i++) {
		const struct tdx_var *v = fn->vars[i];

		st = w->param;
		sqlite3_bind_int64(st, 1, w->unit);
		bind_text(st, 2, fn->name);
		sqlite3_bind_int(st, 3, (int)i);
		bind_text(st, 4, v->name);
		bind_loc(st, 5, &v->loc);
		bind_text(st, 8, type_classes[v->type.class]);
		sqlite3_bind_int(st, 9, (int)v->spelled_unused);
		rc = step_reset(st);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static int write_call(struct writer *w, const struct tdx_tu *tu, const struct tdx_call *c)
{
	sqlite3_stmt *st = w->call;
	sqlite3_int64 id;
	size_t i;
	int rc;

	sqlite3_bind_int64(st, 1, w->unit);
	if (c->caller >= 0 && (size_t)c->caller < tu->nr_funcs)
		bind_text(st, 2, tu->funcs[c->caller]->name);
	bind_text(st, 3, c->callee);
	bind_text(st, 4, c->via);
	bind_loc(st, 5, &c->loc);
	sqlite3_bind_int(st, 8, c->result_used);
	sqlite3_bind_int(st, 9, (int)c->nr_args);
	rc = step_reset(st);
	if (rc != SQLITE_OK)
		return rc;
	id = sqlite3_last_insert_rowid(w->db);
	for (i = 0; i < c->nr_args; i++) {
		st = w->arg;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, w->unit);
		sqlite3_bind_int(st, 3, (int)i);
		bind_text(st, 4, arg_kinds[c->args[i]->kind]);
		bind_text(st, 5, c->args[i]->name);
		rc = step_reset(st);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static int unit_id(sqlite3 *db, const char *path, sqlite3_int64 *id)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(db,
		"INSERT INTO units(path, recorded) VALUES(?1, strftime('%s','now'))"
		" ON CONFLICT(path) DO UPDATE SET recorded = excluded.recorded"
		" RETURNING id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	bind_text(st, 1, path);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Everything of one unit inside the caller's transaction. */
static int write_unit(struct writer *w, const struct tdx_tu *tu, const char *key)
{
	static const char *const wipe[] = {
		"DELETE FROM functions WHERE unit = ?1",
		"DELETE FROM params WHERE unit = ?1",
		"DELETE FROM calls WHERE unit = ?1",
		"DELETE FROM args WHERE unit = ?1",
	};
	sqlite3_stmt *st;
	size_t i;
	int rc;
	char mark[64];

	snprintf(mark, sizeof(mark), "PRAGMA user_version = %d", FACTS_MAGIC);
	rc = sqlite3_exec(w->db, schema_sql, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(w->db, mark, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = unit_id(w->db, key, &w->unit);
	for (i = 0; rc == SQLITE_OK && i < sizeof(wipe) / sizeof(wipe[0]); i++) {
		rc = sqlite3_prepare_v2(w->db, wipe[i], -1, &st, NULL);
		if (rc != SQLITE_OK)
			break;
		sqlite3_bind_int64(st, 1, w->unit);
		rc = step_reset(st);
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(w->db,
			"INSERT INTO functions VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
			-1, &w->func, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(w->db,
			"INSERT INTO params VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
			-1, &w->param, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(w->db,
			"INSERT INTO calls(unit, caller, callee, via, file, line, col,"
			" result_used, nr_args) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
			-1, &w->call, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(w->db, "INSERT INTO args VALUES(?1,?2,?3,?4,?5)",
					-1, &w->arg, NULL);
	for (i = 0; rc == SQLITE_OK && i < tu->nr_funcs; i++)
		rc = write_function(w, tu->funcs[i]);
	for (i = 0; rc == SQLITE_OK && i < tu->nr_calls; i++)
		rc = write_call(w, tu, tu->calls[i]);
	sqlite3_finalize(w->func);
	sqlite3_finalize(w->param);
	sqlite3_finalize(w->call);
	sqlite3_finalize(w->arg);
	w->func = w->param = w->call = w->arg = NULL;
	return rc;
}

/* The one-line reason for rc, with the deadline that was given up on when it is a lock. */
static void lock_reason(char *why, size_t whylen, sqlite3 *db, int rc, const struct deadline *d)
{
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		snprintf(why, whylen, "database is locked (gave up after %ld s; %s sets the limit)",
			 d->seconds, DB_TIMEOUT_ENV);
	else
		note_reason(why, whylen, db, rc);
}

int tdx_facts_open(const char *db_path, char *err, size_t errlen)
{
	struct deadline d;
	sqlite3 *db;

	deadline_start(&d);
	db = open_db(db_path, true, &d, err, errlen);
	if (!db)
		return -1;
	sqlite3_close(db);
	return 0;
}

int tdx_facts_record(const char *db_path, const struct tdx_tu *tu,
		     char *err, size_t errlen)
{
	struct writer w = { 0 };
	struct deadline d;
	char real[PATH_MAX], why[256] = "";
	const char *key = tu->main_file;
	int rc, attempt = 0;

	/* One unit, one key, whatever directory the compile ran from. */
	if (key && realpath(key, real))
		key = real;
	deadline_start(&d);
	w.db = open_db(db_path, true, &d, err, errlen);
	if (!w.db)
		return -1;

	/*
	 * BEGIN IMMEDIATE takes the write lock up front, so a busy database is
	 * seen here (and waited out) rather than half-way through the unit.
	 * sqlite's message is taken before ROLLBACK, which would replace it.
	 */
	do {
		rc = sqlite3_exec(w.db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			lock_reason(why, sizeof(why), w.db, rc, &d);
			continue;
		}
		rc = write_unit(&w, tu, key ? key : "");
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(w.db, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			lock_reason(why, sizeof(why), w.db, rc, &d);
			sqlite3_exec(w.db, "ROLLBACK", NULL, NULL, NULL);
		}
	} while (retry_busy(w.db, rc, &d, attempt++));
	sqlite3_close(w.db);
	if (rc != SQLITE_OK) {
		set_err(err, errlen, "%s: cannot record %s: %s", db_path,
			tu->main_file ? tu->main_file : "unit", why);
		return -1;
	}
	return 0;
}

/* ---- Checking: the whole build in memory ---- */

struct f_func {
	int unit;
	char *name, *file, *attr_file;
	int line, col, attr_line, attr_col;
	bool is_definition, is_static, address_taken;
	int spelled_unused;
	int node;		/* index in facts.nodes for definitions, else -1 */
};

struct f_param {
	int unit;
	char *func, *name, *file, *type_class;
	int idx, line, col;
};

struct f_arg {
	char *kind, *name;
};

struct f_call {
	int unit;
	char *caller, *callee;
	int nr_args;
	struct f_arg *args;	/* nr_args entries; missing rows stay kind NULL */
};

/* A defined function: a global name, or a static one of one unit. */
struct f_node {
	int func;		/* index in facts.funcs of the definition */
	bool reaches;
};

struct facts {
	struct f_func *funcs;
	size_t nr_funcs;
	struct f_param *params;
	size_t nr_params;
	struct f_call *calls;
	size_t nr_calls;
	struct f_node *nodes;
	size_t nr_nodes;
	/* name + unit -> index in funcs, for resolution; sorted copy */
	size_t *by_name;
};

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	if (!s)
		return NULL;
	return tdx_xstrdup((const char *)s);
}

static int count_rows(sqlite3 *db, const char *table, size_t *n)
{
	char sql[64];
	int v = 0, rc;

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", table);
	rc = pragma_int(db, sql, &v);
	*n = v > 0 ? (size_t)v : 0;
	return rc;
}

/*
 * How a SELECT of want rows ended after got of them: sqlite's error (a
 * damaged page stops a scan early), or fewer rows than counted, are both a
 * table that cannot be read whole.  The reason is noted before the statement
 * is finalized, which would clear sqlite's message.
 */
static int scan_end(sqlite3 *db, int step_rc, size_t got, size_t want, const char *table,
		    char *why, size_t whylen)
{
	if (step_rc != SQLITE_DONE && step_rc != SQLITE_ROW) {
		note_reason(why, whylen, db, step_rc);
		return step_rc;
	}
	if (got != want || step_rc == SQLITE_ROW) {
		snprintf(why, whylen, "corrupt: %zu rows counted in %s, %s read", want, table,
			 step_rc == SQLITE_ROW ? "more" : "fewer");
		return SQLITE_CORRUPT;
	}
	return SQLITE_OK;
}

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, char *why, size_t whylen)
{
	int rc = sqlite3_prepare_v2(db, sql, -1, st, NULL);

	if (rc != SQLITE_OK)
		note_reason(why, whylen, db, rc);
	return rc;
}

/*
 * Every row into memory.  f's counts only ever cover filled entries, so
 * facts_free() is right whatever step failed; a row the rules cannot use
 * (a function or parameter without a name) is a corrupt database.
 */
static int load(sqlite3 *db, struct facts *f, char *why, size_t whylen)
{
	sqlite3_stmt *st = NULL;
	size_t nr_funcs, nr_params, nr_calls;
	int rc;

	rc = count_rows(db, "functions", &nr_funcs);
	if (rc == SQLITE_OK)
		rc = count_rows(db, "params", &nr_params);
	if (rc == SQLITE_OK)
		rc = count_rows(db, "calls", &nr_calls);
	if (rc != SQLITE_OK) {
		note_reason(why, whylen, db, rc);
		return rc;
	}
	f->funcs = tdx_xcalloc(nr_funcs, sizeof(*f->funcs));
	f->params = tdx_xcalloc(nr_params, sizeof(*f->params));
	f->calls = tdx_xcalloc(nr_calls, sizeof(*f->calls));

	rc = prepare(db,
		"SELECT unit, name, file, line, col, is_definition, is_static, address_taken,"
		" spelled_unused, attr_file, attr_line, attr_col FROM functions", &st, why, whylen);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && f->nr_funcs < nr_funcs) {
		struct f_func *fn = &f->funcs[f->nr_funcs++];

		fn->unit = sqlite3_column_int(st, 0);
		fn->name = col_dup(st, 1);
		fn->file = col_dup(st, 2);
		fn->line = sqlite3_column_int(st, 3);
		fn->col = sqlite3_column_int(st, 4);
		fn->is_definition = sqlite3_column_int(st, 5);
		fn->is_static = sqlite3_column_int(st, 6);
		fn->address_taken = sqlite3_column_int(st, 7);
		fn->spelled_unused = sqlite3_column_int(st, 8);
		fn->attr_file = col_dup(st, 9);
		fn->attr_line = sqlite3_column_int(st, 10);
		fn->attr_col = sqlite3_column_int(st, 11);
		fn->node = -1;
		if (!fn->name) {
			snprintf(why, whylen, "corrupt: a function without a name");
			sqlite3_finalize(st);
			return SQLITE_CORRUPT;
		}
	}
	rc = scan_end(db, rc, f->nr_funcs, nr_funcs, "functions", why, whylen);
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return rc;

	rc = prepare(db, "SELECT unit, func, idx, name, file, line, col, type_class FROM params",
		     &st, why, whylen);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && f->nr_params < nr_params) {
		struct f_param *p = &f->params[f->nr_params++];

		p->unit = sqlite3_column_int(st, 0);
		p->func = col_dup(st, 1);
		p->idx = sqlite3_column_int(st, 2);
		p->name = col_dup(st, 3);
		p->file = col_dup(st, 4);
		p->line = sqlite3_column_int(st, 5);
		p->col = sqlite3_column_int(st, 6);
		p->type_class = col_dup(st, 7);
		if (!p->func) {
			snprintf(why, whylen, "corrupt: a parameter of no function");
			sqlite3_finalize(st);
			return SQLITE_CORRUPT;
		}
	}
	rc = scan_end(db, rc, f->nr_params, nr_params, "params", why, whylen);
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return rc;

	/* Calls and their arguments in one ordered pass over a join. */
	rc = prepare(db,
		"SELECT c.id, c.unit, c.caller, c.callee, c.nr_args, a.idx, a.kind, a.name"
		" FROM calls c LEFT JOIN args a ON a.call = c.id ORDER BY c.id, a.idx",
		&st, why, whylen);
	if (rc != SQLITE_OK)
		return rc;
	{
		sqlite3_int64 last = -1;
		struct f_call *c = NULL;

		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			sqlite3_int64 id = sqlite3_column_int64(st, 0);
			int idx;

			if (id != last) {
				if (f->nr_calls == nr_calls)
					break;	/* more calls than counted: scan_end says so */
				c = &f->calls[f->nr_calls++];
				c->unit = sqlite3_column_int(st, 1);
				c->caller = col_dup(st, 2);
				c->callee = col_dup(st, 3);
				c->nr_args = sqlite3_column_int(st, 4);
				if (c->nr_args < 0)
					c->nr_args = 0;
				c->args = tdx_xcalloc((size_t)c->nr_args, sizeof(*c->args));
				last = id;
			}
			if (sqlite3_column_type(st, 5) == SQLITE_NULL)
				continue;
			idx = sqlite3_column_int(st, 5);
			if (idx >= 0 && idx < c->nr_args && !c->args[idx].kind) {
				c->args[idx].kind = col_dup(st, 6);
				c->args[idx].name = col_dup(st, 7);
			}
		}
		rc = scan_end(db, rc, f->nr_calls, nr_calls, "calls", why, whylen);
	}
	sqlite3_finalize(st);
	return rc;
}

static void facts_free(struct facts *f)
{
	size_t i;
	int j;

	for (i = 0; i < f->nr_funcs; i++) {
		free(f->funcs[i].name);
		free(f->funcs[i].file);
		free(f->funcs[i].attr_file);
	}
	for (i = 0; i < f->nr_params; i++) {
		free(f->params[i].func);
		free(f->params[i].name);
		free(f->params[i].file);
		free(f->params[i].type_class);
	}
	for (i = 0; i < f->nr_calls; i++) {
		free(f->calls[i].caller);
		free(f->calls[i].callee);
		for (j = 0; j < f->calls[i].nr_args; j++) {
			free(f->calls[i].args[j].kind);
			free(f->calls[i].args[j].name);
		}
		free(f->calls[i].args);
	}
	free(f->funcs);
	free(f->params);
	free(f->calls);
	free(f->nodes);
	free(f->by_name);
}

static const struct facts *sort_facts;

static int cmp_by_name(const void *a, const void *b)
{
	const struct f_func *x = &sort_facts->funcs[*(const size_t *)a];
	const struct f_func *y = &sort_facts->funcs[*(const size_t *)b];
	int c = strcmp(x->name, y->name);

	if (c)
		return c;
	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	/* definitions first, so a lookup finds the body when there is one */
	return (int)y->is_definition - (int)x->is_definition;
}

/* First entry in by_name with that name, or nr_funcs. */
static size_t first_named(const struct facts *f, const char *name)
{
	size_t lo = 0, hi = f->nr_funcs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(f->funcs[f->by_name[mid]].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The definition a name means when used in unit: the unit's own static
 * function when it has one, else the global definition (-1: none recorded,
 * e.g. an asm primitive).  The node index is returned.
 */
static int resolve(const struct facts *f, int unit, const char *name)
{
	size_t i;
	int global = -1;
	bool own_static = false;

	if (!name)
		return -1;
	for (i = first_named(f, name); i < f->nr_funcs; i++) {
		const struct f_func *fn = &f->funcs[f->by_name[i]];

		if (strcmp(fn->name, name))
			break;
		if (fn->is_static && fn->unit == unit) {
			own_static = true;
			if (fn->node >= 0)
				return fn->node;
		}
		if (!fn->is_static && fn->node >= 0 && global < 0)
			global = fn->node;
	}
	return own_static ? -1 : global;
}

/* Whether unit has a static function of that name (so the name is not the global one). */
static bool unit_static(const struct facts *f, int unit, const char *name)
{
	size_t i;

	for (i = first_named(f, name); i < f->nr_funcs; i++) {
		const struct f_func *fn = &f->funcs[f->by_name[i]];

		if (strcmp(fn->name, name))
			break;
		if (fn->unit == unit && fn->is_static)
			return true;
	}
	return false;
}

static bool is_primitive(const struct tdx_config *cfg, const char *name)
{
	size_t i;

	for (i = 0; name && i < cfg->nr_primitives; i++)
		if (!fnmatch(cfg->primitives[i], name, 0))
			return true;
	return false;
}

static void build_graph(struct facts *f, const struct tdx_config *cfg)
{
	size_t i;
	int j;
	bool changed;

	f->by_name = tdx_xcalloc(f->nr_funcs, sizeof(*f->by_name));
	for (i = 0; i < f->nr_funcs; i++)
		f->by_name[i] = i;
	sort_facts = f;
	qsort(f->by_name, f->nr_funcs, sizeof(*f->by_name), cmp_by_name);
	sort_facts = NULL;

	/* One node per definition; a global defined twice keeps the first. */
	f->nodes = tdx_xcalloc(f->nr_funcs, sizeof(*f->nodes));
	for (i = 0; i < f->nr_funcs; i++) {
		struct f_func *fn = &f->funcs[f->by_name[i]];

		if (!fn->is_definition)
			continue;
		if (!fn->is_static && resolve(f, fn->unit, fn->name) >= 0)
			continue;
		fn->node = (int)f->nr_nodes;
		f->nodes[f->nr_nodes++].func = (int)f->by_name[i];
	}

	/*
	 * reaches: the body calls a primitive, or a function that reaches
	 * one, or passes either as a function pointer.  Iterate to the fixed
	 * point; chains in the kernel's TDX code are a few calls deep.
	 */
	do {
		changed = false;
		for (i = 0; i < f->nr_calls; i++) {
			const struct f_call *c = &f->calls[i];
			int from = resolve(f, c->unit, c->caller);
			bool hit = false;
			int to;

			if (from < 0 || f->nodes[from].reaches)
				continue;
			if (c->callee) {
				to = resolve(f, c->unit, c->callee);
				hit = is_primitive(cfg, c->callee) ||
				      (to >= 0 && f->nodes[to].reaches);
			}
			for (j = 0; !hit && j < c->nr_args; j++) {
				const struct f_arg *a = &c->args[j];

				if (!a->kind || strcmp(a->kind, "func"))
					continue;
				to = resolve(f, c->unit, a->name);
				hit = is_primitive(cfg, a->name) ||
				      (to >= 0 && f->nodes[to].reaches);
			}
			if (hit) {
				f->nodes[from].reaches = true;
				changed = true;
			}
		}
	} while (changed);
}

static bool in_scope(const struct facts *f, const struct tdx_config *cfg,
		     const char *name, int node)
{
	if (cfg->scope == TDX_SCOPE_ALL)
		return true;
	return is_primitive(cfg, name) || (node >= 0 && f->nodes[node].reaches);
}

/*
 * A finding's strings live in the one allocation of its message (message,
 * then file, then subject), because tdx_findings_release() frees only the
 * message: facts outlive no database row.
 */
static void add_finding(struct tdx_findings *out, enum tdx_rule_id rule,
			const char *file, int line, int col, const char *subject)
{
	struct tdx_loc loc = { .file = file, .line = (unsigned int)line,
			       .col = (unsigned int)col };
	char message[512];

	snprintf(message, sizeof(message), tdx_rules[rule].message, subject);
	tdx_findings_add_copy(out, rule, &loc, message, subject);
}

/* Used in a unit other than skip_unit: called, address taken, passed. */
static bool used_outside(const struct facts *f, const char *name, int skip_unit)
{
	size_t i;
	int j;

	for (i = 0; i < f->nr_calls; i++) {
		const struct f_call *c = &f->calls[i];

		if (c->unit == skip_unit || unit_static(f, c->unit, name))
			continue;
		if (c->callee && !strcmp(c->callee, name))
			return true;
		for (j = 0; j < c->nr_args; j++)
			if (c->args[j].kind && !strcmp(c->args[j].kind, "func") &&
			    c->args[j].name && !strcmp(c->args[j].name, name))
				return true;
	}
	for (i = 0; i < f->nr_funcs; i++) {
		const struct f_func *fn = &f->funcs[i];

		if (fn->unit != skip_unit && fn->address_taken && !fn->is_static &&
		    !strcmp(fn->name, name))
			return true;
	}
	return false;
}

/*
 * unused-attr-on-used across files: the attribute is spelled in one unit
 * and the function is used in another, which the spelling unit cannot see.
 */
static void check_unused_attr(const struct facts *f, const struct tdx_config *cfg,
			      struct tdx_findings *out)
{
	size_t i;

	for (i = 0; i < f->nr_funcs; i++) {
		const struct f_func *fn = &f->funcs[i];
		const char *file = fn->attr_line ? fn->attr_file : fn->file;

		if (!tdx_claims_unused(fn->spelled_unused) || fn->is_static || !file)
			continue;
		if (!in_scope(f, cfg, fn->name, resolve(f, fn->unit, fn->name)))
			continue;
		if (!used_outside(f, fn->name, fn->unit))
			continue;
		add_finding(out, TDX_RULE_unused_attr_on_used, file,
			    fn->attr_line ? fn->attr_line : fn->line,
			    fn->attr_line ? fn->attr_col : fn->col, fn->name);
	}
}

/*
 * unused-out-param across files: a pointer parameter of a global function
 * that every call in the build passes as NULL, with a call in another unit.
 * A function whose address escapes has callers nobody can list: skipped.
 */
static void check_unused_out(const struct facts *f, const struct tdx_config *cfg,
			     struct tdx_findings *out)
{
	size_t i, k;
	int j;

	for (i = 0; i < f->nr_params; i++) {
		const struct f_param *p = &f->params[i];
		int node = resolve(f, p->unit, p->func);
		bool other_unit = false, all_null = true, escapes = false;
		const struct f_func *def;

		if (node < 0 || !p->type_class || !p->file)
			continue;
		def = &f->funcs[f->nodes[node].func];
		if (def->unit != p->unit || def->is_static)
			continue;
		if (strcmp(p->type_class, "pointer") && strcmp(p->type_class, "struct-ptr"))
			continue;
		if (!in_scope(f, cfg, p->func, node))
			continue;
		for (k = 0; k < f->nr_funcs && !escapes; k++)
			escapes = f->funcs[k].address_taken && !strcmp(f->funcs[k].name, p->func) &&
				  resolve(f, f->funcs[k].unit, p->func) == node;
		for (k = 0; k < f->nr_calls && all_null && !escapes; k++) {
			const struct f_call *c = &f->calls[k];

			for (j = 0; j < c->nr_args; j++)
				if (c->args[j].kind && !strcmp(c->args[j].kind, "func") &&
				    c->args[j].name && !strcmp(c->args[j].name, p->func) &&
				    resolve(f, c->unit, p->func) == node)
					escapes = true;
			if (!c->callee || strcmp(c->callee, p->func) ||
			    resolve(f, c->unit, c->callee) != node)
				continue;
			if (c->unit != p->unit)
				other_unit = true;
			if (p->idx >= c->nr_args || !c->args[p->idx].kind ||
			    strcmp(c->args[p->idx].kind, "null"))
				all_null = false;
		}
		if (other_unit && all_null && !escapes)
			add_finding(out, TDX_RULE_unused_out_param, p->file, p->line, p->col,
				    p->name ? p->name : "?");
	}
}

int tdx_facts_check(const char *db_path, const struct tdx_config *cfg,
		    struct tdx_findings *out, char *err, size_t errlen)
{
	struct facts f = { 0 };
	struct deadline d;
	sqlite3 *db;
	size_t before = out->nr;
	char why[256] = "";
	int rc, attempt = 0;

	deadline_start(&d);
	db = open_db(db_path, false, &d, err, errlen);
	if (!db)
		return -1;
	/* A consistent snapshot: WAL readers see one committed state. */
	for (;;) {
		rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = load(db, &f, why, sizeof(why));
		else
			note_reason(why, sizeof(why), db, rc);
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		if (!retry_busy(db, rc, &d, attempt++))
			break;
		facts_free(&f);
		memset(&f, 0, sizeof(f));
	}
	sqlite3_close(db);
	if (rc != SQLITE_OK) {
		set_err(err, errlen, "%s: %s", db_path, why);
		facts_free(&f);
		return -1;
	}

	build_graph(&f, cfg);
	if (cfg->enabled[TDX_RULE_unused_attr_on_used])
		check_unused_attr(&f, cfg, out);
	if (cfg->enabled[TDX_RULE_unused_out_param])
		check_unused_out(&f, cfg, out);
	tdx_findings_sort_unique(out, before);
	facts_free(&f);
	return 0;
}
