// Exact rational numbers: every Polis number (bedrag, getal, aantal, percentage
// as a fraction: 25% is 1/4) is a `Rat` (LANGUAGE.md §3: binary floating point
// never carries a non-integer value).
// In: JS integers, bigints and JSON-style decimal text. Out: immutable, always
// normalized rationals (den > 0, gcd(num, den) = 1), so equality is structural,
// Rounding (§6) lives in rounding.ts and the output formats of §10 in
// rational-text.ts; both are re-exported here, so importers need one module.
// Guarantees: results are exact. A fast path keeps numerator and denominator as
// safe-integer Numbers; a float is only trusted where the exact integer result
// is provably below 2**53, anything else is redone in BigInt and brought back
// to the Number form as soon as it fits again.

/** @internal shared with rounding.ts / rational-text.ts */
export const MAX = Number.MAX_SAFE_INTEGER;

export class DivisionByZero extends Error {
  constructor(message = "deling door nul") {
    super(message);
    this.name = "DivisionByZero";
  }
}

/**
 * An exact rational number. Two forms, one hidden class:
 * - small: `n`, `d` are safe integers, `bn` = `bd` = null;
 * - big:   `bn`, `bd` hold the value, `n` = `d` = NaN (so a forgotten check
 *          can never pass a safe-integer test and silently compute garbage).
 * INVARIANT: normalized (d > 0, gcd 1, zero is 0/1), and a value that fits the
 * small form is always in the small form — equality is structural.
 */
export class Rat {
  // `declare`: no class-field initializers, so construction is four plain
  // stores (all in the constructor, in this order: one hidden class).
  declare readonly n: number;
  declare readonly d: number;
  declare readonly bn: bigint | null;
  declare readonly bd: bigint | null;

  /** Internal: use ratInt / ratFrac / parseDecimal. Does not normalize. */
  constructor(n: number, d: number, bn: bigint | null, bd: bigint | null) {
    this.n = n;
    this.d = d;
    this.bn = bn;
    this.bd = bd;
  }

  static readonly ZERO: Rat = new Rat(0, 1, null, null);
  static readonly ONE: Rat = new Rat(1, 1, null, null);

  /** Debugging form: "7/3", "-2", "123456789012345678901/10". */
  toString(): string {
    if (this.bn === null) return this.d === 1 ? String(this.n) : `${this.n}/${this.d}`;
    return this.bd === 1n ? this.bn.toString() : `${this.bn}/${this.bd}`;
  }
}

// ---------------------------------------------------------------- construction

/**
 * Shared values of the integers 0 … SMALL_INTS - 1 (years, day counts, ages:
 * what calendar functions return over and over). A Rat is immutable and
 * equality is structural, so sharing is invisible.
 */
const SMALL_INTS = 4096;
const SMALL_INT_CACHE: Rat[] = Array.from({ length: SMALL_INTS }, (_, i) => new Rat(i, 1, null, null));

/** Bounds of V8's small integers (31 bits): such values are stored untagged. */
const SMI_MAX = 0x3fffffff;
const SMI_MIN = -0x40000000;

function small(n: number, d: number): Rat {
  // Small whole numbers (n is an integer here) are shared: fewer allocations.
  if (d === 1 && n >= 0 && n < SMALL_INTS) return SMALL_INT_CACHE[n]!;
  // `n | 0` / `n + 0` turn -0 into 0 (structural equality must not see -0).
  // Values in the small-integer range go in as int32 (`| 0`, exact there):
  // an integral value computed as a double would otherwise be stored boxed,
  // which turns the fields of every Rat into (slower) double fields.
  return new Rat(
    n <= SMI_MAX && n >= SMI_MIN ? n | 0 : n + 0,
    d <= SMI_MAX ? d | 0 : d,
    null,
    null,
  );
}

function gcdN(a: number, b: number): number {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function gcdB(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

const MAX_B = BigInt(MAX);

/** Normalizes a bigint fraction (d ≠ 0) and returns the small form when it fits. */
/** @internal shared with rounding.ts / rational-text.ts */
export function fromBig(n: bigint, d: bigint): Rat {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (n === 0n) return Rat.ZERO;
  if (d !== 1n) {
    const g = gcdB(n, d);
    if (g !== 1n) {
      n /= g;
      d /= g;
    }
  }
  if (d <= MAX_B && n <= MAX_B && n >= -MAX_B) return small(Number(n), Number(d));
  return new Rat(NaN, NaN, n, d);
}

/** Normalizes a Number fraction whose parts are safe integers, d ≠ 0. */
/** @internal shared with rounding.ts / rational-text.ts */
export function fromSafe(n: number, d: number): Rat {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  if (n === 0) return Rat.ZERO;
  if (d === 1) return small(n, 1);
  const g = gcdN(n, d);
  return g === 1 ? small(n, d) : small(n / g, d / g);
}

/** @internal shared with rounding.ts / rational-text.ts */
export function bigNum(a: Rat): bigint {
  return a.bn === null ? BigInt(a.n) : a.bn;
}
/** @internal shared with rounding.ts / rational-text.ts */
export function bigDen(a: Rat): bigint {
  return a.bd === null ? BigInt(a.d) : a.bd;
}

function isSafeInt(x: number | bigint): boolean {
  return typeof x === "number" ? Number.isSafeInteger(x) : x <= MAX_B && x >= -MAX_B;
}

function checkInt(x: number | bigint, what: string): void {
  if (typeof x === "number" && !Number.isInteger(x)) {
    throw new RangeError(`${what} must be an integer, got ${x}`);
  }
}

export function ratInt(n: number | bigint): Rat {
  if (typeof n === "number" && n >= 0 && n < SMALL_INTS && (n | 0) === n) return SMALL_INT_CACHE[n]!;
  return ratIntGeneral(n);
}

function ratIntGeneral(n: number | bigint): Rat {
  checkInt(n, "ratInt");
  if (typeof n === "number" && isSafeInt(n)) return small(n, 1);
  return fromBig(BigInt(n), 1n);
}

export function ratFrac(n: number | bigint, d: number | bigint): Rat {
  checkInt(n, "numerator");
  checkInt(d, "denominator");
  if (d === 0 || d === 0n) throw new RangeError("denominator is zero");
  if (typeof n === "number" && typeof d === "number" && isSafeInt(n) && isSafeInt(d)) {
    return fromSafe(n, d);
  }
  return fromBig(BigInt(n), BigInt(d));
}

/** JSON-style decimal text `-?[0-9]+(\.[0-9]+)?`, exactly; null for anything else. */
export function parseDecimal(text: string): Rat | null {
  const len = text.length;
  let i = 0;
  const neg = len > 0 && text.charCodeAt(0) === 45; // "-"
  if (neg) i = 1;
  const intStart = i;
  // Accumulated while there are at most 15 digits (then it is exact).
  let n = 0;
  for (; i < len; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    n = n * 10 + c;
  }
  const intEnd = i;
  if (intEnd === intStart) return null;
  let fracLen = 0;
  if (i < len) {
    if (text.charCodeAt(i) !== 46) return null; // "."
    i++;
    const fracStart = i;
    for (; i < len; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return null;
      n = n * 10 + c;
    }
    fracLen = i - fracStart;
    if (fracLen === 0) return null;
  }
  if (intEnd - intStart + fracLen <= 15) return fromDecimal(neg ? -n : n, fracLen);
  const digits = fracLen === 0 ? text.slice(intStart, intEnd) : text.slice(intStart, intEnd) + text.slice(intEnd + 1);
  const b = BigInt(digits);
  return fromBig(neg ? -b : b, 10n ** BigInt(fracLen));
}

/**
 * 10^k for 0 <= k <= 15. Read through pow10: up to 10^9 from an array of small
 * integers, so that arithmetic on the result is integer arithmetic in
 * optimized code (a power read from an array that also holds 10^10 and up is
 * a boxed double, and `%` on doubles is a slow library call).
 */
/** @internal shared with rounding.ts / rational-text.ts */
export const POW10_SMALL: readonly number[] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];
const POW10: number[] = [];
for (let i = 0, p = 1; i <= 15; i++, p *= 10) POW10.push(p);

/** 10^k, 0 <= k <= 15. */
/** @internal shared with rounding.ts / rational-text.ts */
export function pow10(k: number): number {
  return k <= 9 ? POW10_SMALL[k]! : POW10[k]!;
}

/**
 * n / 10^k, normalized, for a safe integer n and 0 <= k <= 15. The gcd with a
 * power of ten is 2^i * 5^j: cancelled by dividing out common tens, then the
 * remaining twos or fives (after the tens, n keeps at most one of the two
 * factors) — divisions by constants instead of Euclid's remainders.
 */
function fromDecimal(n: number, k: number): Rat {
  if (n === 0) return Rat.ZERO;
  while (k > 0 && n % 10 === 0) {
    n /= 10;
    k--;
  }
  if (k === 0) return small(n, 1);
  let d = pow10(k);
  if (n % 2 === 0) {
    for (let i = 0; i < k && n % 2 === 0; i++) {
      n /= 2;
      d /= 2;
    }
  } else if (n % 5 === 0) {
    for (let i = 0; i < k && n % 5 === 0; i++) {
      n /= 5;
      d /= 5;
    }
  }
  return small(n, d);
}

// ---------------------------------------------------------------- arithmetic

/**
 * an/ad + bn/bd for normalized small parts (ad, bd > 0); null when an
 * intermediate or the result leaves the safe-integer range.
 */
function addSafe(an: number, ad: number, bn: number, bd: number): Rat | null {
  if (ad === 1) {
    if (bd === 1) {
      const r = an + bn;
      return r <= MAX && r >= -MAX ? small(r, 1) : null;
    }
    // An integer plus a normalized fraction is normalized: gcd(an*bd + bn, bd) = gcd(bn, bd) = 1.
    const p = an * bd;
    const t = p + bn;
    return p <= MAX && p >= -MAX && t <= MAX && t >= -MAX ? small(t, bd) : null;
  }
  if (bd === 1) {
    const p = bn * ad;
    const t = an + p;
    return p <= MAX && p >= -MAX && t <= MAX && t >= -MAX ? small(t, ad) : null;
  }
  return addFractions(an, ad, bn, bd);
}

/** addSafe for two denominators other than 1. */
function addFractions(an: number, ad: number, bn: number, bd: number): Rat | null {
  if (ad === bd) {
    const t = an + bn;
    return t <= MAX && t >= -MAX ? fromSafe(t, ad) : null;
  }
  // Knuth 4.5.1: keeps intermediates small.
  const g = gcdN(ad, bd);
  const da = ad / g;
  const db = bd / g;
  const p1 = an * db;
  const p2 = bn * da;
  const t = p1 + p2;
  if (p1 <= MAX && p1 >= -MAX && p2 <= MAX && p2 >= -MAX && t <= MAX && t >= -MAX) {
    if (t === 0) return Rat.ZERO;
    if (g === 1) {
      const d = ad * bd;
      if (d <= MAX) return small(t, d);
    } else {
      const g2 = gcdN(t, g);
      const d = da * (bd / g2);
      if (d <= MAX) return small(t / g2, d);
    }
  }
  return null;
}

export function add(a: Rat, b: Rat): Rat {
  if (a.bn === null && b.bn === null) {
    const r = addSafe(a.n, a.d, b.n, b.d);
    if (r !== null) return r;
  }
  return addBig(a, b, 1n);
}

function addBig(a: Rat, b: Rat, sign: bigint): Rat {
  const ad = bigDen(a);
  const bd = bigDen(b);
  if (ad === bd) return fromBig(bigNum(a) + sign * bigNum(b), ad);
  return fromBig(bigNum(a) * bd + sign * bigNum(b) * ad, ad * bd);
}

export function sub(a: Rat, b: Rat): Rat {
  if (a.bn === null && b.bn === null) {
    const r = addSafe(a.n, a.d, -b.n, b.d);
    if (r !== null) return r;
  }
  return addBig(a, b, -1n);
}

export function neg(a: Rat): Rat {
  if (a.bn === null) return small(-a.n, a.d);
  return new Rat(NaN, NaN, -a.bn, a.bd);
}

export function abs(a: Rat): Rat {
  if (a.bn === null) return a.n < 0 ? small(-a.n, a.d) : a;
  return a.bn < 0n ? new Rat(NaN, NaN, -a.bn, a.bd) : a;
}

/**
 * (an/ad) * (bn/bd) for normalized small parts (ad, bd > 0); null when the
 * result leaves the safe-integer range.
 */
function mulSafe(an: number, ad: number, bn: number, bd: number): Rat | null {
  if (ad === 1 && bd === 1) {
    const r = an * bn;
    return r <= MAX && r >= -MAX ? small(r, 1) : null;
  }
  return mulFractions(an, ad, bn, bd);
}

/** mulSafe when a denominator is not 1. */
function mulFractions(an: number, ad: number, bn: number, bd: number): Rat | null {
  if (an === 0 || bn === 0) return Rat.ZERO;
  // Cross-cancel; a gcd with a denominator 1 is 1.
  const g1 = bd === 1 ? 1 : gcdN(an, bd);
  const g2 = ad === 1 ? 1 : gcdN(bn, ad);
  const n = (an / g1) * (bn / g2);
  const d = (ad / g2) * (bd / g1);
  return n <= MAX && n >= -MAX && d <= MAX ? small(n, d) : null;
}

export function mul(a: Rat, b: Rat): Rat {
  if (a.bn === null && b.bn === null) {
    const r = mulSafe(a.n, a.d, b.n, b.d);
    if (r !== null) return r;
  }
  return fromBig(bigNum(a) * bigNum(b), bigDen(a) * bigDen(b));
}

/** Exact division; throws DivisionByZero when b is zero. */
export function div(a: Rat, b: Rat): Rat {
  if (a.bn === null && b.bn === null && b.n !== 0) {
    const r = b.n < 0 ? mulSafe(a.n, a.d, -b.d, -b.n) : mulSafe(a.n, a.d, b.d, b.n);
    if (r !== null) return r;
  }
  return divGeneral(a, b);
}

function divGeneral(a: Rat, b: Rat): Rat {
  if (b.bn === null) {
    if (b.n === 0) throw new DivisionByZero();
    return mul(a, b.n < 0 ? small(-b.d, -b.n) : small(b.d, b.n));
  }
  const bn = b.bn;
  const bd = b.bd!;
  return mul(a, bn < 0n ? new Rat(NaN, NaN, -bd, -bn) : new Rat(NaN, NaN, bd, bn));
}

// ---------------------------------------------------------------- comparison

export function cmp(a: Rat, b: Rat): -1 | 0 | 1 {
  if (a.bn === null && b.bn === null) {
    if (a.d === b.d) return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
    const p1 = a.n * b.d;
    const p2 = b.n * a.d;
    if (p1 <= MAX && p1 >= -MAX && p2 <= MAX && p2 >= -MAX) return p1 < p2 ? -1 : p1 > p2 ? 1 : 0;
  }
  return cmpBig(a, b);
}

function cmpBig(a: Rat, b: Rat): -1 | 0 | 1 {
  const l = bigNum(a) * bigDen(b);
  const r = bigNum(b) * bigDen(a);
  return l < r ? -1 : l > r ? 1 : 0;
}

export function eq(a: Rat, b: Rat): boolean {
  if (a.bn === null) return b.bn === null && a.n === b.n && a.d === b.d;
  return b.bn !== null && a.bn === b.bn && a.bd === b.bd;
}
export function lt(a: Rat, b: Rat): boolean {
  return cmp(a, b) < 0;
}
export function le(a: Rat, b: Rat): boolean {
  return cmp(a, b) <= 0;
}
export function gt(a: Rat, b: Rat): boolean {
  return cmp(a, b) > 0;
}
export function ge(a: Rat, b: Rat): boolean {
  return cmp(a, b) >= 0;
}

export function sign(a: Rat): -1 | 0 | 1 {
  if (a.bn === null) return a.n < 0 ? -1 : a.n > 0 ? 1 : 0;
  return a.bn < 0n ? -1 : 1; // a big value is never zero
}

export function isZero(a: Rat): boolean {
  return a.n === 0;
}

export function isInteger(a: Rat): boolean {
  return a.bn === null ? a.d === 1 : a.bd === 1n;
}

export function minOf(...xs: Rat[]): Rat {
  if (xs.length === 0) throw new RangeError("minOf needs at least one value");
  let m = xs[0]!;
  for (let i = 1; i < xs.length; i++) if (cmp(xs[i]!, m) < 0) m = xs[i]!;
  return m;
}

export function maxOf(...xs: Rat[]): Rat {
  if (xs.length === 0) throw new RangeError("maxOf needs at least one value");
  let m = xs[0]!;
  for (let i = 1; i < xs.length; i++) if (cmp(xs[i]!, m) > 0) m = xs[i]!;
  return m;
}

export * from "./rounding.js";
export * from "./rational-text.js";
