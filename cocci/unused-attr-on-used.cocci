// SPDX-License-Identifier: GPL-2.0
/// A TDX helper or parameter spelled __always_unused or
/// __attribute__((unused)) is used: the attribute hides real warnings and
/// lies to the reader.  Drop it.
//
// __maybe_unused is not judged: it says "unused in some configurations",
// which one look at the source cannot refute.
// The spelled attribute is read from the source tokens, so the implicit
// unused that kernel `inline` carries never counts.  Used means called,
// address taken or passed as a function pointer in the same file (a
// parameter: named in the body).  Only TDX primitives and functions that
// reach one in the same file are judged.
//
// Confidence: High
// Copyright: (C) 2025 The tdxcheck authors.
// Comments: patch mode drops the attribute at each reported position:
//  `__always_unused`, `__attribute__((unused))` or `__attribute__((__unused__))`
//  of a function (definition or prototype) or after a parameter's name.  Left
//  for the author: an attribute list that says more than unused
//  (`__attribute__((unused, cold))`) and an attribute before a parameter's
//  type (SmPL 1.1.1 cannot parse that pattern).  The function patterns spell
//  the attribute before the type: Coccinelle 1.1.1 then matches it wherever it
//  stands, while `T - attr f(...) {...}` fails ("error in collection of - tokens").
// Options: --no-includes --include-headers
// Keywords: TDX, SEAMCALL, __always_unused

virtual patch
virtual context
virtual org
virtual report

// spatch reads a file only when it holds a word some rule requires (its
// prefilter); a regular expression requires none, so every rule depends on
// this one: the primitives' names the kernel (6.1, 6.12, and the tdh_*()
// leaf wrappers KVM calls from 6.16 on) and kernel-impl/ use.  A file that
// names only other names matching the patterns is not read (cocci/README.md).
@tdx_names@
symbol __seamcall, __seamcall_ret, __seamcall_saved_ret, __tdcall, __tdcall_ret,
	__tdcall_saved_ret, __tdx_module_call, __tdx_hypercall, __tdx_hypercall_ret,
	__tdx_hypercall_failed, seamcall, seamcall_ret, seamcall_saved_ret, seamcall_prerr,
	seamcall_prerr_ret, seamcall_err, seamcall_err_ret, seamcall_msg, sc_retry,
	sc_retry_prerr, sc_retry_errno, tdcall, tdh_vp_enter, tdh_mng_addcx, tdh_mem_page_add,
	tdh_mem_sept_add, tdh_vp_addcx, tdh_mem_page_aug, tdh_mem_range_block,
	tdh_mng_key_config, tdh_mng_create, tdh_vp_create, tdh_mng_rd, tdh_mr_extend,
	tdh_mr_finalize, tdh_vp_flush, tdh_mng_vpflushdone, tdh_mng_key_freeid, tdh_mng_init,
	tdh_vp_init, tdh_vp_rd, tdh_vp_wr, tdh_phymem_page_reclaim, tdh_mem_track,
	tdh_mem_page_remove, tdh_phymem_cache_wb, tdh_phymem_page_wbinvd_tdr,
	tdh_phymem_page_wbinvd_hkid;
@@
\( __seamcall
\| __seamcall_ret
\| __seamcall_saved_ret
\| __tdcall
\| __tdcall_ret
\| __tdcall_saved_ret
\| __tdx_module_call
\| __tdx_hypercall
\| __tdx_hypercall_ret
\| __tdx_hypercall_failed
\| seamcall
\| seamcall_ret
\| seamcall_saved_ret
\| seamcall_prerr
\| seamcall_prerr_ret
\| seamcall_err
\| seamcall_err_ret
\| seamcall_msg
\| sc_retry
\| sc_retry_prerr
\| sc_retry_errno
\| tdcall
\| tdh_vp_enter
\| tdh_mng_addcx
\| tdh_mem_page_add
\| tdh_mem_sept_add
\| tdh_vp_addcx
\| tdh_mem_page_aug
\| tdh_mem_range_block
\| tdh_mng_key_config
\| tdh_mng_create
\| tdh_vp_create
\| tdh_mng_rd
\| tdh_mr_extend
\| tdh_mr_finalize
\| tdh_vp_flush
\| tdh_mng_vpflushdone
\| tdh_mng_key_freeid
\| tdh_mng_init
\| tdh_vp_init
\| tdh_vp_rd
\| tdh_vp_wr
\| tdh_phymem_page_reclaim
\| tdh_mem_track
\| tdh_mem_page_remove
\| tdh_phymem_cache_wb
\| tdh_phymem_page_wbinvd_tdr
\| tdh_phymem_page_wbinvd_hkid
\)

@initialize:python@
@@
# tdxcheck prelude: the same block opens every cocci/*.cocci (tests/prelude-sync checks it).
import re

# The default TDX primitives (DESIGN.md): the name patterns every rule scopes itself to.
TDX_PRIMITIVE = re.compile(r"^(__seamcall|__tdcall|__tdx_module_call$|__tdx_hypercall|"
			   r"seamcall|sc_retry|tdcall$|tdh_)")
tdx_uses = {}	# function defined in this file -> names it calls or passes as pointers
tdx_toks = {}	# file -> (tokens, index of (line, col))

def tdx_reset():
	tdx_uses.clear()
	tdx_toks.clear()
	tdx_graphed.clear()
	tdx_printed.clear()

def tdx_use(f, g):
	tdx_uses.setdefault(f, set()).add(g)

def tdx_reaches(f, seen=None):
	"""f is a primitive or calls one, directly or through functions of this file."""
	if TDX_PRIMITIVE.match(f):
		return True
	seen = set() if seen is None else seen
	if f in seen:
		return False
	seen.add(f)
	return any(tdx_reaches(g, seen) for g in tdx_uses.get(f, ()))

# Source facts SmPL does not keep (spelled attributes, braces, keywords written
# in the source rather than produced by a macro) are read from the raw tokens.
_TDX_TOKEN = re.compile(r"/\*.*?\*/|//[^\n]*|^[ \t]*#(?:[^\n]*\\\n)*[^\n]*|"
			r"\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'|[A-Za-z_]\w*|\d[\w.]*|"
			r"->|\+\+|--|&&|\|\||<<=?|>>=?|[-+*/%&|^=!<>]=|\S",
			re.S | re.M)

def tdx_tokens(path):
	"""(tokens, index): tokens as (text, line, col), comments and cpp lines dropped."""
	if path not in tdx_toks:
		text = open(path, errors="replace").read()
		toks, index, line, start = [], {}, 1, 0
		for m in _TDX_TOKEN.finditer(text):
			line += text.count("\n", start, m.start())
			start = m.start()
			s = m.group()
			if s.startswith("/*") or s.startswith("//") or s.lstrip().startswith("#"):
				continue
			col = m.start() - (text.rfind("\n", 0, m.start()) + 1)
			index[(line, col)] = len(toks)
			toks.append((s, line, col))
		tdx_toks[path] = (toks, index)
	return tdx_toks[path]

def tdx_at(p):
	"""Token list of p's file and the index of the token p starts at."""
	toks, index = tdx_tokens(p.file)
	return toks, index.get((int(p.line), int(p.column)))

def tdx_match_back(toks, i):
	"""Index of the parenthesis opening the one closing at toks[i] (0: none)."""
	j, d = i, 0
	while j > 0:
		d += {")": 1, "(": -1}.get(toks[j][0], 0)
		if d == 0:
			break
		j -= 1
	return j

def tdx_match(toks, i):
	"""Index of the bracket closing the one at toks[i]."""
	pair = {"(": ")", "[": "]", "{": "}"}[toks[i][0]]
	depth = 0
	for j in range(i, len(toks)):
		if toks[j][0] == toks[i][0]:
			depth += 1
		elif toks[j][0] == pair:
			depth -= 1
			if depth == 0:
				return j
	return len(toks) - 1

# The call graph: what each function body calls, takes the address of (&f)
# or passes as an argument (sc_retry(__seamcall, ...)), read from the raw
# tokens.  A SmPL <+... ...+> over every body enumerated the same names at
# many times the cost of everything else a rule does.
_TDX_NOT_CALL = {"if", "for", "while", "switch", "return", "sizeof", "typeof", "__typeof__",
		 "__typeof", "_Alignof", "__alignof__", "alignof", "do", "else", "case", "goto",
		 "__attribute__", "asm", "__asm__", "volatile", "__volatile__", "defined"}
tdx_graphed = set()

def tdx_name(s):
	return re.match(r"[A-Za-z_]", s) is not None

def tdx_graph(path):
	"""Adds the uses of every function body of path to tdx_uses, once per file."""
	if path in tdx_graphed:
		return
	tdx_graphed.add(path)
	toks, _ = tdx_tokens(path)
	depth, i = 0, 0
	while i < len(toks):
		s = toks[i][0]
		if s == "{" and depth == 0 and i > 0 and toks[i - 1][0] == ")":
			end = tdx_match(toks, i)
			j = tdx_match_back(toks, i - 1)
			if j > 0 and tdx_name(toks[j - 1][0]):
				tdx_graph_body(toks[j - 1][0], toks, i + 1, end)
			i = end + 1
			continue
		depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(s, 0)
		depth = max(depth, 0)
		i += 1

def tdx_graph_body(f, toks, lo, hi):
	calls = []	# per open bracket of the body: does it open a named call?
	for k in range(lo, hi):
		s, prev = toks[k][0], toks[k - 1][0]
		if s in ("(", "[", "{"):
			calls.append(s == "(" and tdx_name(prev) and prev not in _TDX_NOT_CALL)
			continue
		if s in (")", "]", "}"):
			if calls:
				calls.pop()
			continue
		if not tdx_name(s) or s in _TDX_NOT_CALL or prev in (".", "->"):
			continue
		after = toks[k + 1][0] if k + 1 < len(toks) else ""
		before = toks[k - 2][0]
		if after == "(":
			tdx_use(f, s)
		elif prev == "&" and (before in ("return", "case") or
				      not (re.match(r"\w", before) or before in (")", "]"))):
			tdx_use(f, s)
		elif prev in ("(", ",") and after in (",", ")") and calls and calls[-1]:
			tdx_use(f, s)

tdx_printed = set()

def tdx_print(p, rule, msg):
	# Isomorphisms can match one site twice; report it once.
	key = (tdx_key(p), rule)
	if key not in tdx_printed:
		tdx_printed.add(key)
		coccilib.report.print_report(p, "%s [tdx-%s]" % (msg, rule))

def tdx_key(p):
	return "%s:%s:%s" % (p.file, p.line, p.column)

def tdx_stmt_end(toks, i):
	"""Index of the last token of the statement starting at toks[i]."""
	s = toks[i][0]
	if s == "{":
		return tdx_match(toks, i)
	if s in ("if", "for", "while", "switch"):
		j = tdx_stmt_end(toks, tdx_match(toks, i + 1) + 1)
		if s == "if" and j + 1 < len(toks) and toks[j + 1][0] == "else":
			j = tdx_stmt_end(toks, j + 2)
		return j
	if s == "do":
		j = tdx_stmt_end(toks, i + 1)
		return tdx_match(toks, j + 2) + 1
	depth = 0
	while i < len(toks):
		depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(toks[i][0], 0)
		if depth <= 0 and toks[i][0] == ";":
			return i
		i += 1
	return len(toks) - 1

def tdx_forever(toks, i):
	"""toks[i] starts a loop that never exits: constant-true test, no break/return/goto."""
	s = toks[i][0]
	if s == "do":
		close = tdx_stmt_end(toks, i) - 1
		open_ = close
		while toks[open_][0] != "(" or tdx_match(toks, open_) != close:
			open_ -= 1
		cond = [t[0] for t in toks[open_ + 1:close]]
		body = toks[i + 1:open_ - 1]
	elif s in ("while", "for"):
		close = tdx_match(toks, i + 1)
		cond = [t[0] for t in toks[i + 2:close]]
		if s == "for":
			parts = " ".join(cond).split(";")
			cond = parts[1].split() if len(parts) == 3 else ["0"]
		body = toks[close + 1:tdx_stmt_end(toks, close + 1) + 1]
	else:
		return False
	if cond not in ([], ["1"], ["true"]):
		return False
	return not any(t[0] in ("break", "return", "goto") for t in body)

def tdx_enclosing(p, kinds):
	"""Token indices of the statements of a kind in kinds that contain position p."""
	toks, i = tdx_at(p)
	if i is None:
		return []
	found = []
	for k in range(i - 1, -1, -1):
		if toks[k][0] in kinds and tdx_stmt_end(toks, k) >= i:
			found.append(k)
	return found

def tdx_function_of(toks, i):
	"""Name of the function whose body holds toks[i], or None."""
	depth, k = 0, i
	while k > 0:
		k -= 1
		s = toks[k][0]
		if s == "}":
			depth += 1
		elif s == "{":
			if depth == 0 and toks[k - 1][0] == ")":
				# The outermost brace, if it follows a parameter list.
				j = tdx_match_back(toks, k - 1)
				outer = tdx_function_of(toks, k)
				if outer is None and j > 0:
					return toks[j - 1][0]
				return outer
			depth = max(depth - 1, 0)
	return None

def tdx_in_scope(p):
	"""The statement at p sits in a function that reaches a TDX primitive."""
	toks, i = tdx_at(p)
	f = tdx_function_of(toks, i) if i is not None else None
	return f is not None and tdx_reaches(f)

class tdx_place:
	"""A position for coccilib from a source token (for keywords SmPL cannot bind)."""
	def __init__(self, file, tok):
		self.file, self.line, self.column = file, str(tok[1]), str(tok[2])
		self.column_end = str(tok[2] + len(tok[0]))

def tdx_body(p):
	"""(tokens, first, last) of the body of the function whose name is at p."""
	toks, i = tdx_at(p)
	if i is None or i + 1 >= len(toks) or toks[i + 1][0] != "(":
		return toks, None, None
	body = tdx_match(toks, i + 1) + 1
	while body < len(toks) and toks[body][0] not in ("{", ";"):
		body += 1
	if body >= len(toks) or toks[body][0] != "{":
		return toks, None, None
	return toks, body, tdx_match(toks, body)

# The kernel TDX register structs, for files that only include their headers.
TDX_FIELDS = {
	"tdx_module_args": {"rcx", "rdx", "r8", "r9", "r10", "r11", "r12", "r13", "r14",
			    "r15", "rbx", "rdi", "rsi"},
	"tdx_module_output": {"rcx", "rdx", "r8", "r9", "r10", "r11"},
	"tdx_hypercall_args": {"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
			       "rdi", "rsi", "rbx", "rdx"},
}

def tdx_struct_fields(path, tag):
	"""Fields of struct tag: defined in the file, else the kernel table."""
	toks, _ = tdx_tokens(path)
	for k in range(len(toks) - 2):
		if toks[k][0] == "struct" and toks[k + 1][0] == tag and toks[k + 2][0] == "{":
			end = tdx_match(toks, k + 2)
			return {toks[j - 1][0] for j in range(k + 3, end + 1)
				if toks[j][0] in (";", ",", "[") and re.match(r"[A-Za-z_]", toks[j - 1][0])}
	return TDX_FIELDS.get(tag)

def uaou_spelled(toks, lo, hi):
	"""toks[lo:hi] spells __always_unused or __attribute__((unused))."""
	for k in range(lo, hi):
		s = toks[k][0]
		if s == "__always_unused":
			return True
		if s in ("__attribute__", "__attribute") and k + 2 < hi:
			end = tdx_match(toks, k + 1)
			if any(t[0].strip("_") == "unused" for t in toks[k + 1:end]):
				return True
	return False

def uaou_function(p):
	"""The declaration whose name is at p spells the attribute."""
	toks, i = tdx_at(p)
	if i is None:
		return False
	lo = i
	while lo > 0 and toks[lo - 1][0] not in (";", "}", "{"):
		lo -= 1
	hi = i + 1
	if hi < len(toks) and toks[hi][0] == "(":
		hi = tdx_match(toks, hi) + 1
	after = hi
	while hi < len(toks) and toks[hi][0] not in (";", "{", ","):
		hi += 1
	# Not the parameter list: a parameter's attribute is not the function's.
	return uaou_spelled(toks, lo, i) or uaou_spelled(toks, after, hi)

def uaou_param(p):
	"""The parameter whose name is at p spells the attribute."""
	toks, i = tdx_at(p)
	if i is None:
		return False
	lo, depth = i, 0
	while lo > 0:
		s = toks[lo - 1][0]
		if depth == 0 and s in (",", "("):
			break
		depth += {")": 1, "]": 1, "(": -1, "[": -1}.get(s, 0)
		lo -= 1
	hi, depth = i + 1, 0
	while hi < len(toks):
		s = toks[hi][0]
		if depth == 0 and s in (",", ")"):
			break
		depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(s, 0)
		hi += 1
	return uaou_spelled(toks, lo, hi)

uaou_used = set()
uaou_fix = set()	# (file name, kind, name...) of the declarations patch mode fixes

# Once a rule has changed a function, later rules see it re-parsed from a
# temporary file (a name ending with the original one, other line numbers):
# a fix is keyed by base name and names, not by line and column.
def uaou_fix_add(p, *names):
	uaou_fix.add((p.file.rsplit("/", 1)[-1],) + names)

def uaou_to_fix(p, *names):
	base = p.file.rsplit("/", 1)[-1]
	return any(base.endswith(k[0]) and k[1:] == names for k in uaou_fix)

def uaou_function_bad(f, p):
	return f in uaou_used and tdx_reaches(f) and uaou_function(p)

def uaou_param_used(p):
	"""The parameter whose name is at p appears in the body of its function."""
	toks, i = tdx_at(p)
	if i is None:
		return False
	k, depth = i, 0
	while k < len(toks) and not (depth == 0 and toks[k][0] == ")"):
		depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(toks[k][0], 0)
		k += 1
	while k < len(toks) and toks[k][0] not in ("{", ";"):
		k += 1
	if k >= len(toks) or toks[k][0] != "{":
		return False
	name = toks[i][0]
	return any(toks[j][0] == name and toks[j - 1][0] not in (".", "->")
		   for j in range(k + 1, tdx_match(toks, k)))

def uaou_param_bad(f, p):
	# The body is read from the tokens: a SmPL <+... x ...+> over every
	# parameter of every function cost more than the rest of the rule.
	return uaou_param(p) and uaou_param_used(p) and tdx_reaches(f)

// Every rule is scoped to TDX primitives: a file that names none is left
// after this one cheap match (most of a kernel tree).
@tdx_file depends on tdx_names@
identifier tdx_p =~ "^(__seamcall|__tdcall|__tdx_module_call$|__tdx_hypercall|seamcall|sc_retry|tdcall$|tdh_)";
@@
tdx_p

// The call graph, for tdx_reaches(): tdx_graph() reads the calls, &f and
// functions passed as arguments (sc_retry(__seamcall, ...)) from the tokens
// of every function body of each file of the group.
@script:python depends on tdx_names@
@@
tdx_reset()
uaou_used.clear()
uaou_fix.clear()

@tdx_defs depends on tdx_file@
identifier f;
position p;
@@
f@p(...) { ... }

@script:python@
p << tdx_defs.p;
@@
tdx_graph(p[0].file)

// Which names are used (called, address taken, passed as a pointer); a
// parameter's use is read from the tokens (uaou_param_used()).
@fn_use depends on tdx_file@
identifier f;
@@
f

@script:python@
f << fn_use.f;
@@
uaou_used.add(f)

// The findings: the name in a declaration that spells the attribute.
@fn_bad depends on tdx_file@
identifier f;
position p : script:python(f) { uaou_function_bad(f, p[0]) };
@@
f@p(...) { ... }

@proto_bad depends on tdx_file@
identifier f;
position p : script:python(f) { uaou_function_bad(f, p[0]) };
type T;
@@
T f@p(...);

@param_bad depends on tdx_file@
identifier f, x;
type T;
position p : script:python(f) { uaou_param_bad(f, p[0]) };
@@
f(..., T x@p, ...) { ... }

@depends on context@
identifier fn_bad.f;
position fn_bad.p;
@@
* f@p(...) { ... }

@depends on context@
identifier proto_bad.f;
position proto_bad.p;
type T;
@@
* T f@p(...);

@depends on context@
identifier param_bad.f, param_bad.x;
position param_bad.p;
type T;
@@
f(...,
* T x@p
  , ...) { ... }

@script:python depends on org@
f << fn_bad.f;
p << fn_bad.p;
@@
coccilib.org.print_todo(p[0], "'%s' is marked unused but is used" % f)

@script:python depends on org@
f << proto_bad.f;
p << proto_bad.p;
@@
coccilib.org.print_todo(p[0], "'%s' is marked unused but is used" % f)

@script:python depends on org@
x << param_bad.x;
p << param_bad.p;
@@
coccilib.org.print_todo(p[0], "'%s' is marked unused but is used" % x)

@script:python depends on report@
f << fn_bad.f;
p << fn_bad.p;
@@
tdx_print(p[0], "unused-attr-on-used", "'%s' is marked unused but is used; drop the attribute" % f)

@script:python depends on report@
f << proto_bad.f;
p << proto_bad.p;
@@
tdx_print(p[0], "unused-attr-on-used", "'%s' is marked unused but is used; drop the attribute" % f)

@script:python depends on report@
x << param_bad.x;
p << param_bad.p;
@@
tdx_print(p[0], "unused-attr-on-used", "'%s' is marked unused but is used; drop the attribute" % x)

// Patch mode: only the reported declarations, handed over by name since a
// position cannot be inherited across a rule that modifies the code.  One
// rule per spelling: SmPL allows no disjunction inside a parameter list, nor
// between a definition and a prototype.
@script:python depends on patch@
f << fn_bad.f;
p << fn_bad.p;
@@
uaou_fix_add(p[0], "fn", f)

@script:python depends on patch@
f << proto_bad.f;
p << proto_bad.p;
@@
uaou_fix_add(p[0], "proto", f)

@script:python depends on patch@
f << param_bad.f;
x << param_bad.x;
p << param_bad.p;
@@
uaou_fix_add(p[0], "param", f, x)

@depends on patch@
attribute name __always_unused;
identifier f;
position p : script:python(f) { uaou_to_fix(p[0], "fn", f) };
type T;
@@
(
- __always_unused
  T f@p(...) { ... }
|
- __attribute__((unused))
  T f@p(...) { ... }
|
- __attribute__((__unused__))
  T f@p(...) { ... }
)

@depends on patch@
attribute name __always_unused;
identifier f;
position p : script:python(f) { uaou_to_fix(p[0], "proto", f) };
type T;
@@
(
  T
- __always_unused
  f@p(...);
|
  T
- __attribute__((unused))
  f@p(...);
|
  T
- __attribute__((__unused__))
  f@p(...);
)

@depends on patch@
attribute name __always_unused;
identifier f, x;
position p : script:python(f, x) { uaou_to_fix(p[0], "param", f, x) };
type T;
@@
f(...,
  T x@p
- __always_unused
  , ...) { ... }

@depends on patch@
identifier f, x;
position p : script:python(f, x) { uaou_to_fix(p[0], "param", f, x) };
type T;
@@
f(...,
  T x@p
- __attribute__((unused))
  , ...) { ... }

@depends on patch@
identifier f, x;
position p : script:python(f, x) { uaou_to_fix(p[0], "param", f, x) };
type T;
@@
f(...,
  T x@p
- __attribute__((__unused__))
  , ...) { ... }
