// Typing operators (LANGUAGE.md §6): arithmetic (numbers by the table in
// arithmetic.ts; dates and durations as their own IR forms) and comparison.
// In: operands already typed. Out: the IR node, or an error type after a
// report (P0402, P0403, P0406, P0407, P0410).

import { isZero, type Rat } from "../../runtime/rational.js";
import type { Span } from "../../runtime/diagnostic.js";
import type * as A from "../syntax/ast.js";
import type * as IR from "../ir/ir.js";
import { report, type CheckContext } from "./context.js";
import { arithmeticResult, numOpOf } from "./arithmetic.js";
import { DATUM, DUUR_DAGEN, FOUT, JANEE, isNumeric, sameType, typeName } from "./types.js";

/** How values of a type compare, or null if they cannot. */
export function domainOf(t: IR.Type): IR.CmpDomain | null {
  switch (t.k) {
    case "bedrag": case "getal": case "aantal": case "percentage": return "num";
    case "datum": return "day";
    case "duur": return "dur";
    case "janee": return "bool";
    case "tekst": case "soort": return "text";
    case "periode": return "period";
    default: return null;
  }
}

/** Types with `<`, `tussen`, `min`, `max`. */
export function ordered(t: IR.Type): boolean {
  return isNumeric(t) || t.k === "datum" || t.k === "duur";
}

/** A duration in days and one in months do not mix (P0403). */
export function checkDurationKinds(cx: CheckContext, x: IR.Expr, y: IR.Expr, span: Span, verb: string): boolean {
  if (x.type.k === "duur" && y.type.k === "duur" && x.type.unit && y.type.unit && x.type.unit !== y.type.unit) {
    report(cx, "P0403", span, { left: x.type.unit, right: y.type.unit, verb });
    return false;
  }
  return true;
}

export function arith(cx: CheckContext, op: A.ArithOp, x: IR.Expr, y: IR.Expr, span: Span, opSpan: Span): IR.Expr {
  const a = x.type.k;
  const b = y.type.k;
  const failed = (): IR.Expr => ({ e: "num", op: "add", left: x, right: y, type: FOUT, span });
  if (a === "fout" || b === "fout") return failed();
  if (op === "+" || op === "-") {
    if (a === "datum" && b === "duur") return { e: "date_add", date: x, dur: y, sign: op === "+" ? 1 : -1, type: DATUM, span };
    if (a === "duur" && b === "datum" && op === "+") return { e: "date_add", date: y, dur: x, sign: 1, type: DATUM, span };
    if (a === "datum" && b === "datum" && op === "-") return { e: "date_diff", left: x, right: y, type: DUUR_DAGEN, span };
    if (a === "duur" && b === "duur") {
      if (!checkDurationKinds(cx, x, y, span, op === "+" ? "optellen" : "aftrekken")) return failed();
      const unit = (x.type as { unit: "dagen" | "maanden" | null }).unit ?? (y.type as { unit: "dagen" | "maanden" | null }).unit;
      return { e: "dur_add", sign: op === "+" ? 1 : -1, left: x, right: y, type: { k: "duur", unit }, span };
    }
  }
  if (op === "/" && y.e === "const" && isRat(y.value) && isZero(y.value)) report(cx, "P0406", y.span, {});
  const result = arithmeticResult(op, a, b);
  if (result) return { e: "num", op: numOpOf(op), left: x, right: y, type: result, span };
  report(cx, "P0402", opSpan, { op, left: typeName(x.type), right: typeName(y.type) });
  return failed();
}

export function compare(cx: CheckContext, op: A.CompareOp, x: IR.Expr, y: IR.Expr, span: Span, opSpan: Span): IR.Expr {
  const result = (domain: IR.CmpDomain): IR.Expr => ({ e: "cmp", op, domain, left: x, right: y, type: JANEE, span });
  if (x.type.k === "fout" || y.type.k === "fout") return result("num");
  if (!sameType(x.type, y.type)) {
    if (x.type.k === "duur" && y.type.k === "duur") checkDurationKinds(cx, x, y, span, "vergelijken");
    else report(cx, "P0402", opSpan, { op, left: typeName(x.type), right: typeName(y.type) });
    return result("num");
  }
  const domain = domainOf(x.type);
  if (!domain) {
    report(cx, "P0410", opSpan, { op, type: typeName(x.type) });
    return result("num");
  }
  if (op !== "=" && op !== "<>" && !ordered(x.type)) report(cx, "P0407", opSpan, { type: typeName(x.type) });
  return result(domain);
}

function isRat(v: unknown): v is Rat {
  return typeof v === "object" && v !== null && "d" in v;
}
