// Case files, step 2 (LANGUAGE.md §4, §10): a parsed case checked against the
// policy's inputs and converted to runtime values (types.ts).
// In: a JSON value (case-json.ts) and the FieldDescs of a generated module.
// Out: runtime values, or a PolisError with a P07xx diagnostic that names the
// field by its path (`zittingen[2].datum`, list indices 0-based) and carries
// the `.jsonl` line when given.
// Guarantees: numbers never pass through a binary float (LosslessNumber text
// or decimal strings go straight to parseDecimal); anything thrown is a
// PolisError; no recursion deeper than the schema.

import { isLosslessNumber } from "lossless-json";
import { suggest, type PolisError } from "./diagnostic.js";
import { runtimeError, type Code, type NumberAdvice, type ParamsOf } from "./messages.js";
import { cmp, div, eq, isInteger, parseDecimal, ratInt, round, sign, toBigInt, Rat } from "./rational.js";
import { EMPTY_PERIOD, formatIsoDate, parseIsoDate, periodFromThrough, type Day, type Duration, type Period } from "./calendar.js";
import { compareValues, isNumberType, valueEquals, type FieldDesc, type Restriction, type TypeDesc } from "./types.js";
import { COMPILE_AFTER, compileDecoder, hasOwn, keysInFieldOrder, type FastDecoder } from "./case-compile.js";
import { describe, formOf, isPlainObject, show, shorten, typeNoun } from "./case-describe.js";
import { formatValueDutch } from "./dutch.js";

interface Ctx {
  readonly line: number | undefined;
}

/** The context of a case without a line number (shared: a Ctx is only read). */
const NO_LINE: Ctx = { line: undefined };

function fail<C extends Code>(ctx: Ctx, code: C, field: string, params: Omit<ParamsOf<C>, "field">): never {
  throw runtimeError(code, { field, ...params } as ParamsOf<C>, ctx.line !== undefined ? { field, line: ctx.line } : { field });
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
    const params = Array.isArray(json) ? { actual: describe(json), list: true } : { actual: describe(json) };
    throw runtimeError("P0702", params, line !== undefined ? { line } : {});
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
    decoder = compileDecoder(fields, DECODER_HELPERS);
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
  parseDecimal: parseCaseDecimal,
  decodeField,
  outside,
  join,
};

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
      fail(ctx, "P0703", path, suggestions(suggest(key.slice(0, 200), names), { expectedFields: [...names] }));
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
  return fail(ctx, "P0704", path, { expected: typeNoun(f.type), form: formOf(f.type) });
}

function outsideRestriction(ctx: Ctx, value: unknown, f: FieldDesc, r: Restriction, path: string): never {
  return fail(ctx, "P0708", path, { value: formatValueDutch(value, f.type), restriction: r.text });
}

/** The value violates the beperking: below min, above max, or not one of oneOf. (Also the batch fast path's test, cli/batch-bytes.ts.) */
export function outside(value: unknown, r: Restriction, t: TypeDesc): boolean {
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

/** params, with `suggestions` when there are any (the catalog's "bedoelde u …?"). */
function suggestions<P extends object>(names: readonly string[], params: P): P & { suggestions?: readonly string[] } {
  return names.length > 0 ? { ...params, suggestions: names } : params;
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
  return fail(ctx, "P0705", path, { expected: typeNoun(t), actual: describe(v), form: formOf(t) });
}

function readBedrag(ctx: Ctx, v: unknown, t: TypeDesc, path: string): Rat {
  const x = readNumber(ctx, v, t, path);
  // Whole cents: a small-form value has at most two decimals iff its denominator divides 100.
  if (x.bn === null ? 100 % x.d !== 0 : !eq(round(x, 2, "half-away"), x)) {
    fail(ctx, "P0710", path, { value: show(v) });
  }
  return x;
}

function readAantal(ctx: Ctx, v: unknown, t: TypeDesc, path: string): Rat {
  const x = readNumber(ctx, v, t, path);
  if (!isInteger(x) || sign(x) < 0) fail(ctx, "P0711", path, { value: show(v) });
  return x;
}

function notJanee(ctx: Ctx, v: unknown, t: TypeDesc, path: string): never {
  const quotedBoolean = typeof v === "string" && /^(ja|nee|true|false)$/i.test(v);
  return fail(ctx, "P0705", path, { expected: typeNoun(t), actual: describe(v), form: formOf(t), quotedBoolean });
}

function notInSoort(ctx: Ctx, v: string, t: TypeDesc & { k: "soort" }, path: string): never {
  return fail(ctx, "P0709", path, suggestions(suggest(v.slice(0, 200), t.values), { value: show(v), soort: t.name, values: t.values }));
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
    if (!Number.isFinite(v)) fail(ctx, "P0706", path, { value: String(v), advice: "nanInfinity" });
    return jsNumberText(v);
  }
  if (typeof v === "bigint") return v.toString();
  return fail(ctx, "P0705", path, { expected: typeNoun(t), actual: describe(v), form: formOf(t) });
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

/**
 * Decimal text as a case file may write it: JSON's number grammar without an
 * exponent, so no leading zeros (`"00012.5"` is not a number: issue 12).
 */
export function parseCaseDecimal(text: string): Rat | null {
  const c = text.charCodeAt(text.charCodeAt(0) === 45 ? 1 : 0);
  if (c === 48) {
    const next = text.charCodeAt(text.charCodeAt(0) === 45 ? 2 : 1);
    if (next >= 48 && next <= 57) return null;
  }
  return parseDecimal(text);
}

function readNumber(ctx: Ctx, v: unknown, t: TypeDesc, path: string): Rat {
  const text = numberText(ctx, v, t, path);
  const x = text.length <= 10_000 ? parseCaseDecimal(text) : null;
  if (x !== null) return x;
  fail(ctx, "P0706", path, { value: show(v), ...numberAdvice(text) });
}

/** What is wrong with a number's text, for P0706's hint. */
function numberAdvice(text: string): { advice?: NumberAdvice; suggestion?: string } {
  if (/^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(text)) return { advice: "exponent" };
  if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(text) || /^-?\d+,\d+$/.test(text)) {
    return { advice: "decimalComma", suggestion: text.replace(/\./g, "").replace(",", ".") };
  }
  if (/nan|inf/i.test(text)) return { advice: "nanInfinity" };
  if (/^\s|\s$/.test(text)) return { advice: "spaces" };
  if (/^\+/.test(text)) return { advice: "plusSign" };
  if (/^-?0\d/.test(text)) return { advice: "leadingZeros" };
  if (/^-?\.\d|^-?\d+\.$/.test(text)) return { advice: "digitsAroundPoint" };
  return {};
}

const DATUM: TypeDesc = { k: "datum" };

function readDate(ctx: Ctx, v: unknown, path: string): Day {
  if (typeof v !== "string") {
    fail(ctx, "P0705", path, { expected: typeNoun(DATUM), actual: describe(v), form: formOf(DATUM) });
  }
  const d = v.length <= 100 ? parseIsoDate(v) : null;
  if (d !== null) return d;
  return fail(ctx, "P0707", path, { value: show(v), isoForm: /^\d{4}-\d{2}-\d{2}$/.test(v) });
}

const DURATION_UNITS: Record<string, { unit: Duration["unit"]; factor: number }> = {
  dagen: { unit: "dagen", factor: 1 },
  weken: { unit: "dagen", factor: 7 },
  maanden: { unit: "maanden", factor: 1 },
  jaren: { unit: "maanden", factor: 12 },
};

function readDuration(ctx: Ctx, v: unknown, t: TypeDesc, path: string): Duration {
  if (!isPlainObject(v)) fail(ctx, "P0705", path, { expected: typeNoun(t), actual: describe(v), form: formOf(t) });
  const keys = Object.keys(v);
  const form = formOf(t);
  if (keys.length !== 1) {
    fail(ctx, "P0712", path, { detail: `precies één eenheid verwacht, maar er zijn er ${keys.length}`, form });
  }
  const key = keys[0]!;
  const unit = Object.prototype.hasOwnProperty.call(DURATION_UNITS, key) ? DURATION_UNITS[key] : undefined;
  if (unit === undefined) {
    fail(ctx, "P0712", path, suggestions(nearKeys(key, Object.keys(DURATION_UNITS)), { detail: `onbekende eenheid ${show(key)}`, form }));
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
  if (!isPlainObject(v)) fail(ctx, "P0705", path, { expected: typeNoun(t), actual: describe(v), form: formOf(t) });
  const keys = ["van", "tot_en_met"];
  for (const key of Object.keys(v)) {
    if (!keys.includes(key)) {
      fail(ctx, "P0713", path, suggestions(nearKeys(key, keys), { detail: `onbekende sleutel ${show(key)}`, form: formOf(t) }));
    }
  }
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(v, key) || v[key] === undefined) {
      fail(ctx, "P0713", path, { detail: `\`${key}\` ontbreekt`, form: formOf(t) });
    }
  }
  const from = readDate(ctx, v.van, `${path}.van`);
  const through = readDate(ctx, v.tot_en_met, `${path}.tot_en_met`);
  if (through < from) {
    fail(
      ctx,
      "P0713",
      path,
      { detail: `\`tot_en_met\` (${formatIsoDate(through)}) ligt voor \`van\` (${formatIsoDate(from)})`, reversed: true },
    );
  }
  return periodFromThrough(from, through);
}