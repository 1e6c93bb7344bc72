// The values of the reference evaluator (reference.ts): exact fractions
// (BigInt), the proleptic Gregorian calendar as day numbers, durations and
// periods, errors by code, case-file decoding and output encoding
// (LANGUAGE.md §3, §6, §10), equality and order. Independent of the runtime.

import type { Type } from "../../compiler/ir/ir.js";

// ── Exact fractions ────────────────────────────────────────────────────────

/** n/d in lowest terms, d > 0. */
export interface Frac {
  n: bigint;
  d: bigint;
}

export const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

export function frac(n: bigint, d = 1n): Frac {
  if (d === 0n) throw new RefError("P0803");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

export const add = (a: Frac, b: Frac) => frac(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Frac, b: Frac) => frac(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Frac, b: Frac) => frac(a.n * b.n, a.d * b.d);
export const div = (a: Frac, b: Frac) => frac(a.n * b.d, a.d * b.n);
export const cmpFrac = (a: Frac, b: Frac) => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
export const isWhole = (a: Frac) => a.d === 1n;

/** floor(n / d) for d > 0. */
export const floorDiv = (n: bigint, d: bigint) => (n >= 0n ? n / d : -((-n + d - 1n) / d));

/** Round to `decimals` decimals: half away from zero, toward −∞ or toward +∞. */
export function roundFrac(x: Frac, decimals: number, mode: "half-away" | "floor" | "ceil"): Frac {
  const s = 10n ** BigInt(decimals);
  const scaled = frac(x.n * s, x.d);
  let k: bigint;
  if (mode === "floor") k = floorDiv(scaled.n, scaled.d);
  else if (mode === "ceil") k = -floorDiv(-scaled.n, scaled.d);
  else {
    const abs = scaled.n < 0n ? -scaled.n : scaled.n;
    const r = (2n * abs + scaled.d) / (2n * scaled.d);
    k = scaled.n < 0n ? -r : r;
  }
  return frac(k, s);
}

/** Decimal text from a decimal string of a case file (`"-12.50"`, `7`). */
export function parseDecimalText(s: string): Frac {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new Error(`reference: not a decimal: ${s}`);
  const digits = BigInt(m[2]! + (m[3] ?? ""));
  return frac(m[1] ? -digits : digits, 10n ** BigInt((m[3] ?? "").length));
}

/** Exact decimal text when the fraction has one, else rounded half away to 10 decimals; no trailing zeros. */
export function decimalText(x: Frac): string {
  let d = x.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  let digits = 0;
  let v = x;
  if (d !== 1n) v = roundFrac(x, 10, "half-away");
  // The fewest decimals that hold v exactly: no trailing zeros.
  while (10n ** BigInt(digits) % v.d !== 0n) digits++;
  return fixed(v, digits);
}

/** Text with exactly `digits` decimals of a value that has at most that many. */
export function fixed(x: Frac, digits: number): string {
  const s = 10n ** BigInt(digits);
  const k = (x.n * s) / x.d;
  const neg = k < 0n;
  const abs = (neg ? -k : k).toString().padStart(digits + 1, "0");
  const body = digits === 0 ? abs : `${abs.slice(0, abs.length - digits)}.${abs.slice(abs.length - digits)}`;
  return neg ? `-${body}` : body;
}

// ── Calendar: days since 1970-01-01, proleptic Gregorian ─────────────────────

export function dayOf(y: number, m: number, d: number): number {
  // Days from civil (H. Hinnant's algorithm).
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilOf(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

export const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const monthLength = (y: number, m: number) => [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
export const FIRST_DAY = dayOf(1, 1, 1);
export const LAST_DAY = dayOf(9999, 12, 31);

export function checkedDay(day: number): number {
  if (day < FIRST_DAY || day > LAST_DAY) throw new RefError("P0810");
  return day;
}

export interface Dur {
  unit: "dagen" | "maanden";
  n: bigint;
}

export function addDur(day: number, dur: Dur, sign: 1 | -1): number {
  if (dur.unit === "dagen") return checkedDay(day + sign * Number(dur.n));
  const { y, m, d } = civilOf(day);
  const total = y * 12 + (m - 1) + sign * Number(dur.n);
  const ny = Math.floor(total / 12);
  if (ny < 1 || ny > 9999) throw new RefError("P0810");
  const nm = total - ny * 12 + 1;
  return dayOf(ny, nm, Math.min(d, monthLength(ny, nm)));
}

export function isoOf(day: number): string {
  const { y, m, d } = civilOf(day);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

// ── Values and errors ──────────────────────────────────────────────────────

/** Half-open [start, end) of days; every empty period is { start: 0, end: 0 }. */
export interface Per {
  start: number;
  end: number;
}

export const EMPTY: Per = { start: 0, end: 0 };
export const period = (start: number, end: number): Per => (end <= start ? EMPTY : { start, end });
export const isDur = (v: unknown): v is Dur => typeof v === "object" && v !== null && "unit" in v && "n" in v;
export const isPer = (v: unknown): v is Per => typeof v === "object" && v !== null && "start" in v && "end" in v;

export type Val = Frac | number | boolean | string | Dur | Per | Val[] | { [field: string]: Val };

/** An evaluation (or input) error, by its code. */
export class RefError extends Error {
  /** `veld`: the field an input error names (P0715). */
  constructor(
    readonly code: string,
    readonly veld?: string,
  ) {
    super(code);
  }
}

/**
 * What a back end gives for a case: the outputs as in a case file, or the
 * error: its code, the field it names (case-input errors) and its Dutch
 * message. The reference gives code and field only (its messages are not
 * the runtime's); the other back ends are compared on the message too.
 */
export type Outcome = { outputs: Record<string, unknown> } | { fout: string; veld?: string; bericht?: string };

export const LARGEST_COUNT = 4_000_000n;
export const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

// ── Decoding and encoding (LANGUAGE.md §10) ──────────────────────────────────

export function decode(v: unknown, t: Type): Val {
  switch (t.k) {
    case "bedrag":
    case "getal":
    case "aantal":
      return parseDecimalText(String(v));
    case "percentage":
      return div(parseDecimalText(String(v)), frac(100n));
    case "datum": {
      const [y, m, d] = String(v).split("-").map(Number);
      return dayOf(y!, m!, d!);
    }
    case "periode": {
      if (v === null) return EMPTY;
      const p = v as { van: string; tot_en_met: string };
      return period(decode(p.van, { k: "datum" }) as number, (decode(p.tot_en_met, { k: "datum" }) as number) + 1);
    }
    case "duur": {
      const [[unit, n]] = Object.entries(v as Record<string, unknown>) as [[string, unknown]];
      const factor = unit === "weken" ? 7n : unit === "jaren" ? 12n : 1n;
      return { unit: unit === "dagen" || unit === "weken" ? "dagen" : "maanden", n: BigInt(String(n)) * factor };
    }
    case "janee":
    case "tekst":
    case "soort":
      return v as Val;
    case "lijst":
      return (v as unknown[]).map((e) => decode(e, t.elem));
    case "record": {
      const r: Record<string, Val> = {};
      for (const f of t.fields) {
        const raw = (v as Record<string, unknown>)[f.name];
        if (f.optional && (raw === undefined || raw === null)) continue;
        r[f.name] = decode(raw, f.type);
      }
      return r;
    }
    default:
      throw new Error(`reference: no decoding for ${t.k}`);
  }
}

export function encode(v: Val, t: Type): unknown {
  switch (t.k) {
    case "bedrag":
      return fixed(v as Frac, 2);
    case "getal":
      return decimalText(v as Frac);
    case "aantal": {
      const n = (v as Frac).n;
      return n <= MAX_SAFE && n >= -MAX_SAFE ? Number(n) : n.toString();
    }
    case "percentage":
      return decimalText(mul(v as Frac, frac(100n)));
    case "datum":
      return isoOf(v as number);
    case "duur":
      return { [(v as Dur).unit]: Number((v as Dur).n) };
    case "periode": {
      const p = v as Per;
      return p.end <= p.start ? null : { van: isoOf(p.start), tot_en_met: isoOf(p.end - 1) };
    }
    case "janee":
    case "tekst":
    case "soort":
      return v;
    case "lijst":
      // A lijst van bedrag output has each element rounded to cents once (LANGUAGE.md §6.2).
      return (v as Val[]).map((e) => encode(t.elem.k === "bedrag" ? roundFrac(e as Frac, 2, "half-away") : e, t.elem));
    default:
      throw new Error(`reference: no encoding for ${t.k}`);
  }
}


export function equal(a: Val, b: Val): boolean {
  if (typeof a === "object" && a !== null && "n" in a && "d" in a) return cmpFrac(a as Frac, b as Frac) === 0;
  if (isPer(a)) return a.start === (b as Per).start && a.end === (b as Per).end;
  if (typeof a === "object" && a !== null && "unit" in a) {
    const x = a as Dur;
    const y = b as Dur;
    if (x.unit !== y.unit) throw new RefError("P0808");
    return x.n === y.n;
  }
  return a === b;
}

/** Whether two values of one type are the same value (rule conflicts, §5): lists element by element. */
export function sameValue(a: Val, b: Val): boolean {
  if (Array.isArray(a)) return a.length === (b as Val[]).length && a.every((x, i) => sameValue(x, (b as Val[])[i]!));
  if (isDur(a)) return a.unit === (b as Dur).unit && a.n === (b as Dur).n;
  return equal(a, b);
}

export function compare(a: Val, b: Val): number {
  if (typeof a === "number") return Math.sign(a - (b as number));
  if ("unit" in (a as object)) {
    const x = a as Dur;
    const y = b as Dur;
    if (x.unit !== y.unit) throw new RefError("P0808");
    return x.n < y.n ? -1 : x.n > y.n ? 1 : 0;
  }
  return cmpFrac(a as Frac, b as Frac);
}

