// `polis diff` for values by date (issue 18): a parameter whose value
// depends on a date is compared period by period, so a new value from a date
// reads as such: `vanaf 1 januari 2013: € 220 → € 350`. An ordinary
// parameter counts as one value on every date, so turning `€ 220` into
// `€ 220 vanaf 1 januari 2012, € 350 vanaf 1 januari 2013` reports exactly
// the change from 2013. In: two parameter declarations, at least one dated.
// Out: the details of the change, in date order.

import type * as A from "../syntax/ast.js";
import { formatDutchDate } from "../../runtime/calendar.js";

type PrintExpr = (e: A.Expr) => string;

interface Piece {
  from: number;
  /** Last day, inclusive. */
  through: number;
  value: string;
}

const NONE = "(geen waarde)";

function pieces(p: A.ParameterDecl, printExpr: PrintExpr): Piece[] {
  if (!p.dated) return [{ from: -Infinity, through: Infinity, value: printExpr(p.value) }];
  const sorted = [...p.dated.periods].sort((a, b) => a.from - b.from);
  return sorted.map((q, i) => ({
    from: q.from,
    through: q.through ?? (sorted[i + 1] ? sorted[i + 1]!.from - 1 : Infinity),
    value: printExpr(q.value),
  }));
}

function valueOn(ps: readonly Piece[], day: number): string {
  return ps.find((p) => p.from <= day && day <= p.through)?.value ?? NONE;
}

export function datedDetails(a: A.ParameterDecl, b: A.ParameterDecl, printExpr: PrintExpr): string[] {
  const pa = pieces(a, printExpr);
  const pb = pieces(b, printExpr);
  // Every day on which either version may change value starts a stretch.
  const starts = new Set<number>();
  for (const p of [...pa, ...pb]) {
    starts.add(p.from);
    if (Number.isFinite(p.through)) starts.add(p.through + 1);
  }
  const sorted = [...starts].filter(Number.isFinite).sort((x, y) => x - y);
  const details: string[] = [];
  const first = sorted[0];
  if (first !== undefined) {
    const before = first - 1;
    const x = valueOn(pa, before);
    const y = valueOn(pb, before);
    if (x !== y) details.push(`vóór ${formatDutchDate(first)}: ${x} → ${y}`);
  }
  let last: [string, string] | undefined;
  for (const day of sorted) {
    const x = valueOn(pa, day);
    const y = valueOn(pb, day);
    if (x !== y && (last === undefined || last[0] !== x || last[1] !== y)) details.push(`vanaf ${formatDutchDate(day)}: ${x} → ${y}`);
    last = [x, y];
  }
  const byA = a.dated?.by.name;
  const byB = b.dated?.by.name;
  if (byA !== byB) details.push(`volgens ${byA ?? "(geen datum)"} → ${byB ?? "(geen datum)"}`);
  return details;
}
