// SPDX-License-Identifier: GPL-2.0
/*
 * The C front end's trees, as PLUGIN_PRE_GENERICIZE sees them, translated
 * into the model.
 *
 * At that point GCC 12's C front end still has the C-family statement codes
 * (FOR_STMT, WHILE_STMT, DO_STMT, SWITCH_STMT, BREAK_STMT, CONTINUE_STMT),
 * COND_EXPR for if, RETURN_EXPR of MODIFY_EXPR (RESULT_DECL, value), and
 * statement expressions as TARGET_EXPR of BIND_EXPR.  Single-statement
 * compound statements are already collapsed, so braces come from the text
 * (source_text.c) at the positions the trees give:
 *   if, while: the '(' of the condition;  do: the first token of the body;
 *   for, switch, break, continue: the keyword;  return: its value.
 *
 * Every tree access is guarded: a tree may be NULL or error_mark_node after
 * a syntax error, and unknown codes are walked generically or skipped.
 */
#include "gcc_headers.h"
#include "build_model.h"
#include "locations.h"
#include "source_text.h"

static struct tdx_tu *tu;

/* A small open-addressing map from tree pointers to pointers. */
struct ptr_map {
	const void **keys;
	void **vals;
	size_t size, used;
};

static size_t ptr_hash(const void *p)
{
	return ((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15ull;
}

static void **ptr_map_slot(struct ptr_map *m, const void *key, bool insert)
{
	size_t i, mask;

	if (insert && 2 * (m->used + 1) > m->size) {
		struct ptr_map old = *m;

		m->size = m->size ? 2 * m->size : 64;
		m->keys = XCNEWVEC(const void *, m->size);
		m->vals = XCNEWVEC(void *, m->size);
		m->used = 0;
		for (i = 0; i < old.size; i++)
			if (old.keys[i])
				*ptr_map_slot(m, old.keys[i], true) = old.vals[i];
		free(old.keys);
		free(old.vals);
	}
	if (!m->size)
		return NULL;
	mask = m->size - 1;
	for (i = ptr_hash(key) & mask; m->keys[i]; i = (i + 1) & mask)
		if (m->keys[i] == key)
			return &m->vals[i];
	if (!insert)
		return NULL;
	m->keys[i] = key;
	m->used++;
	return &m->vals[i];
}

static void *ptr_map_get(struct ptr_map *m, const void *key)
{
	void **slot = ptr_map_slot(m, key, false);

	return slot ? *slot : NULL;
}

static void ptr_map_free(struct ptr_map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

/* The function being translated. */
struct fn_ctx {
	struct tdx_function *fn;
	int fn_idx;
	tree decl;
	struct ptr_map vars;		/* VAR_DECL/PARM_DECL -> struct tdx_var */
	struct ptr_map seen;		/* SAVE_EXPR/TARGET_EXPR -> call index + 1 */
	struct ptr_map expansions;	/* expansion point -> (void *)1 */
	struct tdx_stmt *stmt;		/* receives the calls being walked */
};

/* Field names per struct type, shared by every variable of that type. */
struct fields {
	const char **names;
	size_t nr;
};
static struct ptr_map struct_fields;

static const char *decl_name(tree decl)
{
	if (!decl || !DECL_P(decl) || !DECL_NAME(decl) ||
	    TREE_CODE(DECL_NAME(decl)) != IDENTIFIER_NODE)
		return NULL;
	return IDENTIFIER_POINTER(DECL_NAME(decl));
}

static tree strip_conversions(tree t)
{
	while (t && (CONVERT_EXPR_P(t) || TREE_CODE(t) == NON_LVALUE_EXPR ||
		     TREE_CODE(t) == VIEW_CONVERT_EXPR ||
		     TREE_CODE(t) == EXCESS_PRECISION_EXPR))
		t = TREE_OPERAND(t, 0);
	return t;
}

static bool has_loc(tree t)
{
	return t && EXPR_P(t) && EXPR_HAS_LOCATION(t);
}

/* ---- types ---- */

static void collect_fields(tree rec, const char ***names, size_t *nr, size_t *cap)
{
	tree f;

	for (f = TYPE_FIELDS(rec); f; f = DECL_CHAIN(f)) {
		if (TREE_CODE(f) != FIELD_DECL)
			continue;
		if (!DECL_NAME(f)) {
			/* an anonymous struct or union: its members are ours */
			tree sub = TREE_TYPE(f);

			if (sub && RECORD_OR_UNION_TYPE_P(sub))
				collect_fields(sub, names, nr, cap);
			continue;
		}
		if (*nr == *cap) {
			*cap = *cap ? 2 * *cap : 8;
			*names = XRESIZEVEC(const char *, *names, *cap);
		}
		(*names)[(*nr)++] = IDENTIFIER_POINTER(DECL_NAME(f));
	}
}

static void set_struct(struct tdx_type *ty, tree rec)
{
	struct fields *fl;
	tree name;

	rec = TYPE_MAIN_VARIANT(rec);
	name = TYPE_NAME(rec);
	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	if (name && TREE_CODE(name) == IDENTIFIER_NODE)
		ty->struct_tag = tdx_str(tu, IDENTIFIER_POINTER(name));
	fl = (struct fields *)ptr_map_get(&struct_fields, rec);
	if (!fl) {
		const char **names = NULL;
		size_t nr = 0, cap = 0, i;

		if (!COMPLETE_TYPE_P(rec))
			return;	/* completed later: look again then */
		collect_fields(rec, &names, &nr, &cap);
		fl = (struct fields *)tdx_alloc(tu, sizeof(*fl));
		fl->names = (const char **)tdx_alloc(tu, (nr ? nr : 1) * sizeof(char *));
		for (i = 0; i < nr; i++)
			fl->names[i] = tdx_str(tu, names[i]);
		fl->nr = nr;
		free(names);
		*ptr_map_slot(&struct_fields, rec, true) = fl;
	}
	ty->fields = fl->names;
	ty->nr_fields = fl->nr;
}

static void set_type(struct tdx_type *ty, tree type)
{
	if (!type || type == error_mark_node) {
		ty->tdx_class = TDX_TYPE_OTHER;
		return;
	}
	switch (TREE_CODE(type)) {
	case INTEGER_TYPE:
	case ENUMERAL_TYPE:
	case BOOLEAN_TYPE:
	case REAL_TYPE:
	case FIXED_POINT_TYPE:
		ty->tdx_class = TDX_TYPE_SCALAR;
		break;
	case POINTER_TYPE: {
		tree to = TREE_TYPE(type);

		if (to && RECORD_OR_UNION_TYPE_P(to)) {
			ty->tdx_class = TDX_TYPE_STRUCT_PTR;
			set_struct(ty, to);
		} else if (to && TREE_CODE(to) == FUNCTION_TYPE) {
			ty->tdx_class = TDX_TYPE_FUNC_PTR;
		} else {
			ty->tdx_class = TDX_TYPE_POINTER;
		}
		break;
	}
	case RECORD_TYPE:
	case UNION_TYPE:
		ty->tdx_class = TDX_TYPE_STRUCT;
		set_struct(ty, type);
		break;
	default:
		ty->tdx_class = TDX_TYPE_OTHER;
		break;
	}
}

/* ---- functions and variables ---- */

static struct tdx_var *add_param(struct tdx_function *fn, tree parm, tree type)
{
	struct tdx_var *var = tdx_var_add(tu, fn, decl_name(parm), true);

	set_type(&var->type, type);
	if (parm) {
		struct src_pos pos = loc_src(DECL_SOURCE_LOCATION(parm));

		var->loc = loc_model(tu, DECL_SOURCE_LOCATION(parm));
		if (pos.file && pos.off >= 0)
			var->spelled_unused = src_param_unused(pos.file, pos.off);
	}
	return var;
}

/* Parameters from the declaration's PARM_DECLs, else from its type. */
static void add_params(struct tdx_function *fn, tree decl, struct ptr_map *vars)
{
	tree p;

	if (DECL_ARGUMENTS(decl)) {
		for (p = DECL_ARGUMENTS(decl); p; p = DECL_CHAIN(p)) {
			struct tdx_var *var;

			if (TREE_CODE(p) != PARM_DECL)
				continue;
			var = add_param(fn, p, TREE_TYPE(p));
			if (vars)
				*ptr_map_slot(vars, p, true) = var;
		}
		return;
	}
	if (!TREE_TYPE(decl) || TREE_CODE(TREE_TYPE(decl)) != FUNCTION_TYPE)
		return;
	for (p = TYPE_ARG_TYPES(TREE_TYPE(decl)); p && p != void_list_node;
	     p = TREE_CHAIN(p))
		add_param(fn, NULL_TREE, TREE_VALUE(p));
}

static bool returns_void(tree decl)
{
	tree type = TREE_TYPE(decl);

	return type && TREE_CODE(type) == FUNCTION_TYPE && TREE_TYPE(type) &&
	       VOID_TYPE_P(TREE_TYPE(type));
}

/*
 * always_inline from the attribute list, not the source: __always_inline is
 * a macro, and GCC merges the attributes of every declaration seen so far.
 */
static void note_always_inline(struct tdx_function *fn, tree decl)
{
	if (lookup_attribute("always_inline", DECL_ATTRIBUTES(decl)))
		fn->always_inline = true;
}

/* The model's function for a FUNCTION_DECL, created as a declaration. */
static struct tdx_function *fn_for_decl(tree decl)
{
	struct tdx_function *fn;
	const char *name = decl_name(decl);

	if (!name || TREE_CODE(decl) != FUNCTION_DECL || DECL_IS_UNDECLARED_BUILTIN(decl))
		return NULL;
	if (tdx_function_index(tu, name) >= 0)
		return tdx_function_get(tu, name);
	fn = tdx_function_get(tu, name);
	fn->loc = loc_model(tu, DECL_SOURCE_LOCATION(decl));
	fn->is_static = !TREE_PUBLIC(decl);
	fn->returns_void = returns_void(decl);
	note_always_inline(fn, decl);
	add_params(fn, decl, NULL);
	return fn;
}

/* How the declaration of fn whose name is at loc spells unused. */
static void note_spelled_unused_at(struct tdx_function *fn, location_t loc)
{
	struct src_pos pos = loc_src(loc);
	unsigned int bits;

	if (!pos.file || pos.off < 0)
		return;
	bits = src_function_unused(pos.file, pos.off);
	if (!bits)
		return;
	if (!fn->spelled_unused)
		fn->attr_loc = loc_model(tu, loc);
	fn->spelled_unused |= bits;
}

static void note_spelled_unused(struct tdx_function *fn, tree decl)
{
	note_spelled_unused_at(fn, DECL_SOURCE_LOCATION(decl));
}

static void mark_address_taken(tree fndecl)
{
	struct tdx_function *fn = fn_for_decl(fndecl);

	if (fn)
		fn->address_taken = true;
}

static struct tdx_var *add_local(struct fn_ctx *c, tree decl)
{
	struct tdx_var *var;

	if (TREE_CODE(decl) != VAR_DECL || DECL_EXTERNAL(decl) || !decl_name(decl))
		return NULL;
	var = (struct tdx_var *)ptr_map_get(&c->vars, decl);
	if (var)
		return var;
	var = tdx_var_add(tu, c->fn, decl_name(decl), false);
	var->loc = loc_model(tu, DECL_SOURCE_LOCATION(decl));
	var->is_static = TREE_STATIC(decl);
	set_type(&var->type, TREE_TYPE(decl));
	*ptr_map_slot(&c->vars, decl, true) = var;
	return var;
}

static void add_bind_vars(struct fn_ctx *c, tree bind)
{
	tree v;

	for (v = BIND_EXPR_VARS(bind); v; v = DECL_CHAIN(v))
		add_local(c, v);
}

/* ---- expressions ---- */

static void note_expansion(struct fn_ctx *c, location_t loc)
{
	const char *name;
	location_t point;

	if (!loc_in_macro(loc))
		return;
	name = loc_outer_macro(loc, &point);
	if (!name || ptr_map_get(&c->expansions, (void *)(uintptr_t)point))
		return;
	*ptr_map_slot(&c->expansions, (void *)(uintptr_t)point, true) = (void *)1;
	tdx_expansion_add(tu, c->fn, name, loc_model(tu, point));
}

static const char *outer_macro_of(tree t)
{
	for (; t; t = TREE_OPERAND(t, 0)) {
		if (has_loc(t))
			return loc_outer_macro(EXPR_LOCATION(t), NULL);
		if (!CONVERT_EXPR_P(t) && TREE_CODE(t) != NON_LVALUE_EXPR)
			break;
	}
	return NULL;
}

static int walk_expr(struct fn_ctx *c, tree t, bool used, int argof, location_t ploc);
static void walk_decl(struct fn_ctx *c, tree decl, location_t loc);

static struct tdx_var *var_of(struct fn_ctx *c, tree t)
{
	if (!t || (TREE_CODE(t) != VAR_DECL && TREE_CODE(t) != PARM_DECL))
		return NULL;
	return (struct tdx_var *)ptr_map_get(&c->vars, t);
}

/* A store to lhs; the right-hand side (if any) gave call index call. */
static void record_store(struct fn_ctx *c, tree lhs, location_t loc, tree rhs,
			 int call, bool is_init)
{
	const char *field = NULL;
	struct tdx_store *st;
	struct tdx_var *var;
	tree base = lhs;

	for (;;) {
		if (!base)
			return;
		if (TREE_CODE(base) == COMPONENT_REF) {
			field = decl_name(TREE_OPERAND(base, 1));
		} else if (TREE_CODE(base) == ARRAY_REF ||
			   TREE_CODE(base) == ARRAY_RANGE_REF) {
			walk_expr(c, TREE_OPERAND(base, 1), true, -1, loc);
			if (!field)
				field = "[]";	/* one element, not the whole */
		} else if (TREE_CODE(base) == REALPART_EXPR ||
			   TREE_CODE(base) == IMAGPART_EXPR ||
			   TREE_CODE(base) == BIT_FIELD_REF ||
			   TREE_CODE(base) == VIEW_CONVERT_EXPR) {
			/* part of the object */
		} else {
			break;
		}
		base = TREE_OPERAND(base, 0);
	}
	var = var_of(c, base);
	if (!var) {
		/* *p = x, p->f = x: a read of p, not a store to a local */
		walk_expr(c, base, true, -1, loc);
		return;
	}
	st = tdx_store_add(tu, var);
	st->loc = loc_model(tu, loc);
	st->field = tdx_str(tu, field);
	st->is_init = is_init;
	st->call = call;
	st->macro = tdx_str(tu, outer_macro_of(rhs));
}

static void walk_addr(struct fn_ctx *c, tree op, location_t loc)
{
	while (op && (handled_component_p(op))) {
		if (TREE_CODE(op) == ARRAY_REF || TREE_CODE(op) == ARRAY_RANGE_REF)
			walk_expr(c, TREE_OPERAND(op, 1), true, -1, loc);
		op = TREE_OPERAND(op, 0);
	}
	if (!op)
		return;
	if (TREE_CODE(op) == FUNCTION_DECL) {
		mark_address_taken(op);
	} else if (TREE_CODE(op) == VAR_DECL || TREE_CODE(op) == PARM_DECL) {
		struct tdx_var *var = var_of(c, op);

		if (var)
			var->address_taken = true;
	} else {
		walk_expr(c, op, true, -1, loc);
	}
}

static void classify_arg(struct fn_ctx *c, struct tdx_call *call, tree arg)
{
	tree s = strip_conversions(arg);
	enum tdx_arg_kind kind = TDX_ARG_OTHER;
	const char *name = NULL;

	if (s && TREE_CODE(s) == INTEGER_CST && integer_zerop(s)) {
		kind = TDX_ARG_NULL;
	} else if (s && TREE_CODE(s) == FUNCTION_DECL) {
		kind = TDX_ARG_FUNC;
		name = decl_name(s);
	} else if (s && TREE_CODE(s) == PARM_DECL && var_of(c, s)) {
		kind = TDX_ARG_PARAM;
		name = decl_name(s);
	} else if (s && TREE_CODE(s) == ADDR_EXPR) {
		tree op = TREE_OPERAND(s, 0);

		if (op && TREE_CODE(op) == FUNCTION_DECL) {
			kind = TDX_ARG_FUNC;
			name = decl_name(op);
		} else if (var_of(c, op)) {
			kind = TDX_ARG_ADDR_LOCAL;
			name = decl_name(op);
		}
	}
	tdx_arg_add(tu, call, kind, name);
}

static int walk_call(struct fn_ctx *c, tree t, bool used, location_t loc)
{
	tree fnexpr = CALL_EXPR_FN(t), target = strip_conversions(fnexpr);
	const char *callee = NULL, *via = NULL;
	struct tdx_call *call;
	int idx, i, n;

	if (target && TREE_CODE(target) == ADDR_EXPR &&
	    TREE_OPERAND(target, 0) &&
	    TREE_CODE(TREE_OPERAND(target, 0)) == FUNCTION_DECL) {
		tree decl = TREE_OPERAND(target, 0);

		callee = decl_name(decl);
		fn_for_decl(decl);
	} else if (target) {
		tree p = target;

		if (TREE_CODE(p) == INDIRECT_REF || TREE_CODE(p) == MEM_REF)
			p = strip_conversions(TREE_OPERAND(p, 0));
		if (p && TREE_CODE(p) == COMPONENT_REF)
			via = decl_name(TREE_OPERAND(p, 1));
		else if (p && DECL_P(p))
			via = decl_name(p);
	}
	idx = tdx_call_add(tu, c->fn_idx, callee);
	call = tu->calls[idx];
	call->via = tdx_str(tu, via);
	call->loc = loc_model(tu, loc);
	call->macro = tdx_str(tu, loc_outer_macro(loc, NULL));
	call->result_used = used;
	call->returns_void = TREE_TYPE(t) && VOID_TYPE_P(TREE_TYPE(t));
	if (c->stmt)
		tdx_stmt_add_call(tu, c->stmt, idx);
	if (!callee && fnexpr)
		walk_expr(c, fnexpr, true, -1, loc);
	n = call_expr_nargs(t);
	for (i = 0; i < n; i++) {
		tree arg = CALL_EXPR_ARG(t, i);

		classify_arg(c, call, arg);
		walk_expr(c, arg, true, idx, loc);
	}
	return idx;
}

static void walk_list(struct fn_ctx *c, tree list, bool used, location_t loc)
{
	tree_stmt_iterator i;

	for (i = tsi_start(list); !tsi_end_p(i); tsi_next(&i)) {
		tree s = tsi_stmt(i);
		tree_stmt_iterator next = i;

		tsi_next(&next);
		walk_expr(c, s, used && tsi_end_p(next), -1, loc);
	}
}

/*
 * Walk an expression (or, inside a statement expression, a statement) for
 * calls, stores, reads and macro expansions.  used: its value is used.
 * argof: it is a direct argument of that call.  Returns the index of the
 * call t is (through conversions), else -1.
 */
static int walk_expr(struct fn_ctx *c, tree t, bool used, int argof, location_t ploc)
{
	location_t loc = ploc;
	enum tree_code code;
	int i, n;

	if (!t || t == error_mark_node)
		return -1;
	code = TREE_CODE(t);
	if (has_loc(t)) {
		loc = EXPR_LOCATION(t);
		note_expansion(c, loc);
	}
	switch (code) {
	case VAR_DECL:
	case PARM_DECL: {
		struct tdx_var *var = var_of(c, t);

		if (var) {
			struct tdx_read *rd = tdx_read_add(tu, var);

			rd->loc = loc_model(tu, loc);
			rd->call = argof;
		}
		return -1;
	}
	case FUNCTION_DECL:
		mark_address_taken(t);
		return -1;
	case ADDR_EXPR:
		walk_addr(c, TREE_OPERAND(t, 0), loc);
		return -1;
	case MODIFY_EXPR:
	case INIT_EXPR: {
		tree rhs = TREE_OPERAND(t, 1);
		int call = walk_expr(c, rhs, true, -1, loc);

		record_store(c, TREE_OPERAND(t, 0), loc, rhs, call, false);
		return -1;
	}
	case PREINCREMENT_EXPR:
	case PREDECREMENT_EXPR:
	case POSTINCREMENT_EXPR:
	case POSTDECREMENT_EXPR:
		walk_expr(c, TREE_OPERAND(t, 0), true, -1, loc);
		record_store(c, TREE_OPERAND(t, 0), loc, NULL_TREE, -1, false);
		return -1;
	case CALL_EXPR:
		return walk_call(c, t, used, loc);
	case COMPOUND_EXPR:
		walk_expr(c, TREE_OPERAND(t, 0), false, -1, loc);
		return walk_expr(c, TREE_OPERAND(t, 1), used, argof, loc);
	case COND_EXPR:
		walk_expr(c, TREE_OPERAND(t, 0), true, -1, loc);
		walk_expr(c, TREE_OPERAND(t, 1), used, -1, loc);
		walk_expr(c, TREE_OPERAND(t, 2), used, -1, loc);
		return -1;
	case NOP_EXPR:
	case CONVERT_EXPR:
	case NON_LVALUE_EXPR:
	case VIEW_CONVERT_EXPR: {
		/* The C front end builds a written (void) cast as CONVERT_EXPR. */
		bool voided = TREE_TYPE(t) && VOID_TYPE_P(TREE_TYPE(t));
		int call;

		if (voided)
			used = false;	/* (void)f(): the value is dropped */
		call = walk_expr(c, TREE_OPERAND(t, 0), used, argof, loc);
		if (voided && TREE_CODE(t) == CONVERT_EXPR && call >= 0)
			tu->calls[call]->void_cast = true;
		return call;
	}
	case SAVE_EXPR: {
		void **slot = ptr_map_slot(&c->seen, t, true);
		int call;

		/* Evaluated once, referred to again: its value is needed. */
		if (*slot)
			return (int)(intptr_t)*slot - 2;
		*slot = (void *)(intptr_t)1;	/* -1 + 2: no call, while walking */
		call = walk_expr(c, TREE_OPERAND(t, 0), true, argof, loc);
		/* The walk may have grown the map: look the slot up again. */
		*ptr_map_slot(&c->seen, t, true) = (void *)(intptr_t)(call + 2);
		return call;
	}
	case TARGET_EXPR: {
		void **slot = ptr_map_slot(&c->seen, t, true);

		if (!*slot) {
			*slot = (void *)1;
			walk_expr(c, TREE_OPERAND(t, 1), used, -1, loc);
		}
		return -1;
	}
	case BIND_EXPR:
		add_bind_vars(c, t);
		walk_expr(c, BIND_EXPR_BODY(t), used, -1, loc);
		return -1;
	case STATEMENT_LIST:
		walk_list(c, t, used, loc);
		return -1;
	case TRY_FINALLY_EXPR:
		/* a cleanup declaration's scope; its cleanup call is nobody's (add_kids) */
		walk_expr(c, TREE_OPERAND(t, 0), used, -1, loc);
		return -1;
	case DECL_EXPR:
		walk_decl(c, DECL_EXPR_DECL(t), loc);
		return -1;
	case COMPONENT_REF:
		walk_expr(c, TREE_OPERAND(t, 0), true, argof, loc);
		return -1;
	case ARRAY_REF:
	case ARRAY_RANGE_REF:
		walk_expr(c, TREE_OPERAND(t, 0), true, -1, loc);
		walk_expr(c, TREE_OPERAND(t, 1), true, -1, loc);
		return -1;
	case FOR_STMT:
		walk_expr(c, FOR_INIT_STMT(t), false, -1, loc);
		walk_expr(c, FOR_COND(t), true, -1, loc);
		walk_expr(c, FOR_EXPR(t), false, -1, loc);
		walk_expr(c, FOR_BODY(t), false, -1, loc);
		return -1;
	case WHILE_STMT:
		walk_expr(c, WHILE_COND(t), true, -1, loc);
		walk_expr(c, WHILE_BODY(t), false, -1, loc);
		return -1;
	case DO_STMT:
		walk_expr(c, DO_COND(t), true, -1, loc);
		walk_expr(c, DO_BODY(t), false, -1, loc);
		return -1;
	case SWITCH_STMT:
		walk_expr(c, SWITCH_STMT_COND(t), true, -1, loc);
		walk_expr(c, SWITCH_STMT_BODY(t), false, -1, loc);
		return -1;
	case GOTO_EXPR:
		if (GOTO_DESTINATION(t) && TREE_CODE(GOTO_DESTINATION(t)) != LABEL_DECL)
			walk_expr(c, GOTO_DESTINATION(t), true, -1, loc);
		return -1;
	case ASM_EXPR: {
		tree l;

		for (l = ASM_OUTPUTS(t); l; l = TREE_CHAIN(l))
			record_store(c, TREE_VALUE(l), loc, NULL_TREE, -1, false);
		for (l = ASM_INPUTS(t); l; l = TREE_CHAIN(l))
			walk_expr(c, TREE_VALUE(l), true, -1, loc);
		return -1;
	}
	case CONSTRUCTOR: {
		unsigned HOST_WIDE_INT k;
		tree v;

		FOR_EACH_CONSTRUCTOR_VALUE(CONSTRUCTOR_ELTS(t), k, v)
			walk_expr(c, v, true, -1, loc);
		return -1;
	}
	case TREE_LIST:
		for (; t && TREE_CODE(t) == TREE_LIST; t = TREE_CHAIN(t))
			walk_expr(c, TREE_VALUE(t), true, -1, loc);
		return -1;
	case LABEL_EXPR:
	case CASE_LABEL_EXPR:
	case PREDICT_EXPR:
	case DEBUG_BEGIN_STMT:
	case BREAK_STMT:
	case CONTINUE_STMT:
		return -1;
	default:
		break;
	}
	if (!EXPR_P(t))
		return -1;	/* constants, types, other declarations */
	n = TREE_OPERAND_LENGTH(t);
	for (i = 0; i < n; i++) {
		tree op = TREE_OPERAND(t, i);

		if (op && !TYPE_P(op))
			walk_expr(c, op, true, -1, loc);
	}
	return -1;
}

static void translate_function(tree fndecl);

static void walk_decl(struct fn_ctx *c, tree decl, location_t loc)
{
	tree init;

	if (!decl)
		return;
	if (TREE_CODE(decl) == FUNCTION_DECL) {
		/* a nested function (GNU C): its own model function */
		if (DECL_SAVED_TREE(decl) && decl != c->decl)
			translate_function(decl);
		return;
	}
	if (TREE_CODE(decl) != VAR_DECL || DECL_EXTERNAL(decl))
		return;
	add_local(c, decl);
	init = DECL_INITIAL(decl);
	if (!init || init == error_mark_node)
		return;
	record_store(c, decl, DECL_SOURCE_LOCATION(decl), init,
		     walk_expr(c, init, true, -1, loc), true);
}

/* ---- statements ---- */

/* Where a statement ends in the text: its file and the offset of its last token. */
struct src_end {
	struct src_file *file;
	long off;
};

static struct tdx_stmt *translate(struct fn_ctx *c, tree t, long start,
				  struct src_file *sf, struct src_end *end);

static struct tdx_stmt *stmt_at(struct fn_ctx *c, enum tdx_stmt_kind kind,
				location_t loc)
{
	struct tdx_stmt *st = tdx_stmt_new(tu, kind);

	st->from_macro = loc_in_macro(loc);
	st->loc = loc_model(tu, loc);
	st->last_line = st->loc.line;
	note_expansion(c, loc);
	return st;
}

/* Move a statement's location to a text position (a keyword, a brace). */
static void stmt_move(struct tdx_stmt *st, struct src_file *f, long off)
{
	struct src_pos pos = { f, off };

	if (f && off >= 0 && !st->from_macro)
		st->loc = pos_model(tu, &pos);
}

static void set_end(struct tdx_stmt *st, struct src_end *end, struct src_file *f, long off)
{
	end->file = f;
	end->off = off;
	if (f && off >= 0) {
		unsigned int line = src_line_of(f, off);

		if (line > st->last_line || !st->from_macro)
			st->last_line = line;
	}
}

static const char *cond_var(struct fn_ctx *c, tree cond)
{
	tree t = strip_conversions(cond);
	struct tdx_var *var;

	if (t && TREE_CODE(t) == TRUTH_NOT_EXPR)
		t = strip_conversions(TREE_OPERAND(t, 0));
	if (t && COMPARISON_CLASS_P(t)) {
		var = var_of(c, strip_conversions(TREE_OPERAND(t, 0)));
		if (!var)
			var = var_of(c, strip_conversions(TREE_OPERAND(t, 1)));
	} else {
		var = var_of(c, t);
	}
	return var ? var->name : NULL;
}

/* Does t leave the loop it is the body of: break (not a nested one), return, goto? */
static bool leaves(tree t, bool nested)
{
	enum tree_code code;
	int i, n;

	if (!t || t == error_mark_node)
		return false;
	code = TREE_CODE(t);
	switch (code) {
	case BREAK_STMT:
		return !nested;
	case RETURN_EXPR:
	case GOTO_EXPR:
		return true;
	case FOR_STMT:
		return leaves(FOR_BODY(t), true) || leaves(FOR_COND(t), true);
	case WHILE_STMT:
		return leaves(WHILE_BODY(t), true);
	case DO_STMT:
		return leaves(DO_BODY(t), true);
	case SWITCH_STMT:
		return leaves(SWITCH_STMT_BODY(t), true);
	case STATEMENT_LIST: {
		tree_stmt_iterator it;

		for (it = tsi_start(t); !tsi_end_p(it); tsi_next(&it))
			if (leaves(tsi_stmt(it), nested))
				return true;
		return false;
	}
	case BIND_EXPR:
		return leaves(BIND_EXPR_BODY(t), nested);
	default:
		break;
	}
	if (!EXPR_P(t))
		return false;
	n = TREE_OPERAND_LENGTH(t);
	for (i = 0; i < n; i++) {
		tree op = TREE_OPERAND(t, i);

		if (op && !TYPE_P(op) && leaves(op, nested))
			return true;
	}
	return false;
}

static bool constant_true(tree cond)
{
	cond = strip_conversions(cond);
	return !cond || (TREE_CODE(cond) == INTEGER_CST && !integer_zerop(cond));
}

/*
 * The body of if/else/for/while/do starting at text offset start (-1 when
 * unknown): braced when the text there is '{'.
 */
static struct tdx_stmt *translate_body(struct fn_ctx *c, tree t, struct src_file *f,
				       long start, struct src_end *end)
{
	struct tdx_stmt *st;

	end->file = NULL;
	end->off = -1;
	if (f && start >= 0 && f->text[start] == '{') {
		long close = src_match(f, start);
		struct src_end inner_end;
		struct tdx_stmt *inner = translate(c, t, -1, f, &inner_end);

		if (inner && inner->kind == TDX_STMT_BLOCK && !inner->from_macro) {
			st = inner;
		} else {
			st = tdx_stmt_new(tu, TDX_STMT_BLOCK);
			if (inner)
				tdx_stmt_add_kid(tu, st, inner);
		}
		st->braced = true;
		st->from_macro = false;
		stmt_move(st, f, start);
		st->last_line = st->loc.line;
		set_end(st, end, f, close);
		return st;
	}
	st = translate(c, t, start, f, end);
	if (st && f && start >= 0 && !st->from_macro &&
	    (st->kind == TDX_STMT_EXPR || st->kind == TDX_STMT_RETURN ||
	     st->kind == TDX_STMT_BREAK || st->kind == TDX_STMT_CONTINUE ||
	     st->kind == TDX_STMT_GOTO)) {
		/* a list the front end made (goto and its hint) loses start */
		stmt_move(st, f, start);
		st->last_line = st->loc.line;
		set_end(st, end, f, src_stmt_end(f, start));
	}
	if (!st) {
		/* an empty statement ';' */
		st = tdx_stmt_new(tu, TDX_STMT_OTHER);
		stmt_move(st, f, start);
		st->last_line = st->loc.line;
		if (f && start >= 0)
			set_end(st, end, f, start);
	}
	return st;
}

/* prev is the init expression of the for loop that follows it. */
static bool for_init_of(const struct tdx_stmt *prev, const struct tdx_stmt *loop)
{
	if (prev->kind != TDX_STMT_EXPR || prev->loc.file != loop->loc.file)
		return false;
	if (prev->from_macro && loop->from_macro)
		return prev->loc.line == loop->loc.line && prev->loc.col == loop->loc.col;
	return !prev->from_macro && !loop->from_macro &&
	       (prev->loc.line > loop->loc.line ||
		(prev->loc.line == loop->loc.line && prev->loc.col > loop->loc.col)) &&
	       prev->loc.line <= loop->last_line;
}

/*
 * The statements of list as kids of st.  A declaration with
 * __attribute__((cleanup)) (the kernel's guard(), scoped_guard(), __free())
 * makes the C front end put the rest of its scope in the body (operand 0) of
 * a TRY_FINALLY_EXPR whose finally part is the cleanup call:
 * those statements are still the block's, as the source and clang show
 * them.  The cleanup call runs where the scope ends, not where it is
 * written, and is left out, as the clang front end leaves it out.
 */
static void add_kids(struct fn_ctx *c, struct tdx_stmt *st, tree list, location_t loc,
		     struct src_end *kid_end, struct tdx_stmt **only)
{
	tree_stmt_iterator i;

	for (i = tsi_start(list); !tsi_end_p(i); tsi_next(&i)) {
		tree stmt = tsi_stmt(i);
		struct tdx_stmt *kid;

		if (TREE_CODE(stmt) == TRY_FINALLY_EXPR) {
			tree rest = TREE_OPERAND(stmt, 0);

			if (rest && TREE_CODE(rest) == STATEMENT_LIST) {
				add_kids(c, st, rest, loc, kid_end, only);
				continue;
			}
			stmt = rest;
		}
		kid = translate(c, stmt, -1, NULL, kid_end);
		if (!kid)
			continue;
		if (kid->kind == TDX_STMT_FOR && st->nr_kids &&
		    for_init_of(st->kids[st->nr_kids - 1], kid)) {
			/* the C front end puts 'for (i = 0;' before the loop */
			struct tdx_stmt *init = st->kids[--st->nr_kids];
			size_t j;

			for (j = 0; j < init->nr_calls; j++)
				tdx_stmt_add_call(tu, kid, init->calls[j]);
		}
		if (!st->nr_kids && !loc)
			st->loc = kid->loc;
		tdx_stmt_add_kid(tu, st, kid);
		if (kid->last_line > st->last_line && kid->loc.file == st->loc.file)
			st->last_line = kid->last_line;
		*only = kid;
	}
}

static struct tdx_stmt *translate_block(struct fn_ctx *c, tree t, struct src_end *end)
{
	location_t loc = has_loc(t) ? EXPR_LOCATION(t) : UNKNOWN_LOCATION;
	tree body = t;
	struct tdx_stmt *st, *only = NULL;
	struct src_pos pos = loc_src(loc);
	bool braced = pos.file && pos.off >= 0 && pos.file->text[pos.off] == '{';
	struct src_end kid_end = { NULL, -1 };

	end->file = NULL;
	end->off = -1;
	if (TREE_CODE(t) == BIND_EXPR) {
		add_bind_vars(c, t);
		body = BIND_EXPR_BODY(t);
	}
	st = loc ? stmt_at(c, TDX_STMT_BLOCK, loc) : tdx_stmt_new(tu, TDX_STMT_BLOCK);
	st->braced = braced;
	if (body && TREE_CODE(body) == STATEMENT_LIST) {
		add_kids(c, st, body, loc, &kid_end, &only);
	} else if (body) {
		only = translate(c, body, -1, NULL, &kid_end);
		if (only) {
			if (!loc)
				st->loc = only->loc;
			tdx_stmt_add_kid(tu, st, only);
			st->last_line = only->last_line;
		}
	}
	if (braced) {
		set_end(st, end, pos.file, src_match(pos.file, pos.off));
		return st;
	}
	*end = kid_end;
	/*
	 * A list the front end made, not the source: empty (declarations
	 * only), or one statement plus markers (goto's PREDICT_EXPR).
	 */
	if (!st->nr_kids)
		return NULL;
	if (st->nr_kids == 1 && TREE_CODE(t) == STATEMENT_LIST)
		return st->kids[0];
	/*
	 * The scope GCC opens for 'for (int i = 0; ...)' is no block of the
	 * source: the loop (after its declarations) stands for it.
	 */
	if (TREE_CODE(t) == BIND_EXPR && only && st->nr_kids &&
	    st->kids[st->nr_kids - 1] == only &&
	    (only->kind == TDX_STMT_FOR || only->kind == TDX_STMT_WHILE)) {
		size_t k;

		for (k = 0; k + 1 < st->nr_kids; k++) {
			size_t j;

			for (j = 0; j < st->kids[k]->nr_calls; j++)
				tdx_stmt_add_call(tu, only, st->kids[k]->calls[j]);
		}
		return only;
	}
	return st;
}

static struct tdx_stmt *translate_if(struct fn_ctx *c, tree t, struct src_end *end)
{
	location_t loc = EXPR_LOCATION(t);
	struct src_pos pos = loc_src(loc);
	struct tdx_stmt *st = stmt_at(c, TDX_STMT_IF, loc);
	struct tdx_stmt *then_st, *else_st = NULL;
	struct src_file *f = pos.file;
	struct src_end then_end, else_end;
	long body = -1, kw = -1;

	if (f && pos.off >= 0 && f->text[pos.off] == '(') {
		kw = src_word_before(f, pos.off, "if");
		body = src_next(f, src_match(f, pos.off) + 1);
	}
	if (kw >= 0)
		stmt_move(st, f, kw);
	else
		f = NULL;
	c->stmt = st;
	st->cond_call = walk_expr(c, TREE_OPERAND(t, 0), true, -1, loc);
	st->cond_var = cond_var(c, TREE_OPERAND(t, 0));
	c->stmt = NULL;
	then_st = translate_body(c, TREE_OPERAND(t, 1), f, f ? body : -1, &then_end);
	tdx_stmt_add_kid(tu, st, then_st);
	set_end(st, end, then_end.file, then_end.off);
	if (TREE_OPERAND(t, 2)) {
		long else_kw = -1, else_body = -1;

		if (f && then_end.file == f && then_end.off >= 0) {
			else_kw = src_next(f, then_end.off + 1);
			if (src_word_at(f, else_kw, "else")) {
				struct src_pos ep = { f, else_kw };

				st->else_loc = pos_model(tu, &ep);
				else_body = src_next(f, else_kw + 4);
			}
		}
		else_st = translate_body(c, TREE_OPERAND(t, 2), else_body >= 0 ? f : NULL,
					 else_body, &else_end);
		set_end(st, end, else_end.file, else_end.off);
	}
	tdx_stmt_add_kid(tu, st, else_st);
	return st;
}

/* for, while: the body after the ')' that closes the header at paren. */
static long body_after_header(struct src_file *f, long paren)
{
	if (!f || paren < 0 || f->text[paren] != '(')
		return -1;
	return src_next(f, src_match(f, paren) + 1);
}

/*
 * A loop from a macro (for_each_cpu(cpu, mask) body): the body written
 * after the invocation starts after its ')'.  The file, with *body_off set,
 * or NULL when the body is the macro's own.
 */
static struct src_file *loop_macro_body(location_t loc, tree body, long *body_off)
{
	struct src_pos xp;
	long p;

	*body_off = -1;
	if (!loc_in_macro(loc) || (has_loc(body) && loc_in_macro(EXPR_LOCATION(body))))
		return NULL;
	xp = loc_src(loc_resolve(loc));
	if (!xp.file || xp.off < 0)
		return NULL;
	for (p = xp.off; p < xp.file->len && (ISIDNUM(xp.file->text[p])); p++)
		;
	p = src_next(xp.file, p);
	if (p < 0 || xp.file->text[p] != '(')
		return NULL;
	*body_off = body_after_header(xp.file, p);
	return *body_off >= 0 ? xp.file : NULL;
}

static struct tdx_stmt *translate_loop(struct fn_ctx *c, tree t, struct src_end *end)
{
	enum tree_code code = TREE_CODE(t);
	location_t loc = EXPR_LOCATION(t);
	struct src_pos pos = loc_src(loc);
	struct src_file *f = pos.file;
	struct tdx_stmt *st, *body_st;
	struct src_end body_end;
	tree cond, body;
	long kw = -1, body_off = -1;

	if (code == FOR_STMT) {
		cond = FOR_COND(t);
		body = FOR_BODY(t);
		if (f && src_word_at(f, pos.off, "for")) {
			kw = pos.off;
			body_off = body_after_header(f, src_next(f, kw + 3));
		}
	} else if (code == WHILE_STMT) {
		cond = WHILE_COND(t);
		body = WHILE_BODY(t);
		if (f && pos.off >= 0) {
			kw = src_word_before(f, pos.off, "while");
			if (kw >= 0)
				body_off = body_after_header(f, pos.off);
		}
	} else {
		cond = DO_COND(t);
		body = DO_BODY(t);
		if (f && pos.off >= 0) {
			kw = src_word_before(f, pos.off, "do");
			if (kw >= 0)
				body_off = pos.off;
		}
		if (cond && TREE_CODE(strip_conversions(cond)) == INTEGER_CST &&
		    integer_zerop(strip_conversions(cond))) {
			/* do { } while (0) runs once: a block, not a loop */
			note_expansion(c, loc);
			if (kw < 0)
				return translate(c, body, -1, NULL, end);
			return translate_body(c, body, f, body_off, end);
		}
	}
	if (kw < 0)
		f = loop_macro_body(loc, body, &body_off);
	st = stmt_at(c, code == FOR_STMT ? TDX_STMT_FOR :
		     code == WHILE_STMT ? TDX_STMT_WHILE : TDX_STMT_DO, loc);
	stmt_move(st, f, kw);
	c->stmt = st;
	if (code == FOR_STMT) {
		walk_expr(c, FOR_INIT_STMT(t), false, -1, loc);
		walk_expr(c, FOR_EXPR(t), false, -1, loc);
	}
	walk_expr(c, cond, true, -1, loc);
	st->cond_var = cond_var(c, cond);
	c->stmt = NULL;
	st->never_exits = constant_true(cond) && !leaves(body, false);
	body_st = translate_body(c, body, f, body_off, &body_end);
	tdx_stmt_add_kid(tu, st, body_st);
	set_end(st, end, body_end.file, body_end.off);
	if (code == DO_STMT && body_end.file && body_end.off >= 0) {
		/* do body while (cond); */
		long w = src_next(body_end.file, body_end.off + 1);

		if (src_word_at(body_end.file, w, "while")) {
			long paren = src_next(body_end.file, w + 5);
			long semi = src_next(body_end.file, src_match(body_end.file, paren) + 1);

			if (semi >= 0 && body_end.file->text[semi] == ';')
				set_end(st, end, body_end.file, semi);
		}
	}
	if (st->from_macro && end->off < 0) {
		/* a loop macro without a body in the text: up to its ';' */
		struct src_pos xp = loc_src(loc_resolve(loc));

		if (xp.file)
			set_end(st, end, xp.file, src_stmt_end(xp.file, xp.off));
	}
	return st;
}

static struct tdx_stmt *translate_switch(struct fn_ctx *c, tree t, struct src_end *end)
{
	location_t loc = EXPR_LOCATION(t);
	struct src_pos pos = loc_src(loc);
	struct tdx_stmt *st = stmt_at(c, TDX_STMT_SWITCH, loc);
	struct tdx_stmt *arm = NULL;
	tree body = SWITCH_STMT_BODY(t);
	struct src_end kid_end;

	if (pos.file && src_word_at(pos.file, pos.off, "switch")) {
		long open = body_after_header(pos.file, src_next(pos.file, pos.off + 6));

		if (open >= 0 && pos.file->text[open] == '{')
			set_end(st, end, pos.file, src_match(pos.file, open));
		else
			end->file = NULL;
	} else {
		end->file = NULL;
		end->off = -1;
	}
	c->stmt = st;
	st->cond_call = walk_expr(c, SWITCH_STMT_COND(t), true, -1, loc);
	st->cond_var = cond_var(c, SWITCH_STMT_COND(t));
	c->stmt = NULL;
	if (body && TREE_CODE(body) == BIND_EXPR) {
		add_bind_vars(c, body);
		body = BIND_EXPR_BODY(body);
	}
	if (body && TREE_CODE(body) == STATEMENT_LIST) {
		tree_stmt_iterator i;

		for (i = tsi_start(body); !tsi_end_p(i); tsi_next(&i)) {
			tree s = tsi_stmt(i);
			struct tdx_stmt *kid;

			if (TREE_CODE(s) == CASE_LABEL_EXPR) {
				if (!arm || arm->nr_kids) {
					arm = stmt_at(c, TDX_STMT_CASE, EXPR_LOCATION(s));
					tdx_stmt_add_kid(tu, st, arm);
				}
				if (!CASE_LOW(s))
					arm->is_default = true;
				continue;
			}
			if (!arm) {
				walk_expr(c, s, false, -1, loc);	/* unreachable */
				continue;
			}
			kid = translate(c, s, -1, NULL, &kid_end);
			if (!kid)
				continue;
			tdx_stmt_add_kid(tu, arm, kid);
			if (kid->last_line > arm->last_line)
				arm->last_line = kid->last_line;
		}
	} else if (body) {
		walk_expr(c, body, false, -1, loc);
	}
	if (st->from_macro && end->off < 0) {
		struct src_pos xp = loc_src(loc_resolve(loc));

		if (xp.file)
			set_end(st, end, xp.file, src_stmt_end(xp.file, xp.off));
	}
	return st;
}

/*
 * A simple statement (expression, return, break, ...): its first token is
 * start when known, else found by scanning back from loc; it ends at its ';'.
 */
static struct tdx_stmt *simple_stmt(struct fn_ctx *c, enum tdx_stmt_kind kind,
				    location_t loc, long start, struct src_file *sf,
				    struct src_end *end)
{
	struct tdx_stmt *st = stmt_at(c, kind, loc);
	struct src_pos pos = loc_src(loc);

	end->file = NULL;
	end->off = -1;
	if (st->from_macro) {
		pos = loc_src(loc_resolve(loc));
		/*
		 * A macro inside an expression statement the source writes (6.12
		 * mm/init.c: "poking_addr += (...) %\n (TASK_SIZE - ...);"): GCC
		 * gave the statement the place of that expansion.  When the caller
		 * knows where the statement starts and the expansion lies after
		 * that start, within the statement, the statement is the source's,
		 * as the clang front end sees it.  Not across a preprocessor line:
		 * the text scan that found start cannot see #ifdef'd-out code
		 * (6.12 mpparse.c: an "} else if" inside #ifdef CONFIG_EISA).
		 */
		if (kind == TDX_STMT_EXPR && start >= 0 && sf && sf == pos.file &&
		    pos.off > start && pos.off <= src_stmt_end(sf, start) &&
		    !src_directive_between(sf, start, pos.off)) {
			st->from_macro = false;
			stmt_move(st, sf, start);
			set_end(st, end, sf, src_stmt_end(sf, start));
			return st;
		}
		if (pos.file && pos.off >= 0)
			set_end(st, end, pos.file, src_stmt_end(pos.file, pos.off));
		return st;
	}
	if (!pos.file || pos.off < 0)
		return st;
	if (start < 0 || sf != pos.file)
		start = src_stmt_start(pos.file, pos.off);
	stmt_move(st, pos.file, start);
	set_end(st, end, pos.file, src_stmt_end(pos.file, start));
	return st;
}

static bool empty_stmt_p(tree t)
{
	return TREE_CODE(t) == NOP_EXPR && TREE_TYPE(t) && VOID_TYPE_P(TREE_TYPE(t)) &&
	       TREE_OPERAND(t, 0) && TREE_CODE(TREE_OPERAND(t, 0)) == INTEGER_CST;
}

/*
 * One statement.  start: the text offset of its first token in sf when the
 * caller knows it (an unbraced body), else -1.  NULL for what is no
 * statement of the model (a declaration without initialiser).
 */
static struct tdx_stmt *translate(struct fn_ctx *c, tree t, long start,
				  struct src_file *sf, struct src_end *end)
{
	location_t loc;
	struct tdx_stmt *st;

	end->file = NULL;
	end->off = -1;
	if (!t || t == error_mark_node)
		return NULL;
	loc = has_loc(t) ? EXPR_LOCATION(t) : UNKNOWN_LOCATION;
	switch (TREE_CODE(t)) {
	case BIND_EXPR:
	case STATEMENT_LIST:
		return translate_block(c, t, end);
	case COND_EXPR:
		if (TREE_TYPE(t) && VOID_TYPE_P(TREE_TYPE(t)))
			return translate_if(c, t, end);
		break;
	case FOR_STMT:
	case WHILE_STMT:
	case DO_STMT:
		return translate_loop(c, t, end);
	case SWITCH_STMT:
		return translate_switch(c, t, end);
	case RETURN_EXPR:
		st = simple_stmt(c, TDX_STMT_RETURN, loc, start, sf, end);
		c->stmt = st;
		walk_expr(c, TREE_OPERAND(t, 0), true, -1, loc);
		c->stmt = NULL;
		return st;
	case BREAK_STMT:
		return simple_stmt(c, TDX_STMT_BREAK, loc, start, sf, end);
	case CONTINUE_STMT:
		return simple_stmt(c, TDX_STMT_CONTINUE, loc, start, sf, end);
	case GOTO_EXPR:
		st = simple_stmt(c, TDX_STMT_GOTO, loc, start, sf, end);
		c->stmt = st;
		walk_expr(c, t, false, -1, loc);
		c->stmt = NULL;
		return st;
	case PREDICT_EXPR:
	case DEBUG_BEGIN_STMT:
		/* branch hints and -g statement markers: no source statement */
		return NULL;
	case TRY_FINALLY_EXPR:
		/* the scope after a cleanup declaration (see add_kids) */
		return translate(c, TREE_OPERAND(t, 0), start, sf, end);
	case LABEL_EXPR:
	case CASE_LABEL_EXPR:
		if (!loc && TREE_CODE(t) == LABEL_EXPR && LABEL_EXPR_LABEL(t))
			loc = DECL_SOURCE_LOCATION(LABEL_EXPR_LABEL(t));
		return stmt_at(c, TDX_STMT_OTHER, loc);
	case ASM_EXPR:
		st = simple_stmt(c, TDX_STMT_OTHER, loc, start, sf, end);
		c->stmt = st;
		walk_expr(c, t, false, -1, loc);
		c->stmt = NULL;
		return st;
	case DECL_EXPR: {
		tree decl = DECL_EXPR_DECL(t);

		if (!decl || TREE_CODE(decl) != VAR_DECL || TREE_STATIC(decl) ||
		    DECL_EXTERNAL(decl) || !DECL_INITIAL(decl)) {
			walk_decl(c, decl, loc);
			return NULL;
		}
		st = simple_stmt(c, TDX_STMT_EXPR, DECL_SOURCE_LOCATION(decl), start, sf, end);
		c->stmt = st;
		walk_decl(c, decl, loc);
		c->stmt = NULL;
		return st;
	}
	default:
		break;
	}
	if (empty_stmt_p(t))
		return NULL;
	/* `fallthrough;` (__attribute__((fallthrough))) is a label's note, not code */
	if (TREE_CODE(t) == CALL_EXPR && !CALL_EXPR_FN(t) && CALL_EXPR_IFN(t) == IFN_FALLTHROUGH)
		return NULL;
	st = simple_stmt(c, TDX_STMT_EXPR, loc, start, sf, end);
	c->stmt = st;
	walk_expr(c, t, false, -1, loc);
	c->stmt = NULL;
	return st;
}

static void translate_function(tree fndecl)
{
	struct tdx_function *fn = fn_for_decl(fndecl);
	struct fn_ctx c;
	struct src_end end;
	tree body = DECL_SAVED_TREE(fndecl);

	if (!fn || !body || body == error_mark_node)
		return;
	memset(&c, 0, sizeof(c));
	c.fn = fn;
	c.fn_idx = tdx_function_index(tu, fn->name);
	c.decl = fndecl;
	fn->is_definition = true;
	fn->loc = loc_model(tu, DECL_SOURCE_LOCATION(fndecl));
	fn->is_static = !TREE_PUBLIC(fndecl);
	fn->returns_void = returns_void(fndecl);
	/* The definition's parameters replace those of a prototype. */
	fn->vars = NULL;
	fn->nr_vars = fn->nr_params = 0;
	fn->expansions = NULL;
	fn->nr_expansions = 0;
	add_params(fn, fndecl, &c.vars);
	note_spelled_unused(fn, fndecl);
	note_always_inline(fn, fndecl);
	fn->body = translate(&c, body, -1, NULL, &end);
	ptr_map_free(&c.vars);
	ptr_map_free(&c.seen);
	ptr_map_free(&c.expansions);
}

/* ---- entry points ---- */

struct tdx_tu *bm_start(const char *main_file)
{
	ptr_map_free(&struct_fields);
	tu = tdx_tu_new(main_file);
	return tu;
}

static tree find_fn_addr(tree *tp, int *walk_subtrees, void *data)
{
	(void)data;
	if (TYPE_P(*tp)) {
		*walk_subtrees = 0;
		return NULL_TREE;
	}
	if (TREE_CODE(*tp) == FUNCTION_DECL)
		mark_address_taken(*tp);
	return NULL_TREE;
}

void bm_declaration(tree decl)
{
	if (!tu || !decl || decl == error_mark_node)
		return;
	if (TREE_CODE(decl) == FUNCTION_DECL) {
		struct tdx_function *fn = fn_for_decl(decl);

		if (fn) {
			note_spelled_unused(fn, decl);
			note_always_inline(fn, decl);
		}
		return;
	}
	/* Functions in file-scope initialisers (ops tables) have their address taken. */
	if (TREE_CODE(decl) == VAR_DECL && DECL_FILE_SCOPE_P(decl) &&
	    DECL_INITIAL(decl) && DECL_INITIAL(decl) != error_mark_node) {
		tree init = DECL_INITIAL(decl);

		walk_tree_without_duplicates(&init, find_fn_addr, NULL);
	}
}

void bm_prototype_at(tree decl, location_t loc)
{
	struct tdx_function *fn;

	if (!tu || !decl || TREE_CODE(decl) != FUNCTION_DECL)
		return;
	fn = fn_for_decl(decl);
	if (fn)
		note_spelled_unused_at(fn, loc);
}

void bm_definition(tree fndecl)
{
	if (!tu || !fndecl || TREE_CODE(fndecl) != FUNCTION_DECL)
		return;
	translate_function(fndecl);
}

/* Source lines the preprocessor did not skip ---------------------------- */

static void (*next_line_change)(cpp_reader *, const cpp_token *, int);

/*
 * libcpp calls this with the first token of each line it lexes outside a
 * directive; a conditional group it skips never gets here.
 */
static void on_line_change(cpp_reader *pfile, const cpp_token *token, int parsing_args)
{
	if (token && token->type != CPP_EOF) {
		expanded_location x = expand_location(token->src_loc);

		src_note_live_line(x.file, (unsigned int)x.line);
	}
	if (next_line_change)
		next_line_change(pfile, token, parsing_args);
}

void bm_watch_lines(void *gcc_data, void *user_data)
{
	struct cpp_callbacks *cb = parse_in ? cpp_get_callbacks(parse_in) : NULL;

	(void)gcc_data;
	(void)user_data;
	if (!cb || cb->line_change == on_line_change)
		return;
	next_line_change = cb->line_change;
	cb->line_change = on_line_change;
}
