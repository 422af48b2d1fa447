// SPDX-License-Identifier: GPL-2.0
/*
 * Reporters.  The text formats follow gcc and checkpatch.pl exactly, so the
 * tools that parse those (editors, CI log matchers, kernel workflows) work
 * unchanged; JSON and SARIF are built as trees with Jansson, never pasted
 * together, so any subject or path is escaped correctly (a path that is not
 * UTF-8 as json_path.h says, in SARIF as a %XX-encoded URI).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "json_path.h"
#include "report.h"
#include "suppress.h"

#ifndef TDX_VERSION
#define TDX_VERSION "0.0.0"
#endif

#define SARIF_SCHEMA \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

static const char *gcc_level(const struct tdx_finding *fd)
{
	return strcmp(tdx_rules[fd->rule].severity, "ERROR") ? "warning" : "error";
}

static const char *path_of(const struct tdx_finding *fd)
{
	return fd->loc.file ? fd->loc.file : "<unknown>";
}

/*
 * The model counts columns in bytes; gcc (-fdiagnostics-column-unit=display,
 * its default) and sparse print display columns with tab stops of 8.  Print
 * what they print, so the plugin and the tdxcheck command name the same
 * column for the same finding.
 */
static unsigned int display_column(const struct tdx_finding *fd, const char *src, size_t len)
{
	unsigned int col = 0, i;

	/* the source cache goes on from the last column of the line (many findings, one line) */
	if (!src)
		return tdx_source_display_column(fd->loc.file, fd->loc.line, fd->loc.col);
	if (!fd->loc.col || fd->loc.col - 1 > len)
		return fd->loc.col;
	for (i = 0; i + 1 < fd->loc.col; i++) {
		if (src[i] == '\t')
			col = (col / 8 + 1) * 8;
		else if (((unsigned char)src[i] & 0xc0) != 0x80)
			col++;	/* UTF-8 continuation bytes share a column */
	}
	return col + 1;
}

void tdx_report_gcc_one_src(FILE *f, const struct tdx_finding *fd, const char *src,
			    size_t srclen)
{
	fprintf(f, "%s:%u:%u: %s: %s [tdx-%s]\n", path_of(fd), fd->loc.line,
		display_column(fd, src, srclen), gcc_level(fd), fd->message,
		tdx_rules[fd->rule].name);
}

void tdx_report_gcc_one(FILE *f, const struct tdx_finding *fd)
{
	tdx_report_gcc_one_src(f, fd, NULL, 0);
}

void tdx_report_gcc(FILE *f, const struct tdx_findings *fs)
{
	size_t i;

	for (i = 0; i < fs->nr; i++)
		tdx_report_gcc_one(f, &fs->v[i]);
}

void tdx_report_checkpatch_one(FILE *f, const struct tdx_finding *fd,
			       unsigned long n, const char *src, size_t srclen)
{
	const struct tdx_rule_info *r = &tdx_rules[fd->rule];

	if (!src)
		src = tdx_source_line(fd->loc.file, fd->loc.line, &srclen);
	fprintf(f, "%s:%s: %s\n", r->severity, r->type, fd->message);
	fprintf(f, "#%lu: FILE: %s:%u:\n", n, path_of(fd), fd->loc.line);
	if (src)
		fprintf(f, "+%.*s\n", (int)srclen, src);
	fputc('\n', f);
}

void tdx_report_checkpatch_total(FILE *f, unsigned long errors,
				 unsigned long warnings, unsigned long lines,
				 const char *name)
{
	fprintf(f, "total: %lu errors, %lu warnings, 0 checks, %lu lines checked\n",
		errors, warnings, lines);
	if (!name)
		return;
	fputc('\n', f);
	if (errors || warnings)
		fprintf(f, "%s has style problems, please review.\n", name);
	else
		fprintf(f, "%s has no obvious style problems and is ready for submission.\n",
			name);
}

void tdx_report_checkpatch(FILE *f, const struct tdx_findings *fs,
			   const char *const *files, size_t nr_files,
			   const char *name)
{
	unsigned long errors = 0, warnings = 0, lines = 0;
	size_t i;

	for (i = 0; i < fs->nr; i++) {
		const struct tdx_finding *fd = &fs->v[i];

		tdx_report_checkpatch_one(f, fd, fd->loc.line, NULL, 0);
		if (!strcmp(tdx_rules[fd->rule].severity, "ERROR"))
			errors++;
		else
			warnings++;
	}
	for (i = 0; i < nr_files; i++)
		lines += tdx_source_nr_lines(files[i]);
	tdx_report_checkpatch_total(f, errors, warnings, lines, name);
}

/* JSON ------------------------------------------------------------------- */

static int dump(FILE *f, json_t *root)
{
	int ret = json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

	json_decref(root);
	if (ret)
		return -1;
	fputc('\n', f);
	return ferror(f) ? -1 : 0;
}

int tdx_report_json(FILE *f, const struct tdx_findings *fs)
{
	json_t *root = json_object(), *list = json_array();
	size_t i;

	json_object_set_new(root, "tool", json_string("tdxcheck"));
	json_object_set_new(root, "version", json_string(TDX_VERSION));
	for (i = 0; i < fs->nr; i++) {
		const struct tdx_finding *fd = &fs->v[i];
		const struct tdx_rule_info *r = &tdx_rules[fd->rule];
		json_t *o = json_object();

		json_object_set_new(o, "rule", json_string(r->name));
		json_object_set_new(o, "type", json_string(r->type));
		json_object_set_new(o, "severity", json_string(gcc_level(fd)));
		tdx_json_set_path(o, "file", path_of(fd));
		json_object_set_new(o, "line", json_integer(fd->loc.line));
		json_object_set_new(o, "column", json_integer(fd->loc.col));
		json_object_set_new(o, "subject",
				    fd->subject ? json_string(fd->subject) : json_null());
		json_object_set_new(o, "message", json_string(fd->message));
		json_array_append_new(list, o);
	}
	json_object_set_new(root, "findings", list);
	return dump(f, root);
}

/* SARIF ------------------------------------------------------------------ */

/*
 * artifactLocation.uri is a URI reference: an absolute path becomes a
 * file:// URI, a relative one stays relative (to the run's working
 * directory); bytes outside the unreserved set are percent-encoded.
 */
static json_t *path_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t len = strlen(path), i, o = 0;
	char *buf = malloc(3 * len + 8);
	json_t *s;

	if (!buf)
		return json_string(path);
	if (path[0] == '/') {
		memcpy(buf, "file://", 7);
		o = 7;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)path[i];

		if (isalnum(c) || strchr("-._~/", c)) {
			buf[o++] = (char)c;
		} else {
			buf[o++] = '%';
			buf[o++] = hex[c >> 4];
			buf[o++] = hex[c & 15];
		}
	}
	buf[o] = '\0';
	s = json_string(buf);
	free(buf);
	return s;
}

static json_t *text(const char *s)
{
	return json_pack("{s:s}", "text", s);
}

int tdx_report_sarif(FILE *f, const struct tdx_findings *fs)
{
	json_t *root = json_object(), *run = json_object(), *driver = json_object();
	json_t *rules = json_array(), *results = json_array(), *runs = json_array();
	size_t i;

	json_object_set_new(root, "$schema", json_string(SARIF_SCHEMA));
	json_object_set_new(root, "version", json_string("2.1.0"));

	json_object_set_new(driver, "name", json_string("tdxcheck"));
	json_object_set_new(driver, "version", json_string(TDX_VERSION));
	for (i = 0; i < TDX_NR_RULES; i++) {
		const struct tdx_rule_info *r = &tdx_rules[i];
		json_t *rule = json_object();

		json_object_set_new(rule, "id", json_string(r->name));
		json_object_set_new(rule, "name", json_string(r->type));
		json_object_set_new(rule, "shortDescription", text(r->doc));
		json_object_set_new(rule, "defaultConfiguration",
				    json_pack("{s:s}", "level",
					      strcmp(r->severity, "ERROR") ? "warning" : "error"));
		json_array_append_new(rules, rule);
	}
	json_object_set_new(driver, "rules", rules);
	json_object_set_new(run, "tool", json_pack("{s:o}", "driver", driver));

	for (i = 0; i < fs->nr; i++) {
		const struct tdx_finding *fd = &fs->v[i];
		json_t *res = json_object(), *region = json_object(), *phys;

		json_object_set_new(res, "ruleId", json_string(tdx_rules[fd->rule].name));
		json_object_set_new(res, "ruleIndex", json_integer(fd->rule));
		json_object_set_new(res, "level", json_string(gcc_level(fd)));
		json_object_set_new(res, "message", text(fd->message));
		json_object_set_new(region, "startLine", json_integer(fd->loc.line ? fd->loc.line : 1));
		if (fd->loc.col)
			json_object_set_new(region, "startColumn", json_integer(fd->loc.col));
		phys = json_pack("{s:{s:o},s:o}", "artifactLocation", "uri",
				 path_uri(path_of(fd)), "region", region);
		json_object_set_new(res, "locations",
				    json_pack("[{s:o}]", "physicalLocation", phys));
		json_array_append_new(results, res);
	}
	json_object_set_new(run, "results", results);
	json_array_append_new(runs, run);
	json_object_set_new(root, "runs", runs);
	return dump(f, root);
}
