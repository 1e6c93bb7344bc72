// Case files, step 3 (LANGUAGE.md §10): outputs as JSON values.
// In: runtime values and the output FieldDescs. Out: plain JSON values in the
// case-file encoding, in declaration order. Guarantees: exact at every size
// (an `aantal` beyond 2^53 - 1 is a decimal string, see encodeValue).

import { runtimeError } from "./messages.js";
import { formatDecimal, formatFixed, mul, ratInt, toBigInt, type Rat } from "./rational.js";
import { formatIsoDate, type Day, type Duration, type Period } from "./calendar.js";
import type { FieldDesc, TypeDesc } from "./types.js";
import { COMPILE_AFTER, compileEncoder, hasOwn, keysInFieldOrder, type FastEncoder } from "./case-compile.js";

/** Outputs as JSON values (LANGUAGE.md §10), in declaration order. */
export function encodeOutputs(values: Record<string, unknown>, fields: readonly FieldDesc[]): Record<string, unknown> {
  if (keysInFieldOrder(values, fields)) {
    // The usual case (the values a decision returns): every field is an own property.
    const fast = fastEncoder(fields);
    if (fast !== null) return fast(values);
    const out: Record<string, unknown> = {};
    for (const f of fields) out[f.name] = encodeField(values[f.name], f.type);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const name = f.name;
    if (!hasOwn.call(values, name)) {
      throw runtimeError("P0809", { detail: `uitvoer \`${name}\` heeft geen waarde` });
    }
    out[name] = encodeField(values[name], f.type);
  }
  return out;
}

const FAST_ENCODERS = new WeakMap<readonly FieldDesc[], FastEncoder | null | number>();
let lastEncoderFields: readonly FieldDesc[] | undefined;
let lastEncoder: FastEncoder | null = null;

function fastEncoder(fields: readonly FieldDesc[]): FastEncoder | null {
  if (fields === lastEncoderFields) return lastEncoder;
  const entry = FAST_ENCODERS.get(fields);
  let encoder: FastEncoder | null;
  if (entry === undefined || typeof entry === "number") {
    const uses = (entry ?? 0) + 1;
    if (uses < COMPILE_AFTER) {
      FAST_ENCODERS.set(fields, uses);
      return null;
    }
    encoder = compileEncoder(fields, ENCODER_HELPERS);
    FAST_ENCODERS.set(fields, encoder);
  } else {
    encoder = entry;
  }
  lastEncoderFields = fields;
  lastEncoder = encoder;
  return encoder;
}

const ENCODER_HELPERS = { formatFixed, encodeValue };

/** encodeValue, with the common bedrag output first. */
function encodeField(v: unknown, t: TypeDesc): unknown {
  return t.k === "bedrag" ? formatFixed(v as Rat, 2) : encodeValue(v, t);
}

export function encodeValue(v: unknown, t: TypeDesc): unknown {
  switch (t.k) {
    case "bedrag":
      // LANGUAGE.md §5: a bedrag output is rounded to cents, half away from
      // zero — which formatFixed does itself.
      return formatFixed(v as Rat, 2);
    case "getal":
      return formatDecimal(v as Rat);
    case "aantal":
      return encodeWhole(v as Rat);
    case "percentage":
      return formatDecimal(mul(v as Rat, ratInt(100)));
    case "datum":
      return formatIsoDate(v as Day);
    case "duur": {
      const d = v as Duration;
      return { [d.unit]: d.n };
    }
    case "periode": {
      const p = v as Period;
      if (p.end <= p.start) return null;
      return { van: formatIsoDate(p.start), tot_en_met: formatIsoDate(p.end - 1) };
    }
    case "janee":
    case "tekst":
    case "soort":
      return v;
    case "record":
      return t.fields.some((f) => f.optional) ? encodeRecordWithOptional(v as Record<string, unknown>, t.fields) : encodeOutputs(v as Record<string, unknown>, t.fields);
    case "lijst":
      return (v as readonly unknown[]).map((e) => encodeValue(e, t.elem));
  }
}

/**
 * An `aantal` output: a JSON number while it is a safe integer (at most
 * 2^53 - 1, so every JSON reader gets it exactly), above that its decimal
 * text as a string, which the case reader reads back exactly (issue 12).
 */
function encodeWhole(x: Rat): number | string {
  if (x.bn === null) return x.n === 0 ? 0 : x.n;
  const b = toBigInt(x);
  return b <= MAX_SAFE && b >= -MAX_SAFE ? Number(b) : b.toString();
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A record with optional fields (issue 19): a field that was not given is left out. */
function encodeRecordWithOptional(values: Record<string, unknown>, fields: readonly FieldDesc[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (v === undefined && f.optional) continue;
    out[f.name] = encodeField(v, f.type);
  }
  return out;
}
