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
import { compile, num, period, type Ctx } from "./expr.js";
import type { ListH, V, Val } from "./value.js";

interface Elements {
  frame: Frame;
  i: string;
  elem: V;
  len: string;
}

function elements(c: Ctx, l: ListH): Elements {
  const a = c.a;
  if (l.kind === "raw") {
    const len = c.f.col(`COALESCE(${c.d.listLen(l.raw)}, 0)`);
    const frame = new Frame(c.f.names, c.d.series(len));
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
  const frame = new Frame(c.f.names, c.d.series(len));
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

export function aggregate(c: Ctx, x: IR.Expr & { e: "agg" }): Val {
  const list = compile(c, x.list);
  if (list.v.k !== "list") throw new Error("internal: aggregation over a non-list");
  const el = elements(c, list.v.l);
  const locals = new Map(c.locals);
  locals.set(x.variable, { v: el.elem, err: null });
  const inner = c.with(el.frame, c.where, locals);
  const f = el.frame;
  const filter = x.filter ? compile(inner, x.filter) : { v: { k: "bool", x: "TRUE" } as V, err: null };
  const pred = (filter.v as { x: string }).x;
  const body = x.op === "som" ? compile(inner, x.body!) : null;
  const e = inner.first(filter.err, body ? inner.onlyIf(pred, body.err) : null) ?? "NULL";
  const key = (sql: string) => `lpad(${c.d.digits(el.i)}, 12, '0') || ${sql}`;
  // The error of the first element that has one, tagged with its position.
  const firstErr = `min(CASE WHEN ${e} IS NOT NULL THEN ${key(e)} END)`;
  let value: V;
  const sub = (sql: string) => c.f.col(`(${sql})`);
  const errOf = (tagged: string) => c.f.col(`substr(${tagged}, 13)`);
  const idxOf = (tagged: string) => c.f.col(`CAST(substr(${tagged}, 1, 12) AS ${c.d.small})`);
  let err: string | null;
  switch (x.op) {
    case "aantal": {
      const tagged = sub(f.render([{ alias: "e", sql: firstErr }]));
      const n = sub(f.render([{ alias: "n", sql: `COALESCE(sum(CASE WHEN ${pred} THEN 1 ELSE 0 END), 0)` }]));
      value = { k: "num", x: { n: c.f.col(`CAST(${n} AS ${c.d.int})`), d: c.d.lit(1n), dl: 1n } };
      err = errOf(tagged);
      break;
    }
    case "er is een": case "voor alle": {
      const stop = x.op === "er is een" ? pred : `NOT ${pred}`;
      const tagged = sub(f.render([{ alias: "e", sql: firstErr }]));
      const firstStop = sub(f.render([{ alias: "s", sql: `min(CASE WHEN ${e} IS NULL AND ${stop} THEN ${el.i} END)` }]));
      const found = `${firstStop} IS NOT NULL`;
      value = { k: "bool", x: c.f.col(x.op === "er is een" ? `(${found})` : `NOT (${found})`) };
      err = c.f.col(`CASE WHEN ${tagged} IS NOT NULL AND (${firstStop} IS NULL OR ${idxOf(tagged)} < ${firstStop}) THEN ${errOf(tagged)} END`);
      break;
    }
    case "som": {
      const tagged = sub(f.render([{ alias: "e", sql: firstErr }]));
      const b = num(body!.v);
      value = { k: "num", x: sum(c, f, el.i, pred, b.n, b.d) };
      err = errOf(tagged);
      break;
    }
  }
  return { v: value, err: c.first(list.err, err) };
}

/** Σ n/d over the elements where pred holds, in element order, exactly. */
function sum(c: Ctx, f: Frame, i: string, pred: string, n: string, d: string): { n: string; d: string } {
  const int = c.d.int;
  const zero = c.d.lit(0n);
  const one = c.d.lit(1n);
  const pn = `CASE WHEN ${pred} THEN ${n} ELSE ${zero} END`;
  const pd = `CASE WHEN ${pred} THEN ${d} ELSE ${one} END`;
  if (c.d.name === "duckdb") {
    const reduce = `(a, b) -> {'n': (a.n * b.d + b.n * a.d) // gcd(a.n * b.d + b.n * a.d, a.d * b.d), 'd': (a.d * b.d) // gcd(a.n * b.d + b.n * a.d, a.d * b.d)}`;
    const s = c.f.col(`(${f.render([{ alias: "s", sql: `list_reduce(COALESCE(list({'n': CAST(${pn} AS ${int}), 'd': CAST(${pd} AS ${int})} ORDER BY ${i}), []), ${reduce}, {'n': ${zero}, 'd': ${one}})` }])})`);
    return c.a.reduce({ n: c.f.col(`struct_extract(${s}, 'n')`), d: c.f.col(`struct_extract(${s}, 'd')`) });
  }
  if (c.d.name === "spark") {
    const merge = `(a, b) -> named_struct('n', a.n * b.d + b.n * a.d, 'd', a.d * b.d)`;
    const items = `transform(array_sort(collect_list(named_struct('i', ${i}, 'n', ${pn}, 'd', ${pd}))), x -> named_struct('n', x.n, 'd', x.d))`;
    const s = c.f.col(`(${f.render([{ alias: "s", sql: `aggregate(${items}, named_struct('n', ${zero}, 'd', ${one}), ${merge})` }])})`);
    return { n: c.f.col(`${s}.n`), d: c.f.col(`${s}.d`) };
  }
  // PostgreSQL: a recursive fold over the elements, as the text "n/d".
  const elems = f.render([{ alias: "i", sql: i }, { alias: "n", sql: pn }, { alias: "d", sql: pd }]);
  const g = "gcd(r.n * e.d + e.n * r.d, r.d * e.d)";
  const step = `SELECT e.i, div(r.n * e.d + e.n * r.d, ${g}), div(r.d * e.d, ${g}) FROM r JOIN e ON e.i = r.i + 1`;
  const fold = `WITH RECURSIVE e AS (${elems}), r(i, n, d) AS (SELECT CAST(0 AS BIGINT), ${zero}, ${one} UNION ALL ${step}) SELECT CAST(n AS TEXT) || '/' || CAST(d AS TEXT) FROM r ORDER BY i DESC LIMIT 1`;
  const s = c.f.col(`(${fold})`);
  return {
    n: c.f.col(`CAST(split_part(${s}, '/', 1) AS NUMERIC)`),
    d: c.f.col(`CAST(split_part(${s}, '/', 2) AS NUMERIC)`),
  };
}
