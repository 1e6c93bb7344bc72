// Values by date (issue 18): `parameter eigen_risico: bedrag = € 220 vanaf
// 1 januari 2012, € 350 vanaf 1 januari 2013 volgens behandeldatum`. In: the
// parameter's declaration. Out: an IR definition whose value is the choice
// between the periods (`indien behandeldatum >= 1 januari 2013 dan € 350
// anders € 220`), listed among the begrippen because it reads the case, with
// the periods kept as `dated`; and a voorwaarde that the date lies in a
// period, so a case outside every period is rejected, naming the field,
// rather than silently given a value. Reports periods that overlap (P0525),
// leave days without a value, also within the policy's `geldig` period
// (P0526), and a `volgens` that names no date (P0527).

import { formatDutchDate } from "../../runtime/calendar.js";
import type * as A from "../syntax/ast.js";
import type * as IR from "../ir/ir.js";
import { report, type CheckContext } from "./context.js";
import { checkExpr, EMPTY_SCOPE, synth } from "./expressions.js";

const DATUM: IR.Type = { k: "datum" };
const JANEE: IR.Type = { k: "janee" };

/** A `vanaf`/`van … tot en met` text for messages. */
function when(p: { from: number; through?: number }): string {
  if (p.through === undefined) return `vanaf ${formatDutchDate(p.from)}`;
  return p.through === p.from ? `op ${formatDutchDate(p.from)}` : `van ${formatDutchDate(p.from)} tot en met ${formatDutchDate(p.through)}`;
}

export function checkDated(cx: CheckContext, d: A.ParameterDecl, dated: A.DatedValues, type: IR.Type, policy: IR.Policy): IR.Definition {
  const by = synth(cx, { kind: "Name", name: dated.by.name, span: dated.by.span }, EMPTY_SCOPE);
  const sym = cx.symbols.values.get(dated.by.name);
  if (sym && (by.e !== "ref" || (by.ref !== "input" && by.ref !== "begrip") || by.type.k !== "datum")) {
    const detail = by.type.k === "fout" ? "geen datum" : by.e === "ref" && (by.ref === "input" || by.ref === "begrip") ? `van type ${by.type.k}` : `een ${sym.kind}`;
    report(cx, "P0527", dated.by.span, { name: dated.by.name, detail });
  }
  const periods = dated.periods
    .map((p) => ({ from: p.from, ...(p.through !== undefined ? { through: p.through } : {}), value: checkExpr(cx, p.value, type, EMPTY_SCOPE, d.name), text: when(p), span: p.span }))
    .sort((a, b) => a.from - b.from);
  checkPeriods(cx, d, periods, policy.metadata);
  const first = periods[0]!;
  const last = periods[periods.length - 1]!;
  // The latest period that has begun: `indien by >= from_n dan v_n anders … v_1`.
  let value = first.value;
  for (const p of periods.slice(1)) {
    value = { e: "if", cond: atLeast(by, p.from, p.span), then: p.value, else: value, type, span: d.span };
  }
  const field = dated.by.name;
  policy.conditions.push({ expr: atLeast(by, first.from, d.span), text: `${field} >= ${formatDutchDate(first.from)}`, field, span: d.span });
  if (last.through !== undefined) {
    const expr: IR.Expr = { e: "cmp", op: "<=", domain: "day", left: by, right: day(last.through, d.span), type: JANEE, span: d.span };
    policy.conditions.push({ expr, text: `${field} <= ${formatDutchDate(last.through)}`, field, span: d.span });
  }
  return {
    name: d.name,
    type,
    value,
    articles: d.articles.map((a) => a.label),
    span: d.span,
    dated: { by: dated.by.name, periods: periods.map(({ span: _span, ...p }) => p) },
  };
}

function day(n: number, span: IR.Expr["span"]): IR.Expr {
  return { e: "const", value: n, type: DATUM, span };
}

function atLeast(by: IR.Expr, from: number, span: IR.Expr["span"]): IR.Expr {
  return { e: "cmp", op: ">=", domain: "day", left: by, right: day(from, span), type: JANEE, span };
}

/** Periods in date order: each starts the day after the previous one ends, and together they cover `geldig`. */
function checkPeriods(cx: CheckContext, d: A.ParameterDecl, periods: { from: number; through?: number; text: string; span: IR.Expr["span"] }[], meta: IR.Metadata): void {
  const gap = (from: number, through: number, span: IR.Expr["span"]) =>
    report(cx, "P0526", span, { name: d.name, from: formatDutchDate(from), through: formatDutchDate(through) });
  periods.forEach((p, i) => {
    const next = periods[i + 1];
    if (!next) return;
    if (next.from === p.from || (p.through !== undefined && next.from <= p.through)) report(cx, "P0525", next.span, { name: d.name, first: p.text, second: next.text });
    else if (p.through !== undefined && next.from > p.through + 1) gap(p.through + 1, next.from - 1, next.span);
  });
  const first = periods[0]!;
  const last = periods[periods.length - 1]!;
  if (meta.validFrom !== undefined && first.from > meta.validFrom) gap(meta.validFrom, first.from - 1, first.span);
  if (meta.validThrough !== undefined && last.through !== undefined && last.through < meta.validThrough) gap(last.through + 1, meta.validThrough, last.span);
}
