// SPDX-License-Identifier: GPL-2.0
/*
 * tdxcheck_tidy.so: tdxcheck's rules as clang-tidy checks.
 *
 *   clang-tidy-14 --load=tdxcheck_tidy.so --checks='-*,tdx-*' file.c -- flags
 *
 * One check per rule of checks/rules.def, named tdx-<rule>, with the
 * rule's message.  This file only translates: the model comes from
 * build_model.cpp, the verdict from checks/ (tdx_check_tu(), which also
 * honours tdxcheck-ignore comments), and clang-tidy itself applies
 * NOLINT, NOLINTNEXTLINE, --header-filter and -fix.
 *
 * Options, per check or (without the check's name) for all of them:
 *   tdx-<rule>.Scope       tdx (default) or all, as tdxcheck --scope
 *   tdx-<rule>.Primitives  more TDX primitive name patterns, as --primitives
 *   tdx-<rule>.DumpModel   write the unit's model as JSON to this file
 */
#include <memory>
#include <string>

#include <clang-tidy/ClangTidyCheck.h>
#include <clang-tidy/ClangTidyModule.h>
#include <clang-tidy/ClangTidyModuleRegistry.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>

#include "fixits.h"
#include "unit.h"
#include "model_json.h"
#include "rules.h"

namespace tdxtidy {
namespace {

using namespace clang;
using namespace clang::tidy;

class tdx_check : public ClangTidyCheck {
public:
	tdx_check(StringRef name, ClangTidyContext *context, enum tdx_rule_id rule)
		: ClangTidyCheck(name, context), rule(rule),
		  scope(Options.getLocalOrGlobal("Scope", "tdx")),
		  primitives(Options.getLocalOrGlobal("Primitives", "")),
		  dump(Options.get("DumpModel", ""))
	{
	}

	void storeOptions(ClangTidyOptions::OptionMap &opts) override
	{
		Options.store(opts, "Scope", scope);
		Options.store(opts, "Primitives", primitives);
	}

	void registerPPCallbacks(const SourceManager &, Preprocessor *pp,
				 Preprocessor *) override
	{
		unit_start(pp);
	}

	void registerMatchers(ast_matchers::MatchFinder *finder) override
	{
		finder->addMatcher(ast_matchers::translationUnitDecl().bind("unit"), this);
	}

	void check(const ast_matchers::MatchFinder::MatchResult &result) override;

private:
	enum tdx_rule_id rule;
	std::string scope, primitives, dump;

	bool configure(struct tdx_config *cfg);
	void write_dump(const struct tdx_tu *tu);
	SourceLocation where(const SourceManager &sm, const struct tdx_loc &loc);
};

bool tdx_check::configure(struct tdx_config *cfg)
{
	char bad[128];

	tdx_config_init(cfg);
	tdx_config_select(cfg, tdx_rules[rule].name, true, bad, sizeof(bad));
	if (tdx_config_set_scope(cfg, scope.c_str())) {
		configurationDiag("invalid value '%0' for %1.Scope (tdx, all)")
			<< scope << tdx_rules[rule].name;
		return false;
	}
	if (!primitives.empty())
		tdx_config_add_primitives(cfg, primitives.c_str());
	return true;
}

void tdx_check::write_dump(const struct tdx_tu *tu)
{
	FILE *f = fopen(dump.c_str(), "w");
	bool bad = !f || tdx_model_dump(f, tu);

	if (f && fclose(f))
		bad = true;
	if (bad)
		configurationDiag("cannot write the model to '%0'") << dump;
}

/* The finding's position as clang knows it: the model keeps file, line, column. */
SourceLocation tdx_check::where(const SourceManager &sm, const struct tdx_loc &loc)
{
	if (!loc.file)
		return SourceLocation();
	auto fe = sm.getFileManager().getFile(loc.file);

	if (!fe)
		return SourceLocation();
	return sm.translateFileLineCol(*fe, loc.line, loc.col);
}

void tdx_check::check(const ast_matchers::MatchFinder::MatchResult &result)
{
	struct tdx_findings findings = { nullptr, 0, 0 };
	struct tdx_config cfg;
	const struct tdx_tu *tu = unit_model(*result.Context);

	if (!dump.empty())
		write_dump(tu);
	if (!configure(&cfg)) {
		tdx_config_release(&cfg);
		return;
	}
	tdx_check_tu(tu, &cfg, &findings);
	for (size_t i = 0; i < findings.nr; i++) {
		const struct tdx_finding *fd = &findings.v[i];
		SourceLocation loc = where(*result.SourceManager, fd->loc);

		if (loc.isInvalid())
			continue;
		auto d = diag(loc, "%0") << fd->message;

		add_fixits(d, rule, *result.Context, loc);
	}
	tdx_findings_release(&findings);
	tdx_config_release(&cfg);
}

class tdx_module : public ClangTidyModule {
public:
	void addCheckFactories(ClangTidyCheckFactories &factories) override
	{
		for (int r = 0; r < TDX_NR_RULES; r++) {
			std::string name = std::string("tdx-") + tdx_rules[r].name;
			enum tdx_rule_id id = (enum tdx_rule_id)r;

			factories.registerCheckFactory(name,
				[id](StringRef n, ClangTidyContext *c) {
					return std::make_unique<tdx_check>(n, c, id);
				});
		}
	}
};

} // namespace
} // namespace tdxtidy

/* clang-tidy --load runs this registration when it opens the module. */
static clang::tidy::ClangTidyModuleRegistry::Add<tdxtidy::tdx_module>
	tdx_module_registration("tdx-module", "tdxcheck: TDX firmware call rules (tdx-*)");
