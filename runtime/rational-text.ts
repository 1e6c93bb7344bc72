// Decimal text out of exact rationals: the output formats of LANGUAGE.md §10
// and Dutch notation. Split from rational.ts (which re-exports everything here).

import { MAX, Rat, isInteger, pow10 } from "./rational.js";
import { checkDecimals, roundQuotN, scaledInt } from "./rounding.js";

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
