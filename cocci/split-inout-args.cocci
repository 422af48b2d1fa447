// SPDX-License-Identifier: GPL-2.0
/// A TDX call helper takes register inputs as scalars beside an output struct
/// whose fields name those inputs (u64 rcx, ..., struct tdx_module_output
/// *out with a field rcx), or takes one register struct type twice as in and
/// out: pass one in/out struct, struct tdx_module_args, as upstream does.
//
// The register inputs are the scalars from the first one named after a
// field on; all must be fields (inputs a0..a7 beside a result of a0..a3 are
// silent).  A type taken twice is a register struct when the body passes
// one of the two straight to a TDX call (two struct page pointers are not);
// a prototype has no body to show it and is not judged on that.
//
// Judged: primitives and functions that reach one.  Reported at the name of
// the definition, or of the prototype when the file has no definition (an
// assembly primitive).  The fields come from a struct defined in the file or
// from the kernel TDX register structs; a struct of unknown layout is not
// judged on field names.
//
// Confidence: High
// Copyright: (C) 2025 The tdxcheck authors.
// Comments: patch mode converts what it can convert exactly, two shapes.
//  The old API, as 6.1 and the reviewed patch had it: a definition or
//  prototype T f(u64 fn, u64 r.., struct tdx_module_output *out), each r a
//  register field name, becomes T f(u64 fn, struct tdx_module_args *args);
//  the body reads args->r for r and args for out; every call in the file
//  passes one struct: args from a converted helper that passes its own
//  registers on, else a local struct tdx_module_args args (the caller
//  output struct, renamed and retyped, or a new one for NULL) whose
//  designated initializer takes the inputs (zero constants omitted).  An
//  input that cannot move up to the declaration (a local computed earlier,
//  a call other than an address helper) is stored as args.r = a; just
//  before the statement, which must start with the call; the declaration
//  is then = {}.  A call in a loop converts only when its output struct is
//  declared in the loop body (fresh each round).  __tdx_module_call,
//  declared in a kernel header, is known from a built-in table, so a file that only calls
//  it converts with the header in the same run.  Not converted (still
//  reported): a helper with any call, prototype or use it cannot convert,
//  or whose body names args already, or uses out other than as out->x, a
//  test, or passed on.  The assembly behind a primitive and comments naming
//  the old parameters are left to the author.  The second shape:
//  T f(u64 fn, u64 r.., struct tdx_module_args *out) whose scalars appear
//  only as out->r = r; (out only stored to before the last of them), with
//  no prototype, each call f(F, a.., &v) with a an identifier or constant
//  and v declared in the caller as struct tdx_module_args v = {}; with
//  nothing between naming v or an a: the stores and scalars go, and v gets
//  { .r = a, }.
// Options: --no-includes --include-headers
// Keywords: TDX, SEAMCALL, tdx_module_args, calling convention

virtual context
virtual org
virtual report
virtual patch

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

@tdx_names_proto@
symbol __seamcall, __seamcall_ret, __seamcall_saved_ret, __tdcall, __tdcall_ret,
	__tdcall_saved_ret, __tdx_module_call, __tdx_hypercall, __tdx_hypercall_ret,
	__tdx_hypercall_failed, seamcall, seamcall_ret, seamcall_saved_ret, seamcall_prerr,
	seamcall_prerr_ret, seamcall_err, seamcall_err_ret, seamcall_msg, sc_retry,
	sc_retry_prerr, sc_retry_errno, tdcall;
type tdx_t;
@@
tdx_t \( __seamcall \| __seamcall_ret \| __seamcall_saved_ret \| __tdcall \| __tdcall_ret \| __tdcall_saved_ret \| __tdx_module_call \| __tdx_hypercall \| __tdx_hypercall_ret \| __tdx_hypercall_failed \| seamcall \| seamcall_ret \| seamcall_saved_ret \| seamcall_prerr \| seamcall_prerr_ret \| seamcall_err \| seamcall_err_ret \| seamcall_msg \| sc_retry \| sc_retry_prerr \| sc_retry_errno \| tdcall \)(...);

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

sia_defined = set()

def sia_params(toks, i):
	"""(name, struct tag or None, is pointer) of each parameter of the function at toks[i]."""
	open_ = i + 1
	close = tdx_match(toks, open_)
	params, lo, j = [], open_ + 1, open_ + 1
	while j <= close:
		if toks[j][0] in ("(", "["):
			j = tdx_match(toks, j)
		elif j == close or toks[j][0] == ",":
			words = [t[0] for t in toks[lo:j]]
			if "(" in words:
				# a function pointer, u64 (*func)(u64 fn, struct x *args): its
				# own parameters are not this function's
				k = words.index("(")
				names = [w for w in words[k:] if re.match(r"[A-Za-z_]\w*$", w)]
				params.append((names[0] if names else "", None, True))
				lo = j + 1
				j += 1
				continue
			names = [w for w in words if re.match(r"[A-Za-z_]\w*$", w) and
				 w not in ("const", "volatile", "struct", "__always_unused",
					   "__maybe_unused", "unsigned", "signed", "long")]
			tag = words[words.index("struct") + 1] if "struct" in words else None
			if names and words != ["void"]:
				params.append((names[-1], tag, "*" in words))
			lo = j + 1
		j += 1
	return params

def sia_bad(f, p, proto):
	if proto and f in sia_defined:
		return False
	if not tdx_reaches(f):
		return False
	toks, i = tdx_at(p)
	if i is None:
		return False
	params = sia_params(toks, i)
	tags = [tag for n, tag, ptr in params if tag and ptr]
	for tag in set(tags):
		fields = tdx_struct_fields(p.file, tag) or set()
		if sia_inputs_in(params, fields):
			return True
		if tags.count(tag) > 1 and sia_passed_to_tdx(p, [n for n, t, ptr in params
								  if t == tag and ptr]):
			return True
	return False

def sia_inputs_in(params, fields):
	"""The register inputs, the scalars from the first one named after a field
	on (a leading leaf number is none), are all fields: a subset of the outputs."""
	inputs = False
	for n, tag, ptr in params:
		if tag is not None or ptr:
			continue
		if n in fields:
			inputs = True
		elif inputs:
			return False
	return inputs

def sia_passed_to_tdx(p, names):
	"""The body of the function at p passes one of names straight to a TDX call:
	the struct passed twice is the register struct."""
	toks, lo, hi = tdx_body(p)
	if lo is None:
		return False
	for k in range(lo, hi):
		if toks[k + 1][0] != "(" or not re.match(r"[A-Za-z_]", toks[k][0]) or \
		   not tdx_reaches(toks[k][0]):
			continue
		if any([t[0] for t in a] in ([n] for n in names) for a in sia_args(toks, k + 1)):
			return True
	return False

# Patch mode (narrow, see the header): f(u64 fn, u64 r.., struct tdx_module_args *out)
# whose scalars r are fields and are only stored as out->r = r; and whose every use in
# the file is a call f(F, a.., &v) with v declared just before as
# struct tdx_module_args v = {}; in the caller.
sia_conv = {}	# f -> (names of the dropped scalars, name of the struct parameter)
sia_decls = {}	# (caller, v) -> initializer text for the declaration of v

def sia_named(name, i):
	return any(k[i] == name for k in sia_decls)

def sia_args(toks, open_):
	"""Token lists of the arguments of the call whose ( is at toks[open_]."""
	close = tdx_match(toks, open_)
	args, lo, j = [], open_ + 1, open_ + 1
	while j <= close:
		if toks[j][0] in ("(", "[", "{"):
			j = tdx_match(toks, j)
		elif j == close or toks[j][0] == ",":
			args.append(toks[lo:j])
			lo = j + 1
		j += 1
	return args

def sia_plan(f, p):
	toks, i = tdx_at(p)
	if i is None or not sia_bad(f, p, False):
		return False
	params = sia_params(toks, i)
	if len(params) < 3 or params[-1][1] != "tdx_module_args" or not params[-1][2]:
		return False
	out = params[-1][0]
	mid = [n for n, tag, ptr in params[1:-1]]
	if params[0][1] or params[0][2] or any(tag or ptr for n, tag, ptr in params[1:-1]):
		return False
	if not set(mid) <= TDX_FIELDS["tdx_module_args"]:
		return False
	words = [t[0] for t in toks[i + 2:tdx_match(toks, i + 1)]]
	want = ["u64", params[0][0]]
	for n in mid:
		want += [",", "u64", n]
	if words != want + [",", "struct", "tdx_module_args", "*", out]:
		return False
	_, lo, hi = tdx_body(p)
	if lo is None:
		return False
	body = [t[0] for t in toks[lo:hi + 1]]
	for j, s in enumerate(body):
		if s in mid and body[j - 4:j + 2] != [out, "->", s, "=", s, ";"] and \
		   body[j - 2:j + 4] != [out, "->", s, "=", s, ";"]:
			return False
	# Before the last store moved to the callers, out is only stored to, so
	# the stores may move ahead of everything else the helper does.
	last = max(j for j, s in enumerate(body) if s in mid)
	for j, s in enumerate(body[:last]):
		if s == out and (body[j + 1] != "->" or body[j + 3] != "=" or
				 body[j - 1] not in ("{", ";", "}")):
			return False
	inits = {}
	for k, t in enumerate(toks):
		if t[0] != f or k == i:
			continue
		if k + 1 >= len(toks) or toks[k + 1][0] != "(" or toks[k - 1][0] in (".", "->"):
			return False
		args = sia_args(toks, k + 1)
		if len(args) != len(params):
			return False
		last = [a[0] for a in args[-1]]
		if len(last) != 2 or last[0] != "&":
			return False
		v = last[1]
		vals = []
		for a in args[1:-1]:
			if len(a) != 1 or not re.match(r"\w+$", a[0][0]):
				return False
			vals.append(a[0][0])
		# the declaration of v: the last one before the call, with nothing
		# between that names v or an argument
		d = k
		while d > 0 and [x[0] for x in toks[d:d + 6]] != \
		      ["struct", "tdx_module_args", v, "=", "{", "}"]:
			d -= 1
		if d == 0 or toks[d + 6][0] != ";":
			return False
		if tdx_function_of(toks, d) != tdx_function_of(toks, k):
			return False
		if any(x[0] == v or x[0] in vals for x in toks[d + 7:k]):
			return False
		ind = "\t" * toks[d][2]
		fields = ["%s\t.%s = %s,\n" % (ind, n, a) for n, a in zip(mid, vals) if a != "0"]
		if fields:
			inits[(tdx_function_of(toks, k), v)] = \
				"{\n" + "".join(fields) + ind + "}"
	sia_decls.update(inits)
	sia_conv[f] = (mid, out)
	return True

# Patch mode, the old API (see the header): T f(u64 fn, u64 r.., struct
# tdx_module_output *out) becomes T f(u64 fn, struct tdx_module_args *args),
# its body reads args->r and args, and every call passes one struct.
#
# Old-API primitives whose prototype lives in a kernel header (spatch runs
# with --no-includes): their register parameters.
import os
import sys
SIO_KERNEL = {
	"__tdx_module_call": ("rcx", "rdx", "r8", "r9"),	# 6.1, arch/x86/include/asm/tdx.h
}
# Calls an input may keep when its value moves up to a declaration: they
# only compute an address or a constant.
SIO_PURE = {"__pa", "virt_to_phys", "page_to_phys", "page_to_pfn", "slow_virt_to_phys",
	    "__phys_addr", "lower_32_bits", "upper_32_bits", "sizeof"}
SIO_DECL_WORDS = {"struct", "union", "enum", "const", "static", "unsigned", "signed", "int",
		  "long", "char", "short", "bool", "void", "u8", "u16", "u32", "u64", "s8",
		  "s16", "s32", "s64", "size_t", "phys_addr_t"}
SIO_KEYWORDS = {"return", "if", "else", "for", "while", "do", "switch", "goto", "break",
		"continue", "case", "default", "sizeof"}
SIO_ASSIGN = {"=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "++", "--"}

sio_cands = {}		# f -> {(token index of its name, is a definition, flagged)}
sio_conv = {}		# f -> (register parameter names, name of the out parameter)
sio_calls = {}		# (caller, f, last argument) of a converted call -> its new one
sio_decls = {}		# (caller, v) of a declared out struct -> (new name, initializer)
sio_renames = set()	# (caller, v): v becomes args
sio_newdecl = {}	# caller -> (initializer, whether a blank line follows)
sio_stores = {}		# call key -> stores into the struct, put before the call
sio_path = None		# the file being planned
sio_lines = {}		# file -> its lines, for the source text of arguments

def sio_reset():
	global sio_path
	sio_path = None
	for d in (sio_cands, sio_conv, sio_calls, sio_decls, sio_newdecl, sio_stores, sio_lines):
		d.clear()
	sio_renames.clear()

def sio_call_key(p, f, last):
	return (p.current_element, f, re.sub(r"\s+", "", str(last)))

def sio_shape(toks, i):
	"""(register names, out name) when the parameters at toks[i] are
	u64 fn, u64 r.., struct tdx_module_output *out, else None."""
	if i is None or i + 1 >= len(toks) or toks[i + 1][0] != "(":
		return None
	params, cur = [], []
	for t in toks[i + 2:tdx_match(toks, i + 1)]:
		if t[0] == ",":
			params.append(cur)
			cur = []
		else:
			cur.append(t[0])
	params.append(cur)
	if len(params) < 3 or len(params[0]) != 2 or params[0][0] != "u64":
		return None
	regs = []
	for p in params[1:-1]:
		if len(p) != 2 or p[0] != "u64" or p[1] not in TDX_FIELDS["tdx_module_args"]:
			return None
		regs.append(p[1])
	last = params[-1]
	if last[:3] != ["struct", "tdx_module_output", "*"] or len(last) != 4:
		return None
	return tuple(regs), last[3]

def sio_note_path(path):
	global sio_path
	sio_path = path

def sio_candidate(f, p, is_def):
	sio_note_path(p.file)
	toks, i = tdx_at(p)
	if sio_shape(toks, i) is not None:
		flagged = sia_bad(f, p, not is_def)
		sio_cands.setdefault(f, set()).add((i, is_def, flagged))
	return False

def sio_functions(toks):
	"""{index of the name: (name, index of the name, index of {, index of })}
	of the function definitions."""
	found, j = {}, 0
	while j < len(toks):
		if toks[j][0] != "{":
			j += 1
			continue
		k = j - 1
		while k > 0 and re.match(r"[A-Za-z_]", toks[k][0]):
			k -= 1		# attributes between ) and {
		if toks[k][0] == ")":
			o = k - 1
			while o > 0 and not (toks[o][0] == "(" and tdx_match(toks, o) == k):
				o -= 1
			if o > 0 and re.match(r"[A-Za-z_]\w*$", toks[o - 1][0]):
				found[o - 1] = (toks[o - 1][0], o - 1, j, tdx_match(toks, j))
		j = tdx_match(toks, j) + 1
	return found

def sio_assigned(toks, j):
	return toks[j + 1][0] in SIO_ASSIGN or toks[j - 1][0] in ("++", "--", "&")

def sio_bare(toks, j):
	"""toks[j] names a variable, not a member."""
	return toks[j - 1][0] not in (".", "->")

def sio_text(path, first, last):
	"""Source text from token first to token last, on one line."""
	if path not in sio_lines:
		sio_lines[path] = open(path, errors="replace").read().split("\n")
	lines = sio_lines[path]
	(s, l0, c0), (e, l1, c1) = first, last
	if l0 == l1:
		text = lines[l0 - 1][c0:c1 + len(e)]
	else:
		text = " ".join([lines[l0 - 1][c0:]] + [x.strip() for x in lines[l0:l1 - 1]] +
				[lines[l1 - 1][:c1 + len(e)].strip()])
	return re.sub(r"\s+", " ", text).strip()

def sio_movable(arg, stable):
	"""The value of the argument is the same at the top of its function: constants,
	macros, unmodified parameters, file-scope arrays, pure address helpers."""
	for j, (s, _, _) in enumerate(arg):
		nxt = arg[j + 1][0] if j + 1 < len(arg) else ""
		if re.match(r"\d", s) or s in ("(", ")", "+", "-", "*", "|", "<<", ">>", "~"):
			continue
		if re.match(r"[A-Za-z_]\w*$", s) and (
				re.match(r"[A-Z_][A-Z0-9_]*$", s) or s in stable or
				s in SIO_DECL_WORDS or (nxt == "(" and s in SIO_PURE)):
			continue
		return False
	return True

def sio_init(path, regs, args, ind):
	fields = ["%s\t.%s = %s,\n" % (ind, r, sio_text(path, a[0], a[-1]))
		  for r, a in zip(regs, args) if [t[0] for t in a] != ["0"]]
	return "{\n" + "".join(fields) + ind + "}" if fields else "{}"

def sio_plan_file(path):
	"""Decide which old-API helpers convert and how every call of them changes."""
	toks, _ = tdx_tokens(path)
	funcs = sio_functions(toks)
	owner = {}		# token index -> the definition whose body holds it
	for fn in funcs.values():
		for k in range(fn[2], fn[3] + 1):
			owner[k] = fn
	arrays = sio_arrays(toks)
	plan = {}
	for f, places in sio_cands.items():
		shapes = {sio_shape(toks, i) for i, d, fl in places}
		regs = {s[0] for s in shapes}
		defs = [i for i, d, fl in places if d]
		if len(regs) != 1 or len(defs) > 1 or not any(fl for i, d, fl in places):
			continue
		out = sio_shape(toks, defs[0])[1] if defs else None
		plan[f] = (regs.pop(), out, defs[0] if defs else None, {i for i, d, fl in places})
	shapes, blocked = sio_facts()
	for f, regs in list(SIO_KERNEL.items()) + list(shapes.items()):
		if f not in plan and f not in sio_cands and any(t[0] == f for t in toks):
			plan[f] = (regs, None, None, set())
	for f, (regs, out, d, places) in plan.items():
		if d is not None or places:
			sio_fact("shape %s %s" % (f, ",".join(regs)))
	wanted = set(plan) | set(sio_cands)
	if blocked:
		# what this file alone cannot convert, for the notes
		own = dict(plan)
		while sio_shrink(path, toks, funcs, owner, arrays, own, True)[0]:
			pass
		for f in blocked & set(plan):
			del plan[f]
	while True:
		bad, edits = sio_shrink(path, toks, funcs, owner, arrays, plan, not blocked)
		if not bad:
			break
	calls, decls, renames, newdecl, stores = edits
	for f in wanted - set(plan):
		sio_fact("blocked %s" % f)
	if not plan:
		return
	for f in plan:
		sio_conv[f] = plan[f][:2]
	# Keyed by names: once a rule changes a function, Coccinelle reparses it
	# and positions in it no longer match the tokens read here.
	sio_calls.update(calls)
	sio_decls.update(decls)
	sio_stores.update(stores)
	sio_renames.update(renames)
	sio_newdecl.update(newdecl)

def sio_shrink(path, toks, funcs, owner, arrays, plan, say):
	"""Drop from plan the helpers that cannot convert (saying where when say)."""
	calls, decls, renames, newdecl, stores = {}, {}, set(), {}, {}
	bad = sio_check(path, toks, funcs, owner, arrays, plan,
			calls, decls, renames, newdecl, stores)
	for f in bad:
		if say and (f in SIO_KERNEL and not plan[f][3] or os.environ.get("TDXCHECK_FACTS_OUT")):
			sio_left_behind(path, toks, f)
		del plan[f]
	return bad, (calls, decls, renames, newdecl, stores)

def sio_left_behind(path, toks, f):
	"""Say where f stays in the old form."""
	for t in toks:
		if t[0] == f:
			if os.environ.get("TDXCHECK_FACTS_OUT"):
				sio_fact("note %s:%d: split-inout-args: %s stays in the old form "
					 "everywhere: a use of it here cannot be converted exactly"
					 % (path, t[1], f))
			else:
				sys.stderr.write("%s:%d: split-inout-args: calls of %s here cannot "
						 "all be converted exactly, but its prototype in the "
						 "kernel header will be: convert them by hand\n"
						 % (path, t[1], f))
			return

# Across files, under tdxcheck-refactor: each run reads the facts of the
# previous one ($TDXCHECK_FACTS) and each file writes its own
# ($TDXCHECK_FACTS_OUT): the helpers of the old shape it has (shape NAME
# REGS), those it cannot convert (blocked NAME) and why (note TEXT, which
# tdxcheck-refactor prints).  The runs repeat until the facts settle, first
# ignoring the blocked ones (TDXCHECK_FACTS_PHASE=shapes: a helper seen
# before its callee is known must not stay blocked), then with them; then a
# file calls a helper whose prototype is in a header, and a header converts
# a prototype only when no file blocks it: a helper converts everywhere or
# nowhere.
def sio_facts():
	shapes, blocked = {}, set()
	path = os.environ.get("TDXCHECK_FACTS")
	if not path or not os.path.exists(path):
		return shapes, blocked
	for line in open(path):
		w = line.split()
		if len(w) == 3 and w[0] == "shape":
			shapes[w[1]] = tuple(w[2].split(","))
		elif len(w) == 2 and w[0] == "blocked" and \
		     os.environ.get("TDXCHECK_FACTS_PHASE") != "shapes":
			blocked.add(w[1])
	return shapes, blocked

def sio_fact(line):
	path = os.environ.get("TDXCHECK_FACTS_OUT")
	if path:
		with open(path, "a") as f:
			f.write(line + "\n")

def sio_check(path, toks, funcs, owner, arrays, plan, calls, decls, renames, newdecl, stores):
	"""The helpers of plan that cannot convert; fills the edits of the rest."""
	bad = set()
	passed = set()		# token indices of out passed on to a converted call
	for f, (regs, out, d, places) in plan.items():
		if d is not None and any(t[0] == "args" for t in toks[d:funcs[d][3]]):
			bad.add(f)
	for k, t in enumerate(toks):
		f = t[0]
		if f not in plan or k in plan[f][3]:
			continue
		regs = plan[f][0]
		if toks[k + 1][0] != "(" or toks[k - 1][0] in (".", "->") or k not in owner:
			bad.add(f)
			continue
		args = sia_args(toks, k + 1)
		if len(args) != len(regs) + 2 or not all(args):
			bad.add(f)
			continue
		caller, ci, lo, hi = owner[k]
		last = [x[0] for x in args[-1]]
		if caller in plan:
			cregs, cout = plan[caller][:2]
			if last == [cout] and all(len(a) == 1 and a[0][0] == r and r in cregs
						  for a, r in zip(args[1:-1], regs)):
				calls[(caller, f, cout)] = "args"
				passed.add(k + 2 + sum(len(a) + 1 for a in args[:-1]))
			else:
				bad.add(f)
			continue
		body = toks[lo:hi + 1]
		params = [n for n, tag, ptr in sia_params(toks, ci)]
		stable = {n for n in params
			  if not any(x[0] == n and sio_bare(toks, lo + j) and sio_assigned(toks, lo + j)
				     for j, x in enumerate(body))}
		stable |= arrays
		ins = args[1:-1]
		loops = [j for j in range(lo, k)
			 if toks[j][0] in ("for", "while", "do") and tdx_stmt_end(toks, j) >= k]
		if loops:
			# one struct for every round would carry outputs into inputs;
			# one declared in the loop body is fresh each round (the upstream
			# TDMR initialisation loop)
			at = (sio_out_decl(toks, lo, k, last[1])
			      if len(last) == 2 and last[0] == "&" else None)
			if at is None or not all(j < at <= tdx_stmt_end(toks, j) for j in loops):
				bad.add(f)
				continue
		if all(sio_movable(a, stable) for a in ins):
			store = None
		else:
			store = sio_store_place(toks, lo, k, ins)
			if store is None:
				bad.add(f)
				continue
		taken = any(x[0] == "args" for x in toks[ci:hi])
		if last == ["NULL"]:
			if taken or caller in newdecl:
				bad.add(f)
				continue
			name, key, ind = "args", (caller, f, "NULL"), "\t"
			newdecl[caller] = (sio_init(path, regs, ins, ind) if store is None else "{}",
					   not sio_starts_decl(toks, lo + 1))
		else:
			if len(last) != 2 or last[0] != "&":
				bad.add(f)
				continue
			v = last[1]
			at = sio_out_decl(toks, lo, k, v)
			if at is None or not sio_only_read(toks, lo, hi, k, v, at):
				bad.add(f)
				continue
			name = v
			if not taken and v != "args" and not any(c == caller for c, _ in renames):
				name = "args"
				renames.add((caller, v))
			key, ind = (caller, f, "&" + v), "\t" * toks[at - 2][2]
			decls[(caller, v)] = (name, sio_init(path, regs, ins, ind)
					      if store is None else "{}")
		calls[key] = "&" + name
		if store is not None:
			stores[key] = (";\n" + store).join(
				"%s.%s = %s" % (name, r, sio_text(path, a[0], a[-1]))
				for r, a in zip(regs, ins) if [t[0] for t in a] != ["0"])
	# a converted helper uses out only as out->x, in a test, or passed on
	for f, (regs, out, d, places) in plan.items():
		if d is None or f in bad:
			continue
		for j in range(funcs[d][2], funcs[d][3] + 1):
			s = toks[j][0]
			if not sio_bare(toks, j):
				continue
			if s in regs and sio_assigned(toks, j):
				bad.add(f)
			if s != out or toks[j + 1][0] == "->" or j in passed:
				continue
			if toks[j - 1][0] in ("(", "!", "&&", "||") and toks[j + 1][0] in (")", "&&", "||"):
				continue
			bad.add(f)
	return bad

def sio_store_place(toks, lo, k, ins):
	"""Indentation for stores of the inputs ins just before the statement that
	makes the call at k, or None when they cannot go there: the call must be
	what its statement evaluates first, and the inputs free of side effects."""
	start = k
	while toks[start - 1][0] not in (";", "{", "}"):
		start -= 1
	words = [t[0] for t in toks[start:k]]
	if words not in ([], ["return"], ["if", "("], ["if", "(", "!"]) and \
	   not (len(words) == 2 and words[1] == "=" and re.match(r"[A-Za-z_]\w*$", words[0])):
		return None
	for a in ins:
		for j, (s, _, _) in enumerate(a):
			nxt = a[j + 1][0] if j + 1 < len(a) else ""
			if s in SIO_ASSIGN or nxt == "(" and not (
					s in SIO_PURE or re.match(r"[A-Z_][A-Z0-9_]*$", s)):
				return None
	return "\t" * toks[start][2]

def sio_arrays(toks):
	"""File-scope arrays: their address does not change."""
	found, depth = set(), 0
	for j, t in enumerate(toks[:-1]):
		depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(t[0], 0)
		if depth == 0 and toks[j + 1][0] == "[" and re.match(r"[A-Za-z_]\w*$", t[0]):
			found.add(t[0])
	return found

def sio_starts_decl(toks, j):
	s, n = toks[j][0], toks[j + 1][0]
	if s in SIO_KEYWORDS:
		return False
	return s in SIO_DECL_WORDS or (re.match(r"[A-Za-z_]\w*$", s) and
				       (re.match(r"[A-Za-z_]\w*$", n) or
					n == "*" and re.match(r"[A-Za-z_]", toks[j + 2][0])))

def sio_out_decl(toks, lo, k, v):
	"""Index of v in struct tdx_module_output v; or v = {}; at the top of the
	body of the caller, before the call at k."""
	for j in range(lo + 1, k):
		w = [x[0] for x in toks[j - 2:j + 4]]
		if w[:3] == ["struct", "tdx_module_output", v] and toks[j - 3][0] in ("{", ";") and \
		   (w[3] == ";" or w[3:6] == ["=", "{", "}"] and toks[j + 4][0] == ";"):
			return j
	return None

def sio_only_read(toks, lo, hi, k, v, at):
	"""v appears only in its declaration, as &v in the call at k, and as v.x reads after it."""
	amp = 0
	for j in range(lo, hi + 1):
		if toks[j][0] != v or not sio_bare(toks, j) or j == at:
			continue
		if toks[j - 1][0] == "&" and toks[j + 1][0] in (",", ")"):
			amp += 1
			if j < k or j > tdx_match(toks, k + 1):
				return False
		elif toks[j + 1][0] != "." or j < k or toks[j + 3][0] in SIO_ASSIGN:
			return False
	return amp == 1

// Every rule is scoped to TDX primitives: a file that names none is left
// after this one cheap match (most of a kernel tree).
@tdx_file depends on tdx_names@
identifier tdx_p =~ "^(__seamcall|__tdcall|__tdx_module_call$|__tdx_hypercall|seamcall|sc_retry|tdcall$|tdh_)";
@@
tdx_p

// A header may name a primitive only in its prototype (an assembly
// primitive): that is where this rule reports and converts.
@tdx_proto_file depends on tdx_names_proto@
identifier tdx_p =~ "^(__seamcall|__tdcall|__tdx_module_call$|__tdx_hypercall|seamcall|sc_retry|tdcall$|tdh_)";
type tdx_t;
@@
tdx_t tdx_p(...);

// The call graph, for tdx_reaches(): tdx_graph() reads the calls, &f and
// functions passed as arguments (sc_retry(__seamcall, ...)) from the tokens
// of every function body of each file of the group.
@script:python depends on (tdx_names || tdx_names_proto)@
@@
tdx_reset()

@tdx_defs depends on (tdx_file || tdx_proto_file)@
identifier f;
position p;
@@
f@p(...) { ... }

@script:python@
p << tdx_defs.p;
@@
tdx_graph(p[0].file)

@sia_def depends on (tdx_file || tdx_proto_file)@
identifier f;
position p;
@@
f@p(...) { ... }

@script:python@
f << sia_def.f;
@@
sia_defined.add(f)

@sia_bad_def depends on (tdx_file || tdx_proto_file)@
identifier f;
position p : script:python(f) { sia_bad(f, p[0], False) };
@@
f@p(...) { ... }

@sia_bad_proto depends on (tdx_file || tdx_proto_file)@
identifier f;
type T;
position p : script:python(f) { sia_bad(f, p[0], True) };
@@
T f@p(...);

@depends on context@
identifier sia_bad_def.f;
position sia_bad_def.p;
@@
* f@p(...) { ... }

@depends on context@
identifier sia_bad_proto.f;
position sia_bad_proto.p;
type T;
@@
* T f@p(...);

@script:python depends on org@
f << sia_bad_def.f;
p << sia_bad_def.p;
@@
coccilib.org.print_todo(p[0], "'%s' takes register inputs as scalars beside an output struct" % f)

@script:python depends on org@
f << sia_bad_proto.f;
p << sia_bad_proto.p;
@@
coccilib.org.print_todo(p[0], "'%s' takes register inputs as scalars beside an output struct" % f)

@script:python depends on report@
f << sia_bad_def.f;
p << sia_bad_def.p;
@@
tdx_print(p[0], "split-inout-args", "'%s' takes register inputs as scalars beside an output struct; pass one in/out struct (struct tdx_module_args)" % f)

@script:python depends on report@
f << sia_bad_proto.f;
p << sia_bad_proto.p;
@@
tdx_print(p[0], "split-inout-args", "'%s' takes register inputs as scalars beside an output struct; pass one in/out struct (struct tdx_module_args)" % f)

// Patch: the scalars move into the struct the caller already passes.
@sia_fix depends on patch && (tdx_file || tdx_proto_file)@
identifier f;
position p : script:python(f) { sia_plan(f, p[0]) };
@@
f@p(...) { ... }

@sia_store depends on patch@
identifier sia_fix.f;
identifier out : script:python(f) { out == sia_conv[f][1] };
identifier r : script:python(f) { r in sia_conv[f][0] };
@@
f(...) {
<...
- out->r = r;
...>
}

@sia_param depends on patch@
identifier sia_fix.f;
identifier r : script:python(f) { r in sia_conv[f][0] };
type T;
@@
T f(...,
- u64 r,
  ...) { ... }

@sia_call depends on patch@
identifier sia_fix.f;
expression F, E;
expression list es;
@@
- f(F, es, &E)
+ f(F, &E)

@sia_decl_at depends on patch@
identifier g : script:python() { sia_named(g, 0) };
identifier v : script:python() { sia_named(v, 1) };
@@
g(...) { <+... struct tdx_module_args v = {}; ...+> }

@script:python sia_init depends on patch@
g << sia_decl_at.g;
v << sia_decl_at.v;
txt;
@@
if (g, v) in sia_decls:
	coccinelle.txt = cocci.make_ident(sia_decls[(g, v)])
else:
	cocci.include_match(False)

@depends on patch@
identifier sia_decl_at.g, sia_decl_at.v;
identifier sia_init.txt;
@@
g(...) {
<...
- struct tdx_module_args v = {};
+ struct tdx_module_args v = txt;
...>
}

// Patch, the old API: the helper takes one struct tdx_module_args.  The
// candidates are collected first, then the whole file is planned at once.
@script:python depends on patch@
@@
sio_reset()

@sio_cand_def depends on patch && (tdx_file || tdx_proto_file)@
identifier f;
position p : script:python(f) { sio_candidate(f, p[0], True) };
@@
f@p(...) { ... }

@sio_cand_proto depends on patch && (tdx_file || tdx_proto_file)@
identifier f;
type T;
position p : script:python(f) { sio_candidate(f, p[0], False) };
@@
T f@p(...);

@sio_kernel_call depends on patch && tdx_file@
identifier kf;
position p : script:python(kf) { kf in SIO_KERNEL };
@@
kf@p(...)

@script:python@
p << sio_kernel_call.p;
@@
sio_note_path(p[0].file)

@script:python depends on patch && (tdx_file || tdx_proto_file)@
@@
if sio_path:
	sio_plan_file(sio_path)

// Inputs that cannot move up to the declaration are stored just before the
// statement that makes the call (and the declaration is = {}).
@sio_store_at depends on patch@
identifier f;
expression E;
expression list es;
position p : script:python(f, E) { sio_call_key(p[0], f, E) in sio_stores };
@@
f@p(es, E)

@script:python sio_store_txt@
f << sio_store_at.f;
E << sio_store_at.E;
p << sio_store_at.p;
st;
@@
coccinelle.st = cocci.make_ident(sio_stores[sio_call_key(p[0], f, E)])

@depends on patch@
identifier sio_store_at.f;
expression sio_store_at.E;
expression list sio_store_at.es;
position sio_store_at.p;
identifier sio_store_txt.st;
expression X;
statement S1, S2;
@@
(
+ st;
  f@p(es, E);
|
+ st;
  X = f@p(es, E);
|
+ st;
  return f@p(es, E);
|
+ st;
  if (f@p(es, E)) S1 else S2
|
+ st;
  if (f@p(es, E)) S1
|
+ st;
  if (!f@p(es, E)) S1 else S2
|
+ st;
  if (!f@p(es, E)) S1
)

// Each call passes the struct: args in a converted helper, else a local.
@sio_site depends on patch@
identifier f;
expression F, E;
expression list es;
position p : script:python(f, E) { sio_call_key(p[0], f, E) in sio_calls };
@@
f@p(F, es, E)

@script:python sio_arg@
f << sio_site.f;
E << sio_site.E;
p << sio_site.p;
e;
@@
coccinelle.e = cocci.make_expr(sio_calls[sio_call_key(p[0], f, E)])

@depends on patch@
identifier sio_site.f;
expression sio_site.F, sio_site.E;
expression list sio_site.es;
position sio_site.p;
expression sio_arg.e;
@@
- f@p(F, es, E)
+ f(F, e)

// The caller's output struct becomes the in/out struct, inputs initialized.
@sio_decl depends on patch@
identifier v;
position pv : script:python(v) { (pv[0].current_element, v) in sio_decls };
@@
struct tdx_module_output v@pv;

@script:python sio_decl_txt@
v << sio_decl.v;
pv << sio_decl.pv;
nm;
init;
@@
coccinelle.nm = cocci.make_ident(sio_decls[(pv[0].current_element, v)][0])
coccinelle.init = cocci.make_ident(sio_decls[(pv[0].current_element, v)][1])

@depends on patch@
identifier sio_decl.v;
position sio_decl.pv;
identifier sio_decl_txt.nm, sio_decl_txt.init;
@@
- struct tdx_module_output v@pv;
+ struct tdx_module_args nm = init;

@sio_decl0 depends on patch@
identifier v;
position pv : script:python(v) { (pv[0].current_element, v) in sio_decls };
@@
struct tdx_module_output v@pv = {};

@script:python sio_decl0_txt@
v << sio_decl0.v;
pv << sio_decl0.pv;
nm;
init;
@@
coccinelle.nm = cocci.make_ident(sio_decls[(pv[0].current_element, v)][0])
coccinelle.init = cocci.make_ident(sio_decls[(pv[0].current_element, v)][1])

@depends on patch@
identifier sio_decl0.v;
position sio_decl0.pv;
identifier sio_decl0_txt.nm, sio_decl0_txt.init;
@@
- struct tdx_module_output v@pv = {};
+ struct tdx_module_args nm = init;

@sio_renamer depends on patch@
identifier g;
position p : script:python(g) { any(c == g for c, _ in sio_renames) };
@@
g@p(...) { ... }

@depends on patch@
identifier sio_renamer.g;
identifier v : script:python(g) { (g, v) in sio_renames };
@@
g(...) { <...
- v
+ args
...> }

// A caller that passed NULL gets its own struct, first in its body.
@sio_top depends on patch@
identifier g;
position p : script:python(g) { g in sio_newdecl and not sio_newdecl[g][1] };
@@
g@p(...) { ... }

@script:python sio_top_txt@
g << sio_top.g;
init;
@@
coccinelle.init = cocci.make_ident(sio_newdecl[g][0])

@depends on patch@
identifier sio_top.g;
identifier sio_top_txt.init;
@@
g(...) {
+ struct tdx_module_args args = init;
  ...
}

@sio_top_blank depends on patch@
identifier g;
position p : script:python(g) { g in sio_newdecl and sio_newdecl[g][1] };
@@
g@p(...) { ... }

@script:python sio_top_blank_txt@
g << sio_top_blank.g;
init;
@@
coccinelle.init = cocci.make_ident(sio_newdecl[g][0])

@depends on patch@
identifier sio_top_blank.g;
identifier sio_top_blank_txt.init;
@@
g(...) {
+ struct tdx_module_args args = init;
+
  ...
}

// The helper's body reads its inputs and outputs from args.
@sio_helper depends on patch@
identifier f;
position p : script:python(f) { f in sio_conv and sio_conv[f][1] is not None };
@@
f@p(...) { ... }

@depends on patch@
identifier sio_helper.f;
identifier r : script:python(f) { r in sio_conv[f][0] };
@@
f(...) { <...
- r
+ args->r
...> }

@depends on patch@
identifier sio_helper.f;
identifier out : script:python(f) { out == sio_conv[f][1] };
@@
f(...) { <...
- out
+ args
...> }

// The signature, in the definition and every prototype.
@sio_proto depends on patch@
identifier f;
type T;
position p : script:python(f) { f in sio_conv };
@@
T f@p(...);

@depends on patch@
identifier sio_helper.f;
identifier fn;
type T;
parameter list ps;
typedef u64;
@@
T f(u64 fn,
- ps
+ struct tdx_module_args *args
  ) { ... }

@depends on patch@
identifier sio_proto.f;
identifier fn;
type T;
parameter list ps;
typedef u64;
@@
T f(u64 fn,
- ps
+ struct tdx_module_args *args
  );
