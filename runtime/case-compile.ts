// Case files: decoders and encoders compiled per fields array, the fast path
// of case-decode.ts and case-encode.ts.
//
// For a fields array, a decoder written out field by field (straight-line
// code, property reads by constant name, the result built as one object
// literal) decodes a case whose keys are the fields in order markedly faster
// than the loop of decodeFields, whose shared branches and property accesses
// see every field in turn. It is generated once per fields array with
// `new Function`. Exactness: the only text put into the code is each field
// name as a JSON string literal (and constant indices); everything else is
// passed in. Each field is read once, in order; a value the decoder does not
// recognise as well-formed for its type (or any value of a type it does not
// handle itself) goes through decodeField, the general path, which decodes or
// throws the very error decodeFields would. Where code generation is not
// allowed (or a name could not be an object-literal key the ordinary way),
// decodeFields keeps its loop.

import { isNumberType, type FieldDesc } from "./types.js";
import { Rat } from "./rational.js";

export const hasOwn = Object.prototype.hasOwnProperty;

export type FastDecoder = (ctx: { readonly line: number | undefined }, obj: Record<string, unknown>, prefix: string) => Record<string, unknown> | undefined;
export type FastEncoder = (values: Record<string, unknown>) => Record<string, unknown>;

/**
 * A fields array is compiled on its COMPILE_AFTER-th use (until then: how
 * often it was used), so that arrays made for one decoding never are.
 */
export const COMPILE_AFTER = 8;

/**
 * True when the enumerable string keys of `obj` are exactly the field names,
 * in declaration order, all of them own properties — the usual case. Then
 * every own enumerable key is a field name and every field is an own
 * property, and a for-in over `obj` visits the fields in order.
 */
export function keysInFieldOrder(obj: Record<string, unknown>, fields: readonly FieldDesc[]): boolean {
  const n = fields.length;
  let i = 0;
  for (const key in obj) {
    if (i === n || key !== fields[i]!.name) return false;
    i++;
  }
  // for-in visits own keys before inherited ones: when the last is own, all are.
  return i === n && (n === 0 || hasOwn.call(obj, fields[n - 1]!.name));
}

/** Sets up to this size are tested value by value in compiled code, larger ones with a Set. */
const INLINE_SET_SIZE = 8;

/** Fields beyond this many keep the loop (the generated code grows with them). */
const MAX_COMPILED_FIELDS = 64;
/** A decoder for `fields`, or null where code generation is not possible. H: the helpers it calls (see DECODER_HELPERS in case-decode.ts). */
export function compileDecoder(fields: readonly FieldDesc[], H: object): FastDecoder | null {
  if (fields.length > MAX_COMPILED_FIELDS) return null;
  // `{"__proto__": v}` in a literal would set the prototype, not a field.
  if (fields.some((f) => f.name === "__proto__")) return null;
  const sets: (ReadonlySet<string> | undefined)[] = [];
  const consts: unknown[] = [];
  const wholes: ReadonlySet<number>[] = [];
  const lines: string[] = [];
  fields.forEach((f, i) => {
    const key = JSON.stringify(f.name);
    const v = `v${i}`;
    const general = `${v} = H.decodeField(ctx, raw, F[${i}], H.join(prefix, ${key}));`;
    const inRange = restrictionTest(f, i, v, consts, wholes);
    let test: string;
    switch (f.type.k) {
      case "datum":
        // readDate: a string of at most 100 characters that parseIsoDate takes.
        test = `typeof raw === "string" && raw.length === 10 && (${v} = H.parseIsoDate(raw)) !== null${inRange}`;
        break;
      case "bedrag":
        // readBedrag: decimal text, whole cents (small form: d divides 100).
        test = `typeof raw === "string" && raw.length <= 10000 && (${v} = H.parseDecimal(raw)) !== null && ${v}.bn === null && 100 % ${v}.d === 0${inRange}`;
        break;
      case "getal":
        test = `typeof raw === "string" && raw.length <= 10000 && (${v} = H.parseDecimal(raw)) !== null${inRange}`;
        break;
      case "aantal":
        // readAantal: whole and not negative.
        test = `typeof raw === "string" && raw.length <= 10000 && (${v} = H.parseDecimal(raw)) !== null && ${v}.bn === null && ${v}.d === 1 && ${v}.n >= 0${inRange}`;
        break;
      case "soort": {
        // A few values: compared one by one (string literals); more: a Set.
        const values = f.type.values;
        let member: string;
        if (values.length <= INLINE_SET_SIZE) {
          member = values.length === 0 ? "false" : `(${values.map((x) => `raw === ${JSON.stringify(x)}`).join(" || ")})`;
        } else {
          sets[i] = new Set(values);
          member = `S[${i}].has(raw)`;
        }
        test = `typeof raw === "string" && ${member} && ((${v} = raw), true)${inRange}`;
        break;
      }
      case "tekst":
        test = `typeof raw === "string" && ((${v} = raw), true)${inRange}`;
        break;
      case "janee":
        test = `typeof raw === "boolean" && ((${v} = raw), true)${inRange}`;
        break;
      default:
        test = "false";
    }
    lines.push(`let ${v}; { const raw = obj[${key}]; if (!(${test})) ${general} }`);
  });
  const literal = fields.map((f, i) => `${JSON.stringify(f.name)}: v${i}`).join(", ");
  // First keysInFieldOrder, written out: the enumerable keys are the names
  // in order (K), and the last of them is own (then all are).
  const n = fields.length;
  const keys =
    n === 0
      ? "for (const k in obj) return undefined;"
      : `let i = 0;\nfor (const k in obj) { if (i === ${n} || k !== K[i]) return undefined; i++; }\n` +
        `if (i !== ${n} || !H.hasOwn.call(obj, K[${n - 1}])) return undefined;`;
  const source = `"use strict";\nreturn function decodeCompiled(ctx, obj, prefix) {\n${keys}\n${lines.join("\n")}\nreturn { ${literal} };\n};`;
  try {
    const names = fields.map((f) => f.name);
    return new Function("H", "F", "K", "S", "C", "W", source)(H, fields, names, sets, consts, wholes) as FastDecoder;
  } catch {
    return null;
  }
}

/**
 * The code (` && …`, or "") that a compiled decoder uses to check value `v`
 * of field `f` (index i) against its beperking: `outside` written out for
 * date bounds (day numbers), number bounds (cmp) and a set of small whole
 * numbers (Rats are normalized: equal iff same n and d); anything else calls
 * `outside` itself. Constants go into `consts`, sets into `wholes`.
 */
function restrictionTest(f: FieldDesc, i: number, v: string, consts: unknown[], wholes: ReadonlySet<number>[]): string {
  const r = f.restriction;
  if (r === undefined) return "";
  const general = ` && !H.outside(${v}, F[${i}].restriction, F[${i}].type)`;
  const constant = (x: unknown): string => `C[${consts.push(x) - 1}]`;
  const parts: string[] = [];
  if (f.type.k === "datum") {
    if (r.oneOf !== undefined) return general;
    if (r.min !== undefined) {
      if (typeof r.min !== "number") return general;
      parts.push(`${v} >= ${constant(r.min)}`);
    }
    if (r.max !== undefined) {
      if (typeof r.max !== "number") return general;
      parts.push(`${v} <= ${constant(r.max)}`);
    }
  } else if (isNumberType(f.type)) {
    if (r.min !== undefined) {
      if (!(r.min instanceof Rat)) return general;
      parts.push(`H.cmp(${v}, ${constant(r.min)}) >= 0`);
    }
    if (r.max !== undefined) {
      if (!(r.max instanceof Rat)) return general;
      parts.push(`H.cmp(${v}, ${constant(r.max)}) <= 0`);
    }
    if (r.oneOf !== undefined) {
      const all = r.oneOf;
      if (!all.every((o) => o instanceof Rat && o.bn === null && o.d === 1)) return general;
      const ns = all.map((o) => (o as Rat).n);
      let member: string;
      if (ns.length <= INLINE_SET_SIZE) {
        // Safe integers, written as number literals.
        member = ns.length === 0 ? "false" : `(${ns.map((n) => `${v}.n === ${JSON.stringify(n)}`).join(" || ")})`;
      } else {
        wholes.push(new Set(ns));
        member = `W[${wholes.length - 1}].has(${v}.n)`;
      }
      parts.push(`${v}.bn === null && ${v}.d === 1 && ${member}`);
    }
  } else {
    return general;
  }
  return parts.map((p) => ` && ${p}`).join("");
}

/** An encoder for `fields` (each field: `formatFixed(v, 2)` for a bedrag, else `encodeValue`), or null. H: those two helpers. */
export function compileEncoder(fields: readonly FieldDesc[], H: object): FastEncoder | null {
  if (fields.length > MAX_COMPILED_FIELDS) return null;
  if (fields.some((f) => f.name === "__proto__")) return null;
  const entries = fields.map((f, i) => {
    const key = JSON.stringify(f.name);
    // encodeField: a bedrag is formatFixed(v, 2), anything else encodeValue.
    const value = f.type.k === "bedrag" ? `H.formatFixed(values[${key}], 2)` : `H.encodeValue(values[${key}], F[${i}].type)`;
    return `${key}: ${value}`;
  });
  const source = `"use strict";\nreturn function encodeCompiled(values) {\nreturn { ${entries.join(",\n")} };\n};`;
  try {
    return new Function("H", "F", source)(H, fields) as FastEncoder;
  } catch {
    return null;
  }
}
