// Smaller cases from the solver (issue 18): a case z3 finds is whatever model
// it reaches first (three list elements where one shows the problem, € 278,91
// where € 0 would do). Before a case is shown it is shrunk on the real
// module, as fast-check shrinks sampled cases: first the fewest list
// elements, then each amount, count and date (top-level, and the fields of
// list elements) as small as it can be while `holds` still says the case
// shows the same thing. Each value is found by bisection between its lowest
// allowed value and the value found, so a few dozen runs per value.
// In: the inputs, a case as runtime values, a predicate. Out: runtime values.

import { bigDen, bigNum, fromBig, ratInt, type Rat } from "../../runtime/rational.js";
import type { Input, Type } from "../ir/ir.js";

type Values = Record<string, unknown>;
type Restriction = { min?: unknown; max?: unknown; oneOf?: readonly unknown[] } | undefined;

/** Runs per shrunk case at most: a policy that is slow to decide still shrinks in bounded time. */
const MAX_RUNS = 2000;

export function shrinkCase(inputs: readonly Input[], values: Values, holds: (v: Values) => boolean, dates: { from: number }): Values {
  let runs = 0;
  const ok = (v: Values): boolean => {
    if (runs++ >= MAX_RUNS) return false;
    try {
      return holds(v);
    } catch {
      return false;
    }
  };
  let current = values;
  // Fewest elements first: a smaller list also has fewer values to shrink.
  for (const i of inputs) {
    if (i.type.k !== "lijst" || !Array.isArray(current[i.name])) continue;
    for (let k = (current[i.name] as unknown[]).length - 1; k >= 0; k--) {
      const list = (current[i.name] as unknown[]).filter((_, j) => j !== k);
      const next = { ...current, [i.name]: list };
      if (ok(next)) current = next;
    }
  }
  for (const i of inputs) {
    const v = current[i.name];
    if (v === undefined) continue;
    if (i.type.k === "lijst" && i.type.elem.k === "record" && Array.isArray(v)) {
      const fields = i.type.elem.fields;
      for (let k = 0; k < v.length; k++) {
        for (const f of fields) {
          const at = (x: unknown): Values => {
            const list = [...(current[i.name] as Values[])];
            list[k] = { ...list[k], [f.name]: x };
            return { ...current, [i.name]: list };
          };
          const old = (current[i.name] as Values[])[k]?.[f.name];
          if (old !== undefined) current = at(smallest(f.type, f.restriction, old, dates, (x) => ok(at(x))));
        }
      }
      continue;
    }
    const at = (x: unknown): Values => ({ ...current, [i.name]: x });
    current = at(smallest(i.type, i.desc.restriction, v, dates, (x) => ok(at(x))));
  }
  return current;
}

/** The smallest value of a field, from its lowest allowed value up to `value`, for which `holds` is true (`value` when none smaller is). */
function smallest(t: Type, r: Restriction, value: unknown, dates: { from: number }, holds: (x: unknown) => boolean): unknown {
  if (r?.oneOf) return value;
  switch (t.k) {
    case "bedrag": case "aantal": {
      // In cents for an amount, whole numbers for a count.
      const scale = t.k === "bedrag" ? 100n : 1n;
      const v = value as Rat;
      if (bigDen(v) !== 1n && (scale % bigDen(v)) !== 0n) return value;
      const units = (bigNum(v) * scale) / bigDen(v);
      const min = r?.min !== undefined ? ((bigNum(r.min as Rat) * scale + bigDen(r.min as Rat) - 1n) / bigDen(r.min as Rat)) : 0n;
      if (units <= min) return value;
      const best = bisect(min, units, (n) => holds(fromBig(n, scale)));
      return best === units ? value : fromBig(best, scale);
    }
    case "getal": case "percentage": {
      const zero = r?.min !== undefined ? (r.min as Rat) : ratInt(0);
      return holds(zero) ? zero : value;
    }
    case "datum": {
      const min = BigInt((r?.min as number | undefined) ?? dates.from);
      const best = bisect(min, BigInt(value as number), (n) => holds(Number(n)));
      return Number(best);
    }
    case "janee":
      return value === true && holds(false) ? false : value;
    default:
      return value;
  }
}

/** The least n in [lo, hi] with `holds(n)`, given that `holds(hi)`; the search assumes what holds at n holds above it, and only ever returns a value that holds. */
function bisect(lo: bigint, hi: bigint, holds: (n: bigint) => boolean): bigint {
  if (lo >= hi) return hi;
  if (holds(lo)) return lo;
  let bad = lo;
  let good = hi;
  while (good - bad > 1n) {
    const mid = bad + (good - bad) / 2n;
    if (holds(mid)) good = mid;
    else bad = mid;
  }
  return good;
}
