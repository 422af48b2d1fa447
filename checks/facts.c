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
 * SQLITE_BUSY is waited out (busy timeout, then a bounded retry loop).
 */
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "facts.h"
#include "analysis.h"
#include "xalloc.h"

/* "tdxf" in PRAGMA user_version marks our schema; the low byte is its version. */
#define FACTS_MAGIC		0x74647801
#define BUSY_TIMEOUT_MS		60000
#define BUSY_RETRIES		200

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

/* sqlite3_exec, with SQLITE_BUSY/LOCKED retried beyond the busy timeout. */
static int exec_retry(sqlite3 *db, const char *sql)
{
	int attempt, rc = SQLITE_BUSY;

	for (attempt = 0; attempt < BUSY_RETRIES; attempt++) {
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
			break;
		nap(attempt);
	}
	return rc;
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
 * Open for writing, creating the file and the schema when absent.  The
 * schema is created inside the caller's write transaction, so two first
 * writers cannot race on it.
 */
static sqlite3 *open_db(const char *path, bool create, char *err, size_t errlen)
{
	int flags = create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
			   : SQLITE_OPEN_READONLY;
	sqlite3 *db = NULL;
	int rc, attempt;
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
	sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);

	/* Reading the header is what tells a database from any other file. */
	for (attempt = 0; attempt < BUSY_RETRIES; attempt++) {
		rc = pragma_int(db, "PRAGMA user_version", &version);
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
			break;
		nap(attempt);
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
	if (create) {
		/* WAL persists in the file; the first writer switches it. */
		rc = exec_retry(db, "PRAGMA journal_mode=WAL");
		if (rc == SQLITE_OK)
			rc = exec_retry(db, "PRAGMA synchronous=NORMAL");
		if (rc != SQLITE_OK) {
			set_err(err, errlen, "%s: %s", path, db_reason(db, rc));
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

int tdx_facts_open(const char *db_path, char *err, size_t errlen)
{
	sqlite3 *db = open_db(db_path, true, err, errlen);

	if (!db)
		return -1;
	sqlite3_close(db);
	return 0;
}

int tdx_facts_record(const char *db_path, const struct tdx_tu *tu,
		     char *err, size_t errlen)
{
	struct writer w = { 0 };
	char real[PATH_MAX];
	const char *key = tu->main_file;
	int rc = SQLITE_BUSY, attempt;

	/* One unit, one key, whatever directory the compile ran from. */
	if (key && realpath(key, real))
		key = real;
	w.db = open_db(db_path, true, err, errlen);
	if (!w.db)
		return -1;

	/*
	 * BEGIN IMMEDIATE takes the write lock up front, so a busy database is
	 * seen here (and waited out) rather than half-way through the unit.
	 */
	for (attempt = 0; attempt < BUSY_RETRIES; attempt++) {
		rc = exec_retry(w.db, "BEGIN IMMEDIATE");
		if (rc == SQLITE_OK) {
			rc = write_unit(&w, tu, key ? key : "");
			if (rc == SQLITE_OK)
				rc = sqlite3_exec(w.db, "COMMIT", NULL, NULL, NULL);
			if (rc != SQLITE_OK)
				sqlite3_exec(w.db, "ROLLBACK", NULL, NULL, NULL);
		}
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
			break;
		nap(attempt);
	}
	if (rc != SQLITE_OK) {
		set_err(err, errlen, "%s: cannot record %s: %s", db_path,
			tu->main_file ? tu->main_file : "unit", db_reason(w.db, rc));
		sqlite3_close(w.db);
		return -1;
	}
	sqlite3_close(w.db);
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
	*n = (size_t)v;
	return rc;
}

static int load(sqlite3 *db, struct facts *f)
{
	sqlite3_stmt *st = NULL;
	size_t i, nr_calls;
	int rc;

	rc = count_rows(db, "functions", &f->nr_funcs);
	if (rc == SQLITE_OK)
		rc = count_rows(db, "params", &f->nr_params);
	if (rc == SQLITE_OK)
		rc = count_rows(db, "calls", &nr_calls);
	if (rc != SQLITE_OK)
		return rc;
	f->funcs = tdx_xcalloc(f->nr_funcs, sizeof(*f->funcs));
	f->params = tdx_xcalloc(f->nr_params, sizeof(*f->params));
	f->calls = tdx_xcalloc(nr_calls, sizeof(*f->calls));

	rc = sqlite3_prepare_v2(db,
		"SELECT unit, name, file, line, col, is_definition, is_static, address_taken,"
		" spelled_unused, attr_file, attr_line, attr_col FROM functions", -1, &st, NULL);
	for (i = 0; rc == SQLITE_OK && i < f->nr_funcs &&
		    sqlite3_step(st) == SQLITE_ROW; i++) {
		struct f_func *fn = &f->funcs[i];

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
	}
	f->nr_funcs = i;
	/* a short read is an error reading the file, not fewer rows */
	if (rc == SQLITE_OK && i < f->nr_funcs)
		rc = sqlite3_errcode(db);
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return rc;

	rc = sqlite3_prepare_v2(db,
		"SELECT unit, func, idx, name, file, line, col, type_class FROM params",
		-1, &st, NULL);
	for (i = 0; rc == SQLITE_OK && i < f->nr_params &&
		    sqlite3_step(st) == SQLITE_ROW; i++) {
		struct f_param *p = &f->params[i];

		p->unit = sqlite3_column_int(st, 0);
		p->func = col_dup(st, 1);
		p->idx = sqlite3_column_int(st, 2);
		p->name = col_dup(st, 3);
		p->file = col_dup(st, 4);
		p->line = sqlite3_column_int(st, 5);
		p->col = sqlite3_column_int(st, 6);
		p->type_class = col_dup(st, 7);
	}
	f->nr_params = i;
	/* a short read is an error reading the file, not fewer rows */
	if (rc == SQLITE_OK && i < f->nr_params)
		rc = sqlite3_errcode(db);
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return rc;

	/* Calls and their arguments in one ordered pass over a join. */
	rc = sqlite3_prepare_v2(db,
		"SELECT c.id, c.unit, c.caller, c.callee, c.nr_args, a.idx, a.kind, a.name"
		" FROM calls c LEFT JOIN args a ON a.call = c.id ORDER BY c.id, a.idx",
		-1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_int64 last = -1;
		struct f_call *c = NULL;

		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			sqlite3_int64 id = sqlite3_column_int64(st, 0);
			int idx;

			if (id != last) {
				if (f->nr_calls == nr_calls)
					break;
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
		if (rc == SQLITE_DONE || rc == SQLITE_ROW)
			rc = SQLITE_OK;
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
	sqlite3 *db;
	size_t before = out->nr;
	int rc, attempt;

	db = open_db(db_path, false, err, errlen);
	if (!db)
		return -1;
	/* A consistent snapshot: WAL readers see one committed state. */
	for (attempt = 0; attempt < BUSY_RETRIES; attempt++) {
		rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = load(db, &f);
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
			break;
		facts_free(&f);
		memset(&f, 0, sizeof(f));
		nap(attempt);
	}
	if (rc != SQLITE_OK) {
		set_err(err, errlen, "%s: %s", db_path, db_reason(db, rc));
		facts_free(&f);
		sqlite3_close(db);
		return -1;
	}
	sqlite3_close(db);

	build_graph(&f, cfg);
	if (cfg->enabled[TDX_RULE_unused_attr_on_used])
		check_unused_attr(&f, cfg, out);
	if (cfg->enabled[TDX_RULE_unused_out_param])
		check_unused_out(&f, cfg, out);
	tdx_findings_sort_unique(out, before);
	facts_free(&f);
	return 0;
}
