// A fast, exact reader for the lines of a .jsonl case stream. V8's JSON.parse
// is several times faster than lossless-json but turns numbers into binary
// floats, so numbers are first rewritten into marked strings and turned into
// LosslessNumbers (their exact text) afterwards. Anything unusual — an escape
// in a string, nesting deeper than 64, a duplicate key, a syntax error — goes
// to parseCaseText, the one reader of case files (runtime/case.ts), so the
// result and every error message are exactly those of `polis run CASE.json`.

import { LosslessNumber } from "lossless-json";
import { parseCaseText } from "../runtime/case.js";

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
/** A string the rewritten text can hold but a case cannot: U+0000 needs an escape, and escapes take the slow path. */
const MARK = "\u0000";
const MAX_FAST_DEPTH = 64;

export function parseCaseLine(text: string, line: number): unknown {
  // An escape, or `__proto__` (JSON.parse makes it an own key; assigning it back would set a prototype).
  if (text.indexOf("\\") >= 0 || text.indexOf("__proto__") >= 0) return parseCaseText(text, line);
  // A number outside a string starts the text or follows `:`, `[` or `,` (a false alarm only costs the rewrite).
  const source = NUMBER_HINT.test(text) ? markNumbers(text) : text;
  if (source === undefined) return parseCaseText(text, line);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return parseCaseText(text, line);
  }
  const keys = text.match(KEY_END)?.length ?? 0;
  // The common case, a flat object without numbers: nothing to restore, the keys counted at once.
  if (source === text && value !== null && typeof value === "object" && !Array.isArray(value) && text.indexOf("{", text.indexOf("{") + 1) < 0 && text.indexOf("[") < 0) {
    return Object.keys(value).length === keys ? value : parseCaseText(text, line);
  }
  const counter = { pairs: 0 };
  const result = restore(value, counter, 0);
  // Every key is a string followed by `:`; with escapes ruled out, a string
  // followed by `:` is a key or opens a value. Fewer keys parsed than that:
  // a key occurred twice (JSON.parse keeps the last) — or a value string opens
  // with `:`; either way the slow path decides. Too deep: the same.
  if (result === TOO_DEEP || counter.pairs !== keys) return parseCaseText(text, line);
  return result;
}

const NUMBER_HINT = /(?:^|[:[,])\s*-?[0-9]/;
const KEY_END = /"\s*:/g;
const TOO_DEEP = Symbol("too deep");

/** Every number token outside strings becomes the string MARK + its text; undefined if a token is not a JSON number. */
function markNumbers(text: string): string | undefined {
  let out = "";
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) return undefined;
      const end = i + m[0].length;
      const next = text.charCodeAt(end);
      if ((next >= 0x30 && next <= 0x39) || next === 0x2e || next === 0x65 || next === 0x45 || next === 0x2d || next === 0x2b) return undefined;
      out += `${text.slice(from, i)}"\\u0000${m[0]}"`;
      from = end;
      i = end - 1;
    }
  }
  return out + text.slice(from);
}

function restore(v: unknown, counter: { pairs: number }, depth: number): unknown {
  if (typeof v === "string") return v.charCodeAt(0) === 0 && v.startsWith(MARK) ? new LosslessNumber(v.slice(1)) : v;
  if (v === null || typeof v !== "object") return v;
  if (depth >= MAX_FAST_DEPTH) return TOO_DEEP;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = restore(v[i], counter, depth + 1);
      if (x === TOO_DEEP) return x;
      v[i] = x;
    }
    return v;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) {
    counter.pairs++;
    const x = restore(o[k], counter, depth + 1);
    if (x === TOO_DEEP) return x;
    o[k] = x;
  }
  return o;
}
