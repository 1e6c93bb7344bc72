// The fast path of a .jsonl batch, generated per policy (issue 15 §4): a
// reader for a line that is the usual flat case object — the policy's input
// fields, in declaration order, each a string without escapes, a plain JSON
// number, true, false or null — and a writer for the outputs.
//
// The reader builds exactly the value parseCaseLine (fast-json.ts) builds for
// such a line: an object with the fields in order, strings as strings,
// numbers as LosslessNumbers of their exact text. The value then goes the
// general way (decodeCase: validation, beperkingen, every error message), so
// a line the reader accepts is decided byte for byte as before. Any other
// line — a key missing, extra or out of order, an escape, a control
// character, an exponent, a nested value, trailing text — makes the reader
// return undefined and the line takes the general path (parseCaseLine).
//
// The writer writes exactly JSON.stringify(encodeOutputs(values, fields)) and
// "\n", as UTF-8: the key texts are JSON.stringify'd once, a bedrag is
// formatFixed(v, 2) (digits, "-" and "." only: nothing to escape), any other
// output is JSON.stringify(encodeValue(v, type)); it writes nothing and
// returns false when that could differ (keys not in field order, a value
// JSON.stringify leaves out). Every value is computed before the first byte
// is written, so an error leaves nothing half written.
//
// Exactness of the generated code: the only policy text put into it is each
// field name as a JSON string literal, as in runtime/case-compile.ts.

import { LosslessNumber } from "lossless-json";
import { formatFixed } from "../runtime/rational.js";
import { encodeValue } from "../runtime/case-encode.js";
import { keysInFieldOrder } from "../runtime/case-compile.js";
import { utf8Bytes, type ByteSink } from "./batch-out.js";
import type { FieldDesc } from "../runtime/types.js";

/** The case object of the line text[start, end), or undefined: take the general path. */
export type LineReader = (text: string, start: number, end: number) => Record<string, unknown> | undefined;
/** Writes the output line (with its "\n") and returns true, or writes nothing and returns false: take the general path. */
export type LineWriter = (values: Record<string, unknown>, out: ByteSink) => boolean;

/** Fields beyond this many take the general path (the generated code grows with them). */
const MAX_FIELDS = 64;

function compilable(fields: readonly FieldDesc[]): boolean {
  return fields.length > 0 && fields.length <= MAX_FIELDS && !fields.some((f) => f.name === "__proto__");
}

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The first position from p that is not JSON whitespace (a line holds no "\n"). */
function skip(t: string, p: number, e: number): number {
  while (p < e) {
    const c = t.charCodeAt(p);
    if (c !== SPACE && c !== TAB && c !== CR) return p;
    p++;
  }
  return p;
}

/** The position of the closing quote of a string whose text starts at p; -1 for an escape, a control character or no end. */
function stringEnd(t: string, p: number, e: number): number {
  for (; p < e; p++) {
    const c = t.charCodeAt(p);
    if (c === QUOTE) return p;
    if (c === BACKSLASH || c < SPACE) return -1;
  }
  return -1;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The end of a JSON number without exponent, `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, at p; -1 otherwise (then the general path decides). */
function numberEnd(t: string, p: number, e: number): number {
  if (p < e && t.charCodeAt(p) === 0x2d) p++;
  if (p >= e || !isDigit(t.charCodeAt(p))) return -1;
  if (t.charCodeAt(p) === 0x30) p++;
  else while (p < e && isDigit(t.charCodeAt(p))) p++;
  if (p < e && t.charCodeAt(p) === 0x2e) {
    p++;
    const digits = p;
    while (p < e && isDigit(t.charCodeAt(p))) p++;
    if (p === digits) return -1;
  }
  // What follows must end the token: whitespace, "," or "}" (anything else, e.g. an exponent or "01": the general path).
  if (p < e) {
    const c = t.charCodeAt(p);
    if (c !== SPACE && c !== TAB && c !== CR && c !== 0x2c && c !== 0x7d) return -1;
  }
  return p;
}

/** What generated readers call. */
const READER_HELPERS = { skip, stringEnd, numberEnd, LosslessNumber };

/**
 * One field of a generated reader: the key (text K[i], `"name"`), the colon,
 * the value into v{i}, then "," or (last field) "}". p is the position.
 */
function readField(i: number, last: boolean): string {
  return `p = H.skip(t, p, e);
if (!t.startsWith(K[${i}], p)) return undefined;
p = H.skip(t, p + K[${i}].length, e);
if (t.charCodeAt(p) !== 58) return undefined;
p = H.skip(t, p + 1, e);
c = t.charCodeAt(p);
if (c === 34) { q = H.stringEnd(t, p + 1, e); if (q < 0) return undefined; v${i} = t.slice(p + 1, q); p = q + 1; }
else if (c === 45 || (c >= 48 && c <= 57)) { q = H.numberEnd(t, p, e); if (q < 0) return undefined; v${i} = new H.LosslessNumber(t.slice(p, q)); p = q; }
else if (c === 116 && t.startsWith("true", p)) { v${i} = true; p += 4; }
else if (c === 102 && t.startsWith("false", p)) { v${i} = false; p += 5; }
else if (c === 110 && t.startsWith("null", p)) { v${i} = null; p += 4; }
else return undefined;
p = H.skip(t, p, e);
if (t.charCodeAt(p) !== ${last ? 125 : 44}) return undefined;
p++;`;
}

/** A reader for cases of these input fields, or null where it cannot be generated. */
export function compileLineReader(fields: readonly FieldDesc[]): LineReader | null {
  if (!compilable(fields)) return null;
  const n = fields.length;
  const vars = fields.map((_, i) => `v${i}`).join(", ");
  const body = fields.map((_, i) => readField(i, i === n - 1)).join("\n");
  const literal = fields.map((f, i) => `${JSON.stringify(f.name)}: v${i}`).join(", ");
  const source = `"use strict";
return function readLine(t, p, e) {
let c, q, ${vars};
p = H.skip(t, p, e);
if (t.charCodeAt(p) !== 123) return undefined;
p++;
${body}
if (H.skip(t, p, e) !== e) return undefined;
return { ${literal} };
};`;
  try {
    const keys = fields.map((f) => JSON.stringify(f.name));
    return new Function("H", "K", source)(READER_HELPERS, keys) as LineReader;
  } catch {
    return null;
  }
}

/** A writer for outputs of these fields, or null where it cannot be generated. */
export function compileLineWriter(fields: readonly FieldDesc[]): LineWriter | null {
  if (!compilable(fields)) return null;
  // P[i]: the constant text before value i (`{"name":` or `,"name":`, with the
  // opening quote of a bedrag); P[n]: what ends the line.
  const pieces: string[] = [];
  const values: string[] = [];
  const writes: string[] = [];
  fields.forEach((f, i) => {
    const key = JSON.stringify(f.name);
    // The closing quote of the bedrag before, the key, the opening quote of a bedrag.
    const close = i > 0 && fields[i - 1]!.type.k === "bedrag" ? '"' : "";
    const head = close + (i === 0 ? "{" : ",") + key + ":";
    if (f.type.k === "bedrag") {
      pieces.push(head + '"');
      values.push(`const s${i} = H.formatFixed(v[${key}], 2);`);
    } else {
      pieces.push(head);
      values.push(`const s${i} = JSON.stringify(H.encodeValue(v[${key}], F[${i}].type)); if (s${i} === undefined) return false;`);
    }
    writes.push(`o.bytes(P[${i}]); o.text(s${i});`);
  });
  const last = fields[fields.length - 1]!;
  pieces.push((last.type.k === "bedrag" ? '"' : "") + "}\n");
  const source = `"use strict";
return function writeLine(v, o) {
if (!H.keysInFieldOrder(v, F)) return false;
${values.join("\n")}
${writes.join("\n")}
o.bytes(P[${fields.length}]);
return true;
};`;
  try {
    return new Function("H", "F", "P", source)(WRITER_HELPERS, fields, pieces.map(utf8Bytes)) as LineWriter;
  } catch {
    return null;
  }
}

const WRITER_HELPERS = { formatFixed, encodeValue, keysInFieldOrder };
