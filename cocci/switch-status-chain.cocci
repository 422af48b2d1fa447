// SPDX-License-Identifier: GPL-2.0
/// A switch on the status a TDX primitive returned, where every arm returns
/// and an arm nests control flow written in the source: an if-chain
/// (if (sret == TDX_SUCCESS) return 0; ...) says it better.
//
// The switch is on a variable last assigned from a primitive call in the
// same function, or on the call itself.  Arms and their nesting are read
// from the source tokens, so control flow that comes from a macro expansion
// (pr_err(), preempt_enable()) or a switch inside a macro never counts.
// SmPL has no pattern for an arbitrary switch with arms, so the switches are
// found in the tokens of each function: there is no context mode.
//
// Confidence: High
// Copyright: (C) 2025 The tdxcheck authors.
// Comments: patch mode turns a reported switch on a variable into an
//  if-chain: `if (sret == X)` per arm (`||` for several labels), braces only
//  around an arm of more than one statement, then the default arm's
//  statements.  The arms' text (comments, layout) is copied from the source.
//  Converted only when that is exact: a default arm of its own, every arm
//  ends in a return, no break or case label of this switch inside an arm
//  (fall-through only through empty labels), no braced arm, no GNU case
//  range, no comment between arms or after the final return, and no nested
//  switch that is converted too.  Not converted: a switch on the call itself
//  (it would need a new variable).
// Options: --no-includes --include-headers
// Keywords: TDX, SEAMCALL, switch, status

virtual patch
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

def ssc_status(toks, body, k):
	"""The switch at toks[k] tests a primitive's status."""
	close = tdx_match(toks, k + 1)
	cond = toks[k + 2:close]
	if len(cond) > 1 and TDX_PRIMITIVE.match(cond[0][0]) and cond[1][0] == "(":
		return True
	if len(cond) != 1:
		return False
	v = cond[0][0]
	for j in range(k - 1, body, -1):
		if toks[j][0] == v and toks[j + 1][0] == "=" and toks[j - 1][0] != ".":
			return TDX_PRIMITIVE.match(toks[j + 2][0]) is not None and toks[j + 3][0] == "("
	return False

def ssc_arms(toks, k):
	"""Token ranges [lo, hi) of the arms of the switch at toks[k]."""
	open_ = tdx_match(toks, k + 1) + 1
	if toks[open_][0] != "{":
		return None
	close = tdx_match(toks, open_)
	arms, j, lo = [], open_ + 1, None
	while j < close:
		s = toks[j][0]
		if s in ("case", "default"):
			if lo is not None:
				arms.append((lo, j))
			while toks[j][0] != ":":
				j += 1
			lo = j + 1
		elif s in ("(", "[", "{"):
			j = tdx_match(toks, j)
		j += 1
	if lo is not None:
		arms.append((lo, close))
	return arms

def ssc_returns(toks, lo, hi):
	"""The statements toks[lo:hi] end in a return (None: there are none).
	`fallthrough;` is a note on the label, not a statement: an arm holding
	only that is one more label of the next arm."""
	last, j = None, lo
	while j < hi:
		if [t[0] for t in toks[j:j + 2]] != ["fallthrough", ";"]:
			last = j
		j = tdx_stmt_end(toks, j) + 1
	if last is None:
		return None
	if toks[last][0] == "{":
		return ssc_returns(toks, last + 1, tdx_match(toks, last))
	if toks[last][0] == "if":
		# Every path returns: both branches of an if/else.
		then = tdx_match(toks, last + 1) + 1
		then_end = tdx_stmt_end(toks, then)
		if then_end + 1 >= hi or toks[then_end + 1][0] != "else":
			return False
		return ssc_returns(toks, then, then_end + 1) is True and \
			ssc_returns(toks, then_end + 2, hi) is True
	return toks[last][0] == "return"

def ssc_switches(p):
	"""The switch keywords of the function named at p that the rule reports."""
	toks, body, end = tdx_body(p)
	if body is None:
		return []
	found = []
	for k in range(body, end):
		if toks[k][0] != "switch" or not ssc_status(toks, body, k):
			continue
		arms = ssc_arms(toks, k)
		if not arms:
			continue
		ends = [ssc_returns(toks, lo, hi) for lo, hi in arms]
		# An empty arm falls through to the next; the last one must return.
		if ends[-1] is not True or False in ends:
			continue
		if any(toks[j][0] in ("if", "for", "while", "switch", "do")
		       for lo, hi in arms for j in range(lo, hi)):
			found.append(tdx_place(p.file, toks[k]))
	return found

def ssc_function_body(toks, k):
	"""Index of the outermost brace around toks[k] (the function body), or None."""
	depth, body = 0, None
	for j in range(k - 1, -1, -1):
		if toks[j][0] == "}":
			depth += 1
		elif toks[j][0] == "{":
			if depth == 0:
				body = j
			else:
				depth -= 1
	return body

def ssc_reported(toks, k):
	"""The switch at toks[k] is one report mode reports."""
	body = ssc_function_body(toks, k)
	if body is None or not ssc_status(toks, body, k):
		return False
	arms = ssc_arms(toks, k)
	if not arms:
		return False
	ends = [ssc_returns(toks, lo, hi) for lo, hi in arms]
	if ends[-1] is not True or False in ends:
		return False
	return any(toks[j][0] in ("if", "for", "while", "switch", "do")
		   for lo, hi in arms for j in range(lo, hi))

# Patch mode: the if-chain is built from the source text of the arms (their
# comments and layout kept) and replaces the switch as one piece.
ssc_src = {}	# file -> (text, offsets of line starts)

def ssc_offset(path, line, col):
	if path not in ssc_src:
		text = open(path, errors="replace").read()
		starts = [0] + [m.end() for m in re.finditer("\n", text)]
		ssc_src[path] = (text, starts)
	return ssc_src[path][1][line - 1] + col

def ssc_groups(toks, k):
	"""[(labels, lo, hi)] of the switch at toks[k]: labels as token ranges of
	their expressions (None for default), lo..hi the statements of the arm."""
	open_ = tdx_match(toks, k + 1) + 1
	close = tdx_match(toks, open_)
	groups, labels, j = [], [], open_ + 1
	while j < close:
		s = toks[j][0]
		if s in ("case", "default"):
			c = j + 1
			while toks[c][0] != ":":
				if toks[c][0] in ("(", "["):
					c = tdx_match(toks, c)
				c += 1
			labels.append((j + 1, c) if s == "case" else None)
			j = c + 1
			continue
		if not labels:
			return None
		lo = j
		while j < close and toks[j][0] not in ("case", "default"):
			j = tdx_stmt_end(toks, j) + 1
		groups.append((labels, lo, j))
		labels = []
	return groups if not labels else None

def ssc_plain(toks, lo, hi):
	"""toks[lo:hi] hold no break or case label of the switch itself."""
	j = lo
	while j < hi:
		s = toks[j][0]
		if s in ("for", "while", "switch"):
			j = tdx_stmt_end(toks, j)
		elif s == "do":
			j = tdx_stmt_end(toks, j)
		elif s in ("break", "case", "default"):
			return False
		j += 1
	return True

def ssc_stmts(toks, lo, hi):
	"""Number of statements in toks[lo:hi]."""
	n, j = 0, lo
	while j < hi:
		n += 1
		j = tdx_stmt_end(toks, j) + 1
	return n

def ssc_chain(path, toks, k):
	"""The if-chain text for the switch at toks[k] (first line unindented, no
	final semicolon), or None when it cannot be converted exactly."""
	close_c = tdx_match(toks, k + 1)
	cond = toks[k + 2:close_c]
	if len(cond) != 1 or not re.match(r"[A-Za-z_]\w*$", cond[0][0]):
		return None
	var = cond[0][0]
	start_k = ssc_offset(path, toks[k][1], toks[k][2])
	text = ssc_src[path][0]
	line_start = ssc_src[path][1][toks[k][1] - 1]
	indent = text[line_start:start_k]
	if indent.strip(" \t") != "" or " " in indent:
		return None
	groups = ssc_groups(toks, k)
	if not groups:
		return None
	open_ = tdx_match(toks, k + 1) + 1
	close = tdx_match(toks, open_)
	tests, default, covered = [], None, []
	# Text outside the copied arms may hold only a comment on the switch line.
	covered.append((start_k, text.index("\n", ssc_offset(path, toks[open_][1], toks[open_][2]))))
	for labels, lo, hi in groups:
		if ssc_returns(toks, lo, hi) is not True or not ssc_plain(toks, lo, hi):
			return None
		last = tdx_stmt_end(toks, lo)
		while last + 1 < hi:
			last = tdx_stmt_end(toks, last + 1)
		a = ssc_offset(path, toks[lo][1], toks[lo][2])
		colon = ssc_offset(path, toks[lo - 1][1], toks[lo - 1][2]) + 1
		colon_eol = text.index("\n", colon)
		own_line = text[colon:colon_eol].strip(" \t") == ""
		if not own_line and text[colon:a].strip(" \t") != "":
			return None		# a comment on the label line
		b = ssc_offset(path, toks[last][1], toks[last][2]) + len(toks[last][0])
		eol = text.index("\n", b)
		if hi < close and toks[hi][1] == toks[last][1]:
			return None		# the next label on the same line
		if own_line:
			# From the line after the label: comments above the statements stay.
			body = text[colon_eol + 1:eol]
		else:
			body = indent + "\t" + text[a:eol]
		covered.append((ssc_offset(path, toks[labels[0][0] - 1][1], toks[labels[0][0] - 1][2])
				if labels[0] else ssc_offset(path, toks[lo - 2][1], toks[lo - 2][2]), eol))
		if toks[lo][0] == "{" and tdx_stmt_end(toks, lo) == last:
			return None		# a braced arm: leave the layout to the author
		if None in labels:
			if len(labels) > 1 or default is not None:
				return None
			default = (body, b, eol)
			continue
		conds = []
		for l in labels:
			lab = [t[0] for t in toks[l[0]:l[1]]]
			if "?" in lab or lab.count(".") >= 3 or not lab:
				return None
			simple = len(lab) == 1 or (re.match(r"[A-Za-z_]\w*$", lab[0]) and lab[1] == "("
						 and tdx_match(toks, l[0] + 1) == l[1] - 1)
			e = " ".join(lab) if len(lab) == 1 else ssc_label_text(path, toks, l)
			conds.append("%s == %s" % (var, e if simple else "(%s)" % e))
		tests.append((" || ".join(conds), body, ssc_stmts(toks, lo, hi)))
	if default is None:
		return None
	# Every comment of the switch must be inside a copied arm (or on its first line).
	inside = text[start_k:ssc_offset(path, toks[close][1], toks[close][2])]
	for m in re.finditer(r"/\*.*?\*/|//[^\n]*", inside, re.S):
		at = start_k + m.start()
		if not any(lo <= at < hi for lo, hi in covered):
			return None
	if not tests:
		return None
	ifs = []
	for cond_text, body, n in tests:
		if n == 1:
			ifs.append("if (%s)\n%s" % (cond_text, body))
		else:
			ifs.append("if (%s) {\n%s\n%s}" % (cond_text, body, indent))
	body, b, eol = default
	if text[b:eol].strip() != "" or not body.endswith(";"):
		return None		# a comment after the final return: no place for the final semicolon
	# The statements of the default arm leave the switch: one tab less.
	rest = "\n".join(l[1:] if l.startswith("\t") else l for l in body.split("\n"))
	chain = ("\n" + indent).join(ifs) + "\n" + rest
	return chain[:-1]

def ssc_label_text(path, toks, l):
	text = ssc_src[path][0]
	a = ssc_offset(path, toks[l[0]][1], toks[l[0]][2])
	b = ssc_offset(path, toks[l[1] - 1][1], toks[l[1] - 1][2]) + len(toks[l[1] - 1][0])
	return text[a:b]

def ssc_convertible(path, toks, k):
	return ssc_reported(toks, k) and ssc_chain(path, toks, k) is not None

def ssc_fix_at(p):
	"""p is a reported switch patch mode converts: not nested in, nor holding,
	another one (those are left alone, so one run does all it will do)."""
	toks, k = tdx_at(p)
	if k is None or toks[k][0] != "switch" or not ssc_convertible(p.file, toks, k):
		return False
	if any(ssc_convertible(p.file, toks, j) for j in tdx_enclosing(p, ("switch",))):
		return False
	end = tdx_stmt_end(toks, k)
	return not any(toks[j][0] == "switch" and ssc_convertible(p.file, toks, j)
		       for j in range(k + 1, end))

def ssc_fix_text(p):
	toks, k = tdx_at(p)
	return ssc_chain(p.file, toks, k)

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

@ssc_fn depends on tdx_file@
identifier f;
position p;
@@
f@p(...) { ... }

@script:python depends on org@
p << ssc_fn.p;
@@
for place in ssc_switches(p[0]):
	coccilib.org.print_todo(place, "switch on a TDX status where every arm returns and an arm nests control flow")

@script:python depends on report@
p << ssc_fn.p;
@@
for place in ssc_switches(p[0]):
	tdx_print(place, "switch-status-chain", "switch on a TDX status where every arm returns and an arm nests control flow; write an if-chain")

// Patch mode: the switch, as one statement, becomes the if-chain text built
// by ssc_chain() (an identifier that holds the whole text: SmPL cannot write
// a switch's arms one by one).
@ssc_sw depends on patch && tdx_file@
statement S;
position p : script:python() { ssc_fix_at(p[0]) };
@@
S@p

@script:python ssc_txt depends on patch@
p << ssc_sw.p;
txt;
@@
coccinelle.txt = cocci.make_ident(ssc_fix_text(p[0]))

@depends on patch@
position ssc_sw.p;
identifier ssc_txt.txt;
statement S;
@@
- S@p
+ txt;
