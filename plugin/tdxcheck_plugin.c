// SPDX-License-Identifier: GPL-2.0
/*
 * tdxcheck as a GCC plugin: -fplugin=tdxcheck_plugin.so in a kernel build.
 *
 * The plugin only translates.  Each function body (PLUGIN_PRE_GENERICIZE,
 * which the C front end runs for every body, unused static and inline ones
 * included, with -fsyntax-only as with -O2 -c) and each declaration
 * (PLUGIN_FINISH_DECL) goes into the neutral model; at the end of the unit
 * (PLUGIN_FINISH, which unlike PLUGIN_FINISH_UNIT also runs under
 * -fsyntax-only) the rules of checks/ judge it and each finding is reported
 * once through GCC's diagnostics:
 *     path:line:col: warning: <message> [tdx-<rule>]
 *
 * Written in the style of the kernel's scripts/gcc-plugins: plugin_info with
 * version and help, a version check, a 'disable' key, unknown keys rejected.
 */
#include "gcc_headers.h"
#include "model_cxx.h"
#include "rules.h"
#include "model_json.h"
#include "report.h"
#include "facts.h"
#include "facts_section.h"
#include "build_model.h"
#include "locations.h"
#include "source_text.h"

__visible int plugin_is_GPL_compatible;

static struct plugin_info tdxcheck_plugin_info = {
	.version	= "0.1.0",
	.help		= "disable\tturn the plugin off\n"
			  "rules=a,b\tonly these rules\n"
			  "ignore=a,b\tall rules but these\n"
			  "primitives=p,q\textra TDX primitive name patterns (fnmatch)\n"
			  "scope=tdx|all\tjudge only TDX code (default) or every function\n"
			  "no-werror\tfindings stay warnings under -Werror (CONFIG_WERROR)\n"
			  "error\tfindings are errors\n"
			  "dump-model=FILE\twrite the unit's model as JSON\n"
			  "findings=FILE\twrite the findings as JSON instead of reporting them\n"
			  "db=FILE\trecord the unit's facts for whole-build rules\n"
			  "facts-section\twrite the unit's facts into the object ("
			  TDX_FACTS_SECTION "; not with -fsyntax-only)\n",
};

static const char *plugin_name;
static struct tdx_config cfg;
static struct tdx_tu *tu;
static bool no_werror, as_error, facts_section;
static const char *dump_path, *db_path, *findings_path;

/*
 * A preprocessed input (the unit as distcc or icecream send it to a host
 * without the sources) stands in for source files that cannot be read.
 */
static void on_start_unit(void *gcc_data, void *user_data)
{
	const cpp_options *o = cpp_get_options(parse_in);

	(void)gcc_data;
	(void)user_data;
	if (!o->preprocessed)
		return;
	src_set_input(loc_input_file(), o->directives_only);
	/* Now the source's name, from the input's first line marker. */
	if (tu && main_input_filename)
		tu->main_file = tdx_str(tu, main_input_filename);
}

/*
 * Braces, attributes and else come from the source text: without it the
 * unit would be judged, and its facts recorded, on a partial view.  Fail
 * instead, once, naming the file.
 */
static bool text_complete(void)
{
	static bool told;
	const cpp_options *o = cpp_get_options(parse_in);
	const char *lost = src_unreadable();

	if (!lost)
		return true;
	if (told)
		return false;
	told = true;
	if (o->preprocessed && !o->directives_only)
		error(G_("%s: cannot read '%s', and the input is fully preprocessed text that "
			 "cannot stand in for it: preprocess with -fdirectives-only (distcc, "
			 "icecream)"), plugin_name, lost);
	else
		error(G_("%s: cannot read '%s', whose text the findings and facts need"),
		      plugin_name, lost);
	return false;
}

static void on_finish_decl(void *gcc_data, void *user_data)
{
	(void)user_data;
	bm_declaration((tree)gcc_data);
}

static void on_pre_genericize(void *gcc_data, void *user_data)
{
	(void)user_data;
	bm_definition((tree)gcc_data);
}

static location_t finding_location(const struct tdx_finding *fd)
{
	if (fd->loc.handle)
		return (location_t)fd->loc.handle;
	if (fd->loc.file)
		return loc_for_position(fd->loc.file, fd->loc.line, fd->loc.col);
	return UNKNOWN_LOCATION;
}

static void report(const struct tdx_finding *fd)
{
	const char *rule = tdx_rules[fd->rule].name;
	location_t loc = finding_location(fd);
	bool werror = global_dc->warning_as_error_requested;

	if (as_error) {
		error_at(loc, "%s [tdx-%s]", fd->message, rule);
		return;
	}
	/* kernel CONFIG_WERROR=y: keep the build going, keep the warning */
	if (no_werror)
		global_dc->warning_as_error_requested = false;
	warning_at(loc, 0, "%s [tdx-%s]", fd->message, rule);
	global_dc->warning_as_error_requested = werror;
}

static void dump_model(void)
{
	FILE *f = fopen(dump_path, "w");

	if (!f || tdx_model_dump(f, tu) || fclose(f)) {
		error(G_("%s: cannot write the model to '%s': %m"), plugin_name, dump_path);
		if (f)
			fclose(f);
	}
}

static void record_facts(void)
{
#ifdef TDX_HAVE_FACTS
	char err[256];

	if (tdx_facts_record(db_path, tu, err, sizeof(err)))
		error(G_("%s: %s"), plugin_name, err);
#else
	error(G_("%s: built without the facts database; '-fplugin-arg-%s-db' is not available"),
	      plugin_name, plugin_name);
#endif
}

/*
 * The unit's facts as a section of the object, for builds whose compiles run
 * on other hosts: an excluded ("e", SHF_EXCLUDE) section, which the final
 * link drops like the kernel's other annotation sections, written at the end
 * of the assembler output between .pushsection and .popsection so that no
 * other section's contents or the current section change.
 */
static void on_finish_unit(void *gcc_data, void *user_data)
{
	char real[PATH_MAX];
	const char *key;
	unsigned char *blob;
	size_t len, i;

	(void)gcc_data;
	(void)user_data;
	if (!tu || seen_error() || !asm_out_file || !text_complete())
		return;
	key = tu->main_file;
	/* The unit's name as tdx_facts_record() keys it. */
	if (key && realpath(key, real))
		key = real;
	blob = tdx_facts_encode(tu, key, &len);
	fprintf(asm_out_file, "\t.pushsection %s,\"e\",@progbits\n", TDX_FACTS_SECTION);
	for (i = 0; i < len; i++)
		fprintf(asm_out_file, "%s%u%s", i % 16 ? "," : "\t.byte ", blob[i],
			i % 16 == 15 || i + 1 == len ? "\n" : "");
	fprintf(asm_out_file, "\t.popsection\n");
	free(blob);
}

/* For the tdxcheck command, which prints them in the format the user chose. */
static void write_findings(const struct tdx_findings *findings)
{
	FILE *f = fopen(findings_path, "w");

	if (!f || tdx_report_json(f, findings) || fclose(f)) {
		error(G_("%s: cannot write the findings to '%s': %m"), plugin_name,
		      findings_path);
		if (f)
			fclose(f);
	}
}

static void on_finish(void *gcc_data, void *user_data)
{
	struct tdx_findings findings = { NULL, 0, 0 };
	size_t i;

	(void)gcc_data;
	(void)user_data;
	if (!tu)
		return;
	/* After a syntax error the trees are partial: GCC's own errors come first. */
	if (!seen_error() && text_complete()) {
		if (dump_path)
			dump_model();
		if (db_path)
			record_facts();
		tdx_check_tu(tu, &cfg, &findings);
		if (findings_path)
			write_findings(&findings);
		else
			for (i = 0; i < findings.nr; i++)
				report(&findings.v[i]);
		tdx_findings_release(&findings);
	}
	tdx_tu_free(tu);
	tu = NULL;
	src_release_all();
	tdx_config_release(&cfg);
}

static bool select_rules(const char *key, const char *value, bool only)
{
	char bad[128];

	if (!value || !*value) {
		error(G_("option '-fplugin-arg-%s-%s' needs a list of rule names"),
		      plugin_name, key);
		return false;
	}
	if (tdx_config_select(&cfg, value, only, bad, sizeof(bad)) < 0) {
		error(G_("unknown rule '%s' in '-fplugin-arg-%s-%s=%s'"),
		      bad, plugin_name, key, value);
		return false;
	}
	return true;
}

/* Apply one -fplugin-arg-tdxcheck_plugin-KEY[=VALUE]; false on a bad one. */
static bool parse_argument(const struct plugin_argument *arg, bool *enable)
{
	const char *key = arg->key, *value = arg->value;

	if (!strcmp(key, "disable")) {
		*enable = false;
	} else if (!strcmp(key, "rules")) {
		return select_rules(key, value, true);
	} else if (!strcmp(key, "ignore")) {
		return select_rules(key, value, false);
	} else if (!strcmp(key, "primitives") && value && *value) {
		tdx_config_add_primitives(&cfg, value);
	} else if (!strcmp(key, "scope") && value) {
		if (tdx_config_set_scope(&cfg, value) < 0) {
			error(G_("unknown scope '%s' in '-fplugin-arg-%s-scope=%s' (tdx or all)"),
			      value, plugin_name, value);
			return false;
		}
	} else if (!strcmp(key, "no-werror") && !value) {
		no_werror = true;
	} else if (!strcmp(key, "error") && !value) {
		as_error = true;
	} else if (!strcmp(key, "facts-section") && !value) {
		facts_section = true;
	} else if (!strcmp(key, "dump-model") && value && *value) {
		dump_path = value;
	} else if (!strcmp(key, "db") && value && *value) {
		db_path = value;
	} else if (!strcmp(key, "findings") && value && *value) {
		findings_path = value;
	} else if (!strcmp(key, "primitives") || !strcmp(key, "scope") ||
		   !strcmp(key, "dump-model") || !strcmp(key, "db") ||
		   !strcmp(key, "findings")) {
		error(G_("option '-fplugin-arg-%s-%s' needs a value"), plugin_name, key);
		return false;
	} else if (!strcmp(key, "no-werror") || !strcmp(key, "error") ||
		   !strcmp(key, "facts-section")) {
		error(G_("option '-fplugin-arg-%s-%s' takes no value"), plugin_name, key);
		return false;
	} else {
		error(G_("unknown option '-fplugin-arg-%s-%s'"), plugin_name, key);
		return false;
	}
	return true;
}

__visible int plugin_init(struct plugin_name_args *plugin_info,
			  struct plugin_gcc_version *version)
{
	bool enable = true, ok = true;
	int i;

	plugin_name = plugin_info->base_name;
	if (!plugin_default_version_check(version, &gcc_version)) {
		error(G_("incompatible gcc/plugin versions: %s was built for gcc %s, "
			 "this is gcc %s; rebuild the plugin"),
		      plugin_name, gcc_version.basever, version->basever);
		return 1;
	}
	tdx_config_init(&cfg);
	for (i = 0; i < plugin_info->argc; i++)
		ok &= parse_argument(&plugin_info->argv[i], &enable);
	register_callback(plugin_name, PLUGIN_INFO, NULL, &tdxcheck_plugin_info);
	/* error() already fails the compilation: one line says why, as in kbuild's plugins */
	if (!ok)
		return 0;
	if (strncmp(lang_hooks.name, "GNU C", 5) || !strncmp(lang_hooks.name, "GNU C++", 7)) {
		inform(UNKNOWN_LOCATION, G_("%s supports C only, not %s"),
		       plugin_name, lang_hooks.name);
		enable = false;
	}
	/* Under -E (distcc's and icecream's local step) there is no unit to model. */
	if (!enable || flag_preprocess_only)
		return 0;
	tu = bm_start(main_input_filename);
	register_callback(plugin_name, PLUGIN_START_UNIT, on_start_unit, NULL);
	register_callback(plugin_name, PLUGIN_FINISH_DECL, on_finish_decl, NULL);
	register_callback(plugin_name, PLUGIN_PRE_GENERICIZE, on_pre_genericize, NULL);
	register_callback(plugin_name, PLUGIN_FINISH, on_finish, NULL);
	if (facts_section)
		register_callback(plugin_name, PLUGIN_FINISH_UNIT, on_finish_unit, NULL);
	return 0;
}
