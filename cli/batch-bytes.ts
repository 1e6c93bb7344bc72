// The fastest path of a .jsonl batch (issue 15 §4): a case decoder generated
// per policy that reads a line's UTF-8 bytes straight into the runtime values
// decodeCase would give — no string for the line, no JSON value in between.
//
// It takes only the usual line: `{`, the input fields in declaration order
// (an optional one may be left out), each `"name": value`, `}`, JSON
// whitespace between tokens. Values:
// - datum: `"yyyy-mm-dd"`, a date that exists (parseIsoDate's rule);
// - bedrag, getal, aantal, percentage: `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, bare
//   or in quotes, at most 15 digits (exact in a double), then readBedrag's
//   whole-cents and readAantal's whole-and-not-negative tests;
// - soort: one of its values, in quotes; janee: true or false; tekst: a
//   string without escapes or control characters;
// - an optional input: also null (not given);
// and every beperking holds (case-decode.ts `outside`). For such a line the
// general path (parseCaseLine + decodeCase) gives exactly these values: the
// same Rat (normalized, so the same fields), the same day number, the same
// string. Any other line — a field missing, extra, doubled or out of order,
// an escape, an exponent, an impossible date, a value outside its beperking,
// trailing text — returns undefined and takes the general path, which
// decides it or reports the very error it always did. A policy with an input
// of another type (duur, periode, record, lijst) gets no decoder at all.
//
// Bounds: the line is bytes[start, end); the byte at `end` is "\n", "\r" or
// past the array, and every token test fails on those, so no test reads on
// into the next line. The only policy text in the generated code is field
// names as JSON string literals (runtime/case-compile.ts does the same);
// keys and soort values are compared as bytes passed in.

import { dayFromYmd } from "../runtime/calendar.js";
import { div, pow10, ratFrac, ratInt } from "../runtime/rational.js";
import { outside } from "../runtime/case-decode.js";
import type { FieldDesc } from "../runtime/types.js";
import { utf8Bytes } from "./batch-out.js";

/** The runtime values of the line bytes[start, end), or undefined: take the general path. */
export type ByteReader = (bytes: Uint8Array, start: number, end: number) => Record<string, unknown> | undefined;

const MAX_FIELDS = 64;
const SCALAR = new Set(["datum", "bedrag", "getal", "aantal", "percentage", "soort", "janee", "tekst"]);
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The first position from p that is not JSON whitespace, at most e. */
function skip(b: Uint8Array, p: number, e: number): number {
  while (p < e) {
    const c = b[p]!;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return p;
    p++;
  }
  return p;
}

/** Do the bytes at p equal `want`? */
function match(b: Uint8Array, p: number, want: Uint8Array): boolean {
  const n = want.length;
  for (let i = 0; i < n; i++) if (b[p + i] !== want[i]) return false;
  return true;
}

/** The index of the soort value whose quoted bytes start at p, or -1. */
function soortAt(b: Uint8Array, p: number, values: readonly Uint8Array[]): number {
  for (let j = 0; j < values.length; j++) if (match(b, p, values[j]!)) return j;
  return -1;
}

/** Two decimal digits at p, or -1. */
function digits2(b: Uint8Array, p: number): number {
  const x = b[p]!;
  const y = b[p + 1]!;
  return x >= 0x30 && x <= 0x39 && y >= 0x30 && y <= 0x39 ? (x - 0x30) * 10 + (y - 0x30) : -1;
}

/** A date `"yyyy-mm-dd"` at p (the quote), as parseIsoDate reads it; null if not. */
function dateAt(b: Uint8Array, p: number): number | null {
  if (b[p] !== 0x22 || b[p + 5] !== 0x2d || b[p + 8] !== 0x2d || b[p + 11] !== 0x22) return null;
  const c = digits2(b, p + 1);
  const y = digits2(b, p + 3);
  const m = digits2(b, p + 6);
  const d = digits2(b, p + 9);
  if ((c | y | m | d) < 0) return null;
  return dayFromYmd(c * 100 + y, m, d);
}

/** The end (after the closing quote) of a string starting at p (the quote) without escapes or control characters; -1 if not; -2 - end if it holds non-ASCII bytes. */
function textEnd(b: Uint8Array, p: number, e: number): number {
  let ascii = true;
  for (let i = p + 1; i < e; i++) {
    const c = b[i]!;
    if (c === 0x22) return ascii ? i + 1 : -2 - (i + 1);
    if (c === 0x5c || c < 0x20) return -1;
    if (c >= 0x80) ascii = false;
  }
  return -1;
}

/** The string of bytes[from, to), which is valid UTF-8 (the batch was checked). */
function text(b: Uint8Array, from: number, to: number, ascii: boolean): string {
  return ascii ? Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1", from, to) : utf8.decode(b.subarray(from, to));
}

const HUNDRED = ratInt(100);

/** What generated readers call. */
const H = { skip, match, soortAt, dateAt, textEnd, text, outside, div, pow10, ratFrac, HUNDRED };

/**
 * A number at p, bare or quoted: sets n (digits as a safe integer), k (digits
 * after the point), neg; p after it. Fails (return undefined) on anything
 * else, or above 15 digits.
 */
function numberCode(v: string): string {
  return `q = b[p] === 34; if (q) p++;
neg = b[p] === 45; if (neg) p++;
s = p; n = 0; k = 0; c = b[p];
if (c === 48) { p++; c = b[p]; }
else if (c >= 49 && c <= 57) { do { n = n * 10 + (c - 48); c = b[++p]; } while (c >= 48 && c <= 57); }
else return undefined;
if (c === 46) { c = b[++p]; if (!(c >= 48 && c <= 57)) return undefined; do { n = n * 10 + (c - 48); k++; c = b[++p]; } while (c >= 48 && c <= 57); }
if (p - s - (k > 0 ? 1 : 0) > 15) return undefined;
if (q) { if (c !== 34) return undefined; p++; }
${v} = H.ratFrac(neg ? -n : n, H.pow10(k));`;
}

/** The code that reads field i's value at p into v{i} (or returns undefined). */
function valueCode(f: FieldDesc, i: number, soorten: Uint8Array[][]): string {
  const v = `v${i}`;
  let code: string;
  switch (f.type.k) {
    case "datum":
      code = `${v} = H.dateAt(b, p); if (${v} === null) return undefined; p += 12;`;
      break;
    case "bedrag":
      code = `${numberCode(v)}\nif (${v}.bn !== null || 100 % ${v}.d !== 0) return undefined;`;
      break;
    case "getal":
      code = numberCode(v);
      break;
    case "aantal":
      code = `${numberCode(v)}\nif (${v}.bn !== null || ${v}.d !== 1 || ${v}.n < 0) return undefined;`;
      break;
    case "percentage":
      code = `${numberCode(v)}\n${v} = H.div(${v}, H.HUNDRED);`;
      break;
    case "soort":
      soorten[i] = f.type.values.map((x) => utf8Bytes(JSON.stringify(x)));
      code = `c = H.soortAt(b, p, V[${i}]); if (c < 0) return undefined; ${v} = T[${i}][c]; p += V[${i}][c].length;`;
      break;
    case "janee":
      code = `if (b[p] === 116 && b[p + 1] === 114 && b[p + 2] === 117 && b[p + 3] === 101) { ${v} = true; p += 4; }
else if (b[p] === 102 && b[p + 1] === 97 && b[p + 2] === 108 && b[p + 3] === 115 && b[p + 4] === 101) { ${v} = false; p += 5; }
else return undefined;`;
      break;
    case "tekst":
      code = `if (b[p] !== 34) return undefined; q = H.textEnd(b, p, e); if (q === -1) return undefined;
if (q >= 0) { ${v} = H.text(b, p + 1, q - 1, true); p = q; } else { q = -2 - q; ${v} = H.text(b, p + 1, q - 1, false); p = q; }`;
      break;
    default:
      throw new Error(`no byte reader for ${f.type.k}`);
  }
  if (f.restriction !== undefined) code += `\nif (H.outside(${v}, F[${i}].restriction, F[${i}].type)) return undefined;`;
  if (f.optional === true) {
    // null: not given (decodeField: undefined).
    code = `if (b[p] === 110 && b[p + 1] === 117 && b[p + 2] === 108 && b[p + 3] === 108) { ${v} = undefined; p += 4; }\nelse {\n${code}\n}`;
  }
  return code;
}

/**
 * Field i: `,` (when a field came before), the key, `:`, the value, each after
 * optional whitespace. An optional input may be missing (v{i} stays
 * undefined, as decodeField leaves it); a required one may not.
 */
function fieldCode(f: FieldDesc, i: number, soorten: Uint8Array[][]): string {
  const missing = f.optional === true ? `v${i} = undefined;` : "return undefined;";
  return `q = any ? (b[p] === 44 ? H.skip(b, p + 1, e) : -1) : p;
if (q >= 0 && H.match(b, q, K[${i}])) {
p = H.skip(b, q + K[${i}].length, e);
if (b[p] !== 58) return undefined;
p = H.skip(b, p + 1, e);
${valueCode(f, i, soorten)}
p = H.skip(b, p, e);
any = true;
} else { ${missing} }`;
}

/** A byte decoder for cases of these input fields, or null (a type it does not read, or code generation not possible). */
export function compileByteReader(fields: readonly FieldDesc[]): ByteReader | null {
  if (fields.length === 0 || fields.length > MAX_FIELDS) return null;
  if (fields.some((f) => f.name === "__proto__" || !SCALAR.has(f.type.k))) return null;
  const soorten: Uint8Array[][] = [];
  const body = fields.map((f, i) => fieldCode(f, i, soorten)).join("\n");
  const literal = fields.map((f, i) => `${JSON.stringify(f.name)}: v${i}`).join(", ");
  const source = `"use strict";
return function readBytes(b, p, e) {
let c, q, s, n, k, neg, any = false, ${fields.map((_, i) => `v${i}`).join(", ")};
p = H.skip(b, p, e);
if (b[p] !== 123) return undefined;
p = H.skip(b, p + 1, e);
${body}
if (b[p] !== 125) return undefined;
if (H.skip(b, p + 1, e) !== e) return undefined;
return { ${literal} };
};`;
  const keys = fields.map((f) => utf8Bytes(JSON.stringify(f.name)));
  const values = fields.map((f) => (f.type.k === "soort" ? f.type.values : []));
  try {
    return new Function("H", "F", "K", "V", "T", source)(H, fields, keys, soorten, values) as ByteReader;
  } catch {
    return null;
  }
}
