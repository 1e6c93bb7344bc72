// Runtime type descriptors: what a generated module hands to the case decoder
// (runtime/case.ts), the output encoder and the explanation printer.
// In: nothing but the descriptor shapes. Out: TypeDesc, FieldDesc, Restriction,
// and equality / ordering on runtime values of a described type.
//
// Runtime values (LANGUAGE.md §3): bedrag, getal, aantal and percentage are
// `Rat` (a percentage as a fraction: 25% is 1/4); datum is a `Day`; duur a
// `Duration` in dagen or maanden; periode a half-open `Period`; janee a
// boolean; tekst and soort values strings; records plain objects keyed by
// field name; lists arrays.

import { cmp, eq, type Rat } from "./rational.js";
import { periodEquals, type Day, type Duration, type Period } from "./calendar.js";
import { runtimeError } from "./messages.js";

export type TypeDesc =
  | { k: "bedrag" }
  | { k: "getal" }
  | { k: "aantal" }
  | { k: "percentage" }
  | { k: "datum" }
  | { k: "duur" }
  | { k: "periode" }
  | { k: "janee" }
  | { k: "tekst" }
  | { k: "soort"; name: string; values: readonly string[] }
  | { k: "record"; name: string; fields: readonly FieldDesc[] }
  | { k: "lijst"; elem: TypeDesc };

/**
 * A beperking on an input (LANGUAGE.md §4), already evaluated to runtime values
 * of the field's type. `text` is the beperking as the author wrote it
 * (`vanaf € 0`, `uit {0, 100, 200}`); error messages quote it.
 */
export interface Restriction {
  min?: unknown;
  max?: unknown;
  oneOf?: readonly unknown[];
  text: string;
}

export interface FieldDesc {
  name: string;
  type: TypeDesc;
  restriction?: Restriction;
  /** An optional input (extension of LANGUAGE.md §4): missing or null means not given. */
  optional?: boolean;
}

/** The number kinds: all represented as `Rat`. */
export function isNumberType(t: TypeDesc): boolean {
  return t.k === "bedrag" || t.k === "getal" || t.k === "aantal" || t.k === "percentage";
}

/**
 * Structural equality of two runtime values of type `t`. Empty periods are all
 * equal (LANGUAGE.md §7: an empty period holds no days, whatever its bounds).
 */
export function valueEquals(a: unknown, b: unknown, t: TypeDesc): boolean {
  switch (t.k) {
    case "bedrag":
    case "getal":
    case "aantal":
    case "percentage":
      return eq(a as Rat, b as Rat);
    case "datum":
      return (a as Day) === (b as Day);
    case "duur": {
      const x = a as Duration;
      const y = b as Duration;
      return x.unit === y.unit && x.n === y.n;
    }
    case "periode":
      return periodEquals(a as Period, b as Period);
    case "janee":
    case "tekst":
    case "soort":
      return a === b;
    case "record": {
      const x = a as Record<string, unknown>;
      const y = b as Record<string, unknown>;
      return t.fields.every((f) => valueEquals(x[f.name], y[f.name], f.type));
    }
    case "lijst": {
      const x = a as readonly unknown[];
      const y = b as readonly unknown[];
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (!valueEquals(x[i], y[i], t.elem)) return false;
      return true;
    }
  }
}

/**
 * Order of two values of a numeric, datum or duur type: -1, 0 or 1.
 * Durations of different kinds (dagen vs maanden) have no order: P0808.
 * The checker rejects such comparisons statically; this guards the runtime.
 */
export function compareValues(a: unknown, b: unknown, t: TypeDesc): -1 | 0 | 1 {
  switch (t.k) {
    case "bedrag":
    case "getal":
    case "aantal":
    case "percentage": {
      const c = cmp(a as Rat, b as Rat);
      return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    case "datum": {
      const x = a as Day;
      const y = b as Day;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case "duur": {
      const x = a as Duration;
      const y = b as Duration;
      if (x.unit !== y.unit) {
        throw runtimeError("P0808", { a: `${x.n} ${x.unit}`, b: `${y.n} ${y.unit}` });
      }
      return x.n < y.n ? -1 : x.n > y.n ? 1 : 0;
    }
    default:
      throw runtimeError("P0809", { detail: `waarden van type ${t.k} hebben geen volgorde` });
  }
}
