// Witnesses a reader recognises (issue 16): after fast-check has shrunk a
// witness (toward zero, the first of January 1970, one-day periods), each
// top-level amount, count and date is moved, one at a time, to a typical
// value (round amounts, an adult's age and birth date, a whole year of cover within
// the policy's `geldig` period) as long as the case still changes in the
// same way. In: runtime values and a predicate. Out: runtime values.

import { ratInt } from "../../runtime/rational.js";
import { dayFromYmd, yearOfDay } from "../../runtime/calendar.js";
import type { Policy } from "../ir/ir.js";
import { typeDescOf } from "../ir/ir.js";
import type { TypeDesc } from "../../runtime/types.js";

type Values = Record<string, unknown>;

const ROUND_AMOUNTS = [1000, 500, 250, 100, 50, 1500, 2000, 5000];
const COUNTS = [2, 1, 3, 5, 10];
/** An adult, a pensioner, a teenager, a child: the ages a reader expects. */
const AGES = [40, 70, 17, 16, 10];

/** Typical dates in each year a version is valid from (a case must fit one version's year). */
function dateCandidates(name: string, policies: readonly Policy[]): number[] {
  const years = [...new Set(policies.map((p) => yearOfDay(p.metadata.validFrom ?? dayFromYmd(2020, 1, 1)!)))].sort().reverse();
  return years.flatMap((year) => {
    const jan1 = dayFromYmd(year, 1, 1)!;
    const dec31 = dayFromYmd(year, 12, 31)!;
    const mar1 = dayFromYmd(year, 3, 1)!;
    if (/geboorte/.test(name)) return [dayFromYmd(year - 40, 3, 12)!, dayFromYmd(year - 70, 3, 12)!, dayFromYmd(year - 17, 3, 12)!, dayFromYmd(year - 10, 3, 12)!];
    if (/eind|einde|tot|afloop|opzeg/.test(name)) return [dec31, mar1, jan1];
    return [jan1, mar1, dec31];
  });
}

function candidatesFor(name: string, t: TypeDesc, policies: readonly Policy[]): unknown[] {
  if (t.k === "bedrag") return ROUND_AMOUNTS.map((n) => ratInt(n));
  if (t.k === "aantal" && /leeftijd/.test(name)) return AGES.map((n) => ratInt(n));
  if (t.k === "aantal") return COUNTS.map((n) => ratInt(n));
  if (t.k === "datum") return dateCandidates(name, policies);
  return [];
}

/**
 * Move each field toward a typical value while `same(values)` holds: the
 * top-level inputs in order, then the fields of the records in a list (up to
 * three elements). Each candidate is tried at most once: a few dozen
 * decisions per witness.
 */
export function typicalize(values: Values, policies: readonly Policy[], same: (v: Values) => boolean): Values {
  // Two passes: a field may only move once another has (a whole year of cover
  // keeps the change only once the costs are no longer a few cents).
  return onePass(onePass(values, policies, same), policies, same);
}

function onePass(values: Values, policies: readonly Policy[], same: (v: Values) => boolean): Values {
  let current = values;
  const holds = (v: Values): boolean => {
    try {
      return same(v);
    } catch {
      return false;
    }
  };
  const inputs = new Map<string, Policy["inputs"][number]>();
  for (const p of policies) for (const i of p.inputs) if (!inputs.has(i.name)) inputs.set(i.name, i);
  for (const [name, input] of inputs) {
    if (!(name in current)) continue;
    const t = typeDescOf(input.type);
    for (const c of candidatesFor(name, t, policies)) {
      const next = { ...current, [name]: c };
      if (holds(next)) {
        current = next;
        break;
      }
    }
    if (t.k !== "lijst" || t.elem.k !== "record" || !Array.isArray(current[name])) continue;
    const elem = t.elem;
    const n = Math.min(3, (current[name] as unknown[]).length);
    for (let k = 0; k < n; k++) {
      for (const f of elem.fields) {
        for (const c of candidatesFor(f.name, f.type, policies)) {
          const list = [...(current[name] as Record<string, unknown>[])];
          list[k] = { ...list[k], [f.name]: c };
          const next = { ...current, [name]: list };
          if (holds(next)) {
            current = next;
            break;
          }
        }
      }
    }
  }
  return current;
}
