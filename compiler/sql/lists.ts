// Lists as values (LANGUAGE.md §6.1, §6.2; issue 19) in SQL: `grootste`,
// `kleinste`, `eerste`, `laatste` van, `de … van elke`, `lopende som van`,
// list literals (the values of a soort), `x in lijst`, list outputs, and
// choosing or comparing lists.
// A computed list is an array of element structs ("vals"): per Polis value
// kind its columns (number n, d; date x; duration u, n; period s, e; boolean
// or text x; record r, the raw element). DuckDB LIST with lambdas, Spark
// ARRAY with higher-order functions; PostgreSQL refuses these forms (P0901).
// Semantics follow runtime/lists.ts: list order is kept, the first error met
// in element order wins (`laatste` walks from the end), an empty selection is
// P0813.
// INVARIANT: expressions inside a lambda are built with an InlineFrame (no
// column may capture a lambda variable).

import type * as IR from "../ir/ir.js";
import { InlineFrame, type Frame } from "./frame.js";
import { UnsupportedInSql, equal, num, type Ctx } from "./expr.js";
import { encodeOutput } from "./encode.js";
import { elements } from "./aggregate.js";
import type { Num } from "./num.js";
import type { V, Val } from "./value.js";

type Fields = [string, string][];

/**
 * Array functions: DuckDB LIST with lambdas, Spark ARRAY with higher-order
 * functions, PostgreSQL jsonb arrays of objects read with
 * jsonb_array_elements subqueries (jsonb numbers are NUMERIC: exact).
 */
class Arrays {
  constructor(private readonly c: Ctx) {}
  private get duck(): boolean {
    return this.c.d.name === "duckdb";
  }
  private get pg(): boolean {
    return this.c.d.name === "postgres";
  }
  /** PostgreSQL: the elements of l as rows (x the element, x_o its 1-based position). */
  private rows(l: string, x: string): string {
    return `jsonb_array_elements(${l}) WITH ORDINALITY AS ${x}_t(${x}, ${x}_o)`;
  }
  struct(fields: Fields): string {
    if (this.pg) return `jsonb_build_object(${fields.map(([k, v]) => `'${k}', ${v}`).join(", ")})`;
    return this.duck ? `{${fields.map(([k, v]) => `'${k}': ${v}`).join(", ")}}` : `named_struct(${fields.map(([k, v]) => `'${k}', ${v}`).join(", ")})`;
  }
  array(items: string[]): string {
    if (this.pg) return `jsonb_build_array(${items.join(", ")})`;
    return this.duck ? `[${items.join(", ")}]` : `array(${items.join(", ")})`;
  }
  filter(l: string, x: string, body: string): string {
    if (this.pg) return `(SELECT COALESCE(jsonb_agg(${x} ORDER BY ${x}_o), '[]'::jsonb) FROM ${this.rows(l, x)} WHERE ${body})`;
    return this.duck ? `list_filter(${l}, ${x} -> ${body})` : `filter(${l}, ${x} -> ${body})`;
  }
  /** Each element mapped to a struct (body). */
  map(l: string, x: string, body: string): string {
    if (this.pg) return `(SELECT COALESCE(jsonb_agg(${body} ORDER BY ${x}_o), '[]'::jsonb) FROM ${this.rows(l, x)})`;
    return this.duck ? `list_transform(${l}, ${x} -> ${body})` : `transform(${l}, ${x} -> ${body})`;
  }
  /** The least (greatest) of body over the elements; NULL for none. */
  minOf(l: string, x: string, body: string, max = false): string {
    if (this.pg) return `(SELECT ${max ? "max" : "min"}(${body}) FROM ${this.rows(l, x)})`;
    const m = this.map(l, x, body);
    return this.duck ? `list_${max ? "max" : "min"}(${m})` : `array_${max ? "max" : "min"}(${m})`;
  }
  /** The texts body of the elements joined with sep. */
  joinOf(l: string, x: string, body: string, sep = ","): string {
    if (this.pg) return `(SELECT COALESCE(string_agg(${body}, '${sep}' ORDER BY ${x}_o), '') FROM ${this.rows(l, x)})`;
    const m = this.map(l, x, body);
    return this.duck ? `array_to_string(${m}, '${sep}')` : `array_join(${m}, '${sep}')`;
  }
  /** Whether body holds for every k in 1 … n. */
  allUpTo(n: string, k: string, body: string): string {
    if (this.pg) return `(SELECT COALESCE(bool_and(${body}), TRUE) FROM generate_series(1, ${n}) AS ${k}_t(${k}))`;
    return this.fold(this.map(this.upTo(n), k, body), "TRUE", "p", "q", "(p AND q)");
  }
  /** The first element b of l for which no element is better(other, b) (`grootste`, `kleinste`); NULL for none. */
  best(l: string, a: string, b: string, better: string): string {
    if (this.pg) return `(SELECT ${a} FROM ${this.rows(l, a)} WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(${l}) AS ${b}_t(${b}) WHERE ${better}) ORDER BY ${a}_o LIMIT 1)`;
    return this.fold(l, this.at(l, 1), a, b, `CASE WHEN ${better} THEN ${b} ELSE ${a} END`);
  }
  fold(l: string, init: string, a: string, b: string, body: string): string {
    return this.duck ? `list_reduce(${l}, (${a}, ${b}) -> ${body}, ${init})` : `aggregate(${l}, ${init}, (${a}, ${b}) -> ${body})`;
  }
  /** 1-based; negative from the end; NULL when out of range. */
  at(l: string, k: number | string): string {
    if (this.pg) return typeof k === "number" ? `(${l} -> ${k > 0 ? k - 1 : k})` : `(${l} -> CAST(${k} - 1 AS INTEGER))`;
    return this.duck ? `(${l})[${k}]` : `try_element_at(${l}, ${k})`;
  }
  len(l: string): string {
    if (this.pg) return `jsonb_array_length(${l})`;
    return this.duck ? `len(${l})` : `size(${l})`;
  }
  prefix(l: string, k: string): string {
    return this.duck ? `list_slice(${l}, 1, ${k})` : `slice(${l}, 1, ${k})`;
  }
  /** 1 … n (n ≥ 0). */
  upTo(n: string): string {
    return this.duck ? `range(1, ${n} + 1)` : `filter(sequence(1, greatest(${n}, 1)), k -> k <= ${n})`;
  }
  fresh(): string {
    return this.c.f.names.fresh().replace("q__", "x__");
  }
}

/** A field of an element struct as a value of its kind (PostgreSQL: read from jsonb and cast). */
function get(c: Ctx, s: string, k: string, kind: "int" | "small" | "bool" | "text" | "raw"): string {
  if (c.d.name !== "postgres") return c.d.field(s, k);
  switch (kind) {
    case "int": return `CAST(${s} ->> '${k}' AS NUMERIC)`;
    case "small": return `CAST(${s} ->> '${k}' AS BIGINT)`;
    case "bool": return `CAST(${s} ->> '${k}' AS BOOLEAN)`;
    case "text": return `(${s} ->> '${k}')`;
    case "raw": return `NULLIF(${s} -> '${k}', 'null'::jsonb)`;
  }
}

/** The columns of a value, as struct fields (names prefixed). */
export function pack(c: Ctx, v: V, prefix = ""): Fields {
  const int = (x: string) => `CAST(${x} AS ${c.d.int})`;
  const small = (x: string) => `CAST(${x} AS ${c.d.small})`;
  switch (v.k) {
    case "num": return [[`${prefix}n`, int(v.x.n)], [`${prefix}d`, int(v.x.d)]];
    case "day": return [[`${prefix}x`, small(v.x)]];
    case "bool": case "text": return [[`${prefix}x`, v.x]];
    case "dur": return [[`${prefix}u`, small(v.u)], [`${prefix}n`, small(v.n)]];
    case "per": return [[`${prefix}s`, small(v.s)], [`${prefix}e`, small(v.e)]];
    case "rec": return [[`${prefix}r`, v.raw]];
    case "list": throw new UnsupportedInSql("een lijst van lijsten");
  }
}

/** The value of type t held in the struct s (fields prefixed). */
export function unpack(c: Ctx, s: string, t: IR.Type, prefix = ""): V {
  const g = (k: string, kind: Parameters<typeof get>[3]) => get(c, s, prefix + k, kind);
  switch (t.k) {
    case "bedrag": case "getal": case "aantal": case "percentage": return { k: "num", x: { n: g("n", "int"), d: g("d", "int") } };
    case "datum": return { k: "day", x: g("x", "small") };
    case "janee": return { k: "bool", x: g("x", "bool") };
    case "tekst": case "soort": return { k: "text", x: g("x", "text") };
    case "duur": return { k: "dur", u: g("u", "small"), n: g("n", "small") };
    case "periode": return { k: "per", s: g("s", "small"), e: g("e", "small") };
    case "record": return { k: "rec", raw: g("r", "raw"), json: c.d.name === "postgres", t };
    default: throw new UnsupportedInSql("een lijst van lijsten");
  }
}

/** A context whose expressions are written inline (inside a lambda). */
export function inline(c: Ctx): Ctx {
  return c.with(new InlineFrame(c.f.names), c.where, c.locals);
}

export interface ElementRows {
  /** The frame over the elements, and the element index column. */
  frame: Frame;
  i: string;
}

/**
 * The elements as an array of structs {i, s (passes), e (tagged error), b…
 * (the body's columns)}, in element order.
 */
function elementArray(c: Ctx, el: ElementRows, fields: Fields): string {
  const A = new Arrays(c);
  if (c.d.name === "duckdb") return c.f.col(el.frame.renderList(fields.map(([alias, sql]) => ({ alias, sql }))));
  if (c.d.name === "postgres") return c.f.col(`(${el.frame.render([{ alias: "r", sql: `COALESCE(jsonb_agg(${A.struct(fields)} ORDER BY ${el.i}), '[]'::jsonb)` }])})`);
  return c.f.col(`(${el.frame.render([{ alias: "r", sql: `array_sort(collect_list(${A.struct(fields)}))` }])})`);
}

/** The aggregations of issue 19 over elements (aggregate.ts gives the rows, filter and body). */
export function valueAggregate(
  c: Ctx,
  x: IR.Expr & { e: "agg" },
  el: ElementRows,
  inner: Ctx,
  filter: Val,
  body: Val,
): Val {
  const A = new Arrays(c);
  const d = c.d;
  const pred = (filter.v as { x: string }).x;
  const passes = filter.err === null ? pred : `(${filter.err} IS NULL AND ${pred})`;
  const e = inner.first(filter.err, inner.onlyIf(pred, body.err));
  const tagged = e === null ? "NULL" : `lpad(${d.digits(el.i)}, 12, '0') || ${e}`;
  const E = elementArray(c, el, [["i", el.i], ["s", `COALESCE(${passes}, FALSE)`], ["e", tagged], ...pack(inner, body.v, "b")]);
  const xv = A.fresh();
  const S = c.f.col(A.filter(E, xv, get(c, xv, "s", "bool")));
  const firstTag = e === null ? null : c.f.col(A.minOf(E, xv, get(c, xv, "e", "text"), x.op === "laatste"));
  const errOf = (t: string) => c.f.col(`substr(${t}, 13)`);
  const idxOf = (t: string) => `CAST(substr(${t}, 1, 12) AS ${d.small})`;
  const empty = c.f.col(`${A.len(S)} = 0`);
  const p0813 = () => c.when(empty, "P0813", `\`${x.op} van\` een lege lijst (of zonder element waarvoor de voorwaarde geldt) bestaat niet in ${c.where}`);
  const elemType = x.body!.type;
  const lc = inline(c);
  switch (x.op) {
    case "elke": {
      const list = c.f.col(A.map(S, xv, A.struct(pack(lc, unpack(lc, xv, elemType, "b")))));
      return { v: { k: "list", l: { kind: "vals", sql: list, elem: elemType } }, err: firstTag && errOf(firstTag) };
    }
    case "lopende som": {
      const nums = c.f.col(A.map(S, xv, A.struct([["n", get(c, xv, "bn", "int")], ["d", get(c, xv, "bd", "int")]])));
      let list: string;
      if (d.name === "postgres") list = c.f.col(runningSumPg(nums));
      else {
        const k = A.fresh();
        list = c.f.col(A.map(A.upTo(A.len(nums)), k, sumOf(lc, A, A.prefix(nums, k))));
      }
      return { v: { k: "list", l: { kind: "vals", sql: list, elem: elemType } }, err: firstTag && errOf(firstTag) };
    }
    case "grootste": case "kleinste": {
      const a = A.fresh();
      const b = A.fresh();
      const va = unpack(lc, a, elemType, "b");
      const vb = unpack(lc, b, elemType, "b");
      const better = compare(lc, vb, va, x.op === "grootste" ? ">" : "<");
      const best = c.f.col(A.best(S, a, b, better));
      const kinds = durKinds(c, A, S, elemType);
      return { v: unpack(c, best, elemType, "b"), err: c.first(firstTag && errOf(firstTag), kinds, p0813()) };
    }
    case "eerste": case "laatste": {
      const chosen = c.f.col(A.at(S, x.op === "eerste" ? 1 : -1));
      const at = get(c, chosen, "i", "small");
      const err = firstTag && c.f.col(`CASE WHEN ${firstTag} IS NOT NULL AND (${empty} OR ${idxOf(firstTag)} ${x.op === "eerste" ? "<=" : ">="} ${at}) THEN ${errOf(firstTag)} END`);
      return { v: unpack(c, chosen, elemType, "b"), err: c.first(err, p0813()) };
    }
    default:
      throw new Error(`internal: ${x.op} is not a list aggregation`);
  }
}

/** Durations whose unit is known only at run time: a P0808 when the passing elements mix units. */
function durKinds(c: Ctx, A: Arrays, S: string, t: IR.Type): string | null {
  if (t.k !== "duur" || t.unit !== null) return null;
  const xv = A.fresh();
  const u = get(c, xv, "bu", "small");
  return c.when(`${A.minOf(S, xv, u)} <> ${A.minOf(S, xv, u, true)}`, "P0808", `duren van verschillende soort kunnen niet vergeleken worden: dagen en maanden in ${c.where}`);
}

function compare(lc: Ctx, a: V, b: V, op: ">" | "<"): string {
  switch (a.k) {
    case "num": return lc.a.cmp(a.x, num(b), op);
    case "day": return `(${a.x} ${op} ${(b as { x: string }).x})`;
    case "dur": return `(${a.n} ${op} ${(b as V & { k: "dur" }).n})`;
    default: throw new UnsupportedInSql(`\`grootste\` of \`kleinste\` van ${a.k}`);
  }
}

/** The exact sum of an array of {n, d} structs, as a struct {n, d}. */
function sumOf(lc: Ctx, A: Arrays, l: string): string {
  const d = lc.d;
  const a = A.fresh();
  const b = A.fresh();
  const na: Num = { n: d.field(a, "n"), d: d.field(a, "d") };
  const nb: Num = { n: d.field(b, "n"), d: d.field(b, "d") };
  const s = lc.a.add(na, nb, 1);
  const int = (x: string) => `CAST(${x} AS ${d.int})`;
  return A.fold(l, A.struct([["n", int("0")], ["d", int("1")]]), a, b, A.struct([["n", int(s.n)], ["d", int(s.d)]]));
}

/** PostgreSQL: the running sums of a jsonb array of {n, d}, in order, by a recursive fold (NUMERIC integers: exact). */
function runningSumPg(nums: string): string {
  const g = "gcd(r.n * e.d + e.n * r.d, r.d * e.d)";
  const elems = `SELECT o, CAST(x ->> 'n' AS NUMERIC) AS n, CAST(x ->> 'd' AS NUMERIC) AS d FROM jsonb_array_elements(${nums}) WITH ORDINALITY AS t(x, o)`;
  const step = `SELECT e.o, div(r.n * e.d + e.n * r.d, ${g}), div(r.d * e.d, ${g}) FROM r JOIN e ON e.o = r.o + 1`;
  return `(WITH RECURSIVE e AS (${elems}), r(o, n, d) AS (SELECT CAST(0 AS BIGINT), CAST(0 AS NUMERIC), CAST(1 AS NUMERIC) UNION ALL ${step}) SELECT COALESCE(jsonb_agg(jsonb_build_object('n', n, 'd', d) ORDER BY o) FILTER (WHERE o > 0), '[]'::jsonb) FROM r)`;
}

/** A list written out (the values of a soort): an array of element structs. */
export function listLiteral(c: Ctx, items: Val[], t: IR.Type): Val {
  if (t.k !== "lijst") throw new Error("internal: list literal of a non-list type");
  const A = new Arrays(c);
  const sql = c.f.col(A.array(items.map((it) => A.struct(pack(c, it.v)))));
  return { v: { k: "list", l: { kind: "vals", sql, elem: t.elem } }, err: c.first(...items.map((it) => it.err)) };
}

/** Any list as an array of element structs (the elements of a raw list or of kalendermaanden, mapped). */
export function toVals(c: Ctx, v: V): { sql: string; elem: IR.Type } {
  if (v.k !== "list") throw new Error("internal: not a list");
  if (v.l.kind === "vals") return { sql: v.l.sql, elem: v.l.elem };
  const el = elements(c, v.l);
  const elem: IR.Type = v.l.kind === "raw" ? v.l.elem : { k: "periode" };
  return { sql: elementArray(c, el, [["i", el.i], ...pack(c.with(el.frame, c.where, c.locals), el.elem)]), elem };
}

/** Equality of two lists: element-wise; lists of records by their canonical JSON texts. */
export function listValuesEqual(c: Ctx, a: V, b: V, t: IR.Type): string {
  const x = toVals(c, a);
  if (x.elem.k === "record") return `(${jsonOf(c, a, t)} = ${jsonOf(c, b, t)})`;
  return listsEqual(c, x.sql, toVals(c, b).sql, x.elem);
}

/** Element-wise equality of two arrays of element structs of type t. */
export function listsEqual(c: Ctx, a: string, b: string, t: IR.Type): string {
  const A = new Arrays(c);
  const lc = inline(c);
  const k = A.fresh();
  const eq = equal(lc, unpack(lc, A.at(a, k), t), unpack(lc, A.at(b, k), t));
  const all = A.allUpTo(A.len(a), k, eq);
  return c.f.col(`(${A.len(a)} = ${A.len(b)} AND ${all})`);
}

/** `lijst van T` output text: a JSON array of the elements' case-file encodings. */
export function encodeList(c: Ctx, sql: string, t: IR.Type): string {
  const A = new Arrays(c);
  const lc = inline(c);
  const xv = A.fresh();
  return c.f.col(c.d.concat(["'['", A.joinOf(sql, xv, jsonOf(lc, unpack(lc, xv, t), t)), "']'"]));
}

/** The fields of a record value, decoded (inputs are validated before), with whether each was given. */
function recordFields(c: Ctx, v: V & { k: "rec" }): { name: string; optional: boolean; given: string; v: V; t: IR.Type }[] {
  return v.t.fields.map((f) => {
    const raw = c.d.field(v.raw, f.name);
    return { name: f.name, optional: f.optional === true, given: `(${raw} IS NOT NULL)`, v: c.host.decode(raw, v.json, f.type, c.f), t: f.type };
  });
}

/** The texts joined by sep; a NULL part is left out (an optional field that was not given). */
function joinParts(c: Ctx, sep: string, parts: string[]): string {
  return parts.length === 0 ? "''" : `concat_ws(${c.d.str(sep)}, ${parts.join(", ")})`;
}

/**
 * A value as the JSON text `polis run` prints for it (runtime/case-encode.ts):
 * a record as an object in field order without the optional fields that
 * were not given, a list as an array, an `aantal` beyond 2^53 − 1 a string.
 */
export function jsonOf(c: Ctx, v: V, t: IR.Type): string {
  switch (v.k) {
    case "rec": {
      const parts = recordFields(c, v).map((f) => {
        const part = c.d.concat([c.d.str(`${JSON.stringify(f.name)}:`), jsonOf(c, f.v, f.t)]);
        return f.optional ? `CASE WHEN ${f.given} THEN ${part} END` : part;
      });
      return c.f.col(c.d.concat(["'{'", joinParts(c, ",", parts), "'}'"]));
    }
    case "list": {
      const elem = (t as IR.Type & { k: "lijst" }).elem;
      if (elem.k === "record") return recordTexts(c, v, (ec, e) => jsonOf(ec, e, elem), ",");
      return encodeList(c, toVals(c, v).sql, elem);
    }
    default:
      break;
  }
  const text = encodeOutput(c, v, t);
  switch (t.k) {
    case "aantal": {
      const digits = c.f.col(c.d.digits(text));
      return c.f.col(`CASE WHEN abs(${text}) > 9007199254740991 THEN ${c.d.concat([`'"'`, digits, `'"'`])} ELSE ${digits} END`);
    }
    case "janee": return `CASE WHEN ${text} THEN 'true' ELSE 'false' END`;
    case "duur": case "periode": return `COALESCE(${text}, 'null')`;
    default: return c.d.concat([`'"'`, c.d.jsonEscape(text), `'"'`]);
  }
}

/**
 * A value in Polis notation for messages (runtime/dutch.ts): lists `[a, b]`,
 * records `{veld waarde, …}`. A scalar on its own is formatted inline (only
 * for the row with the error); inside a record or list of records in the
 * frame's shared columns (inline, every field would repeat its expressions).
 */
export function dutchOf(c: Ctx, v: V, t: IR.Type, nested = false): string {
  switch (v.k) {
    case "rec": {
      const parts = recordFields(c, v).map((f) => {
        const part = c.d.concat([c.d.str(`${f.name} `), dutchOf(c, f.v, f.t, true)]);
        return f.optional ? `CASE WHEN ${f.given} THEN ${part} END` : part;
      });
      return c.d.concat(["'{'", joinParts(c, ", ", parts), "'}'"]);
    }
    case "list": {
      const elem = (t as IR.Type & { k: "lijst" }).elem;
      return recordTexts(c, v, (ec, e) => dutchOf(ec, e, elem, true), ", ");
    }
    default:
      return nested ? c.fmt.dutch(v, t.k) : c.msg.dutch(v, t.k);
  }
}

/**
 * A list (of records) as text: each element's text computed in a frame over
 * the elements, where a decoded field is one shared column (inside a lambda
 * every use would repeat its whole expression), joined with sep in [ ].
 */
function recordTexts(c: Ctx, v: V, text: (ec: Ctx, e: V) => string, sep: string): string {
  if (v.k !== "list") throw new Error("internal: not a list");
  const A = new Arrays(c);
  const el = elements(c, v.l);
  const texts = elementArray(c, el, [["i", el.i], ["j", text(c.with(el.frame, c.where, c.locals), el.elem)]]);
  const xv = A.fresh();
  return c.f.col(c.d.concat(["'['", A.joinOf(texts, xv, get(c, xv, "j", "text"), sep), "']'"]));
}

/**
 * Equality of two records (runtime/types.ts valueEquals): their output JSON
 * texts, which are canonical (every field re-encoded from its decoded value,
 * fields not given left out).
 */
export function recordsEqual(c: Ctx, a: V & { k: "rec" }, b: V & { k: "rec" }): string {
  return `(${jsonOf(c, a, a.t)} = ${jsonOf(c, b, b.t)})`;
}

/** Each element mapped (a lijst van bedrag output rounds every element to cents). */
export function mapList(c: Ctx, sql: string, t: IR.Type, fn: (lc: Ctx, v: V) => V): string {
  const A = new Arrays(c);
  const lc = inline(c);
  const xv = A.fresh();
  return c.f.col(A.map(sql, xv, A.struct(pack(lc, fn(lc, unpack(lc, xv, t))))));
}
