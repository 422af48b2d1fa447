// SPDX-License-Identifier: GPL-2.0
/// A function that calls a TDX primitive through a function-pointer
/// parameter and is not __always_inline: out of line, the call is an
/// indirect call to an assembly function (a retpoline, an IBT/CFI target,
/// a call from noinstr code).  Make it __always_inline, or call the
/// primitive directly.
//
// A function of the files checked together that calls through one of its
// parameters, or passes it on to a function of those files that does, where
// some call in them (or in a #define of them, as seamcall() is written)
// passes a TDX primitive in that position: 6.7's sc_retry() and
// sc_retry_prerr(), which upstream made __always_inline in 2025.
// __always_inline counts on any declaration of the function.
//
// Confidence: High
// Copyright: (C) 2025 The tdxcheck authors.
// Comments: patch mode turns `static inline` (or plain `static`) into
//  `static __always_inline` on the reported wrapper; a function with
//  external linkage is left to the author (its callers in other files would
//  need it in a header).
// Options: --no-includes --include-headers
// Keywords: TDX, SEAMCALL, TDCALL, __always_inline, indirect call, retpoline

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

IPC_MSG = ("'%s' calls a TDX primitive through a function pointer; "
	   "make it __always_inline or call the primitive directly")
IPC_KEYWORDS = {"if", "for", "while", "switch", "return", "sizeof", "do", "else",
		"case", "typeof", "__typeof__", "_Generic", "defined"}
IPC_ALWAYS = {"__always_inline", "always_inline", "__always_inline__"}
ipc_defs = {}		# function -> (file, parameter names, index of its name token)
ipc_files = set()	# every file of the group with a definition
ipc_passes = []		# (function, parameter, callee, position): a parameter passed on
ipc_binds = set()	# (callee, position) that some call fills with a primitive
ipc_result = {}		# function -> "bad" or not, computed once all facts are in
ipc_through = set()	# (function, parameter) it calls through
ipc_fix_inline = set()	# patch mode: reported "static inline" definitions
ipc_fix_plain = set()	# patch mode: reported plain "static" definitions

def ipc_reset():
	for s in (ipc_defs, ipc_passes, ipc_binds, ipc_files, ipc_result, ipc_through,
		  ipc_fix_inline, ipc_fix_plain):
		s.clear()

def ipc_split(toks, lo, hi):
	"""Top-level comma-separated pieces of toks[lo:hi], as token lists."""
	pieces, cur, depth = [], [], 0
	for t in toks[lo:hi]:
		depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(t[0], 0)
		if depth == 0 and t[0] == ",":
			pieces.append(cur)
			cur = []
		else:
			cur.append(t)
	if cur:
		pieces.append(cur)
	return pieces

def ipc_param_name(piece):
	"""The name a parameter declares: "(*name)(...)" or the last identifier."""
	words = [t[0] for t in piece]
	for k in range(len(words) - 3):
		if words[k] == "(" and words[k + 1] == "*" and words[k + 3] == ")":
			return words[k + 2]
	names = [w for w in words if re.match(r"[A-Za-z_]\w*$", w)]
	if len(names) < 2 or words[-1] == ")":
		return None
	return names[-1]

def ipc_bare(piece):
	"""The identifier an argument is, parentheses aside, else None."""
	words = [t[0] for t in piece]
	while len(words) >= 3 and words[0] == "(" and words[-1] == ")":
		words = words[1:-1]
	return words[0] if len(words) == 1 and re.match(r"[A-Za-z_]\w*$", words[0]) else None

def ipc_calls(toks, lo, hi, params, f):
	"""Record what the calls in toks[lo:hi] pass: primitives and f's parameters."""
	through = set()
	for j in range(lo, hi):
		s = toks[j][0]
		if j + 1 >= hi or toks[j + 1][0] != "(" or s in IPC_KEYWORDS or \
		   not re.match(r"[A-Za-z_]\w*$", s) or toks[j - 1][0] in (".", "->"):
			continue
		if s in params:
			through.add(s)
			continue
		close = tdx_match(toks, j + 1)
		for pos, piece in enumerate(ipc_split(toks, j + 2, close)):
			a = ipc_bare(piece)
			if a is None:
				continue
			if a in params and f is not None:
				ipc_passes.append((f, a, s, pos))
			elif TDX_PRIMITIVE.match(a):
				ipc_binds.add((s, pos))
	# (*p)(...): a call through p written with the dereference.
	for j in range(lo + 1, hi - 3):
		if toks[j][0] == "*" and toks[j - 1][0] == "(" and toks[j + 1][0] in params and \
		   toks[j + 2][0] == ")" and toks[j + 3][0] == "(":
			through.add(toks[j + 1][0])
	return through

def ipc_define(f, p):
	"""Facts of the definition of f whose name is at p."""
	toks, i = tdx_at(p)
	if i is None or i + 1 >= len(toks) or toks[i + 1][0] != "(":
		return
	close = tdx_match(toks, i + 1)
	params = [ipc_param_name(x) for x in ipc_split(toks, i + 2, close)]
	toks, body, end = tdx_body(p)
	if body is None:
		return
	ipc_files.add(p.file)
	ipc_defs[f] = (p.file, params, i)
	for a in ipc_calls(toks, body + 1, end, set(x for x in params if x), f):
		ipc_through.add((f, a))

def ipc_macros(path):
	"""Calls written in the file's #define bodies: seamcall() binds sc_retry()."""
	text = open(path, errors="replace").read()
	for m in re.finditer(r"^[ \t]*#[ \t]*define[ \t]+\w+\([^)]*\)((?:[^\n]*\\\n)*[^\n]*)",
			     text, re.M):
		body = m.group(1).replace("\\\n", " ")
		toks = [(t, 0, 0) for t in _TDX_TOKEN.findall(body)]
		ipc_calls(toks, 0, len(toks), set(), None)

def ipc_always_inline(f):
	"""Some declaration of f in the group spells __always_inline."""
	for path in ipc_files:
		toks, _ = tdx_tokens(path)
		depth = 0
		for k, t in enumerate(toks):
			if t[0] == "{":
				depth += 1
			elif t[0] == "}":
				depth -= 1
			elif depth == 0 and t[0] == f and k + 1 < len(toks) and toks[k + 1][0] == "(":
				j = k - 1
				while j >= 0 and toks[j][0] not in (";", "}", "{"):
					if toks[j][0] in IPC_ALWAYS:
						return True
					j -= 1
	return False

def ipc_compute():
	"""Both fixpoints over (function, parameter), as the plugin's rule."""
	for path in ipc_files:
		ipc_macros(path)
	bound = set()
	for f, (_, params, _) in ipc_defs.items():
		for pos, a in enumerate(params):
			if a and (f, pos) in ipc_binds:
				bound.add((f, a))
	def param_at(g, pos):
		d = ipc_defs.get(g)
		return d[1][pos] if d and pos < len(d[1]) else None
	changed = True
	while changed:
		changed = False
		for f, a, g, pos in ipc_passes:
			b = param_at(g, pos)
			if b is None:
				continue
			if (g, b) in ipc_through and (f, a) not in ipc_through:
				ipc_through.add((f, a))
				changed = True
			if (f, a) in bound and (g, b) not in bound:
				bound.add((g, b))
				changed = True
	for f in ipc_defs:
		ipc_result[f] = any((f, a) in ipc_through and (f, a) in bound
				    for a in ipc_defs[f][1] if a) and not ipc_always_inline(f)

def ipc_bad(f, p):
	if not ipc_result:
		ipc_compute()
	return ipc_result.get(f, False)

def ipc_fix_add(f, p):
	"""Patch mode: which spelling the reported definition has."""
	toks, i = tdx_at(p)
	j, words = i - 1, set()
	while j >= 0 and toks[j][0] not in (";", "}", "{"):
		words.add(toks[j][0])
		j -= 1
	if "static" not in words:
		return
	(ipc_fix_inline if "inline" in words else ipc_fix_plain).add(f)

// Every rule is scoped to TDX primitives: a file that names none is left
// after this one cheap match (most of a kernel tree).
@tdx_file depends on tdx_names@
identifier tdx_p =~ "^(__seamcall|__tdcall|__tdx_module_call$|__tdx_hypercall|seamcall|sc_retry|tdcall$|tdh_)";
@@
tdx_p

@script:python depends on tdx_names@
@@
tdx_reset()
ipc_reset()

// Every definition: its parameters, what it calls through and passes on.
@ipc_def depends on tdx_file@
identifier f;
position p;
@@
f@p(...) { ... }

@script:python@
f << ipc_def.f;
p << ipc_def.p;
@@
ipc_define(f, p[0])

@ipc_bad depends on tdx_file@
identifier f;
position p : script:python(f) { ipc_bad(f, p[0]) };
@@
f@p(...) { ... }

@depends on context@
identifier ipc_bad.f;
position ipc_bad.p;
@@
* f@p(...) { ... }

@script:python depends on org@
f << ipc_bad.f;
p << ipc_bad.p;
@@
coccilib.org.print_todo(p[0], IPC_MSG % f)

@script:python depends on report@
f << ipc_bad.f;
p << ipc_bad.p;
@@
tdx_print(p[0], "indirect-primitive-call", IPC_MSG % f)

// Patch mode: the reported definitions, handed over by name since a
// position cannot be inherited across a rule that modifies the code.
@script:python depends on patch@
f << ipc_bad.f;
p << ipc_bad.p;
@@
ipc_fix_add(f, p[0])

@depends on patch@
identifier f : script:python() { f in ipc_fix_inline };
type T;
attribute name __always_inline;
@@
  static
- inline T
+ __always_inline T
  f(...) { ... }

@depends on patch@
identifier f : script:python() { f in ipc_fix_plain };
type T;
attribute name __always_inline;
@@
  static
- T
+ __always_inline T
  f(...) { ... }
