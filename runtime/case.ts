// Case files (LANGUAGE.md §10): reading a case's JSON exactly, checking it
// against the policy's inputs, and encoding outputs back to JSON values.
// In: JSON text or an already parsed value, and the FieldDescs of a generated
// module. Out: runtime values (types.ts), or a PolisError with a P07xx
// diagnostic that names the field by its path (`zittingen[2].datum`, list
// indices 0-based) and carries the `.jsonl` line when given.
// Guarantees: numbers never pass through a binary float (LosslessNumber text
// or decimal strings go straight to parseDecimal); anything thrown is a
// PolisError; no recursion deeper than the schema (JSON nesting is capped at
// MAX_DEPTH before parsing, because lossless-json parses recursively).

import { isLosslessNumber, parse } from "lossless-json";
import { didYouMean, PolisError, suggest } from "./diagnostic.js";
import { runtimeError, type Code, type ParamsOf } from "./messages.js";
import {
  cmp,
  div,
  eq,
  formatDecimal,
  formatFixed,
  isInteger,
  mul,
  parseDecimal,
  ratInt,
  round,
  sign,
  toBigInt,
  Rat,
} from "./rational.js";
import {
  EMPTY_PERIOD,
  formatDutchDate,
  formatIsoDate,
  parseIsoDate,
  periodFromThrough,
  type Day,
  type Duration,
  type Period,
} from "./calendar.js";
import {
  compareValues,
  isNumberType,
  valueEquals,
  type FieldDesc,
  type Restriction,
  type TypeDesc,
} from "./types.js";

/** Deeper JSON than this is rejected before parsing (P0701). */
export const MAX_DEPTH = 1000;

// ── Parsing ────────────────────────────────────────────────────────────────

/**
 * Parse a case's JSON text. Numbers stay LosslessNumbers (their exact text).
 * A syntax error, a duplicate key or nesting deeper than MAX_DEPTH is P0701.
 */
export function parseCaseText(text: string, line?: number): unknown {
  const tooDeep = findTooDeep(text);
  if (tooDeep !== undefined) {
    throw runtimeError(
      "P0701",
      { detail: `meer dan ${MAX_DEPTH} niveaus genest ${where(text, tooDeep)}` },
      { line },
    );
  }
  try {
    return parse(text);
  } catch (e) {
    if (e instanceof PolisError) throw e;
    const raw = e instanceof Error ? e.message : String(e);
    const { detail, hint } = translateSyntaxError(raw, text);
    throw runtimeError("P0701", { detail }, { line, hint });
  }
}

/** Offset of the first bracket that opens level MAX_DEPTH + 1, skipping strings. */
function findTooDeep(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return undefined;
}

/** "op positie 7" for one-line text, "op regel 3, kolom 10" otherwise. */
function where(text: string, offset: number): string {
  if (!text.includes("\n")) return `op positie ${offset + 1}`;
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      col = 1;
    } else col++;
  }
  return `op regel ${line}, kolom ${col}`;
}

const SYNTAX_MESSAGES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Comma ',' expected after value/, () => "komma verwacht na een waarde"],
  [/^Colon ':' expected after property name/, () => "dubbele punt verwacht na een veldnaam"],
  [/^JSON value expected/, () => "waarde verwacht"],
  [/^Array item expected/, () => "element van de lijst verwacht"],
  [/^Expected end of input/, () => "einde van de invoer verwacht"],
  [/^Invalid number '([^']*)'/, (m) => `ongeldig getal ${JSON.stringify(m[1])}: cijfer verwacht`],
  [/^End of string '"' expected/, () => "afsluitend aanhalingsteken verwacht"],
  [/^Quoted object key or end of object/, () => "veldnaam tussen aanhalingstekens of `}` verwacht"],
  [/^Quoted object key expected/, () => "veldnaam tussen aanhalingstekens verwacht"],
  [/^Duplicate key '((?:.|\n)*)' encountered/, (m) => `veld ${quote(m[1] ?? "")} komt twee keer voor`],
  [/^Array item or end of array/, () => "element van de lijst of `]` verwacht"],
  [/^Invalid character '((?:.|\n)*)'/, (m) => `ongeldig teken ${JSON.stringify(m[1])}`],
  [/^Invalid escape character/, () => "ongeldige escape in een tekst"],
  [/^Object value expected after ':'/, () => "waarde verwacht na de dubbele punt"],
  [/^Invalid unicode character/, () => "ongeldige unicode-escape in een tekst"],
];

function translateSyntaxError(raw: string, text: string): { detail: string; hint?: string } {
  const posMatch = /(?:at )?position (\d+)\s*$/.exec(raw);
  const pos = posMatch ? Number(posMatch[1]) : undefined;
  let detail = raw;
  for (const [re, make] of SYNTAX_MESSAGES) {
    const m = re.exec(raw);
    if (m) {
      detail = make(m);
      if (/reached end of input/.test(raw)) detail += ", maar de invoer houdt op";
      break;
    }
  }
  if (text.trim() === "") detail = "de invoer is leeg";
  else if (pos !== undefined) detail += ` ${where(text, pos)}`;
  let hint: string | undefined;
  const rest = pos !== undefined ? text.slice(pos, pos + 12) : "";
  if (/^-?(NaN|Infinity)/.test(rest)) hint = "NaN en Infinity zijn geen getallen";
  else if (/^'/.test(rest)) hint = "JSON gebruikt dubbele aanhalingstekens";
  return hint === undefined ? { detail } : { detail, hint };
}

// ── Decoding ───────────────────────────────────────────────────────────────

interface Ctx {
  readonly line: number | undefined;
}

/** The context of a case without a line number (shared: a Ctx is only read). */
const NO_LINE: Ctx = { line: undefined };

function fail<C extends Code>(ctx: Ctx, code: C, field: string, params: Omit<ParamsOf<C>, "field">, hint?: string): never {
  const extras: { field: string; line?: number; hint?: string } = { field };
  if (ctx.line !== undefined) extras.line = ctx.line;
  if (hint !== undefined) extras.hint = hint;
  throw runtimeError(code, { field, ...params } as ParamsOf<C>, extras);
}

/**
 * Check a parsed case against the inputs and convert it to runtime values.
 * LANGUAGE.md §4: unknown fields first (a typo is then reported with its
 * suggestion rather than as a missing field), then input by input in
 * declaration order, type before beperking.
 */
export function decodeCase(json: unknown, fields: readonly FieldDesc[], line?: number): Record<string, unknown> {
  const ctx: Ctx = line === undefined ? NO_LINE : { line };
  if (!isPlainObject(json)) {
    const extras: { line?: number; hint?: string } = {};
    if (line !== undefined) extras.line = line;
    if (Array.isArray(json)) extras.hint = "zet in een .jsonl-bestand elke case op een eigen regel";
    throw runtimeError("P0702", { actual: describe(json) }, extras);
  }
  return decodeFields(ctx, json, fields, "");
}

/** The PolisError for a violated `voorwaarde`, for generated code to throw (P0714). */
export function voorwaardeError(text: string, field: string, line?: number): PolisError {
  return runtimeError("P0714", { condition: text }, line === undefined ? { field } : { field, line });
}

function join(prefix: string, name: string): string {
  return prefix === "" ? name : `${prefix}.${name}`;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The field names of a fields array as a Set, computed once per array. */
const FIELD_NAMES = new WeakMap<readonly FieldDesc[], Set<string>>();

function fieldNames(fields: readonly FieldDesc[]): Set<string> {
  let names = FIELD_NAMES.get(fields);
  if (names === undefined) {
    names = new Set(fields.map((f) => f.name));
    FIELD_NAMES.set(fields, names);
  }
  return names;
}

/**
 * True when the enumerable string keys of `obj` are exactly the field names,
 * in declaration order, all of them own properties — the usual case. Then
 * every own enumerable key is a field name and every field is an own
 * property, and a for-in over `obj` visits the fields in order.
 */
function keysInFieldOrder(obj: Record<string, unknown>, fields: readonly FieldDesc[]): boolean {
  const n = fields.length;
  let i = 0;
  for (const key in obj) {
    if (i === n || key !== fields[i]!.name) return false;
    i++;
  }
  // for-in visits own keys before inherited ones: when the last is own, all are.
  return i === n && (n === 0 || hasOwn.call(obj, fields[n - 1]!.name));
}

function decodeFields(
  ctx: Ctx,
  obj: Record<string, unknown>,
  fields: readonly FieldDesc[],
  prefix: string,
): Record<string, unknown> {
  const fast = fastDecoder(fields);
  if (fast !== null) {
    // Undefined: the keys are not the fields in order.
    const out = fast(ctx, obj, prefix);
    if (out !== undefined) return out;
  } else if (keysInFieldOrder(obj, fields)) {
    // Every field is an own property (no compiled decoder: see below).
    const out: Record<string, unknown> = {};
    for (const f of fields) out[f.name] = decodeField(ctx, obj[f.name], f, join(prefix, f.name));
    return out;
  }
  return decodeFieldsSlow(ctx, obj, fields, prefix);
}

// ── Compiled decoders ──────────────────────────────────────────────────────
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

type FastDecoder = (ctx: Ctx, obj: Record<string, unknown>, prefix: string) => Record<string, unknown> | undefined;

/**
 * A fields array is compiled on its COMPILE_AFTER-th use (until then: how
 * often it was used), so that arrays made for one decoding never are.
 */
const COMPILE_AFTER = 8;

const FAST_DECODERS = new WeakMap<readonly FieldDesc[], FastDecoder | null | number>();
/** The fields array decoded last and its decoder: one policy decides many cases in a row. */
let lastDecoderFields: readonly FieldDesc[] | undefined;
let lastDecoder: FastDecoder | null = null;

function fastDecoder(fields: readonly FieldDesc[]): FastDecoder | null {
  if (fields === lastDecoderFields) return lastDecoder;
  const entry = FAST_DECODERS.get(fields);
  let decoder: FastDecoder | null;
  if (entry === undefined || typeof entry === "number") {
    const uses = (entry ?? 0) + 1;
    if (uses < COMPILE_AFTER) {
      FAST_DECODERS.set(fields, uses);
      return null;
    }
    decoder = compileDecoder(fields);
    FAST_DECODERS.set(fields, decoder);
  } else {
    decoder = entry;
  }
  lastDecoderFields = fields;
  lastDecoder = decoder;
  return decoder;
}

/** What generated decoders call. */
const DECODER_HELPERS = {
  hasOwn,
  cmp,
  parseIsoDate,
  parseDecimal,
  decodeField,
  outside,
  join,
};

/** Sets up to this size are tested value by value in compiled code, larger ones with a Set. */
const INLINE_SET_SIZE = 8;

/** Fields beyond this many keep the loop (the generated code grows with them). */
const MAX_COMPILED_FIELDS = 64;

function compileDecoder(fields: readonly FieldDesc[]): FastDecoder | null {
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
    return new Function("H", "F", "K", "S", "C", "W", source)(DECODER_HELPERS, fields, names, sets, consts, wholes) as FastDecoder;
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

/** decodeFields for keys out of order, unknown or missing: unknown fields first (LANGUAGE.md §4). */
function decodeFieldsSlow(
  ctx: Ctx,
  obj: Record<string, unknown>,
  fields: readonly FieldDesc[],
  prefix: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const names = fieldNames(fields);
  for (const key of Object.keys(obj)) {
    if (!names.has(key)) {
      const path = join(prefix, shorten(key));
      const hint = didYouMean(suggest(key.slice(0, 200), names)) ?? expectedFieldsHint([...names]);
      fail(ctx, "P0703", path, {}, hint);
    }
  }
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const name = f.name;
    const raw = hasOwn.call(obj, name) ? obj[name] : undefined;
    out[name] = decodeField(ctx, raw, f, join(prefix, name));
  }
  return out;
}

/** One field's value (undefined: missing), decoded and checked against its beperking. */
function decodeField(ctx: Ctx, raw: unknown, f: FieldDesc, path: string): unknown {
  // An optional input (extension) may be missing or null: it is then not given.
  if (f.optional === true && (raw === undefined || raw === null)) return undefined;
  if (raw === undefined) missingField(ctx, f, path);
  const value = decodeValue(ctx, raw, f.type, path);
  const r = f.restriction;
  if (r !== undefined && outside(value, r, f.type)) outsideRestriction(ctx, value, f, r, path);
  return value;
}

function missingField(ctx: Ctx, f: FieldDesc, path: string): never {
  return fail(ctx, "P0704", path, {}, `verwacht ${typeNoun(f.type)}, ${example(f.type)}`);
}

function outsideRestriction(ctx: Ctx, value: unknown, f: FieldDesc, r: Restriction, path: string): never {
  return fail(ctx, "P0708", path, { value: formatValueDutch(value, f.type), restriction: r.text });
}

/** The value violates the beperking: below min, above max, or not one of oneOf. */
function outside(value: unknown, r: Restriction, t: TypeDesc): boolean {
  if (value instanceof Rat && isNumberType(t)) {
    // Numbers: compareValues and valueEquals come down to cmp and eq.
    if (r.min !== undefined && cmp(value, r.min as Rat) < 0) return true;
    if (r.max !== undefined && cmp(value, r.max as Rat) > 0) return true;
    const oneOf = r.oneOf;
    if (oneOf === undefined) return false;
    for (let i = 0; i < oneOf.length; i++) if (eq(value, oneOf[i] as Rat)) return false;
    return true;
  }
  if (typeof value === "number" && t.k === "datum") {
    // Dates are day numbers: compareValues and valueEquals come down to < and ===.
    if (r.min !== undefined && value < (r.min as Day)) return true;
    if (r.max !== undefined && value > (r.max as Day)) return true;
    const oneOf = r.oneOf;
    if (oneOf === undefined) return false;
    for (let i = 0; i < oneOf.length; i++) if (value === oneOf[i]) return false;
    return true;
  }
  if (r.min !== undefined && compareValues(value, r.min, t) < 0) return true;
  if (r.max !== undefined && compareValues(value, r.max, t) > 0) return true;
  const oneOf = r.oneOf;
  if (oneOf !== undefined) {
    for (let i = 0; i < oneOf.length; i++) if (valueEquals(value, oneOf[i], t)) return false;
    return true;
  }
  return false;
}

function expectedFieldsHint(names: string[]): string | undefined {
  if (names.length === 0) return "hier worden geen velden verwacht";
  if (names.length > 12) return undefined;
  return `verwachte velden: ${names.map((n) => `\`${n}\``).join(", ")}`;
}

// decodeValue and the readers it dispatches to are kept small, with the
// message building in separate functions, so that the hot paths inline.

function decodeValue(ctx: Ctx, v: unknown, t: TypeDesc, path: string): unknown {
  switch (t.k) {
    case "bedrag":
      return readBedrag(ctx, v, t, path);
    case "getal":
      return readNumber(ctx, v, t, path);
    case "aantal":
      return readAantal(ctx, v, t, path);
    case "percentage":
      // LANGUAGE.md §10: a percentage arrives as a number of percent.
      return div(readNumber(ctx, v, t, path), ratInt(100));
    case "datum":
      return readDate(ctx, v, path);
    case "duur":
      return readDuration(ctx, v, t, path);
    case "periode":
      return readPeriod(ctx, v, t, path);
    case "janee":
      if (typeof v !== "boolean") notJanee(ctx, v, t, path);
      return v;
    case "tekst":
      if (typeof v !== "string") wrongType(ctx, v, t, path);
      return v;
    case "soort":
      if (typeof v !== "string") wrongType(ctx, v, t, path);
      if (!t.values.includes(v)) notInSoort(ctx, v, t, path);
      return v;
    case "record":
      if (!isPlainObject(v)) wrongType(ctx, v, t, path);
      return decodeFields(ctx, v, t.fields, path);
    case "lijst":
      return readList(ctx, v, t, path);
  }
}

/** P0705: a value of the wrong JSON type. */
function wrongType(ctx: Ctx, v: unknown, t: TypeDesc, path: string): never {
  return fail(ctx, "P0705", path, { expected: typeNoun(t), actual: describe(v) }, example(t));
}

function readBedrag(ctx: Ctx, v: unknown, t: TypeDesc, path: string): Rat {
  const x = readNumber(ctx, v, t, path);
  // Whole cents: a small-form value has at most two decimals iff its denominator divides 100.
  if (x.bn === null ? 100 % x.d !== 0 : !eq(round(x, 2, "half-away"), x)) {
    fail(ctx, "P0710", path, { value: show(v) }, 'een bedrag is in hele centen, bijvoorbeeld "112.50"');
  }
  return x;
}

function readAantal(ctx: Ctx, v: unknown, t: TypeDesc, path: string): Rat {
  const x = readNumber(ctx, v, t, path);
  if (!isInteger(x) || sign(x) < 0) fail(ctx, "P0711", path, { value: show(v) });
  return x;
}

function notJanee(ctx: Ctx, v: unknown, t: TypeDesc, path: string): never {
  const hint =
    typeof v === "string" && /^(ja|nee|true|false)$/i.test(v)
      ? "gebruik true of false, zonder aanhalingstekens"
      : example(t);
  return fail(ctx, "P0705", path, { expected: typeNoun(t), actual: describe(v) }, hint);
}

function notInSoort(ctx: Ctx, v: string, t: TypeDesc & { k: "soort" }, path: string): never {
  const hint =
    didYouMean(suggest(v.slice(0, 200), t.values)) ??
    (t.values.length <= 12 ? `mogelijke waarden: ${t.values.map((n) => `\`${n}\``).join(", ")}` : undefined);
  return fail(ctx, "P0709", path, { value: show(v), soort: t.name }, hint);
}

function readList(ctx: Ctx, v: unknown, t: TypeDesc & { k: "lijst" }, path: string): unknown[] {
  if (!Array.isArray(v)) wrongType(ctx, v, t, path);
  const out: unknown[] = [];
  for (let i = 0; i < v.length; i++) out.push(decodeValue(ctx, v[i], t.elem, `${path}[${i}]`));
  return out;
}

/** The decimal text of a number as given: JSON number text, a string, or a JS number. */
function numberText(ctx: Ctx, v: unknown, t: TypeDesc, path: string): string {
  if (typeof v === "string") return v;
  if (isLosslessNumber(v)) return v.value;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) fail(ctx, "P0706", path, { value: String(v) }, "NaN en Infinity zijn geen getallen");
    return jsNumberText(v);
  }
  if (typeof v === "bigint") return v.toString();
  return fail(ctx, "P0705", path, { expected: typeNoun(t), actual: describe(v) }, example(t));
}

/**
 * A finite JS number as plain decimal text. A JS number has already lost its
 * JSON text (LANGUAGE.md §10); its shortest round-trip form is the best we
 * have, with any exponent written out.
 */
function jsNumberText(n: number): string {
  if (Object.is(n, -0)) return "0";
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[2]! + (m[3] ?? "");
  const point = m[2]!.length + Number(m[4]);
  if (point <= 0) return `${m[1]}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return m[1] + digits + "0".repeat(point - digits.length);
  return `${m[1]}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function readNumber(ctx: Ctx, v: unknown, t: TypeDesc, path: string): Rat {
  const text = numberText(ctx, v, t, path);
  const x = text.length <= 10_000 ? parseDecimal(text) : null;
  if (x !== null) return x;
  fail(ctx, "P0706", path, { value: show(v) }, numberHint(text));
}

function numberHint(text: string): string {
  if (/^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(text)) {
    return "schrijf het getal zonder exponent, bijvoorbeeld 100 in plaats van 1e2";
  }
  if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(text) || /^-?\d+,\d+$/.test(text)) {
    return `gebruik een punt: ${text.replace(/\./g, "").replace(",", ".")}`;
  }
  if (/nan|inf/i.test(text)) return "NaN en Infinity zijn geen getallen";
  if (/^\s|\s$/.test(text)) return "schrijf het getal zonder spaties";
  if (/^\+/.test(text)) return "schrijf het getal zonder plusteken";
  if (/^-?\.\d|^-?\d+\.$/.test(text)) return "zet cijfers voor en na de punt, bijvoorbeeld 0.5";
  return 'schrijf een getal met een punt voor decimalen, bijvoorbeeld 12.50 of "12.50"';
}

const DATUM: TypeDesc = { k: "datum" };

function readDate(ctx: Ctx, v: unknown, path: string): Day {
  if (typeof v !== "string") {
    fail(ctx, "P0705", path, { expected: typeNoun(DATUM), actual: describe(v) }, example(DATUM));
  }
  const d = v.length <= 100 ? parseIsoDate(v) : null;
  if (d !== null) return d;
  const hint = /^\d{4}-\d{2}-\d{2}$/.test(v)
    ? "deze datum bestaat niet"
    : 'schrijf een datum als "2012-01-30" (jaar-maand-dag)';
  return fail(ctx, "P0707", path, { value: show(v) }, hint);
}

const DURATION_UNITS: Record<string, { unit: Duration["unit"]; factor: number }> = {
  dagen: { unit: "dagen", factor: 1 },
  weken: { unit: "dagen", factor: 7 },
  maanden: { unit: "maanden", factor: 1 },
  jaren: { unit: "maanden", factor: 12 },
};

function readDuration(ctx: Ctx, v: unknown, t: TypeDesc, path: string): Duration {
  if (!isPlainObject(v)) fail(ctx, "P0705", path, { expected: typeNoun(t), actual: describe(v) }, example(t));
  const keys = Object.keys(v);
  const hint = example(t);
  if (keys.length !== 1) {
    fail(ctx, "P0712", path, { detail: `precies één eenheid verwacht, maar er zijn er ${keys.length}` }, hint);
  }
  const key = keys[0]!;
  const unit = Object.prototype.hasOwnProperty.call(DURATION_UNITS, key) ? DURATION_UNITS[key] : undefined;
  if (unit === undefined) {
    const near = didYouMean(nearKeys(key, Object.keys(DURATION_UNITS)));
    fail(ctx, "P0712", path, { detail: `onbekende eenheid ${show(key)}` }, near ?? hint);
  }
  const raw = v[key];
  const n = readNumber(ctx, raw, { k: "aantal" }, `${path}.${key}`);
  if (!isInteger(n)) fail(ctx, "P0712", path, { detail: `het aantal ${key} moet geheel zijn, maar is ${show(raw)}` });
  const whole = Number(toBigInt(n)) * unit.factor;
  if (!Number.isSafeInteger(whole)) fail(ctx, "P0712", path, { detail: `${show(raw)} ${key} is te groot` });
  return { unit: unit.unit, n: whole === 0 ? 0 : whole };
}

/**
 * Close keys of a small closed set: by edit distance, or sharing a prefix of
 * three letters (`dag` → `dagen`, `tot` → `tot_en_met`).
 */
function nearKeys(key: string, candidates: readonly string[]): string[] {
  const close = suggest(key.slice(0, 200), candidates);
  if (close.length > 0) return close;
  const k = key.toLowerCase();
  return k.length < 3 ? [] : candidates.filter((c) => c.startsWith(k.slice(0, 3)));
}

function readPeriod(ctx: Ctx, v: unknown, t: TypeDesc, path: string): Period {
  // LANGUAGE.md §10: null is the empty period.
  if (v === null) return EMPTY_PERIOD;
  if (!isPlainObject(v)) fail(ctx, "P0705", path, { expected: typeNoun(t), actual: describe(v) }, example(t));
  const keys = ["van", "tot_en_met"];
  for (const key of Object.keys(v)) {
    if (!keys.includes(key)) {
      const near = didYouMean(nearKeys(key, keys));
      fail(ctx, "P0713", path, { detail: `onbekende sleutel ${show(key)}` }, near ?? example(t));
    }
  }
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(v, key) || v[key] === undefined) {
      fail(ctx, "P0713", path, { detail: `\`${key}\` ontbreekt` }, example(t));
    }
  }
  const from = readDate(ctx, v.van, `${path}.van`);
  const through = readDate(ctx, v.tot_en_met, `${path}.tot_en_met`);
  if (through < from) {
    fail(
      ctx,
      "P0713",
      path,
      { detail: `\`tot_en_met\` (${formatIsoDate(through)}) ligt voor \`van\` (${formatIsoDate(from)})` },
      "gebruik null voor een lege periode",
    );
  }
  return periodFromThrough(from, through);
}

// ── Descriptions for messages ────────────────────────────────────────────────

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v) || isLosslessNumber(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function shorten(s: string, max = 40): string {
  return s.length > max ? s.slice(0, max) + "…" : s;
}

function quote(s: string): string {
  return JSON.stringify(shorten(s));
}

/** A given JSON scalar as the user wrote it, shortened. */
function show(v: unknown): string {
  if (typeof v === "string") return quote(v);
  if (isLosslessNumber(v)) return shorten(v.value);
  return describe(v);
}

/** What was given, in a few words: `"abc"`, `12`, `een lijst`. */
function describe(v: unknown): string {
  if (v === undefined) return "leeg";
  if (v === null) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string") return `de tekst ${quote(v)}`;
  if (typeof v === "number" || typeof v === "bigint") return `het getal ${shorten(String(v))}`;
  if (isLosslessNumber(v)) return `het getal ${shorten(v.value)}`;
  if (Array.isArray(v)) return "een lijst";
  if (isPlainObject(v)) return "een object";
  return "een onbekende waarde";
}

function typeNoun(t: TypeDesc): string {
  switch (t.k) {
    case "bedrag":
      return "een bedrag";
    case "getal":
      return "een getal";
    case "aantal":
      return "een aantal";
    case "percentage":
      return "een percentage";
    case "datum":
      return "een datum";
    case "duur":
      return "een duur";
    case "periode":
      return "een periode";
    case "janee":
      return "true of false";
    case "tekst":
      return "een tekst";
    case "soort":
      return `een waarde van soort \`${t.name}\``;
    case "record":
      return `een object \`${t.name}\``;
    case "lijst":
      return "een lijst";
  }
}

function example(t: TypeDesc): string {
  switch (t.k) {
    case "bedrag":
      return 'schrijf bijvoorbeeld "112.50" of 220';
    case "getal":
      return 'schrijf bijvoorbeeld "7.5" of 7.5';
    case "aantal":
      return "schrijf bijvoorbeeld 3";
    case "percentage":
      return 'schrijf het aantal procent, bijvoorbeeld 25 of "7.5"';
    case "datum":
      return 'schrijf bijvoorbeeld "2012-01-30"';
    case "duur":
      return 'schrijf bijvoorbeeld {"dagen": 31} of {"maanden": 4}';
    case "periode":
      return 'schrijf bijvoorbeeld {"van": "2012-01-01", "tot_en_met": "2012-06-30"}, of null voor een lege periode';
    case "janee":
      return "schrijf true of false";
    case "tekst":
      return 'schrijf bijvoorbeeld "tekst"';
    case "soort":
      return t.values.length > 0 && t.values.length <= 12
        ? `mogelijke waarden: ${t.values.map((n) => `\`${n}\``).join(", ")}`
        : "schrijf de naam van de waarde als tekst";
    case "record":
      return `schrijf een object met de velden ${t.fields.map((f) => `\`${f.name}\``).join(", ")}`;
    case "lijst":
      return `schrijf een lijst: [${t.elem.k === "record" ? "{…}, {…}" : "…"}]`;
  }
}

// ── Encoding outputs ─────────────────────────────────────────────────────────

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

/**
 * A compiled encoder (see compileDecoder): for values whose keys are the
 * fields in order, the outputs as one object literal, each field encoded by
 * encodeField.
 */
type FastEncoder = (values: Record<string, unknown>) => Record<string, unknown>;

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
    encoder = compileEncoder(fields);
    FAST_ENCODERS.set(fields, encoder);
  } else {
    encoder = entry;
  }
  lastEncoderFields = fields;
  lastEncoder = encoder;
  return encoder;
}

const ENCODER_HELPERS = { formatFixed, encodeValue };

function compileEncoder(fields: readonly FieldDesc[]): FastEncoder | null {
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
    return new Function("H", "F", source)(ENCODER_HELPERS, fields) as FastEncoder;
  } catch {
    return null;
  }
}

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
      return Number(toBigInt(v as Rat));
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
      return encodeOutputs(v as Record<string, unknown>, t.fields);
    case "lijst":
      return (v as readonly unknown[]).map((e) => encodeValue(e, t.elem));
  }
}

// ── Dutch notation ───────────────────────────────────────────────────────────

/** "-1200.5" → "-1.200,5": thousands dots, decimal comma (LANGUAGE.md §2). */
function dutchNumber(decimal: string): string {
  const neg = decimal.startsWith("-");
  const body = neg ? decimal.slice(1) : decimal;
  const [int = "0", frac] = body.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (neg ? "-" : "") + grouped + (frac !== undefined ? `,${frac}` : "");
}

/**
 * A runtime value in Polis notation, for explanations and printed
 * `voorbeeld`s: `€ 18`, `€ 112,50`, `7,5`, `25%`, `1 januari 2012`,
 * `31 dagen`, `periode van … tot en met …`, `ja`, `"tekst"`, `[…]`, `{veld waarde, …}`.
 */
export function formatValueDutch(v: unknown, t: TypeDesc): string {
  if (v === undefined) return "(niet gegeven)";
  switch (t.k) {
    case "bedrag": {
      const x = v as Rat;
      if (isInteger(x)) return `€ ${dutchNumber(formatDecimal(x))}`;
      const cents = round(x, 2, "half-away");
      return `€ ${dutchNumber(eq(cents, x) ? formatFixed(x, 2) : formatDecimal(x))}`;
    }
    case "getal":
    case "aantal":
      return dutchNumber(formatDecimal(v as Rat));
    case "percentage":
      return `${dutchNumber(formatDecimal(mul(v as Rat, ratInt(100))))}%`;
    case "datum":
      return formatDutchDate(v as Day);
    case "duur": {
      const d = v as Duration;
      const one = d.n === 1 || d.n === -1;
      return `${d.n} ${d.unit === "dagen" ? (one ? "dag" : "dagen") : one ? "maand" : "maanden"}`;
    }
    case "periode": {
      const p = v as Period;
      // An empty period reads as one that ends where it starts (LANGUAGE.md §7).
      if (p.end <= p.start) return `periode van ${formatDutchDate(p.start)} tot ${formatDutchDate(p.start)}`;
      return `periode van ${formatDutchDate(p.start)} tot en met ${formatDutchDate(p.end - 1)}`;
    }
    case "janee":
      return v ? "ja" : "nee";
    case "tekst":
      return `"${(v as string).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
    case "soort":
      return v as string;
    case "record": {
      const r = v as Record<string, unknown>;
      return `{${t.fields.map((f) => `${f.name} ${formatValueDutch(r[f.name], f.type)}`).join(", ")}}`;
    }
    case "lijst":
      return `[${(v as readonly unknown[]).map((e) => formatValueDutch(e, t.elem)).join(", ")}]`;
  }
}
