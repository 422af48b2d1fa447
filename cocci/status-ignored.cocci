// SPDX-License-Identifier: GPL-2.0
/// The status a TDX primitive returns is dropped: a failed SEAMCALL, TDCALL
/// or TDVMCALL goes unnoticed.  Check it.
//
// A direct call whose value is thrown away as a whole statement.  A call in
// a loop that never exits (while (1), for (;;) with no break, return or goto)
// is deliberate and not reported.  A primitive defined or declared void in
// the file (seamcall_err()), or in the kernel headers the rule knows
// (__tdx_hypercall_failed()), has no status.
//
// Confidence: High
// Copyright: (C) 2025 The tdxcheck authors.
// Comments: no patch mode: what to do with the status is the author's call.
// Options: --no-includes --include-headers
// Keywords: TDX, SEAMCALL, TDCALL, status

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

# Void primitives declared in kernel headers, which --no-includes hides:
# __tdx_hypercall_failed() (asm/shared/tdx.h) reports and never returns.
SI_VOID = {"__tdx_hypercall_failed"}
si_void = set()

def si_bad(f, p):
	if f in si_void:
		return False
	toks, _ = tdx_at(p)
	return not any(tdx_forever(toks, k) for k in tdx_enclosing(p, ("while", "for", "do")))

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

@tdx_defs depends on tdx_file@
identifier f;
position p;
@@
f@p(...) { ... }

@script:python@
p << tdx_defs.p;
@@
tdx_graph(p[0].file)

@script:python depends on tdx_names@
@@
si_void.clear()
si_void.update(SI_VOID)

@si_void_def depends on tdx_file@
identifier f;
@@
void f(...) { ... }

@script:python@
f << si_void_def.f;
@@
si_void.add(f)

@si_void_proto depends on tdx_file@
identifier f;
@@
void f(...);

@script:python@
f << si_void_proto.f;
@@
si_void.add(f)

@si_bad depends on tdx_file@
identifier f =~ "^(__seamcall|__tdcall|__tdx_module_call$|__tdx_hypercall|seamcall|sc_retry|tdcall$|tdh_)";
position p : script:python(f) { si_bad(f, p[0]) };
@@
f@p(...);

@depends on context@
identifier si_bad.f;
position si_bad.p;
@@
* f@p(...);

@script:python depends on org@
f << si_bad.f;
p << si_bad.p;
@@
coccilib.org.print_todo(p[0], "status returned by '%s' is ignored" % f)

@script:python depends on report@
f << si_bad.f;
p << si_bad.p;
@@
tdx_print(p[0], "status-ignored", "status returned by '%s' is ignored" % f)
