// Aggregations over a list (LANGUAGE.md §6): `aantal`, `som`, `er is een`,
// `voor alle`, as a correlated subquery over the list's elements (a nested
// Frame), with the JavaScript path's order: elements in order, the filter
// before the body, `er is een` stopping at the first element that holds and
// `voor alle` at the first that does not; the first error met wins.
// The sum of rationals is a fold in element order: DuckDB `list_reduce`,
// PostgreSQL a recursive CTE (NUMERIC integers never overflow), Spark
// `aggregate`: exact, whatever the denominators.

import type * as IR from "../ir/ir.js";
import { Frame } from "./frame.js";
import { compile, num, period, UnsupportedInSql, type Ctx } from "./expr.js";
import type { ListH, V, Val } from "./value.js";
import { valueAggregate, unpack } from "./lists.js";

/** The element indexes 1 … n: a list for DuckDB (lambdas), rows elsewhere. */
function series(c: Ctx, len: string): string {
  return c.d.name === "duckdb" ? `range(1, CAST(${len} AS BIGINT) + 1)` : c.d.series(len);
}

interface Elements {
  frame: Frame;
  i: string;
  elem: V;
  len: string;
}

export function elements(c: Ctx, l: ListH): Elements {
  const a = c.a;
  if (l.kind === "vals") {
    const len = c.f.col(`COALESCE(${c.d.listLen(l.sql)}, 0)`);
    const frame = new Frame(c.f.names, series(c, len));
    const i = frame.baseColumn("i");
    const elem = unpack(c.with(frame, c.where, c.locals), c.d.listElem(l.sql, i), l.elem);
    return { frame, i, elem, len };
  }
  if (l.kind === "raw") {
    const len = c.f.col(`COALESCE(${c.d.listLen(l.raw)}, 0)`);
    const frame = new Frame(c.f.names, series(c, len));
    const i = frame.baseColumn("i");
    const elem = c.host.decode(c.d.listElem(l.raw, i), l.json, l.elem, frame);
    return { frame, i, elem, len };
  }
  // kalendermaanden: the month pieces of [s, e).
  const { s, e } = l;
  const first = a.ymd(s);
  const last = a.ymd(c.f.col(`${e} - 1`));
  const m0 = c.f.col(`${first.y} * 12 + ${first.m} - 1`);
  const len = c.f.col(`CASE WHEN ${e} <= ${s} THEN 0 ELSE ${last.y} * 12 + ${last.m} - 1 - ${m0} + 1 END`);
  const frame = new Frame(c.f.names, series(c, len));
  const i = frame.baseColumn("i");
  const inner = c.with(frame, c.where, c.locals).a;
  const monthStart = (k: string) => {
    const ym = frame.col(`${m0} + ${k}`);
    const y = frame.col(inner.floorDiv(ym, "12"));
    const m = frame.col(`${ym} - ${y} * 12 + 1`);
    return inner.day(y, m, "1");
  };
  const start = frame.col(`CASE WHEN ${i} = 1 THEN ${s} ELSE ${monthStart(`${i} - 1`)} END`);
  const next = monthStart(i);
  const end = frame.col(`CASE WHEN ${next} < ${e} THEN ${next} ELSE ${e} END`);
  const ctx = c.with(frame, c.where, c.locals);
  return { frame, i, elem: period(ctx, start, end), len };
}

/** One subquery over the elements computing several aggregates; each read back by name. */
function packed(c: Ctx, f: Frame, fields: { alias: string; sql: string }[]): (alias: string) => string {
  const d = c.d;
  if (d.name === "duckdb") return packedList(c, f, fields);
  let row: string;
  if (d.name === "spark") row = `named_struct(${fields.map((x) => `'${x.alias}', ${x.sql}`).join(", ")})`;
  else row = `json_build_object(${fields.map((x) => `'${x.alias}', ${x.sql}`).join(", ")})`;
  const s = c.f.col(`(${f.render([{ alias: "r", sql: row }])})`);
  if (d.name === "spark") return (a) => c.f.col(`${s}.${a}`);
  return (a) => c.f.col(`(${s} ->> '${a}')`);
}

/**
 * DuckDB: the aggregates as list functions over the element structs. Each
 * field is written as an aggregate over the rows (min, sum, list_reduce …);
 * here it becomes the list function of the same name over a per-element value.
 */
function packedList(c: Ctx, f: Frame, fields: { alias: string; sql: string }[]): (alias: string) => string {
  const parsed = fields.map((x) => ({ alias: x.alias, ...listAggregate(x.sql) }));
  const list = c.f.col(f.renderList(parsed.map((x) => ({ alias: x.alias, sql: x.arg }))));
  const v = c.f.names.fresh().replace("q__", "v__");
  const out = new Map<string, string>();
  for (const x of parsed) out.set(x.alias, c.f.col(x.wrap(`list_transform(${list}, ${v} -> ${v}.${x.alias})`)));
  return (a) => out.get(a)!;
}

/** `min(X)` → list_min, `COALESCE(sum(X), 0)` → list_sum, `list_reduce(COALESCE(list(X ORDER BY i), []), …)` → list_reduce. */
function listAggregate(sql: string): { arg: string; wrap: (list: string) => string } {
  // A guarded fold (an overflow is NULL, sum() below): the same list form, guarded.
  const t = /^TRY\((list_reduce\(.*\))\)$/s.exec(sql);
  if (t) {
    const inner = listAggregate(t[1]!);
    return { arg: inner.arg, wrap: (l) => `TRY(${inner.wrap(l)})` };
  }
  let m = /^min\((.*)\)$/s.exec(sql);
  if (m) return { arg: m[1]!, wrap: (l) => `list_min(${l})` };
  m = /^COALESCE\(sum\((.*)\), 0\)$/s.exec(sql);
  if (m) return { arg: m[1]!, wrap: (l) => `COALESCE(list_sum(${l}), 0)` };
  m = /^list_reduce\(COALESCE\(list\((.*) ORDER BY [^)]*\), \[\]\), (.*)\)$/s.exec(sql);
  if (m) return { arg: m[1]!, wrap: (l) => `list_reduce(${l}, ${m![2]})` };
  throw new Error(`internal: no list form for ${sql.slice(0, 40)}`);
}

const MEMO = new WeakMap<object, Map<string, Val>>();

/** The same aggregation over the same values (a function called twice with equal arguments) is computed once. */
export function aggregate(c: Ctx, x: IR.Expr & { e: "agg" }): Val {
  let byKey = MEMO.get(c.f);
  if (!byKey) MEMO.set(c.f, (byKey = new Map()));
  const key = `${x.span.file}:${x.span.start}:${x.span.end}|${c.where}|${JSON.stringify([...c.locals.entries()], (_k, v) => (typeof v === "bigint" ? String(v) : v))}`;
  const found = byKey.get(key);
  if (found) return found;
  const v = aggregateOnce(c, x);
  byKey.set(key, v);
  return v;
}

function aggregateOnce(c: Ctx, x: IR.Expr & { e: "agg" }): Val {
  const list = compile(c, x.list);
  if (list.v.k !== "list") throw new Error("internal: aggregation over a non-list");
  const el = elements(c, list.v.l);
  const locals = new Map(c.locals);
  locals.set(x.variable, { v: el.elem, err: null });
  const inner = c.with(el.frame, c.where, locals);
  const f = el.frame;
  const filter = x.filter ? compile(inner, x.filter) : { v: { k: "bool", x: "TRUE" } as V, err: null };
  const pred = (filter.v as { x: string }).x;
  if (!["aantal", "som", "er is een", "voor alle"].includes(x.op)) {
    const r = valueAggregate(c, x, { frame: f, i: el.i }, inner, filter, compile(inner, x.body!));
    return { v: r.v, err: c.first(list.err, r.err) };
  }
  const body = x.op === "som" ? compile(inner, x.body!) : null;
  const e = inner.first(filter.err, body ? inner.onlyIf(pred, body.err) : null) ?? "NULL";
  const key = (sql: string) => `lpad(${c.d.digits(el.i)}, 12, '0') || ${sql}`;
  // The error of the first element that has one, tagged with its position.
  const firstErr = `min(CASE WHEN ${e} IS NOT NULL THEN ${key(e)} END)`;
  let value: V;
  const errOf = (tagged: string) => c.f.col(`substr(${tagged}, 13)`);
  const idxOf = (tagged: string) => c.f.col(`CAST(substr(${tagged}, 1, 12) AS ${c.d.small})`);
  let err: string | null;
  switch (x.op) {
    case "aantal": {
      const get = packed(c, f, [{ alias: "e", sql: firstErr }, { alias: "n", sql: `COALESCE(sum(CASE WHEN ${pred} THEN 1 ELSE 0 END), 0)` }]);
      value = { k: "num", x: { n: c.f.col(`CAST(${get("n")} AS ${c.d.int})`), d: c.d.lit(1n), dl: 1n } };
      err = errOf(get("e"));
      break;
    }
    case "er is een": case "voor alle": {
      const stop = x.op === "er is een" ? pred : `NOT ${pred}`;
      const get = packed(c, f, [{ alias: "e", sql: firstErr }, { alias: "s", sql: `min(CASE WHEN ${e} IS NULL AND ${stop} THEN ${el.i} END)` }]);
      const tagged = get("e");
      const firstStop = c.f.col(`CAST(${get("s")} AS ${c.d.small})`);
      const found = `${firstStop} IS NOT NULL`;
      value = { k: "bool", x: c.f.col(x.op === "er is een" ? `(${found})` : `NOT (${found})`) };
      err = c.f.col(`CASE WHEN ${tagged} IS NOT NULL AND (${firstStop} IS NULL OR ${idxOf(tagged)} < ${firstStop}) THEN ${errOf(tagged)} END`);
      break;
    }
    case "som": {
      const b = num(body!.v);
      const r = sum(c, f, el.i, pred, b.n, b.d, firstErr, b.dl);
      value = { k: "num", x: r.x };
      err = errOf(r.tagged);
      break;
    }
    default:
      throw new UnsupportedInSql(`de aggregatie \`${x.op}\``);
  }
  return { v: value, err: c.first(list.err, err) };
}

/** Σ n/d over the elements where pred holds, in element order, exactly; and the first error. */
function sum(c: Ctx, f: Frame, i: string, pred: string, n: string, d: string, firstErr: string, dl?: bigint): { x: { n: string; d: string; dl?: bigint }; tagged: string } {
  const int = c.d.int;
  const zero = c.d.lit(0n);
  const one = c.d.lit(1n);
  const pn = `CASE WHEN ${pred} THEN ${n} ELSE ${zero} END`;
  const pd = `CASE WHEN ${pred} THEN ${d} ELSE ${one} END`;
  if (c.d.name === "duckdb") {
    const reduce = `(a, b) -> {'n': (a.n * b.d + b.n * a.d) // gcd(a.n * b.d + b.n * a.d, a.d * b.d), 'd': (a.d * b.d) // gcd(a.n * b.d + b.n * a.d, a.d * b.d)}`;
    // A sum past HUGEINT: NULL (TRY) and the row's P0903 where compile() takes the check (num.ts Arith.ov).
    const guard = c.d.guard !== undefined && c.a.tracking > 0;
    const fold = `list_reduce(COALESCE(list({'n': CAST(${pn} AS ${int}), 'd': CAST(${pd} AS ${int})} ORDER BY ${i}), []), ${reduce}, {'n': ${zero}, 'd': ${one}})`;
    const get = packed(c, f, [
      { alias: "e", sql: firstErr },
      { alias: "s", sql: guard ? c.d.guard!(fold) : fold },
    ]);
    const s = get("s");
    const x = c.a.reduce({ n: c.f.col(`struct_extract(${s}, 'n')`), d: c.f.col(`struct_extract(${s}, 'd')`) });
    if (guard) c.a.ov.push({ cond: `${s} IS NULL`, op: "optelling" });
    return { x, tagged: get("e") };
  }
  if (c.d.name === "spark") {
    const merge = `(a, b) -> named_struct('n', a.n * b.d + b.n * a.d, 'd', a.d * b.d)`;
    const items = `transform(array_sort(collect_list(named_struct('i', ${i}, 'n', ${pn}, 'd', ${pd}))), x -> named_struct('n', x.n, 'd', x.d))`;
    const get = packed(c, f, [{ alias: "e", sql: firstErr }, { alias: "s", sql: `aggregate(${items}, named_struct('n', ${zero}, 'd', ${one}), ${merge})` }]);
    const s = get("s");
    const x = { n: c.f.col(`${s}.n`), d: c.f.col(`${s}.d`) };
    // With ANSI mode off an overflowing DECIMAL gives NULL: the row's P0903 where compile() takes the check.
    if (c.a.tracking > 0) c.a.ov.push({ cond: `(${x.n} IS NULL OR ${x.d} IS NULL)`, op: "optelling" });
    return { x, tagged: get("e") };
  }
  if (dl !== undefined) {
    // PostgreSQL, a known denominator: the sum of the numerators (NUMERIC sums are exact).
    const get = packed(c, f, [{ alias: "e", sql: firstErr }, { alias: "s", sql: `COALESCE(sum(${pn}), 0)` }]);
    return { x: { n: c.f.col(`CAST(${get("s")} AS NUMERIC)`), d: c.d.lit(dl), dl }, tagged: get("e") };
  }
  // PostgreSQL: a recursive fold over the elements, as the text "n/d".
  const elems = f.render([{ alias: "i", sql: i }, { alias: "n", sql: pn }, { alias: "d", sql: pd }, { alias: "e", sql: firstErr.slice(4, -1) }]);
  const g = "gcd(r.n * e.d + e.n * r.d, r.d * e.d)";
  const step = `SELECT CAST(e.i AS BIGINT), div(r.n * e.d + e.n * r.d, ${g}), div(r.d * e.d, ${g}) FROM r JOIN e ON e.i = r.i + 1`;
  const fold = `WITH RECURSIVE e AS (${elems}), r(i, n, d) AS (SELECT CAST(0 AS BIGINT), ${zero}, ${one} UNION ALL ${step}) SELECT CAST(n AS TEXT) || '/' || CAST(d AS TEXT) || '/' || COALESCE((SELECT min(e.e) FROM e), '') FROM r ORDER BY i DESC LIMIT 1`;
  const s = c.f.col(`(${fold})`);
  const tagged = c.f.col(`NULLIF(substr(${s}, strpos(substr(${s}, strpos(${s}, '/') + 1), '/') + strpos(${s}, '/') + 1), '')`);
  return {
    x: { n: c.f.col(`CAST(split_part(${s}, '/', 1) AS NUMERIC)`), d: c.f.col(`CAST(split_part(${s}, '/', 2) AS NUMERIC)`) },
    tagged,
  };
}
