// Checking a policy's own tests (LANGUAGE.md §8): each `voorbeeld` gives
// every (non-optional) input and expects outputs or an error, all as
// constants; each `eigenschap` is a condition over inputs and outputs. In:
// the declarations and the checked inputs and outputs. Out: IR examples and
// properties, which compiler/cases/ runs.

import { suggest } from "../../runtime/diagnostic.js";
import type * as A from "../syntax/ast.js";
import type * as IR from "../ir/ir.js";
import { evalConstant } from "../ir/constant.js";
import { report, type CheckContext } from "./context.js";
import { checkCondition, checkExpr, EMPTY_SCOPE } from "./expressions.js";
import { JANEE } from "./types.js";

export function checkTests(cx: CheckContext, policy: IR.Policy, outputs: ReadonlyMap<string, IR.Output>): void {
  for (const d of cx.program.declarations) {
    if (d.kind === "Voorbeeld") policy.examples.push(checkExample(cx, d, policy, outputs));
    if (d.kind === "Eigenschap") {
      cx.reads = null;
      const conclusion = checkCondition(cx, d.condition, EMPTY_SCOPE);
      // `altijd als A dan B` (issue 19) holds when A does not hold or B holds.
      const expr: IR.Expr = d.premise
        ? { e: "or", left: { e: "not", arg: checkCondition(cx, d.premise, EMPTY_SCOPE), type: JANEE, span: d.premise.span }, right: conclusion, type: JANEE, span: d.span }
        : conclusion;
      policy.properties.push({ name: d.name, expr, text: d.text, span: d.span });
    }
  }
}

function checkExample(cx: CheckContext, d: Extract<A.Decl, { kind: "Voorbeeld" }>, policy: IR.Policy, outputs: ReadonlyMap<string, IR.Output>): IR.Example {
  const given: IR.Example["given"] = [];
  const seen = new Set<string>();
  for (const g of d.given) {
    const input = policy.inputs.find((i) => i.name === g.name);
    if (!input) {
      report(cx, "P0311", g.nameSpan, { name: g.name, what: "invoer", suggestions: suggest(g.name, policy.inputs.map((i) => i.name)) });
      continue;
    }
    if (seen.has(g.name)) report(cx, "P0302", g.nameSpan, { name: g.name });
    seen.add(g.name);
    given.push({ name: g.name, value: checkExpr(cx, g.value, input.type, EMPTY_SCOPE, g.name, true) });
  }
  // An optional input may be left out of a voorbeeld: the case then does not give it.
  const missing = policy.inputs.filter((i) => !seen.has(i.name) && !i.optional).map((i) => i.name);
  if (missing.length > 0) report(cx, "P0601", d.span, { name: d.name, missing });
  const expected: IR.Example["expected"] = [];
  for (const x of d.expected) {
    const out = outputs.get(x.name);
    if (!out) {
      report(cx, "P0311", x.nameSpan, { name: x.name, what: "uitvoer", suggestions: suggest(x.name, outputs.keys()) });
      continue;
    }
    expected.push({ name: x.name, value: checkExpr(cx, x.value, out.type, EMPTY_SCOPE, x.name, true), span: x.span });
  }
  for (const v of [...given.map((g) => g.value), ...expected.map((x) => x.value)]) {
    if (v.type.k !== "fout" && evalConstant(v) === undefined) report(cx, "P0601", v.span, { name: d.name, detail: "een waarde in een voorbeeld moet vast staan" });
  }
  return { name: d.name, given, expected, ...(d.expectedError !== undefined ? { expectedError: d.expectedError } : {}), span: d.span };
}
