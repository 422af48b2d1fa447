// SPDX-License-Identifier: GPL-2.0
/* The unit shared by the checks: see unit.h. */
#include "unit.h"

#include <memory>

#include <clang/Lex/PPCallbacks.h>

#include "build_model.h"

namespace tdxtidy {
namespace {

/*
 * One unit at a time: clang-tidy checks files one after the other, and
 * creates the checks and the preprocessor anew for each.
 */
struct unit_state {
	bool open = false;		/* a preprocessor is recording into it */
	skipped_ranges skipped;
	struct tdx_tu *tu = nullptr;

	void reset()
	{
		if (tu)
			tdx_tu_free(tu);
		tu = nullptr;
		skipped.clear();
	}
};

unit_state unit;

/*
 * Records the #if branches the preprocessor skips, and closes the unit when
 * the preprocessor (its owner) goes away at the end of the file.
 */
class skip_recorder : public clang::PPCallbacks {
public:
	explicit skip_recorder(const clang::SourceManager &sm) : sm(sm)
	{
		unit.reset();
		unit.open = true;
	}
	~skip_recorder() override
	{
		unit.reset();
		unit.open = false;
	}
	void SourceRangeSkipped(clang::SourceRange range, clang::SourceLocation endif) override
	{
		(void)endif;
		std::pair<clang::FileID, unsigned> b = sm.getDecomposedLoc(range.getBegin());
		std::pair<clang::FileID, unsigned> e = sm.getDecomposedLoc(range.getEnd());

		if (b.first.isValid() && b.first == e.first)
			unit.skipped[b.first].emplace_back(b.second, e.second);
	}

private:
	const clang::SourceManager &sm;
};

} // namespace

void unit_start(clang::Preprocessor *pp)
{
	if (unit.open)
		return;
	pp->addPPCallbacks(std::make_unique<skip_recorder>(pp->getSourceManager()));
}

const struct tdx_tu *unit_model(clang::ASTContext &ctx)
{
	if (!unit.tu)
		unit.tu = build_model(ctx, unit.skipped);
	return unit.tu;
}

} // namespace tdxtidy
