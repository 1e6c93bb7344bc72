// fast-check arbitraries for a policy's inputs (LANGUAGE.md §8): runtime
// values generated from each input's type and beperking, with the defaults of
// §8 for bounds the beperking does not give, and weighted toward boundary
// values: the constants the policy itself compares against (±1 cent / 1 /
// 1 day), month ends, 29 februari, empty lists.
// In: the IR policy. Out: an arbitrary of input records (runtime values).

import fc from "fast-check";
import { cmp as cmpRat, ratFrac, ratInt, toBigInt, mul, round, type Rat } from "../../runtime/rational.js";
import { dayFromYmd, daysInMonth, isLeapYear, ymdOf, EMPTY_PERIOD, type Duration, type Period } from "../../runtime/calendar.js";
import type { Expr, Input, Policy, Type, Value } from "../ir/ir.js";
import { encodeValue } from "../../runtime/case.js";

const NUM_LIMIT = 10_000_000n;
const DEFAULT_FROM = dayFromYmd(1900, 1, 1)!;
const DEFAULT_TO = dayFromYmd(2100, 12, 31)!;

/** Constants the policy compares against, by type kind: the boundaries worth testing. */
export interface Boundaries {
  /** In the unit of generation: cents for bedrag, 1/10000 for getal, 1/1000000 (of 1) for percentage, 1 for aantal. */
  numbers: Map<string, Set<bigint>>;
  days: Set<number>;
}

const SCALE: Record<string, bigint> = { bedrag: 100n, getal: 10_000n, percentage: 1_000_000n, aantal: 1n };

function scaled(v: Rat, kind: string): bigint | undefined {
  const s = SCALE[kind];
  if (s === undefined) return undefined;
  const x = round(mul(v, ratInt(s)), 0, "half-away");
  return toBigInt(x);
}

export function collectBoundaries(policy: Policy): Boundaries {
  const numbers = new Map<string, Set<bigint>>();
  const days = new Set<number>();
  const add = (t: Type, v: Value) => {
    if (t.k === "datum" && typeof v === "number") {
      days.add(v);
      return;
    }
    if (t.k === "bedrag" || t.k === "getal" || t.k === "aantal" || t.k === "percentage") {
      // A literal compared with an aantal is often typed getal and vice versa: record it for every number kind.
      for (const kind of Object.keys(SCALE)) {
        const s = scaled(v as Rat, kind);
        if (s === undefined) continue;
        let set = numbers.get(kind);
        if (!set) numbers.set(kind, (set = new Set()));
        set.add(s);
      }
    }
  };
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== "object") return;
    if (Array.isArray(x)) {
      x.forEach(visit);
      return;
    }
    const e = x as Expr;
    if (e.e === "const" && e.type) {
      add(e.type, e.value);
      return;
    }
    for (const [k, v] of Object.entries(x)) if (k !== "span" && k !== "type") visit(v);
  };
  visit(policy.rules);
  visit(policy.begrippen);
  visit(policy.parameters);
  visit(policy.functions);
  visit(policy.conditions);
  visit(policy.properties);
  visit(policy.outputs);
  for (const i of policy.inputs) {
    const r = i.desc.restriction;
    if (!r) continue;
    for (const v of [r.min, r.max, ...(r.oneOf ?? [])]) if (v !== undefined) add(i.type, v as Value);
  }
  return { numbers, days };
}

function clampBig(x: bigint, lo: bigint, hi: bigint): bigint {
  return x < lo ? lo : x > hi ? hi : x;
}

/** A weighted choice between boundary values and the whole range. */
function withBoundaries<T>(all: fc.Arbitrary<T>, boundary: T[]): fc.Arbitrary<T> {
  if (boundary.length === 0) return all;
  return fc.oneof({ arbitrary: all, weight: 3 }, { arbitrary: fc.constantFrom(...boundary), weight: 1 });
}

function numberArb(kind: string, min: Rat | undefined, max: Rat | undefined, b: Boundaries): fc.Arbitrary<Rat> {
  const s = SCALE[kind]!;
  let lo = kind === "aantal" ? 0n : -NUM_LIMIT * s;
  let hi = NUM_LIMIT * s;
  if (min !== undefined) lo = clampBig(-(-toBigInt(round(mul(min, ratInt(s)), 0, "ceil"))), lo, hi);
  if (max !== undefined) hi = clampBig(toBigInt(round(mul(max, ratInt(s)), 0, "floor")), lo, hi);
  const near: bigint[] = [];
  for (const c of b.numbers.get(kind) ?? []) {
    const step = kind === "getal" ? 10_000n : kind === "percentage" ? 10_000n : 1n;
    for (const d of [-step, 0n, step]) {
      const v = c + d;
      if (v >= lo && v <= hi) near.push(v);
    }
  }
  for (const v of [lo, hi, 0n]) if (v >= lo && v <= hi) near.push(v);
  return withBoundaries(fc.bigInt({ min: lo, max: hi }), [...new Set(near)]).map((n) => ratFrac(n, s));
}

function dayArb(from: number, to: number, b: Boundaries): fc.Arbitrary<number> {
  const near: number[] = [from, to];
  for (const c of b.days) for (const d of [-1, 0, 1]) if (c + d >= from && c + d <= to) near.push(c + d);
  // Month ends and 29 februari in the range (at most a few years' worth).
  const y0 = ymdOf(from).y;
  const y1 = Math.min(ymdOf(to).y, y0 + 4);
  for (let y = y0; y <= y1; y++) {
    for (let m = 1; m <= 12; m++) {
      const end = dayFromYmd(y, m, daysInMonth(y, m))!;
      if (end >= from && end <= to) near.push(end);
    }
    if (isLeapYear(y)) {
      const feb29 = dayFromYmd(y, 2, 29)!;
      if (feb29 >= from && feb29 <= to) near.push(feb29);
    }
  }
  return withBoundaries(fc.integer({ min: from, max: to }), [...new Set(near)]);
}

export interface InputArbitraryOptions {
  /** Dates without a beperking lie in this range (the `geldig` period, or 1900–2100). */
  dateFrom?: number;
  dateTo?: number;
  /** Boundary values to weight in; by default the policy's own. */
  boundaries?: Boundaries;
}

/** The boundaries of several policies together (`polis diff` seeds with both versions'). */
export function mergeBoundaries(...bs: Boundaries[]): Boundaries {
  const numbers = new Map<string, Set<bigint>>();
  const days = new Set<number>();
  for (const b of bs) {
    for (const [k, set] of b.numbers) {
      let t = numbers.get(k);
      if (!t) numbers.set(k, (t = new Set()));
      for (const v of set) t.add(v);
    }
    for (const d of b.days) days.add(d);
  }
  return { numbers, days };
}

function typeArb(t: Type, b: Boundaries, o: Required<Omit<InputArbitraryOptions, "boundaries">>, min?: unknown, max?: unknown): fc.Arbitrary<unknown> {
  switch (t.k) {
    case "bedrag":
    case "getal":
    case "aantal":
    case "percentage":
      return numberArb(t.k, min as Rat | undefined, max as Rat | undefined, b);
    case "datum":
      return dayArb((min as number | undefined) ?? o.dateFrom, (max as number | undefined) ?? o.dateTo, b);
    case "duur":
      return fc.record({ unit: fc.constantFrom<"dagen" | "maanden">("dagen", "maanden"), n: fc.integer({ min: 0, max: 1000 }) }) as fc.Arbitrary<Duration>;
    case "periode":
      return fc.oneof(
        { arbitrary: fc.constant<Period>(EMPTY_PERIOD), weight: 1 },
        {
          arbitrary: fc.tuple(dayArb(o.dateFrom, o.dateTo, b), dayArb(o.dateFrom, o.dateTo, b)).map(([x, y]) => ({ start: Math.min(x, y), end: Math.max(x, y) + 1 })),
          weight: 4,
        },
      );
    case "janee":
      return fc.boolean();
    case "tekst":
      return fc.string({ maxLength: 12 });
    case "soort":
      return fc.constantFrom(...t.values);
    case "record": {
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const f of t.fields) {
        const r = f.restriction;
        const arb = r?.oneOf ? fc.constantFrom(...r.oneOf) : typeArb(f.type, b, o, r?.min, r?.max);
        // An optional field is left out of one element in four, like an optional input.
        shape[f.name] = f.optional ? fc.option(arb, { nil: undefined, freq: 4 }) : arb;
      }
      return fc.record(shape);
    }
    case "lijst":
      return fc.array(typeArb(t.elem, b, o), { maxLength: 5 });
    case "fout":
      return fc.constant(undefined);
  }
}

/** An arbitrary of whole cases (runtime values keyed by input name). */
export function inputsArbitrary(policy: Policy, options: InputArbitraryOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const b = options.boundaries ?? collectBoundaries(policy);
  const o: Required<Omit<InputArbitraryOptions, "boundaries">> = {
    dateFrom: options.dateFrom ?? policy.metadata.validFrom ?? DEFAULT_FROM,
    dateTo: options.dateTo ?? policy.metadata.validThrough ?? DEFAULT_TO,
  };
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const i of policy.inputs) {
    const r = i.desc.restriction;
    if (r?.oneOf) {
      const arb = fc.constantFrom(...r.oneOf);
      shape[i.name] = i.optional ? fc.option(arb, { nil: undefined, freq: 4 }) : arb;
      continue;
    }
    // A bound the beperking does not give comes from the defaults (§8): a date
    // `vanaf 1 januari 1900` in a 2012 policy lies in 1900–2012.
    const arb = typeArb(i.type, b, o, r?.min, r?.max);
    // An optional input is left out of one case in four.
    shape[i.name] = i.optional ? fc.option(arb, { nil: undefined, freq: 4 }) : arb;
  }
  return fc.record(shape).map((values) => repair(policy, values));
}

/**
 * Valid by construction where it is cheap (LANGUAGE.md §8): a voorwaarde that
 * orders two inputs (`polis_eind >= polis_start`) is made true by swapping
 * them. Other voorwaarden are left to filtering.
 */
function repair(policy: Policy, values: Record<string, unknown>): Record<string, unknown> {
  const out = { ...values };
  for (let pass = 0; pass < 3; pass++) {
    for (const c of policy.conditions) {
      const x = c.expr;
      if (x.e !== "cmp" || x.left.e !== "ref" || x.right.e !== "ref" || x.left.ref !== "input" || x.right.ref !== "input") continue;
      if (x.domain !== "day" && x.domain !== "num") continue;
      if (x.op === "=" || x.op === "<>") continue;
      const a = out[x.left.name];
      const bv = out[x.right.name];
      const c0 = x.domain === "day" ? Math.sign((a as number) - (bv as number)) : cmpRat(a as Rat, bv as Rat);
      const holds = x.op === "<" ? c0 < 0 : x.op === "<=" ? c0 <= 0 : x.op === ">" ? c0 > 0 : c0 >= 0;
      if (!holds && c0 !== 0) {
        out[x.left.name] = bv;
        out[x.right.name] = a;
      }
    }
  }
  return out;
}

/** A generated case as a case file (LANGUAGE.md §10 encodings); inputs left out stay out. */
export function caseFileOf(inputs: readonly Input[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const i of inputs) if (values[i.name] !== undefined) out[i.name] = encodeValue(values[i.name], i.desc.type);
  return out;
}
