// SPDX-License-Identifier: GPL-2.0
/*
 * The inverse of tdx_report_json(): {"findings": [{"rule", "file", "line",
 * "column", "subject", "message"}, ...]}.  Every field is checked; a file
 * that does not have this shape is refused whole, so a half-read list never
 * reaches a report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "findings_json.h"
#include "json_path.h"

struct loaded {
	int rule;
	char *file;		/* malloc'd: a name that is not UTF-8 is decoded */
	const char *subject, *message;
	json_int_t line, column;
};

static int read_one(json_t *o, struct loaded *l, size_t i, char *err, size_t errlen)
{
	json_t *subject;
	const char *rule;

	rule = json_string_value(json_object_get(o, "rule"));
	l->file = tdx_json_get_path(o, "file");
	l->message = json_string_value(json_object_get(o, "message"));
	subject = json_object_get(o, "subject");
	l->subject = json_string_value(subject);
	if (!json_is_object(o) || !rule || !l->file || !l->message ||
	    !json_is_integer(json_object_get(o, "line")) ||
	    !json_is_integer(json_object_get(o, "column")) ||
	    (subject && !json_is_null(subject) && !l->subject)) {
		snprintf(err, errlen, "findings[%zu]: not a finding", i);
		return -1;
	}
	l->rule = tdx_rule_lookup(rule);
	l->line = json_integer_value(json_object_get(o, "line"));
	l->column = json_integer_value(json_object_get(o, "column"));
	if (l->rule < 0 || l->line < 0 || l->line > 0xffffffffLL ||
	    l->column < 0 || l->column > 0xffffffffLL) {
		snprintf(err, errlen, "findings[%zu]: unknown rule or bad position", i);
		return -1;
	}
	return 0;
}

static void append(struct tdx_findings *out, const struct loaded *l)
{
	struct tdx_loc loc = { .file = l->file, .line = (unsigned int)l->line,
			       .col = (unsigned int)l->column };

	tdx_findings_add_copy(out, (enum tdx_rule_id)l->rule, &loc, l->message, l->subject);
}

int tdx_findings_load_json(const char *path, struct tdx_findings *out,
			   char *err, size_t errlen)
{
	struct loaded *all = NULL;
	json_error_t jerr;
	json_t *root, *list;
	size_t i, n;
	int ret = -1;

	root = json_load_file(path, 0, &jerr);
	if (!root) {
		snprintf(err, errlen, "%s: %s (line %d)", path, jerr.text, jerr.line);
		return -1;
	}
	list = json_object_get(root, "findings");
	if (!json_is_array(list)) {
		snprintf(err, errlen, "%s: no \"findings\" array", path);
		goto out;
	}
	n = json_array_size(list);
	all = calloc(n ? n : 1, sizeof(*all));
	if (!all) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto out;
	}
	for (i = 0; i < n; i++) {
		char why[128];

		if (read_one(json_array_get(list, i), &all[i], i, why, sizeof(why))) {
			snprintf(err, errlen, "%s: %s", path, why);
			goto out;
		}
	}
	for (i = 0; i < n; i++)
		append(out, &all[i]);
	ret = 0;
out:
	for (i = 0; all && i < n; i++)
		free(all[i].file);
	free(all);
	json_decref(root);
	return ret;
}
