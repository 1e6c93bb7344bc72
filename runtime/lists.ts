// Lists as values (issue 19): the aggregations `grootste van`, `kleinste van`,
// `eerste van`, `laatste van`, `lopende som van` and `de … van elke`.
// In: a list, the body and the optional `waarvoor` filter as functions of an
// element. Out: one value, or a new list (never the input list itself).
// Guarantees: list order is kept; an empty selection for grootste, kleinste,
// eerste or laatste is an evaluation error (P0813), never undefined.

import { durationCompare, type Duration } from "./calendar.js";
import { StdlibError } from "./messages.js";
import { add, cmp, ratInt, type Rat } from "./rational.js";

type Ordered = "num" | "day" | "dur";

function compare(a: unknown, b: unknown, domain: Ordered): number {
  if (domain === "num") return cmp(a as Rat, b as Rat);
  if (domain === "day") return (a as number) - (b as number);
  return durationCompare(a as Duration, b as Duration);
}

function pick<T, V>(op: string, list: readonly T[], body: (x: T) => V, pred: ((x: T) => boolean) | undefined, better: (v: V, best: V) => boolean): V {
  let found = false;
  let best: V | undefined;
  for (const x of list) {
    if (pred && !pred(x)) continue;
    const v = body(x);
    if (!found || better(v, best as V)) best = v;
    found = true;
  }
  if (!found) throw new StdlibError("P0813", { op });
  return best as V;
}

/** `grootste van E voor x in L [waarvoor C]`: the largest E; the first of equal ones. */
export function largest<T, V>(list: readonly T[], body: (x: T) => V, pred: ((x: T) => boolean) | undefined, domain: Ordered): V {
  return pick("grootste", list, body, pred, (v, best) => compare(v, best, domain) > 0);
}

/** `kleinste van E voor x in L [waarvoor C]`. */
export function smallest<T, V>(list: readonly T[], body: (x: T) => V, pred: ((x: T) => boolean) | undefined, domain: Ordered): V {
  return pick("kleinste", list, body, pred, (v, best) => compare(v, best, domain) < 0);
}

/** `eerste van E voor x in L [waarvoor C]`: E of the first element (in list order) that passes. */
export function firstOf<T, V>(list: readonly T[], body: (x: T) => V, pred?: (x: T) => boolean): V {
  for (const x of list) if (!pred || pred(x)) return body(x);
  throw new StdlibError("P0813", { op: "eerste" });
}

/** `laatste van E voor x in L [waarvoor C]`: E of the last element that passes. */
export function lastOf<T, V>(list: readonly T[], body: (x: T) => V, pred?: (x: T) => boolean): V {
  for (let i = list.length - 1; i >= 0; i--) if (!pred || pred(list[i]!)) return body(list[i]!);
  throw new StdlibError("P0813", { op: "laatste" });
}

/** `lopende som van E voor x in L [waarvoor C]`: the sum so far after each element that passes, in list order. */
export function runningSum<T>(list: readonly T[], body: (x: T) => Rat, pred?: (x: T) => boolean): Rat[] {
  const out: Rat[] = [];
  let acc = ratInt(0);
  for (const x of list) {
    if (pred && !pred(x)) continue;
    acc = add(acc, body(x));
    out.push(acc);
  }
  return out;
}

/** `de E van elke x in L [waarvoor C]`: E for each element that passes, in list order. */
export function mapFilter<T, V>(list: readonly T[], body: (x: T) => V, pred?: (x: T) => boolean): V[] {
  const out: V[] = [];
  for (const x of list) if (!pred || pred(x)) out.push(body(x));
  return out;
}
