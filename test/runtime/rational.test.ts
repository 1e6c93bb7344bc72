// Properties of runtime/rational.ts against decimal.js as the reference.
// In: random chains of add/sub/mul/div/round over small, decimal, huge and
// near-2**53 operands. Out: agreement with an exact reference fraction whose
// numerator and denominator are decimal.js integers (precision high enough
// that every integer operation is exact), and with decimal.js's own rounding
// and decimal rendering. decimal.js is used here only, never in the runtime.

import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runs } from "../budget.js";
import {
  DivisionByZero,
  Rat,
  add,
  cmp,
  div,
  eq,
  formatDecimal,
  formatDutch,
  formatFixed,
  isInteger,
  isZero,
  mul,
  neg,
  parseDecimal,
  ratFrac,
  ratInt,
  round,
  sign,
  sub,
  toBigInt,
  type RoundingMode,
} from "../../runtime/rational.js";

// Big enough that products of the (un-normalized) reference fractions stay exact.
const D = Decimal.clone({ precision: 4000, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });
type Dec = InstanceType<typeof D>;

/** Exact reference value num/den (den > 0), not normalized. */
interface Ref {
  num: Dec;
  den: Dec;
}

interface Operand {
  num: bigint;
  den: bigint;
}

// At least 4 operations per chain: ≥ 100.000 checked operations per run (issue #4).
const RUNS = runs(5_000, 250_000);

const hugeInt = fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n });
const operand: fc.Arbitrary<Operand> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map((n) => ({ num: BigInt(n), den: 1n })),
  // decimals with up to 4 places (money, percentages)
  fc
    .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.constantFrom(1n, 10n, 100n, 1000n, 10000n))
    .map(([n, d]) => ({ num: BigInt(n), den: d })),
  // small fractions: 1/3, 220/366, …
  fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: 1, max: 400 })).map(([n, d]) => ({
    num: BigInt(n),
    den: BigInt(d),
  })),
  // around 2**53, to cross the fast-path boundary
  fc
    .tuple(fc.bigInt({ min: 2n ** 53n - 5n, max: 2n ** 53n + 5n }), fc.boolean(), fc.constantFrom(1n, 2n, 3n, 10n))
    .map(([n, negative, d]) => ({ num: negative ? -n : n, den: d })),
  // huge values: the BigInt path
  fc.tuple(hugeInt, fc.bigInt({ min: 1n, max: 10n ** 30n })).map(([n, d]) => ({ num: n, den: d })),
  hugeInt.map((n) => ({ num: n, den: 1n })),
);

type Op =
  | { kind: "add" | "sub" | "mul" | "div"; x: Operand }
  | { kind: "round"; decimals: number; mode: RoundingMode };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom("add" as const, "sub" as const, "mul" as const, "div" as const), x: operand }),
  fc.record({
    kind: fc.constant("round" as const),
    decimals: fc.integer({ min: 0, max: 20 }),
    mode: fc.constantFrom<RoundingMode>("half-away", "floor", "ceil"),
  }),
);

function refOf(x: Operand): Ref {
  return { num: new D(x.num.toString()), den: new D(x.den.toString()) };
}

function ratOf(x: Operand): Rat {
  return ratFrac(x.num, x.den);
}

/** round(num/den · 10^k) in `mode`, computed with decimal.js integers only. */
function refScaledInt(r: Ref, k: number, mode: RoundingMode): Dec {
  const m = r.num.times(new D(10).pow(k));
  const q = m.divToInt(r.den); // truncated toward zero
  const rem = m.minus(q.times(r.den));
  if (rem.isZero()) return q;
  if (mode === "floor") return rem.isNegative() ? q.minus(1) : q;
  if (mode === "ceil") return rem.isPositive() ? q.plus(1) : q;
  return rem.abs().times(2).gte(r.den) ? (rem.isNegative() ? q.minus(1) : q.plus(1)) : q;
}

function refApply(r: Ref, o: Op): Ref {
  switch (o.kind) {
    case "add":
    case "sub": {
      const x = refOf(o.x);
      const t = x.num.times(r.den);
      return { num: r.num.times(x.den)[o.kind === "add" ? "plus" : "minus"](t), den: r.den.times(x.den) };
    }
    case "mul": {
      const x = refOf(o.x);
      return { num: r.num.times(x.num), den: r.den.times(x.den) };
    }
    case "div": {
      const x = refOf(o.x);
      const num = r.num.times(x.den);
      const den = r.den.times(x.num);
      return den.isNegative() ? { num: num.neg(), den: den.neg() } : { num, den };
    }
    case "round":
      return { num: refScaledInt(r, o.decimals, o.mode), den: new D(10).pow(o.decimals) };
  }
}

function ratApply(v: Rat, o: Op): Rat {
  switch (o.kind) {
    case "add":
      return add(v, ratOf(o.x));
    case "sub":
      return sub(v, ratOf(o.x));
    case "mul":
      return mul(v, ratOf(o.x));
    case "div":
      return div(v, ratOf(o.x));
    case "round":
      return round(v, o.decimals, o.mode);
  }
}

function ratNum(v: Rat): string {
  return v.bn === null ? String(v.n) : v.bn.toString();
}
function ratDen(v: Rat): string {
  return v.bd === null ? String(v.d) : v.bd.toString();
}

/**
 * The reference's `getal` rendering (§10). Finite iff num · 10^K is a multiple
 * of den for K beyond any power of 2 or 5 the chains can build (integer test,
 * no rounding involved); then the exact digits, else decimal.js's own
 * half-up (= away from zero) rounding to 10 places.
 */
const K = 1200;
function refFormatDecimal(r: Ref): string {
  const scaled = r.num.times(new D(10).pow(K));
  const finite = scaled.mod(r.den).isZero();
  const s = finite
    ? scaled.divToInt(r.den).div(new D(10).pow(K)).toFixed()
    : r.num.div(r.den).toDecimalPlaces(10, Decimal.ROUND_HALF_UP).toFixed();
  return s === "-0" ? "0" : s;
}

function refFormatFixed(r: Ref, k: number): string {
  const q = refScaledInt(r, k, "half-away");
  const s = q.abs().toFixed().padStart(k + 1, "0");
  const body = k === 0 ? s : `${s.slice(0, s.length - k)}.${s.slice(s.length - k)}`;
  return q.isNegative() && !q.isZero() ? `-${body}` : body;
}

describe("Rat agrees with a decimal.js reference", () => {
  it(`on ${RUNS} random operation chains`, () => {
    fc.assert(
      fc.property(operand, fc.array(op, { minLength: 4, maxLength: 8 }), (start, ops) => {
        let v = ratOf(start);
        let r = refOf(start);
        for (const o of ops) {
          if (o.kind === "div" && o.x.num === 0n) {
            expect(() => ratApply(v, o)).toThrow(DivisionByZero);
            continue;
          }
          v = ratApply(v, o);
          r = refApply(r, o);
          // exact: v.num · r.den = r.num · v.den
          expect(new D(ratNum(v)).times(r.den).eq(r.num.times(ratDen(v)))).toBe(true);
        }
        // normalized: den > 0, small form exactly when it fits
        if (v.bn === null) {
          expect(Number.isSafeInteger(v.n) && Number.isSafeInteger(v.d) && v.d > 0).toBe(true);
        } else {
          expect(v.bd! > 0n).toBe(true);
          const fits = (x: bigint) => x <= BigInt(Number.MAX_SAFE_INTEGER) && x >= -BigInt(Number.MAX_SAFE_INTEGER);
          expect(fits(v.bn) && fits(v.bd!)).toBe(false);
        }
        expect(formatDecimal(v)).toBe(refFormatDecimal(r));
        expect(formatFixed(v, 2)).toBe(refFormatFixed(r, 2));
        const s = Math.sign(r.num.toNumber());
        expect(sign(v)).toBe(s === 0 ? 0 : s);
      }),
      { numRuns: RUNS, seed: 20120101 },
    );
  });

  it("comparison and equality agree with the reference", () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        const x = ratOf(a);
        const y = ratOf(b);
        const l = new D(a.num.toString()).times(b.den.toString());
        const r = new D(b.num.toString()).times(a.den.toString());
        expect(cmp(x, y)).toBe(l.cmp(r));
        expect(eq(x, y)).toBe(l.eq(r));
        // structural equality follows from normalization
        expect(eq(x, y)).toBe(eq(ratFrac(a.num * 7n, a.den * 7n), y));
        expect(eq(sub(add(x, y), y), x)).toBe(true);
        if (!isZero(y)) expect(eq(mul(div(x, y), y), x)).toBe(true);
        expect(eq(neg(neg(x)), x)).toBe(true);
      }),
      { numRuns: 5000, seed: 7 },
    );
  });

  it("parseDecimal reads any decimal text exactly", () => {
    const text = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,40}$/), fc.option(fc.stringMatching(/^[0-9]{1,40}$/)))
      .map(([negative, i, f]) => `${negative ? "-" : ""}${i}${f === null ? "" : `.${f}`}`);
    fc.assert(
      fc.property(text, (s) => {
        const v = parseDecimal(s)!;
        const expected = new D(s).toFixed();
        expect(formatDecimal(v)).toBe(expected === "-0" ? "0" : expected);
      }),
      { numRuns: 5000, seed: 11 },
    );
  });

  it("formatDutch matches decimal.js rounding with Dutch separators", () => {
    fc.assert(
      fc.property(operand, fc.integer({ min: 0, max: 12 }), (a, k) => {
        const r = refOf(a);
        const q = r.num.div(r.den);
        let s = q.toDecimalPlaces(k, Decimal.ROUND_HALF_UP).toFixed();
        if (s === "-0") s = "0";
        const [int, frac] = s.split(".");
        const negative = int!.startsWith("-");
        const digits = negative ? int!.slice(1) : int!;
        const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
        const expected = `${negative ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
        expect(formatDutch(ratOf(a), k)).toBe(expected);
      }),
      { numRuns: 5000, seed: 13 },
    );
  });
});

describe("Rat API edges", () => {
  it("rejects malformed decimal text", () => {
    for (const s of ["", "-", "+1", ".5", "1.", "1e2", "1E2", " 1", "1 ", "0x10", "1,5", "--1", "1.2.3", "NaN", "Infinity"]) {
      expect(parseDecimal(s)).toBeNull();
    }
  });

  it("normalizes and never keeps -0", () => {
    expect(parseDecimal("-0.00")).toEqual(Rat.ZERO);
    expect(mul(ratInt(-3), Rat.ZERO)).toEqual(Rat.ZERO);
    expect(neg(Rat.ZERO)).toEqual(Rat.ZERO);
    expect(round(ratFrac(-1, 3), 0, "ceil")).toEqual(Rat.ZERO);
    expect(ratFrac(6, -4)).toEqual(ratFrac(-3, 2));
    expect(ratFrac(10n ** 30n, 10n ** 29n)).toEqual(ratInt(10));
    expect(parseDecimal("25")).toEqual(ratInt(25));
  });

  it("throws on a zero denominator and on division by zero", () => {
    expect(() => ratFrac(1, 0)).toThrow(RangeError);
    expect(() => ratFrac(1n, 0n)).toThrow(RangeError);
    expect(() => div(Rat.ONE, Rat.ZERO)).toThrow(DivisionByZero);
  });

  it("is exact where floats are not: 5,50 / 3 * 3 = 5,50 and 0,1 + 0,2 = 0,3", () => {
    const x = parseDecimal("5.50")!;
    expect(mul(div(x, ratInt(3)), ratInt(3))).toEqual(x);
    expect(add(parseDecimal("0.1")!, parseDecimal("0.2")!)).toEqual(parseDecimal("0.3"));
  });

  it("converts to integers", () => {
    expect(toBigInt(parseDecimal("123456789012345678901234567890")!)).toBe(123456789012345678901234567890n);
    expect(() => toBigInt(ratFrac(1, 2))).toThrow(RangeError);
    expect(isInteger(ratFrac(4, 2))).toBe(true);
  });
});
