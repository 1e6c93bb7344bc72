// Input columns → SQL values, and their checks (LANGUAGE.md §4, §10): the
// P07xx error and field of the JavaScript path, per row, input by input in
// declaration order (type, then beperking). Column types: any scalar whose
// text is the case-file text (DECIMAL, INTEGER, VARCHAR, DATE, BOOLEAN);
// lists, records, periods and durations as DuckDB LIST/STRUCT, PostgreSQL
// jsonb, Spark ARRAY/STRUCT (docs/sql.md).

import type * as IR from "../ir/ir.js";
import type { Rat } from "../../runtime/rational.js";
import { NESTED } from "./dialect.js";
import { InlineFrame, type Frame } from "./frame.js";
import { LocalFrame, bind } from "./scope.js";
import { Ctx, constant, equal, period } from "./expr.js";
import type { V } from "./value.js";
import { typeNoun } from "../../runtime/case-describe.js";
import { typeDescOf } from "../ir/ir.js";

// As runtime/case-decode.ts: no leading zeros (`007`), no exponent, digits on both sides of the point.
const NUMBER = "-?(0|[1-9][0-9]*)(\\.[0-9]+)?";

/** Magnitude bounds of DuckDB's integer column types. */
const INT_BOUNDS: Record<string, bigint | undefined> = {
  TINYINT: 1n << 7n, SMALLINT: 1n << 15n, INTEGER: 1n << 31n, BIGINT: 1n << 63n,
  UTINYINT: 1n << 8n, USMALLINT: 1n << 16n, UINTEGER: 1n << 32n, UBIGINT: 1n << 64n,
};

interface Parts {
  int: string;
  frac: string;
}

function split(c: Ctx, text: string): Parts {
  const f = c.f;
  const p = f.col(`strpos(${text}, '.')`);
  return {
    int: f.col(`CASE WHEN ${p} > 0 THEN substr(${text}, 1, ${p} - 1) ELSE ${text} END`),
    frac: f.col(`CASE WHEN ${p} > 0 THEN substr(${text}, ${p} + 1) ELSE '' END`),
  };
}

/** The value of an input text, assuming it is valid (validate() reports it otherwise). */
export function decodeText(c: Ctx, text: string, t: IR.Type): V {
  const f = c.f;
  const d = c.d;
  const valid = f.col(d.matches(text, NUMBER));
  switch (t.k) {
    case "bedrag": {
      const { int, frac } = split(c, text);
      const cents = f.col(`rpad(rtrim(${frac}, '0'), 2, '0')`);
      const n = f.col(`CASE WHEN ${valid} AND length(rtrim(${frac}, '0')) <= 2 THEN ${d.castInt(`${int} || ${cents}`)} END`);
      return { k: "num", x: { n, d: d.lit(100n), dl: 100n } };
    }
    case "aantal": {
      const { int } = split(c, text);
      return { k: "num", x: { n: f.col(`CASE WHEN ${valid} THEN ${d.castInt(int)} END`), d: d.lit(1n), dl: 1n } };
    }
    case "getal": case "percentage": {
      const { int, frac } = split(c, text);
      const n = f.col(`CASE WHEN ${valid} THEN ${d.castInt(`${int} || ${frac}`)} END`);
      const scale = t.k === "percentage" ? "'00'" : "''";
      const den = f.col(`CASE WHEN ${valid} THEN ${d.castInt(`rpad('1', CAST(length(${frac}) + 1 AS INTEGER), '0') || ${scale}`)} END`);
      return { k: "num", x: c.a.reduce({ n, d: den }) };
    }
    case "datum":
      return { k: "day", x: dateOf(c, text).day };
    case "janee":
      return { k: "bool", x: f.col(`(${text} = 'true')`) };
    case "tekst": case "soort":
      return { k: "text", x: text };
    default:
      throw new Error(`internal: ${t.k} is not a scalar`);
  }
}

function dateOf(c: Ctx, text: string): { day: string; valid: string } {
  const f = c.f;
  const d = c.d;
  const shape = f.col(d.matches(text, "[0-9]{4}-[0-9]{2}-[0-9]{2}"));
  const y = f.col(`CASE WHEN ${shape} THEN ${d.castSmall(`substr(${text}, 1, 4)`)} END`);
  const m = f.col(`CASE WHEN ${shape} THEN ${d.castSmall(`substr(${text}, 6, 2)`)} END`);
  const dd = f.col(`CASE WHEN ${shape} THEN ${d.castSmall(`substr(${text}, 9, 2)`)} END`);
  const valid = f.col(`COALESCE(${y} >= 1 AND ${m} BETWEEN 1 AND 12 AND ${dd} >= 1 AND ${dd} <= ${c.a.daysInMonth(y, m)}, FALSE)`);
  const day = f.col(`CASE WHEN ${valid} THEN ${c.a.day(y, m, dd)} END`);
  return { day, valid };
}

/** A nested or top-level value of type t read from raw SQL. */
export function decodeRaw(c: Ctx, raw: string, json: boolean, t: IR.Type): V {
  const n = NESTED[c.d.name];
  switch (t.k) {
    case "record":
      return { k: "rec", raw, json, t };
    case "lijst":
      return { k: "list", l: { kind: "raw", raw, json, elem: t.elem } };
    case "periode": {
      const van = dateOf(c, c.f.col(n.scalarText(c.d.field(raw, "van"), json))).day;
      const tot = dateOf(c, c.f.col(n.scalarText(c.d.field(raw, "tot_en_met"), json))).day;
      const p = period(c, van, c.f.col(`${tot} + 1`));
      if (p.k !== "per") throw new Error("internal");
      // NULL (a JSON null too) is the empty period (LANGUAGE.md §10).
      const none = json ? `(${raw} IS NULL OR jsonb_typeof(${raw}) = 'null')` : `${raw} IS NULL`;
      return { k: "per", s: c.f.col(`CASE WHEN ${none} THEN 0 ELSE ${p.s} END`), e: c.f.col(`CASE WHEN ${none} THEN 0 ELSE ${p.e} END`) };
    }
    case "duur": {
      const j = durationJson(c, raw, json);
      const unit = c.f.col(n.extract(j, '"(dagen|weken|maanden|jaren)"'));
      // Guarded so that a bad duur (its P0712 is the row's error) never stops the query with a cast error.
      const digits = c.f.col(n.extract(j, ':"?(-?[0-9]+)'));
      const count = c.f.col(`CAST(CASE WHEN length(${digits}) BETWEEN 1 AND 17 THEN ${digits} END AS ${c.d.small})`);
      const factor = `CASE ${unit} WHEN 'weken' THEN 7 WHEN 'jaren' THEN 12 ELSE 1 END`;
      return { k: "dur", u: c.f.col(`CASE WHEN ${unit} IN ('maanden', 'jaren') THEN 1 ELSE 0 END`), n: c.f.col(`${count} * ${factor}`) };
    }
    default:
      return decodeText(c, c.f.col(n.scalarText(raw, json)), t);
  }
}

/**
 * DuckDB columns of a known type (`polis run --engine duckdb` reads the
 * table's schema): DATE, DECIMAL, integers and BOOLEAN are read directly,
 * without going through their text. Null when the type has no direct path.
 */
export function decodeTyped(c: Ctx, raw: string, sqlType: string, t: IR.Type): { v: V; err: (path: string) => string | null } | null {
  const f = c.f;
  const d = c.d;
  const ty = sqlType.toUpperCase();
  const wrong = wrongKind(c, raw, ty, t);
  if (wrong) return wrong;
  if (t.k === "datum" && ty === "DATE") {
    // A DATE column holds more than the language's dates (year 0 and before,
    // 10000 and after, infinity): such a value is P0707 for its row, as its
    // text is in a case file, and no day for the arithmetic downstream.
    const inRange = `${raw} BETWEEN DATE '0001-01-01' AND DATE '9999-12-31'`;
    const x = f.col(`CASE WHEN ${inRange} THEN CAST(${raw} - DATE '1970-01-01' AS BIGINT) END`);
    if (/^q__\d+$/.test(raw)) f.names.dates.set(x, raw);
    const err = (path: string) => c.whenDyn(`${raw} IS NOT NULL AND NOT (${inRange})`, "P0707", [`\`${path}\` is geen geldige datum: "`, { sql: d.text(raw) }, `"`], path);
    return { v: { k: "day", x }, err };
  }
  if (t.k === "janee" && ty === "BOOLEAN") return { v: { k: "bool", x: raw }, err: () => null };
  const dec = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(ty);
  const integer = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(ty);
  const numeric = t.k === "bedrag" || t.k === "getal" || t.k === "aantal" || t.k === "percentage";
  if (!numeric || (!dec && !integer)) return null;
  const scale = dec ? Number(dec[2]) : 0;
  const s = 10n ** BigInt(scale);
  // |n| < 10^p for DECIMAL(p, s); integer types by their range.
  const nb = dec ? 10n ** BigInt(dec[1]!) : INT_BOUNDS[ty];
  const narrow = nb !== undefined && c.a.narrow(nb) && d.narrowType !== undefined;
  const int = narrow ? d.narrowType! : d.int;
  const n = f.col(scale === 0 ? `CAST(${raw} AS ${int})` : unscaled(c, raw, Number(dec![1]), scale, int));
  const den = t.k === "percentage" ? s * 100n : s;
  // A percentage of 37 or 38 decimals has a denominator past HUGEINT: the text path says P0902 for its row.
  if (den >= 2n ** 127n) return null;
  const x = c.a.const(1n, den);
  const v: V = { k: "num", x: { n, d: x.d, dl: den, ...(nb !== undefined ? { nb, vb: nb / den + 1n } : {}), db: den } };
  return {
    v,
    err: (path) => {
      if (t.k === "bedrag" && scale > 2) {
        return c.whenDyn(`${n} % ${d.lit(10n ** BigInt(scale - 2))} <> 0`, "P0710", [`\`${path}\` is een bedrag met meer dan twee decimalen: `, { sql: d.text(raw) }], path);
      }
      if (t.k === "aantal") {
        return c.whenDyn(`${n} < 0 OR ${n} % ${d.lit(s)} <> 0`, "P0711", [`\`${path}\` moet een geheel aantal van 0 of meer zijn, maar is `, { sql: d.text(raw) }], path);
      }
      return null;
    },
  };
}

const NUMBER_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL\(\d+,\s*\d+\))$/;

/**
 * A DuckDB column whose values are of another JSON kind than the input's
 * type (a BOOLEAN for a bedrag, an INTEGER for a datum, a STRUCT for a tekst):
 * P0705 on every row that has a value, in polis run's words for the same JSON
 * value (runtime/case-decode.ts decodeValue). Null when the kind fits or the
 * column is read through its text (VARCHAR, DATE).
 */
function wrongKind(c: Ctx, raw: string, ty: string, t: IR.Type): { v: V; err: (path: string) => string | null } | null {
  const kind = NUMBER_TYPE.test(ty) ? "number" : ty === "BOOLEAN" ? "boolean" : /^(STRUCT|MAP)\b/.test(ty) ? "object" : /\]$/.test(ty) ? "array" : null;
  if (kind === null) return null;
  const numeric = t.k === "bedrag" || t.k === "getal" || t.k === "aantal" || t.k === "percentage";
  const fits = numeric ? kind === "number" : t.k === "janee" ? kind === "boolean" : false;
  const scalar = numeric || t.k === "datum" || t.k === "janee" || t.k === "tekst" || t.k === "soort";
  if (fits || !scalar) return null;
  const text = c.d.text(raw);
  const what = kind === "number" ? c.d.concat(["'het getal '", shortened(c, text)]) : kind === "boolean" ? text : kind === "object" ? "'een object'" : "'een lijst'";
  // Never read: every row with a value has this error, a NULL is P0704.
  const v: V = numeric ? { k: "num", x: c.a.const(0n, 1n) } : t.k === "datum" ? { k: "day", x: "CAST(0 AS BIGINT)" } : t.k === "janee" ? { k: "bool", x: "FALSE" } : { k: "text", x: "''" };
  return { v, err: (path) => c.whenDyn(`${raw} IS NOT NULL`, "P0705", [`\`${path}\` moet ${typeNoun(typeDescOf(t))} zijn, maar is `, { sql: what }], path) };
}

/**
 * The integer raw · 10^scale of a DECIMAL(p, scale), exactly. DuckDB checks a
 * DECIMAL product in 64 bits against precision 18 (DECIMAL(18, 6) · 10^6
 * overflows above 10^18), so beyond p + s = 18 the value is first widened to
 * DECIMAL(38, s); beyond p + s = 38 the whole and fractional parts are scaled
 * apart.
 */
function unscaled(c: Ctx, raw: string, p: number, scale: number, int: string): string {
  const s = 10n ** BigInt(scale);
  if (c.d.name !== "duckdb") return `CAST(${raw} * ${s} AS ${int})`;
  if (p + scale <= 18) return `CAST(${raw} * ${s} AS ${int})`;
  const wide = `CAST(${raw} AS DECIMAL(38, ${scale}))`;
  if (p + scale <= 38) return `CAST(${wide} * ${s} AS ${int})`;
  // (x - trunc(x)) * 10^s keeps scale s in DuckDB's DECIMAL product: 2s digits,
  // past 38 for s > 19 (a DECIMAL(38, 30) of 12,5 stopped the whole query).
  // The text of a DECIMAL has exactly s decimals ("12.500…", "-.5" for
  // DECIMAL(p, p)): without its point it is the unscaled integer, below 10^38.
  return `CAST(replace(CAST(${raw} AS VARCHAR), '.', '') AS ${int})`;
}

/** The first P07xx error of a value (raw NULL: missing), or null. Path parts: text or {sql}. */
export function validate(c: Ctx, raw: string, json: boolean, t: IR.Type, path: string, restriction?: IR.Input["desc"]["restriction"], typed?: { v: V; err: (path: string) => string | null }): string | null {
  const n = NESTED[c.d.name];
  const f = c.f;
  const missing = c.when(`${raw} IS NULL`, "P0704", `veld \`${path}\` ontbreekt`, path);
  if (typed) {
    const typeErr = typed.err(path);
    const r = restriction ? restrictionError(c, typed.v, t, path, restriction) : null;
    return c.first(missing, c.onlyIf(`${raw} IS NOT NULL`, c.first(typeErr, r)));
  }
  if (t.k === "periode") return c.onlyIf(`${raw} IS NOT NULL`, periodError(c, raw, json, t, path));
  if (t.k === "lijst" || t.k === "record") {
    const inner = t.k === "lijst" ? listError(c, raw, json, t, path) : recordError(c, raw, json, t, path);
    return c.first(missing, c.onlyIf(`${raw} IS NOT NULL`, inner));
  }
  if (t.k === "duur") return c.first(missing, c.onlyIf(`${raw} IS NOT NULL`, durationError(c, raw, json, t, path)));
  const text = f.col(n.scalarText(raw, json));
  const num = f.col(c.d.matches(text, NUMBER));
  const shown = { sql: text };
  const given = { sql: givenText(c, raw, json, text) };
  const asText = { sql: quoted(c, text) };
  let typeErr: string | null;
  switch (t.k) {
    case "bedrag": case "getal": case "aantal": case "percentage": {
      const notNum = c.whenDyn(`NOT ${num}`, "P0706", [`\`${path}\` is geen geldig getal: `, given], path);
      const { frac } = split(c, text);
      const extra =
        t.k === "bedrag"
          ? c.whenDyn(`${num} AND length(rtrim(${frac}, '0')) > 2`, "P0710", [`\`${path}\` is een bedrag met meer dan twee decimalen: `, given], path)
          : t.k === "aantal"
            ? c.whenDyn(`${num} AND (length(rtrim(${frac}, '0')) > 0 OR (${text} LIKE '-%' AND ltrim(rtrim(replace(${text}, '-', ''), '0'), '0.') <> ''))`, "P0711", [`\`${path}\` moet een geheel aantal van 0 of meer zijn, maar is `, given], path)
            : null;
      typeErr = c.first(notNum, extra);
      break;
    }
    case "datum":
      typeErr = c.whenDyn(`NOT ${dateOf(c, text).valid}`, "P0707", [`\`${path}\` is geen geldige datum: `, asText], path);
      break;
    case "janee":
      typeErr = c.whenDyn(`${text} NOT IN ('true', 'false')`, "P0705", [`\`${path}\` moet ${typeNoun(typeDescOf(t))} zijn, maar is `, { sql: described(c, raw, json, text) }], path);
      break;
    case "soort":
      // Equalities, not `NOT IN (…)`: DuckDB plans an IN list of six or more values as a hash join.
      typeErr = c.whenDyn(c.f.not(`(${t.values.map((v) => `${text} = ${c.d.str(v)}`).join(" OR ") || "FALSE"})`), "P0709", [`\`${path}\` heeft de onbekende waarde `, asText, ` voor soort \`${t.name}\``], path);
      break;
    default:
      typeErr = null;
  }
  if (json) {
    // A JSON value of another kind (runtime/case-decode.ts decodeValue): P0705 before the text is read.
    // A janee may be the text "true" or "false", as in a text column (docs/sql.md: every scalar its case-file text).
    const kinds = t.k === "janee" ? "'boolean', 'string'" : t.k === "bedrag" || t.k === "getal" || t.k === "aantal" || t.k === "percentage" ? "'string', 'number'" : "'string'";
    const kindErr = c.whenDyn(`jsonb_typeof(${raw}) NOT IN (${kinds})`, "P0705", [`\`${path}\` moet ${typeNoun(typeDescOf(t))} zijn, maar is `, { sql: described(c, raw, json, text) }], path);
    typeErr = c.first(kindErr, c.onlyIf(`jsonb_typeof(${raw}) IN (${kinds})`, typeErr));
  }
  // A valid number whose digits the engine's exact integers cannot hold: an error for this row, never a NULL or a wrong number.
  if (typeErr !== null && (t.k === "bedrag" || t.k === "getal" || t.k === "aantal" || t.k === "percentage")) {
    const x = decodeText(c, text, t);
    if (x.k === "num") {
      const tooLarge = c.whenDyn(`(${x.x.n} IS NULL OR ${x.x.d} IS NULL)`, "P0902", [`\`${path}\` heeft meer cijfers dan SQL exact kan rekenen (38): `, shown], path);
      typeErr = c.first(typeErr, c.onlyIf(`${typeErr} IS NULL`, tooLarge));
    }
  }
  const restrictionErr = restriction ? restrictionError(c, decodeText(c, text, t), t, path, restriction) : null;
  return c.first(missing, c.onlyIf(`${raw} IS NOT NULL`, c.first(typeErr, restrictionErr && c.onlyIf(`${typeErr ?? "NULL"} IS NULL`, restrictionErr))));
}

/**
 * The first error of a periode, as runtime/case-decode.ts readPeriod: an
 * object (P0705) with no other keys (P0713) and both keys (P0713), each a
 * date (P0705, P0707 at `veld.van`), `tot_en_met` not before `van` (P0713,
 * both dates named). A struct column has its two keys by its type; a jsonb
 * value is checked key by key.
 */
function periodError(c: Ctx, raw: string, json: boolean, t: IR.Type, path: string): string | null {
  const n = NESTED[c.d.name];
  const f = c.f;
  const keys = ["van", "tot_en_met"] as const;
  const per = `\`${path}\` is geen geldige periode: `;
  const shape: (string | null)[] = [];
  const object = json ? `jsonb_typeof(${raw}) = 'object'` : "TRUE";
  if (json) {
    shape.push(c.whenDyn(`jsonb_typeof(${raw}) NOT IN ('object', 'null')`, "P0705", [`\`${path}\` moet ${typeNoun(typeDescOf(t))} zijn, maar is `, { sql: described(c, raw, json, n.scalarText(raw, json)) }], path));
    const unknown = f.col(`CASE WHEN ${object} THEN (SELECT k FROM jsonb_object_keys(${raw}) AS ks(k) WHERE k NOT IN ('van', 'tot_en_met') LIMIT 1) END`);
    shape.push(c.whenDyn(`${unknown} IS NOT NULL`, "P0713", [`${per}onbekende sleutel `, { sql: quoted(c, unknown) }], path));
    for (const k of keys) shape.push(c.when(`${object} AND NOT (${raw} ? '${k}')`, "P0713", `${per}\`${k}\` ontbreekt`, path));
  }
  const dates = keys.map((k) => {
    const value = json ? f.col(`(${raw} -> '${k}')`) : f.col(c.d.field(raw, k));
    const text = f.col(n.scalarText(value, json));
    const date = dateOf(c, text);
    const notText = json ? `jsonb_typeof(${value}) <> 'string'` : `${value} IS NULL`;
    const what = json ? described(c, value, json, text) : "'null'";
    const type = c.whenDyn(notText, "P0705", [`\`${path}.${k}\` moet een datum zijn, maar is `, { sql: what }], `${path}.${k}`);
    const invalid = c.whenDyn(`NOT ${date.valid}`, "P0707", [`\`${path}.${k}\` is geen geldige datum: `, { sql: quoted(c, text) }], `${path}.${k}`);
    return { date, err: c.first(type, c.onlyIf(`NOT (${notText})`, invalid)) };
  });
  const [van, tot] = [dates[0]!.date, dates[1]!.date];
  const order = c.whenDyn(`${van.valid} AND ${tot.valid} AND ${tot.day} < ${van.day}`, "P0713", [`${per}\`tot_en_met\` (`, { sql: c.msg.iso(tot.day) }, ") ligt voor `van` (", { sql: c.msg.iso(van.day) }, ")"], path);
  const valued = c.first(dates[0]!.err, dates[1]!.err, order);
  return json ? c.first(...shape, c.onlyIf(object, valued)) : valued;
}

/** A duur's JSON text without its NULL fields (a Parquet struct has a field for every unit). */
function durationJson(c: Ctx, raw: string, json: boolean): string {
  const j = c.f.col(`regexp_replace(${NESTED[c.d.name].jsonText(raw, json)}, '"[a-z_]+":null,?', '', 'g')`);
  return c.f.col(`regexp_replace(${j}, ',}$', '}')`);
}

/**
 * The first error of a duur, as runtime/case-decode.ts readDuration: an
 * object with exactly one known unit whose count is a whole number (P0705,
 * P0712, P0706 at `veld.eenheid`), the count at most 2^53 - 1 days or months.
 */
function durationError(c: Ctx, raw: string, json: boolean, t: IR.Type, path: string): string | null {
  const n = NESTED[c.d.name];
  const j = durationJson(c, raw, json);
  const orNull = (x: string) => c.f.col(`NULLIF(${x}, '')`);
  const key = orNull(n.extract(j, '^\\{"([^"]*)":'));
  const value = orNull(n.extract(j, '^\\{"[^"]*":([^,}]*)'));
  const unquoted = c.f.col(`CASE WHEN ${value} LIKE '"%' THEN substr(${value}, 2, length(${value}) - 2) ELSE ${value} END`);
  const keys = c.f.col(`length(${j}) - length(replace(${j}, '":', '_'))`);
  const duur = `\`${path}\` is geen geldige duur: `;
  const notObject = c.whenDyn(`${j} NOT LIKE '{%'`, "P0705", [`\`${path}\` moet ${typeNoun(typeDescOf(t))} zijn, maar is `, { sql: described(c, raw, json, n.scalarText(raw, json)) }], path);
  const count = c.whenDyn(`${keys} <> 1`, "P0712", [`${duur}precies één eenheid verwacht, maar er zijn er `, { sql: `CAST(${keys} AS ${c.d.name === "spark" ? "STRING" : "TEXT"})` }], path);
  const unknown = c.whenDyn(`${key} NOT IN ('dagen', 'weken', 'maanden', 'jaren')`, "P0712", [`${duur}onbekende eenheid "`, { sql: key }, `"`], path);
  const perUnit = (["dagen", "weken", "maanden", "jaren"] as const).map((u) => {
    const factor = u === "weken" ? 7 : u === "jaren" ? 12 : 1;
    const isNumber = c.d.matches(unquoted, NUMBER);
    // readNumber: a JSON string or number that is no number is P0706, any other value P0705.
    const other = `CASE WHEN ${value} LIKE '{%' THEN 'een object' WHEN ${value} LIKE '[%' THEN 'een lijst' ELSE ${value} END`;
    const notNumber = c.first(
      c.whenDyn(`(${value} IN ('true', 'false', 'null') OR ${value} LIKE '{%' OR ${value} LIKE '[%')`, "P0705", [`\`${path}.${u}\` moet een aantal zijn, maar is `, { sql: other }], `${path}.${u}`),
      c.whenDyn(`NOT ${isNumber}`, "P0706", [`\`${path}.${u}\` is geen geldig getal: `, { sql: value }], `${path}.${u}`),
    );
    const whole = c.f.col(n.extract(unquoted, "^-?([0-9]+)"));
    const fraction = c.whenDyn(`${isNumber} AND ${c.d.matches(unquoted, "-?[0-9]+\\.[0-9]*[1-9][0-9]*")}`, "P0712", [`${duur}het aantal ${u} moet geheel zijn, maar is `, { sql: value }], path);
    const tooLarge = c.whenDyn(
      `${isNumber} AND (length(ltrim(${whole}, '0')) > 16 OR CAST(CASE WHEN length(ltrim(${whole}, '0')) > 16 THEN '0' ELSE ${whole} END AS BIGINT) * ${factor} > 9007199254740991)`,
      "P0712",
      [duur, { sql: value }, ` ${u} is te groot`],
      path,
    );
    return c.onlyIf(`${key} = '${u}'`, c.first(notNumber, fraction, tooLarge));
  });
  return c.first(notObject, c.onlyIf(`${j} LIKE '{%'`, c.first(count, c.onlyIf(`${keys} = 1`, c.first(unknown, ...perUnit)))));
}

/** runtime/case-describe.ts `shorten`: at most 40 characters, then "…". */
function shortened(c: Ctx, text: string): string {
  return `CASE WHEN length(${text}) > 40 THEN ${c.d.concat([`substr(${text}, 1, 40)`, c.d.str("…")])} ELSE ${text} END`;
}

/**
 * A text as runtime/case-describe.ts `quote` shows it: JSON.stringify of
 * the shortened text (`"a\\"b"`, control characters escaped; DuckDB and Spark
 * write the hex digits of a rare control character such as U+001F in upper
 * case, JSON.stringify in lower case). Message-only: a local column,
 * evaluated only for the row that has the error.
 */
function quoted(c: Ctx, text: string): string {
  const d = c.d;
  const short = shortened(c, text);
  const json =
    d.name === "postgres"
      ? `CAST(to_jsonb(CAST(${short} AS TEXT)) AS TEXT)`
      : d.name === "duckdb"
        ? `CAST(to_json(${short}) AS VARCHAR)`
        : `regexp_extract(to_json(named_struct('v', ${short})), ${d.str('^\\{"v":(.*)\\}$')}, 1)`;
  return new LocalFrame(c.f.names).col(json);
}

/** Whether a value is a text (a text column, a CSV cell, a JSON string). */
function isText(c: Ctx, raw: string, json: boolean): string {
  if (c.d.name === "postgres") return json ? `jsonb_typeof(${raw}) = 'string'` : `pg_typeof(${raw}) IN ('text'::regtype, 'character varying'::regtype)`;
  return c.d.name === "duckdb" ? `typeof(${raw}) = 'VARCHAR'` : `typeof(${raw}) = 'string'`;
}

/**
 * A number as the JavaScript path shows it in a message (runtime/case-describe.ts
 * `show`): a string (a text column, a CSV cell, a JSON string) quoted, a number
 * as it is; both shortened.
 */
function givenText(c: Ctx, raw: string, json: boolean, text: string): string {
  return `CASE WHEN ${isText(c, raw, json)} THEN ${quoted(c, text)} ELSE ${shortened(c, text)} END`;
}

/** What was given, in a few words, as runtime/case-describe.ts `describe`: `de tekst "ja"`, `het getal 1`, `een lijst`. */
function described(c: Ctx, raw: string, json: boolean, text: string): string {
  const d = c.d;
  const asText = d.concat(["'de tekst '", quoted(c, text)]);
  const asNumber = d.concat(["'het getal '", shortened(c, text)]);
  if (d.name === "postgres") {
    if (!json) return `CASE WHEN ${isText(c, raw, json)} THEN ${asText} ELSE ${asNumber} END`;
    return `CASE jsonb_typeof(${raw}) WHEN 'string' THEN ${asText} WHEN 'number' THEN ${asNumber} WHEN 'object' THEN 'een object' WHEN 'array' THEN 'een lijst' WHEN 'null' THEN 'null' ELSE ${text} END`;
  }
  const ty = d.name === "duckdb" ? `typeof(${raw})` : `upper(typeof(${raw}))`;
  return `CASE WHEN ${isText(c, raw, json)} THEN ${asText} WHEN ${ty} LIKE 'STRUCT%' THEN 'een object' WHEN ${ty} LIKE '%[]' OR ${ty} LIKE 'ARRAY%' THEN 'een lijst' ELSE ${asNumber} END`;
}

/**
 * The first error of a record's fields, in declaration order (runtime/case-decode.ts
 * decodeFields): a NULL field is missing (P0704) unless optional.
 */
function recordError(c: Ctx, raw: string, json: boolean, t: IR.Type & { k: "record" }, path: string): string | null {
  const errs = t.fields.map((f) => {
    const field = c.f.col(c.d.field(raw, f.name));
    const e = validate(c, field, json, f.type, `${path}.${f.name}`, f.restriction);
    if (f.optional) return c.onlyIf(`${field} IS NOT NULL`, e);
    // A JSON null is no value of any type but a periode (the empty one): P0705, as decodeField.
    if (!json || f.type.k === "periode") return e;
    const isNull = c.when(`jsonb_typeof(${raw} -> ${c.d.str(f.name)}) = 'null'`, "P0705", `\`${path}.${f.name}\` moet ${typeNoun(typeDescOf(f.type))} zijn, maar is null`, `${path}.${f.name}`);
    return c.first(isNull, e);
  });
  return c.first(...errs);
}

/** A type that is or holds a list (in a field, at any depth). */
function containsList(t: IR.Type): boolean {
  return t.k === "lijst" || (t.k === "record" && t.fields.some((f) => containsList(f.type)));
}

/** Nesting depth of list checks: each level has its own lambda variables and index mark. */
let depth = 0;

/**
 * The first error of a list's elements, in order, with the element's place
 * in the field (`behandelingen[2].kosten`, 0-based as runtime/case-decode.ts
 * readList). Each element is checked by an inline expression (no column may
 * capture a lambda variable); its path holds a mark that is replaced by the
 * element's index. A NULL element is P0705, as a JSON null element is.
 */
function listError(c: Ctx, raw: string, json: boolean, t: IR.Type & { k: "lijst" }, path: string): string | null {
  const k = depth++;
  try {
    const mark = `§${k}§`;
    const v = `ev${k}`;
    const i = `ei${k}`;
    // Each intermediate of the element's checks is named once (scope.ts) and
    // bound inside the lambda, instead of written out at every use. Not for
    // elements that hold lists themselves: bind() does not nest, so those are
    // written inline.
    const named = !containsList(t.elem);
    const inline = c.with(named ? new LocalFrame(c.f.names) : new InlineFrame(c.f.names), c.where, c.locals);
    const elem = `${path}[${mark}]`;
    const isNull = json ? `(${v} IS NULL OR ${v} = 'null'::jsonb)` : `${v} IS NULL`;
    const nullErr = inline.when(isNull, "P0705", `\`${elem}\` moet ${typeNoun(typeDescOf(t.elem))} zijn, maar is null`, elem);
    const checked = inline.first(nullErr, inline.onlyIf(`NOT ${isNull}`, validate(inline, v, json, t.elem, elem)));
    if (checked === null) return null;
    const e = named ? bind(c.f.names, c.d, checked) : checked;
    const d = c.d;
    if (d.name === "postgres") {
      return c.f.col(
        `(SELECT replace(he, ${d.str(mark)}, CAST(${i} - 1 AS TEXT)) FROM jsonb_array_elements(${raw}) WITH ORDINALITY AS el(${v}, ${i}) ` +
          `CROSS JOIN LATERAL (SELECT ${e} AS he) AS hs WHERE he IS NOT NULL ORDER BY ${i} LIMIT 1)`,
      );
    }
    if (d.name === "duckdb") {
      return c.f.col(`list_filter(list_transform(${raw}, (${v}, ${i}) -> replace(${e}, ${d.str(mark)}, CAST(${i} - 1 AS VARCHAR))), he -> he IS NOT NULL)[1]`);
    }
    return c.f.col(`try_element_at(filter(transform(${raw}, (${v}, ${i}) -> replace(${e}, ${d.str(mark)}, CAST(${i} AS STRING))), he -> he IS NOT NULL), 1)`);
  } finally {
    depth--;
  }
}

function restrictionError(c: Ctx, v: V, t: IR.Type, path: string, restriction: NonNullable<IR.Input["desc"]["restriction"]>): string | null {
  let restrictionErr: string | null = null;
  {
    const conds: string[] = [];
    const cmp = (a: V, b: V, op: string) => (a.k === "num" && b.k === "num" ? c.a.cmp(a.x, b.x, op) : `(${(a as { x: string }).x} ${op} ${(b as { x: string }).x})`);
    if (restriction.min !== undefined) conds.push(cmp(v, constant(c, restriction.min as Rat, t), "<"));
    if (restriction.max !== undefined) conds.push(cmp(v, constant(c, restriction.max as Rat, t), ">"));
    if (restriction.oneOf) conds.push(c.f.not(`(${restriction.oneOf.map((o) => equal(c, v, constant(c, o as IR.Value, t))).join(" OR ") || "FALSE"})`));
    if (conds.length > 0) {
      restrictionErr = c.whenDyn(`(${conds.join(" OR ")})`, "P0708", [`\`${path}\` is `, { sql: c.msg.dutch(v, t.k) }, `, maar moet voldoen aan \`${restriction.text}\``], path);
    }
  }
  return restrictionErr;
}

export type { Frame };
