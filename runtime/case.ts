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
import { runtimeError } from "./messages.js";
import {
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
  type Rat,
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
  line: number | undefined;
}

function fail(ctx: Ctx, code: string, field: string, params: Record<string, string>, hint?: string): never {
  const extras: { field: string; line?: number; hint?: string } = { field };
  if (ctx.line !== undefined) extras.line = ctx.line;
  if (hint !== undefined) extras.hint = hint;
  throw runtimeError(code, { field, ...params }, extras);
}

/**
 * Check a parsed case against the inputs and convert it to runtime values.
 * LANGUAGE.md §4: unknown fields first (a typo is then reported with its
 * suggestion rather than as a missing field), then input by input in
 * declaration order, type before beperking.
 */
export function decodeCase(json: unknown, fields: readonly FieldDesc[], line?: number): Record<string, unknown> {
  const ctx: Ctx = { line };
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
const isEnumerable = Object.prototype.propertyIsEnumerable;

/** What decodeFields needs of a fields array beyond the array itself, computed once per array. */
interface FieldsInfo {
  names: Set<string>;
  /** No two fields share a name (the fast unknown-field check relies on it). */
  unique: boolean;
}

const FIELDS_INFO = new WeakMap<readonly FieldDesc[], FieldsInfo>();

function fieldsInfo(fields: readonly FieldDesc[]): FieldsInfo {
  let info = FIELDS_INFO.get(fields);
  if (info === undefined) {
    const names = new Set(fields.map((f) => f.name));
    info = { names, unique: names.size === fields.length };
    FIELDS_INFO.set(fields, info);
  }
  return info;
}

function decodeFields(
  ctx: Ctx,
  obj: Record<string, unknown>,
  fields: readonly FieldDesc[],
  prefix: string,
): Record<string, unknown> {
  const info = fieldsInfo(fields);
  // Fast path: when every own enumerable key is a field name, there is no
  // unknown field. With unique names, that holds when the number of fields
  // that are own enumerable keys equals the number of such keys.
  let known = 0;
  if (info.unique) {
    for (let i = 0; i < fields.length; i++) if (isEnumerable.call(obj, fields[i]!.name)) known++;
  }
  const keys = Object.keys(obj);
  if (!info.unique || known !== keys.length) {
    const names = info.names;
    for (const key of keys) {
      if (!names.has(key)) {
        const path = join(prefix, shorten(key));
        const hint = didYouMean(suggest(key.slice(0, 200), names)) ?? expectedFieldsHint([...names]);
        fail(ctx, "P0703", path, {}, hint);
      }
    }
  }
  const out: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const name = f.name;
    const path = prefix === "" ? name : `${prefix}.${name}`;
    const raw = hasOwn.call(obj, name) ? obj[name] : undefined;
    if (raw === undefined) fail(ctx, "P0704", path, {}, `verwacht ${typeNoun(f.type)}, ${example(f.type)}`);
    const value = decodeValue(ctx, raw, f.type, path);
    const r = f.restriction;
    if (r !== undefined && outside(value, r, f.type)) {
      fail(ctx, "P0708", path, { value: formatValueDutch(value, f.type), restriction: r.text });
    }
    out[name] = value;
  }
  return out;
}

/** The value violates the beperking: below min, above max, or not one of oneOf. */
function outside(value: unknown, r: Restriction, t: TypeDesc): boolean {
  if (r.min !== undefined && compareValues(value, r.min, t) < 0) return true;
  if (r.max !== undefined && compareValues(value, r.max, t) > 0) return true;
  const oneOf = r.oneOf;
  if (oneOf !== undefined) {
    if (isNumberType(t)) {
      for (let i = 0; i < oneOf.length; i++) if (eq(value as Rat, oneOf[i] as Rat)) return false;
    } else {
      for (let i = 0; i < oneOf.length; i++) if (valueEquals(value, oneOf[i], t)) return false;
    }
    return true;
  }
  return false;
}

function expectedFieldsHint(names: string[]): string | undefined {
  if (names.length === 0) return "hier worden geen velden verwacht";
  if (names.length > 12) return undefined;
  return `verwachte velden: ${names.map((n) => `\`${n}\``).join(", ")}`;
}

function decodeValue(ctx: Ctx, v: unknown, t: TypeDesc, path: string): unknown {
  switch (t.k) {
    case "bedrag": {
      const x = readNumber(ctx, v, t, path);
      // Whole cents: a small-form value has at most two decimals iff its denominator divides 100.
      if (x.bn === null ? 100 % x.d !== 0 : !eq(round(x, 2, "half-away"), x)) {
        fail(ctx, "P0710", path, { value: show(v) }, 'een bedrag is in hele centen, bijvoorbeeld "112.50"');
      }
      return x;
    }
    case "getal":
      return readNumber(ctx, v, t, path);
    case "aantal": {
      const x = readNumber(ctx, v, t, path);
      if (!isInteger(x) || sign(x) < 0) fail(ctx, "P0711", path, { value: show(v) });
      return x;
    }
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
      if (typeof v !== "boolean") {
        const hint =
          typeof v === "string" && /^(ja|nee|true|false)$/i.test(v)
            ? "gebruik true of false, zonder aanhalingstekens"
            : example(t);
        fail(ctx, "P0705", path, { expected: typeNoun(t), actual: describe(v) }, hint);
      }
      return v;
    case "tekst":
      if (typeof v !== "string") fail(ctx, "P0705", path, { expected: typeNoun(t), actual: describe(v) }, example(t));
      return v;
    case "soort": {
      if (typeof v !== "string") fail(ctx, "P0705", path, { expected: typeNoun(t), actual: describe(v) }, example(t));
      if (!t.values.includes(v)) {
        const hint =
          didYouMean(suggest(v.slice(0, 200), t.values)) ??
          (t.values.length <= 12 ? `mogelijke waarden: ${t.values.map((n) => `\`${n}\``).join(", ")}` : undefined);
        fail(ctx, "P0709", path, { value: show(v), soort: t.name }, hint);
      }
      return v;
    }
    case "record":
      if (!isPlainObject(v)) fail(ctx, "P0705", path, { expected: typeNoun(t), actual: describe(v) }, example(t));
      return decodeFields(ctx, v, t.fields, path);
    case "lijst": {
      if (!Array.isArray(v)) fail(ctx, "P0705", path, { expected: typeNoun(t), actual: describe(v) }, example(t));
      const out: unknown[] = [];
      for (let i = 0; i < v.length; i++) out.push(decodeValue(ctx, v[i], t.elem, `${path}[${i}]`));
      return out;
    }
  }
}

/** The decimal text of a number as given: JSON number text, a string, or a JS number. */
function numberText(ctx: Ctx, v: unknown, t: TypeDesc, path: string): string {
  if (isLosslessNumber(v)) return v.value;
  if (typeof v === "string") return v;
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

function readDate(ctx: Ctx, v: unknown, path: string): Day {
  const t: TypeDesc = { k: "datum" };
  if (typeof v !== "string") fail(ctx, "P0705", path, { expected: typeNoun(t), actual: describe(v) }, example(t));
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
  const out: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const name = f.name;
    if (!hasOwn.call(values, name)) {
      throw runtimeError("P0809", { detail: `uitvoer \`${name}\` heeft geen waarde` });
    }
    out[name] = encodeValue(values[name], f.type);
  }
  return out;
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
