// Typing expressions (LANGUAGE.md §3, §6), bidirectionally: checkExpr fits
// an expression into the type its context demands, synth finds its type. A
// bare number literal takes the type its context demands (§6 "Literals"),
// `aantal` widens to `getal`, and a `getal` stored where an `aantal` is
// declared is checked at run time. In: an AST expression and a scope. Out:
// a typed IR expression; after an error its type is `fout`, which silences
// follow-up errors.

import type { Span } from "../../runtime/diagnostic.js";
import { suggest } from "../../runtime/diagnostic.js";
import { div as ratDiv, isInteger, neg as ratNeg, ratInt, sign as ratSign, type Rat } from "../../runtime/rational.js";
import type * as A from "../syntax/ast.js";
import type * as IR from "../ir/ir.js";
import { report, type CheckContext } from "./context.js";
import { aggregate, lookupName, synthCall } from "./calls.js";
import { arith, checkDurationKinds, compare, domainOf, ordered } from "./operators.js";
import { AANTAL, BEDRAG, DATUM, DUUR_DAGEN, DUUR_MAANDEN, FOUT, GETAL, JANEE, PERCENTAGE, PERIODE, TEKST, isNumeric, sameType, typeName } from "./types.js";
import { typeOfDecl } from "./declared-types.js";

/** Local names (function parameters, aggregation variables) and their types. */
export type Scope = ReadonlyMap<string, IR.Type>;
export const EMPTY_SCOPE: Scope = new Map();
const HUNDRED = ratInt(100);

export function isBareLiteral(e: A.Expr): boolean {
  return e.kind === "Number" || (e.kind === "Neg" && isBareLiteral(e.operand));
}

function plainNumberType(v: Rat): IR.Type {
  return isInteger(v) && ratSign(v) >= 0 ? AANTAL : GETAL;
}

/** A bare number literal typed by its context. */
function literalAs(cx: CheckContext, e: A.Expr, t: IR.Type): IR.Expr {
  if (e.kind === "Neg") {
    const inner = literalAs(cx, e.operand, t.k === "aantal" ? GETAL : t);
    return { ...inner, value: ratNeg((inner as { value: Rat }).value), span: e.span } as IR.Expr;
  }
  const n = e as Extract<A.Expr, { kind: "Number" }>;
  switch (t.k) {
    case "bedrag":
    case "getal":
      return { e: "const", value: n.value, type: t, span: e.span };
    case "aantal":
      if (!isInteger(n.value)) {
        report(cx, "P0401", e.span, { expected: "`aantal` (een geheel getal)", actual: `het getal \`${n.text}\`` });
        return { e: "const", value: n.value, type: FOUT, span: e.span };
      }
      return { e: "const", value: n.value, type: AANTAL, span: e.span };
    case "percentage":
      return { e: "const", value: ratDiv(n.value, HUNDRED), type: PERCENTAGE, span: e.span };
    default:
      return { e: "const", value: n.value, type: plainNumberType(n.value), span: e.span };
  }
}

export function mismatch(cx: CheckContext, span: Span, expected: IR.Type, actual: IR.Type, advice?: "money"): void {
  if (expected.k === "fout" || actual.k === "fout") return;
  if (expected.k === "duur" && actual.k === "duur") {
    report(cx, "P0403", span, { left: String(expected.unit), right: String(actual.unit), verb: "combineren" });
    return;
  }
  const params = { expected: typeName(expected), actual: typeName(actual) };
  report(cx, "P0401", span, advice ? { ...params, advice } : params);
}

/** Fit a typed expression into a declared type: widen, check at run time, or report. */
function coerce(cx: CheckContext, x: IR.Expr, expected: IR.Type, what: string): IR.Expr {
  if (expected.k === "fout" || x.type.k === "fout") return x;
  if (x.type.k === "aantal" && expected.k === "getal") return { ...x, type: GETAL };
  if (x.type.k === "getal" && expected.k === "aantal") return { e: "to_aantal", arg: x, what, type: AANTAL, span: x.span };
  if (x.type.k === "duur" && expected.k === "duur") {
    if (expected.unit === null || x.type.unit === null || expected.unit === x.type.unit) return { ...x, type: x.type.unit === null ? expected : x.type };
  }
  if (!sameType(x.type, expected)) {
    const money = expected.k === "bedrag" && (x.type.k === "aantal" || x.type.k === "getal");
    mismatch(cx, x.span, expected, x.type, money ? "money" : undefined);
    return { ...x, type: FOUT };
  }
  return x;
}

/**
 * Check `e` against the type its context demands. `valueContext`: a
 * voorbeeld's value, where lists and gegevens may be written out.
 */
export function checkExpr(cx: CheckContext, e: A.Expr, expected: IR.Type, scope: Scope, what: string, valueContext = false): IR.Expr {
  if (expected.k !== "fout" && isBareLiteral(e) && isNumeric(expected)) return literalAs(cx, e, expected);
  if (e.kind === "If") {
    const cond = checkCondition(cx, e.condition, scope);
    const then = checkExpr(cx, e.then, expected, scope, what, valueContext);
    const els = checkExpr(cx, e.else, expected, scope, what, valueContext);
    return { e: "if", cond, then, else: els, type: expected.k === "fout" ? then.type : expected, span: e.span };
  }
  if (valueContext && e.kind === "ListLiteral") {
    if (expected.k !== "lijst") {
      mismatch(cx, e.span, expected, { k: "lijst", elem: FOUT });
      return { e: "list", items: [], type: FOUT, span: e.span };
    }
    return { e: "list", items: e.items.map((i) => checkExpr(cx, i, expected.elem, scope, what, true)), type: expected, span: e.span };
  }
  if (valueContext && e.kind === "RecordLiteral") return checkRecordLiteral(cx, e, expected, scope, what);
  return coerce(cx, synth(cx, e, scope), expected, what);
}

function checkRecordLiteral(cx: CheckContext, e: Extract<A.Expr, { kind: "RecordLiteral" }>, expected: IR.Type, scope: Scope, what: string): IR.Expr {
  if (expected.k !== "record") {
    report(cx, "P0401", e.span, { expected: typeName(expected), actual: "gegevens" });
    return { e: "record", fields: [], type: FOUT, span: e.span };
  }
  const fields: { name: string; value: IR.Expr }[] = [];
  const given = new Set<string>();
  for (const f of e.fields) {
    const decl = expected.fields.find((d) => d.name === f.name);
    if (!decl) {
      report(cx, "P0306", f.span, { type: expected.name, name: f.name, suggestions: suggest(f.name, expected.fields.map((d) => d.name)) });
      continue;
    }
    given.add(f.name);
    fields.push({ name: f.name, value: checkExpr(cx, f.value, decl.type, scope, f.name, true) });
  }
  for (const d of expected.fields) {
    if (!given.has(d.name) && !d.optional) report(cx, "P0601", e.span, { name: what, detail: `het veld \`${d.name}\` ontbreekt` });
  }
  return { e: "record", fields, type: expected, span: e.span };
}

export function checkCondition(cx: CheckContext, e: A.Expr, scope: Scope): IR.Expr {
  const x = synth(cx, e, scope);
  if (x.type.k !== "janee" && x.type.k !== "fout") {
    report(cx, "P0405", e.span, { actual: typeName(x.type) });
    return { ...x, type: FOUT };
  }
  return x;
}

/**
 * The type a bare literal takes next to an operand of type `t`. Next to an
 * `aantal`, a literal that is not whole is a `getal` and the `aantal`
 * widens (§3), so `leeftijd < 17,5` and `zittingen - 0,5` type-check.
 */
function operandType(lit: A.Expr, t: IR.Type): IR.Type {
  return t.k === "aantal" && lit.kind === "Number" && !isInteger(lit.value) ? GETAL : t;
}

/** Type two operands that must agree; a bare literal takes the other's type. */
export function unifyPair(cx: CheckContext, a: A.Expr, b: A.Expr, scope: Scope): [IR.Expr, IR.Expr] {
  let x: IR.Expr;
  let y: IR.Expr;
  if (isBareLiteral(a) && !isBareLiteral(b)) {
    y = synth(cx, b, scope);
    x = isNumeric(y.type) ? literalAs(cx, a, operandType(a, y.type)) : synth(cx, a, scope);
  } else if (isBareLiteral(b) && !isBareLiteral(a)) {
    x = synth(cx, a, scope);
    y = isNumeric(x.type) ? literalAs(cx, b, operandType(b, x.type)) : synth(cx, b, scope);
  } else {
    x = synth(cx, a, scope);
    y = synth(cx, b, scope);
  }
  // aantal widens to getal
  if (x.type.k === "aantal" && y.type.k === "getal") x = { ...x, type: GETAL };
  if (y.type.k === "aantal" && x.type.k === "getal") y = { ...y, type: GETAL };
  return [x, y];
}

/** Type a list of values that must agree (min, max, `in`): literals take the type of the first non-literal. */
export function unifyMany(cx: CheckContext, es: A.Expr[], scope: Scope): IR.Expr[] {
  const anchor = es.find((e) => !isBareLiteral(e));
  if (!anchor) {
    const xs = es.map((e) => synth(cx, e, scope));
    const t = xs.some((x) => x.type.k === "getal") ? GETAL : AANTAL;
    return xs.map((x) => ({ ...x, type: t }));
  }
  const first = synth(cx, anchor, scope);
  let xs = es.map((e) =>
    e === anchor ? first : isBareLiteral(e) && isNumeric(first.type) ? literalAs(cx, e, operandType(e, first.type)) : synth(cx, e, scope),
  );
  if (xs.some((x) => x.type.k === "getal") && xs.every((x) => x.type.k === "getal" || x.type.k === "aantal")) {
    xs = xs.map((x) => ({ ...x, type: GETAL }));
  }
  return xs;
}

/** The type of an expression from its parts. */
export function synth(cx: CheckContext, e: A.Expr, scope: Scope): IR.Expr {
  switch (e.kind) {
    case "Number":
      return { e: "const", value: e.value, type: plainNumberType(e.value), span: e.span };
    case "Money":
      return { e: "const", value: e.value, type: BEDRAG, span: e.span };
    case "Text":
      return { e: "const", value: e.value, type: TEKST, span: e.span };
    case "Bool":
      return { e: "const", value: e.value, type: JANEE, span: e.span };
    case "Date":
      return { e: "const", value: e.day, type: DATUM, span: e.span };
    case "Name":
      return lookupName(cx, e.name, e.span, scope);
    case "Call":
      return synthCall(cx, e, scope);
    case "Field":
      return synthField(cx, e, scope);
    case "Unit":
    case "Percent":
    case "Neg":
    case "Round":
      return synthUnary(cx, e, scope);
    case "Arith":
      if (e.op === "*" || e.op === "/") {
        // LANGUAGE.md §6: next to * or /, a number literal is a plain number.
        return arith(cx, e.op, synth(cx, e.left, scope), synth(cx, e.right, scope), e.span, e.opSpan);
      }
      return arith(cx, e.op, ...unifyPair(cx, e.left, e.right, scope), e.span, e.opSpan);
    case "Compare":
      return compare(cx, e.op, ...unifyPair(cx, e.left, e.right, scope), e.span, e.opSpan);
    case "In":
    case "Between":
      return synthMembership(cx, e, scope);
    case "Known":
      return synthKnown(cx, e, scope);
    case "Not":
      return { e: "not", arg: checkCondition(cx, e.operand, scope), type: JANEE, span: e.span };
    case "Logic":
      return { e: e.op === "en" ? "and" : "or", left: checkCondition(cx, e.left, scope), right: checkCondition(cx, e.right, scope), type: JANEE, span: e.span };
    case "If": {
      const cond = checkCondition(cx, e.condition, scope);
      const [then, els] = unifyPair(cx, e.then, e.else, scope);
      if (!sameType(then.type, els.type)) mismatch(cx, els.span, then.type, els.type);
      return { e: "if", cond, then, else: els, type: then.type, span: e.span };
    }
    case "Aggregate":
      return aggregate(cx, e, scope);
    case "Period": {
      const from = checkExpr(cx, e.from, DATUM, scope, "periode");
      const to = checkExpr(cx, e.to, DATUM, scope, "periode");
      return { e: "period", from, to, inclusive: e.inclusive, type: PERIODE, span: e.span };
    }
    case "ListLiteral":
    case "RecordLiteral":
      report(cx, "P0409", e.span, {});
      return { e: "const", value: false, type: FOUT, span: e.span };
  }
}

function synthField(cx: CheckContext, e: Extract<A.Expr, { kind: "Field" }>, scope: Scope): IR.Expr {
  const obj = synth(cx, e.object, scope);
  if (obj.type.k === "fout") return { ...obj, span: e.span };
  if (obj.type.k !== "record") {
    report(cx, "P0306", e.fieldSpan, { type: typeName(obj.type).replace(/`/g, ""), name: e.field });
    return { e: "const", value: false, type: FOUT, span: e.span };
  }
  const f = obj.type.fields.find((x) => x.name === e.field);
  if (!f) {
    report(cx, "P0306", e.fieldSpan, { type: obj.type.name, name: e.field, suggestions: suggest(e.field, obj.type.fields.map((x) => x.name)) });
    return { e: "const", value: false, type: FOUT, span: e.span };
  }
  return { e: "field", object: obj, field: e.field, ...(f.optional ? { optional: true } : {}), type: f.type, span: e.span };
}

type UnaryExpr = Extract<A.Expr, { kind: "Unit" | "Percent" | "Neg" | "Round" }>;

function synthUnary(cx: CheckContext, e: UnaryExpr, scope: Scope): IR.Expr {
  if (e.kind === "Percent" && e.operand.kind === "Number") {
    return { e: "const", value: ratDiv(e.operand.value, HUNDRED), type: PERCENTAGE, span: e.span };
  }
  const arg = synth(cx, e.operand, scope);
  switch (e.kind) {
    case "Unit":
    case "Percent": {
      if (arg.type.k !== "aantal" && arg.type.k !== "getal" && arg.type.k !== "fout") {
        report(cx, "P0401", e.operand.span, { expected: "`aantal` of `getal`", actual: typeName(arg.type) });
      }
      if (e.kind === "Percent") return { e: "percent", arg, type: PERCENTAGE, span: e.span };
      const days = e.unit.startsWith("d") || e.unit.startsWith("w");
      return { e: "dur", unit: e.unit, arg, type: days ? DUUR_DAGEN : DUUR_MAANDEN, span: e.span };
    }
    case "Neg":
      if (arg.type.k === "duur") return { e: "dur_neg", arg, type: arg.type, span: e.span };
      if (arg.e === "const" && isNumeric(arg.type)) {
        return { e: "const", value: ratNeg(arg.value as Rat), type: arg.type.k === "aantal" ? GETAL : arg.type, span: e.span };
      }
      if (!isNumeric(arg.type) && arg.type.k !== "fout") {
        report(cx, "P0410", e.span, { op: "-", type: typeName(arg.type) });
        return { ...arg, type: FOUT };
      }
      return { e: "neg", arg, type: arg.type.k === "aantal" ? GETAL : arg.type, span: e.span };
    case "Round": {
      if (!isNumeric(arg.type) && arg.type.k !== "fout") {
        report(cx, "P0410", e.span, { op: "afgerond", type: typeName(arg.type) });
        return { ...arg, type: FOUT };
      }
      const decimals = e.decimals + (arg.type.k === "percentage" ? 2 : 0);
      return { e: "round", arg, decimals, mode: e.mode, type: arg.type, span: e.span };
    }
  }
}

function synthMembership(cx: CheckContext, e: Extract<A.Expr, { kind: "In" | "Between" }>, scope: Scope): IR.Expr {
  if (e.kind === "In") {
    const xs = unifyMany(cx, [e.operand, ...e.values], scope);
    const arg = xs[0]!;
    const domain = domainOf(arg.type);
    for (const v of xs.slice(1)) if (!sameType(arg.type, v.type)) mismatch(cx, v.span, arg.type, v.type);
    if (!domain && arg.type.k !== "fout") report(cx, "P0410", e.span, { op: "in", type: typeName(arg.type) });
    return { e: "in", negated: e.negated, domain: domain ?? "num", arg, values: xs.slice(1), type: JANEE, span: e.span };
  }
  const [arg, low, high] = unifyMany(cx, [e.operand, e.low, e.high], scope) as [IR.Expr, IR.Expr, IR.Expr];
  // Two durations of different kinds are reported once, by checkDurationKinds below.
  for (const v of [low, high]) if (!sameType(arg.type, v.type) && !(arg.type.k === "duur" && v.type.k === "duur")) mismatch(cx, v.span, arg.type, v.type);
  if (!ordered(arg.type) && arg.type.k !== "fout") report(cx, "P0407", e.span, { type: typeName(arg.type) });
  checkDurationKinds(cx, arg, low, e.span, "vergelijken");
  checkDurationKinds(cx, arg, high, e.span, "vergelijken");
  return { e: "between", domain: domainOf(arg.type) ?? "num", arg, low, high, type: JANEE, span: e.span };
}

function synthKnown(cx: CheckContext, e: Extract<A.Expr, { kind: "Known" }>, scope: Scope): IR.Expr {
  if (e.operand.kind === "Field") {
    // `r.veld is bekend` on an optional record field (issue 19).
    const field = synth(cx, e.operand, scope);
    if (field.e === "field" && field.optional === true) {
      return { e: "fieldKnown", object: field.object, field: field.field, type: JANEE, span: e.span };
    }
    if (field.type.k !== "fout") report(cx, "P0414", e.operand.span, {});
    return { e: "const", value: false, type: FOUT, span: e.span };
  }
  const input = e.operand.kind === "Name" && !scope.has(e.operand.name) ? cx.symbols.values.get(e.operand.name) : undefined;
  if (!input || input.kind !== "input" || !input.decl.optional) {
    report(cx, "P0414", e.operand.span, {});
    return { e: "const", value: false, type: FOUT, span: e.span };
  }
  const name = (e.operand as Extract<A.Expr, { kind: "Name" }>).name;
  if (cx.reads) cx.reads.set(name, { ref: "input", name, type: typeOfDecl(cx, "input", name) });
  return { e: "known", name, type: JANEE, span: e.span };
}
