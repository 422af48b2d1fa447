// SPDX-License-Identifier: GPL-2.0
/// A TDX call helper takes register inputs as scalars beside an output struct
/// whose fields name those inputs (u64 rcx, ..., struct tdx_module_output
/// *out with a field rcx), or takes one struct type twice as in and out:
/// pass one in/out struct, struct tdx_module_args, as upstream does.
//
// Judged: primitives and functions that reach one.  Reported at the name of
// the definition, or of the prototype when the file has no definition (an
// assembly primitive).  The fields come from a struct defined in the file or
// from the kernel TDX register structs; a struct of unknown layout is not
// judged on field names.
//
// Confidence: High
// Copyright: (C) 2025 The tdxcheck authors.
// Comments: patch mode is narrow, to what it can convert exactly: a
//  definition T f(u64 fn, u64 r.., struct tdx_module_args *out) whose scalars
//  are field names and appear only as out->r = r; (out only stored to before
//  the last of them), with no prototype, and whose every use in the file is a
//  call f(F, a.., &v), each a an identifier or a constant, v declared in the
//  caller as struct tdx_module_args v = {}; with neither v nor any a named
//  between that declaration and the call.  The stores go, the parameters go,
//  the calls lose the scalars and v gets { .r = a, } (zero constants
//  omitted).  Not converted: a struct tdx_module_output parameter (the
//  helper would need a new type and body), a prototype, a caller in another
//  file, NULL for out, any other use of the scalars.
// Options: --no-includes --include-headers
// Keywords: TDX, SEAMCALL, tdx_module_args, calling convention

virtual context
virtual org
virtual report
virtual patch

@initialize:python@
@@
# tdxcheck prelude: the same block opens every cocci/*.cocci (tests/prelude-sync checks it).
import re

# The default TDX primitives (DESIGN.md): the name patterns every rule scopes itself to.
TDX_PRIMITIVE = re.compile(r"^(__seamcall|__tdcall|__tdx_module_call$|__tdx_hypercall|"
			   r"seamcall|sc_retry|tdcall$)")
tdx_uses = {}	# function defined in this file -> names it calls or passes as pointers
tdx_toks = {}	# file -> (tokens, index of (line, col))

def tdx_reset():
	tdx_uses.clear()
	tdx_toks.clear()
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
				j, d = k - 1, 0
				while j > 0:
					d += {")": 1, "(": -1}.get(toks[j][0], 0)
					if d == 0:
						break
					j -= 1
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
	scalars = {n for n, tag, ptr in params if tag is None and not ptr}
	tags = [tag for n, tag, ptr in params if tag and ptr]
	if len(tags) != len(set(tags)):
		return True
	for tag in set(tags):
		fields = tdx_struct_fields(p.file, tag) or set()
		if scalars & fields:
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

// Every rule is scoped to TDX primitives: a file that names none is left
// after this one cheap match (most of a kernel tree).
@tdx_file@
identifier tdx_p =~ "^(__seamcall|__tdcall|__tdx_module_call$|__tdx_hypercall|seamcall|sc_retry|tdcall$)";
@@
tdx_p

// The call graph of this file, for tdx_reaches(): calls, &f, and functions
// passed as arguments (sc_retry(__seamcall, ...)).
@script:python@
@@
tdx_reset()

@tdx_calls depends on tdx_file@
identifier f, g;
@@
f(...) { <+... \( g(...) \| &g \) ...+> }

@script:python@
f << tdx_calls.f;
g << tdx_calls.g;
@@
tdx_use(f, g)

@tdx_fptrs depends on tdx_file@
identifier f, g, h;
@@
f(...) { <+... h(..., g, ...) ...+> }

@script:python@
f << tdx_fptrs.f;
g << tdx_fptrs.g;
@@
tdx_use(f, g)

@sia_def depends on tdx_file@
identifier f;
position p;
@@
f@p(...) { ... }

@script:python@
f << sia_def.f;
@@
sia_defined.add(f)

@sia_bad_def depends on tdx_file@
identifier f;
position p : script:python(f) { sia_bad(f, p[0], False) };
@@
f@p(...) { ... }

@sia_bad_proto depends on tdx_file@
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
@sia_fix depends on patch && tdx_file@
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
