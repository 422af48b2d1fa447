// SPDX-License-Identifier: GPL-2.0
/*
 * Facts from objects, archives and databases: see facts_inputs.h.
 *
 * Every unit found goes into one scratch database in a private temporary
 * directory: a decoded facts section through tdx_facts_record(), as the
 * plugin's db= key would have stored it, a database by copying its rows.
 * tdx_facts_check() then judges the scratch database, so reports from any
 * mix of inputs are computed by the one evaluation a database gets.
 * A single database is judged where it is.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "ar_reader.h"
#include "elf_reader.h"
#include "facts.h"
#include "facts_inputs.h"
#include "facts_section.h"
#include "xalloc.h"

#define MAX_ARCHIVE_DEPTH	8

static const char sqlite_magic[16] = "SQLite format 3";

struct gather {
	char *dir, *db;		/* the scratch directory and database */
	bool have_units;
	FILE *notes;
	char *err;
	size_t errlen;
	int depth;		/* archives inside archives */
};

static int read_file(const char *path, unsigned char **buf, size_t *len, char *err, size_t errlen)
{
	struct stat st;
	size_t done = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || fstat(fd, &st)) {
		snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", path);
		close(fd);
		return -1;
	}
	*buf = tdx_xmalloc((size_t)st.st_size + 1);
	while (done < (size_t)st.st_size) {
		ssize_t n = read(fd, *buf + done, (size_t)st.st_size - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			snprintf(err, errlen, "%s: cannot read: %s", path,
				 n ? strerror(errno) : "file shrank while read");
			free(*buf);
			close(fd);
			return -1;
		}
		done += (size_t)n;
	}
	close(fd);
	*len = done;
	return 0;
}

/* ---- objects ---- */

static int record_unit(struct gather *g, struct tdx_tu *tu)
{
	int ret = tdx_facts_record(g->db, tu, g->err, g->errlen);

	g->have_units |= !ret;
	return ret;
}

static int gather_object(struct gather *g, const char *name, const unsigned char *buf,
			 size_t len)
{
	struct tdx_elf_span *spans;
	char why[256];
	size_t nr, i;
	int ret = 0;

	if (tdx_elf_sections(buf, len, TDX_FACTS_SECTION, &spans, &nr, why, sizeof(why))) {
		snprintf(g->err, g->errlen, "%s: %s", name, why);
		return -1;
	}
	if (!nr && g->notes)
		fprintf(g->notes,
			"tdxcheck: note: %s: no facts (not compiled with -fplugin-arg-tdxcheck_plugin-facts-section)\n",
			name);
	/* One section per unit; ld -r would have joined several into one. */
	for (i = 0; i < nr && !ret; i++) {
		const unsigned char *p = buf + spans[i].off;
		size_t left = spans[i].len;

		while (left && !ret) {
			unsigned int version;
			size_t used = 0;
			struct tdx_tu *tu = tdx_facts_decode(p, left, &used, &version,
							     why, sizeof(why));

			if (!tu) {
				snprintf(g->err, g->errlen, "%s: %s", name, why);
				ret = -1;
				break;
			}
			ret = record_unit(g, tu);
			tdx_tu_free(tu);
			p += used;
			left -= used;
		}
	}
	free(spans);
	return ret;
}

static int gather_buffer(struct gather *g, const char *name, const char *path,
			 const unsigned char *buf, size_t len);

/* ---- archives ---- */

struct member_walk {
	struct gather *g;
	const char *archive;	/* its name, for messages */
	const char *dir;	/* where a thin archive's member paths start */
};

static int gather_member(const struct tdx_ar_member *m, void *ctx)
{
	struct member_walk *w = ctx;
	char *name, *path;
	unsigned char *buf;
	size_t len;
	int ret;

	if (m->data) {
		name = tdx_xasprintf("%s(%s)", w->archive, m->name);
		ret = gather_buffer(w->g, name, NULL, m->data, m->len);
		free(name);
		return ret ? -1 : 0;
	}
	/* A thin archive names its members relative to itself. */
	path = m->name[0] == '/' ? tdx_xstrdup(m->name) :
				   tdx_xasprintf("%s/%s", w->dir, m->name);
	if (read_file(path, &buf, &len, w->g->err, w->g->errlen)) {
		/* which archive sent us there */
		size_t n = strlen(w->g->err);

		snprintf(w->g->err + n, w->g->errlen - n, " (member of %s)", w->archive);
		free(path);
		return -1;
	}
	ret = gather_buffer(w->g, path, path, buf, len);
	free(buf);
	free(path);
	return ret ? -1 : 0;
}

static int gather_archive(struct gather *g, const char *name, const char *path,
			  const unsigned char *buf, size_t len)
{
	struct member_walk w = { .g = g, .archive = name };
	char *dir = tdx_xstrdup(path ? path : ".");
	char *slash = strrchr(dir, '/');
	char why[256];
	int ret;

	if (++g->depth > MAX_ARCHIVE_DEPTH) {
		snprintf(g->err, g->errlen, "%s: archives nested too deep", name);
		free(dir);
		return -1;
	}
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		strcpy(dir, ".");
	w.dir = dir;
	why[0] = '\0';
	ret = tdx_ar_members(buf, len, gather_member, &w, why, sizeof(why));
	if (ret && why[0])
		snprintf(g->err, g->errlen, "%s: %s", name, why);
	g->depth--;
	free(dir);
	return ret ? -1 : 0;
}

/* ---- databases ---- */

static int exec_sql(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

static int query_int64(sqlite3 *db, const char *sql, sqlite3_int64 *v)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*v = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* The scratch database takes the source's tables when it has none yet. */
static int copy_schema(sqlite3 *db)
{
	sqlite3_stmt *st;
	sqlite3_int64 have = 0;
	int rc;

	rc = query_int64(db, "SELECT count(*) FROM main.sqlite_master WHERE name = 'units'", &have);
	if (rc != SQLITE_OK || have)
		return rc;
	rc = sqlite3_prepare_v2(db, "SELECT sql FROM src.sqlite_master WHERE sql NOT NULL"
				" AND name NOT LIKE 'sqlite_%' ORDER BY type DESC", -1, &st, NULL);
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		rc = exec_sql(db, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc;
}

/*
 * Every row of the source, its unit and call ids moved past the scratch
 * database's own; a unit already there under the same path is replaced.
 */
static int copy_rows(sqlite3 *db)
{
	static const char *const drop[] = {
		"DELETE FROM main.%s WHERE unit IN (SELECT id FROM main.units"
		" WHERE path IN (SELECT path FROM src.units))",
	};
	static const char *const tables[] = { "functions", "params", "calls", "args" };
	sqlite3_int64 uoff = 0, coff = 0;
	char *sql;
	size_t i;
	int rc = SQLITE_OK;

	for (i = 0; rc == SQLITE_OK && i < sizeof(tables) / sizeof(tables[0]); i++) {
		sql = sqlite3_mprintf(drop[0], tables[i]);
		rc = exec_sql(db, sql);
		sqlite3_free(sql);
	}
	if (rc == SQLITE_OK)
		rc = exec_sql(db, "DELETE FROM main.units WHERE path IN (SELECT path FROM src.units)");
	if (rc == SQLITE_OK)
		rc = query_int64(db, "SELECT coalesce(max(id), 0) FROM main.units", &uoff);
	if (rc == SQLITE_OK)
		rc = query_int64(db, "SELECT coalesce(max(id), 0) FROM main.calls", &coff);
	if (rc != SQLITE_OK)
		return rc;
	sql = sqlite3_mprintf(
		"INSERT INTO main.units(id, path, recorded)"
		" SELECT id + %lld, path, recorded FROM src.units;"
		"INSERT INTO main.functions(unit, name, file, line, col, is_definition, is_static,"
		" address_taken, spelled_unused, attr_file, attr_line, attr_col, nr_params)"
		" SELECT unit + %lld, name, file, line, col, is_definition, is_static,"
		" address_taken, spelled_unused, attr_file, attr_line, attr_col, nr_params"
		" FROM src.functions;"
		"INSERT INTO main.params(unit, func, idx, name, file, line, col, type_class,"
		" spelled_unused) SELECT unit + %lld, func, idx, name, file, line, col,"
		" type_class, spelled_unused FROM src.params;"
		"INSERT INTO main.calls(id, unit, caller, callee, via, file, line, col,"
		" result_used, nr_args) SELECT id + %lld, unit + %lld, caller, callee, via,"
		" file, line, col, result_used, nr_args FROM src.calls;"
		"INSERT INTO main.args(call, unit, idx, kind, name)"
		" SELECT call + %lld, unit + %lld, idx, kind, name FROM src.args;",
		uoff, uoff, uoff, coff, uoff, coff, uoff);
	rc = exec_sql(db, sql);
	sqlite3_free(sql);
	return rc;
}

static int gather_db(struct gather *g, const char *path)
{
	sqlite3 *db = NULL;
	sqlite3_int64 version = 0;
	char *sql;
	int rc;

	rc = sqlite3_open_v2(g->db, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK) {
		sql = sqlite3_mprintf("ATTACH %Q AS src", path);
		rc = exec_sql(db, sql);
		sqlite3_free(sql);
	}
	if (rc == SQLITE_OK)
		rc = query_int64(db, "PRAGMA src.user_version", &version);
	if (rc != SQLITE_OK) {
		snprintf(g->err, g->errlen, "%s: %s", path,
			 rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT ?
			 "not a database or corrupt" : sqlite3_errmsg(db));
		sqlite3_close(db);
		return -1;
	}
	if (version != TDX_FACTS_DB_MAGIC) {
		snprintf(g->err, g->errlen, "%s: not a tdxcheck facts database (%s)", path,
			 version ? "unknown user_version" : "no facts recorded");
		sqlite3_close(db);
		return -1;
	}
	rc = exec_sql(db, "BEGIN IMMEDIATE");
	if (rc == SQLITE_OK)
		rc = copy_schema(db);
	if (rc == SQLITE_OK) {
		sql = sqlite3_mprintf("PRAGMA main.user_version = %d", TDX_FACTS_DB_MAGIC);
		rc = exec_sql(db, sql);
		sqlite3_free(sql);
	}
	if (rc == SQLITE_OK)
		rc = copy_rows(db);
	if (rc == SQLITE_OK)
		rc = exec_sql(db, "COMMIT");
	if (rc != SQLITE_OK) {
		snprintf(g->err, g->errlen, "%s: cannot read its facts: %s", path,
			 sqlite3_errmsg(db));
		sqlite3_close(db);
		return -1;
	}
	sqlite3_close(db);
	g->have_units = true;
	return 0;
}

/* ---- any input ---- */

/*
 * name is what messages call it; path, when not NULL, is a file of its own
 * (thin archive members are found relative to it).
 */
static int gather_buffer(struct gather *g, const char *name, const char *path,
			 const unsigned char *buf, size_t len)
{
	bool thin;

	if (tdx_elf_is_elf(buf, len))
		return gather_object(g, name, buf, len);
	if (tdx_ar_is_archive(buf, len, &thin)) {
		if (thin && !path) {
			snprintf(g->err, g->errlen, "%s: a thin archive inside an archive", name);
			return -1;
		}
		return gather_archive(g, name, path, buf, len);
	}
	if (path && len >= sizeof(sqlite_magic) && !memcmp(buf, sqlite_magic, sizeof(sqlite_magic)))
		return gather_db(g, path);
	snprintf(g->err, g->errlen, "%s: not an object, an archive or a tdxcheck facts database",
		 name);
	return -1;
}

static int gather_file(struct gather *g, const char *path)
{
	unsigned char *buf;
	size_t len;
	int ret;

	if (read_file(path, &buf, &len, g->err, g->errlen))
		return -1;
	ret = gather_buffer(g, path, path, buf, len);
	free(buf);
	return ret;
}

static bool is_database(const char *path)
{
	char head[sizeof(sqlite_magic)];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	bool yes;

	if (fd < 0)
		return false;
	yes = read(fd, head, sizeof(head)) == (ssize_t)sizeof(head) &&
	      !memcmp(head, sqlite_magic, sizeof(head));
	close(fd);
	return yes;
}

static void remove_scratch(struct gather *g)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	size_t i;

	for (i = 0; g->db && i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		char *p = tdx_xasprintf("%s%s", g->db, suffixes[i]);

		unlink(p);
		free(p);
	}
	if (g->dir)
		rmdir(g->dir);
	free(g->db);
	free(g->dir);
}

int tdx_facts_check_files(const char *const *files, size_t nr, const struct tdx_config *cfg,
			  struct tdx_findings *out, FILE *notes, char *err, size_t errlen)
{
	struct gather g = { .notes = notes, .err = err, .errlen = errlen };
	const char *tmp = getenv("TMPDIR");
	size_t i;
	int ret = 0;

	/* One database: judged where it is, as `report --db` always did. */
	if (nr == 1 && is_database(files[0]))
		return tdx_facts_check(files[0], cfg, out, err, errlen);

	g.dir = tdx_xasprintf("%s/tdxcheck-report.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(g.dir)) {
		snprintf(err, errlen, "%s: cannot create a temporary directory: %s", g.dir,
			 strerror(errno));
		free(g.dir);
		return -1;
	}
	g.db = tdx_xasprintf("%s/facts.db", g.dir);
	for (i = 0; i < nr && !ret; i++)
		ret = gather_file(&g, files[i]);
	if (!ret && g.have_units)
		ret = tdx_facts_check(g.db, cfg, out, err, errlen);
	remove_scratch(&g);
	return ret;
}
