// Exact rational numbers: every Polis number (bedrag, getal, aantal, percentage
// as a fraction: 25% is 1/4) is a `Rat` (LANGUAGE.md §3: binary floating point
// never carries a non-integer value).
// In: JS integers, bigints and JSON-style decimal text. Out: immutable, always
// normalized rationals (den > 0, gcd(num, den) = 1), so equality is structural,
// plus rounding (§6) and the output formats of §10.
// Guarantees: results are exact. A fast path keeps numerator and denominator as
// safe-integer Numbers; a float is only trusted where the exact integer result
// is provably below 2**53, anything else is redone in BigInt and brought back
// to the Number form as soon as it fits again.

const MAX = Number.MAX_SAFE_INTEGER;

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
function fromBig(n: bigint, d: bigint): Rat {
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
function fromSafe(n: number, d: number): Rat {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  if (n === 0) return Rat.ZERO;
  if (d === 1) return small(n, 1);
  const g = gcdN(n, d);
  return g === 1 ? small(n, d) : small(n / g, d / g);
}

function bigNum(a: Rat): bigint {
  return a.bn === null ? BigInt(a.n) : a.bn;
}
function bigDen(a: Rat): bigint {
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
const POW10_SMALL: readonly number[] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];
const POW10: number[] = [];
for (let i = 0, p = 1; i <= 15; i++, p *= 10) POW10.push(p);

/** 10^k, 0 <= k <= 15. */
function pow10(k: number): number {
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

// ---------------------------------------------------------------- rounding

export type RoundingMode = "half-away" | "floor" | "ceil";

/** Rounds the integer quotient m / d (d > 0) of safe integers. */
function roundQuotN(m: number, d: number, mode: RoundingMode): number {
  const r = m % d; // exact; sign of m
  let q = (m - r) / d; // exact: m - r is a multiple of d
  if (r !== 0) {
    if (mode === "floor") {
      if (r < 0) q -= 1;
    } else if (mode === "ceil") {
      if (r > 0) q += 1;
    } else if (2 * Math.abs(r) >= d) {
      q += r < 0 ? -1 : 1;
    }
  }
  return q + 0;
}

function roundQuotB(m: bigint, d: bigint, mode: RoundingMode): bigint {
  const r = m % d;
  let q = m / d; // truncates toward zero
  if (r !== 0n) {
    if (mode === "floor") {
      if (r < 0n) q -= 1n;
    } else if (mode === "ceil") {
      if (r > 0n) q += 1n;
    } else if (2n * (r < 0n ? -r : r) >= d) {
      q += r < 0n ? -1n : 1n;
    }
  }
  return q;
}

function checkDecimals(decimals: number): void {
  if (!Number.isSafeInteger(decimals) || decimals < 0) {
    throw new RangeError(`decimals must be a whole number >= 0, got ${decimals}`);
  }
}

/**
 * The integer round(x * 10^k) in `mode`, as a Number when it (and the work)
 * fits, else a bigint.
 */
function scaledInt(x: Rat, k: number, mode: RoundingMode): number | bigint {
  if (x.bn === null && k <= 15) {
    const m = x.n * pow10(k);
    if (m <= MAX && m >= -MAX) return x.d === 1 ? m : roundQuotN(m, x.d, mode);
  }
  return roundQuotB(bigNum(x) * 10n ** BigInt(k), bigDen(x), mode);
}

/**
 * LANGUAGE.md §6: round to `decimals` places; half-away rounds ties away from
 * zero (27.5 → 28, -27.5 → -28), floor toward −∞, ceil toward +∞.
 */
export function round(x: Rat, decimals: number, mode: RoundingMode): Rat {
  // Kept small for inlining: small-form values and up to 9 decimals here.
  if (x.bn === null && decimals >= 0 && decimals <= 9 && (decimals | 0) === decimals) {
    const d = x.d;
    if (d === 1) return x;
    const s = POW10_SMALL[decimals]!;
    if (s % d === 0) return x; // already has at most `decimals` places
    const m = x.n * s;
    if (m <= MAX && m >= -MAX) return fromSafe(roundQuotN(m, d, mode), s);
  }
  return roundGeneral(x, decimals, mode);
}

function roundGeneral(x: Rat, decimals: number, mode: RoundingMode): Rat {
  checkDecimals(decimals);
  if (x.bn === null) {
    if (x.d === 1) return x;
    if (decimals <= 15) {
      const s = pow10(decimals);
      if (s % x.d === 0) return x; // already has at most `decimals` places
      const m = x.n * s;
      if (m <= MAX && m >= -MAX) return fromSafe(roundQuotN(m, x.d, mode), s);
    }
  } else if (x.bd === 1n) {
    return x;
  }
  const s = 10n ** BigInt(decimals);
  return fromBig(roundQuotB(bigNum(x) * s, bigDen(x), mode), s);
}

// ---------------------------------------------------------------- conversion

/** The value as a JS integer; RangeError when it is not a (safe) integer. */
export function toInteger(x: Rat): number {
  if (x.bn === null && x.d === 1) return x.n;
  if (!isInteger(x)) throw new RangeError(`${x.toString()} is not an integer`);
  throw new RangeError(`${x.toString()} is too large for a safe integer`);
}

/** The value as a bigint; RangeError when it is not an integer. */
export function toBigInt(x: Rat): bigint {
  if (!isInteger(x)) throw new RangeError(`${x.toString()} is not an integer`);
  return bigNum(x);
}

// ---------------------------------------------------------------- formatting

/**
 * The number of decimals of x's exact decimal form, or -1 when it has none
 * (the denominator has a prime factor other than 2 and 5).
 */
function exactDecimals(x: Rat): number {
  let twos = 0;
  let fives = 0;
  if (x.bn === null) {
    let d = x.d;
    while (d % 2 === 0) {
      d /= 2;
      twos++;
    }
    while (d % 5 === 0) {
      d /= 5;
      fives++;
    }
    if (d !== 1) return -1;
  } else {
    let d = x.bd!;
    while (d % 2n === 0n) {
      d /= 2n;
      twos++;
    }
    while (d % 5n === 0n) {
      d /= 5n;
      fives++;
    }
    if (d !== 1n) return -1;
  }
  return Math.max(twos, fives);
}

/** Sign and digits of round-half-away(x * 10^k), padded to at least k+1 digits. */
function scaledDigits(x: Rat, k: number): { negative: boolean; digits: string } {
  const q = scaledInt(x, k, "half-away");
  const negative = q < 0;
  let digits = (negative ? -q : q).toString();
  if (digits.length <= k) digits = "0".repeat(k + 1 - digits.length) + digits;
  return { negative: negative, digits };
}

function splitDigits(digits: string, k: number): [string, string] {
  return [digits.slice(0, digits.length - k), digits.slice(digits.length - k)];
}

function stripZeros(frac: string): string {
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
  return frac.slice(0, end);
}

/**
 * The `getal` output of §10: the exact decimal without trailing zeros ("27.76",
 * "30", "-0.5", "0"); a value without a finite decimal form is rounded half
 * away from zero to 10 decimals first.
 */
export function formatDecimal(x: Rat): string {
  if (isInteger(x)) return x.bn === null ? String(x.n) : x.bn.toString();
  const exact = exactDecimals(x);
  const k = exact < 0 ? 10 : exact;
  const { negative, digits } = scaledDigits(x, k);
  const [int, frac0] = splitDigits(digits, k);
  const frac = stripZeros(frac0);
  const body = frac === "" ? int : `${int}.${frac}`;
  return negative ? `-${body}` : body;
}

/** ".00" … ".99". */
const CENTS: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `.0${i}` : `.${i}`));

/** Half away from zero to exactly `decimals` places: "18.00", "-5.00", "0.00" (never "-0.00"). */
export function formatFixed(x: Rat, decimals: number): string {
  // Kept small (so that callers can inline it): the bedrag case, cents of a
  // small-form value, here; everything else in formatFixedGeneral.
  if (decimals === 2 && x.bn === null) {
    const m = x.n * 100;
    if (m <= MAX && m >= -MAX) {
      const d = x.d;
      // The integer round-half-away(x * 100).
      const q = d === 1 ? m + 0 : d === 100 ? x.n : roundQuotN(m, d, "half-away");
      const negative = q < 0;
      const a = negative ? -q : q;
      const cents = a % 100;
      const euros = (a - cents) / 100;
      return negative ? `-${euros}${CENTS[cents]!}` : `${euros}${CENTS[cents]!}`;
    }
  }
  return formatFixedGeneral(x, decimals);
}

function formatFixedGeneral(x: Rat, decimals: number): string {
  checkDecimals(decimals);
  if (x.bn === null && decimals <= 15) {
    const p = pow10(decimals);
    const m = x.n * p;
    if (m <= MAX && m >= -MAX) {
      const q = x.d === 1 ? m + 0 : roundQuotN(m, x.d, "half-away");
      if (decimals === 0) return `${q}`;
      const negative = q < 0;
      const a = negative ? -q : q;
      const frac = a % p;
      const int = (a - frac) / p;
      let fracText = `${frac}`;
      if (fracText.length < decimals) fracText = "0".repeat(decimals - fracText.length) + fracText;
      return `${negative ? "-" : ""}${int}.${fracText}`;
    }
  }
  const { negative, digits } = scaledDigits(x, decimals);
  if (decimals === 0) return negative ? `-${digits}` : digits;
  const [int, frac] = splitDigits(digits, decimals);
  return `${negative ? "-" : ""}${int}.${frac}`;
}

/**
 * Dutch notation for explanations and messages: thousands dots, decimal comma,
 * no trailing zeros, at most `maxDecimals` places (rounded half away from
 * zero): "1.200", "12.500,5", "-2,5", "0,125".
 */
export function formatDutch(x: Rat, maxDecimals = 10): string {
  checkDecimals(maxDecimals);
  const exact = exactDecimals(x);
  const k = exact < 0 ? maxDecimals : Math.min(exact, maxDecimals);
  const { negative, digits } = scaledDigits(x, k);
  const [int, frac0] = splitDigits(digits, k);
  const frac = stripZeros(frac0);
  let grouped = "";
  for (let end = int.length; end > 0; end -= 3) {
    const part = int.slice(Math.max(0, end - 3), end);
    grouped = grouped === "" ? part : `${part}.${grouped}`;
  }
  const body = frac === "" ? grouped : `${grouped},${frac}`;
  return negative ? `-${body}` : body;
}
