// Typing names, calls and aggregations (LANGUAGE.md §4, §6, §7). A name
// resolves to a local, an input, parameter, begrip, output or soort value; a
// read of a definition is a dependency of the definition being checked (the
// graph of resolve/dependencies.ts). A call is to a `functie` of the policy
// or to the stdlib, whose signatures are data (stdlib/index.ts).

import type { Span } from "../../runtime/diagnostic.js";
import { suggest } from "../../runtime/diagnostic.js";
import { STDLIB_BY_NAME, type PolisTypeName, type StdlibEntry } from "../../stdlib/index.js";
import type * as A from "../syntax/ast.js";
import type * as IR from "../ir/ir.js";
import { isReserved } from "../resolve/resolve.js";
import { dependOn, report, type CheckContext } from "./context.js";
import { resolveType, stdType, typeOfDecl } from "./declared-types.js";
import { checkCondition, checkExpr, mismatch, synth, synthList, unifyMany, type Scope } from "./expressions.js";
import { checkDurationKinds, ordered } from "./operators.js";
import { AANTAL, FOUT, JANEE, isNumeric, sameType, typeName } from "./types.js";

const FAILED = (span: Span): IR.Expr => ({ e: "const", value: false, type: FOUT, span });

export function lookupName(cx: CheckContext, name: string, span: Span, scope: Scope): IR.Expr {
  const local = scope.get(name);
  if (local) return { e: "ref", ref: "local", name, type: local, span };
  const sym = cx.symbols.values.get(name);
  if (!sym) {
    report(cx, "P0301", span, { name, suggestions: suggest(name, [...cx.symbols.values.keys(), ...scope.keys()]) });
    return FAILED(span);
  }
  const ref = (kind: "input" | "parameter" | "begrip" | "output", irKind: IR.RefKind = kind): IR.Expr => {
    const type = typeOfDecl(cx, kind, name);
    if (cx.reads) cx.reads.set(name, { ref: irKind, name, type });
    return { e: "ref", ref: irKind, name, type, span };
  };
  switch (sym.kind) {
    case "input":
      return ref("input");
    case "parameter":
      if (sym.decl.dated) {
        // A value by date reads the case, so the IR lists it among the begrippen (issue 18).
        if (cx.owner?.kind === "parameter") report(cx, "P0528", span, { name: cx.owner.name, dated: name });
        dependOn(cx, { kind: "parameter", name });
        return ref("parameter", "begrip");
      }
      dependOn(cx, { kind: sym.kind, name });
      return ref(sym.kind);
    case "begrip":
    case "output":
      dependOn(cx, { kind: sym.kind, name });
      return ref(sym.kind);
    case "functie":
      report(cx, "P0314", span, { name });
      return FAILED(span);
    case "soortValue": {
      const soort = cx.symbols.types.get(sym.soort);
      const values = soort && soort.kind === "soort" ? soort.decl.values.map((v) => v.name) : [];
      return { e: "const", value: name, type: { k: "soort", name: sym.soort, values }, span };
    }
  }
}

type Call = Extract<A.Expr, { kind: "Call" }>;

export function synthCall(cx: CheckContext, e: Call, scope: Scope): IR.Expr {
  const user = cx.symbols.values.get(e.callee);
  if (user && user.kind === "functie") {
    dependOn(cx, { kind: "function", name: e.callee });
    const decl = user.decl;
    if (decl.params.length !== e.args.length) {
      report(cx, "P0404", e.span, { name: e.callee, expected: String(decl.params.length), actual: String(e.args.length) });
    }
    const args = e.args.map((a, i) => {
      const p = decl.params[i];
      return p ? checkExpr(cx, a, resolveType(cx, p.type), scope, `${e.callee}(${p.name})`) : synth(cx, a, scope);
    });
    return { e: "call", fn: e.callee, args, type: resolveType(cx, decl.result), span: e.span };
  }
  if (user) {
    report(cx, "P0313", e.calleeSpan, { name: e.callee });
    return FAILED(e.span);
  }
  const std = STDLIB_BY_NAME.get(e.callee);
  if (!std) {
    const functions = [...cx.symbols.values.entries()].filter(([, s]) => s.kind === "functie").map(([n]) => n);
    report(cx, "P0305", e.calleeSpan, { name: e.callee, suggestions: suggest(e.callee, [...STDLIB_BY_NAME.keys(), ...functions]) });
    e.args.forEach((a) => synth(cx, a, scope));
    return FAILED(e.span);
  }
  if (std.params === "variadic") return synthVariadic(cx, e, std, scope);
  if (std.params.length !== e.args.length) {
    report(cx, "P0404", e.span, { name: e.callee, expected: String(std.params.length), actual: String(e.args.length) });
  }
  const params = std.params;
  const args = e.args.map((a, i) => {
    const p = params[i];
    return p ? checkExpr(cx, a, stdType(p), scope, `${e.callee}`) : synth(cx, a, scope);
  });
  return { e: "std", fn: e.callee, args, type: stdType(std.result as PolisTypeName), span: e.span };
}

/** `min`, `max`, `abs`: any number of arguments of one ordered type (LANGUAGE.md §7). */
function synthVariadic(cx: CheckContext, e: Call, std: StdlibEntry, scope: Scope): IR.Expr {
  const min = std.minArgs ?? 1;
  const max = std.maxArgs ?? Infinity;
  if (e.args.length < min || e.args.length > max) {
    report(cx, "P0404", e.span, { name: e.callee, expected: max === Infinity ? `${min} of meer` : String(min), actual: String(e.args.length) });
  }
  const args = unifyMany(cx, e.args, scope);
  let t: IR.Type = args[0]?.type ?? FOUT;
  for (const a of args) {
    if (!sameType(a.type, t)) {
      mismatch(cx, a.span, t, a.type);
      t = FOUT;
    }
  }
  const allowed = e.callee === "abs" ? (isNumeric(t) && t.k !== "aantal" ? true : t.k === "aantal") : ordered(t);
  if (!allowed && t.k !== "fout") {
    report(cx, "P0410", e.span, { op: e.callee, type: typeName(t) });
    t = FOUT;
  }
  if (t.k === "duur" && args.length > 1) {
    for (let i = 1; i < args.length; i++) checkDurationKinds(cx, args[0]!, args[i]!, e.span, "vergelijken");
  }
  return { e: "std", fn: e.callee, args, type: t, span: e.span };
}

/** `aantal`, `som`, `er is een`, `elke` over a list, with a variable in scope (LANGUAGE.md §6). */
export function aggregate(cx: CheckContext, e: Extract<A.Expr, { kind: "Aggregate" }>, scope: Scope): IR.Expr {
  const list = synthList(cx, e.list, scope);
  let elem: IR.Type = FOUT;
  if (list.type.k === "lijst") elem = list.type.elem;
  else if (list.type.k !== "fout") report(cx, "P0412", e.list.span, { name: e.op, actual: typeName(list.type) });
  if (isReserved(e.variable)) report(cx, "P0304", e.variableSpan, { name: e.variable, what: "variabele" });
  else if (cx.symbols.values.has(e.variable)) report(cx, "P0309", e.variableSpan, { name: e.variable });
  const inner = new Map(scope);
  inner.set(e.variable, elem);
  const filter = e.filter ? checkCondition(cx, e.filter, inner) : undefined;
  const base = { variable: e.variable, list, span: e.span };
  switch (e.op) {
    case "aantal":
      return { e: "agg", op: "aantal", ...base, ...(filter ? { filter } : {}), type: AANTAL };
    case "som": {
      const body = synth(cx, e.body!, inner);
      if (!isNumeric(body.type) && body.type.k !== "fout") report(cx, "P0410", e.body!.span, { op: "som", type: typeName(body.type) });
      return { e: "agg", op: "som", ...base, body, ...(filter ? { filter } : {}), type: body.type };
    }
    // Issue 19: lists as values.
    case "grootste":
    case "kleinste": {
      const body = synth(cx, e.body!, inner);
      if (!ordered(body.type) && body.type.k !== "fout") report(cx, "P0407", e.body!.span, { type: typeName(body.type) });
      return { e: "agg", op: e.op, ...base, body, ...(filter ? { filter } : {}), type: body.type };
    }
    case "eerste":
    case "laatste": {
      const body = synth(cx, e.body!, inner);
      return { e: "agg", op: e.op, ...base, body, ...(filter ? { filter } : {}), type: body.type };
    }
    case "lopende som": {
      const body = synth(cx, e.body!, inner);
      if (!isNumeric(body.type) && body.type.k !== "fout") report(cx, "P0410", e.body!.span, { op: "lopende som", type: typeName(body.type) });
      return { e: "agg", op: e.op, ...base, body, ...(filter ? { filter } : {}), type: { k: "lijst", elem: body.type } };
    }
    case "elke": {
      const body = synth(cx, e.body!, inner);
      return { e: "agg", op: e.op, ...base, body, ...(filter ? { filter } : {}), type: { k: "lijst", elem: body.type } };
    }
    default:
      return { e: "agg", op: e.op, ...base, ...(filter ? { filter } : {}), type: JANEE };
  }
}
