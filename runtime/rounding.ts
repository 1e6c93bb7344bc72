// Rounding of exact rationals (LANGUAGE.md §6) and conversion to JS integers.
// Split from rational.ts (which re-exports everything here).

import { MAX, POW10_SMALL, Rat, bigDen, bigNum, fromBig, fromSafe, isInteger, pow10 } from "./rational.js";

// ---------------------------------------------------------------- rounding

export type RoundingMode = "half-away" | "floor" | "ceil";

/** Rounds the integer quotient m / d (d > 0) of safe integers. */
/** @internal shared with rational-text.ts */
export function roundQuotN(m: number, d: number, mode: RoundingMode): number {
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

/** @internal shared with rational-text.ts */
export function checkDecimals(decimals: number): void {
  if (!Number.isSafeInteger(decimals) || decimals < 0) {
    throw new RangeError(`decimals must be a whole number >= 0, got ${decimals}`);
  }
}

/**
 * The integer round(x * 10^k) in `mode`, as a Number when it (and the work)
 * fits, else a bigint.
 */
/** @internal shared with rational-text.ts */
export function scaledInt(x: Rat, k: number, mode: RoundingMode): number | bigint {
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
