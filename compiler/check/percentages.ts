// A likely slip (issue 13): a `percentage` written as a fraction, `0,2`,
// where 20 % was meant — in Polis a bare number is the number of percents, so
// `0,2` is 0,2 %. Warns (P0417) with the fix `20 %` wherever a bare number
// between 0 and 1 is given for something declared `percentage`: a parameter or
// begrip, an input's standaard, a rule's assignment, a comparison with a
// percentage, a voorbeeld's value. Reads the AST only; a lint, not a type rule.

import type * as A from "../syntax/ast.js";
import { report, type CheckContext } from "./context.js";

export function checkPercentageSlips(cx: CheckContext): void {
  const percentage = new Set<string>();
  const isPercentage = (t: A.TypeRef) => t.kind === "BuiltinType" && t.name === "percentage";
  for (const d of cx.program.declarations) {
    if ((d.kind === "Invoer" || d.kind === "Uitvoer") && d.fields) for (const f of d.fields) if (isPercentage(f.type)) percentage.add(f.name);
    if ((d.kind === "Parameter" || d.kind === "Begrip") && isPercentage(d.type)) percentage.add(d.name);
  }
  const slip = (e: A.Expr | undefined) => {
    if (e?.kind !== "Number" || !/^0,[0-9]*[1-9][0-9]*$/.test(e.text)) return;
    report(cx, "P0417", e.span, { text: e.text, suggestions: [`${timesHundred(e.text)} %`] });
  };
  const visit = (e: A.Expr): void => {
    if (e.kind === "Compare") {
      if (e.left.kind === "Name" && percentage.has(e.left.name)) slip(e.right);
      if (e.right.kind === "Name" && percentage.has(e.right.name)) slip(e.left);
    }
    for (const child of Object.values(e)) {
      if (Array.isArray(child)) for (const c of child) if (c && typeof c === "object" && "kind" in c) visit(c as A.Expr);
      if (child && typeof child === "object" && "kind" in child && "span" in child) visit(child as A.Expr);
    }
  };
  for (const d of cx.program.declarations) {
    switch (d.kind) {
      case "Parameter":
      case "Begrip":
        if (isPercentage(d.type)) slip(d.value);
        visit(d.value);
        break;
      case "Invoer":
      case "Uitvoer":
        for (const f of d.fields) if (isPercentage(f.type)) slip(f.default);
        break;
      case "Regel":
        for (const c of d.clauses) {
          if (c.condition) visit(c.condition);
          for (const a of c.assignments) {
            if (percentage.has(a.target)) slip(a.value);
            visit(a.value);
          }
        }
        break;
      case "Voorbeeld":
        for (const g of [...d.given, ...d.expected]) if (percentage.has(g.name)) slip(g.value);
        break;
      case "Voorwaarde":
      case "Eigenschap":
        visit(d.condition);
        break;
      case "Functie":
        visit(d.body);
        break;
      default:
        break;
    }
  }
}

/** `0,2` → `20`, `0,125` → `12,5`, `0,05` → `5`: the same number in percents, exactly. */
export function timesHundred(text: string): string {
  const [whole = "0", fraction = ""] = text.split(",");
  const digits = whole + fraction.padEnd(2, "0");
  const point = whole.length + 2;
  const int = digits.slice(0, point).replace(/^0+(?=[0-9])/, "");
  const frac = digits.slice(point).replace(/0+$/, "");
  return frac === "" ? int : `${int},${frac}`;
}
